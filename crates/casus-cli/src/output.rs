//! Event output formats.

use std::io::Write;

use casus_core::Event;

/// Output format of `casus code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// One JSON object per line.
    Jsonl,
    /// Tab-separated values with a header line.
    Tsv,
    /// PETRARCH's event lines: date, source, target, code, document-sentence id, rule.
    Petr,
}

pub(crate) const TSV_HEADER: &str = "doc\tsentence\tdate\tsource\ttarget\tcode\troot\tquad_class\tgoldstein\tplover_type\tplover_mode\tnegated\tsource_text\ttarget_text\tverb_text\trule\ttext";

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

pub(crate) fn write_event(out: &mut dyn Write, e: &Event, format: Format) -> std::io::Result<()> {
    match format {
        Format::Jsonl => {
            // (Written whole into a buffer first: many small writes through `dyn Write` cost more.)
            let mut buf = Vec::with_capacity(1024);
            serde_json::to_writer(&mut buf, e).map_err(std::io::Error::other)?;
            buf.push(b'\n');
            out.write_all(&buf)
        }
        Format::Petr => writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}-{}\t{}",
            e.date.map(|d| d.to_string().replace('-', "")).unwrap_or_default(),
            e.source,
            e.target.map_or_else(|| "---".to_owned(), |t| t.to_string()),
            e.code,
            clean(&e.doc),
            e.sentence,
            clean(&e.rule),
        ),
        Format::Tsv => {
            let p = e.code.plover();
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                clean(&e.doc),
                e.sentence,
                e.date.map(|d| d.to_string()).unwrap_or_default(),
                e.source,
                e.target.map(|t| t.to_string()).unwrap_or_default(),
                e.code,
                e.code.root(),
                e.code.quad_class().as_u8(),
                e.code.goldstein(),
                p.event_type.map(|t| t.as_str()).unwrap_or_default(),
                p.mode.unwrap_or_default(),
                e.negated,
                clean(&e.source_text),
                clean(e.target_text.as_deref().unwrap_or("")),
                clean(&e.verb_text),
                clean(&e.rule),
                clean(&e.text),
            )
        }
    }
}
