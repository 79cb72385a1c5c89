//! `PETR_config.ini`: which dictionaries PETRARCH loads, and its coding options.

use std::path::Path;

use crate::load::read_text;
use crate::Error;

/// The options of a PETRARCH `PETR_config.ini`, typed, with PETRARCH's defaults for
/// options the file leaves out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PetrarchConfig {
    /// `[Dictionaries] verbfile_name`.
    pub verbfile: Option<String>,
    /// `[Dictionaries] actorfile_list` (comma-separated).
    pub actorfiles: Vec<String>,
    /// `[Dictionaries] agentfile_name`.
    pub agentfile: Option<String>,
    /// `[Dictionaries] discardfile_name`.
    pub discardfile: Option<String>,
    /// `[Dictionaries] issuefile_name`.
    pub issuefile: Option<String>,
    /// `[Options] textfile_list` (comma-separated): the texts to code.
    pub textfiles: Vec<String>,
    /// `[Options] textfile_name`: a file listing the texts to code.
    pub textfile_name: Option<String>,
    /// `[Options] eventfile_name`: the output file.
    pub eventfile: Option<String>,
    /// `[Options] code_by_sentence`: show events after each sentence.
    pub code_by_sentence: bool,
    /// `[Options] pause_by_sentence`.
    pub pause_by_sentence: bool,
    /// `[Options] pause_by_story`.
    pub pause_by_story: bool,
    /// `[Options] write_actor_root`: write the dictionary root of each actor.
    pub write_actor_root: bool,
    /// `[Options] write_actor_text`: write the text of each actor noun phrase.
    pub write_actor_text: bool,
    /// `[Options] write_event_text`: write the text of each verb phrase.
    pub write_event_text: bool,
    /// `[Options] null_verbs`: only report verbs missing from the dictionary.
    pub null_verbs: bool,
    /// `[Options] null_actors`: only report actors missing from the dictionary.
    pub null_actors: bool,
    /// `[Options] new_actor_length`: longest unknown noun phrase reported as a new
    /// actor; 0 (the default) disables.
    pub new_actor_length: u32,
    /// `[Options] require_dyad`: events need a source and a target (default true).
    pub require_dyad: bool,
    /// `[Options] stop_on_error`.
    pub stop_on_error: bool,
    /// `[Options] comma_min`: shortest internal comma clause removed (default 2).
    pub comma_min: u32,
    /// `[Options] comma_max`: longest internal comma clause removed (default 8; 0 = off).
    pub comma_max: u32,
    /// `[Options] comma_bmin`: shortest initial comma clause removed (default 0).
    pub comma_bmin: u32,
    /// `[Options] comma_bmax`: longest initial comma clause removed (default 0 = off).
    pub comma_bmax: u32,
    /// `[Options] comma_emin`: shortest terminal comma clause removed (default 2).
    pub comma_emin: u32,
    /// `[Options] comma_emax`: longest terminal comma clause removed (default 8; 0 = off).
    pub comma_emax: u32,
    /// `[StanfordNLP] stanford_dir`.
    pub stanford_dir: Option<String>,
    /// Options this reader does not know: `(section, key, value)`.
    pub other: Vec<(String, String, String)>,
    /// Lines that could not be read: `(line, message)`.
    pub problems: Vec<(usize, String)>,
    /// The line of `issuefile_name` (for diagnostics).
    pub(crate) issuefile_line: usize,
}

impl Default for PetrarchConfig {
    fn default() -> Self {
        PetrarchConfig {
            verbfile: None,
            actorfiles: Vec::new(),
            agentfile: None,
            discardfile: None,
            issuefile: None,
            textfiles: Vec::new(),
            textfile_name: None,
            eventfile: None,
            code_by_sentence: false,
            pause_by_sentence: false,
            pause_by_story: false,
            write_actor_root: false,
            write_actor_text: false,
            write_event_text: false,
            null_verbs: false,
            null_actors: false,
            new_actor_length: 0,
            require_dyad: true,
            stop_on_error: false,
            comma_min: 2,
            comma_max: 8,
            comma_bmin: 0,
            comma_bmax: 0,
            comma_emin: 2,
            comma_emax: 8,
            stanford_dir: None,
            other: Vec::new(),
            problems: Vec::new(),
            issuefile_line: 0,
        }
    }
}

/// Parses a `PETR_config.ini` (Python `ConfigParser` syntax: `[Section]` headers,
/// `key = value` or `key: value`, keys case-insensitive, whole-line `#` and `;` comments,
/// indented continuation lines). Lists are comma-separated. Booleans are
/// `true`/`false`, `yes`/`no`, `on`/`off` or `1`/`0`. Values that cannot be read are
/// listed in [`PetrarchConfig::problems`] and leave the default.
#[must_use]
pub fn parse_petrarch_config(text: &str) -> PetrarchConfig {
    let mut c = PetrarchConfig::default();
    // (section, key, value, line)
    let mut entries: Vec<(String, String, String, usize)> = Vec::new();
    let mut section = String::new();
    for (i, raw) in text.lines().enumerate() {
        let no = i + 1;
        let t = raw.trim();
        if t.is_empty() || t.starts_with('#') || t.starts_with(';') {
            continue;
        }
        if raw.starts_with([' ', '\t']) {
            if let Some(last) = entries.last_mut() {
                if last.0 == section {
                    last.2.push(' ');
                    last.2.push_str(t);
                    continue;
                }
            }
        }
        if let Some(s) = t.strip_prefix('[') {
            match s.strip_suffix(']') {
                Some(name) => section = name.trim().to_owned(),
                None => c.problems.push((no, format!("bad section header {t:?}"))),
            }
            continue;
        }
        let Some(sep) = t.find(['=', ':']) else {
            c.problems.push((no, format!("expected key = value, found {t:?}")));
            continue;
        };
        let key = t[..sep].trim().to_ascii_lowercase();
        let value = t[sep + 1..].trim().to_owned();
        entries.push((section.clone(), key, value, no));
    }
    for (section, key, value, no) in entries {
        c.set(&section, &key, value, no);
    }
    c.problems.sort_by_key(|p| p.0);
    c
}

/// Reads and parses a `PETR_config.ini`.
///
/// # Errors
///
/// Fails when the file cannot be read or is not UTF-8.
pub fn load_petrarch_config(path: &Path) -> Result<PetrarchConfig, Error> {
    Ok(parse_petrarch_config(&read_text(path)?))
}

fn list(v: &str) -> Vec<String> {
    v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

fn opt(v: String) -> Option<String> {
    (!v.is_empty()).then_some(v)
}

impl PetrarchConfig {
    fn set(&mut self, section: &str, key: &str, value: String, no: usize) {
        match (section, key) {
            ("Dictionaries", "verbfile_name") => self.verbfile = opt(value),
            ("Dictionaries", "actorfile_list") => self.actorfiles = list(&value),
            ("Dictionaries", "agentfile_name") => self.agentfile = opt(value),
            ("Dictionaries", "discardfile_name") => self.discardfile = opt(value),
            ("Dictionaries", "issuefile_name") => {
                self.issuefile = opt(value);
                self.issuefile_line = no;
            }
            ("Options", "textfile_list") => self.textfiles = list(&value),
            ("Options", "textfile_name") => self.textfile_name = opt(value),
            ("Options", "eventfile_name") => self.eventfile = opt(value),
            ("StanfordNLP", "stanford_dir") => self.stanford_dir = opt(value),
            ("Options", k) => {
                if let Some(flag) = self.flag(k) {
                    match parse_bool(&value) {
                        Some(b) => *flag = b,
                        None => self.problems.push((no, format!("{k} must be true or false, found {value:?}"))),
                    }
                } else if let Some(n) = self.number(k) {
                    match value.parse::<u32>() {
                        Ok(v) => *n = v,
                        Err(_) => self.problems.push((no, format!("{k} must be a whole number, found {value:?}"))),
                    }
                } else {
                    self.other.push((section.to_owned(), k.to_owned(), value));
                }
            }
            _ => self.other.push((section.to_owned(), key.to_owned(), value)),
        }
    }

    fn flag(&mut self, key: &str) -> Option<&mut bool> {
        Some(match key {
            "code_by_sentence" => &mut self.code_by_sentence,
            "pause_by_sentence" => &mut self.pause_by_sentence,
            "pause_by_story" => &mut self.pause_by_story,
            "write_actor_root" => &mut self.write_actor_root,
            "write_actor_text" => &mut self.write_actor_text,
            "write_event_text" => &mut self.write_event_text,
            "null_verbs" => &mut self.null_verbs,
            "null_actors" => &mut self.null_actors,
            "require_dyad" => &mut self.require_dyad,
            "stop_on_error" => &mut self.stop_on_error,
            _ => return None,
        })
    }

    fn number(&mut self, key: &str) -> Option<&mut u32> {
        Some(match key {
            "new_actor_length" => &mut self.new_actor_length,
            "comma_min" => &mut self.comma_min,
            "comma_max" => &mut self.comma_max,
            "comma_bmin" => &mut self.comma_bmin,
            "comma_bmax" => &mut self.comma_bmax,
            "comma_emin" => &mut self.comma_emin,
            "comma_emax" => &mut self.comma_emax,
            _ => return None,
        })
    }
}

fn parse_bool(v: &str) -> Option<bool> {
    match v.to_ascii_lowercase().as_str() {
        "1" | "yes" | "true" | "on" => Some(true),
        "0" | "no" | "false" | "off" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_and_lists() {
        let text = "# c\n[Dictionaries]\nverbfile_name    = CAMEO.2.0.txt\nactorfile_list   = A.actors.txt, B.actors.txt,\n   C.actors.txt\n#[Dictionaries]\n#verbfile_name = X\nissuefile_name = I.txt\n\n[Options]\nrequire_dyad = False\nnew_actor_length = 4\ncomma_bmax = 3\nwrite_event_text = yes\nnull_actors = False  \ncode_by_sentence = maybe\ncomma_max = many\nsomething_new = 1\n[StanfordNLP]\nstanford_dir = ~/corenlp/\nbad line\n";
        let c = parse_petrarch_config(text);
        assert_eq!(c.verbfile.as_deref(), Some("CAMEO.2.0.txt"));
        assert_eq!(c.actorfiles, ["A.actors.txt", "B.actors.txt", "C.actors.txt"]);
        assert_eq!(c.issuefile.as_deref(), Some("I.txt"));
        assert_eq!(c.issuefile_line, 8);
        assert!(!c.require_dyad);
        assert_eq!(c.new_actor_length, 4);
        assert_eq!((c.comma_bmax, c.comma_max, c.comma_emax), (3, 8, 8));
        assert!(c.write_event_text && !c.null_actors && !c.code_by_sentence);
        assert_eq!(c.stanford_dir.as_deref(), Some("~/corenlp/"));
        assert_eq!(c.other, [("Options".to_owned(), "something_new".to_owned(), "1".to_owned())]);
        let lines: Vec<usize> = c.problems.iter().map(|p| p.0).collect();
        assert_eq!(lines, [16, 17, 21]);
    }

    #[test]
    fn defaults() {
        let c = parse_petrarch_config("");
        assert!(c.require_dyad);
        assert_eq!((c.comma_min, c.comma_max, c.comma_emin, c.comma_emax), (2, 8, 2, 8));
    }
}
