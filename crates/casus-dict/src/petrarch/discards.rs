//! PETRARCH discard lists (`Phoenix.discards.txt`).

use std::sync::Arc;

use super::{clean_lines, phrase_text, Sink};
use crate::entry::{Discard, Entries};
use crate::Diagnostic;

/// Parses a PETRARCH discard list into [`Entries::discards`]: one phrase per line; a
/// sentence containing it is not coded, and with a leading `+` the whole story is not.
/// A trailing `_` means the phrase must end at a word boundary ([`Discard::whole_word`]);
/// without it PETRARCH reads the last word as a stem. Matching is case-insensitive; the
/// phrase is kept as written, `_` read as a space.
pub fn parse_petrarch_discards(text: &str, file: &Arc<str>, out: &mut Entries, diags: &mut Vec<Diagnostic>) {
    let mut sink = Sink::new(file, diags);
    for line in clean_lines(text, false) {
        let t = line.text.as_str();
        let (story, body) = match t.strip_prefix('+') {
            Some(b) => (true, b.trim()),
            None => (false, t),
        };
        let whole_word = body.ends_with('_');
        let phrase = phrase_text(body);
        if phrase.is_empty() {
            sink.warn(line.no, "empty discard phrase: skipped");
            continue;
        }
        out.discards.push(Discard { phrase, story, whole_word, origin: sink.origin(line.no) });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_and_story_discards() {
        let text = "# Story-level discards are indicated with a '+'\n+World Golf Championships   # pas\nBASEBALL   \nGROUP A_\n+\n";
        let mut e = Entries::default();
        let mut d = Vec::new();
        parse_petrarch_discards(text, &Arc::from("x.discards.txt"), &mut e, &mut d);
        let got: Vec<(&str, bool, bool)> =
            e.discards.iter().map(|x| (x.phrase.as_str(), x.story, x.whole_word)).collect();
        assert_eq!(
            got,
            [("World Golf Championships", true, false), ("BASEBALL", false, false), ("GROUP A", false, true)]
        );
        assert_eq!(e.discards[1].origin.line, 3);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].origin.line, 5);
    }
}
