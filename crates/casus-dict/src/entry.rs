//! Dictionary entries, as loaded from any source format.

use casus_core::{ActorCode, CameoCode, Date};

use crate::Origin;

/// What an actor name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// A country's name.
    Country,
    /// A demonym ("Syrian", "Syrians").
    Demonym,
    /// A capital used for the country ("Moscow said").
    Capital,
    /// A region (`EUR`, `WST`).
    Region,
    /// An international organisation.
    Igo,
    /// A non-governmental organisation.
    Ngo,
    /// A non-state group.
    Group,
    /// A person.
    Person,
    /// Unspecified (actors from other dictionary formats).
    Other,
}

impl ActorKind {
    /// Parses the lexicon-format kind name.
    #[must_use]
    pub fn parse(s: &str) -> Option<ActorKind> {
        Some(match s {
            "country" => ActorKind::Country,
            "demonym" => ActorKind::Demonym,
            "capital" => ActorKind::Capital,
            "region" => ActorKind::Region,
            "igo" => ActorKind::Igo,
            "ngo" => ActorKind::Ngo,
            "group" => ActorKind::Group,
            "person" => ActorKind::Person,
            _ => return None,
        })
    }

    /// The lexicon-format kind name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Demonym => "demonym",
            ActorKind::Capital => "capital",
            ActorKind::Region => "region",
            ActorKind::Igo => "igo",
            ActorKind::Ngo => "ngo",
            ActorKind::Group => "group",
            ActorKind::Person => "person",
            ActorKind::Other => "other",
        }
    }

    /// Whether an actor of this kind lends only its country to an agent that follows
    /// ("Syrian troops" → `SYRMIL`), rather than its whole code ("Hezbollah fighters" →
    /// Hezbollah's code).
    #[must_use]
    pub fn lends_country(self) -> bool {
        matches!(
            self,
            ActorKind::Country | ActorKind::Demonym | ActorKind::Capital | ActorKind::Person | ActorKind::Region
        )
    }
}

/// An inclusive date range; either end may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct DateRange {
    /// First day, if bounded.
    pub start: Option<Date>,
    /// Last day, if bounded.
    pub end: Option<Date>,
}

impl DateRange {
    /// Whether `date` is inside the range.
    #[must_use]
    pub fn contains(&self, date: Date) -> bool {
        self.start.is_none_or(|s| s <= date) && self.end.is_none_or(|e| date <= e)
    }
}

/// One name of an actor.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorEntry {
    /// The code the name codes as (on `dates`, if given).
    pub code: ActorCode,
    /// What the name names.
    pub kind: ActorKind,
    /// The name as written in the dictionary.
    pub name: String,
    /// When the code applies; `None` = always.
    pub dates: Option<DateRange>,
    /// Where the entry came from.
    pub origin: Origin,
}

/// One noun that signals a role ("troop" → `MIL`).
#[derive(Debug, Clone, PartialEq)]
pub struct AgentEntry {
    /// The role code (one or more segments, usually one).
    pub role: ActorCode,
    /// The noun phrase, singular.
    pub noun: String,
    /// PETRARCH's prefix agents (`[NGO~]`): the role goes before the actor's code
    /// (`NGOARN`), not after it.
    pub prefix: bool,
    /// The plurals are listed as entries of their own (PETRARCH `{...}`, possibly empty:
    /// `POLICE {}`), so none is generated.
    pub explicit_plural: bool,
    /// Where the entry came from.
    pub origin: Origin,
}

/// An item of a verb pattern, after the head.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Item {
    /// Any of these word sequences (each word a normalized lemma).
    Phrase(Vec<Vec<String>>),
    /// The item may be absent.
    Optional(Box<Item>),
    /// The target actor.
    Target,
    /// The source actor.
    Source,
    /// Up to this many tokens inside the clause.
    Gap(u8),
    /// At least one and up to this many tokens inside the clause: TABARI/PETRARCH `^`,
    /// "skip a noun phrase" (the phrase skipped may be an actor).
    Skip(u8),
}

/// A verb pattern: head lemma plus items, coding as `code` (or blocking, when `None`).
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// The CAMEO code, or `None` for "recognized, no event" (`---`).
    pub code: Option<CameoCode>,
    /// The head lemma (normalized).
    pub head: String,
    /// Whether the head is a noun (`~ceasefire`) rather than a verb.
    pub noun_head: bool,
    /// Items that must precede the head, nearest last (from formats that have them).
    pub before: Vec<Item>,
    /// Items after the head, in order.
    pub items: Vec<Item>,
    /// A reporting verb: the clause after it is coded on its own.
    pub speech: bool,
    /// The code of the reverse event (target acting on source) that the pattern also
    /// produces: PETRARCH's paired codes `[a:b]` ("visited" 042 : "hosted" 043).
    pub reverse: Option<CameoCode>,
    /// The verb form the dictionary wrote when it is not the base form (PETRARCH's `LEFT`,
    /// `SAID`): in PETRARCH mode only that form matches, and it is preferred over the
    /// base form's patterns.
    pub form: Option<String>,
    /// PETRARCH's `%`: the actor slot ([`Item::Source`] before the verb, [`Item::Target`]
    /// after it) must hold a compound of several actors; a compound source without a
    /// target acts on itself, each member on each other.
    pub compound: bool,
    /// The rule id reported on events.
    pub id: String,
    /// Where the pattern came from.
    pub origin: Origin,
}

impl Pattern {
    /// Whether the pattern places the target itself (`+`).
    #[must_use]
    pub fn has_target_slot(&self) -> bool {
        fn has(items: &[Item]) -> bool {
            items.iter().any(|i| match i {
                Item::Target => true,
                Item::Optional(inner) => matches!(**inner, Item::Target),
                _ => false,
            })
        }
        has(&self.items) || has(&self.before)
    }

    /// Whether the pattern places the source itself (`$`).
    #[must_use]
    pub fn has_source_slot(&self) -> bool {
        self.items.iter().chain(&self.before).any(|i| matches!(i, Item::Source))
    }
}

/// A discard phrase (PETRARCH discard lists): a sentence, or with `story` the whole
/// story, that contains it is not coded. Matched case-insensitively.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discard {
    /// The phrase as written (words separated by single spaces).
    pub phrase: String,
    /// Whether the whole story is discarded (`+` in the file), not just the sentence.
    pub story: bool,
    /// Whether the phrase must end at a word boundary (a trailing `_` in the file);
    /// otherwise its last word is a stem ("BASEBALL" also matches "baseballs").
    pub whole_word: bool,
    /// Where the entry came from.
    pub origin: Origin,
}

/// Every entry of one or more dictionary files, before compiling.
#[derive(Debug, Clone, Default)]
pub struct Entries {
    /// Actor names.
    pub actors: Vec<ActorEntry>,
    /// Agent nouns.
    pub agents: Vec<AgentEntry>,
    /// Verb patterns.
    pub patterns: Vec<Pattern>,
    /// Discard phrases (from PETRARCH discard lists).
    pub discards: Vec<Discard>,
    /// Whether any of the entries come from TABARI/PETRARCH files: the coder then follows
    /// PETRARCH's conventions where they differ from ours (see `Dictionary::is_petrarch`).
    pub petrarch: bool,
}

impl Entries {
    /// Appends `other`'s entries (a later layer: its names and patterns override ours when
    /// compiled).
    pub fn extend(&mut self, other: Entries) {
        self.actors.extend(other.actors);
        self.agents.extend(other.agents);
        self.patterns.extend(other.patterns);
        self.discards.extend(other.discards);
        self.petrarch |= other.petrarch;
    }
}
