//! Where: event locations from the embedded gazetteer.

use std::collections::HashMap;

use casus_core::{Location, LocationSource, Precision, Span};
use casus_geo::{Context, Gazetteer, ResolvedPlace, Toponyms, Word};
use casus_text::Analysis;

use crate::annotate::Tok;
use crate::chunk::{MemberKind, Np};

/// The places of one document.
#[derive(Debug, Default)]
pub(crate) struct Places {
    /// Resolved places per sentence, with whether each may locate an event: a country
    /// named as an actor ("Saudi Arabia, Qatar and Turkey provided") is not where the
    /// event happened, unless a cue says so ("in Syria").
    per_sentence: Vec<Vec<(ResolvedPlace, bool)>>,
    dateline: Option<Location>,
    article: Option<Location>,
}

impl Places {
    /// Finds and resolves the place names of every sentence and the dateline, with the
    /// document's actors' countries as context.
    pub(crate) fn locate(analysis: &Analysis, sentences: &[(Vec<Tok<'_>>, Vec<Np>)]) -> Places {
        let toponyms = Toponyms::embedded();
        let gaz = Gazetteer::embedded();
        let mut counts: HashMap<&str, u32> = HashMap::new();
        for m in sentences.iter().flat_map(|(_, nps)| nps).flat_map(|np| &np.members) {
            if let (MemberKind::Named(_) | MemberKind::Agent, Some(code)) = (m.kind, m.code.as_ref()) {
                if let Some(c) = code.country() {
                    *counts.entry(c).or_default() += 1;
                }
            }
        }
        let mut context = Context::new();
        for (c, n) in &counts {
            context.add(c, *n);
        }
        let mut per_sentence = Vec::with_capacity(sentences.len());
        for (toks, nps) in sentences {
            let mut in_actor = vec![false; toks.len()];
            for np in nps {
                for f in &mut in_actor[np.start..np.end] {
                    *f = true;
                }
            }
            let words: Vec<Word<'_>> =
                toks.iter().zip(&in_actor).map(|(t, &a)| Word { text: t.text, span: t.span, in_actor: a }).collect();
            let mentions = toponyms.find(&words);
            let resolved = if mentions.is_empty() { Vec::new() } else { gaz.resolve(&mentions, &context) };
            let located = resolved
                .into_iter()
                .map(|p| {
                    let m = mentions.iter().find(|m| m.span == p.span);
                    let actor = m.is_some_and(|m| m.words.clone().any(|w| in_actor.get(w).copied().unwrap_or(false)));
                    let usable = !actor || m.is_some_and(|m| m.cue.is_some());
                    (p, usable)
                })
                .collect();
            per_sentence.push(located);
        }
        let dateline =
            analysis.dateline.as_ref().and_then(|d| gaz.resolve_dateline(&d.place, d.region.as_deref(), &context));
        Places { per_sentence, dateline, article: None }
    }

    /// Only the dateline, for the main country when events are not located: "LAGOS
    /// (Reuters) - Police fired ..." is Nigerian police.
    pub(crate) fn dateline_only(analysis: &Analysis) -> Places {
        let dateline = analysis
            .dateline
            .as_ref()
            .and_then(|d| Gazetteer::embedded().resolve_dateline(&d.place, d.region.as_deref(), &Context::new()));
        Places { per_sentence: Vec::new(), dateline, article: None }
    }

    /// The country of the dateline's place, if it names one.
    pub(crate) fn dateline_country(&self) -> Option<String> {
        self.dateline.as_ref().map(|l| l.country.clone())
    }

    /// Countries of the cities and regions named in the document outside actor phrases,
    /// and of the dateline, which count towards the document's main country.
    pub(crate) fn place_countries(&self) -> Vec<String> {
        self.per_sentence
            .iter()
            .flatten()
            .filter(|(p, usable)| *usable && p.location.precision != Precision::Country)
            .map(|(p, _)| p.location.country.clone())
            .chain(self.dateline.as_ref().map(|l| l.country.clone()))
            .collect()
    }

    /// Settles the article's main place (the city or region named most often, twice at
    /// least, else the main country) and keeps the dateline only when it lies in the main
    /// country (a reporter in Gaziantep writes about Syria).
    pub(crate) fn finish(&mut self, main_country: Option<&str>) {
        if self.per_sentence.is_empty() && self.dateline.is_none() {
            return; // nothing located (geolocation off, or an empty document)
        }
        let gaz = Gazetteer::embedded();
        let mut freq: HashMap<(String, Option<u32>), (usize, Location)> = HashMap::new();
        for (p, usable) in self.per_sentence.iter().flatten() {
            if *usable && p.location.precision != Precision::Country {
                let e = freq.entry((p.location.name.clone(), p.location.geonameid)).or_insert((0, p.location.clone()));
                e.0 += 1;
            }
        }
        let mut best: Vec<(usize, Location)> = freq.into_values().filter(|(n, _)| *n >= 2).collect();
        best.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.name.cmp(&b.1.name)));
        let in_main = |l: &Location| main_country.is_none_or(|c| c == l.country);
        self.article = best
            .into_iter()
            .map(|(_, l)| l)
            .find(|l| in_main(l))
            .or_else(|| {
                main_country.and_then(|c| gaz.country(c)).map(|id| gaz.place(id).to_location(LocationSource::Article))
            })
            .map(|mut l| {
                l.source = LocationSource::Article;
                l
            });
        self.dateline = self.dateline.take().filter(|l| in_main(l));
    }

    /// The first place named after the verb at `verb` in sentence `si` and before `limit`
    /// (not one named as an actor): its span, country and name.
    pub(crate) fn place_after(&self, si: usize, verb: Span, limit: usize) -> Option<(Span, &str, &str)> {
        self.per_sentence
            .get(si)?
            .iter()
            .filter(|(_, usable)| *usable)
            .map(|(p, _)| p)
            .find(|p| p.span.start >= verb.end && p.span.end <= limit)
            .map(|p| (p.span, p.location.country.as_str(), p.location.name.as_str()))
    }

    /// The location of an event of sentence `si` whose verb is at `verb`: the first place
    /// after the verb in the sentence, else the last one before it; else the dateline
    /// (when it is in the article's main country); else the article's main place.
    pub(crate) fn for_event(&self, si: usize, verb: Span) -> Option<Location> {
        let here: Vec<&ResolvedPlace> =
            self.per_sentence.get(si).into_iter().flatten().filter(|(_, usable)| *usable).map(|(p, _)| p).collect();
        here.iter()
            .find(|p| p.span.start >= verb.end)
            .or_else(|| here.iter().rev().find(|p| p.span.end <= verb.start))
            .map(|p| p.location.clone())
            .or_else(|| self.dateline.clone())
            .or_else(|| self.article.clone())
    }
}
