//! Which events a query, an aggregate or an export selects.

use casus_core::{ActorCode, CameoCode, Date, QuadClass};
use rusqlite::types::Value;

/// Which side of an event an actor must be on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ActorRole {
    /// The source actor.
    Source,
    /// The target actor.
    Target,
    /// Either.
    #[default]
    Either,
}

/// A selection of events. Every condition set must hold; the default selects everything.
///
/// Actors match by code prefix: `SYR` matches `SYR`, `SYRMIL` and `SYRREBMIL`. A code
/// matches itself and its descendants: `19` matches `190`–`196` and their children.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Actor prefixes and the side each must be on.
    pub actors: Vec<(ActorCode, ActorRole)>,
    /// Event code (and its descendants).
    pub code: Option<CameoCode>,
    /// Root code number, 1–20.
    pub root: Option<u8>,
    /// Quad class.
    pub quad_class: Option<QuadClass>,
    /// First date, inclusive. Undated events are left out when a date bound is set.
    pub date_from: Option<Date>,
    /// Last date, inclusive.
    pub date_to: Option<Date>,
    /// Place: a country code (exact) or part of a first-level division name.
    pub place: Option<String>,
    /// Words that must all occur in the sentence (case-insensitive for ASCII).
    pub text: Vec<String>,
    /// At most this many rows.
    pub limit: Option<usize>,
}

impl Filter {
    /// A filter that selects every event.
    #[must_use]
    pub fn new() -> Filter {
        Filter::default()
    }

    /// Adds an actor condition.
    #[must_use]
    pub fn actor(mut self, code: ActorCode, role: ActorRole) -> Filter {
        self.actors.push((code, role));
        self
    }

    /// The SQL `WHERE` clause (starting with `WHERE`, or empty) over `events e`,
    /// `sentences s` and `documents d`, with its parameters.
    pub(crate) fn to_sql(&self) -> (String, Vec<Value>) {
        let mut conds: Vec<String> = Vec::new();
        let mut params: Vec<Value> = Vec::new();
        let push = |params: &mut Vec<Value>, v: Value| {
            params.push(v);
            params.len()
        };
        for (code, role) in &self.actors {
            // Actor codes hold only [A-Z0-9-]: no GLOB metacharacters.
            let i = push(&mut params, Value::Text(format!("{code}*")));
            conds.push(match role {
                ActorRole::Source => format!("e.source GLOB ?{i}"),
                ActorRole::Target => format!("e.target GLOB ?{i}"),
                ActorRole::Either => format!("(e.source GLOB ?{i} OR e.target GLOB ?{i})"),
            });
        }
        if let Some(c) = self.code {
            let i = push(&mut params, Value::Text(format!("{c}*")));
            conds.push(format!("e.code GLOB ?{i}"));
        }
        if let Some(r) = self.root {
            // A root's codes are the codes from "07" up to, not including, "08": a range
            // over the code index (the root column has no index of its own).
            let i = push(&mut params, Value::Text(format!("{r:02}")));
            let j = push(&mut params, Value::Text(format!("{:02}", u16::from(r) + 1)));
            conds.push(format!("e.code >= ?{i} AND e.code < ?{j}"));
        }
        if let Some(q) = self.quad_class {
            let i = push(&mut params, Value::Integer(i64::from(q.as_u8())));
            conds.push(format!("e.quad_class = ?{i}"));
        }
        if let Some(d) = self.date_from {
            let i = push(&mut params, Value::Text(d.to_string()));
            conds.push(format!("e.date >= ?{i}"));
        }
        if let Some(d) = self.date_to {
            let i = push(&mut params, Value::Text(d.to_string()));
            conds.push(format!("e.date <= ?{i}"));
        }
        if let Some(p) = &self.place {
            let i = push(&mut params, Value::Text(p.clone()));
            let j = push(&mut params, Value::Text(format!("%{}%", like_escape(p))));
            conds.push(format!("(e.country = ?{i} OR e.admin1 LIKE ?{j} ESCAPE '\\')"));
        }
        for w in &self.text {
            let i = push(&mut params, Value::Text(format!("%{}%", like_escape(w))));
            conds.push(format!("s.text LIKE ?{i} ESCAPE '\\'"));
        }
        let sql = if conds.is_empty() { String::new() } else { format!("WHERE {}", conds.join(" AND ")) };
        (sql, params)
    }
}

fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_filter_has_no_where() {
        assert_eq!(Filter::new().to_sql().0, "");
    }

    #[test]
    fn conditions_are_numbered_parameters() {
        let f = Filter {
            root: Some(7),
            text: vec!["50%".into()],
            ..Filter::new().actor("SYR".parse().unwrap_or_else(|e| panic!("{e}")), ActorRole::Either)
        };
        let (sql, params) = f.to_sql();
        assert_eq!(
            sql,
            "WHERE (e.source GLOB ?1 OR e.target GLOB ?1) AND e.code >= ?2 AND e.code < ?3 AND s.text LIKE ?4 ESCAPE '\\'"
        );
        assert_eq!(params[0], Value::Text("SYR*".into()));
        assert_eq!(params[1], Value::Text("07".into()));
        assert_eq!(params[2], Value::Text("08".into()));
        assert_eq!(params[3], Value::Text("%50\\%%".into()));
    }
}
