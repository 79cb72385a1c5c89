//! `casus dict`: lint and statistics for dictionaries.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use casus_dict::{Entries, Severity};

/// `casus dict` subcommands.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum DictCommand {
    /// Check dictionary files (default: the embedded lexicon) and report problems with file:line.
    Lint {
        /// Lexicon files or directories; none = the embedded default lexicon.
        paths: Vec<PathBuf>,
        /// Exit non-zero on warnings too.
        #[arg(long)]
        strict: bool,
    },
    /// Counts of actors, agents, patterns and CAMEO codes covered.
    Stats {
        /// Lexicon files or directories; none = the embedded default lexicon.
        paths: Vec<PathBuf>,
    },
}

/// Whether a file named like one of ours (`*.verbs.txt`) is written in the PETRARCH format:
/// `--- NAME [code] ---` blocks, `- pattern` lines, `+synonym` lines or `<!-- -->` comments,
/// which our format never has.
fn looks_like_petrarch(path: &std::path::Path) -> bool {
    let Ok(text) = std::fs::read(path) else { return false };
    let text = String::from_utf8_lossy(&text);
    text.lines().map(str::trim_start).filter(|l| !l.is_empty() && !l.starts_with('#')).take(200).any(|l| {
        (l.starts_with("---") && l.contains('[') && !l.contains('\t'))
            || l.starts_with("- ")
            || l.strip_prefix('+').is_some_and(|r| r.starts_with(|c: char| c.is_ascii_uppercase()))
            || l.starts_with("<!--")
    })
}

fn load(paths: &[PathBuf]) -> anyhow::Result<(Entries, Vec<casus_dict::Diagnostic>)> {
    if paths.is_empty() {
        let l = casus_dict::embedded();
        return Ok((l.entries, l.diagnostics));
    }
    let mut entries = Entries::default();
    let mut diags = Vec::new();
    for p in paths {
        let is_casus = p.is_dir() && !p.join("PETR_config.ini").exists()
            || casus_dict::FileKind::of_path(&p.display().to_string().replace('\\', "/")).is_some()
                && !looks_like_petrarch(p);
        let l = if is_casus {
            casus_dict::load_path(p)
        } else if p.is_dir() {
            casus_dict::load_petrarch_dir(p)
        } else {
            let kind = casus_dict::PetrarchKind::of_path(p).ok_or_else(|| {
                anyhow::anyhow!("{}: not a casus lexicon file nor a recognizable PETRARCH dictionary", p.display())
            })?;
            casus_dict::load_petrarch_file(p, kind)
        }
        .with_context(|| format!("cannot load {}", p.display()))?;
        entries.extend(l.entries);
        diags.extend(l.diagnostics);
    }
    Ok((entries, diags))
}

pub(crate) fn run(cmd: &DictCommand) -> anyhow::Result<ExitCode> {
    let mut out = crate::open_output(None)?;
    match cmd {
        DictCommand::Lint { paths, strict } => {
            let (entries, mut diags) = load(paths)?;
            diags.extend(casus_dict::lint(&entries));
            for d in &diags {
                writeln!(out, "{d}")?;
            }
            let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
            let warnings = diags.len() - errors;
            writeln!(
                out,
                "{errors} errors, {warnings} warnings ({} actor names, {} agent nouns, {} patterns)",
                entries.actors.len(),
                entries.agents.len(),
                entries.patterns.len()
            )?;
            out.flush()?;
            Ok(if errors > 0 || (*strict && warnings > 0) { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        DictCommand::Stats { paths } => {
            let (entries, _) = load(paths)?;
            let stats = casus_dict::Stats::of(&entries);
            write!(out, "{stats}")?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
