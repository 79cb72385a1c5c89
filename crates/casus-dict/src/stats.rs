//! Counts of what a set of entries covers.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use casus_core::CameoCode;

use crate::entry::{ActorKind, Entries};

/// What a set of entries covers.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    /// Per actor kind: (distinct codes, entries (dictionary lines), names).
    pub actors: BTreeMap<&'static str, (usize, usize, usize)>,
    /// Agent nouns per role.
    pub agents: BTreeMap<String, usize>,
    /// Number of patterns (verb heads and noun heads).
    pub patterns: (usize, usize),
    /// Distinct verb and noun heads.
    pub heads: usize,
    /// CAMEO codes with at least one pattern.
    pub codes_covered: BTreeSet<CameoCode>,
    /// CAMEO codes with none.
    pub codes_missing: Vec<CameoCode>,
}

impl Stats {
    /// Counts `entries`.
    #[must_use]
    pub fn of(entries: &Entries) -> Stats {
        let mut s = Stats::default();
        let mut per_kind: BTreeMap<&'static str, (BTreeSet<String>, BTreeSet<String>, usize)> = BTreeMap::new();
        for a in &entries.actors {
            let k = per_kind.entry(a.kind.as_str()).or_default();
            k.0.insert(a.code.to_string());
            k.1.insert(a.origin.to_string());
            k.2 += 1;
        }
        for (k, (codes, lines, names)) in per_kind {
            s.actors.insert(k, (codes.len(), lines.len(), names));
        }
        let _ = ActorKind::Other;
        for a in &entries.agents {
            *s.agents.entry(a.role.to_string()).or_default() += 1;
        }
        let mut heads = BTreeSet::new();
        for p in &entries.patterns {
            if p.noun_head {
                s.patterns.1 += 1;
            } else {
                s.patterns.0 += 1;
            }
            heads.insert((p.noun_head, p.head.clone()));
            if let Some(c) = p.code {
                s.codes_covered.insert(c);
                // A root's "not specified below" code (120) covers the root itself (12),
                // which event data writes that way.
                if c.as_str().len() == 3 && c.as_str().ends_with('0') {
                    s.codes_covered.insert(c.root());
                }
            }
        }
        s.heads = heads.len();
        s.codes_missing = CameoCode::all().filter(|c| !s.codes_covered.contains(c)).collect();
        s
    }
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "actors (kind: distinct codes, lines, names):")?;
        for (k, (codes, lines, names)) in &self.actors {
            writeln!(f, "  {k:<8} {codes:>6} {lines:>6} {names:>7}")?;
        }
        let total: usize = self.agents.values().sum();
        writeln!(f, "agents: {total} nouns in {} roles", self.agents.len())?;
        for (role, n) in &self.agents {
            writeln!(f, "  {role} {n}")?;
        }
        writeln!(f, "patterns: {} verb, {} noun ({} heads)", self.patterns.0, self.patterns.1, self.heads)?;
        writeln!(
            f,
            "CAMEO codes covered: {} of {}",
            self.codes_covered.len(),
            self.codes_covered.len() + self.codes_missing.len()
        )?;
        if !self.codes_missing.is_empty() {
            let missing: Vec<&str> = self.codes_missing.iter().map(|c| c.as_str()).collect();
            writeln!(f, "  missing: {}", missing.join(" "))?;
        }
        Ok(())
    }
}
