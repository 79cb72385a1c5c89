//! Actor noun phrases: names, demonyms, agents and pronouns, joined into compounds.

use casus_core::{ActorCode, Date};
use casus_dict::{ActorKind, Dictionary, WordId};
use casus_text::Lexicon;

use crate::annotate::Tok;
use crate::words::{
    is_group_anaphor, is_number_word, is_representative_head, is_title, is_weekday, pronoun_number, Class,
};

/// What a member of a noun phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MemberKind {
    /// A name from the actor dictionary, as the head.
    Named(ActorKind),
    /// An agent noun as the head.
    Agent,
    /// A personal or possessive pronoun, resolved later.
    Pronoun,
    /// "the group" and the like, resolved later.
    Anaphor,
}

/// One actor of a noun phrase (a compound has several).
#[derive(Debug, Clone)]
pub(crate) struct Member {
    pub code: Option<ActorCode>,
    pub start: usize,
    pub end: usize,
    pub kind: MemberKind,
    pub plural: bool,
    pub needs_country: bool,
    pub how: String,
}

/// An actor noun phrase: one member, or several joined by commas and "and".
#[derive(Debug, Clone)]
pub(crate) struct Np {
    pub start: usize,
    pub end: usize,
    pub members: Vec<Member>,
    /// The preposition right before the phrase, if any (then it is not a subject).
    pub prep: Option<usize>,
    /// Followed by a possessive 's and not part of a larger phrase ("Syria's capital").
    pub possessive: bool,
    /// Set off by dashes or brackets right after another phrase: an aside ("Saudi Arabia,
    /// Qatar and Turkey - Sunni powers - have ..."), never a subject.
    pub aside: bool,
}

impl Np {
    pub fn plural(&self) -> bool {
        self.members.len() > 1 || self.members.iter().any(|m| m.plural)
    }
}

#[derive(Debug, Clone)]
struct Comp {
    start: usize,
    end: usize,
    kind: MemberKind,
    code: ActorCode,
    plural: bool,
    how: String,
    /// Further actors the same name stands for (a PETRARCH entry `[ELR/GAL]`).
    also: Vec<ActorCode>,
    /// A PETRARCH prefix agent (`[NGO~]`): its role goes before the actor's code.
    prefix: bool,
}

pub(crate) struct Chunker<'d> {
    pub dict: &'d Dictionary,
    pub lex: &'static Lexicon,
    pub date: Option<Date>,
    /// Write the `how` of every component (for `--explain`); otherwise they stay empty.
    pub explain: bool,
}

/// A component's `how`, written only when explaining (formatting costs time on every phrase).
macro_rules! how {
    ($chunker:expr, $($arg:tt)*) => {
        if $chunker.explain { format!($($arg)*) } else { String::new() }
    };
}

impl Chunker<'_> {
    /// Resolves a name's entries to one code for the date: the dated entry whose range
    /// holds the date; else, with no date, the undated entry or the most recent one; else
    /// (a person out of office) the country + `ELI`.
    fn resolve(&self, entries: &[u32], cap: bool) -> Option<(ActorCode, ActorKind, String)> {
        let usable: Vec<u32> = entries.iter().copied().filter(|&e| cap || !self.dict.actor_needs_capital(e)).collect();
        let first = *usable.first()?;
        let entry = |i: u32| self.dict.actor(i);
        let pick = match self.date {
            // Of the ranges that hold the date, one that starts on it (a hand-over day
            // belongs to the new holder), else the narrowest (an embedded range wins).
            Some(d) => usable
                .iter()
                .copied()
                .filter(|&i| entry(i).dates.is_some_and(|r| r.contains(d)))
                .min_by_key(|&i| {
                    let r = entry(i).dates.unwrap_or_default();
                    let len = match (r.start, r.end) {
                        (Some(s), Some(e)) => e.to_days() - s.to_days(),
                        _ => i64::MAX,
                    };
                    (r.start != Some(d), len)
                })
                .or_else(|| usable.iter().copied().find(|&i| entry(i).dates.is_none())),
            None => usable
                .iter()
                .copied()
                .find(|&i| entry(i).dates.is_none())
                .or_else(|| usable.iter().copied().max_by_key(|&i| entry(i).dates.and_then(|r| r.start))),
        };
        match pick {
            Some(i) => {
                let e = entry(i);
                Some((e.code, e.kind, how!(self, "{} ({})", e.origin, e.kind.as_str())))
            }
            None => {
                let e = entry(first);
                if e.kind != ActorKind::Person {
                    // A group or state outside its dated ranges: the nearest range's code.
                    let d = self.date.map_or(0, Date::to_days);
                    let dist = |i: u32| {
                        entry(i).dates.map_or(i64::MAX, |r| {
                            let s = r.start.map_or(i64::MIN, Date::to_days);
                            let t = r.end.map_or(i64::MAX, Date::to_days);
                            if d < s {
                                s - d
                            } else {
                                d.saturating_sub(t)
                            }
                        })
                    };
                    let near = usable.iter().copied().min_by_key(|&i| dist(i)).unwrap_or(first);
                    let n = entry(near);
                    return Some((
                        n.code,
                        n.kind,
                        how!(self, "{} ({}, nearest dated entry)", n.origin, n.kind.as_str()),
                    ));
                }
                // A story a day or two after the office ended (an assassination, a coup)
                // reports what happened while it was held.
                let d = self.date.map_or(0, Date::to_days);
                let just_left = usable.iter().copied().find(|&i| {
                    entry(i).dates.and_then(|r| r.end).is_some_and(|end| (1..=2).contains(&(d - end.to_days())))
                });
                if let Some(i) = just_left.filter(|_| !self.dict.is_petrarch()) {
                    let n = entry(i);
                    return Some((n.code, n.kind, how!(self, "{} (left office a day or two before)", n.origin)));
                }
                let country = e.code.country()?;
                let code: ActorCode = format!("{country}ELI").parse().ok()?;
                Some((code, e.kind, how!(self, "{} (out of office on this date: {country}ELI)", e.origin)))
            }
        }
    }

    /// The country the lexicon gives a place name on the story's date, when the name is a
    /// country or a capital: a dateline's "BELGRADE" in 1999 is Yugoslavia's (SCG), "DILI"
    /// East Timor's (TMP), where the gazetteer knows only today's ISO codes.
    pub fn named_country(&self, name: &str) -> Option<String> {
        let ids: Vec<_> = name.split_whitespace().map(|w| self.dict.word(&w.to_lowercase())).collect::<Option<_>>()?;
        let m = self.dict.actor_matches(&ids, 0, true).into_iter().find(|m| m.len == ids.len())?;
        let (code, kind, _) = self.resolve(m.entries, true)?;
        matches!(kind, ActorKind::Capital | ActorKind::Country).then(|| code.country().map(str::to_owned)).flatten()
    }

    /// "British-flagged", "Saudi-led", "Iran-based": the country of a hyphenated modifier
    /// (and "NATO-led": an alliance's).
    fn hyphen_component(&self, t: &Tok<'_>, j: usize) -> Option<Comp> {
        let (head, tail) = t.lower.split_once('-')?;
        if !matches!(
            tail,
            "flagged" | "registered" | "owned" | "led" | "based" | "controlled" | "run" | "operated" | "held"
        ) {
            return None;
        }
        let id = self.dict.word(head)?;
        let m = self.dict.actor_matches(&[id], 0, true).into_iter().find(|m| m.len == 1)?;
        let (code, kind, how) = self.resolve(m.entries, true)?;
        // ("NATO-led troops": the alliance's own.)
        let owner: ActorCode = if kind == ActorKind::Igo && tail == "led" {
            code
        } else if kind.lends_country() {
            code.country()?.parse().ok()?
        } else {
            return None;
        };
        let how = how!(self, "{how} (in \"{}\")", t.text);
        Some(Comp {
            start: j,
            end: j + 1,
            kind: MemberKind::Named(kind),
            code: owner,
            plural: false,
            how,
            also: Vec::new(),
            prefix: false,
        })
    }

    /// The other codes written on the same dictionary line as the entry that gave `code`,
    /// for the same dates: a name that stands for several actors ("[ELR/GAL]").
    fn siblings(&self, entries: &[u32], code: ActorCode) -> Vec<ActorCode> {
        let Some(pick) = entries.iter().map(|&e| self.dict.actor(e)).find(|a| a.code == code) else {
            return Vec::new();
        };
        let mut out: Vec<ActorCode> = Vec::new();
        for a in entries.iter().map(|&e| self.dict.actor(e)) {
            if a.origin == pick.origin && a.dates == pick.dates && a.code != code && !out.contains(&a.code) {
                out.push(a.code);
            }
        }
        out
    }

    fn component_at(&self, toks: &[Tok<'_>], words: &[WordId], j: usize) -> Option<Comp> {
        if toks[j].cap && toks[j].lower.contains('-') {
            if let Some(c) = self.hyphen_component(&toks[j], j) {
                return Some(c);
            }
        }
        let mut also = Vec::new();
        let actor = self
            .dict
            .actor_matches(words, j, toks[j].cap)
            .into_iter()
            .find_map(|m| {
                let r = self.resolve(m.entries, toks[j].cap)?;
                also = self.siblings(m.entries, r.0);
                Some((m.len, r))
            })
            // "West Darfur", "North Kivu": a one-word region before a name is part of a place.
            // ("Abbas Mousavi": a leader's one-word name before another name is a first name.)
            .filter(|(len, (_, kind, _))| {
                !(*len == 1
                    && (*kind == ActorKind::Region || (*kind == ActorKind::Person && !self.dict.is_petrarch()))
                    && toks.get(j + 1).is_some_and(|t| t.cap && t.class == Class::Word))
            })
            // ("Wu Qian": a short one-word leader name after a given name the lexicon does
            // not know is someone else's family name.)
            .filter(|(len, (_, kind, _))| {
                let unknown_before = j > 1
                    && toks[j - 1].cap
                    && toks[j - 1].class == Class::Word
                    && !is_title(&toks[j - 1].lower)
                    && !toks[j - 2].lower.ends_with(':')
                    && self.dict.actor_matches(words, j - 1, true).is_empty()
                    && self.dict.agent_match(words, j - 1).is_none();
                !(*len == 1
                    && *kind == ActorKind::Person
                    && toks[j].text.chars().count() <= 4
                    && unknown_before
                    && !self.dict.is_petrarch())
            });
        let agent = self.dict.agent_match(words, j);
        if !self.dict.is_petrarch() {
            // "12 million Swiss francs": a demonym naming a currency is no actor.
            if let Some((alen, (_, ActorKind::Demonym, _))) = &actor {
                if toks.get(j + alen).is_some_and(|t| is_currency(&t.lower)) {
                    return None;
                }
            }
            // "passed intelligence to": bare "intelligence" is information, not a service
            // ("Saudi intelligence", "intelligence officials" are).
            if actor.is_none()
                && toks[j].lower == "intelligence"
                && agent.is_some_and(|(len, _)| len == 1)
                && j > 0
                && (toks[j - 1].is_verb_form() && toks[j - 1].is_inflected_verb() || toks[j - 1].class == Class::Prep)
            {
                return None;
            }
            // "threatened a military response", "a new military incursion": "military"
            // before a plain noun is an adjective ("military officials" is an agent).
            if actor.is_none()
                && toks[j].lower == "military"
                && agent.is_some_and(|(len, _)| len == 1)
                // (Not after a country: "Iraqi military positions" are its forces'.)
                && (j == 0 || !(toks[j - 1].cap || toks[j - 1].class == Class::PossMark))
                // (Nor before its sites and units: "a military base", "a military convoy".)
                && toks.get(j + 1).is_some_and(|t| {
                    t.class == Class::Word
                        && !t.cap
                        && t.pos.is_some_and(|p| p.starts_with("NN"))
                        && self.dict.agent_match(words, j + 1).is_none()
                        && !matches!(
                        t.lower.trim_end_matches('s'),
                        "base"
                            | "camp"
                            | "training"
                            | "post"
                            | "outpost"
                            | "barrack"
                            | "academy"
                            | "convoy"
                            | "checkpoint"
                            | "installation"
                            | "facility"
                            | "position"
                            | "vehicle"
                            | "aircraft"
                            | "plane"
                            | "helicopter"
                            | "jet"
                            | "airport"
                            | "airbase"
                            | "headquarter"
                            | "compound"
                            | "target"
                            | "unit"
                            | "patrol"
                            | "depot"
                            | "site"
                            | "hospital"
                            | "court"
                    )
                })
            {
                return None;
            }
        }
        // "thousands of people marched": a crowd counted in numbers is civilians (CVL);
        // bare "people" is left out of the agent table on purpose.
        if actor.is_none() && agent.is_none() && toks[j].lower == "people" && j > 0 && !self.dict.is_petrarch() {
            let counted = toks[j - 1].class == Class::Number
                || is_number_word(&toks[j - 1].lower)
                || (j > 1
                    && toks[j - 1].lower == "of"
                    && matches!(toks[j - 2].lower.as_str(), "thousands" | "hundreds" | "dozens" | "tens" | "scores"));
            if counted {
                if let Ok(code) = "CVL".parse() {
                    return Some(Comp {
                        start: j,
                        end: j + 1,
                        kind: MemberKind::Agent,
                        code,
                        plural: true,
                        how: how!(self, "a crowd (\"people\" counted)"),
                        also: Vec::new(),
                        prefix: false,
                    });
                }
            }
        }
        // "his Peruvian counterpart": the role of the last agent named before (a court's
        // counterpart is a court), else a government's.
        if actor.is_none()
            && agent.is_none()
            && matches!(toks[j].lower.as_str(), "counterpart" | "counterparts")
            && !self.dict.is_petrarch()
        {
            let role = (0..j)
                .rev()
                .find_map(|k| {
                    self.dict
                        .agent_match(words, k)
                        .filter(|&(len, _)| k + len <= j)
                        .map(|(_, ai)| self.dict.agent(ai).role)
                })
                .or_else(|| "GOV".parse().ok());
            if let Some(code) = role {
                return Some(Comp {
                    start: j,
                    end: j + 1,
                    kind: MemberKind::Agent,
                    code,
                    plural: toks[j].lower.ends_with('s'),
                    how: how!(self, "a counterpart (the role of the last agent named)"),
                    also: Vec::new(),
                    prefix: false,
                });
            }
        }
        let actor = actor.or_else(|| self.elided_name(toks, words, j).filter(|_| agent.is_none()));
        match (actor, agent) {
            (Some((alen, (code, kind, how))), ag) if ag.is_none_or(|(glen, _)| alen >= glen) => {
                let plural = kind == ActorKind::Demonym && toks[j + alen - 1].lower.ends_with('s');
                let plural = plural || !also.is_empty();
                // "Yemen's Houthi rebels" are they (but "the Rapid Support Forces said it").
                let last = &toks[j + alen - 1];
                let plural = plural
                    || (kind == ActorKind::Group
                        && !last.cap
                        && !self.dict.is_petrarch()
                        && self.lex.noun_singular(&last.lower).is_some());
                Some(Comp {
                    start: j,
                    end: j + alen,
                    kind: MemberKind::Named(kind),
                    code,
                    plural,
                    how,
                    also,
                    prefix: false,
                })
            }
            (_, Some((glen, ai))) => {
                let last = &toks[j + glen - 1];
                let a = self.dict.agent(ai);
                // ("Kenyan police said they had": "police" and "personnel" are plural.)
                let plural = self.lex.noun_singular(&last.lower).is_some()
                    || (!self.dict.is_petrarch() && matches!(last.lower.as_str(), "police" | "personnel"));
                Some(Comp {
                    start: j,
                    end: j + glen,
                    kind: MemberKind::Agent,
                    code: a.role,
                    plural,
                    how: how!(self, "{} (agent {:?})", a.origin, a.noun),
                    also: Vec::new(),
                    prefix: a.prefix,
                })
            }
            _ => None,
        }
    }

    /// "North and South Korea": a word before "and" that names an
    /// actor with the head of the name after it.
    fn elided_name(
        &self,
        toks: &[Tok<'_>],
        words: &[WordId],
        j: usize,
    ) -> Option<(usize, (ActorCode, ActorKind, String))> {
        if self.dict.is_petrarch() || !toks[j].cap || toks[j].class != Class::Word || toks.get(j + 1)?.lower != "and" {
            return None;
        }
        let next = toks.get(j + 2)?;
        let later = self.dict.actor_matches(words, j + 2, next.cap).into_iter().map(|m| m.len).max()?;
        if later < 2 || !next.cap {
            return None;
        }
        let mut elided = vec![words[j]];
        elided.extend_from_slice(&words[j + 3..j + 2 + later]);
        let m = self.dict.actor_matches(&elided, 0, true).into_iter().find(|m| m.len == elided.len())?;
        let (code, kind, how) = self.resolve(m.entries, true)?;
        Some((1, (code, kind, format!("{how} (its head elided before \"and\")"))))
    }

    /// Whether the token may modify a following actor word ("fractured", "Shiite", "pro-regime").
    fn modifier(&self, t: &Tok<'_>, after_det: bool) -> bool {
        match t.class {
            Class::Adv => true,
            Class::Number => true,
            // "Petro on Sunday accused Israel": a day is a time, not part of a name.
            Class::Word if is_time_word(&t.lower) => false,
            // "a move IAEA chief Rafael Grossi condemned": the head of a relative clause
            // without "that", not a modifier of the actor after it.
            Class::Word if is_act_noun(&t.lower) => false,
            Class::Word => {
                if t.cap || t.lower.contains('-') || is_group_anaphor(&t.lower) {
                    return true;
                }
                // "Armenian acting Prime Minister", "the outgoing president": -ing forms that
                // are adjectives of office.
                if is_office_adjective(&t.lower) {
                    return true;
                }
                match t.pos {
                    None => true,
                    Some(tags) => {
                        let first = tags.split(' ').next().unwrap_or("");
                        if first.starts_with("JJ") || first == "VBN" {
                            return true;
                        }
                        // A verb form that is not mainly an adjective ("showing") ends a phrase.
                        let verbal = t.gerund || t.third || (t.past && !t.participle);
                        // (`Lexicon::can_be_nominal` of the word, read from its tags.)
                        !verbal && after_det && can_be_nominal(tags)
                    }
                }
            }
            _ => false,
        }
    }

    /// A simple (non-compound) actor phrase starting at `i`.
    fn simple_np(
        &self,
        toks: &[Tok<'_>],
        at: &[Option<Comp>],
        i: usize,
        prev_in_np: bool,
    ) -> Option<(usize, usize, Vec<Comp>)> {
        let n = toks.len();
        let mut j = i;
        let mut after_det = false;
        // (A name may start with its article: PETRARCH's "THE_SHIRE".)
        while j < n
            && (matches!(toks[j].class, Class::Det | Class::Number | Class::PossPron)
                || (is_number_word(&toks[j].lower)
                    && !matches!(
                        toks[j].lower.as_str(),
                        "many" | "several" | "dozen" | "dozens" | "hundreds" | "thousands"
                    )))
            && at[j].is_none()
        {
            if toks[j].class == Class::PossPron && j != i {
                break;
            }
            after_det = true;
            j += 1;
            // "thousands of", "some of"
            if j + 1 < n
                && toks[j].class == Class::Prep
                && toks[j].lower == "of"
                && toks[j - 1].class != Class::PossPron
            {
                j += 1;
            }
        }
        if i < n && toks[i].class == Class::PossPron {
            return None; // "their forces" is handled as a pronoun
        }
        // Right after a conjunction, a past form is a coordinated verb, not a modifier:
        // "shelled Kurdish positions and accused Syria of ...".
        // (Each test below is of a lower-case past form or participle: only for those.)
        let past_form = |t: &Tok<'_>| !t.cap && t.is_verb_form() && (t.past || t.participle);
        if j == i && i > 0 && at[i].is_none() && past_form(&toks[i]) {
            let t = &toks[i];
            let after_conj = matches!(toks[i - 1].lower.as_str(), "and" | "but" | "or" | "then");
            if after_conj && !t.cap && t.is_verb_form() && (t.past || t.participle) {
                return None;
            }
            // After a name the lexicon does not know, a past form is its verb: "and Anwar
            // accused Prime Minister Abdullah's government".
            let name_before = i >= 2
                && toks[i - 1].cap
                && toks[i - 1].class == Class::Word
                && at[i - 1].is_none()
                && !toks[i - 1].is_verb_form()
                && matches!(toks[i - 2].class, Class::Comma | Class::Conj | Class::Word)
                && (toks[i - 2].class != Class::Word || matches!(toks[i - 2].lower.as_str(), "and" | "but" | "then"));
            // (And after an actor's place: "The UN tribunal in Arusha sentenced former
            // Rwandan Prime Minister Jean Kambanda".)
            let actor_in_place = i >= 3
                && toks[i - 1].cap
                && toks[i - 1].class == Class::Word
                && !toks[i - 1].is_verb_form()
                && matches!(toks[i - 2].lower.as_str(), "in" | "at")
                && (i.saturating_sub(10)..i - 2).any(|q| at[q].as_ref().is_some_and(|c| c.end == i - 2));
            if (name_before || actor_in_place) && t.past && !t.gerund && !self.dict.is_petrarch() {
                return None;
            }
            // After a plain noun, or "and" and adverbs, a past form is the verb: "cruise
            // missiles pounded Iraqi targets", "shot and seriously wounded the prime minister".
            let mut b = i;
            while b > 0
                && (toks[b - 1].class == Class::Adv
                    || (toks[b - 1].class == Class::Word && toks[b - 1].lower.ends_with("ly") && at[b - 1].is_none()))
            {
                b -= 1;
            }
            if b > 0
                && b < i
                && matches!(toks[b - 1].lower.as_str(), "and" | "but" | "then")
                && !t.cap
                && t.is_verb_form()
                && t.past
            {
                return None;
            }
            if b > 0 && is_time_word(&toks[b - 1].lower) && !t.cap && t.is_verb_form() && t.past && !t.gerund {
                return None;
            }
            let prev_noun = b.checked_sub(1).is_some_and(|k| {
                let p = &toks[k];
                at[k].is_none()
                    && p.class == Class::Word
                    && !p.cap
                    // ("armed with knives and axes attacked": a plural noun that is also a
                    // verb's -s form.)
                    && (!p.is_verb_form() || p.third && !p.past)
                    && p.pos.is_some_and(|tags| tags.split(' ').next().is_some_and(|f| f.starts_with("NN")))
            });
            if prev_noun && !t.cap && t.is_verb_form() && t.past && !t.gerund {
                return None;
            }
            // After an actor and adverbs: "Eritrean troops jointly attacked Tigrayan forces".
            let actor_before = (b.saturating_sub(8)..b).any(|q| at[q].as_ref().is_some_and(|c| c.end == b));
            if b < i && actor_before && !t.cap && t.is_verb_form() && t.past && !t.gerund {
                return None;
            }
            // After an apposition it is the verb: "Kim Yo Jong, the powerful sister of the
            // leader, dismissed Seoul's offer".
            if toks[i - 1].class == Class::Comma && t.past && !t.gerund {
                let open = (i.saturating_sub(16)..i - 1).rev().find(|&k| toks[k].class == Class::Comma);
                // (Also after a name, "Cambodia's foreign minister, Hor Namhong, accused", or a
                // participle, "Burkina Faso's military government, led by Captain Ibrahim
                // Traore, ordered".)
                let apposition = open.is_some_and(|c| {
                    let actor_ends = (c.saturating_sub(8)..c).any(|q| at[q].as_ref().is_some_and(|x| x.end == c));
                    let opener = toks.get(c + 1);
                    let name = opener.is_some_and(|d| d.cap && d.class == Class::Word) && !self.dict.is_petrarch();
                    let participle = opener.is_some_and(|d| d.participle && !d.cap && !d.gerund)
                        && toks.get(c + 2).is_some_and(|b| b.lower == "by")
                        && !self.dict.is_petrarch();
                    let body_from = if participle { c + 2 } else { c + 1 };
                    c > 0
                        && (toks[c - 1].cap || (actor_ends && !self.dict.is_petrarch()))
                        && (opener.is_some_and(|d| d.class == Class::Det) || name || participle)
                        && toks[body_from..i - 1].iter().all(|w| !(w.is_verb_form() && (w.past || w.third) && !w.cap))
                });
                if apposition {
                    return None;
                }
            }
            // After an auxiliary it is the verb: "Iran has supplied Russia with drones".
            let aux = (0..i)
                .rev()
                .find(|&k| toks[k].class != Class::Adv)
                .is_some_and(|k| matches!(toks[k].class, Class::Have | Class::Be) && at[k].is_none());
            if aux && !t.cap && t.is_verb_form() && t.participle && !t.gerund {
                return None;
            }
        }
        // "refused to free 24 Ukrainian sailors": after "to", a verb before a number or
        // determiner is the infinitive, not an adjective.
        if j == i && i > 0 && at[i].is_none() && toks[i - 1].class == Class::To {
            let t = &toks[i];
            let base = !t.cap && t.is_verb_form() && !t.past && !t.third && !t.gerund;
            if base && toks.get(i + 1).is_some_and(|w| matches!(w.class, Class::Det | Class::Number | Class::PossPron))
            {
                return None;
            }
        }
        // "demanded that the government release the reporter": after a verb of demand and
        // "that", a base form is the clause's (subjunctive) verb.
        // ("insisted on Thursday that Myanmar grant them citizenship": past a time.)
        let after_mandative_that = i >= 2
            && toks[i - 1].lower == "that"
            && (i.saturating_sub(5)..i - 1)
                .rev()
                .find(|&k| toks[k].is_verb_form() && !toks[k].cap)
                .and_then(|k| toks[k].verb_lemma)
                .is_some_and(is_mandative_lemma);
        let mut comps: Vec<Comp> = Vec::new();
        let mut pending_mods = 0usize;
        while j < n {
            if let Some(c) = &at[j] {
                j = c.end;
                comps.push(c.clone());
                pending_mods = 0;
                continue;
            }
            let t = &toks[j];
            if t.class == Class::PossMark
                && !comps.is_empty()
                && self.leads_to_component(toks, at, j + 1, true)
                && !self.place_modifier_after(toks, at, j + 1)
            {
                j += 1;
                after_det = true;
                continue;
            }
            if is_title(&t.lower) && j + 1 < n && (toks[j + 1].cap) {
                j += 1;
                continue;
            }
            // Right after an actor word, a verb form is the verb ("Rebels attack government troops").
            // (Adverbs may stand between: "the foreign ministry sharply criticised NATO".)
            let after_component =
                comps.last().is_some_and(|c| c.end <= j && toks[c.end..j].iter().all(|w| w.class == Class::Adv));
            // ("demanded that Moscow immediately free the reporter": past an adverb too.)
            let past_adverb = after_component && j > 0 && toks[j - 1].class == Class::Adv;
            let subjunctive = after_mandative_that && !t.is_inflected_verb();
            let verb_slot = t.is_verb_form()
                && !t.cap
                && !is_group_anaphor(&t.lower)
                && !is_office_adjective(&t.lower)
                && (comps.is_empty() && prev_in_np || after_component)
                && (t.pos.and_then(|p| p.split(' ').next()).is_some_and(|p| p.starts_with("VB"))
                    || past_adverb
                    || subjunctive
                    || t.past
                    || t.third
                    || prev_in_np
                    || comps.last().is_some_and(|c| c.plural));
            // After a plain noun a past form is the verb: "a parliamentary committee
            // investigated Russian interference".
            // ("Pakistan's army chief visited": "chief" is also an adjective.)
            let after_noun = j > i
                && at[j - 1].is_none()
                && toks[j - 1].class == Class::Word
                && !toks[j - 1].cap
                && toks[j - 1].pos.is_some_and(|p| p.split(' ').any(|tag| tag.starts_with("NN")));
            if after_noun && t.is_verb_form() && t.past && !t.cap {
                break;
            }
            // "King Abdullah hosted Palestinian President Abbas": a past form after a name
            // is the verb, not a modifier of the next actor.
            if j > i && t.past && !t.cap && t.is_verb_form() && toks[j - 1].cap && toks[j - 1].class == Class::Word {
                break;
            }
            if !verb_slot
                && self.modifier(t, after_det || !comps.is_empty())
                && pending_mods < 3
                && self.leads_to_component(toks, at, j + 1, after_det)
            {
                pending_mods += 1;
                j += 1;
                continue;
            }
            if comps.last().is_some_and(|c| c.kind == MemberKind::Agent) && t.cap && t.class == Class::Word && j > 0 {
                // A name after a title agent: "the deputy foreign minister Hossein Amir Abdollahian".
                j += 1;
                continue;
            }
            if comps.last().is_some_and(|c| c.end == j)
                && (is_group_anaphor(t.lower.trim_end_matches('s'))
                    || is_representative_head(&t.lower)
                    || (t.lower == "personnel" && !self.dict.is_petrarch()))
            {
                // A generic head after an actor word: "rebel groups", "Houthi militias".
                j += 1;
                continue;
            }
            break;
        }
        if comps.is_empty() {
            return None;
        }
        // "the South China Sea", "the Korean Peninsula", "the Persian Gulf": a geographic
        // feature named after a country is a place, not the country.
        if let (Some(last), Some(next)) = (comps.last(), toks.get(j)) {
            let place_name = matches!(
                last.kind,
                MemberKind::Named(ActorKind::Country | ActorKind::Demonym | ActorKind::Region | ActorKind::Capital)
            );
            if place_name && last.end == j && next.cap && is_geographic_feature(&next.lower) && !self.dict.is_petrarch()
            {
                return None;
            }
        }
        // An agent word modifying a thing is not an actor: "artillery shells", "a military
        // deadlock", "police mission" (but "rebel positions", "army posts" stay actors:
        // what belongs to the rebels).
        if let (Some(last), Some(next)) = (comps.last(), toks.get(j)) {
            let only_agents = comps.iter().all(|c| c.kind == MemberKind::Agent);
            if only_agents && last.end == j && is_thing_noun(&next.lower) {
                return None;
            }
        }
        // "the National Liberation Army" (a name the lexicon does not know): capitalized words
        // before a capitalized "Army" name a non-state armed group, not the state's military
        // (state armies carry their country: "the Pakistan Army").
        if let [only] = comps.as_mut_slice() {
            let named = only.kind == MemberKind::Agent
                && toks[only.start].cap
                && only.start > i
                && only.code.roles().any(|r| r == "MIL")
                && toks[only.start].lower == "army"
                && {
                    let mut k = only.start;
                    let mut caps = 0;
                    while k > i && toks[k - 1].cap && toks[k - 1].class == Class::Word && at[k - 1].is_none() {
                        k -= 1;
                        caps += 1;
                    }
                    caps >= 1 && k > 0 && !matches!(toks[k - 1].class, Class::Break)
                };
            if named {
                if let Ok(reb) = "REB".parse() {
                    only.code = reb;
                }
            }
        }
        // "used excessive force", "military force": singular "force" without an article is
        // the uncountable noun, not a unit.
        if let Some(last) = comps.last() {
            let only_agents = comps.iter().all(|c| c.kind == MemberKind::Agent);
            let bare = !after_det && (i == 0 || toks[i - 1].class != Class::PossMark);
            if only_agents && bare && last.end == last.start + 1 && toks[last.start].lower == "force" {
                return None;
            }
        }
        // Trim trailing modifiers that led nowhere.
        let end = j.max(comps.last().map_or(j, |c| c.end));
        let end = trim_end(toks, comps.last().map_or(end, |c| c.end), end);
        Some((i, end, comps))
    }

    /// Whether the component after a possessive at `j` is a place name used as a modifier
    /// of a common noun, not the head: "Trump's Middle East peace plan", "Russia's Ukraine
    /// war" (but "Yemen's Houthi rebels", "Iraq's Kurdish government" go on).
    fn place_modifier_after(&self, toks: &[Tok<'_>], at: &[Option<Comp>], mut j: usize) -> bool {
        while j < toks.len() && at[j].is_none() {
            j += 1;
        }
        let Some(c) = at.get(j).and_then(Option::as_ref) else { return false };
        let place = matches!(c.kind, MemberKind::Named(ActorKind::Country | ActorKind::Region));
        place
            && at.get(c.end).is_none_or(Option::is_none)
            && toks.get(c.end).is_some_and(|t| !t.cap && t.class == Class::Word)
    }

    /// Whether a component follows at `j`, possibly after up to three modifiers.
    fn leads_to_component(&self, toks: &[Tok<'_>], at: &[Option<Comp>], mut j: usize, after_det: bool) -> bool {
        for _ in 0..4 {
            if j >= toks.len() {
                return false;
            }
            if at[j].is_some() {
                return true;
            }
            if !self.modifier(&toks[j], after_det) {
                return false;
            }
            j += 1;
        }
        false
    }

    /// The country of a place name among the words of an actor phrase ("Donetsk rebels",
    /// "Aleppo residents"): a gazetteer city or region of 50,000 people or more.
    fn place_country(&self, toks: &[Tok<'_>], start: usize, end: usize) -> Option<(String, String)> {
        // (PETRARCH knows places only from its actor dictionaries.)
        if self.dict.is_petrarch() {
            return None;
        }
        let best = big_place;
        let cap = |t: &Tok<'_>| t.cap && t.class == Class::Word;
        // "a New York jury": a run of capitalized words names its place whole; a word of
        // it alone ("York") only when the run does not begin like a longer name.
        let mut q = start;
        while q < end {
            if !cap(&toks[q]) {
                q += 1;
                continue;
            }
            let run_end = (q..end).find(|&r| !cap(&toks[r])).unwrap_or(end);
            if run_end - q > 1 {
                let whole: Vec<&str> = toks[q..run_end].iter().map(|t| t.text).collect();
                if let Some(found) = best(&whole.join(" ")) {
                    return Some(found);
                }
            }
            let prefixed = run_end - q > 1
                && matches!(
                    toks[q].text,
                    "New"
                        | "San"
                        | "Santa"
                        | "Los"
                        | "Las"
                        | "Saint"
                        | "St"
                        | "St."
                        | "Port"
                        | "Fort"
                        | "El"
                        | "La"
                        | "Le"
                );
            // ("10 Western ambassadors": a compass adjective is no place.)
            if !prefixed {
                if let Some(found) =
                    toks[q..run_end].iter().filter(|t| !is_compass(&t.lower)).find_map(|t| best(t.text))
                {
                    return Some(found);
                }
            }
            q = run_end;
        }
        None
    }

    /// The country of the place named right after a preposition at `start` ("in Idlib
    /// province", "in West Darfur"): the run of capitalized words, whole, else its last word
    /// unless that is a compass word; a gazetteer place of 50,000 people or more.
    fn place_after(&self, toks: &[Tok<'_>], start: usize, end: usize) -> Option<(String, String)> {
        if self.dict.is_petrarch() {
            return None;
        }
        let mut p = start;
        while p < end && toks[p].class == Class::Det {
            p += 1;
        }
        let run_end = (p..end).find(|&q| !(toks[q].cap && toks[q].class == Class::Word)).unwrap_or(end);
        if run_end == p {
            return None;
        }
        let best = big_place;
        if run_end - p > 1 {
            let whole: Vec<&str> = toks[p..run_end].iter().map(|t| t.text).collect();
            if let Some(found) = best(&whole.join(" ")) {
                return Some(found);
            }
        }
        let last = &toks[run_end - 1];
        if is_compass(&last.lower) {
            return None;
        }
        best(last.text)
    }

    fn member_of(&self, toks: &[Tok<'_>], comps: &[Comp], start: usize, end: usize) -> Member {
        let head = &comps[comps.len() - 1];
        let plural = head.plural;
        let mut how = head.how.clone();
        let (code, needs_country) = match head.kind {
            // A name from a PETRARCH-style dictionary after a title agent takes its role,
            // as PETRARCH does: "Bree Prime Minister Romendacil" → BRE + GOV.
            MemberKind::Named(ActorKind::Other) => {
                // PETRARCH codes a phrase by its first actor ("the evil Arnor awful Gondor"
                // → ARN).
                let first = comps[..comps.len() - 1]
                    .iter()
                    .find(|c| c.kind == MemberKind::Named(ActorKind::Other))
                    .filter(|_| self.dict.is_petrarch());
                let head = first.unwrap_or(head);
                let title = comps[..comps.len() - 1].iter().rev().find(|c| c.kind == MemberKind::Agent && !c.prefix);
                match title {
                    Some(a) if !head.code.segments().any(|s| a.code.segments().any(|r| r == s)) => {
                        how = how!(self, "{} + title {}", head.how, a.how);
                        (head.code.join(&a.code).unwrap_or(head.code), false)
                    }
                    _ => (head.code, false),
                }
            }
            // A seat of government after another country's possessive is that country's
            // institution ("Pakistan's foreign office"-style names the lexicon gives one
            // country).
            MemberKind::Named(ActorKind::Capital) if head.code.roles().next().is_some() => {
                let owner = comps[..comps.len() - 1].iter().rev().find(|o| {
                    matches!(o.kind, MemberKind::Named(k) if k.lends_country())
                        && toks.get(o.end).is_some_and(|t| t.class == Class::PossMark)
                });
                match owner.and_then(|o| o.code.country()).filter(|&c| Some(c) != head.code.country()) {
                    Some(country) => {
                        how = how!(self, "{} + {}", owner.map_or("", |o| o.how.as_str()), head.how);
                        let roles = head.code.as_str().get(3..).unwrap_or("");
                        (format!("{country}{roles}").parse().unwrap_or(head.code), false)
                    }
                    None => (head.code, false),
                }
            }
            MemberKind::Named(_) => (head.code, false),
            _ => {
                // An agent: borrow the country (or a group's whole code) from the left.
                let mut code = None;
                for c in comps[..comps.len() - 1].iter().rev() {
                    if let MemberKind::Named(kind) = c.kind {
                        if kind == ActorKind::Other {
                            // Dictionaries in other formats (PETRARCH): the agent's role is
                            // appended to the whole actor code, as PETRARCH does.
                            let already = c.code.segments().any(|s| head.code.segments().any(|r| r == s));
                            code = if already {
                                Some(c.code)
                            } else if head.prefix {
                                head.code.join(&c.code)
                            } else {
                                c.code.join(&head.code)
                            };
                            how = how!(self, "{} + {}", c.how, head.how);
                        } else if kind.lends_country()
                            // "the Labour government", "the Sandinista government": a party's
                            // government is its country's.
                            || (kind == ActorKind::Group
                                && c.code.roles().all(|r| r == "PTY")
                                && head.code.roles().eq(["GOV"])
                                && c.code.country().is_some())
                        {
                            if let Some(country) = c.code.country() {
                                code = format!("{country}{}", head.code).parse().ok();
                                how = how!(self, "{} + {}", c.how, head.how);
                            }
                        } else {
                            code = Some(c.code);
                            how = how!(self, "{} (its {})", c.how, head.how);
                            // "Russia's U.N. ambassador": a country's envoy to the body.
                            let envoy = kind == ActorKind::Igo
                                && head.code.roles().any(|r| r == "GOV")
                                && !self.dict.is_petrarch();
                            if envoy {
                                let owner = comps[..comps.len() - 1].iter().rev().find(|o| {
                                    o.end <= c.start
                                        && matches!(o.kind, MemberKind::Named(k) if k.lends_country())
                                        && toks.get(o.end).is_some_and(|t| t.class == Class::PossMark)
                                });
                                if let Some(country) = owner.and_then(|o| o.code.country()) {
                                    code = format!("{country}GOV").parse().ok();
                                    how = how!(
                                        self,
                                        "{} + {} (its envoy)",
                                        owner.map_or("", |o| o.how.as_str()),
                                        head.how
                                    );
                                }
                            }
                        }
                        break;
                    }
                }
                match code {
                    Some(c) => (c, false),
                    None => {
                        match self.place_country(toks, start, head.start).filter(|_| !head.code.is_organisation()) {
                            Some((country, place)) => {
                                how = how!(self, "{how} + place \"{place}\"");
                                (head.code.with_country(&country), false)
                            }
                            None => (head.code, !head.code.is_organisation()),
                        }
                    }
                }
            }
        };
        // "Albania's opposition Socialist Party", "opposition leader Mikheil Saakashvili": a
        // party or a politician out of office called the opposition is the opposition (OPP).
        let mut code = code;
        let opposition = !self.dict.is_petrarch()
            && toks[start..head.start].iter().any(|t| t.lower == "opposition")
            && code.roles().all(|r| matches!(r, "PTY" | "ELI"))
            && !matches!(head.kind, MemberKind::Named(ActorKind::Igo | ActorKind::Ngo));
        if opposition {
            if let Ok(c) = format!("{}OPP", code.country().unwrap_or("")).parse() {
                how = how!(self, "{how} (the opposition)");
                code = c;
            }
        }
        // "UN envoy Lakhdar Brahimi": a person out of office in their own country who is
        // titled an international body's official acts for that body.
        let igo_title = (!self.dict.is_petrarch()
            && head.kind == MemberKind::Named(ActorKind::Person)
            && code.roles().eq(["ELI"])
            && !toks[start..head.start]
                .iter()
                .any(|t| matches!(t.lower.as_str(), "former" | "ex" | "late" | "retired")))
        .then(|| {
            comps[..comps.len() - 1]
                .iter()
                .find(|c| c.kind == MemberKind::Named(ActorKind::Igo))
                // (A title: "EU foreign policy chief", or in the body's name, "UN envoy".)
                .filter(|c| c.end < head.start || toks[c.start..c.end].iter().any(|t| !t.cap))
        })
        .flatten();
        if let Some(igo) = igo_title {
            how = how!(self, "{how} (titled: {})", igo.how);
            code = igo.code;
        }
        // PETRARCH prefix agents before the head ("MSF Arnor", "an MSF Arnor diplomat"):
        // their roles go first (NGOARN, NGOARNGOV).
        for c in comps[..comps.len() - 1].iter().rev().filter(|c| c.kind == MemberKind::Agent && c.prefix) {
            if let Some(joined) = c.code.join(&code) {
                how = how!(self, "{} + prefix {}", how, c.how);
                code = joined;
            }
        }
        Member { code: Some(code), start, end, kind: head.kind, plural, needs_country, how }
    }

    /// The country where the sentence places things: a country, capital or region after
    /// "in", "at", "near" ("in northwestern Nigeria"), else a gazetteer place of 50,000 people
    /// or more ("at a mosque in Peshawar"). For agents nothing else gives a country.
    pub fn locative_country(&self, toks: &[Tok<'_>], nps: &[Np]) -> Option<String> {
        if self.dict.is_petrarch() {
            return None;
        }
        let locative = |t: &Tok<'_>| {
            matches!(t.lower.as_str(), "in" | "at" | "near" | "outside" | "inside" | "across" | "throughout")
        };
        for np in nps {
            let Some(p) = np.prep else { continue };
            if !locative(&toks[p]) {
                continue;
            }
            if let [m] = np.members.as_slice() {
                if matches!(m.kind, MemberKind::Named(kind) if kind.lends_country() && kind != ActorKind::Person) {
                    if let Some(c) = m.code.as_ref().and_then(|c| c.country()) {
                        return Some(c.to_owned());
                    }
                }
            }
        }
        // "an assault on the northern Mozambican town of Palma": a demonym before a
        // settlement noun and "of".
        for np in nps {
            if let [m] = np.members.as_slice() {
                let settlement = toks.get(np.end).is_some_and(|t| {
                    matches!(
                        t.lower.as_str(),
                        "town" | "city" | "village" | "port" | "province" | "region" | "district" | "state" | "enclave"
                    )
                }) && toks.get(np.end + 1).is_some_and(|t| t.lower == "of");
                if settlement && m.kind == MemberKind::Named(ActorKind::Demonym) {
                    if let Some(c) = m.code.as_ref().and_then(|c| c.country()) {
                        return Some(c.to_owned());
                    }
                }
            }
        }
        toks.iter()
            .enumerate()
            .filter(|(_, t)| locative(t))
            .find_map(|(k, _)| self.place_after(toks, k + 1, (k + 5).min(toks.len())).map(|(country, _)| country))
    }

    /// Where a meeting the sentence reports takes place: a country, capital or city after
    /// "in", "at", "near", "outside" that follows an actor or a verb ("met Yeltsin in the
    /// Finnish capital", "met in Geneva"), not one that belongs to the topic ("discussed
    /// the conflict in Idlib").
    pub fn meeting_country(&self, toks: &[Tok<'_>], nps: &[Np]) -> Option<String> {
        if self.dict.is_petrarch() {
            return None;
        }
        let in_np = |k: usize| nps.iter().find(|np| np.start <= k && k < np.end);
        for k in 1..toks.len() {
            if !matches!(toks[k].lower.as_str(), "in" | "at" | "near" | "outside") {
                continue;
            }
            let before = &toks[k - 1];
            let anchored = in_np(k - 1).is_some()
                || (before.is_verb_form() && before.is_inflected_verb())
                || before.class == Class::Comma;
            if !anchored {
                continue;
            }
            if let Some(np) =
                nps.iter().find(|np| np.start == k + 1 || np.start == k + 2 && toks[k + 1].class == Class::Det)
            {
                if let [m] = np.members.as_slice() {
                    if matches!(m.kind, MemberKind::Named(kind) if kind.lends_country() && !matches!(kind, ActorKind::Person | ActorKind::Region))
                    {
                        // ("in the Finnish capital", "in the Saudi city of Jeddah".)
                        if let Some(c) = m.code.as_ref().and_then(|c| c.country()) {
                            return Some(c.to_owned());
                        }
                    }
                }
            }
            if let Some((country, _)) = self.place_after(toks, k + 1, (k + 6).min(toks.len())) {
                return Some(country);
            }
        }
        None
    }

    /// Every actor phrase of a sentence, compounds joined.
    pub fn chunk(&self, toks: &[Tok<'_>]) -> Vec<Np> {
        let words: Vec<WordId> = toks.iter().map(|t| t.word).collect();
        let n = toks.len();
        let at: Vec<Option<Comp>> = (0..n).map(|j| self.component_at(toks, &words, j)).collect();
        // A simple phrase holds a component: past the last one there is none to look for.
        let last_comp = at.iter().rposition(Option::is_some);
        let may_start_np = |i: usize| last_comp.is_some_and(|l| i <= l);
        let mut simple: Vec<Np> = Vec::new();
        let mut i = 0;
        while i < n {
            let t = &toks[i];
            let prev_in_np = simple.last().is_some_and(|np| np.end == i);
            // "his Chinese counterpart": the possessed phrase is the actor, not "his".
            if t.class == Class::PossPron
                && i + 1 < n
                && may_start_np(i + 1)
                && self.simple_np(toks, &at, i + 1, false).is_some()
            {
                i += 1;
                continue;
            }
            if matches!(t.class, Class::Pron | Class::PossPron) && pronoun_number(&t.lower).is_some() {
                simple.push(Np {
                    start: i,
                    end: i + 1,
                    members: vec![Member {
                        code: None,
                        start: i,
                        end: i + 1,
                        kind: MemberKind::Pronoun,
                        plural: pronoun_number(&t.lower).unwrap_or(false),
                        needs_country: false,
                        how: how!(self, "pronoun {:?}", t.lower),
                    }],
                    prep: None,
                    possessive: t.class == Class::PossPron,
                    aside: false,
                });
                i += 1;
                continue;
            }
            // "the two nuclear-armed neighbours", "both sides": the last two actors named.
            if !self.dict.is_petrarch()
                && (t.lower == "both" || (t.lower == "the" && toks.get(i + 1).is_some_and(|w| w.lower == "two")))
            {
                let from = if t.lower == "both" { i + 1 } else { i + 2 };
                let head = (from..(from + 3).min(n)).find(|&k| is_pair_noun(&toks[k].lower));
                if let Some(h) = head.filter(|&h| {
                    (i..=h).all(|k| at[k].is_none())
                        && toks[from..h]
                            .iter()
                            .all(|w| w.class == Class::Word && !w.is_inflected_verb() || w.lower.contains('-'))
                }) {
                    simple.push(Np {
                        start: i,
                        end: h + 1,
                        members: vec![Member {
                            code: None,
                            start: i,
                            end: h + 1,
                            kind: MemberKind::Anaphor,
                            plural: true,
                            needs_country: false,
                            how: how!(self, "anaphor \"{} ... {}\"", t.lower, toks[h].lower),
                        }],
                        prep: None,
                        possessive: false,
                        aside: false,
                    });
                    i = h + 1;
                    continue;
                }
            }
            // "Information Minister Yemane Gebremeskel rejected ..., and Yemane denounced":
            // one word of a person's name the sentence gave in full is that person.
            if t.cap && t.class == Class::Word && at[i].is_none() && i > 0 && !prev_in_np && !self.dict.is_petrarch() {
                let named = simple.iter().flat_map(|np| &np.members).rev().find(|m| {
                    m.kind == MemberKind::Named(ActorKind::Person)
                        && (m.start..m.end).any(|k| {
                            at[k].as_ref().is_some_and(|c| {
                                c.kind == MemberKind::Named(ActorKind::Person)
                                    && c.end > c.start + 1
                                    && toks[c.start..c.end].iter().any(|w| w.text == t.text)
                            })
                        })
                });
                if let Some(m) = named {
                    let member = Member {
                        start: i,
                        end: i + 1,
                        how: how!(self, "{} (named in full before)", m.how),
                        ..m.clone()
                    };
                    simple.push(Np {
                        start: i,
                        end: i + 1,
                        members: vec![member],
                        prep: None,
                        possessive: false,
                        aside: false,
                    });
                    i += 1;
                    continue;
                }
            }
            if t.lower == "the" && i + 1 < n && is_group_anaphor(&toks[i + 1].lower) && at[i + 1].is_none() {
                let next_is_name = i + 2 < n && at[i + 2].is_some();
                if !next_is_name {
                    simple.push(Np {
                        start: i,
                        end: i + 2,
                        members: vec![Member {
                            code: None,
                            start: i,
                            end: i + 2,
                            kind: MemberKind::Anaphor,
                            plural: false,
                            needs_country: false,
                            how: how!(self, "anaphor \"the {}\"", toks[i + 1].lower),
                        }],
                        prep: None,
                        possessive: false,
                        aside: false,
                    });
                    i += 2;
                    continue;
                }
            }
            if let Some((s, e, comps)) = may_start_np(i).then(|| self.simple_np(toks, &at, i, prev_in_np)).flatten() {
                let first = comps.first().map_or(s, |c| c.start);
                let mstart = (s..first)
                    .find(|&k| toks[k].class != Class::Det && toks[k].class != Class::Number)
                    .unwrap_or(first);
                let mut member = self.member_of(toks, &comps, mstart.min(first), e);
                // "former president Evo Morales", "ex-minister", "ousted President Assad": a
                // former official is ELI.
                let former = toks[s..e].iter().any(|t| {
                    matches!(t.lower.as_str(), "former" | "ousted" | "deposed" | "toppled" | "overthrown")
                        || t.lower.starts_with("ex-")
                });
                if former {
                    if let Some(code) = member.code {
                        // ("former Prime Minister Benazir Bhutto", in opposition then: the
                        // title she held is what makes her elite.)
                        // (Not an owner: "former Prime Minister Imran Khan's party".)
                        // ("Yemen's former president Ali Abdullah Saleh" is his own: only a
                        // possessive after "former" owns.)
                        let from = (s..e).find(|&k| {
                            let l = toks[k].lower.as_str();
                            matches!(l, "former" | "ousted" | "deposed" | "toppled" | "overthrown")
                                || l.starts_with("ex-")
                        });
                        let owner =
                            toks[from.unwrap_or(s)..(e + 1).min(toks.len())].iter().any(|t| t.class == Class::PossMark);
                        let title = !owner
                            && toks[s..e].iter().any(|t| {
                                matches!(
                                    t.lower.as_str(),
                                    "president" | "prime" | "premier" | "chancellor" | "minister" | "king" | "dictator"
                                )
                            });
                        let official = code.roles().any(|r| matches!(r, "GOV" | "LEG" | "JUD" | "MIL" | "COP" | "SPY"))
                            || (title && code.roles().any(|r| matches!(r, "OPP" | "PTY")));
                        if official {
                            let eli = format!("{}ELI", code.country().unwrap_or(""));
                            member.code = eli.parse().ok().or(member.code);
                        }
                    }
                }
                let mut members = vec![member];
                // A name standing for several actors is a compound of them.
                if let [only] = comps.as_slice() {
                    if members[0].code == Some(only.code) {
                        for &c in &only.also {
                            let mut m = members[0].clone();
                            m.code = Some(c);
                            members.push(m);
                        }
                    }
                }
                simple.push(Np { start: s, end: e, members, prep: None, possessive: false, aside: false });
                i = e.max(i + 1);
            } else {
                i += 1;
            }
        }
        // Prepositions and possessives.
        for np in &mut simple {
            if np.start > 0 && matches!(toks[np.start - 1].class, Class::Prep | Class::To) {
                // "dozens of journalists", "thousands of troops": the quantity does not make
                // the phrase a prepositional object.
                let quantity = toks[np.start - 1].lower == "of"
                    && np.start > 1
                    && (toks[np.start - 2].class == Class::Number || is_quantity(&toks[np.start - 2].lower));
                // "more than 1,000 prisoners", "at least 14 villagers", "up to 300 troops".
                // ("more than a million protesters".)
                let counted = toks[np.start].class == Class::Number
                    || (toks[np.start].lower == "a"
                        && toks
                            .get(np.start + 1)
                            .is_some_and(|t| matches!(t.lower.as_str(), "million" | "thousand" | "hundred" | "dozen")));
                let comparison =
                    matches!(toks[np.start - 1].lower.as_str(), "than" | "least" | "to" | "about" | "around")
                        && counted
                        && np.start > 1
                        && matches!(
                            toks[np.start - 2].lower.as_str(),
                            "more" | "less" | "fewer" | "at" | "up" | "over" | "some" | "than"
                        );
                let comparison = comparison
                    || (matches!(toks[np.start - 1].lower.as_str(), "about" | "around" | "over" | "nearly" | "almost")
                        && toks[np.start].class == Class::Number
                        && (np.start < 2 || !toks[np.start - 2].is_verb_form()));
                if !quantity && !comparison {
                    np.prep = Some(np.start - 1);
                }
            } else if np.start > 1
                && is_compass(&toks[np.start - 1].lower)
                && matches!(toks[np.start - 2].class, Class::Prep | Class::To)
            {
                // "in south Ithilen", "in eastern Ukraine": still a prepositional object.
                np.prep = Some(np.start - 2);
            }
            if np.end < n && toks[np.end].class == Class::PossMark {
                np.possessive = true;
            }
            let opens = np.start > 0 && is_aside_mark(&toks[np.start - 1]);
            // Closed by the matching mark within a few words ("- Sunni powers -").
            let closes = np.end >= n
                || toks[np.end].class == Class::Comma
                || (np.end..(np.end + 4).min(n)).any(|k| is_aside_mark(&toks[k]));
            if opens && closes && np.start > 1 {
                np.aside = true;
            }
        }
        // "officials in Seoul", "separatists in eastern Ukraine": a bare agent takes the
        // country of the place phrase after it.
        for k in 0..simple.len() {
            let np = &simple[k];
            // (Also a group of no one country: "Islamic State militants in Syria".)
            let stateless = |m: &Member| {
                matches!(m.kind, MemberKind::Named(ActorKind::Group) | MemberKind::Agent)
                    && m.code.as_ref().is_some_and(|c| !c.has_country() && !c.is_organisation())
            };
            let bare_agent = np.members.len() == 1 && (np.members[0].needs_country || stateless(&np.members[0]));
            let via =
                np.end < n && matches!(toks[np.end].lower.as_str(), "in" | "from" | "of" | "across" | "inside" | "at");
            let next = simple.get(k + 1).filter(|next| next.start > np.end && next.start <= np.end + 3);
            // "a hospital in Idlib province": a gazetteer place that is not an actor.
            if bare_agent && via && next.is_none() && toks[np.end].lower != "of" {
                let end = (np.end + 4).min(n).min(simple.get(k + 1).map_or(n, |x| x.start));
                if let Some((country, place)) = self.place_after(toks, np.end + 1, end) {
                    let m = &mut simple[k].members[0];
                    if let Some(code) = m.code.as_ref().map(|c| c.with_country(&country)) {
                        m.code = Some(code);
                        m.needs_country = false;
                        m.how = how!(self, "{} + place \"{place}\"", m.how);
                    }
                }
                continue;
            }
            let Some(next) = next else { continue };
            if !(bare_agent && via) {
                continue;
            }
            // "judges at the International Criminal Court", "experts from the IAEA": the
            // organisation's own people.
            let org = match next.members.as_slice() {
                [m] if matches!(m.kind, MemberKind::Named(ActorKind::Igo | ActorKind::Ngo)) => m.code,
                _ => None,
            };
            if let Some(org) = org.filter(|_| matches!(toks[np.end].lower.as_str(), "at" | "of" | "from")) {
                let m = &mut simple[k].members[0];
                if m.needs_country && !self.dict.is_petrarch() {
                    m.how = how!(self, "{} at {org}", m.how);
                    m.code = Some(org);
                    m.needs_country = false;
                }
                continue;
            }
            // "resumed peace talks with communist rebels in Oslo": the place is where the
            // talks are held, not where the agent comes from.
            let venue = toks[np.start.saturating_sub(6)..np.start].iter().any(|t| {
                matches!(
                    t.lower.as_str(),
                    "talks"
                        | "negotiations"
                        | "meeting"
                        | "meetings"
                        | "summit"
                        | "conference"
                        | "ceremony"
                        | "signing"
                )
            });
            if venue && toks[np.end].lower == "in" {
                continue;
            }
            // Countries of the place phrase, and of places coordinated with it
            // ("lawmakers in Fornost and Gondor").
            let petrarch = self.dict.is_petrarch();
            let place_country = |np: &Np| -> Option<String> {
                match (np.members.len(), np.members.first()) {
                    // PETRARCH appends the role to the whole code ("activists of Gonzo GMO"
                    // → GONGMOOPP).
                    (1, Some(m)) if petrarch && m.kind == MemberKind::Named(ActorKind::Other) => {
                        m.code.as_ref().filter(|c| c.has_country()).map(ToString::to_string)
                    }
                    (1, Some(m)) if matches!(m.kind, MemberKind::Named(kind) if kind.lends_country() || kind == ActorKind::Other) => {
                        m.code
                            .as_ref()
                            .filter(|c| c.segments().count() == 1 || c.has_country())
                            .and_then(|c| c.country())
                            .map(str::to_owned)
                    }
                    // "officials at the Pakistani High Commission"
                    (1, Some(m)) if m.kind == MemberKind::Agent => {
                        m.code.as_ref().filter(|c| c.has_country()).and_then(|c| c.country()).map(str::to_owned)
                    }
                    _ => None,
                }
            };
            let mut countries: Vec<String> = place_country(next).into_iter().collect();
            let mut j = k + 1;
            while !countries.is_empty() && j + 1 < simple.len() {
                let gap = &toks[simple[j].end..simple[j + 1].start];
                let coordinated = !gap.is_empty()
                    && gap.len() <= 2
                    && gap.iter().all(|t| t.class == Class::Comma || matches!(t.lower.as_str(), "and" | "or"));
                match (coordinated, place_country(&simple[j + 1])) {
                    (true, Some(c)) => countries.push(c),
                    _ => break,
                }
                j += 1;
            }
            if let Some(first) = countries.first().cloned() {
                let template = simple[k].members[0].clone();
                if let Some(code) = template.code {
                    let m = &mut simple[k].members[0];
                    m.code = Some(code.with_country(&first));
                    m.needs_country = false;
                    m.how = how!(self, "{} + place \"{}\"", m.how, first);
                    for c in &countries[1..] {
                        let mut extra = template.clone();
                        extra.code = Some(code.with_country(c));
                        extra.needs_country = false;
                        extra.how = how!(self, "{} + place \"{c}\"", template.how);
                        simple[k].members.push(extra);
                    }
                }
                // "Lawmakers and officials in Fornost": bare agents coordinated before it
                // are of the same places.
                let mut b = k;
                while b > 0 {
                    let gap = &toks[simple[b - 1].end..simple[b].start];
                    let coordinated = !gap.is_empty()
                        && gap.len() <= 2
                        && gap.iter().all(|t| t.class == Class::Comma || matches!(t.lower.as_str(), "and" | "or"));
                    let prev = &simple[b - 1];
                    let bare = prev.members.len() == 1 && prev.members[0].needs_country && prev.prep.is_none();
                    if !(coordinated && bare) {
                        break;
                    }
                    b -= 1;
                    let template = simple[b].members[0].clone();
                    let Some(code) = template.code else { break };
                    simple[b].members.clear();
                    for c in &countries {
                        let mut m = template.clone();
                        m.code = Some(code.with_country(c));
                        m.needs_country = false;
                        m.how = how!(self, "{} + place \"{c}\"", template.how);
                        simple[b].members.push(m);
                    }
                }
            }
        }
        let mut nps = join_compounds(toks, simple);
        // "Iraqi troops and tanks": a bare agent coordinated after an agent with a country
        // shares that country; "fighters from the Rapid Support Forces" are the group's.
        for np in &mut nps {
            let first_country = np
                .members
                .first()
                .filter(|m| m.kind == MemberKind::Agent)
                .and_then(|m| m.code.as_ref())
                .and_then(|c| c.country())
                .map(str::to_owned);
            if let Some(country) = first_country {
                for m in np.members.iter_mut().skip(1).filter(|m| m.needs_country) {
                    if let Some(code) = m.code.as_ref().map(|c| c.with_country(&country)) {
                        m.code = Some(code);
                        m.needs_country = false;
                    }
                }
            }
        }
        // "Delegations from Tajikistan's government and the United Tajik Opposition":
        // representatives of several named sides are those sides.
        for k in 0..nps.len().saturating_sub(1) {
            let (np, next) = (&nps[k], &nps[k + 1]);
            // (The agent may already carry the countries of the places after it.)
            let sides = !np.members.is_empty()
                && np.members.iter().all(|m| m.kind == MemberKind::Agent && m.start == np.members[0].start)
                && next.start == np.end + 1
                && next.members.len() >= 2
                && matches!(toks[np.end].lower.as_str(), "of" | "from")
                && next.members.iter().all(|m| m.code.as_ref().is_some_and(|c| c.has_country()) && !m.needs_country)
                && matches!(
                    toks[np.end - 1].lower.trim_end_matches('s'),
                    "delegation" | "representative" | "envoy" | "negotiator"
                )
                && !self.dict.is_petrarch();
            if sides {
                nps[k].members = nps[k + 1].members.clone();
            }
        }
        for k in 0..nps.len() {
            let np = &nps[k];
            // (Also the last member of a compound: "Malian troops and fighters from Russia's
            // Wagner group", when it names no country of its own.)
            let last = np.members.len().saturating_sub(1);
            let bare = match np.members.as_slice() {
                [m] => m.needs_country && m.kind == MemberKind::Agent,
                [.., m] => {
                    m.kind == MemberKind::Agent
                        && !toks[m.start..m.end].iter().any(|t| t.cap)
                        && !self.dict.is_petrarch()
                }
                [] => false,
            };
            let via = np.end < n && matches!(toks[np.end].lower.as_str(), "from" | "of");
            let group = nps.get(k + 1).filter(|g| {
                g.start == np.end + 1
                    && g.members.len() == 1
                    && g.members[0].kind == MemberKind::Named(ActorKind::Group)
                    && g.members[0]
                        .code
                        .as_ref()
                        .is_some_and(|c| c.roles().any(|r| matches!(r, "REB" | "UAF" | "INS" | "MIL")))
            });
            let fighter = np
                .members
                .get(last)
                .and_then(|m| m.code.as_ref())
                .is_some_and(|c| c.roles().any(|r| matches!(r, "REB" | "UAF" | "INS" | "MIL")));
            if let (true, true, true, Some(g)) = (bare, via, fighter, group) {
                let (code, how) = (g.members[0].code, g.members[0].how.clone());
                let m = &mut nps[k].members[last];
                m.code = code;
                m.needs_country = false;
                m.how = how!(self, "{} (of {how})", m.how);
            }
        }
        nps
    }
}

/// Nouns after which an agent word is an attribute of a thing, not an actor.
fn is_thing_noun(lower: &str) -> bool {
    let singular = lower.strip_suffix('s').unwrap_or(lower);
    matches!(
        singular,
        "shell"
            | "deadlock"
            | "equipment"
            | "hardware"
            | "spending"
            | "budget"
            | "expenditure"
            | "exercise"
            | "drill"
            | "operation"
            | "mission"
            | "vehicle"
            | "uniform"
            | "cooperation"
            | "aid"
            | "assistance"
            | "tie"
            | "relation"
            | "coup"
            | "service"
            | "source"
            | "analyst"
            | "expert"
            | "observer"
            | "academy"
            | "school"
            | "hospital"
            | "doctrine"
            | "strategy"
            | "solution"
            | "option"
            | "presence"
            | "capability"
            | "power"
            | "might"
            | "defeat"
            | "victory"
            | "campaign"
            | "offensive"
            | "crackdown"
            | "reform"
            | "record"
            | "camp"
            | "talk"
            | "negotiation"
            | "dialogue"
            | "meeting"
            | "tension"
            | "deal"
            | "agreement"
            | "pact"
    )
}

fn is_quantity(lower: &str) -> bool {
    matches!(
        lower,
        "dozens"
            | "hundreds"
            | "thousands"
            | "millions"
            | "scores"
            | "tens"
            | "number"
            | "lot"
            | "lots"
            | "group"
            | "members"
            | "some"
            | "many"
            | "most"
            | "all"
            | "none"
            | "each"
            | "both"
            | "one"
            | "two"
            | "three"
            | "several"
            | "few"
            | "majority"
            | "handful"
            | "hundred"
            | "thousand"
            | "dozen"
            | "crowds"
            | "crowd"
            | "groups"
            | "unit"
            | "units"
            | "team"
            | "delegation"
            | "convoy"
            | "column"
            | "wave"
            | "contingent"
    )
}

fn is_aside_mark(t: &Tok<'_>) -> bool {
    matches!(t.lower.as_str(), "-" | "--" | "\u{2014}" | "\u{2013}" | "(" | ")")
}

fn trim_end(toks: &[Tok<'_>], min: usize, mut end: usize) -> usize {
    while end > min && matches!(toks[end - 1].class, Class::Adv | Class::PossMark) {
        end -= 1;
    }
    end
}

/// Joins "A, B and C" into one phrase.
fn join_compounds(toks: &[Tok<'_>], simple: Vec<Np>) -> Vec<Np> {
    let mut out: Vec<Np> = Vec::new();
    for mut np in simple {
        if let Some(prev) = out.last_mut() {
            let between = &toks[prev.end..np.start];
            // "Parrikar and his French counterpart Le Drian", "Russia and its allies".
            let his = matches!(between, [.., and, poss] if and.lower == "and" && poss.class == Class::PossPron);
            let between = if his { &between[..between.len() - 1] } else { between };
            let joinable = !between.is_empty()
                && between.len() <= 3
                && between
                    .iter()
                    .all(|t| t.class == Class::Comma || matches!(t.lower.as_str(), "and" | "&" | "or" | "nor"))
                && !prev.possessive
                && np.prep.is_none()
                && prev.members.iter().all(|m| !matches!(m.kind, MemberKind::Pronoun | MemberKind::Anaphor))
                && np.members.iter().all(|m| !matches!(m.kind, MemberKind::Pronoun | MemberKind::Anaphor));
            let has_comma = between.iter().any(|t| t.class == Class::Comma);
            let has_and = between.iter().any(|t| matches!(t.lower.as_str(), "and" | "&" | "or" | "nor"));
            // ", B attacked" after an object starts a new clause; "A, B and C" does not.
            // (Past adverbs: "and police later detained".)
            let mut after = (np.end..toks.len()).find(|&k| toks[k].class != Class::Adv).unwrap_or(toks.len());
            // (Past a place: ", the defence ministry in Berlin said".)
            if toks.get(after).is_some_and(|t| matches!(t.lower.as_str(), "in" | "at")) {
                let mut q = after + 1;
                while q < toks.len() && q <= after + 4 && (toks[q].cap || toks[q].class == Class::Det) {
                    q += 1;
                }
                if q > after + 1 {
                    after = q;
                }
            }
            let next_is_verb = toks.get(after).is_some_and(|t| {
                matches!(t.class, Class::Be | Class::Have | Class::Modal | Class::Do) || t.is_inflected_verb()
            });
            let prev_is_object =
                prev.start > 0 && (toks[prev.start - 1].is_verb_form() || toks[prev.start - 1].class == Class::Prep);
            // "Azerbaijan freed 32 servicemen and Armenia released two soldiers": after an
            // action's object, "and B" and a past verb with its own object is a new clause,
            // comma or not. (Not after a reporting verb: "said Russia and Iran supplied the
            // drones" is one compound subject.)
            let object_of_action = prev.start > 0
                && toks[prev.start - 1].past
                && !toks[prev.start - 1].verb_lemma.is_some_and(is_reporting_lemma);
            let new_clause_after_object = has_and
                && object_of_action
                && toks.get(after).is_some_and(|t| t.past && t.class == Class::Word)
                && toks.get(after + 1).is_some_and(|t| {
                    matches!(t.class, Class::Det | Class::Number | Class::PossPron)
                        || (t.cap && t.class == Class::Word)
                        || crate::words::is_number_word(&t.lower)
                });
            let splits_clause = (has_comma && has_and && next_is_verb && prev_is_object) || new_clause_after_object;
            let only_comma_then_verb = has_comma && !has_and && next_is_verb;
            // "Bangladesh's main opposition party, the Awami League, boycotted": "A, the B"
            // closed by a comma or the sentence's end, with no list going on, is one actor
            // named twice.
            let list_goes_on = toks.get(np.end).is_some_and(|t| t.class == Class::Comma)
                && toks
                    .get(np.end + 1)
                    .is_some_and(|t| matches!(t.lower.as_str(), "and" | "or" | "&") || t.cap || t.class == Class::Det);
            let apposition = has_comma
                && !has_and
                && matches!(toks[np.start].lower.as_str(), "the" | "a" | "an")
                && toks.get(np.end).is_none_or(|t| t.class == Class::Comma || t.text == ".")
                && !list_goes_on;
            if joinable && apposition {
                np.aside = true;
            }
            // "Roberto Micheletti, Honduras's de facto leader, declined": a possessive after
            // a comma opens an apposition, not a list.
            // "In an interview with Bosnian television, Serbian President Nikolic apologised":
            // the comma closes a phrase that opens the sentence.
            let fronted = prev.prep.is_some_and(|p| {
                toks[..p].iter().all(|t| t.class != Class::Comma && !t.is_inflected_verb() || t.participle)
                    && toks.first().is_some_and(|f| matches!(f.class, Class::Prep | Class::Sub) || f.lower == "during")
            });
            if has_comma && !has_and && fronted {
                out.push(np);
                continue;
            }
            let owner_apposition = has_comma && !has_and && np.possessive && !list_goes_on;
            if joinable && owner_apposition {
                out.push(np);
                continue;
            }
            if joinable && !splits_clause && !only_comma_then_verb && !apposition {
                // "Russian and Chinese warships": bare demonyms share the head's role.
                let head_roles: Option<String> = np
                    .members
                    .first()
                    // (The role of an agent noun, not a named group's: "Israeli and Hamas
                    // delegations" are not both rebels.)
                    .filter(|m| m.kind == MemberKind::Agent)
                    .and_then(|m| m.code.as_ref())
                    .filter(|c| c.has_country())
                    .map(|c| c.segments().skip(1).collect());
                if let Some(roles) = head_roles.filter(|r| !r.is_empty()) {
                    // (Also a country abbreviation used as an adjective: "US and British warplanes".)
                    let adjective = |m: &Member| {
                        m.kind == MemberKind::Named(casus_dict::ActorKind::Demonym)
                            || (m.kind == MemberKind::Named(casus_dict::ActorKind::Country)
                                && m.end == m.start + 1
                                // ("U.S. and South Korean troops": dots apart.)
                                && toks[m.start].text.chars().filter(|c| *c != '.').count() <= 3
                                && toks[m.start].text.chars().all(|c| c.is_ascii_uppercase() || c == '.'))
                    };
                    for m in prev.members.iter_mut().filter(|m| adjective(m)) {
                        if let Some(code) = m.code.as_ref().and_then(|c| format!("{c}{roles}").parse().ok()) {
                            m.code = Some(code);
                            m.kind = MemberKind::Agent;
                        }
                    }
                }
                // ("Kim Jong Un and his soldiers": his country's.)
                let owner = prev.members.last().and_then(|m| m.code.as_ref()).and_then(|c| c.country());
                if let Some(country) = owner.filter(|_| his) {
                    for m in np.members.iter_mut().filter(|m| m.needs_country) {
                        m.code = m.code.map(|c| c.with_country(country));
                        m.needs_country = false;
                    }
                }
                prev.end = np.end;
                prev.members.extend(np.members);
                prev.possessive = np.possessive;
                continue;
            }
        }
        out.push(np);
    }
    out
}

/// Currency names after a demonym ("Swiss francs", "Saudi riyals").
fn is_currency(lower: &str) -> bool {
    matches!(
        lower.trim_end_matches('s'),
        "franc"
            | "dollar"
            | "pound"
            | "euro"
            | "rupee"
            | "yuan"
            | "yen"
            | "peso"
            | "rouble"
            | "ruble"
            | "riyal"
            | "rial"
            | "dinar"
            | "shekel"
            | "lira"
            | "naira"
            | "rand"
            | "won"
            | "real"
            | "krona"
            | "krone"
            | "dirham"
            | "taka"
            | "kwacha"
            | "cedi"
            | "shilling"
            | "rupiah"
            | "ringgit"
            | "baht"
            | "dong"
            | "hryvnia"
            | "zloty"
            | "forint"
    ) || lower == "reais"
}

/// Nouns that "the two ..." or "both ..." use for the two sides just named.
fn is_pair_noun(lower: &str) -> bool {
    matches!(
        lower,
        "sides"
            | "countries"
            | "nations"
            | "neighbours"
            | "neighbors"
            | "leaders"
            | "governments"
            | "presidents"
            | "rivals"
            | "states"
            | "powers"
            | "allies"
            | "foes"
            | "parties"
            | "delegations"
            | "armies"
            | "ministers"
            | "capitals"
    )
}

/// The country and name of the most populous gazetteer place called `name`, if it has
/// 50,000 people or more (smaller places share names too often to name an actor's country).
fn big_place(name: &str) -> Option<(String, String)> {
    let gaz = casus_geo::Gazetteer::embedded();
    let best = gaz.lookup(name).iter().map(|&id| gaz.place(id)).max_by_key(|p| p.population)?;
    (best.population >= 50_000).then(|| (best.country_iso3.to_owned(), best.name.to_owned()))
}

/// A capitalized word that makes a name before it a geographic feature ("South China Sea").
/// (Not "Strait": exercises in the Taiwan Strait are aimed at Taiwan in hand-coded data.)
pub(crate) fn is_geographic_feature(lower: &str) -> bool {
    matches!(
        lower,
        "sea"
            | "ocean"
            | "gulf"
            | "bay"
            | "peninsula"
            | "channel"
            | "river"
            | "lake"
            | "desert"
            | "mountains"
            | "basin"
            | "canal"
            | "archipelago"
            | "plateau"
            | "highlands"
            | "lowlands"
    )
}

/// A noun for an act that news follows with a relative clause without "that" ("a move
/// Washington condemned", "a decision Seoul welcomed").
pub(crate) fn is_act_noun(lower: &str) -> bool {
    matches!(
        lower,
        "move" | "decision" | "step" | "measure" | "measures" | "steps" | "moves" | "decisions" | "action" | "actions"
    )
}

/// A day or other time word ("Sunday", "yesterday"): never part of an actor's name.
fn is_time_word(lower: &str) -> bool {
    is_weekday(lower) || matches!(lower, "yesterday" | "today" | "tonight" | "overnight")
}

/// A compass word before a place name ("south", "eastern", "central").
fn is_compass(lower: &str) -> bool {
    matches!(
        lower,
        "north"
            | "south"
            | "east"
            | "west"
            | "central"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "upper"
            | "lower"
    )
}

/// Whether a word with these POS tags can be a noun or adjective: [`Lexicon::can_be_nominal`]
/// for tags already looked up.
fn can_be_nominal(tags: &str) -> bool {
    tags.split(' ').any(|t| t.starts_with("NN") || t.starts_with("JJ") || t == "VBN" || t == "VBG" || t == "CD")
}

/// Verbs that report or judge what others did: after them a phrase is a clause's subject,
/// not an object ("said Russia and Iran supplied").
fn is_reporting_lemma(lemma: &str) -> bool {
    matches!(
        lemma,
        "say"
            | "tell"
            | "claim"
            | "report"
            | "announce"
            | "confirm"
            | "deny"
            | "believe"
            | "think"
            | "suspect"
            | "fear"
            | "know"
            | "insist"
            | "allege"
            | "warn"
            | "note"
            | "add"
            | "state"
            | "declare"
            | "suggest"
            | "argue"
            | "learn"
            | "show"
            | "reveal"
            | "find"
    )
}

/// Verbs of demand, after which a "that" clause takes a base-form (subjunctive) verb:
/// "urged that the council lift the embargo".
fn is_mandative_lemma(lemma: &str) -> bool {
    matches!(
        lemma,
        "demand"
            | "insist"
            | "urge"
            | "ask"
            | "request"
            | "require"
            | "recommend"
            | "propose"
            | "suggest"
            | "order"
            | "direct"
            | "stipulate"
            | "move"
    )
}

/// -ing forms that are adjectives of office: "Armenian acting Prime Minister", "the outgoing
/// president".
fn is_office_adjective(lower: &str) -> bool {
    matches!(lower, "acting" | "outgoing" | "incoming" | "ruling" | "governing" | "sitting" | "reigning")
}
