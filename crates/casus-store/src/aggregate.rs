//! Counts per period and key: how many events, their Goldstein sum and mean, and their
//! quad classes.

use rusqlite::params_from_iter;

use crate::store::EVENT_FROM;
use crate::{Filter, Result, Store};

/// What to group events by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    /// Source and target: key `SOURCE:TARGET` (`SOURCE:` without a target).
    Dyad,
    /// Source actor.
    Source,
    /// Target actor (empty key without a target).
    Target,
    /// Root code (`"07"`).
    Root,
    /// Quad class (`"1"`–`"4"`).
    Quad,
}

/// The period events are counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// `YYYY-MM-DD`.
    Day,
    /// The week's Monday, `YYYY-MM-DD`.
    Week,
    /// `YYYY-MM`.
    Month,
}

/// One row of an aggregate. Undated events count in the period `"unknown"`.
#[derive(Debug, Clone, PartialEq)]
pub struct AggregateRow {
    /// The period.
    pub period: String,
    /// The key (see [`GroupBy`]).
    pub key: String,
    /// Number of events.
    pub count: u64,
    /// Sum of their Goldstein values.
    pub goldstein_sum: f64,
    /// Mean Goldstein value.
    pub goldstein_mean: f64,
    /// Events in quad classes 1–4.
    pub quad: [u64; 4],
}

impl Store {
    /// Events `filter` selects, counted by period and key; sorted by period, then count
    /// (descending), then key. The filter's `limit` caps the number of rows.
    ///
    /// # Errors
    ///
    /// Fails when SQLite does.
    pub fn aggregate(&self, filter: &Filter, by: GroupBy, per: Period) -> Result<Vec<AggregateRow>> {
        let key = match by {
            GroupBy::Dyad => "e.source || ':' || coalesce(e.target, '')",
            GroupBy::Source => "e.source",
            GroupBy::Target => "coalesce(e.target, '')",
            GroupBy::Root => "e.root",
            GroupBy::Quad => "CAST(e.quad_class AS TEXT)",
        };
        let period = match per {
            Period::Day => "e.date",
            Period::Week => "date(e.date, '-' || ((CAST(strftime('%w', e.date) AS INTEGER) + 6) % 7) || ' days')",
            Period::Month => "substr(e.date, 1, 7)",
        };
        let (where_sql, mut params) = filter.to_sql();
        let mut sql = format!(
            "SELECT coalesce({period}, 'unknown') AS p, {key} AS k, count(*) AS n, \
             total(e.goldstein), avg(e.goldstein), \
             sum(e.quad_class = 1), sum(e.quad_class = 2), sum(e.quad_class = 3), \
             sum(e.quad_class = 4) \
             FROM {EVENT_FROM} {where_sql} GROUP BY p, k ORDER BY p, n DESC, k"
        );
        if let Some(n) = filter.limit {
            params.push(rusqlite::types::Value::Integer(i64::try_from(n).unwrap_or(i64::MAX)));
            sql.push_str(&format!(" LIMIT ?{}", params.len()));
        }
        let mut st = self.connection().prepare(&sql)?;
        let rows = st.query_map(params_from_iter(params), |r| {
            let q = |i| r.get::<_, i64>(i).map(|v| u64::try_from(v).unwrap_or(0));
            Ok(AggregateRow {
                period: r.get(0)?,
                key: r.get(1)?,
                count: q(2)?,
                goldstein_sum: r.get(3)?,
                goldstein_mean: r.get::<_, Option<f64>>(4)?.unwrap_or(0.0),
                quad: [q(5)?, q(6)?, q(7)?, q(8)?],
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
