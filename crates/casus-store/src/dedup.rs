//! Deduplicated views of the events: Phoenix's one-a-day filter and cross-document
//! clusters of reports of the same event.
//!
//! Both are computed in Rust over the events a [`Filter`] selects, in event-id order, so
//! the result is deterministic. The filter's `limit` applies to the rows of the view.

use std::collections::{BTreeSet, HashMap};

use casus_core::{ActorCode, CameoCode, Date};

use crate::{Filter, Result, Store, StoredEvent};

/// One row of the one-a-day view: every event with the same date, source, target and code
/// (the Phoenix data sets' deduplication), merged.
#[derive(Debug, Clone, PartialEq)]
pub struct DailyEvent {
    /// The first event of the group (lowest id); its id is the row's id.
    pub first: StoredEvent,
    /// How many events were merged.
    pub count: usize,
    /// Their ids, ascending.
    pub event_ids: Vec<i64>,
    /// The distinct documents they came from, in first-seen order.
    pub doc_ids: Vec<String>,
    /// The distinct document news sources, in first-seen order.
    pub sources: Vec<String>,
    /// The distinct document URLs, in first-seen order.
    pub urls: Vec<String>,
}

/// Reports of one real-world event across documents.
///
/// Events belong to one cluster when they have the same source and target, the same
/// three-digit code prefix (`0721` and `072` agree; `072` and `073` do not; a root code
/// such as `19` only agrees with itself), dates at most one day apart (every event lies
/// within one day of the cluster's first date), and compatible places (see
/// [`Location::is_compatible`](crate::Location::is_compatible): unknown agrees with
/// anything). Undated events each form their own cluster.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// The first report (lowest id among the earliest-dated).
    pub first: StoredEvent,
    /// First and last date of the reports.
    pub dates: (Option<Date>, Option<Date>),
    /// Event ids, ascending.
    pub event_ids: Vec<i64>,
    /// GDELT NumMentions: the number of events in the cluster.
    pub num_mentions: usize,
    /// GDELT NumSources: distinct document `source` values (documents without one count
    /// together as one source).
    pub num_sources: usize,
    /// GDELT NumArticles: distinct documents.
    pub num_articles: usize,
}

type DailyKey = (Option<Date>, ActorCode, Option<ActorCode>, CameoCode);

impl Store {
    /// The one-a-day view: events merged by (date, source, target, code), in order of
    /// their first event.
    ///
    /// # Errors
    ///
    /// Fails when the query does.
    pub fn daily(&self, filter: &Filter) -> Result<Vec<DailyEvent>> {
        let all = Filter { limit: None, ..filter.clone() };
        let mut index: HashMap<DailyKey, usize> = HashMap::new();
        let mut rows: Vec<DailyEvent> = Vec::new();
        self.for_each(&all, |e| {
            let key = (e.event.date, e.event.source, e.event.target, e.event.code);
            let k = *index.entry(key).or_insert_with(|| {
                rows.push(DailyEvent {
                    first: e.clone(),
                    count: 0,
                    event_ids: Vec::new(),
                    doc_ids: Vec::new(),
                    sources: Vec::new(),
                    urls: Vec::new(),
                });
                rows.len() - 1
            });
            let row = &mut rows[k];
            row.count += 1;
            row.event_ids.push(e.id);
            push_distinct(&mut row.doc_ids, &e.event.doc);
            if let Some(s) = &e.doc_source {
                push_distinct(&mut row.sources, s);
            }
            if let Some(u) = &e.url {
                push_distinct(&mut row.urls, u);
            }
            Ok(())
        })?;
        if let Some(n) = filter.limit {
            rows.truncate(n);
        }
        Ok(rows)
    }

    /// Clusters of reports of the same event (see [`Cluster`]), ordered by first date
    /// (undated last), then first event id.
    ///
    /// # Errors
    ///
    /// Fails when the query does.
    pub fn clusters(&self, filter: &Filter) -> Result<Vec<Cluster>> {
        let all = Filter { limit: None, ..filter.clone() };
        let events = self.query(&all)?;
        let mut out = cluster_events(events);
        if let Some(n) = filter.limit {
            out.truncate(n);
        }
        Ok(out)
    }
}

fn push_distinct(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_owned());
    }
}

/// The three-digit prefix that decides code compatibility (`"19"` stays `"19"`).
fn base_code(code: CameoCode) -> &'static str {
    let s = code.as_str();
    s.get(..3).unwrap_or(s)
}

struct Open {
    start: i64,
    members: Vec<StoredEvent>,
    place: crate::Location,
}

/// Greedy, deterministic clustering: events sorted by (date, id) join the oldest open
/// cluster of their group that started at most one day before and whose place is
/// compatible, or open a new one.
pub(crate) fn cluster_events(mut events: Vec<StoredEvent>) -> Vec<Cluster> {
    events.sort_by_key(|e| (e.event.date.is_none(), e.event.date, e.id));
    let mut groups: HashMap<(ActorCode, Option<ActorCode>, &'static str), Vec<Open>> = HashMap::new();
    let mut done: Vec<Vec<StoredEvent>> = Vec::new();
    for e in events {
        let Some(date) = e.event.date else {
            done.push(vec![e]);
            continue;
        };
        let day = date.to_days();
        let key = (e.event.source, e.event.target, base_code(e.event.code));
        let open = groups.entry(key).or_default();
        // Close clusters that can take no later event.
        let mut k = 0;
        while k < open.len() {
            if open[k].start < day - 1 {
                done.push(std::mem::take(&mut open.remove(k).members));
            } else {
                k += 1;
            }
        }
        if let Some(c) = open.iter_mut().find(|c| c.place.is_compatible(&e.location)) {
            if c.place.is_unknown() {
                c.place = e.location.clone();
            }
            c.members.push(e);
        } else {
            open.push(Open { start: day, place: e.location.clone(), members: vec![e] });
        }
    }
    let mut rest: Vec<_> = groups.into_values().flatten().map(|o| o.members).collect();
    done.append(&mut rest);
    let mut clusters: Vec<Cluster> = done.into_iter().filter_map(summarize).collect();
    clusters.sort_by_key(|c| (c.dates.0.is_none(), c.dates.0, c.first.id));
    clusters
}

fn summarize(members: Vec<StoredEvent>) -> Option<Cluster> {
    let first = members.first()?.clone();
    let mut ids: Vec<i64> = members.iter().map(|e| e.id).collect();
    ids.sort_unstable();
    let docs: BTreeSet<&str> = members.iter().map(|e| e.event.doc.as_str()).collect();
    let sources: BTreeSet<Option<&str>> = members.iter().map(|e| e.doc_source.as_deref()).collect();
    let last = members.iter().filter_map(|e| e.event.date).max();
    Some(Cluster {
        dates: (first.event.date, last),
        num_mentions: members.len(),
        num_sources: sources.len(),
        num_articles: docs.len(),
        event_ids: ids,
        first,
    })
}
