//! PETRARCH/TABARI agent dictionaries (`Phoenix.agents.txt`).

use std::collections::HashMap;
use std::sync::Arc;

use casus_core::ActorCode;

use super::{clean_lines, phrase_text, Sink};
use crate::entry::{AgentEntry, Entries};
use crate::{normalize, Diagnostic};

/// Parses a PETRARCH agent dictionary.
///
/// ```text
/// !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
/// SOLDIER [~MIL]
/// CONGRESS!PERSON! [~LEG]
/// ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
/// POLICE {} [~COP]
/// HUMAN_RIGHTS_BODY [NGO~]
/// ```
///
/// - `NOUN [~CODE]`: an [`AgentEntry`] with role `CODE` (the code PETRARCH appends to
///   the actor's code), noun in lower case with `_` read as a space.
/// - `NOUN [CODE~]`: PETRARCH puts such a code *before* the actor's code (`NGO~`,
///   `IGO~`): an agent with [`AgentEntry::prefix`] set ("MSF Arnor" → `NGOARN`).
/// - `!NAME! = a, b, c` defines a substitution set; every `!NAME!` in a noun is replaced
///   by each member in turn (several markers in one noun give every combination).
/// - `{PLURAL}` after the noun: an irregular plural, loaded as an entry of its own;
///   `{}` (no plural) needs nothing, since casus derives plurals when it compiles.
/// - A line without a `[code]` is skipped with a warning, as PETRARCH does.
pub fn parse_petrarch_agents(text: &str, file: &Arc<str>, out: &mut Entries, diags: &mut Vec<Diagnostic>) {
    let mut sink = Sink::new(file, diags);
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    for line in clean_lines(text, false) {
        let t = line.text.as_str();
        if t.contains('!') && t.contains('=') && !t.contains('[') {
            define_set(t, line.no, &mut sets, &mut sink);
            continue;
        }
        let Some(open) = t.find('[') else {
            sink.warn(line.no, format!("agent {t:?} has no [code]: skipped, as PETRARCH does"));
            continue;
        };
        let after = &t[open + 1..];
        let (code_raw, tail) = match after.find([']', '}']) {
            Some(c) => {
                if after.as_bytes()[c] == b'}' {
                    sink.warn(line.no, "agent code closed with '}' instead of ']'");
                }
                (&after[..c], after[c + 1..].trim())
            }
            None => {
                sink.error(line.no, format!("unclosed '[' in {t:?}"));
                continue;
            }
        };
        if !tail.is_empty() {
            sink.warn(line.no, format!("text {tail:?} after the code ignored"));
        }
        let code_raw: String = code_raw.split_whitespace().collect();
        let (role_raw, prefix) = if let Some(r) = code_raw.strip_prefix('~') {
            (r, false)
        } else if let Some(r) = code_raw.strip_suffix('~') {
            (r, true)
        } else {
            sink.warn(line.no, format!("agent code [{code_raw}] has no '~'; read as [~{code_raw}]"));
            (code_raw.as_str(), false)
        };
        let role: ActorCode = match role_raw.parse() {
            Ok(r) => r,
            Err(e) => {
                sink.warn(line.no, format!("{e}: agent skipped"));
                continue;
            }
        };
        // The noun and an optional {plural}.
        let head = &t[..open];
        let (noun_raw, plural_raw) = match head.find('{') {
            Some(b) => {
                let inner = &head[b + 1..];
                let Some(e) = inner.find('}') else {
                    sink.warn(line.no, "missing '}': agent skipped, as PETRARCH does");
                    continue;
                };
                (format!("{} {}", &head[..b], &inner[e + 1..]), Some(&inner[..e]))
            }
            None => (head.to_owned(), None),
        };
        let mut nouns = Vec::new();
        match expand(&noun_raw, &sets) {
            Ok(v) => nouns.extend(v),
            Err(e) => {
                sink.warn(line.no, format!("{e}: agent skipped, as PETRARCH does"));
                continue;
            }
        }
        if let Some(p) = plural_raw {
            match expand(p, &sets) {
                Ok(v) => nouns.extend(v),
                Err(e) => sink.warn(line.no, format!("{e}: plural skipped")),
            }
        }
        let mut any = false;
        for n in nouns {
            let noun = normalize(&phrase_text(&n));
            if noun.is_empty() {
                continue;
            }
            any = true;
            let explicit_plural = plural_raw.is_some();
            out.agents.push(AgentEntry { role, noun, prefix, explicit_plural, origin: sink.origin(line.no) });
        }
        if !any {
            sink.warn(line.no, "agent without a noun: skipped");
        }
    }
}

/// Reads `!NAME! = a, b, c`.
fn define_set(t: &str, line: usize, sets: &mut HashMap<String, Vec<String>>, sink: &mut Sink<'_>) {
    let Some((lhs, rhs)) = t.split_once('=') else {
        return;
    };
    let name = lhs.trim().trim_matches('!');
    if name.is_empty() || lhs.trim().matches('!').count() != 2 {
        sink.warn(line, format!("substitution set {:?} is not !NAME!: skipped", lhs.trim()));
        return;
    }
    let members: Vec<String> = rhs.split(',').map(str::trim).filter(|m| !m.is_empty()).map(str::to_owned).collect();
    if members.is_empty() {
        sink.warn(line, format!("substitution set !{name}! has no members"));
    }
    if sets.insert(name.to_owned(), members).is_some() {
        sink.warn(line, format!("substitution set !{name}! defined twice; the later definition wins"));
    }
}

/// Every noun obtained by replacing the `!NAME!` markers of `s` by their members.
fn expand(s: &str, sets: &HashMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let Some(a) = s.find('!') else {
        return Ok(vec![s.to_owned()]);
    };
    let rest = &s[a + 1..];
    let Some(b) = rest.find('!') else {
        return Err(format!("substitution marker in {:?} is not closed", s.trim()));
    };
    let name = &rest[..b];
    let members = sets.get(name).ok_or_else(|| format!("substitution set !{name}! is not defined"))?;
    let mut out = Vec::new();
    for m in members {
        let replaced = format!("{}{m}{}", &s[..a], &rest[b + 1..]);
        out.extend(expand(&replaced, sets)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Severity;

    fn parse(text: &str) -> (Entries, Vec<Diagnostic>) {
        let mut e = Entries::default();
        let mut d = Vec::new();
        parse_petrarch_agents(text, &Arc::from("test.agents.txt"), &mut e, &mut d);
        (e, d)
    }

    fn pairs(e: &Entries) -> Vec<(String, String)> {
        e.agents.iter().map(|a| (a.noun.clone(), a.role.to_string())).collect()
    }

    #[test]
    fn suffix_agents_plurals_and_sets() {
        let text = "<!-- AGENTS -->\n!PERSON! = MAN, WOMEN\nSOLDIER [~MIL] # ss\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\nPOLICE {} [ ~COP]\nCONGRESS!PERSON! [~LEG]\nFIRE!PERSON! {} [~GOV]\nSNEAK_THIEF {SNEAK_THIEVES}[~CRM]\n";
        let (e, d) = parse(text);
        assert!(d.is_empty(), "{d:?}");
        let got = pairs(&e);
        let want: Vec<(String, String)> = [
            ("soldier", "MIL"),
            ("attorney general", "GOVATG"),
            ("attorneys general", "GOVATG"),
            ("police", "COP"),
            ("congressman", "LEG"),
            ("congresswomen", "LEG"),
            ("fireman", "GOV"),
            ("firewomen", "GOV"),
            ("sneak thief", "CRM"),
            ("sneak thieves", "CRM"),
        ]
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn quirks_are_warnings() {
        let text = "HUMAN_RIGHTS_BODY [NGO~]\nISLAMIC_EXTREMIST\nDEPARMENT_OF_ENVIRONMENT [~ENV}\n!MISSING!_OF_X [~GOV]\nBAD [~GOVX]\nOPEN [~GOV\n!A! = X, Y\n!A!_!A! [~REB]\n";
        let (e, d) = parse(text);
        let got = pairs(&e);
        assert_eq!(got[0], ("human rights body".to_owned(), "NGO".to_owned()));
        assert!(e.agents[0].prefix && !e.agents[1].prefix);
        assert_eq!(got[1], ("deparment of environment".to_owned(), "ENV".to_owned()));
        assert_eq!(got.len(), 2 + 4, "{got:?}");
        assert_eq!(got[5].0, "y y");
        let sev: Vec<(usize, Severity)> = d.iter().map(|x| (x.origin.line, x.severity)).collect();
        assert_eq!(
            sev,
            [
                (2, Severity::Warning),
                (3, Severity::Warning),
                (4, Severity::Warning),
                (5, Severity::Warning),
                (6, Severity::Error),
            ]
        );
    }
}
