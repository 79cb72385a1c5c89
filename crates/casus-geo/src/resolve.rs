//! Disambiguation: one place per mention, using the article's countries as context.

use std::collections::HashMap;

use casus_core::{Location, LocationSource, Span};

use crate::gazetteer::{Gazetteer, Place, PlaceId, PlaceKind};
use crate::toponym::{Cue, Mention};

/// What the rest of the article says about where it is: how often each country (ISO
/// 3166-1 alpha-3) comes up among its other places and its actors.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    counts: HashMap<String, u32>,
}

impl Context {
    /// An empty context.
    #[must_use]
    pub fn new() -> Self {
        Context::default()
    }

    /// Counts `n` more mentions of the country `iso3` ("SYR").
    pub fn add(&mut self, iso3: &str, n: u32) -> &mut Self {
        *self.counts.entry(iso3.to_owned()).or_default() += n;
        self
    }

    /// How often the country `iso3` was counted.
    #[must_use]
    pub fn count(&self, iso3: &str) -> u32 {
        self.counts.get(iso3).copied().unwrap_or(0)
    }
}

/// A mention resolved to one place.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedPlace {
    /// The mention's span in the document.
    pub span: Span,
    /// The chosen place.
    pub place: PlaceId,
    /// The place as an event location (source [`LocationSource::Sentence`]).
    pub location: Location,
}

impl Gazetteer {
    /// Picks one place for each mention, in order.
    ///
    /// A country name means the country, unless a region of the same name lies in a
    /// country the context counts more often ("Georgia" in a story about the United
    /// States). Otherwise each candidate gets a score, and the best wins:
    ///
    /// - the context: +2 when its country is counted at all, plus 4 × that country's share
    ///   of the counts (Al Qusayr in Syria rather than Egypt when the story is about Syria);
    /// - +4 when the sentence also names its country ("Tripoli in northern Lebanon"), else
    ///   +1.5 when another mention was first resolved to a place in its country; +2.5 when
    ///   to a place in its region (admin1);
    /// - ln(population) + ln(1 + alternate names), so that large and well-known places win
    ///   ties (Tripoli, Libya without context; Moscow, Russia rather than Moscow, Idaho);
    /// - +1 for a city over a region of the same name (a "province" cue has already kept
    ///   only regions), +0.5 for a capital.
    #[must_use]
    pub fn resolve(&self, mentions: &[Mention], context: &Context) -> Vec<ResolvedPlace> {
        let first: Vec<Option<PlaceId>> = mentions.iter().map(|m| self.pick(m, context, &[])).collect();
        let mut out = Vec::with_capacity(mentions.len());
        for (i, m) in mentions.iter().enumerate() {
            let mut others = Vec::new();
            for (j, id) in first.iter().enumerate() {
                let Some(id) = *id else { continue };
                if j == i {
                    continue;
                }
                let p = self.place(id);
                others.push((p.country_iso3, p.admin1_code, p.kind == PlaceKind::Country));
            }
            if let Some(id) = self.pick(m, context, &others) {
                out.push(ResolvedPlace {
                    span: m.span,
                    place: id,
                    location: self.place(id).to_location(LocationSource::Sentence),
                });
            }
        }
        out
    }

    /// Resolves a dateline's place ("GAZIANTEP") and optional region ("TURKEY") to a
    /// location with source [`LocationSource::Dateline`].
    #[must_use]
    pub fn resolve_dateline(&self, place: &str, region: Option<&str>, context: &Context) -> Option<Location> {
        let mut candidates = self.lookup(place).to_vec();
        if let Some(region) = region {
            let regions: Vec<&Place> = self.lookup(region).iter().map(|&id| self.place(id)).collect();
            let within = |p: &Place| {
                regions.iter().any(|r| {
                    r.country_iso3 == p.country_iso3 && (r.kind == PlaceKind::Country || r.admin1_code == p.admin1_code)
                })
            };
            let narrowed: Vec<PlaceId> = candidates.iter().copied().filter(|&id| within(self.place(id))).collect();
            if !narrowed.is_empty() {
                candidates = narrowed;
            }
        }
        let m = Mention { span: Span::default(), words: 0..0, candidates, cue: None };
        self.pick(&m, context, &[]).map(|id| self.place(id).to_location(LocationSource::Dateline))
    }

    fn pick(&self, m: &Mention, ctx: &Context, others: &[(&str, Option<&str>, bool)]) -> Option<PlaceId> {
        let country = m.candidates.iter().copied().find(|&id| self.place(id).kind == PlaceKind::Country);
        if let Some(c) = country {
            let c_count = ctx.count(self.place(c).country_iso3);
            let region_beats = m.candidates.iter().any(|&id| {
                let p = self.place(id);
                p.kind == PlaceKind::Admin1 && ctx.count(p.country_iso3) > c_count
            });
            let settlement = m.cue.is_some_and(Cue::is_settlement);
            if !region_beats && !settlement {
                return Some(c);
            }
        }
        let total: u32 = ctx.counts.values().sum();
        let score = |id: PlaceId| {
            let p = self.place(id);
            let count = ctx.count(p.country_iso3);
            let mut s = (1.0 + p.population as f64).ln() + (1.0 + f64::from(p.alternate_count)).ln();
            if count > 0 {
                s += 2.0 + 4.0 * f64::from(count) / f64::from(total.max(1));
            }
            if others.iter().any(|&(c, _, is_country)| is_country && c == p.country_iso3) {
                s += 4.0;
            } else if others.iter().any(|&(c, _, _)| c == p.country_iso3) {
                s += 1.5;
            }
            if p.admin1_code.is_some_and(|a| others.iter().any(|&(c, o, _)| c == p.country_iso3 && o == Some(a))) {
                s += 2.5;
            }
            if p.kind == PlaceKind::City {
                s += 1.0;
            }
            if p.is_capital {
                s += 0.5;
            }
            s
        };
        m.candidates
            .iter()
            .copied()
            .filter(|&id| country.is_none() || self.place(id).kind != PlaceKind::Country)
            .map(|id| (score(id), id))
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|(_, id)| id)
            .or(country)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Toponyms, Word};
    use casus_core::Precision;

    /// Resolves the places of `text` with `context` as (ISO3, count) pairs; returns
    /// (text, country, precision) per place.
    fn resolve(text: &str, context: &[(&str, u32)]) -> Vec<(String, String, Precision)> {
        let mut ctx = Context::new();
        for &(c, n) in context {
            ctx.add(c, n);
        }
        let t = Toponyms::embedded();
        let mentions = t.find(&Word::split(text));
        t.gazetteer()
            .resolve(&mentions, &ctx)
            .into_iter()
            .map(|r| (text[r.span.range()].to_owned(), r.location.country, r.location.precision))
            .collect()
    }

    fn countries(text: &str, context: &[(&str, u32)]) -> Vec<String> {
        resolve(text, context).into_iter().map(|r| r.1).collect()
    }

    #[test]
    fn context_country_wins() {
        // Al Qusayr in Egypt is smaller, but wins when the story is about Egypt.
        assert_eq!(countries("Police raided Qusayr.", &[("EGY", 3)]), ["EGY"]);
        assert_eq!(countries("Troops stormed al-Qusayr.", &[("SYR", 12)]), ["SYR"]);
        assert_eq!(countries("Fighting in Tripoli killed 4.", &[("LBN", 3), ("SYR", 1)]), ["LBN"]);
        assert_eq!(countries("Fighting in Tripoli killed 4.", &[("LBY", 2)]), ["LBY"]);
        assert_eq!(countries("Gunmen clashed in Tripoli in northern Lebanon.", &[]), ["LBN", "LBN"]);
    }

    #[test]
    fn population_breaks_ties() {
        // No context: Tripoli, Libya (1.1 million) beats Tripoli, Lebanon and Greece.
        assert_eq!(countries("Fighting in Tripoli killed 4.", &[]), ["LBY"]);
        assert_eq!(countries("Rebels held Qusayr.", &[]), ["SYR"]);
        // Context on both sides: still population.
        assert_eq!(countries("Fighting in Tripoli killed 4.", &[("LBY", 2), ("LBN", 2)]), ["LBY"]);
    }

    #[test]
    fn other_mentions_give_context() {
        // Cairo puts the smaller Al Qusayr, the Egyptian one, first.
        assert_eq!(countries("Protesters marched from Cairo to Qusayr.", &[]), ["EGY", "EGY"]);
        // But a weak hint does not turn Moscow or Geneva American.
        assert_eq!(countries("Officials in Washington, Moscow and Geneva met.", &[]), ["USA", "RUS", "CHE"]);
    }

    #[test]
    fn shared_region_beats_population() {
        // Sardasht, West Azerbaijan (46,000) is larger than Sardasht, Khuzestan (7,000);
        // Ahvaz puts the story in Khuzestan.
        let g = Gazetteer::embedded();
        let t = Toponyms::embedded();
        let admin1 = |text: &str| -> Vec<Option<String>> {
            g.resolve(&t.find(&Word::split(text)), &Context::new()).into_iter().map(|r| r.location.admin1).collect()
        };
        assert_eq!(admin1("Protests spread to Sardasht."), [Some("West Azerbaijan".into())]);
        assert_eq!(
            admin1("Protests in Ahvaz spread to Sardasht."),
            [Some("Khuzestan".into()), Some("Khuzestan".into())]
        );
    }

    #[test]
    fn countries_resolve_at_country_precision() {
        assert_eq!(
            resolve("Refugees fled Syria for Turkey.", &[]),
            [("Syria".into(), "SYR".into(), Precision::Country), ("Turkey".into(), "TUR".into(), Precision::Country)]
        );
        // Georgia the country, unless the story is about the United States.
        assert_eq!(
            resolve("Protests spread in Georgia.", &[("RUS", 2)]),
            [("Georgia".into(), "GEO".into(), Precision::Country)]
        );
        assert_eq!(
            resolve("Protests spread in Georgia.", &[("USA", 5)]),
            [("Georgia".into(), "USA".into(), Precision::Admin1)]
        );
        // A country name means the country even when the context is elsewhere.
        assert_eq!(countries("Hezbollah fighters returned to Lebanon.", &[("USA", 3)]), ["LBN"]);
    }

    #[test]
    fn cities_before_regions_unless_a_cue_says_province() {
        assert_eq!(resolve("Shells fell on Homs.", &[("SYR", 4)]), [("Homs".into(), "SYR".into(), Precision::City)]);
        assert_eq!(
            resolve("Shells fell across Homs province.", &[("SYR", 4)]),
            [("Homs".into(), "SYR".into(), Precision::Admin1)]
        );
    }

    #[test]
    fn stoplisted_words_are_not_places() {
        assert_eq!(countries("Assad told Victoria on Sunday that Hope remained.", &[]), Vec::<String>::new());
    }

    #[test]
    fn dateline_region_narrows() {
        let g = Gazetteer::embedded();
        let loc = g.resolve_dateline("TRIPOLI", Some("Lebanon"), &Context::new());
        assert_eq!(loc.as_ref().map(|l| l.country.as_str()), Some("LBN"));
        assert_eq!(loc.map(|l| l.source), Some(LocationSource::Dateline));
        let loc = g.resolve_dateline("GAZIANTEP", Some("TURKEY"), &Context::new());
        assert_eq!(loc.map(|l| l.country), Some("TUR".into()));
    }

    /// Speed of recognition and resolution: `cargo test -p casus-geo --release -- --ignored
    /// --nocapture speed`.
    #[test]
    #[ignore = "benchmark"]
    #[allow(clippy::print_stderr)]
    fn speed() {
        let t0 = std::time::Instant::now();
        let g = Gazetteer::embedded();
        let t = Toponyms::embedded();
        let startup = t0.elapsed();
        let sentences = [
            "Syrian government troops backed by Hezbollah fighters stormed the town of Qusayr on Wednesday.",
            "Rebels said they had pulled out of al-Qusayr after an 18-day battle.",
            "The United Nations said more than 94,000 people had been killed in the conflict.",
            "Fighting spread to Tripoli in northern Lebanon, where Sunni and Alawite gunmen clashed.",
            "Saudi Arabia, Qatar and Turkey have backed the rebels, providing them with arms and cash.",
            "President Bashar al-Assad said his forces would retake Aleppo and Homs.",
            "Officials in Washington and Moscow discussed a peace conference in Geneva.",
            "Police arrested 12 people in Cairo after protests near Tahrir Square.",
            "Clashes erupted outside Damascus as shells fell on the Yarmouk camp.",
            "Refugees crossed into Jordan and Turkey, the UNHCR said on Monday.",
        ];
        let words: Vec<Vec<Word<'_>>> = sentences.iter().map(|s| Word::split(s)).collect();
        let mut ctx = Context::new();
        ctx.add("SYR", 12);
        for (s, w) in sentences.iter().zip(&words) {
            let got: Vec<String> = g
                .resolve(&t.find(w), &ctx)
                .iter()
                .map(|r| format!("{}={}/{:?}", &s[r.span.range()], r.location.country, r.location.precision))
                .collect();
            eprintln!("{got:?}");
        }
        let rounds = 20_000;
        let t1 = std::time::Instant::now();
        let mut n_mentions = 0usize;
        for _ in 0..rounds {
            for w in &words {
                let m = t.find(w);
                n_mentions += g.resolve(&m, &ctx).len();
            }
        }
        let secs = t1.elapsed().as_secs_f64();
        let n_sentences = rounds * sentences.len();
        assert_eq!(n_mentions / rounds, 17);
        eprintln!(
            "start-up {startup:?}; {:.0} sentences/s, {:.0} mentions/s ({} places, {} names)",
            n_sentences as f64 / secs,
            n_mentions as f64 / secs,
            g.len(),
            g.name_count()
        );
    }
}
