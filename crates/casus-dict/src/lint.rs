//! Lint: problems in entries that load but probably are not what the author meant.

use std::collections::HashMap;

use crate::compile::name_key;
use crate::entry::{ActorKind, Entries};
use crate::{Diagnostic, Severity};

/// Checks entries for duplicates, conflicting codes and shadowed patterns.
///
/// - the same name with the same code twice (a duplicate);
/// - the same name with different codes on overlapping dates (a conflict), except for
///   persons who hold two offices at once with the same country;
/// - the same agent noun under two roles;
/// - the same pattern twice, or with two different codes (the later one never wins);
/// - a pattern coding a bare root (`12`) where event data writes the root's `120`.
#[must_use]
pub fn lint(entries: &Entries) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let warn = |origin: &crate::Origin, message: String| Diagnostic {
        origin: origin.clone(),
        severity: Severity::Warning,
        message,
    };

    let mut by_name: HashMap<Vec<String>, Vec<usize>> = HashMap::new();
    for (i, a) in entries.actors.iter().enumerate() {
        by_name.entry(name_key(&a.name)).or_default().push(i);
    }
    let mut names: Vec<_> = by_name.into_iter().collect();
    names.sort_by_key(|(_, v)| v[0]);
    for (_, idxs) in names {
        for (k, &j) in idxs.iter().enumerate().skip(1) {
            let b = &entries.actors[j];
            for &i in &idxs[..k] {
                let a = &entries.actors[i];
                let overlap = match (a.dates, b.dates) {
                    (None, _) | (_, None) => true,
                    (Some(x), Some(y)) => {
                        x.start.is_none_or(|s| y.end.is_none_or(|e| s <= e))
                            && y.start.is_none_or(|s| x.end.is_none_or(|e| s <= e))
                    }
                };
                if a.code == b.code && a.dates == b.dates {
                    out.push(warn(
                        &b.origin,
                        format!("duplicate name {:?} for {} (also at {})", b.name, b.code, a.origin),
                    ));
                    break;
                } else if a.code != b.code && overlap {
                    let same_person_country = a.kind == ActorKind::Person
                        && b.kind == ActorKind::Person
                        && a.code.country() == b.code.country();
                    let dated_vs_default = a.dates.is_some() != b.dates.is_some();
                    if !same_person_country && !dated_vs_default {
                        out.push(warn(
                            &b.origin,
                            format!("name {:?} codes as {} here but as {} at {}", b.name, b.code, a.code, a.origin),
                        ));
                        break;
                    }
                }
            }
        }
    }

    let mut agents: HashMap<Vec<String>, usize> = HashMap::new();
    for (i, a) in entries.agents.iter().enumerate() {
        if let Some(&j) = agents.get(&name_key(&a.noun)) {
            let first = &entries.agents[j];
            let msg = if first.role == a.role {
                format!("duplicate agent {:?} (also at {})", a.noun, first.origin)
            } else {
                format!("agent {:?} is {} here but {} at {}", a.noun, a.role, first.role, first.origin)
            };
            out.push(warn(&a.origin, msg));
        } else {
            agents.insert(name_key(&a.noun), i);
        }
    }

    let mut patterns: HashMap<String, usize> = HashMap::new();
    for (i, p) in entries.patterns.iter().enumerate() {
        let key = format!("{}{}|{:?}|{:?}", if p.noun_head { "~" } else { "" }, p.head, p.before, p.items);
        if let Some(code) = p.code.filter(|c| c.as_str().len() == 2) {
            out.push(warn(
                &p.origin,
                format!("pattern {:?} codes the bare root {code}: write {code}0, as event data does", p.id),
            ));
        }
        if let Some(&j) = patterns.get(&key) {
            let first = &entries.patterns[j];
            let msg = if first.code == p.code {
                format!("duplicate pattern {:?} (also at {})", p.id, first.origin)
            } else {
                format!(
                    "pattern {:?} is shadowed by {:?} at {}: same words, another code",
                    p.id, first.id, first.origin
                )
            };
            out.push(warn(&p.origin, msg));
        } else {
            patterns.insert(key, i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{parse_actors, parse_agents, parse_verbs};
    use std::sync::Arc;

    #[test]
    fn finds_duplicates_conflicts_and_shadows() {
        let f: Arc<str> = Arc::from("t");
        let mut e = Entries::default();
        let mut d = Vec::new();
        parse_actors("SYR\tcountry\tSyria\nSYR\tcountry\tSyria\nTUR\tcountry\tSyria\nSYRGOV\tperson\tAssad\t2000-01-01..2024-12-08\nSYRELI\tperson\tAssad\t2024-12-09..\n", &f, &mut e, &mut d);
        parse_agents("MIL\ttroop\nREB\ttroop\n", &f, &mut e, &mut d);
        parse_verbs("190\tattack\n111\tattack\n12\treject\n", &f, &mut e, &mut d);
        assert!(d.is_empty(), "{d:?}");
        let msgs: Vec<String> = lint(&e).iter().map(ToString::to_string).collect();
        assert_eq!(msgs.len(), 5, "{msgs:#?}");
        assert!(msgs[0].contains("duplicate name"));
        assert!(msgs[1].contains("codes as TUR"));
        assert!(msgs[2].contains("agent \"troop\" is REB"));
        assert!(msgs[3].contains("shadowed"));
        assert!(msgs[4].contains("write 120"));
    }
}
