//! The casus event coder: documents in, CAMEO and PLOVER events out.
//!
//! The coder is a shallow parser built for speed: it finds actor phrases (names,
//! demonyms, agents, pronouns; compounds joined), verbs and event nouns with patterns from
//! a compiled [`casus_dict::Dictionary`], the clause subject as source and the pattern's
//! slot or the direct object as target, and handles the passive voice ("sanctions were
//! imposed on Syria by the US"), negation, infinitives of intent, hypotheticals and
//! reported speech ("X said Y attacked Z" codes the attack).
//!
//! # Overview
//!
//! - [`Coder`]: built once from a dictionary; [`Coder::code`] codes a
//!   [`casus_text::Document`] into a [`Coded`] result: [`casus_core::Event`]s and,
//!   on request, a [`SentenceReport`] per sentence saying why each event was or was not made.
//! - [`CoderOptions`]: keep negated events, require a target, explain.
//!
//! # Example
//!
//! ```
//! use casus_coder::Coder;
//! use casus_text::Document;
//!
//! let coder = Coder::embedded();
//! let doc = Document::from_plain("demo", "The United States imposed sanctions on Iran.");
//! let coded = coder.code(&doc);
//! let e = &coded.events[0];
//! assert_eq!((e.source.as_str(), e.target.map(|t| t.to_string())), ("USA", Some("IRN".into())));
//! assert_eq!(e.code.as_str(), "163");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

/// Adds a note to a sentence coder's report, formatted only when explaining (formatting
/// every note would cost time on every sentence).
macro_rules! note {
    ($coder:expr, $($arg:tt)*) => {
        if $coder.explain {
            $coder.notes.push(format!($($arg)*));
        }
    };
}

mod annotate;
mod chunk;
mod code;
mod place;
mod words;

use std::collections::HashMap;
use std::sync::Arc;

use casus_core::{ActorCode, Event, EventSpans, Span};
use casus_dict::Dictionary;
use casus_text::{Analysis, Document, Lexicon};
use serde::Serialize;

use crate::annotate::{annotate, Tok};
use crate::chunk::{Chunker, MemberKind, Np};
use crate::code::{Actor, Antecedent, SentenceCoder};

/// Coder switches.
#[derive(Debug, Clone, Copy, Default)]
pub struct CoderOptions {
    /// Keep events the sentence negates (marked `negated: true`).
    pub keep_negated: bool,
    /// Drop events without a target actor.
    pub require_dyad: bool,
    /// Produce a [`SentenceReport`] per sentence.
    pub explain: bool,
    /// Do not geolocate events (no `location`; faster).
    pub no_geo: bool,
}

/// The result of coding one document.
#[derive(Debug, Clone, Default)]
pub struct Coded {
    /// The events, in sentence order.
    pub events: Vec<Event>,
    /// Number of sentences coded.
    pub sentences: usize,
    /// Per-sentence reports, when [`CoderOptions::explain`] is set.
    pub reports: Vec<SentenceReport>,
    /// The text-stage analysis (boilerplate, dateline, sentences).
    pub analysis: Analysis,
    /// The country most actors of the document belong to, used for bare agents ("the rebels").
    pub main_country: Option<String>,
}

/// Why a sentence coded as it did.
#[derive(Debug, Clone, Serialize)]
pub struct SentenceReport {
    /// Sentence index.
    pub sentence: usize,
    /// Sentence text.
    pub text: String,
    /// Byte span in the document.
    pub span: Span,
    /// Tokens with lemma and class.
    pub tokens: Vec<TokenReport>,
    /// Actor phrases found.
    pub actors: Vec<ActorReport>,
    /// What happened with each verb and event noun.
    pub notes: Vec<String>,
    /// Events produced.
    pub events: usize,
}

/// A token in a [`SentenceReport`].
#[derive(Debug, Clone, Serialize)]
pub struct TokenReport {
    /// As written.
    pub text: String,
    /// Verb lemma, if a verb form.
    pub lemma: Option<String>,
    /// Coarse class.
    pub class: String,
}

/// An actor phrase in a [`SentenceReport`].
#[derive(Debug, Clone, Serialize)]
pub struct ActorReport {
    /// As written.
    pub text: String,
    /// Byte span.
    pub span: Span,
    /// Codes of the members (`?` for an unresolved pronoun).
    pub codes: Vec<String>,
    /// Which dictionary entries made it.
    pub how: Vec<String>,
}

/// The event coder.
#[derive(Debug, Clone)]
pub struct Coder {
    dict: Arc<Dictionary>,
    /// Required-word signatures of the dictionary's patterns and per-head indexes (prefilters).
    pattern_index: Arc<code::PatternIndex>,
    options: CoderOptions,
}

impl Coder {
    /// A coder over a compiled dictionary.
    #[must_use]
    pub fn new(dict: Arc<Dictionary>) -> Coder {
        let pattern_index = Arc::new(code::PatternIndex::new(&dict));
        Coder { dict, pattern_index, options: CoderOptions::default() }
    }

    /// A coder over the embedded default lexicon (compiled at build time, loaded once per process).
    #[must_use]
    pub fn embedded() -> Coder {
        Coder::new(Dictionary::embedded())
    }

    /// Sets the options.
    #[must_use]
    pub fn with_options(mut self, options: CoderOptions) -> Coder {
        self.options = options;
        self
    }

    /// The dictionary.
    #[must_use]
    pub fn dictionary(&self) -> &Dictionary {
        &self.dict
    }

    /// Codes a document.
    #[must_use]
    pub fn code(&self, doc: &Document) -> Coded {
        let analysis = doc.analyze();
        let lex = Lexicon::embedded();
        let chunker = Chunker { dict: &self.dict, lex, date: doc.date, explain: self.options.explain };
        // PETRARCH joins the words of a name with '_' ("Dol_Amroth"), in text as in its
        // dictionaries: read as a blank (the same length, so offsets hold).
        let joined: Option<String> =
            (self.dict.is_petrarch() && doc.text.contains('_')).then(|| doc.text.replace('_', " "));
        let source = joined.as_deref().unwrap_or(&doc.text);
        // Pass 1: tokens and actor phrases of every sentence.
        let mut sentences: Vec<(Vec<Tok<'_>>, Vec<Np>)> = Vec::with_capacity(analysis.sentences.len());
        // The tokens of the document's own text (kept to find dates in, when that text is
        // the one tokenized).
        let mut token_lists = Vec::with_capacity(analysis.sentences.len());
        for s in &analysis.sentences {
            let text = s.text(source);
            let tokens = casus_text::tokenize(text, s.span.start);
            let toks = annotate(&tokens, &self.dict, lex);
            let nps = chunker.chunk(&toks);
            sentences.push((toks, nps));
            if joined.is_none() {
                token_lists.push(tokens);
            }
        }
        let mut places =
            if self.options.no_geo { place::Places::default() } else { place::Places::locate(&analysis, &sentences) };
        let main_country = if self.options.no_geo {
            let d = place::Places::dateline_only(&analysis);
            main_country(&sentences, &d.place_countries())
        } else {
            main_country(&sentences, &places.place_countries())
        };
        // (Before `finish`, which drops a dateline outside the main country.)
        // (The lexicon's country for the place first, which knows the date; not from the
        // hubs where reporters cover a region: "DUBAI (Reuters) - Protesters ... clashed
        // with Iranian police".)
        let hub = analysis.dateline.as_ref().is_some_and(|d| is_hub_dateline(&d.place));
        let first_dateline = if hub {
            None
        } else if let Some(c) = analysis.dateline.as_ref().and_then(|d| chunker.named_country(&d.place)) {
            Some(c)
        } else if self.options.no_geo {
            place::Places::dateline_only(&analysis).dateline_country()
        } else {
            places.dateline_country()
        };
        places.finish(main_country.as_deref());
        // The dateline's country, where a sentence names no place of its own (looked up
        // only when a meeting needs it).
        let dateline_country = std::cell::OnceCell::new();
        // The publication date: the record's, else a dateline date with a year.
        let pub_date = doc.date.or_else(|| {
            analysis
                .dateline
                .as_ref()
                .and_then(|d| d.date_text.as_deref())
                .and_then(|t| casus_text::parse_dateline_date(t, None))
        });
        // Pass 2: events.
        let mut coded = Coded { sentences: sentences.len(), main_country: main_country.clone(), ..Coded::default() };
        let mut memory: Vec<Antecedent> = Vec::new();
        // PETRARCH discard phrases: a story discard codes nothing of the story, a sentence
        // discard nothing of the sentence.
        let discarded: Vec<Option<bool>> =
            analysis.sentences.iter().map(|s| self.dict.discard(doc.text.get(s.span.range()).unwrap_or(""))).collect();
        let story_discard = discarded.contains(&Some(true));
        let petrarch = self.dict.is_petrarch();
        let mut present = code::WordSet::new(self.dict.word_count());
        for (si, (toks, nps)) in sentences.iter().enumerate() {
            let span = analysis.sentences[si].span;
            if story_discard || discarded[si].is_some() {
                if self.options.explain {
                    coded.reports.push(SentenceReport {
                        sentence: si,
                        text: doc.text.get(span.range()).unwrap_or("").to_owned(),
                        span,
                        tokens: Vec::new(),
                        actors: Vec::new(),
                        notes: vec![if story_discard { "story discarded" } else { "sentence discarded" }.into()],
                        events: 0,
                    });
                }
                continue;
            }
            present.fill(toks);
            let mut sc = SentenceCoder::new(
                &self.dict,
                toks,
                nps,
                &doc.text,
                &memory,
                // PETRARCH gives a bare agent no country from the rest of the story.
                if petrarch { None } else { main_country.as_deref() },
                &self.pattern_index,
                &present,
            );
            sc.explain = self.options.explain;
            if si == 0 && !petrarch {
                sc.dateline = first_dateline.as_deref();
            }
            let candidates = sc.code(true);
            // A date the sentence states ("yesterday", "on June 4") is the event's date.
            // (Looked for only when the sentence has events.)
            let stated = if candidates.is_empty() {
                None
            } else {
                let text = doc.text.get(span.range()).unwrap_or("");
                match token_lists.get(si) {
                    Some(tokens) => casus_text::find_dates_in_tokens(text, span.start, tokens, pub_date),
                    None => casus_text::find_dates(text, span.start, pub_date),
                }
                .into_iter()
                .find(|d| d.date.is_some() && d.precision == casus_text::DatePrecision::Day)
            };
            let mut made = 0;
            let first_event = coded.events.len();
            for mut c in candidates {
                if c.negated && !self.options.keep_negated {
                    note!(sc, "event {} {} dropped: negated (use --keep-negated)", c.source.code, c.code);
                    continue;
                }
                if c.target.is_none() && self.options.require_dyad {
                    continue;
                }
                // "A Concorde jet crashed after takeoff, killing all 109 people on board": the
                // deaths of an accident are no one's violence.
                if !petrarch && accident_participle(toks, c.verb.start) {
                    note!(sc, "event {} {} dropped: the outcome of an accident", c.source.code, c.code);
                    continue;
                }
                // "The company agreed to buy its rival": an intent to cooperate with no one
                // named (030 with no target) says nothing.
                // Nor a visit or meeting with no one named ("as he toured the town").
                if c.code.root_number() == 4
                    && !matches!(c.code.as_str(), "045" | "046")
                    && c.target.is_none()
                    && !petrarch
                {
                    note!(sc, "event {} {} dropped: a meeting or visit with no one named", c.source.code, c.code);
                    continue;
                }
                if c.code.as_str() == "030" && c.target.is_none() && !petrarch {
                    note!(sc, "event {} 030 dropped: an intent to cooperate with no partner", c.source.code);
                    continue;
                }
                // A target of the source's own country that is only the place ("imposed a
                // curfew in Nepal" by NPLGOV), or its own forces in a show of force ("put the
                // police on alert", root 15), is no target. (Protests keep their country: whom
                // a protest in Cairo is against is the state, which EGY stands for.) Judged on
                // the codes as found, before either side lends the other its country.
                if let Some(t) = &c.target {
                    let root = c.code.root_number();
                    let own = t.code.has_country() && t.code.country() == c.source.code.country();
                    // (Not for those who fight the state: "Chechen separatist leader Dudayev
                    // threatened Russia".)
                    // (Nor its partner in a compound subject: "Indonesia and the Free Aceh
                    // Movement signed a peace agreement".)
                    let partner = |a: Span, b: Span| {
                        a.end <= b.start
                            && doc.text.get(a.end..b.start).is_some_and(|g| matches!(g.trim(), "and" | "and the"))
                    };
                    let insurgent = c.source.code.roles().any(|r| matches!(r, "REB" | "INS" | "SEP"))
                        && (t.span.start > c.verb.start
                            || partner(t.span, c.source.span)
                            || partner(c.source.span, t.span))
                        && !matches!(t.kind, MemberKind::Named(casus_dict::ActorKind::Capital));
                    let bare = t.code.roles().next().is_none() && !insurgent;
                    let own_forces = root == 15
                        && (own || !t.code.has_country())
                        && t.code.roles().any(|r| matches!(r, "MIL" | "COP" | "GOV" | "SPY"));
                    // (PETRARCH keeps them.)
                    if !petrarch && ((own && bare && root != 14) || (own && root == 15) || own_forces) {
                        note!(sc, "target {} dropped: the source's own country or forces", t.code);
                        c.target = None;
                        if self.options.require_dyad {
                            continue;
                        }
                    }
                }
                // Unspecified force against people who are not fighters ("killed civilians",
                // "attacked journalists") is CAMEO's unconventional violence (18), not a
                // military engagement (19).
                // "Insurgents attacked police posts": armed groups do not riot; their attack
                // on a building is force (190), not violent protest (145).
                let armed = c.source.code.roles().any(|r| matches!(r, "REB" | "UAF" | "MIL" | "INS" | "CRM"))
                    || c.source.code.as_str().starts_with("IMG");
                if c.code.as_str() == "145" && armed && !petrarch {
                    if let Ok(force) = "190".parse() {
                        c.code = force;
                    }
                }
                // "killed between 10,000 and 15,000 people", "drove 700,000 across the
                // border": killing thousands is a mass killing (202), driving out tens of
                // thousands a mass expulsion (201).
                // (Expulsions are 174 before they are counted.)
                if !petrarch && matches!(c.code.root_number(), 17..=20) && !matches!(c.code.as_str(), "201" | "202") {
                    let verb = toks.binary_search_by_key(&c.verb.start, |t| t.span.start).ok();
                    let lemma = verb.and_then(|k| toks[k].verb_lemma);
                    let upto = c.target.as_ref().map_or(c.verb.end + 40, |t| t.span.start.max(c.verb.end));
                    let most = verb.map_or(0, |k| {
                        toks[k + 1..]
                            .iter()
                            .take_while(|t| t.span.start <= upto && t.class != words::Class::Comma)
                            .filter(|t| t.class == words::Class::Number)
                            .filter_map(|t| t.text.replace(',', "").parse::<u64>().ok())
                            .max()
                            .unwrap_or(0)
                    });
                    // (Scores of civilians massacred, or a hundred civilians killed, are one too:
                    // "massacred more than 200 villagers", "killed more than 100 civilians".)
                    let civilians = c
                        .target
                        .as_ref()
                        .is_some_and(|t| t.code.roles().any(|r| matches!(r, "CVL" | "REF" | "EDU" | "REL")));
                    let mass = match lemma {
                        Some("kill" | "massacre" | "slaughter" | "murder" | "execute") if most >= 1_000 => Some("202"),
                        Some("massacre" | "slaughter") if most >= 50 => Some("202"),
                        Some("kill" | "murder" | "execute") if most >= 100 && civilians => Some("202"),
                        Some("drive" | "expel" | "deport" | "force" | "push") if most >= 10_000 => Some("201"),
                        _ => None,
                    };
                    if let Some(code) = mass.and_then(|m| m.parse().ok()) {
                        c.code = code;
                    }
                }
                // "Trump attacked Zelensky at a town hall": one person attacking another
                // attacks in words (111), not with force.
                let person = |k: &MemberKind| matches!(k, MemberKind::Named(casus_dict::ActorKind::Person));
                if c.code.as_str() == "190"
                    && !petrarch
                    && person(&c.source.kind)
                    && c.target.as_ref().is_some_and(|t| person(&t.kind))
                    && toks.binary_search_by_key(&c.verb.start, |t| t.span.start).ok().and_then(|k| toks[k].verb_lemma)
                        == Some("attack")
                {
                    if let Ok(criticise) = "111".parse() {
                        c.code = criticise;
                    }
                }
                // "Israeli warplanes struck targets", "drones hit a refinery": force from the
                // air is aerial (195), whatever the verb.
                // (The head of the whole phrase: "American and British warplanes".)
                let phrase_head = nps
                    .iter()
                    .find(|np| {
                        toks[np.start].span.start <= c.source.span.start
                            && c.source.span.start < toks[np.end - 1].span.end
                    })
                    .map(|np| toks[np.end - 1].text);
                let aircraft = [c.source.text.rsplit(' ').next(), phrase_head].into_iter().flatten().any(|w| {
                    matches!(
                        w.to_lowercase().trim_end_matches('s'),
                        "warplane" | "jet" | "drone" | "bomber" | "helicopter" | "gunship" | "aircraft" | "airplane"
                    )
                });
                // "Two Taliban suicide bombers struck a convoy": a suicide bombing (1831).
                let suicide = c.source.text.to_lowercase().trim_end_matches('s').ends_with("suicide bomber");
                // (An assassination stays one: 186.)
                if suicide && matches!(c.code.as_str(), "180" | "183" | "190" | "193" | "195") && !petrarch {
                    if let Ok(bombing) = "1831".parse() {
                        c.code = bombing;
                    }
                }
                if matches!(c.code.as_str(), "19" | "190" | "193") && aircraft && !suicide && !petrarch {
                    if let Ok(aerial) = "195".parse() {
                        c.code = aerial;
                    }
                }
                if matches!(c.code.as_str(), "19" | "190") {
                    let unarmed = c.target.as_ref().is_some_and(|t| {
                        t.code
                            .roles()
                            .any(|r| matches!(r, "CVL" | "MED" | "EDU" | "HLH" | "REF" | "REL" | "LAB" | "BUS"))
                    });
                    if unarmed {
                        if let Ok(assault) = "180".parse() {
                            c.code = assault;
                        }
                    }
                }
                // A bare agent facing an actor with a country is of that country ("Nigerian
                // unions ... against the government" when the text names no other country).
                // (Not in PETRARCH, which codes it `---MED`.)
                let source_country = c.source.code.country().map(str::to_owned).filter(|_| !petrarch);
                if let (Some(t), Some(sc_country)) = (c.target.as_mut(), source_country.as_deref()) {
                    if !t.code.has_country() && !t.code.is_organisation() {
                        // "North Korea shelled the island, killing two marines": force used
                        // on soldiers or police is used on the other country named.
                        let other = (c.code.root_number() >= 18 && code::armed_side(t.code))
                            .then(|| sc.other_country(sc_country))
                            .flatten();
                        t.code = t.code.with_country(other.as_deref().unwrap_or(sc_country));
                    }
                }
                if !petrarch && !c.source.code.has_country() && !c.source.code.is_organisation() {
                    if let Some(tc) = c.target.as_ref().and_then(|t| t.code.country()).map(str::to_owned) {
                        // (Not when force is used on another country's forces where the
                        // sentence puts it: "a suicide bomber ... outside Kabul airport,
                        // killing 13 US troops" is Afghan.)
                        let foreign_forces = c.code.root_number() >= 18
                            && c.target.as_ref().is_some_and(|t| code::armed_side(t.code))
                            && chunker.locative_country(toks, nps).is_some_and(|loc| loc != tc);
                        if !foreign_forces {
                            c.source.code = c.source.code.with_country(&tc);
                        }
                    }
                }
                // "A suicide bomber killed 30 people at a mosque in Peshawar": agents with no
                // other country are of the place where the sentence puts them.
                if !petrarch {
                    let bare = |code: &ActorCode| !code.has_country() && !code.is_organisation();
                    if bare(&c.source.code) || c.target.as_ref().is_some_and(|t| bare(&t.code)) {
                        if let Some(loc) = chunker.locative_country(toks, nps) {
                            if bare(&c.source.code) {
                                c.source.code = c.source.code.with_country(&loc);
                            }
                            if let Some(t) = c.target.as_mut().filter(|t| bare(&t.code)) {
                                t.code = t.code.with_country(&loc);
                            }
                        }
                        // Else, in a story's first sentence, the dateline's ("KUNDUZ,
                        // Afghanistan - Islamic State claimed responsibility").
                        if let Some(dl) = first_dateline.as_deref().filter(|_| si == 0) {
                            let named_before = |at: usize| {
                                (0..nps.len())
                                    .flat_map(|k| sc.actors_of(k))
                                    .any(|a| a.span.end <= at && a.code.has_country())
                            };
                            if bare(&c.source.code) && !named_before(c.source.span.start) {
                                c.source.code = c.source.code.with_country(dl);
                            }
                        }
                        // Else the country named last before the agent ("sanctions on
                        // Venezuela's oil sector after the government agreed"): "the government"
                        // is that country's.
                        let before = |at: usize| -> Option<String> {
                            (0..nps.len())
                                .rev()
                                .flat_map(|k| sc.actors_of(k).into_iter().rev())
                                .filter(|a| a.span.end <= at)
                                .find_map(|a| a.code.country().map(str::to_owned))
                        };
                        if bare(&c.source.code) {
                            if let Some(country) = before(c.source.span.start) {
                                c.source.code = c.source.code.with_country(&country);
                            }
                        }
                        if let Some(t) = c.target.as_mut().filter(|t| bare(&t.code)) {
                            if let Some(country) = before(t.span.start) {
                                t.code = t.code.with_country(&country);
                            }
                        }
                    }
                }
                // "Clinton met Yeltsin in the Finnish capital": a meeting of two countries
                // in a third is CAMEO 044 (the sentence's place, else the dateline's).
                if !petrarch && c.code.as_str() == "040" {
                    let sides = (c.source.code.country(), c.target.as_ref().and_then(|t| t.code.country()));
                    if let (Some(a), Some(b)) = sides {
                        let place = chunker.meeting_country(toks, nps).or_else(|| {
                            dateline_country
                                .get_or_init(|| place::Places::dateline_only(&analysis).dateline_country())
                                .clone()
                        });
                        if a != b && place.as_deref().is_some_and(|p| p != a && p != b) {
                            if let Ok(third) = "044".parse() {
                                note!(sc, "event {} 040 → 044: a meeting in a third country", c.source.code);
                                c.code = third;
                            }
                        }
                    }
                }
                if petrarch {
                    // PETRARCH writes an agent of no known country as `---GOV`.
                    c.source.code = unknown_country(c.source.code);
                    if let Some(t) = c.target.as_mut() {
                        t.code = unknown_country(t.code);
                    }
                }
                // "M23 rebels seized most of the city of Goma", "Russian troops pulled out of
                // Kherson": force used on (or withdrawn from) a place named after the verb
                // is aimed at its country, unless that country's own state forces use it.
                let on_place = matches!(c.code.root_number(), 18..=20) || c.code.as_str().starts_with("087");
                if on_place && c.target.is_none() && !petrarch {
                    let k = toks.binary_search_by_key(&c.verb.start, |t| t.span.start).ok();
                    let limit = k.map_or(c.verb.end, |k| {
                        toks[k..]
                            .iter()
                            .take(14)
                            .take_while(|t| {
                                !matches!(t.class, words::Class::Comma | words::Class::End | words::Class::Break)
                            })
                            .last()
                            .map_or(c.verb.end, |t| t.span.end)
                    });
                    // (Not a sea: "hijacked a ship in the Red Sea".)
                    let sea = |span: Span| {
                        doc.text.get(span.range()).and_then(|t| t.rsplit(' ').next()).is_some_and(|w| {
                            chunk::is_geographic_feature(&w.to_lowercase()) || w.eq_ignore_ascii_case("strait")
                        })
                    };
                    if let Some((span, country, name)) = places.place_after(si, c.verb, limit).filter(|p| !sea(p.0)) {
                        let state = c.source.code.roles().next().is_none()
                            || c.source.code.roles().any(|r| matches!(r, "GOV" | "MIL" | "COP" | "SPY"));
                        let own = c.source.code.country() == Some(country);
                        if let (false, Ok(code)) = (own && state, country.parse::<ActorCode>()) {
                            note!(sc, "target {code}: the country of \"{name}\", where the act is aimed");
                            c.target = Some(code::Actor {
                                code,
                                span,
                                text: doc.text.get(span.range()).unwrap_or(name).to_owned(),
                                kind: chunk::MemberKind::Named(casus_dict::ActorKind::Country),
                                plural: false,
                                via: None,
                                guessed: false,
                            });
                        }
                    }
                }
                // The same event twice in a sentence ("invaded and occupied Kuwait") is one event.
                let target = c.target.as_ref().map(|t| t.code);
                if coded.events[first_event..].iter().any(|e| {
                    e.source == c.source.code && e.target == target && e.code == c.code && e.negated == c.negated
                }) {
                    note!(sc, "event {} {} already coded in this sentence", c.source.code, c.code);
                    continue;
                }
                made += 1;
                coded.events.push(Event {
                    doc: doc.id.clone(),
                    sentence: si,
                    date: stated.as_ref().and_then(|d| d.date).or(pub_date),
                    source: c.source.code,
                    target: c.target.as_ref().map(|t| t.code),
                    source_text: c.source.text.clone(),
                    target_text: c.target.as_ref().map(|t| t.text.clone()),
                    verb_text: doc.text.get(c.verb.range()).unwrap_or("").to_owned(),
                    code: c.code,
                    negated: c.negated,
                    text: doc.text.get(span.range()).unwrap_or("").to_owned(),
                    spans: EventSpans {
                        source: c.source.span,
                        target: c.target.as_ref().map(|t| t.span),
                        verb: c.verb,
                    },
                    rule: c.rule,
                    date_raw: stated.as_ref().map(|d| d.raw.clone()),
                    location: places.for_event(si, c.verb),
                });
            }
            // Remember this sentence's actors for pronouns in the next ones.
            let mut new_memory = Vec::new();
            let mut actors_report = Vec::new();
            for (k, np) in nps.iter().enumerate() {
                let actors = sc_actors(&sc, k);
                if self.options.explain {
                    let span = Span::new(toks[np.start].span.start, toks[np.end - 1].span.end);
                    actors_report.push(ActorReport {
                        text: doc.text.get(span.range()).unwrap_or("").to_owned(),
                        span,
                        codes: if actors.is_empty() {
                            vec!["?".into()]
                        } else {
                            actors
                                .iter()
                                .map(|a| {
                                    a.via
                                        .as_ref()
                                        .map_or_else(|| a.code.to_string(), |v| format!("{} (= {v:?})", a.code))
                                })
                                .collect()
                        },
                        how: np.members.iter().map(|m| m.how.clone()).collect(),
                    });
                }
                if !actors.is_empty() && !np.members.iter().any(|m| matches!(m.kind, MemberKind::Pronoun)) {
                    let first_free = nps.iter().position(|p| p.prep.is_none() && !p.possessive && !p.aside);
                    new_memory.push(Antecedent { plural: np.plural(), actors, subject: first_free == Some(k) });
                }
            }
            if self.options.explain {
                coded.reports.push(SentenceReport {
                    sentence: si,
                    text: doc.text.get(span.range()).unwrap_or("").to_owned(),
                    span,
                    tokens: toks
                        .iter()
                        .map(|t| TokenReport {
                            text: t.text.to_owned(),
                            lemma: t.verb_lemma.map(str::to_owned),
                            class: format!("{:?}", t.class),
                        })
                        .collect(),
                    actors: actors_report,
                    notes: std::mem::take(&mut sc.notes),
                    events: made,
                });
            }
            drop(sc);
            memory.extend(new_memory);
            if memory.len() > 64 {
                memory.drain(..memory.len() - 64);
            }
        }
        coded.analysis = analysis;
        coded
    }
}

/// `---` before an agent code without a country (`GOV` → `---GOV`), as PETRARCH writes it.
fn unknown_country(code: casus_core::ActorCode) -> casus_core::ActorCode {
    let s = code.as_str();
    if code.has_country() || code.is_organisation() || s.starts_with("---") {
        return code;
    }
    format!("---{s}").parse().unwrap_or(code)
}

fn sc_actors(sc: &SentenceCoder<'_, '_>, k: usize) -> Vec<Actor> {
    sc.actors_of(k)
}

/// Whether the verb at byte `start` is a participle after a comma whose clause's verb is
/// an accident: "crashed shortly after takeoff, killing all on board".
fn accident_participle(toks: &[Tok<'_>], start: usize) -> bool {
    let Ok(k) = toks.binary_search_by_key(&start, |t| t.span.start) else { return false };
    if !toks[k].gerund || k == 0 || toks[k - 1].class != words::Class::Comma {
        return false;
    }
    toks[..k - 1].iter().rev().find(|t| t.is_inflected_verb() && t.verb_lemma.is_some()).is_some_and(|t| {
        matches!(
            t.verb_lemma,
            Some(
                "crash"
                    | "collide"
                    | "capsize"
                    | "sink"
                    | "derail"
                    | "overturn"
                    | "plunge"
                    | "collapse"
                    | "erupt"
                    | "topple"
                    | "skid"
            )
        )
    })
}

/// Datelines where wire services keep regional bureaus or international bodies sit: stories
/// filed there are mostly about other countries.
fn is_hub_dateline(place: &str) -> bool {
    matches!(
        place.to_lowercase().as_str(),
        "dubai"
            | "geneva"
            | "new york"
            | "united nations"
            | "brussels"
            | "vienna"
            | "the hague"
            | "strasbourg"
            | "luxembourg"
            | "hong kong"
            | "singapore"
    )
}

/// The country with the most named actors in the document, if it has a third of all
/// mentions and at least two (or is the only country named).
fn main_country(sentences: &[(Vec<Tok<'_>>, Vec<Np>)], place_countries: &[String]) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut total = 0;
    for c in place_countries {
        *counts.entry(c.as_str()).or_default() += 1;
        total += 1;
    }
    for (_, nps) in sentences {
        for np in nps {
            for m in &np.members {
                if let (MemberKind::Named(_) | MemberKind::Agent, Some(code)) = (m.kind, m.code.as_ref()) {
                    if let Some(c) = code.country() {
                        *counts.entry(c).or_default() += 1;
                        total += 1;
                    }
                }
            }
        }
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let (best, n) = *ranked.first()?;
    // A tie is no main country (nor does the dateline settle it: reporters in Beirut
    // write about Syria).
    if ranked.get(1).is_some_and(|second| second.1 == n) {
        return None;
    }
    // One country in a short text is its main country too.
    let only = total == n;
    ((n >= 2 || only) && n * 3 >= total).then(|| best.to_owned())
}

#[cfg(test)]
mod contract {
    #[test]
    fn coder_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<super::Coder>();
        check::<super::Coded>();
    }
}
