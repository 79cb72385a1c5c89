//! Verbs and event nouns → events: pattern matching, subjects, objects, passive voice,
//! negation, pronouns.

use casus_core::{ActorCode, CameoCode, Span};
use casus_dict::{CItem, CompiledPattern, Dictionary, WordId};
use rustc_hash::FxHashMap;

use crate::annotate::Tok;
use crate::chunk::{MemberKind, Np};
use crate::words::{
    hypothetical_modal, is_collective, is_number_word, is_representative_head, is_weekday, pronoun_is_personal,
    pronoun_number, realizing_verb, reciprocal_verb, speaks_for, telling_verb, Class,
};

/// A resolved actor: code plus where it is written.
#[derive(Debug, Clone)]
pub(crate) struct Actor {
    pub code: ActorCode,
    pub span: Span,
    pub text: String,
    pub kind: MemberKind,
    pub plural: bool,
    pub via: Option<String>,
    /// The country was guessed from the story's main country (a bare agent).
    pub guessed: bool,
}

/// Whether the code names a state's armed or governing side (MIL, COP, GOV, SPY): the
/// side a state's force is used against when it is of another country.
pub(crate) fn armed_side(code: ActorCode) -> bool {
    code.roles().any(|r| matches!(r, "MIL" | "COP" | "GOV" | "SPY"))
}

/// An actor phrase remembered for pronoun resolution.
#[derive(Debug, Clone)]
pub(crate) struct Antecedent {
    pub actors: Vec<Actor>,
    pub plural: bool,
    /// The phrase was its sentence's subject (subject pronouns prefer these).
    pub subject: bool,
}

/// One candidate event before it becomes an `Event`.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub source: Actor,
    pub target: Option<Actor>,
    pub code: CameoCode,
    pub verb: Span,
    pub negated: bool,
    pub rule: String,
}

/// Why an action is not reported as done.
#[derive(Debug, Clone)]
enum Irrealis {
    /// After a stance verb: "pledged to", "refused to", "threatened to".
    Stance { gov: usize, stance: Stance },
    /// Hypothetical, intended, or otherwise not done.
    Other(String),
    /// Asked of someone: "ordered France to pull out" (a demand, 10x), "urged Kenya to
    /// open its border" (an appeal, 02x), "said Britain must release the tanker" (a
    /// demand). `gov` is the verb that asks, `addressee` the phrase of the one asked.
    Directive { gov: usize, addressee: usize, demand: bool },
}

/// What a stance verb says about the action in its infinitive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stance {
    Intent,
    Refusal,
    Threat,
}

/// Words that mark a sports report, where "beat", "crushed" and "attack" are not politics.
/// ("Olympic" alone is not one: security, boycotts and bans around the Games are news events.)
fn is_sports_word(lower: &str) -> bool {
    matches!(
        lower,
        "football"
            | "soccer"
            | "cricket"
            | "rugby"
            | "tennis"
            | "basketball"
            | "baseball"
            | "hockey"
            | "golf"
            | "qualifier"
            | "qualifiers"
            | "semi-final"
            | "semifinal"
            | "quarter-final"
            | "championship"
            | "championships"
            | "tournament"
            | "league"
            | "two-nil"
            | "one-nil"
            | "three-nil"
            | "striker"
            | "goalkeeper"
            | "midfielder"
            | "innings"
            | "wicket"
            | "wickets"
            | "grand slam"
            | "medal"
            | "medals"
            | "chess"
            | "fifa"
            | "uefa"
            | "match-winning"
            | "penalty shootout"
            | "scoreline"
            | "twickenham"
            | "wimbledon"
            | "title-holders"
            | "grandmaster"
    )
}

/// Light verbs that take an event noun as object: their subject does the event.
fn is_support_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "launch"
            | "carry"
            | "conduct"
            | "stage"
            | "hold"
            | "mount"
            | "make"
            | "wage"
            | "order"
            | "step"
            | "escalate"
            | "resume"
            | "begin"
            | "start"
            | "continue"
            | "celebrate"
            | "announce"
            | "claim"
            | "complete"
            | "intensify"
            | "lead"
            | "organise"
            | "organize"
            | "call"
            | "declare"
            | "impose"
            | "sign"
            | "reach"
            | "agree"
            | "pay"
            | "approve"
            | "finish"
            | "end"
            | "renew"
            | "perpetrate"
            | "commit"
            | "execute"
            | "undertake"
    )
}

fn stance_of(t: &Tok<'_>) -> Option<Stance> {
    // ("willing" has the lemma "will": the adjective is the stance.)
    stance_word(t.lower.as_str()).or_else(|| t.verb_lemma.and_then(stance_word))
}

fn stance_word(word: &str) -> Option<Stance> {
    match word {
        "promise" | "pledge" | "vow" | "offer" | "agree" | "plan" | "intend" | "undertake" | "commit" | "propose"
        | "want" | "seek" | "aim" | "hope" | "prepare" | "ready" | "willing" | "prepared" | "resolve" | "volunteer"
        | "consent" => Some(Stance::Intent),
        "refuse" | "decline" | "reject" | "unwilling" | "balk" => Some(Stance::Refusal),
        "threaten" | "warn" => Some(Stance::Threat),
        _ => None,
    }
}

/// The last digit of the protest subcode (141x-145x) that a demand or appeal for political
/// reform names: leadership 1, policy 2, rights 3, institutions 4.
fn protest_aim(code: CameoCode) -> Option<char> {
    match code.as_str() {
        "1041" | "0241" => Some('1'),
        "1042" | "0242" => Some('2'),
        "1043" | "0243" => Some('3'),
        "1044" | "0244" => Some('4'),
        _ => None,
    }
}

/// Whether match `m` beats `b`: more words, or as many and a target where `b` has none
/// ("vetoed a U.N. Security Council resolution" read with the council as its target).
fn better(m: &PMatch, b: &PMatch) -> bool {
    m.score > b.score || (m.score == b.score && m.target.is_some() && b.target.is_none())
}

/// A pattern match.
#[derive(Debug, Clone, Copy, Default)]
struct PMatch {
    score: u32,
    /// The first token the pattern's words matched before the head (the head when none).
    start: usize,
    end: usize,
    last_word: usize,
    target: Option<usize>,
    source: Option<usize>,
    /// An actor named by the pattern's own words ("beat a journalist"): the target when
    /// nothing better is found.
    weak_target: Option<usize>,
    /// The first token of a passive object matched before the verb with its prepositional
    /// phrase ("sanctions on Iran were eased"): an event noun there is not an event itself.
    fronted: Option<usize>,
}

pub(crate) struct SentenceCoder<'s, 'a> {
    pub dict: &'s Dictionary,
    pub toks: &'s [Tok<'a>],
    pub nps: &'s [Np],
    pub doc_text: &'a str,
    pub memory: &'s [Antecedent],
    pub country: Option<&'s str>,
    /// The dateline's country, for the story's first sentence: "NIAMEY (AFP) - The junta
    /// hosted ..." is Niger's junta.
    pub dateline: Option<&'s str>,
    /// Notes on what was decided (for `--explain`), written only when `explain` is set.
    pub notes: Vec<String>,
    pub explain: bool,
    consumed: Vec<bool>,
    tok_np: Vec<Option<usize>>,
    /// Every dictionary word id the sentence's tokens carry (surface, noun and verb lemma).
    present: &'s WordSet,
    /// Each pattern's signature of required words, and the per-head indexes.
    index: &'s PatternIndex,
}

/// The dictionary words of a sentence (surface forms, noun and verb lemmas of its tokens):
/// a bit per word id for membership, and the list of them. Made once per document and
/// refilled for each sentence.
pub(crate) struct WordSet {
    bits: Vec<u64>,
    list: Vec<WordId>,
}

impl WordSet {
    /// An empty set for the word ids of a dictionary of `words` words.
    pub(crate) fn new(words: usize) -> WordSet {
        WordSet { bits: vec![0; words.div_ceil(64)], list: Vec::new() }
    }

    /// Makes the set hold the words of `toks` (only those).
    pub(crate) fn fill(&mut self, toks: &[Tok<'_>]) {
        for &w in &self.list {
            if let Some(b) = self.bits.get_mut(w as usize >> 6) {
                *b = 0;
            }
        }
        self.list.clear();
        for t in toks {
            for w in [t.word, t.noun, t.verb] {
                if let Some(b) = self.bits.get_mut(w as usize >> 6) {
                    let bit = 1u64 << (w & 63);
                    if *b & bit == 0 {
                        *b |= bit;
                        self.list.push(w);
                    }
                }
            }
        }
    }

    /// Whether the set holds the word.
    pub(crate) fn contains(&self, w: WordId) -> bool {
        self.bits.get(w as usize >> 6).is_some_and(|b| b >> (w & 63) & 1 != 0)
    }

    /// The words, each once (in no particular order).
    pub(crate) fn words(&self) -> &[WordId] {
        &self.list
    }
}

/// The patterns of one head, for quick selection: those that require some word are
/// bucketed under the rarest such word, so a sentence tries only the buckets of words it
/// has (a head like PETRARCH's SAY has thousands of patterns).
#[derive(Debug, Default)]
pub(crate) struct HeadIndex {
    /// Patterns that require no single word.
    free: Vec<u32>,
    /// Patterns by one word each requires.
    keyed: FxHashMap<WordId, Vec<u32>>,
    /// Whether some pattern of the head is listed for one verb form only ("LEFT").
    has_forms: bool,
}

/// Indexes of the dictionary's patterns: the words each requires, and one [`HeadIndex`] per
/// head list (keyed by the list's address in the dictionary, which the coder keeps alive).
#[derive(Debug, Default)]
pub(crate) struct PatternIndex {
    /// Per pattern: where its groups of required words are in `required`, and whether it is
    /// listed for one verb form only.
    filters: Vec<PatternFilter>,
    /// Each pattern's [`CompiledPattern::required`] groups, one after another, each as its
    /// length and its words: read in one place rather than through the pattern.
    required: Vec<WordId>,
    heads: FxHashMap<usize, HeadIndex>,
    /// The dictionary's ids of prepositions (particles in patterns: "call on").
    preps: Vec<WordId>,
    /// For a word item of many alternatives (none empty): where the words its alternatives
    /// start with are in `first_words` (sorted), keyed by the address of the alternatives
    /// (the dictionary the coder keeps alive holds them). A token that is none of them
    /// starts no alternative, which spares a look at each.
    phrase_firsts: FxHashMap<usize, (u32, u32)>,
    first_words: Vec<WordId>,
}

/// Word items with at least this many alternatives get their first words indexed.
const MANY_ALTERNATIVES: usize = 4;

/// Where a pattern's required words are in [`PatternIndex::required`].
#[derive(Debug, Default, Clone, Copy)]
struct PatternFilter {
    start: u32,
    end: u32,
    has_form: bool,
}

impl PatternIndex {
    pub(crate) fn new(dict: &Dictionary) -> PatternIndex {
        let mut required = Vec::new();
        let filters = dict
            .patterns()
            .iter()
            .map(|cp| {
                let start = u32::try_from(required.len()).unwrap_or(u32::MAX);
                for group in &cp.required {
                    required.push(u32::try_from(group.len()).unwrap_or(u32::MAX));
                    required.extend_from_slice(group);
                }
                let end = u32::try_from(required.len()).unwrap_or(u32::MAX);
                PatternFilter { start, end, has_form: cp.pattern.form.is_some() }
            })
            .collect();
        // How many patterns require each word: the rarest makes the best key.
        let mut count: FxHashMap<WordId, u32> = FxHashMap::default();
        for cp in dict.patterns() {
            for group in &cp.required {
                if let [w] = group.as_slice() {
                    *count.entry(*w).or_default() += 1;
                }
            }
        }
        let mut heads = FxHashMap::default();
        for list in dict.head_lists() {
            let mut ix = HeadIndex::default();
            for &pi in list {
                let cp = dict.pattern(pi);
                ix.has_forms |= cp.pattern.form.is_some();
                let key = cp
                    .required
                    .iter()
                    .filter_map(|g| if let [w] = g.as_slice() { Some(*w) } else { None })
                    .min_by_key(|w| count.get(w).copied().unwrap_or(0));
                match key {
                    Some(w) => ix.keyed.entry(w).or_default().push(pi),
                    None => ix.free.push(pi),
                }
            }
            heads.insert(list.as_ptr() as usize, ix);
        }
        let preps = [
            "on", "for", "with", "to", "in", "at", "from", "against", "about", "over", "into", "of", "by", "toward",
            "towards", "across", "upon", "off", "out", "up", "down", "back", "after",
        ]
        .iter()
        .filter_map(|w| dict.word(w))
        .collect();
        let mut phrase_firsts = FxHashMap::default();
        let mut first_words = Vec::new();
        for cp in dict.patterns() {
            for item in cp.before.iter().chain(&cp.items) {
                index_firsts(item, &mut phrase_firsts, &mut first_words);
            }
        }
        PatternIndex { filters, required, heads, preps, phrase_firsts, first_words }
    }
}

/// Adds the first words of a word item of many alternatives (also inside an optional item)
/// to [`PatternIndex::phrase_firsts`].
fn index_firsts(item: &CItem, index: &mut FxHashMap<usize, (u32, u32)>, words: &mut Vec<WordId>) {
    match item {
        CItem::Phrase(alts) if alts.len() >= MANY_ALTERNATIVES && alts.iter().all(|a| !a.is_empty()) => {
            let key = alts.as_ptr() as usize;
            if index.contains_key(&key) {
                return;
            }
            let mut firsts: Vec<WordId> = alts.iter().filter_map(|a| a.first().copied()).collect();
            firsts.sort_unstable();
            firsts.dedup();
            let start = u32::try_from(words.len()).unwrap_or(u32::MAX);
            words.extend_from_slice(&firsts);
            index.insert(key, (start, u32::try_from(words.len()).unwrap_or(u32::MAX)));
        }
        CItem::Optional(inner) => index_firsts(inner, index, words),
        _ => {}
    }
}

fn root_allows_no_target(code: CameoCode) -> bool {
    matches!(code.root_number(), 14 | 15 | 18 | 19 | 20)
}

impl<'s, 'a> SentenceCoder<'s, 'a> {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        dict: &'s Dictionary,
        toks: &'s [Tok<'a>],
        nps: &'s [Np],
        doc_text: &'a str,
        memory: &'s [Antecedent],
        country: Option<&'s str>,
        index: &'s PatternIndex,
        present: &'s WordSet,
    ) -> Self {
        let mut tok_np = vec![None; toks.len()];
        for (k, np) in nps.iter().enumerate() {
            for slot in &mut tok_np[np.start..np.end] {
                *slot = Some(k);
            }
        }
        SentenceCoder {
            dict,
            toks,
            nps,
            doc_text,
            memory,
            country,
            dateline: None,
            notes: Vec::new(),
            explain: false,
            consumed: vec![false; toks.len()],
            tok_np,
            present,
            index,
        }
    }

    /// The token starting at byte `start` of the document, if one does (the tokens are in
    /// text order, each starting after the one before).
    fn tok_starting_at(&self, start: usize) -> Option<usize> {
        self.toks.binary_search_by_key(&start, |t| t.span.start).ok()
    }

    /// Whether a token of the sentence carries the word id.
    fn has_word(&self, w: WordId) -> bool {
        self.present.contains(w)
    }

    /// Whether the sentence has some word of each group of words the pattern requires
    /// ([`CompiledPattern::required`]): a pattern needing a word the sentence lacks cannot
    /// match.
    fn has_required(&self, pi: u32) -> bool {
        let Some(f) = self.index.filters.get(pi as usize) else { return true };
        let mut groups = self.index.required.get(f.start as usize..f.end as usize).unwrap_or(&[]);
        while let Some((&n, rest)) = groups.split_first() {
            let (group, rest) = rest.split_at((n as usize).min(rest.len()));
            if !group.iter().any(|&w| self.has_word(w)) {
                return false;
            }
            groups = rest;
        }
        true
    }

    fn np_starting_near(&self, pos: usize) -> Option<usize> {
        let mut p = pos;
        // (Also past a prefix: "an anti- Gondor parade".)
        while p < self.toks.len()
            && (matches!(self.toks[p].class, Class::Adv | Class::PossPron | Class::Det)
                || self.prefix_hyphen(p)
                || self.prefix_hyphen(p + 1))
        {
            p += 1;
        }
        // A bare possessive ("its", "their") is not an object.
        self.nps.iter().position(|np| (pos..=p).contains(&np.start) && self.toks[np.start].class != Class::PossPron)
    }

    /// Whether phrase `np` only says where, by a country's border or coast: "seized the town
    /// on the Ugandan border" (Uganda is not whom the town was seized from).
    fn border_place(&self, np: usize) -> bool {
        let p = &self.nps[np];
        p.prep.is_some()
            && p.members.len() == 1
            && matches!(
                p.members[0].kind,
                MemberKind::Named(casus_dict::ActorKind::Demonym | casus_dict::ActorKind::Country)
            )
            && self.toks.get(p.end).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "border" | "frontier" | "coast" | "coastline" | "side" | "shore" | "shores" | "boundary"
                )
            })
    }

    /// Whether a dictionary word is a preposition ("on", "for", "with").
    fn dict_word_is_prep(&self, w: WordId) -> bool {
        self.index.preps.contains(&w)
    }

    /// Past the rest of a list of plain nouns at `pos` (", blankets and medicine"), or `pos`.
    fn list_end(&self, pos: usize) -> usize {
        let n = self.toks.len();
        let mut q = pos;
        loop {
            let Some(t) = self.toks.get(q) else { return q };
            if !(t.class == Class::Comma || matches!(t.lower.as_str(), "and" | "or")) {
                return q;
            }
            let mut r = q + 1;
            if r < n && matches!(self.toks[r].lower.as_str(), "and" | "or") {
                r += 1;
            }
            while r < n && matches!(self.toks[r].class, Class::Det | Class::Number) {
                r += 1;
            }
            let first = r;
            while r < n && r < first + 3 {
                let w = &self.toks[r];
                let plain = w.class == Class::Word
                    && self.tok_np[r].is_none()
                    && !w.cap
                    && (!w.is_inflected_verb() || self.dict_pos_noun(w));
                if !plain {
                    break;
                }
                r += 1;
            }
            if r == first {
                return q;
            }
            q = r;
        }
    }

    /// Past a time adverbial at `pos` ("on Thursday", "last week", "yesterday"), or `pos`.
    fn skip_time(&self, pos: usize) -> usize {
        let word = |k: usize| self.toks.get(k).map_or("", |t| t.lower.as_str());
        match word(pos) {
            "on" if is_weekday(word(pos + 1)) => pos + 2,
            "yesterday" | "today" | "overnight" | "again" | "earlier" | "later" | "also" => pos + 1,
            "last" | "this" | "next" if matches!(word(pos + 1), "week" | "month" | "year" | "weekend") => pos + 2,
            _ => pos,
        }
    }

    fn skippable(&self, t: &Tok<'_>) -> bool {
        match t.class {
            Class::Det | Class::Adv | Class::Number | Class::PossPron => true,
            Class::Word => !t.is_verb_form() || t.participle || t.gerund,
            _ => false,
        }
    }

    /// Whether a noun follows `from` in its clause (an object or a prepositional phrase).
    fn has_object(&self, from: usize) -> bool {
        self.toks[from.min(self.toks.len())..]
            .iter()
            .enumerate()
            .take_while(|(_, t)| !self.boundary(t) && !matches!(t.class, Class::Comma | Class::Sub | Class::Rel))
            .any(|(o, t)| self.tok_np[from + o].is_some() || (t.class == Class::Word && !t.is_inflected_verb()))
    }

    /// With PETRARCH dictionaries, the actor phrases held by the subject phrase of the verb
    /// at `i` whose head is no actor: possessives and "of" objects, from the start of the
    /// clause ("Ithilen's sheep and goats of Gondor warned").
    fn petrarch_held(&self, i: usize) -> Vec<usize> {
        if !self.dict.is_petrarch() {
            return Vec::new();
        }
        let mut b = i;
        while b > 0 {
            let t = &self.toks[b - 1];
            let plain = t.class == Class::Word && !t.is_inflected_verb();
            if !(self.tok_np[b - 1].is_some()
                || plain
                || matches!(t.class, Class::PossMark | Class::Det | Class::Adv)
                || t.lower == "and"
                || t.lower == "of")
            {
                break;
            }
            b -= 1;
        }
        let mut held: Vec<usize> = (b..i).filter_map(|k| self.tok_np[k]).collect();
        held.dedup();
        held.retain(|&np| {
            let p = &self.nps[np];
            p.possessive || p.prep.is_some_and(|q| self.toks[q].lower == "of")
        });
        held
    }

    /// With PETRARCH dictionaries, the possessive actor phrase that opens the phrase of
    /// actor `npi` ("Ithilen's awful and evil minister Calimehtar"): only modifiers, "and"
    /// and commas between.
    fn petrarch_owner(&self, npi: usize) -> Option<usize> {
        if !self.dict.is_petrarch() || self.nps[npi].prep.is_some() {
            return None;
        }
        let mut b = self.nps[npi].start;
        while b > 0
            && self.tok_np[b - 1].is_none()
            && (matches!(self.toks[b - 1].class, Class::Comma | Class::Adv)
                || self.toks[b - 1].lower == "and"
                || (self.toks[b - 1].class == Class::Word && !self.toks[b - 1].is_inflected_verb()))
        {
            b -= 1;
        }
        if b == self.nps[npi].start || b < 2 || self.toks[b - 1].class != Class::PossMark {
            return None;
        }
        self.tok_np[b - 2].filter(|&o| self.nps[o].possessive && self.nps[o].prep.is_none())
    }

    /// Whether token `k` is a hyphen attached to the word before it and followed by a
    /// blank, a prefix ("an anti- Gondor parade"), not a dash.
    fn prefix_hyphen(&self, k: usize) -> bool {
        k > 0
            && k < self.toks.len()
            && self.toks[k].text == "-"
            && self.toks[k - 1].span.end == self.toks[k].span.start
            && self.toks.get(k + 1).is_some_and(|n| n.span.start > self.toks[k].span.end)
    }

    fn boundary(&self, t: &Tok<'_>) -> bool {
        matches!(t.class, Class::Break | Class::End | Class::Quote | Class::Paren)
    }

    /// Whether a token is the pattern word `w`: its surface form, noun or verb lemma;
    /// only the surface form with PETRARCH dictionaries, whose words match as written.
    fn tok_is(&self, t: &Tok<'_>, w: WordId) -> bool {
        if self.dict.is_petrarch() {
            t.word == w
        } else {
            t.is(w)
        }
    }

    /// The words the alternatives of a word item start with, sorted, if indexed (an item of
    /// many alternatives, none empty).
    fn phrase_firsts(&self, alts: &[Vec<WordId>]) -> Option<&'s [WordId]> {
        if alts.len() < MANY_ALTERNATIVES {
            return None;
        }
        let index: &'s PatternIndex = self.index;
        let &(a, b) = index.phrase_firsts.get(&(alts.as_ptr() as usize))?;
        index.first_words.get(a as usize..b as usize)
    }

    /// Whether the token is one of `words` (sorted) as [`SentenceCoder::tok_is`] tells.
    fn tok_is_any(&self, t: &Tok<'_>, words: &[WordId]) -> bool {
        let has = |w: WordId| words.binary_search(&w).is_ok();
        if self.dict.is_petrarch() {
            has(t.word)
        } else {
            [t.word, t.noun, t.verb].into_iter().any(|w| w != crate::annotate::NONE && has(w))
        }
    }

    fn matches_phrase(&self, pos: usize, phrase: &[WordId]) -> bool {
        phrase.iter().enumerate().all(|(k, &w)| self.toks.get(pos + k).is_some_and(|t| self.tok_is(t, w)))
    }

    fn match_items(&self, items: &[CItem], k: usize, pos: usize, acc: PMatch) -> Option<PMatch> {
        if k == items.len() {
            return Some(PMatch { end: pos, ..acc });
        }
        let n = self.toks.len();
        match &items[k] {
            CItem::Phrase(alts) => {
                let mut best: Option<PMatch> = None;
                // A particle ("call on", "call for") follows its verb or object noun; it does
                // not reach past an actor ("called Putin on Friday").
                let particle = alts.iter().all(|a| a.len() == 1 && self.dict_word_is_prep(a[0]));
                let firsts = self.phrase_firsts(alts);
                for skip in 0..=3 {
                    let p = pos + skip;
                    if p >= n || (skip > 0 && !self.skippable(&self.toks[p - 1])) {
                        break;
                    }
                    if particle && skip > 0 && self.tok_np[p - 1].is_some() && k == 0 {
                        break;
                    }
                    // "on Friday" is a time, never the particle "on".
                    if particle && self.skip_time(p) > p && self.toks[p].class == Class::Prep {
                        continue;
                    }
                    // (No alternative starts with this token.)
                    if firsts.is_some_and(|f| !self.tok_is_any(&self.toks[p], f)) {
                        continue;
                    }
                    for alt in alts {
                        if self.matches_phrase(p, alt) {
                            let len = alt.len();
                            let mut next = PMatch {
                                score: acc.score + u32::try_from(len).unwrap_or(1),
                                last_word: p + len - 1,
                                ..acc
                            };
                            // "released five American prisoners": an actor among the
                            // skipped modifiers is the target.
                            if next.target.is_none() && skip > 0 {
                                next.target = self.actor_within(pos, p);
                            }
                            if next.weak_target.is_none() {
                                // The pattern's own word may be an actor's head ("against the junta").
                                next.weak_target = self.tok_np[p + len - 1]
                                    .filter(|&np| self.toks[self.nps[np].start].class != Class::PossPron)
                                    // "expelled thousands of Eritreans": the actor after "of".
                                    .or_else(|| self.of_actor(p + len))
                                    // "rejected an offer by President Ghani": who made it.
                                    .or_else(|| self.maker_actor(p + len));
                            }
                            let m = self.match_items(items, k + 1, p + len, next).or_else(|| {
                                // "sent tents, blankets and medicine to Myanmar": past the
                                // rest of a list to the pattern's next word.
                                let q = self.skip_time(self.list_end(p + len));
                                (q > p + len && matches!(items.get(k + 1), Some(CItem::Phrase(_))))
                                    .then(|| self.match_items(items, k + 1, q, next))
                                    .flatten()
                            });
                            if let Some(m) = m {
                                if best.as_ref().is_none_or(|b| better(&m, b)) {
                                    best = Some(m);
                                }
                            }
                        }
                    }
                }
                if best.is_none() && k > 0 && matches!(items[k - 1], CItem::Phrase(_)) {
                    best = self.match_after_pp(items, k, alts, pos, acc);
                }
                best
            }
            CItem::Optional(inner) => {
                let with = self
                    .match_items(std::slice::from_ref(&**inner), 0, pos, acc)
                    .and_then(|m| self.match_items(items, k + 1, m.end, m));
                let without = self.match_items(items, k + 1, pos, acc);
                match (with, without) {
                    (Some(a), Some(b)) => Some(if a.score >= b.score { a } else { b }),
                    (a, b) => a.or(b),
                }
            }
            CItem::Target | CItem::Source => {
                let is_target = matches!(items[k], CItem::Target);
                // (PETRARCH: "MAY_DAY $" finds its actor in "with Eriador".)
                let slot = self.np_starting_near(pos).or_else(|| {
                    (self.dict.is_petrarch() && self.toks.get(pos).is_some_and(|t| t.class == Class::Prep))
                        .then(|| self.np_starting_near(pos + 1))
                        .flatten()
                });
                match slot {
                    Some(np) => {
                        let mut next = PMatch { score: acc.score + 1, ..acc };
                        if is_target {
                            next.target = Some(np);
                        } else {
                            next.source = Some(np);
                        }
                        let end = self.nps[np].end;
                        self.match_items(items, k + 1, end, next).or_else(|| {
                            // "urged both sides on Thursday to return to talks", "accused two
                            // officials at the embassy in Delhi of spying": past the target's
                            // own prepositional phrases and a time adverbial.
                            let mut after = end;
                            for _ in 0..2 {
                                let pp = self.tok_np.get(after + 1).copied().flatten().filter(|&q| {
                                    self.nps[q].prep == Some(after)
                                        && matches!(self.toks[after].lower.as_str(), "at" | "in" | "from" | "of")
                                });
                                match pp {
                                    Some(q) => after = self.nps[q].end,
                                    None => break,
                                }
                            }
                            let after = self.skip_time(after);
                            (after > end).then(|| self.match_items(items, k + 1, after, next)).flatten().or_else(|| {
                                // "poisoned Skripal and his daughter with a nerve agent": past
                                // a coordinated person who is no actor.
                                let and = self.toks.get(end).is_some_and(|t| t.lower == "and");
                                let mut q = end + 1;
                                while and
                                    && q < self.toks.len()
                                    && q < end + 4
                                    && (self.tok_np[q].is_none() || self.toks[q].class == Class::PossPron)
                                    && (matches!(self.toks[q].class, Class::PossPron | Class::Det | Class::Number)
                                        || self.toks[q].class == Class::Word && !self.toks[q].is_verb_form())
                                {
                                    q += 1;
                                }
                                (and && q > end + 2).then(|| self.match_items(items, k + 1, q, next)).flatten()
                            })
                        })
                    }
                    // A trailing target that is not an actor ("the recapture of the town").
                    None if is_target && k + 1 == items.len() => Some(PMatch { end: pos, ..acc }),
                    None => None,
                }
            }
            CItem::Gap(g) | CItem::Skip(g) => {
                // `^` skips at least one token (a phrase, which may be an actor).
                let skip_phrase = matches!(items[k], CItem::Skip(_));
                // An actor phrase in the gap counts as one word: "rejected U.S. President
                // Donald Trump's Middle East peace plan" is `reject * plan`.
                let g_eff = self.gap_reach(pos, usize::from(*g));
                // A gap before words: nothing to do unless one of them is near.
                if let Some(CItem::Phrase(alts)) = items.get(k + 1) {
                    let window = pos..(pos + g_eff + 4).min(n);
                    // (Words of the sentence only: most alternatives are not.)
                    let near = match self.phrase_firsts(alts) {
                        Some(firsts) => window.clone().any(|p| self.tok_is_any(&self.toks[p], firsts)),
                        None => alts.iter().any(|a| {
                            a.first().is_some_and(|&w| {
                                self.present.contains(w) && window.clone().any(|p| self.tok_is(&self.toks[p], w))
                            })
                        }),
                    };
                    if !near {
                        return None;
                    }
                }
                let mut best: Option<PMatch> = None;
                // A reporting verb's clause is coded on its own (but what is urged is urged).
                let reporting = pos > 0 && {
                    let v = &self.toks[pos - 1];
                    self.speech_verb(v) && !matches!(v.verb_lemma, Some("urge" | "insist" | "agree"))
                };
                for skip in usize::from(skip_phrase)..=g_eff {
                    let p = pos + skip;
                    // A gap stays in its clause: "clashed with police as thousands marched
                    // against the president" is two events.
                    if p > n || (skip > 0 && (self.boundary(&self.toks[p - 1]) || self.toks[p - 1].class == Class::Sub))
                    {
                        break;
                    }
                    // Nor into a clause that "that" opens: "denied on Saturday that it had
                    // supplied Russia with drones" is not `deny * &ARMS`.
                    if skip > 0 && !self.dict.is_petrarch() && reporting && self.opens_that_clause(p - 1) {
                        break;
                    }
                    // Nor past a coordinated verb after an object: "revoked agreements with
                    // France and ordered" (but "beat and detained protesters" share one).
                    if skip > 1
                        && p < n
                        && matches!(self.toks[p - 1].lower.as_str(), "and" | "but")
                        && self.toks[p].is_verb_form()
                        && (self.toks[p].past || self.toks[p].third)
                        && !self.dict_pos_noun(&self.toks[p])
                    {
                        break;
                    }
                    // Nor into a new clause with its own subject: "freed 32 servicemen and
                    // Armenia released two soldiers".
                    if skip > 2
                        && p < n
                        && self.toks[p].past
                        && self.toks[p].class == Class::Word
                        && self.tok_np[p - 1].is_some_and(|np| {
                            let np = &self.nps[np];
                            np.end == p
                                && np.start > pos
                                && self.toks[np.start - 1].lower == "and"
                                && np.members.iter().all(|m| m.code.is_some())
                        })
                    {
                        break;
                    }
                    let mut acc = acc;
                    if acc.target.is_none() && skip > 0 && !skip_phrase {
                        // "rejected Sri Lanka's request": an actor inside the gap.
                        acc.target = self.actor_within(pos, p);
                    }
                    // `^ $`, `^ +`: the phrase skipped is an actor phrase, the slot the next one.
                    let slot_next = matches!(items.get(k + 1), Some(CItem::Source | CItem::Target));
                    if skip_phrase && slot_next && self.actor_within(pos, p).is_none() {
                        continue;
                    }
                    if let Some(m) = self.match_items(items, k + 1, p, acc) {
                        if best.as_ref().is_none_or(|b| better(&m, b)) {
                            best = Some(m);
                        }
                    }
                }
                best
            }
        }
    }

    /// For a verb whose subject `snp` opens a relative clause ("..., which Iran seized"),
    /// and nothing after the verb at `end` is its object: the actor phrase the clause is
    /// about, ending at most four words before the relative pronoun.
    fn relative_object(&self, snp: usize, end: usize) -> Option<usize> {
        let start = self.nps[snp].start;
        if start == 0 || !matches!(self.toks[start - 1].lower.as_str(), "which" | "that" | "whom") {
            return None;
        }
        // (An object after the verb: "which Iran used to attack Israel".)
        if self
            .toks
            .get(end)
            .is_some_and(|t| matches!(t.class, Class::Det | Class::Word | Class::Number | Class::PossPron))
            && self.tok_np.get(end).copied().flatten().is_some()
        {
            return None;
        }
        let mut k = start - 1;
        if k > 0 && self.toks[k - 1].class == Class::Comma {
            k -= 1;
        }
        (k.saturating_sub(5)..k).rev().find_map(|q| self.tok_np[q]).filter(|&np| {
            let p = &self.nps[np];
            np != snp
                && p.prep.is_none_or(|pr| !matches!(self.toks[pr].lower.as_str(), "in" | "at" | "near"))
                && self.toks[p.end..k].iter().all(|t| t.class == Class::Word && !t.is_inflected_verb())
        })
    }

    /// A country or capital named as the place of an act, after token `from` in the same
    /// clause ("in southern Lebanon", "over Gaza"), of another country than every source.
    /// Gives acts with no target the targets of the clauses that detail
    /// them (`(act, target)` pairs), one event per target.
    fn give_targets(&self, out: &mut Vec<Candidate>, pairs: Vec<(usize, Actor)>) {
        let mut given: Vec<(usize, Vec<Actor>)> = Vec::new();
        for (main, target) in pairs {
            match given.iter_mut().find(|(m, _)| *m == main) {
                Some((_, ts)) if ts.iter().all(|t| t.code != target.code) => ts.push(target),
                Some(_) => {}
                None if out[main].target.is_none() => {
                    given.push((main, vec![target]));
                }
                None => {}
            }
        }
        for (main, targets) in given {
            let mut targets = targets.into_iter();
            let first = targets.next();
            for t in targets {
                let mut more = out[main].clone();
                more.target = Some(t);
                out.push(more);
            }
            out[main].target = first;
        }
    }

    fn foreign_place_after(&self, from: usize, sources: &[Actor]) -> Option<usize> {
        let n = self.toks.len();
        let mut q = from;
        while q < n && q < from + 12 {
            let t = &self.toks[q];
            if self.boundary(t) || matches!(t.class, Class::Comma | Class::Sub | Class::Rel) {
                return None;
            }
            if let Some(np) = self.tok_np[q] {
                let p = &self.nps[np];
                let locative = p.prep.is_some_and(|pr| {
                    matches!(
                        self.toks[pr].lower.as_str(),
                        "in" | "on" | "over" | "into" | "across" | "at" | "near" | "inside" | "around"
                    )
                });
                let place = p.members.iter().all(|m| {
                    matches!(m.kind, MemberKind::Named(casus_dict::ActorKind::Country | casus_dict::ActorKind::Capital))
                        && m.code.as_ref().is_some_and(|c| {
                            c.roles().next().is_none()
                                // (An IGO's force is foreign everywhere: "NATO warplanes pounded
                                // targets in Belgrade".)
                                && sources.iter().all(|s| s.code.country() != c.country())
                        })
                });
                if locative && place {
                    return Some(np);
                }
                q = p.end;
                continue;
            }
            q += 1;
        }
        None
    }

    /// How many tokens a gap of `g` words starting at `pos` may skip: the words of an actor
    /// phrase after its first count nothing (not in PETRARCH mode, where a gap is words).
    fn gap_reach(&self, pos: usize, g: usize) -> usize {
        if self.dict.is_petrarch() {
            return g;
        }
        let n = self.toks.len();
        let (mut p, mut cost) = (pos, 0);
        while p < n && cost < g {
            cost += 1;
            p = match self.tok_np[p] {
                Some(q) if self.nps[q].start == p => self.nps[q].end,
                _ => p + 1,
            };
        }
        p - pos
    }

    /// Whether token `i` is a "that" opening a clause ("that it had", "that the army"), not
    /// the determiner of "that request".
    fn opens_that_clause(&self, i: usize) -> bool {
        let Some(next) = self.toks.get(i + 1) else {
            return false;
        };
        self.toks[i].lower == "that"
            && (matches!(next.class, Class::Pron | Class::Det | Class::PossPron | Class::Number)
                || self.tok_np.get(i + 1).copied().flatten().is_some_and(|q| self.nps[q].start == i + 1))
    }

    /// A preposition item after a word item may follow a prepositional phrase attached to
    /// that word: "passed information on the courier network to the Americans" matches
    /// `pass * information to`.
    fn match_after_pp(
        &self,
        items: &[CItem],
        k: usize,
        alts: &[Vec<WordId>],
        pos: usize,
        acc: PMatch,
    ) -> Option<PMatch> {
        let n = self.toks.len();
        if pos >= n || self.toks[pos].class != Class::Prep {
            return None;
        }
        for q in pos + 1..(pos + 7).min(n) {
            let t = &self.toks[q];
            if matches!(t.class, Class::Prep | Class::To) {
                let alt = alts.iter().find(|alt| alt.len() == 1 && self.matches_phrase(q, alt))?;
                let next = PMatch { score: acc.score + u32::try_from(alt.len()).unwrap_or(1), last_word: q, ..acc };
                return self.match_items(items, k + 1, q + 1, next);
            }
            let finite = t.third || (t.past && !t.participle);
            let nominal = match t.class {
                Class::Det | Class::Adv | Class::Number | Class::PossPron | Class::PossMark => true,
                Class::Word => !(t.is_verb_form() && finite && !self.dict_pos_noun(t)),
                _ => false,
            };
            if !nominal {
                return None;
            }
        }
        None
    }

    /// In the passive voice the object stands before the verb: "sanctions were imposed on
    /// Syria" matches "impose * &SANCTION on +" when the subject's head is the pattern's
    /// first word item and the rest follows the verb.
    fn match_passive_object(&self, cp: &CompiledPattern, head: usize) -> Option<PMatch> {
        if !cp.before.is_empty() || !self.passive(head) {
            return None;
        }
        let f = cp.items.iter().position(|it| !matches!(it, CItem::Gap(_)))?;
        let CItem::Phrase(alts) = &cp.items[f] else { return None };
        let mut q = head;
        while q > 0
            && matches!(self.toks[q - 1].class, Class::Adv | Class::Neg | Class::Be | Class::Have | Class::Modal)
        {
            q -= 1;
        }
        // `q` is one past the subject's last word.
        if let Some(len) = alts.iter().find(|a| q >= a.len() && self.matches_phrase(q - a.len(), a)).map(Vec::len) {
            let start = PMatch {
                score: 1 + u32::try_from(len).unwrap_or(1),
                end: head + 1,
                last_word: head,
                ..PMatch::default()
            };
            return self.match_items(&cp.items[f + 1..], 0, head + 1, start);
        }
        // "Economic sanctions on Iran were eased by the EU": the object and its
        // prepositional phrase stand before the verb, together.
        let first = q.saturating_sub(8);
        for h in first..q {
            if !alts.iter().any(|a| self.matches_phrase(h, a)) {
                continue;
            }
            let probe = PMatch { score: 1, end: h, last_word: head, ..PMatch::default() };
            if let Some(m) = self.match_items(&cp.items[f..], 0, h, probe) {
                // The actor after the last preposition ends the subject: "on Iran".
                let trailing = (m.end < q)
                    .then(|| self.tok_np[m.end])
                    .flatten()
                    .filter(|&np| self.nps[np].start == m.end && self.nps[np].end == q);
                let target = m.target.or(trailing);
                if (m.end == q || trailing.is_some()) && target.is_some() {
                    return Some(PMatch {
                        score: m.score + 1,
                        start: head,
                        end: head + 1,
                        last_word: head,
                        target,
                        fronted: Some(h),
                        ..m
                    });
                }
            }
        }
        // "A deal to end the war was signed in Pretoria by ...": the subject's head noun
        // opens the clause, its modifiers between it and the verb.
        let mut s = q;
        while s > 0
            && q - s < 16
            && !matches!(self.toks[s - 1].class, Class::Comma | Class::Break | Class::Sub | Class::Rel)
        {
            s -= 1;
        }
        let mut h = s;
        while h < q && matches!(self.toks[h].class, Class::Det | Class::Number | Class::PossPron) {
            h += 1;
        }
        let h = if h < q && self.toks[h].class == Class::Word && h + 1 < q && !self.toks[h].is_verb_form() {
            // One adjective: "a peace deal", "a new agreement".
            if alts.iter().any(|a| self.matches_phrase(h, a)) {
                h
            } else {
                h + 1
            }
        } else {
            h
        };
        if h + 1 < q && self.tok_np[h].is_none() {
            if let Some(len) = alts.iter().find(|a| h + a.len() <= q && self.matches_phrase(h, a)).map(Vec::len) {
                let start = PMatch {
                    score: 1 + u32::try_from(len).unwrap_or(1),
                    end: head + 1,
                    last_word: head,
                    ..PMatch::default()
                };
                return self.match_items(&cp.items[f + 1..], 0, head + 1, start).map(|m| PMatch {
                    start: head,
                    fronted: Some(h),
                    ..m
                });
            }
        }
        None
    }

    /// Whether phrase `np` is only a weapon of no country ("dozens of drones"): what is
    /// used, not whom it is used on.
    fn bare_weapon(&self, np: usize) -> bool {
        let p = &self.nps[np];
        p.members.iter().all(|m| {
            m.kind == MemberKind::Agent
                && m.needs_country
                && matches!(
                    self.toks[m.end - 1].lower.trim_end_matches('s'),
                    "drone"
                        | "missile"
                        | "rocket"
                        | "warplane"
                        | "jet"
                        | "tank"
                        | "helicopter"
                        | "gunship"
                        | "warship"
                        | "bomber"
                )
        })
    }

    /// The first country named in the sentence other than `not`.
    pub(crate) fn other_country(&self, not: &str) -> Option<String> {
        (0..self.nps.len())
            .flat_map(|k| self.actors(k, None))
            .filter_map(|a| a.code.country().map(str::to_owned))
            .find(|c| c != not)
    }

    /// The actor phrase right after "by" or "from" at token `pos`, when it follows the
    /// pattern's object noun ("an offer by Kabul", "an ultimatum from the EU").
    fn maker_actor(&self, pos: usize) -> Option<usize> {
        let t = self.toks.get(pos)?;
        if !matches!(t.lower.as_str(), "by" | "from") || pos == 0 || !self.dict_pos_noun(&self.toks[pos - 1]) {
            return None;
        }
        self.np_starting_near(pos + 1).filter(|&np| {
            self.nps[np].start <= pos + 2 && !self.nps[np].members.iter().any(|m| m.kind == MemberKind::Anaphor)
        })
    }

    /// The actor phrase right after "of" at token `pos` ("thousands of Eritreans").
    fn of_actor(&self, pos: usize) -> Option<usize> {
        let t = self.toks.get(pos)?;
        if t.lower != "of" {
            return None;
        }
        self.tok_np.get(pos + 1).copied().flatten().filter(|&np| {
            self.nps[np].start == pos + 1 && !self.nps[np].members.iter().any(|m| m.kind == MemberKind::Anaphor)
        })
    }

    /// The passive of a verb with two objects: "Ben Ali was given asylum by Saudi Arabia"
    /// matches `give + * asylum`, the recipient (`+`) being the clause's subject; the source
    /// comes from the by-phrase as in every passive.
    fn match_passive_recipient(&self, cp: &CompiledPattern, head: usize) -> Option<PMatch> {
        if !cp.before.is_empty() || !self.passive(head) || !matches!(cp.items.first(), Some(CItem::Target)) {
            return None;
        }
        // The rest must name a word after the verb ("asylum"), not just a slot.
        if !cp.items[1..].iter().any(|it| matches!(it, CItem::Phrase(_))) {
            return None;
        }
        let subject = self.subject(head)?;
        let start = PMatch {
            score: 2,
            start: head,
            end: head + 1,
            last_word: head,
            target: Some(subject),
            ..PMatch::default()
        };
        self.match_items(&cp.items[1..], 0, head + 1, start)
    }

    /// The first actor phrase wholly inside tokens `from..to`, pronouns excepted.
    fn actor_within(&self, from: usize, to: usize) -> Option<usize> {
        (from..to.min(self.toks.len())).find_map(|q| self.tok_np[q]).filter(|&np| {
            let p = &self.nps[np];
            // "sent them weapons" counts; "its blockade" does not.
            // ("summoned the Russian ambassador": the pattern's word is the head of a
            // government actor's phrase.)
            let gov_head = p.end == to + 1
                && !self.dict.is_petrarch()
                && p.members.iter().all(|m| m.code.as_ref().is_some_and(|c| c.roles().any(|r| r == "GOV")));
            // (A region among modifiers is a topic: "Trump's Middle East peace plan".)
            let region = p.members.iter().all(|m| m.kind == MemberKind::Named(casus_dict::ActorKind::Region));
            // (Nor where it happens: "marched through Myanmar's largest city against the junta".)
            let locative = p.prep.is_some_and(|pr| {
                matches!(
                    self.toks[pr].lower.as_str(),
                    "through" | "in" | "across" | "at" | "near" | "around" | "outside"
                )
            }) && p.members.iter().all(|m| {
                matches!(m.kind, MemberKind::Named(casus_dict::ActorKind::Country | casus_dict::ActorKind::Capital))
            });
            p.start >= from
                && !locative
                && (p.end <= to || gov_head)
                && !region
                && !self.is_place(np)
                && !self.bare_weapon(np)
                && self.toks[p.start].class != Class::PossPron
                && !p.members.iter().any(|m| m.kind == MemberKind::Anaphor)
        })
    }

    /// Matches `items[..k]` leftwards, the last item ending right before token `pos`.
    fn match_before(&self, items: &[CItem], k: usize, pos: usize, acc: PMatch) -> Option<PMatch> {
        if k == 0 {
            return Some(acc);
        }
        match &items[k - 1] {
            CItem::Phrase(alts) => {
                let mut best: Option<PMatch> = None;
                for skip in 0..=3 {
                    let Some(end) = pos.checked_sub(skip) else {
                        break;
                    };
                    if skip > 0 && !self.skippable(&self.toks[end]) {
                        break;
                    }
                    for alt in alts {
                        let Some(start) = end.checked_sub(alt.len()) else {
                            continue;
                        };
                        if self.matches_phrase(start, alt) {
                            let next = PMatch {
                                score: acc.score + u32::try_from(alt.len()).unwrap_or(1),
                                start: start.min(acc.start),
                                ..acc
                            };
                            if let Some(m) = self.match_before(items, k - 1, start, next) {
                                if best.as_ref().is_none_or(|b| m.score > b.score) {
                                    best = Some(m);
                                }
                            }
                        }
                    }
                }
                best
            }
            CItem::Optional(inner) => {
                let with = self.match_before(std::slice::from_ref(inner.as_ref()), 1, pos, acc);
                let with = with.and_then(|m| {
                    let new_pos = self.before_pos(inner, pos)?;
                    self.match_before(items, k - 1, new_pos, m)
                });
                let without = self.match_before(items, k - 1, pos, acc);
                match (with, without) {
                    (Some(a), Some(b)) => Some(if a.score >= b.score { a } else { b }),
                    (a, b) => a.or(b),
                }
            }
            CItem::Target | CItem::Source => {
                let is_target = matches!(items[k - 1], CItem::Target);
                let mut p = pos;
                // (PETRARCH: also past "seen to": "Gollum was seen to break in".)
                let petrarch = self.dict.is_petrarch();
                while p > 0
                    && (matches!(self.toks[p - 1].class, Class::Adv | Class::Be | Class::Have | Class::Modal)
                        || (petrarch
                            && self.tok_np[p - 1].is_none()
                            && (self.toks[p - 1].class == Class::To || self.toks[p - 1].participle)))
                {
                    p -= 1;
                }
                // "the European Union (EU) agree": a parenthesis after the actor.
                if p > 0 && self.toks[p - 1].text == ")" {
                    if let Some(open) = (p.saturating_sub(6)..p - 1).rev().find(|&q| self.toks[q].text == "(") {
                        p = open;
                    }
                }
                let npi = self.nps.iter().position(|np| np.end == p || np.end == pos).or_else(|| {
                    // (PETRARCH: the owner of the phrase before the verb, "Ithilen's palace
                    // guard militia was freed".)
                    let mut q = p;
                    while petrarch && q > 0 && self.toks[q - 1].class == Class::Word && self.tok_np[q - 1].is_none() {
                        q -= 1;
                    }
                    (petrarch && q < p && q > 0 && self.toks[q - 1].class == Class::PossMark)
                        .then(|| self.nps.iter().position(|np| np.end == q - 1 || np.end == q))
                        .flatten()
                })?;
                let mut next = PMatch { score: acc.score + 1, ..acc };
                if is_target {
                    next.target = Some(npi);
                } else {
                    next.source = Some(npi);
                }
                // ("- NOTED + *": "noted that Cirith Ungol regretted", PETRARCH.)
                let start = self.nps[npi].start;
                let start = if self.dict.is_petrarch() && start > 0 && self.toks[start - 1].lower == "that" {
                    start - 1
                } else {
                    start
                };
                self.match_before(items, k - 1, start, next)
            }
            CItem::Gap(g) | CItem::Skip(g) => {
                let mut best: Option<PMatch> = None;
                let min = usize::from(matches!(items[k - 1], CItem::Skip(_)));
                for skip in min..=usize::from(*g) {
                    let Some(p) = pos.checked_sub(skip) else {
                        break;
                    };
                    if skip > 0 && self.boundary(&self.toks[p]) {
                        break;
                    }
                    if let Some(m) = self.match_before(items, k - 1, p, acc) {
                        if best.as_ref().is_none_or(|b| m.score > b.score) {
                            best = Some(m);
                        }
                    }
                }
                best
            }
        }
    }

    /// Where an optional leftward item starts when it matches at `pos` (phrases only).
    fn before_pos(&self, item: &CItem, pos: usize) -> Option<usize> {
        match item {
            CItem::Phrase(alts) => {
                alts.iter().find_map(|a| pos.checked_sub(a.len()).filter(|&s| self.matches_phrase(s, a)))
            }
            _ => Some(pos),
        }
    }

    /// For an event noun, the subject of the light verb that governs it ("Hezbollah
    /// launched an attack on", "rebels staged a protest"); `None` for other verbs ("the
    /// journalist was covering the protests").
    fn support_verb_subject(&self, i: usize) -> Option<usize> {
        let mut k = i;
        let mut steps = 0;
        while k > 0 && steps < 5 {
            k -= 1;
            steps += 1;
            let t = &self.toks[k];
            // "claimed responsibility for an attack": the claim is coded, not the attack.
            if t.lower == "responsibility" {
                return None;
            }
            if let Some(lemma) = t.verb_lemma {
                // ("since the start of the war": a noun after a determiner is no verb.)
                let noun = k > 0 && matches!(self.toks[k - 1].class, Class::Det | Class::PossPron | Class::PossMark);
                if self.tok_np[k].is_none() && t.class == Class::Word && !noun {
                    // "expect Beijing to hold more drills": the light verb must itself be real.
                    let real = self.irrealis(k).is_none();
                    return if is_support_verb(lemma) && real { self.subject(k) } else { None };
                }
            }
            if self.boundary(t) || matches!(t.class, Class::Comma | Class::Sub | Class::Rel) {
                return None;
            }
        }
        None
    }

    /// The first actor phrase after `from` inside the clause: the topic of a statement
    /// ("expressed concern over the violence in Libya").
    /// A capital named as a place rather than as its government: "a hotel in Mogadishu",
    /// "the streets of Kinshasa" (but "operations around Kyiv" are aimed at it).
    fn is_place(&self, npi: usize) -> bool {
        let np = &self.nps[npi];
        // "stormed a hotel in Mogadishu": a capital after "in" is a place; but
        // "operations around Kyiv" are aimed at it.
        let locative =
            np.prep.is_some_and(|p| matches!(self.toks[p].lower.as_str(), "in" | "at" | "inside" | "across"));
        // "the streets of Kinshasa", "the outskirts of Kyiv": a place too.
        let of_place = np.prep.is_some_and(|p| {
            self.toks[p].lower == "of"
                && p > 0
                && matches!(
                    self.toks[p - 1].lower.as_str(),
                    "street"
                        | "streets"
                        | "city"
                        | "centre"
                        | "center"
                        | "outskirts"
                        | "suburb"
                        | "suburbs"
                        | "heart"
                        | "district"
                        | "districts"
                        | "neighbourhood"
                        | "neighborhood"
                        | "neighbourhoods"
                        | "neighborhoods"
                        | "part"
                        | "parts"
                        | "area"
                        | "areas"
                )
        });
        let locative = locative || of_place;
        let capital = np.members.iter().all(|m| m.kind == MemberKind::Named(casus_dict::ActorKind::Capital));
        locative && capital
    }

    fn first_actor_after(&self, from: usize) -> Option<usize> {
        let n = self.toks.len();
        let mut k = from;
        // "allowed that Mordor isn't ...": PETRARCH takes the subject of a complement
        // clause as the target.
        // ("expressed hopes on Thursday that Osgiliath ...": past a time phrase.)
        // ("begun to question whether he really has much of a future with the Morgul Orcs":
        // PETRARCH resolves no pronoun, so the first named actor of the clause.)
        let that = (from..(from + 4).min(n))
            .find(|&q| matches!(self.toks[q].lower.as_str(), "that" | "whether"))
            .filter(|&q| {
                self.toks[from..q].iter().enumerate().all(|(o, t)| {
                    self.tok_np[from + o].is_none()
                        && matches!(t.class, Class::Prep | Class::Word | Class::Number | Class::Det)
                })
            });
        if let Some(q) = that.filter(|_| self.dict.is_petrarch()) {
            k = q + 1;
            if let Some(npi) = self.tok_np.get(k).copied().flatten() {
                if !self.nps[npi].members.iter().all(|m| m.kind == MemberKind::Pronoun) {
                    return Some(npi);
                }
                return (k..n)
                    .take_while(|&x| !self.boundary(&self.toks[x]) && self.toks[x].class != Class::Comma)
                    .filter_map(|x| self.tok_np[x])
                    .find(|&np| !self.nps[np].members.iter().any(|m| m.kind == MemberKind::Pronoun));
            }
        }
        while k < n && k < from + 10 {
            let t = &self.toks[k];
            if let Some(npi) = self.tok_np[k] {
                let np = &self.nps[npi];
                // "on its border with Ukraine": a possessive pronoun is not the topic.
                if self.toks[np.start].class == Class::PossPron {
                    k = np.end;
                    continue;
                }
                if self.is_place(npi) {
                    k = np.end;
                    continue;
                }
                // ("believes Dagolath and Osgiliath can cope": the same, without "that".)
                let clause_object = self.dict.is_petrarch()
                    && np.start == from
                    && !np.members.iter().any(|m| m.kind == MemberKind::Pronoun);
                return ((!self.starts_clause(npi) || clause_object) && !np.aside).then_some(npi);
            }
            // "the parade supporting Gondor": PETRARCH's object phrase holds its modifier.
            // ("the reopening of guest houses in Bree": a gerund after a determiner is a noun.)
            let modifier = self.dict.is_petrarch()
                && t.gerund
                && k > from
                && ((self.toks[k - 1].class == Class::Word
                    && self.tok_np[k - 1].is_none()
                    && (!self.toks[k - 1].is_inflected_verb() || self.dict_pos_noun(&self.toks[k - 1])))
                    || self.toks[k - 1].class == Class::Det);
            // "to thousands of starving civilians": a gerund as an adjective.
            let adjective =
                t.gerund && self.tok_np.get(k + 1).copied().flatten().is_some_and(|np| self.nps[np].start == k + 1);
            // (The apposition's closing comma, the pattern having matched inside it.)
            if t.class == Class::Comma
                && k == from
                && self.toks.get(k + 1).is_some_and(|n| {
                    matches!(n.lower.as_str(), "against" | "on" | "at" | "into" | "toward" | "towards")
                })
            {
                k += 1;
                continue;
            }
            // "used chloropicrin, a banned chemical weapon, against Ukrainian soldiers": past
            // an apposition between commas.
            if t.class == Class::Comma && self.toks.get(k + 1).is_some_and(|n| matches!(n.class, Class::Det)) {
                let close = (k + 2..self.toks.len().min(k + 8)).find(|&q| self.toks[q].class == Class::Comma);
                let plain = close.is_some_and(|c| {
                    self.toks[k + 1..c]
                        .iter()
                        .all(|w| !w.is_inflected_verb() && !matches!(w.class, Class::Sub | Class::Rel))
                });
                if let (true, Some(c)) = (plain, close) {
                    k = c + 1;
                    continue;
                }
            }
            if (self.boundary(t) && !self.prefix_hyphen(k))
                || matches!(t.class, Class::Sub | Class::Rel | Class::Comma)
                || (t.is_inflected_verb() && !t.participle && !self.dict_pos_noun(t) && !modifier && !adjective)
            {
                return None;
            }
            k += 1;
        }
        None
    }

    /// Whether phrase `np` is the subject of a new clause: a nominative pronoun, or a
    /// phrase followed by a finite verb or auxiliary ("... forces it has deployed").
    fn starts_clause(&self, np: usize) -> bool {
        let p = &self.nps[np];
        if p.end - p.start == 1 && matches!(self.toks[p.start].lower.as_str(), "they" | "he" | "she" | "we" | "i") {
            return true;
        }
        // A following verb (not a noun like "positions") opens a clause.
        self.toks.get(p.end).is_some_and(|t| {
            let nounish = self.dict_pos_noun(t);
            matches!(t.class, Class::Be | Class::Have | Class::Modal | Class::Do)
                || (!nounish && ((t.past && !t.participle) || t.third))
        })
    }

    /// Whether the word is mostly a noun ("positions", "posts"), by the tag dictionary.
    fn dict_pos_noun(&self, t: &Tok<'_>) -> bool {
        t.pos.is_some_and(|tags| tags.starts_with("NN"))
    }

    /// Whether the token at `i` is used as a verb here.
    fn verb_use(&self, i: usize) -> Result<(), &'static str> {
        let t = &self.toks[i];
        if self.tok_np[i].is_some() {
            return Err("part of an actor phrase");
        }
        // "sent troops after rioting in Honiara", "amid fighting in the north": unrest named
        // after a time preposition is the background, not the subject's act.
        if t.gerund
            && i > 0
            && matches!(self.toks[i - 1].lower.as_str(), "after" | "amid" | "following" | "during" | "despite")
            && t.verb_lemma.is_some_and(|l| {
                matches!(l, "riot" | "fight" | "clash" | "loot" | "protest" | "unrest" | "shell" | "skirmish")
            })
            && self.toks.get(i + 1).is_none_or(|n| matches!(n.class, Class::Prep | Class::End | Class::Comma))
            && !self.dict.is_petrarch()
        {
            return Err("unrest after a time preposition: the background");
        }
        // "American military guards tortured detainees": an -s form right before the verb
        // ends its subject.
        if t.third
            && !t.past
            && i > 0
            && self.tok_np[i - 1].is_some()
            && self.toks.get(i + 1).is_some_and(|n| n.past && !n.gerund && n.class == Class::Word && !n.cap)
            && !self.dict.is_petrarch()
        {
            return Err("an -s form before a past verb: a noun ending the subject");
        }
        // "stop buying Russian oil and gas": a bare form after a plain noun and "and" or "or"
        // is a noun coordinated with it.
        if !t.is_inflected_verb() && i >= 2 && matches!(self.toks[i - 1].lower.as_str(), "and" | "or") {
            let pt = &self.toks[i - 2];
            if pt.class == Class::Word
                && self.tok_np[i - 2].is_none()
                && !pt.cap
                && self.dict_pos_noun(pt)
                && !pt.is_inflected_verb()
                && !self.dict.is_petrarch()
            {
                return Err("a bare form after a noun and \"and\": a noun");
            }
        }
        // "an Israeli army patrol": a bare form after a singular phrase has no subject.
        if let Some(npi) = i.checked_sub(1).and_then(|p| self.tok_np[p]) {
            let np = &self.nps[npi];
            let bare = !(t.past || t.participle || t.gerund || t.third);
            let singular = np.members.len() == 1
                && !np.members[0].plural
                && !matches!(np.members[0].kind, MemberKind::Pronoun | MemberKind::Anaphor)
                && !matches!(self.toks[i - 1].lower.as_str(), "police" | "people" | "military" | "authorities");
            let article = matches!(self.toks[np.start].lower.as_str(), "a" | "an" | "the" | "this" | "that");
            if bare && np.end == i && singular && article {
                return Err("a bare form after a singular phrase: a noun");
            }
            // "an anti- Gondor parade": the phrase after a prefix modifies a noun.
            if bare && np.end == i && np.start > 0 && self.prefix_hyphen(np.start - 1) {
                return Err("a bare form after a prefixed phrase: a noun");
            }
        }
        // "pounded Iraqi military targets": an -s form after an actor phrase that is itself
        // an object (after a verb or preposition) is the noun that phrase modifies.
        if let Some(npi) = i.checked_sub(1).and_then(|p| self.tok_np[p]) {
            let np = &self.nps[npi];
            // (Past a determiner: "after the Paris attacks", "a wave of militia raids".)
            let before = (0..np.start).rev().find(|&k| !matches!(self.toks[k].class, Class::Det));
            let object = np.prep.is_some()
                || before.is_some_and(|k| {
                    let b = &self.toks[k];
                    (b.class == Class::Word && b.is_verb_form() && self.tok_np[k].is_none())
                        || b.class == Class::Prep
                        || matches!(b.lower.as_str(), "after" | "before")
                });
            // ("Iraqi military targets", "the use of EU funds", "after the Paris attacks",
            // "a wave of militia raids")
            let singular_head = np.members.len() == 1
                && np.members.last().is_some_and(|m| {
                    !m.plural
                        && matches!(
                            m.kind,
                            MemberKind::Agent
                                | MemberKind::Named(
                                    casus_dict::ActorKind::Igo
                                        | casus_dict::ActorKind::Capital
                                        | casus_dict::ActorKind::Country
                                        | casus_dict::ActorKind::Group
                                )
                        )
                });
            if np.end == i && object && singular_head && t.third && !t.past {
                return Err("after an object phrase: the noun it modifies");
            }
        }
        // "in Israeli jails", "Syrian strikes": a present form after a demonym adjective.
        if let Some(npi) = i.checked_sub(1).and_then(|p| self.tok_np[p]) {
            let np = &self.nps[npi];
            let adjective = np.end == i
                && np.members.len() == 1
                && np.members[0].kind == MemberKind::Named(casus_dict::ActorKind::Demonym)
                && !np.members[0].plural
                && !self.toks[i - 1].lower.ends_with('s');
            if adjective && !t.past && !t.participle {
                return Err("after a demonym adjective: a noun");
            }
        }
        if t.cap && i > 0 && !matches!(self.toks[i - 1].class, Class::Quote | Class::Break) {
            return Err("capitalized inside the sentence: a name");
        }
        // "two hijacked fuel tankers", "the disputed region": a participle between a
        // determiner or number and a noun is an adjective.
        if t.participle && !t.gerund && i > 0 && i + 1 < self.toks.len() {
            let p = &self.toks[i - 1];
            // ("Israel and Islamic Jihad both denied responsibility": a quantifier after the
            // subject floats; it is no determiner.)
            let det = (matches!(p.class, Class::Det | Class::Number | Class::PossPron) || is_number_word(&p.lower))
                && !self.floating_quantifier(i - 1);
            let n = &self.toks[i + 1];
            let noun_next = n.class == Class::Word
                && self.tok_np[i + 1].is_none()
                && self.dict_pos_noun(n)
                && !n.is_inflected_verb();
            if det && noun_next && self.tok_np[i - 1].is_none() {
                return Err("a participle between a determiner and a noun: an adjective");
            }
        }
        // "three surrounding provinces", "a military training camp", "ethnic rioting": a
        // gerund after a determiner, a number, an adjective or "a"/"the" + modifier is a
        // noun or an adjective, not a verb.
        if t.gerund && i > 0 {
            let p = &self.toks[i - 1];
            let next_noun = self.toks.get(i + 1).is_some_and(|n| {
                n.class == Class::Word
                    && self.tok_np[i + 1].is_none()
                    && self.dict_pos_noun(n)
                    && !n.is_inflected_verb()
            });
            let det = matches!(p.class, Class::Det | Class::Number) || is_number_word(&p.lower);
            let adjective = p.class == Class::Word
                && self.tok_np[i - 1].is_none()
                && !p.is_verb_form()
                && !p.cap
                && p.pos.is_some_and(|tags| tags.split(' ').next().is_some_and(|f| f.starts_with("JJ")));
            let after_article_np = self.tok_np[i - 1].is_some_and(|np| {
                let np = &self.nps[np];
                np.end == i && matches!(self.toks[np.start].lower.as_str(), "a" | "an" | "the")
            });
            if (det && next_noun) || adjective || (after_article_np && next_noun) {
                return Err("a gerund after a determiner or adjective: a noun");
            }
        }
        // "arbitrary detention, torture and forced conscription": a bare form in a list of nouns.
        if !t.is_inflected_verb() && i > 1 && self.toks[i - 1].class == Class::Comma {
            let p = &self.toks[i - 2];
            let listed = p.class == Class::Word
                && self.tok_np[i - 2].is_none()
                && self.dict_pos_noun(p)
                && !p.is_inflected_verb();
            let next_list = self
                .toks
                .get(i + 1)
                .is_some_and(|n| n.class == Class::Comma || matches!(n.lower.as_str(), "and" | "or"));
            if listed && next_list {
                return Err("in a list of nouns: a noun");
            }
        }
        // "against what she called a stolen election": naming, not an act.
        if t.verb_lemma.is_some_and(|l| matches!(l, "call" | "describe" | "term" | "dub" | "label" | "brand"))
            && i >= 2
            && self.toks[i - 2].lower == "what"
        {
            return Err("naming after \"what\"");
        }
        // "after rockets were fired": an -s form before an auxiliary is a plural noun.
        if t.third
            && !t.past
            && self.toks.get(i + 1).is_some_and(|n| matches!(n.class, Class::Be | Class::Have | Class::Modal))
        {
            return Err("a plural before an auxiliary: a noun");
        }
        // "after fighting resumed", "shelling continued overnight": a gerund that is the
        // subject of the finite verb after it.
        if t.gerund && !t.cap {
            if let Some(nt) = self.toks.get(i + 1) {
                let finite = nt.class == Class::Word
                    && self.tok_np[i + 1].is_none()
                    && (nt.past || nt.third)
                    && !self.dict_pos_noun(nt);
                let aux = i > 0 && matches!(self.toks[i - 1].class, Class::Be | Class::Have | Class::Modal | Class::Do);
                if finite && i > 0 && !aux && !self.toks[i - 1].is_verb_form() {
                    return Err("a gerund before a finite verb: its subject");
                }
            }
        }
        // "a two-day state visit": nouns after a determiner and modifiers (but "a powerful
        // earthquake struck": a finite form after a noun is its verb).
        let after_noun = i > 0 && {
            let pt = &self.toks[i - 1];
            // ("a finance bill stormed": "bill" is mainly a noun though also a verb; "the
            // Attorney General's Office opened an investigation": a past form after a name's
            // last word too.)
            pt.class == Class::Word && (!pt.cap || (t.past && !t.third && i >= 2)) && self.dict_pos_noun(pt)
        };
        let mut k = if (t.past || t.third) && after_noun { 0 } else { i };
        let mut steps = 0;
        while k > 0 && (steps < 3 || (steps == 3 && self.toks[k - 1].class == Class::Det)) {
            k -= 1;
            let pt = &self.toks[k];
            if self.tok_np[k].is_some() {
                // "their long border dispute": a possessive pronoun is a determiner here.
                if pt.class == Class::PossPron && steps > 0 {
                    return Err("after a determiner and modifiers: a noun");
                }
                break;
            }
            // ("a heated Oval Office meeting": a participle right after the determiner is an
            // adjective.)
            let adjective = pt.participle && k > 0 && self.toks[k - 1].class == Class::Det && steps > 0;
            match pt.class {
                Class::Det | Class::PossPron | Class::PossMark if steps > 0 => {
                    return Err("after a determiner and modifiers: a noun")
                }
                Class::Word | Class::Number if !pt.is_inflected_verb() || adjective => steps += 1,
                _ => break,
            }
        }
        let prev = (0..i).rev().find(|&k| self.toks[k].class != Class::Adv);
        // "two detained Canadian citizens", "tortured detained activists": a participle right
        // before an actor phrase, after a number or another verb, describes it.
        let np_next = self.toks.get(i + 1).is_some() && self.tok_np[i + 1].is_some_and(|n| self.nps[n].start == i + 1);
        if t.participle && !t.gerund && np_next {
            if let Some(p) = prev.filter(|&p| self.tok_np[p].is_none()) {
                let pt = &self.toks[p];
                let number_word = is_number_word(&pt.lower) || pt.lower == "other";
                let lexical_verb = pt.class == Class::Word && pt.is_inflected_verb() && !self.dict_pos_noun(pt);
                if number_word || lexical_verb {
                    return Err("a participle before a phrase it describes");
                }
            }
        }
        // "imports of Russian gas", "at a Philippine supply boat": a bare form right after a
        // phrase inside a prepositional phrase has no subject, so it is a noun.
        if let Some(npi) = prev.and_then(|p| self.tok_np[p]) {
            let bare = !(t.past || t.participle || t.gerund || t.third);
            if bare && self.nps[npi].prep.is_some() && self.nps[npi].end == i {
                return Err("after a phrase in a prepositional phrase: a noun");
            }
        }
        if let Some(p) = prev {
            let pt = &self.toks[p];
            match pt.class {
                // (Not a floating "both": "Israel and Islamic Jihad both denied".)
                Class::Det if self.floating_quantifier(p) && (t.past || t.third) => {}
                Class::Det | Class::PossPron | Class::PossMark => return Err("after a determiner: a noun"),
                Class::Prep if !t.gerund => return Err("after a preposition: a noun"),
                Class::Number => return Err("after a number: a noun"),
                Class::Word if self.tok_np[p].is_none() && !pt.is_verb_form() && !t.is_inflected_verb() => {
                    return Err("after a modifier: a noun")
                }
                Class::Word if self.tok_np[p].is_none() && t.third && !pt.is_verb_form() && pt.class == Class::Word => {
                    return Err("plural noun after a modifier")
                }
                // "the drone attacks": a plural after a word that is mostly a noun.
                Class::Word if self.tok_np[p].is_none() && t.third && !pt.cap && self.dict_pos_noun(pt) => {
                    return Err("plural noun after a noun")
                }
                // "is weighing sanctions": a bare or -s form right after a lexical verb is its object.
                Class::Word
                    if self.tok_np[p].is_none()
                        && pt.is_verb_form()
                        && !self.dict_pos_noun(pt)
                        && !(t.past || t.participle || t.gerund) =>
                {
                    return Err("after a verb: its object, a noun")
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Whether token `q` is "both", "all" or "each" right after an actor phrase: a
    /// quantifier floating after the subject, not a determiner.
    fn floating_quantifier(&self, q: usize) -> bool {
        matches!(self.toks[q].lower.as_str(), "both" | "all" | "each")
            && q > 0
            && self.tok_np[q - 1].is_some_and(|np| self.nps[np].end == q)
    }

    /// Whether the token is a form of a reporting verb ("said", "saying", "told").
    fn speech_verb(&self, t: &Tok<'_>) -> bool {
        t.verb != crate::annotate::NONE && self.dict.is_speech(t.verb)
    }

    /// Why an action at `i` is not a reported fact, if it is not.
    fn irrealis(&self, i: usize) -> Option<Irrealis> {
        // "If Pakistan attacks, ...": a condition, not a report.
        for k in (0..i).rev().take(8) {
            let t = &self.toks[k];
            if matches!(t.lower.as_str(), "if" | "unless" | "whether" | "lest") {
                return Some(Irrealis::Other(format!("condition (\"{}\")", t.text)));
            }
            if self.boundary(t) || t.class == Class::Comma {
                break;
            }
        }
        // "demands that President Assad step down": a bare form after "that" and a singular
        // subject is a subjunctive, asked for, not done.
        let tok = &self.toks[i];
        if tok.class == Class::Word && tok.is_verb_form() && !tok.is_inflected_verb() && i > 0 {
            if let Some(np) = self.tok_np[i - 1] {
                let np = &self.nps[np];
                let singular =
                    np.members.len() == 1 && !np.members[0].plural && np.members[0].kind != MemberKind::Pronoun;
                if singular && np.end == i && np.start > 0 && self.toks[np.start - 1].lower == "that" {
                    return Some(Irrealis::Other("a subjunctive after \"that\": asked for, not done".into()));
                }
            }
            // "demanded that Russian authorities fully and transparently investigate": after
            // a demand, "that" and a subject of any number (adverbs between), the same.
            let mut q = i;
            while q > 0 && (self.toks[q - 1].class == Class::Adv || self.toks[q - 1].lower == "and") {
                q -= 1;
            }
            if let Some(np) = q.checked_sub(1).and_then(|p| self.tok_np[p]).filter(|&np| self.nps[np].end == q) {
                let s = self.nps[np].start;
                let demanded = s >= 2
                    && self.toks[s - 1].lower == "that"
                    && self.toks[..s - 1].iter().rev().take(4).any(|w| {
                        w.verb_lemma.is_some_and(|l| {
                            matches!(
                                l,
                                "demand"
                                    | "urge"
                                    | "insist"
                                    | "ask"
                                    | "request"
                                    | "recommend"
                                    | "propose"
                                    | "order"
                                    | "suggest"
                                    | "require"
                                    | "call"
                            )
                        })
                    });
                if demanded && !self.dict.is_petrarch() {
                    return Some(Irrealis::Other("a subjunctive after a demand: asked for, not done".into()));
                }
            }
        }
        // "dismissing accusations that Rwandan troops were fighting alongside M23": an
        // allegation reported, not a fact.
        for k in (i.saturating_sub(14)..i).rev() {
            let t = &self.toks[k];
            if self.boundary(t) || matches!(t.class, Class::Comma) {
                break;
            }
            // "the army denied its artillery had shelled a village": the same without "that"
            // (a subject, then an auxiliary).
            let denies =
                t.verb_lemma.is_some_and(|l| matches!(l, "deny" | "refute")) && (t.past || t.third || t.gerund);
            if denies && k + 2 < i && i - k <= 8 && !self.dict.is_petrarch() {
                let mut q = i;
                while q > k + 1 && matches!(self.toks[q - 1].class, Class::Be | Class::Have | Class::Modal | Class::Adv)
                {
                    q -= 1;
                }
                let subject = q < i
                    && self.toks[k + 1..q].iter().enumerate().all(|(o, w)| {
                        matches!(w.class, Class::Det | Class::PossPron | Class::PossMark)
                            || self.tok_np[k + 1 + o].is_some()
                            || (w.class == Class::Word && !w.is_inflected_verb())
                            || (w.class == Class::Word && self.dict_pos_noun(w))
                    });
                if subject {
                    return Some(Irrealis::Other("a denial's content (a clause after a denial)".into()));
                }
            }
            if t.lower == "that" && k > 0 {
                // "Moscow denied that its forces had targeted civilians": a denial's content.
                let denial = self.toks[k - 1]
                    .verb_lemma
                    .is_some_and(|l| matches!(l, "deny" | "dismiss" | "reject" | "refute" | "dispute"));
                if denial {
                    return Some(Irrealis::Other("a denial's content (\"that\" after a denial)".into()));
                }
                let noun_at = |q: usize| {
                    matches!(
                        self.toks[q].lower.as_str(),
                        "accusation"
                            | "accusations"
                            | "allegation"
                            | "allegations"
                            | "claim"
                            | "claims"
                            | "rumour"
                            | "rumours"
                            | "rumor"
                            | "rumors"
                            | "suspicion"
                            | "suspicions"
                            | "charge"
                            | "charges"
                    )
                };
                // (Also past a source: "accusations from Kinshasa that".)
                let from_pp = (k.saturating_sub(5)..k).any(|q| noun_at(q) && self.toks[q + 1].class == Class::Prep);
                if noun_at(k - 1) || from_pp {
                    return Some(Irrealis::Other("an allegation (\"that\" after an accusation)".into()));
                }
                break;
            }
        }
        // "asked Pakistan to hand over Taliban leaders sheltering on its soil": a gerund
        // right after an object describes it; it is not another act of the subject.
        if self.toks[i].gerund && i > 0 {
            if let Some(np) = self.tok_np[i - 1].filter(|&np| self.nps[np].end == i) {
                let start = self.nps[np].start;
                let object = start > 0 && {
                    let b = &self.toks[start - 1];
                    b.class == Class::Prep
                        || (b.class == Class::Word
                            && b.is_verb_form()
                            && self.tok_np[start - 1].is_none()
                            && (!b.gerund || !self.dict.is_petrarch()))
                };
                if object && !self.dict.is_petrarch() {
                    return Some(Irrealis::Other("a participle describing the object before it".into()));
                }
            }
        }
        // "officials responsible for rigging the vote", "for allegedly violating": a
        // description or an allegation, not a reported act.
        if self.toks[i].gerund && i > 1 && self.toks[i - 1].lower == "for" && self.toks[i - 2].lower == "responsible" {
            return Some(Irrealis::Other("gerund after \"responsible for\": a description".into()));
        }
        if i > 0 && self.toks[i - 1].lower == "allegedly" {
            return Some(Irrealis::Other("\"allegedly\": an allegation".into()));
        }
        // "warned Washington against selling weapons", "barred them from leaving": not done.
        if self.toks[i].gerund && i > 0 && matches!(self.toks[i - 1].lower.as_str(), "against" | "from") {
            let warned = (i.saturating_sub(8)..i - 1).any(|k| {
                self.toks[k].verb_lemma.is_some_and(|l| {
                    matches!(
                        l,
                        "warn"
                            | "caution"
                            | "advise"
                            | "bar"
                            | "ban"
                            | "prevent"
                            | "stop"
                            | "prohibit"
                            | "forbid"
                            | "deter"
                            | "discourage"
                            | "refrain"
                            | "restrain"
                            | "block"
                            | "dissuade"
                    )
                })
            });
            // ("voted against joining the coalition": what one is against is not done.)
            let against = self.toks[i - 1].lower == "against" && !self.dict.is_petrarch();
            if warned || against {
                return Some(Irrealis::Other(format!(
                    "gerund after \"{}\": kept from, not done",
                    self.toks[i - 1].text
                )));
            }
        }
        // "risked wrecking the peace efforts", "avoided attacking": not done.
        if self.toks[i].gerund && i > 0 {
            let p = &self.toks[i - 1];
            if p.verb_lemma.is_some_and(|l| {
                matches!(
                    l,
                    "risk"
                        | "avoid"
                        | "consider"
                        | "contemplate"
                        | "prevent"
                        | "deny"
                        | "refrain"
                        | "resist"
                        | "stop"
                        | "cease"
                        | "quit"
                )
            }) {
                return Some(Irrealis::Other(format!("gerund after \"{}\": not done", p.text)));
            }
        }
        // "deployed troops to help government forces fight insurgents": a purpose; "refusing
        // to let him visit her": a permission, not an act.
        if i > 0 && !self.toks[i].is_inflected_verb() {
            if let Some(np) = self.tok_np[i - 1] {
                let s = self.nps[np].start;
                if s >= 1 && self.toks[s - 1].verb_lemma == Some("let") {
                    return Some(Irrealis::Other("after \"let\": a permission".into()));
                }
                if s >= 2
                    && self.toks[s - 1].verb_lemma.is_some_and(|l| matches!(l, "help" | "enable" | "allow"))
                    && (self.toks[s - 2].class == Class::To
                        // ("thanked Kim for helping Russian forces drive ... out": a reason.)
                        || (self.toks[s - 1].gerund && self.toks[s - 2].lower == "for" && !self.dict.is_petrarch()))
                {
                    return Some(Irrealis::Other(format!("after \"to {}\": a purpose", self.toks[s - 1].text)));
                }
            }
        }
        let mut k = i;
        while k > 0 {
            k -= 1;
            let t = &self.toks[k];
            match t.class {
                // ("Theresa May raised": a name, the subject reached.)
                Class::Modal if self.tok_np[k].is_some() => return None,
                Class::Adv | Class::Neg | Class::Be | Class::Have => continue,
                // "Washington announced that it would ease restrictions": an announced
                // intention (03x), the announcer being the source.
                Class::Modal if matches!(t.lower.as_str(), "would" | "will" | "'ll" | "'d") => {
                    if let Some(g) = self.announced_intent(k) {
                        return Some(Irrealis::Stance { gov: g, stance: Stance::Intent });
                    }
                    if hypothetical_modal(&t.lower) {
                        return Some(Irrealis::Other(format!("hypothetical (\"{}\")", t.text)));
                    }
                    // "Xi will travel to Moscow next week": a plan, coded as the intention
                    // (PETRARCH codes it as the action).
                    if self.dict.is_petrarch() {
                        return None;
                    }
                    return Some(Irrealis::Stance { gov: k, stance: Stance::Intent });
                }
                // "said the United States must scrap sanctions": a demand of the United States.
                Class::Modal if matches!(t.lower.as_str(), "must" | "should") && !self.dict.is_petrarch() => {
                    if let Some((g, y)) = self.reported_obligation(k) {
                        return Some(Irrealis::Directive { gov: g, addressee: y, demand: true });
                    }
                    return Some(Irrealis::Other(format!("hypothetical (\"{}\")", t.text)));
                }
                Class::Modal if hypothetical_modal(&t.lower) => {
                    return Some(Irrealis::Other(format!("hypothetical (\"{}\")", t.text)))
                }
                Class::To => {
                    // "vowed to fight", but "continued to shell"; "agreed on Friday to restore".
                    let mut before = k;
                    if before >= 2 && self.skip_time(before - 2) == before {
                        before -= 2;
                    } else if before >= 1 && self.skip_time(before - 1) == before {
                        before -= 1;
                    }
                    let gov = (0..before).rev().find(|&g| !matches!(self.toks[g].class, Class::Adv | Class::Neg));
                    // "is about to restore ties": imminent, coded as the action (as PETRARCH does).
                    // ("used emergency powers on Tuesday to extend loans": what one uses
                    // something to do is done.)
                    let used = (k.saturating_sub(6)..k).any(|g| {
                        let w = &self.toks[g];
                        w.verb_lemma == Some("use") && (w.past || w.third) && self.tok_np[g].is_none()
                    });
                    let realized = used
                        || gov.is_some_and(|g| {
                            self.toks[g].verb_lemma.is_some_and(realizing_verb) || self.toks[g].lower == "about"
                        });
                    if realized {
                        return None;
                    }
                    // "ordered France to pull its troops out", "called on the two sides to
                    // resume talks": asked of the phrase before "to".
                    if let Some((g, y, demand)) = gov.and_then(|g| self.directive_before(g)) {
                        return Some(Irrealis::Directive { gov: g, addressee: y, demand });
                    }
                    let stance = gov.and_then(|g| stance_of(&self.toks[g]).map(|s| (g, s)));
                    return Some(match stance {
                        Some((g, stance)) => Irrealis::Stance { gov: g, stance },
                        // PETRARCH codes the infinitive's action ("was seen to break into").
                        None if self.dict.is_petrarch()
                            && gov.is_some_and(|g| self.toks[g].is_inflected_verb() && self.tok_np[g].is_none()) =>
                        {
                            return None
                        }
                        None => Irrealis::Other(format!(
                            "infinitive after \"{}\": intended, not done",
                            gov.map_or("", |g| self.toks[g].text)
                        )),
                    });
                }
                Class::Prep if t.lower == "of" && self.toks[i].gerund => {
                    return Some(Irrealis::Other("gerund after \"of\"".into()))
                }
                // "thanked Kim for helping Russian forces", "jailed for inciting": the reason
                // for another act, not an act reported on its own.
                Class::Prep if t.lower == "for" && self.toks[i].gerund && !self.dict.is_petrarch() => {
                    return Some(Irrealis::Other("gerund after \"for\": a reason".into()))
                }
                // "urged Nicaragua to release prisoners and hold free elections": a bare form
                // coordinated with an infinitive is as real as that infinitive.
                Class::Conj
                    if matches!(t.lower.as_str(), "and" | "or")
                        && self.toks[i].class == Class::Word
                        && self.toks[i].is_verb_form()
                        && !self.toks[i].is_inflected_verb()
                        && !self.dict.is_petrarch() =>
                {
                    let inf = (k.saturating_sub(12)..k)
                        .rev()
                        .take_while(|&q| {
                            let w = &self.toks[q];
                            !self.boundary(w)
                                && !matches!(w.class, Class::Sub | Class::Rel)
                                && !(w.class == Class::Word && (w.third || (w.past && !w.participle)))
                        })
                        .find(|&q| {
                            self.toks[q].class == Class::To
                                && self.toks.get(q + 1).is_some_and(|v| v.is_verb_form() && !v.is_inflected_verb())
                        });
                    return inf.and_then(|q| self.irrealis(q + 1));
                }
                _ => return None,
            }
        }
        None
    }

    /// For an infinitive's governing token `g` that ends an actor phrase ("ordered France
    /// to", "called on the two sides to"): the asking verb before the phrase, the phrase,
    /// and whether it demands (order, tell, demand) rather than appeals (urge, ask).
    fn directive_before(&self, g: usize) -> Option<(usize, usize, bool)> {
        if self.dict.is_petrarch() {
            return None;
        }
        let y = self.tok_np[g]
            .filter(|&y| self.nps[y].end == g + 1 && self.nps[y].prep.is_none_or(|p| self.toks[p].lower == "on"))?;
        let mut v = self.nps[y].start.checked_sub(1)?;
        // ("called on", "appealed to": past the particle.)
        if matches!(self.toks[v].lower.as_str(), "on" | "upon" | "to") {
            v = v.checked_sub(1)?;
        }
        let w = &self.toks[v];
        if self.tok_np[v].is_some() || !(w.past || w.third || w.participle || w.gerund) {
            return None;
        }
        let demand = match w.verb_lemma? {
            "order" | "tell" | "demand" | "instruct" | "command" | "direct" | "require" | "summon" => true,
            "urge" | "ask" | "call" | "appeal" | "press" | "encourage" | "invite" | "implore" | "beg" | "exhort"
            | "petition" | "request" => false,
            _ => return None,
        };
        Some((v, y, demand))
    }

    /// For "must"/"should" at `k` in "X said (that) Y must ...", "X told Y it must ...":
    /// the speech verb and Y's phrase.
    fn reported_obligation(&self, k: usize) -> Option<(usize, usize)> {
        let mut q = k;
        while q > 0 && self.toks[q - 1].class == Class::Adv {
            q -= 1;
        }
        let y = self.tok_np[q.checked_sub(1)?].filter(|&y| self.nps[y].end == q && self.nps[y].prep.is_none())?;
        let mut g = self.nps[y].start.checked_sub(1)?;
        if self.toks[g].lower == "that" {
            g = g.checked_sub(1)?;
        }
        // "told the government in Kinshasa it must": past the one told (and its
        // prepositional phrases).
        let mut told_np = None;
        for _ in 0..3 {
            match self.tok_np[g] {
                Some(told) => {
                    told_np = Some(told);
                    g = self.nps[told].start.checked_sub(1)?;
                }
                None => break,
            }
            if self.toks[g].class == Class::Prep && self.toks[g].lower != "that" {
                g = g.checked_sub(1)?;
            }
        }
        // ("told the government ... it must": "it" is the one told.)
        let y = match told_np {
            Some(t) if self.nps[y].members.iter().all(|m| m.kind == MemberKind::Pronoun) => t,
            _ => y,
        };
        if g >= 2 && self.skip_time(g - 1) == g + 1 {
            g -= 2;
        } else if g >= 1 && self.skip_time(g) == g + 1 {
            g -= 1;
        }
        let speech_at = |g: usize| {
            let t = &self.toks[g];
            t.verb_lemma
                .is_some_and(|l| matches!(l, "say" | "tell" | "insist" | "declare" | "state" | "stress" | "add"))
                && (t.past || t.third)
        };
        if speech_at(g) {
            return Some((g, y));
        }
        // '"Britain must release the tanker," the spokesman said': the attribution after
        // the closing quotation mark.
        let opens_quote = self.toks[..self.nps[y].start].iter().any(|t| t.class == Class::Quote);
        let close = (k..self.toks.len()).find(|&q| self.toks[q].class == Class::Quote)?;
        if !opens_quote {
            return None;
        }
        (close + 1..(close + 12).min(self.toks.len()))
            .take_while(|&q| !self.boundary(&self.toks[q]))
            .find(|&q| speech_at(q) && self.tok_np[q].is_none())
            .map(|q| (q, y))
    }

    /// The announcing verb of "X said (that) it would ...", for the modal at `k`: the
    /// clause's subject is a pronoun standing for the announcer.
    fn announced_intent(&self, k: usize) -> Option<usize> {
        let pron = k.checked_sub(1)?;
        // ("told Ukrainian negotiators that Moscow would scale back": the speaker's own
        // side named, not a pronoun.)
        let own_side = if self.toks[pron].class != Class::Pron
            || !matches!(self.toks[pron].lower.as_str(), "it" | "they" | "he" | "she" | "we")
        {
            let np = self.tok_np[pron].filter(|&np| self.nps[np].end == k && !self.dict.is_petrarch())?;
            Some(np)
        } else {
            None
        };
        let mut subj_start = own_side.map_or(pron, |np| self.nps[np].start);
        // ("said his government would release": past the possessive.)
        if own_side.is_some() && subj_start > 0 && self.toks[subj_start - 1].class == Class::PossPron {
            subj_start -= 1;
        }
        let mut g = subj_start.checked_sub(1)?;
        if self.toks[g].lower == "that" {
            g = g.checked_sub(1)?;
        }
        // "told Ukrainian negotiators that": past the one told.
        if own_side.is_some() {
            if let Some(told) = self.tok_np[g] {
                g = self.nps[told].start.checked_sub(1)?;
            }
        }
        // "said on Monday it would": past the time adverbial.
        if g >= 2 && self.skip_time(g - 1) == g + 1 {
            g -= 2;
        } else if g >= 1 && self.skip_time(g) == g + 1 {
            g -= 1;
        }
        // "warned the United States on Tuesday that it would": past the one warned (a
        // word of an actor's name is no verb: "the United States").
        if own_side.is_none() {
            if let Some(told) = self.tok_np[g] {
                g = self.nps[told].start.checked_sub(1)?;
                if !self.toks[g].verb_lemma.is_some_and(telling_verb) {
                    return None;
                }
            }
        }
        let t = &self.toks[g];
        let announces = t.verb_lemma.is_some_and(|l| {
            matches!(
                l,
                "warn"
                    | "say"
                    | "announce"
                    | "declare"
                    | "state"
                    | "confirm"
                    | "indicate"
                    | "promise"
                    | "pledge"
                    | "vow"
                    | "insist"
                    | "reiterate"
                    | "signal"
                    | "add"
                    | "tell"
                    | "assure"
                    | "inform"
            )
        });
        let g = (announces && (t.past || t.third || t.participle)).then_some(g)?;
        if let Some(np) = own_side {
            let said_by = self.subject(g)?;
            let country = |n: usize| self.actors(n, None).first().and_then(|a| a.code.country().map(str::to_owned));
            if country(np).is_none() || country(np) != country(said_by) {
                return None;
            }
        }
        Some(g)
    }

    fn negated(&self, from: usize, verb: usize) -> bool {
        let start = from.max(verb.saturating_sub(5)).min(verb);
        // "Neither Ethiopia nor Egypt signed", "No new sanctions were imposed".
        let clause_start =
            (0..verb).rev().take(8).take_while(|&k| !self.boundary(&self.toks[k])).last().unwrap_or(verb);
        let nobody = self.toks[clause_start..verb]
            .iter()
            .any(|t| matches!(t.lower.as_str(), "neither" | "no" | "none" | "nobody"));
        // "did not conduct a nuclear test or launch a missile": a bare verb after "or" shares
        // the negation of the verb it is coordinated with ("nor" negates on its own).
        let coordinated = verb > 0
            && !self.dict.is_petrarch()
            && !self.toks[verb].is_inflected_verb()
            && match self.toks[verb - 1].lower.as_str() {
                "nor" => true,
                "or" => (verb.saturating_sub(14)..verb - 1)
                    .rev()
                    .take_while(|&k| !self.boundary(&self.toks[k]))
                    .any(|k| self.toks[k].class == Class::Neg),
                _ => false,
            };
        nobody
            || coordinated
            || self.toks[start..verb].iter().any(|t| t.class == Class::Neg)
            || (verb + 1 < self.toks.len()
                && self.toks[verb + 1].class == Class::Neg
                && matches!(self.toks[verb].class, Class::Be | Class::Do))
    }

    fn passive(&self, i: usize) -> bool {
        if !self.toks[i].participle {
            return false;
        }
        let mut k = i;
        while k > 0 {
            k -= 1;
            match self.toks[k].class {
                Class::Adv | Class::Neg => continue,
                Class::Be => return true,
                Class::Have => return false,
                _ => return false,
            }
        }
        false
    }

    /// A gerund after a determiner or possessive, before a noun: an adjective ("Mali's
    /// ruling junta", "the governing coalition").
    fn adjectival_gerund(&self, k: usize) -> bool {
        self.toks[k].gerund && k > 0 && matches!(self.toks[k - 1].class, Class::PossMark | Class::Det | Class::PossPron)
    }

    /// A participle right after a noun, without "be", before a preposition or the end:
    /// a reduced relative clause ("the sailors captured in the strait"), passive in meaning.
    fn reduced_passive(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if !t.participle || i == 0 || self.passive(i) {
            return false;
        }
        // Verbs that take no object are never passive ("Protesters demanding the
        // resignation of Prime Minister Sogavare rioted").
        if t.verb_lemma.is_some_and(|l| {
            matches!(
                l,
                "riot"
                    | "clash"
                    | "rally"
                    | "march"
                    | "demonstrate"
                    | "gather"
                    | "mutiny"
                    | "revolt"
                    | "rebel"
                    | "erupt"
                    | "flee"
                    | "die"
                    | "arrive"
                    | "land"
                    | "resign"
                    | "retreat"
                    | "skirmish"
            )
        }) && !self.dict.is_petrarch()
        {
            return false;
        }
        // The noun before must be an object or in a prepositional phrase, not the subject:
        // "Haiti appealed for aid" is active.
        // The phrase may end one plain noun early: "the Ukrainian navy sailors captured in".
        let head_noun = |k: usize| {
            let w = &self.toks[k];
            w.class == Class::Word && !w.cap && self.tok_np[k].is_none() && self.dict_pos_noun(w)
        };
        let npi = match self.tok_np[i - 1] {
            Some(n) => n,
            None if i > 1 && head_noun(i - 1) => match self.tok_np[i - 2] {
                Some(n) => n,
                None => return false,
            },
            None => return false,
        };
        let np = &self.nps[npi];
        // "Forces backed by the coalition attacked ...": a participle with a by-agent, and
        // the clause's finite verb after it.
        if self.toks.get(i + 1).is_some_and(|n| n.lower == "by") {
            let later_verb = self.toks[i + 2..]
                .iter()
                .enumerate()
                .take_while(|(_, w)| !self.boundary(w))
                .any(|(k, w)| self.tok_np[i + 2 + k].is_none() && (w.third || w.past || w.class == Class::Be));
            if later_verb {
                return true;
            }
        }
        if np.members.iter().any(|m| m.kind == MemberKind::Pronoun) || np.start == 0 {
            return false;
        }
        // ("reporting dozens of civilians killed": past the quantity.)
        let mut bs = np.start;
        if bs >= 2
            && self.toks[bs - 1].lower == "of"
            && (self.toks[bs - 2].class == Class::Number
                || is_number_word(&self.toks[bs - 2].lower)
                || matches!(self.toks[bs - 2].lower.as_str(), "dozens" | "hundreds" | "thousands" | "scores"))
        {
            bs -= 2;
        }
        // ("free the more than 200 schoolgirls abducted from": past the count.)
        while bs > 1
            && np.start - bs < 5
            && (matches!(self.toks[bs - 1].class, Class::Number | Class::Det)
                || is_number_word(&self.toks[bs - 1].lower)
                || matches!(
                    self.toks[bs - 1].lower.as_str(),
                    "more" | "than" | "least" | "nearly" | "almost" | "about" | "around" | "some" | "over"
                ))
            && self.tok_np[bs - 1].is_none()
        {
            bs -= 1;
        }
        if bs == 0 {
            return false;
        }
        let before = &self.toks[bs - 1];
        // ("Mali's ruling junta demanded": a gerund right before is an adjective.)
        // ("a move the IAEA chief condemned": a word after a determiner is a noun.)
        // ("release the 15 British sailors and marines seized in": past the first conjunct.)
        if matches!(before.lower.as_str(), "and" | "or") && !self.dict.is_petrarch() {
            let mut k = bs - 1;
            while k > 0
                && k + 8 > bs
                && (self.tok_np[k - 1].is_some()
                    || matches!(self.toks[k - 1].class, Class::Det | Class::Number)
                    || (self.toks[k - 1].class == Class::Word
                        && !self.toks[k - 1].is_verb_form()
                        && self.dict_pos_noun(&self.toks[k - 1])))
            {
                k -= 1;
            }
            if k < bs - 1 && k > 0 {
                bs = k;
            }
        }
        let before = &self.toks[bs - 1];
        let is_object = np.prep.is_some()
            || (before.is_verb_form()
                && !self.adjectival_gerund(bs - 1)
                && self.tok_np[bs - 1].is_none()
                && !(bs >= 2 && self.toks[bs - 2].class == Class::Det));
        // The clause must already have its verb: "Officials in Seoul declined" is active.
        let earlier_verb = self.toks[..np.start].iter().enumerate().any(|(k, w)| {
            self.tok_np[k].is_none()
                && (w.is_inflected_verb() || matches!(w.class, Class::Be | Class::Have | Class::Modal))
        });
        let is_object = is_object && earlier_verb;
        let next_ok =
            self.toks.get(i + 1).is_none_or(|n| matches!(n.class, Class::Prep | Class::To | Class::End | Class::Comma));
        // "said Sudan's RSF and allied militias carried out ethnic cleansing": a particle
        // with an object after it is an active verb ("weapons handed over to" is passive).
        let particle_object = self.toks.get(i + 1).is_some_and(|n| matches!(n.lower.as_str(), "out" | "up"))
            && self.toks.get(i + 2).is_some_and(|n| matches!(n.class, Class::Word | Class::Det | Class::Number));
        is_object && next_ok && !particle_object
    }

    /// The actor phrase after "by" following `from`, for the passive voice.
    fn by_agent(&self, from: usize) -> Option<usize> {
        let n = self.toks.len();
        let mut k = from;
        while k < n && k < from + 8 {
            let t = &self.toks[k];
            if self.boundary(t) {
                return None;
            }
            if t.lower == "by" {
                // "by representatives of the government": who they act for.
                let mut r = k + 1;
                while r < n && r < k + 3 && matches!(self.toks[r].class, Class::Det | Class::Word) {
                    // (also "by a mob of protesters", "by a group of gunmen")
                    let collective = matches!(
                        self.toks[r].lower.as_str(),
                        "mob"
                            | "crowd"
                            | "group"
                            | "gang"
                            | "band"
                            | "unit"
                            | "squad"
                            | "team"
                            | "column"
                            | "detachment"
                    );
                    if (is_representative_head(&self.toks[r].lower) || collective)
                        && self.toks.get(r + 1).is_some_and(|t| t.lower == "of")
                    {
                        return self.of_actor(r + 1).or_else(|| self.np_starting_near(k + 1));
                    }
                    r += 1;
                }
                // "by one of his own police bodyguards": past the part counted.
                let counted = self.toks.get(k + 1).is_some_and(|w| {
                    is_number_word(&w.lower) || matches!(w.lower.as_str(), "one" | "some" | "several" | "members")
                }) && self.toks.get(k + 2).is_some_and(|w| w.lower == "of");
                if counted && !self.dict.is_petrarch() {
                    if let Some(np) = self.np_starting_near(k + 3) {
                        return Some(np);
                    }
                }
                return self.np_starting_near(k + 1);
            }
            k += 1;
        }
        None
    }

    /// The subject of the clause of the verb at `i`: the nearest actor phrase to the left
    /// that is not inside a prepositional phrase or an object of another verb.
    fn subject(&self, i: usize) -> Option<usize> {
        // A common noun right before the verb is the clause's own subject, and not an actor:
        // "after floods destroyed its crops" (not the main clause's subject).
        let mut q = i;
        while q > 0
            && matches!(self.toks[q - 1].class, Class::Adv | Class::Neg | Class::Be | Class::Have | Class::Modal)
        {
            q -= 1;
        }
        if let Some(p) = q.checked_sub(1) {
            let pt = &self.toks[p];
            let time_word = matches!(
                pt.lower.as_str(),
                "week"
                    | "weekend"
                    | "month"
                    | "year"
                    | "day"
                    | "night"
                    | "morning"
                    | "evening"
                    | "afternoon"
                    | "today"
                    | "yesterday"
                    | "tonight"
                    | "time"
                    | "ago"
                    | "decade"
                    | "hour"
                    | "hours"
                    | "weeks"
                    | "months"
                    | "years"
                    | "days"
            );
            // (Not the head of an actor phrase the chunker stopped short of: "Palestinian leaders".)
            let after_actor = p > 0 && self.tok_np[p - 1].is_some();
            // "a joint EU statement criticising China": the phrase's actor speaks.
            if after_actor && p + 1 == i && self.toks[i].gerund && pt.class == Class::Word && self.tok_np[p].is_none() {
                return self.tok_np[p - 1];
            }
            if pt.class == Class::Word
                && self.tok_np[p].is_none()
                && !after_actor
                && !pt.cap
                && !time_word
                && self.dict_pos_noun(pt)
            {
                // "Caras Galadhon's new mayor left": PETRARCH takes the owner's code; so do
                // we for those who speak for it ("the government's chief negotiator said").
                if self.dict.is_petrarch() || speaks_for(&pt.lower) {
                    let mut b = p;
                    while b > 0 && b + 4 > p && self.toks[b - 1].class == Class::Word && self.tok_np[b - 1].is_none() {
                        b -= 1;
                    }
                    if b > 1 && self.toks[b - 1].class == Class::PossMark {
                        if let Some(owner) = self.tok_np[b - 2].filter(|&np| self.nps[np].prep.is_none()) {
                            return Some(owner);
                        }
                    }
                }
                // "An Israeli air strike killed", "a Russian missile hit": a weapon or attack
                // noun after a demonym is that country's act.
                let mut c = p;
                while c > 0 && p - c < 2 && self.toks[c - 1].class == Class::Word && self.tok_np[c - 1].is_none() {
                    c -= 1;
                }
                if let Some(np) = c.checked_sub(1).and_then(|q| self.tok_np[q]) {
                    let weaponish = matches!(
                        pt.lower.trim_end_matches('s'),
                        "strike"
                            | "airstrike"
                            | "missile"
                            | "rocket"
                            | "drone"
                            | "shell"
                            | "raid"
                            | "bomb"
                            | "attack"
                            | "barrage"
                    );
                    let demonym = self.nps[np].end == c
                        && self.nps[np].members.len() == 1
                        && self.nps[np].members[0].kind == MemberKind::Named(casus_dict::ActorKind::Demonym)
                        && self.nps[np].prep.is_none();
                    if weaponish && demonym && !self.dict.is_petrarch() {
                        return Some(np);
                    }
                }
                // "US warplanes and cruise missiles pounded": weapons coordinated with the
                // actor that uses them.
                let mut c = p;
                while c > 0 && p - c < 3 && self.toks[c - 1].class == Class::Word && self.tok_np[c - 1].is_none() {
                    c -= 1;
                }
                if c > 1 && self.toks[c - 1].lower == "and" {
                    if let Some(np) = self.tok_np[c - 2] {
                        // ("NATO warplanes": an alliance's aircraft are armed too.)
                        let armed_head = self.nps[np].end.checked_sub(1).is_some_and(|h| {
                            matches!(
                                self.toks[h].lower.trim_end_matches('s'),
                                "warplane" | "jet" | "bomber" | "helicopter" | "drone" | "warship" | "troop"
                            )
                        });
                        let armed_np = armed_head
                            || self.nps[np].members.iter().any(|m| {
                                m.code.as_ref().is_some_and(|c| c.roles().any(|r| matches!(r, "MIL" | "REB" | "UAF")))
                            });
                        if self.nps[np].prep.is_none() && !self.nps[np].possessive && armed_np {
                            return Some(np);
                        }
                    }
                }
                // "Militants armed with machetes and knives hacked": the nouns belong to a
                // participle's "with" phrase; the subject is before it.
                // (So does "backed by US air strikes".)
                let armed = (p.saturating_sub(6)..p)
                    .rev()
                    .find(|&w| matches!(self.toks[w].lower.as_str(), "with" | "by"))
                    .is_some_and(|w| {
                        w > 1
                            && self.toks[w - 1].participle
                            && self.tok_np[w - 2].is_some()
                            && self.toks[w + 1..p].iter().enumerate().all(|(o, x)| {
                                matches!(x.class, Class::Word | Class::Comma | Class::Det | Class::Number)
                                    && !x.is_inflected_verb()
                                    || x.lower == "and"
                                    || self.tok_np[w + 1 + o].is_some()
                            })
                    });
                // "Regional forces from Ethiopia's Amhara region carried out": the noun ends
                // a prepositional phrase after the subject.
                if !self.dict.is_petrarch() {
                    let mut w = p;
                    while w > 0
                        && p - w < 6
                        && (matches!(self.toks[w - 1].class, Class::Word | Class::PossMark | Class::Det)
                            && !self.toks[w - 1].is_inflected_verb()
                            || self.tok_np[w - 1].is_some())
                    {
                        w -= 1;
                    }
                    let owner =
                        w.checked_sub(1).filter(|&q| matches!(self.toks[q].lower.as_str(), "from" | "of" | "in"));
                    if let Some(np) = owner.and_then(|q| q.checked_sub(1)).and_then(|q| self.tok_np[q]) {
                        let n = &self.nps[np];
                        let at_start = n.start == 0
                            || matches!(
                                self.toks[n.start - 1].class,
                                Class::Comma | Class::Break | Class::Sub | Class::Quote | Class::Conj
                            );
                        if n.end == w - 1 && n.prep.is_none() && !n.possessive && at_start {
                            return Some(np);
                        }
                    }
                }
                if !armed {
                    // "Protesters demanding a new constitution clashed": the noun is the
                    // object of a participle that describes the subject before it.
                    if !self.dict.is_petrarch() {
                        let g = (p.saturating_sub(8)..p).rev().take_while(|&w| {
                            let x = &self.toks[w];
                            !self.boundary(x)
                                && !matches!(x.class, Class::Sub | Class::Rel | Class::Comma)
                                && !(x.class == Class::Word && (x.third || (x.past && !x.participle)) && !x.gerund)
                        });
                        // ("Protesters opposed to a finance bill stormed": a participle
                        // before "to" or a preposition too.)
                        let describes = |w: usize| {
                            let x = &self.toks[w];
                            x.gerund
                                || (x.participle
                                    && !self.speech_verb(x)
                                    && self.toks.get(w + 1).is_some_and(|n| matches!(n.class, Class::To | Class::Prep)))
                        };
                        let modified = g.filter(|&w| describes(w) && w > 0).find_map(|w| {
                            self.tok_np[w - 1].filter(|&np| self.nps[np].end == w && self.nps[np].prep.is_none())
                        });
                        if let Some(np) = modified {
                            return Some(np);
                        }
                    }
                    return None;
                }
            }
        }
        let mut k = i;
        while k > 0 {
            k -= 1;
            let t = &self.toks[k];
            // "a strike, which officials said had killed dozens": the speaker is not the
            // subject of the verb right after "said".
            if t.class == Class::Word
                && self.tok_np[k].is_none()
                && self.speech_verb(t)
                && self.toks[k + 1..i]
                    .iter()
                    .all(|w| matches!(w.class, Class::Adv | Class::Have | Class::Be | Class::Modal))
                && k + 1 < i + 1
            {
                return None;
            }
            // "an earthquake struck the region and killed 1,000 people": a coordinated
            // verb shares the common-noun subject of the verb before it.
            if k > 1
                && k + 1 < i
                && t.class == Class::Word
                && self.tok_np[k].is_none()
                && t.is_verb_form()
                && (t.past || t.third)
                && !t.gerund
            {
                let pt = &self.toks[k - 1];
                // (Not "detained the mayor on corruption charges ... and banned": a noun
                // after a preposition.)
                if pt.class == Class::Word
                    && self.tok_np[k - 1].is_none()
                    && self.tok_np[k - 2].is_none()
                    && !matches!(self.toks[k - 2].class, Class::Prep | Class::Det | Class::PossPron)
                    && !pt.cap
                    && !pt.is_verb_form()
                    && self.dict_pos_noun(pt)
                    && self.toks[k + 1..i].iter().any(|w| w.lower == "and")
                {
                    return None;
                }
            }
            if let Some(npi) = self.tok_np[k] {
                let np = &self.nps[npi];
                k = np.start;
                // "A roadside bomb planted by Iraqi insurgents killed four soldiers": the agent
                // of a participle modifying a subject that is no actor.
                if let Some(p) = np.prep.filter(|&p| self.toks[p].lower == "by" && p >= 2) {
                    let part = &self.toks[p - 1];
                    let thing = &self.toks[p - 2];
                    if part.participle
                        && !part.gerund
                        && thing.class == Class::Word
                        && self.tok_np[p - 2].is_none()
                        && self.dict_pos_noun(thing)
                        && !self.dict.is_petrarch()
                    {
                        return Some(npi);
                    }
                }
                // "a spokesman for the Liberian government declined": the actor speaks
                // through its representative.
                if self.owner_of_subject(npi, false) {
                    return Some(npi);
                }
                if np.prep.is_some() || np.possessive || np.aside {
                    continue;
                }
                // "demanded that Canada release her ... and warned of consequences": a
                // coordinated verb shares the main clause's subject, not the subject of a
                // "that" clause on the way.
                let coordinated = i > 0 && self.toks[i - 1].lower == "and";
                if coordinated && np.start > 0 && self.toks[np.start - 1].lower == "that" {
                    continue;
                }
                // "leapt to Iran's defence, saying Tehran had every right to ..., and accused
                // Washington": nor the subject of a clause after a speaking participle.
                let speaking = |w: &Tok<'_>| w.gerund && self.speech_verb(w);
                if coordinated && np.start > 0 && speaking(&self.toks[np.start - 1]) && !self.dict.is_petrarch() {
                    continue;
                }
                // An object of another verb ("attacked Y and shelled Z") unless that verb
                // takes a clause ("said Y attacked Z").
                // ("accused two officials": past a number or determiner.)
                let mut b = np.start;
                // (and adjectives: "received the visiting Iraqi prime minister")
                while b > 0
                    && (matches!(self.toks[b - 1].class, Class::Number | Class::Det)
                        || is_number_word(&self.toks[b - 1].lower)
                        || (b >= 2 && self.adjectival_gerund(b - 1))
                        // ("killed scores of Yazidi villagers ... and abducted")
                        || (b >= 2
                            && self.toks[b - 1].lower == "of"
                            && (self.toks[b - 2].class == Class::Number
                                || is_number_word(&self.toks[b - 2].lower)
                                || matches!(
                                    self.toks[b - 2].lower.as_str(),
                                    "scores" | "dozens" | "hundreds" | "thousands" | "millions" | "tens"
                                ))))
                    && self.tok_np[b - 1].is_none()
                {
                    b -= 1;
                }
                // (And a possessor no actor: "detained Istanbul's opposition mayor ... and
                // banned".)
                if b >= 3
                    && self.toks[b - 1].class == Class::PossMark
                    && self.toks[b - 2].class == Class::Word
                    && self.tok_np[b - 2].is_none()
                {
                    b -= 2;
                }
                // (And one plain modifier: "found veteran dissident Wei Jingsheng guilty ...
                // and sentenced him".)
                if b >= 2
                    && self.toks[b - 1].class == Class::Word
                    && !self.toks[b - 1].cap
                    && !self.toks[b - 1].is_verb_form()
                    && self.tok_np[b - 1].is_none()
                    && self.toks[b - 2].class == Class::Word
                    && self.toks[b - 2].is_inflected_verb()
                    && self.tok_np[b - 2].is_none()
                {
                    b -= 1;
                }
                // ("fired tear gas at thousands of students ... and arrested": a counted
                // phrase after a preposition is its object.)
                if b < np.start && b > 0 && self.toks[b - 1].class == Class::Prep && !self.dict.is_petrarch() {
                    continue;
                }
                if b > 0 {
                    let before = &self.toks[b - 1];
                    // ("Public sector workers": a base form read first as a noun is no verb.)
                    let compound = b == 1
                        || self.toks[b - 2].class == Class::Word
                            && self.tok_np[b - 2].is_none()
                            && !self.toks[b - 2].is_verb_form();
                    let verbish = before.is_inflected_verb()
                        || before.pos.and_then(|p| p.split(' ').next()).is_none_or(|p| p.starts_with("VB"))
                        || !compound
                        || self.dict.is_petrarch();
                    if before.class == Class::Word
                        && before.is_verb_form()
                        && verbish
                        && self.tok_np[b - 1].is_none()
                        && !self.adjectival_gerund(b - 1)
                        && !(b >= 2 && self.toks[b - 2].class == Class::Det)
                    {
                        let takes_clause = self.speech_verb(before)
                            || before.verb_lemma.is_some_and(|l| {
                                matches!(
                                    l,
                                    "say"
                                        | "believe"
                                        | "think"
                                        | "fear"
                                        | "know"
                                        | "hope"
                                        | "expect"
                                        | "suggest"
                                        | "show"
                                        | "mean"
                                )
                            });
                        // ("accused two officials of spying and ordered": an object, as no
                        // verb follows the phrase.)
                        let clause_follows = self.toks.get(np.end).is_some_and(|w| {
                            matches!(w.class, Class::Be | Class::Have | Class::Modal | Class::Do | Class::Adv)
                                || (w.is_verb_form() && w.is_inflected_verb())
                        });
                        // (The "and" joins the verbs, not "Sudan's RSF and allied militias".)
                        let mut j = i;
                        while j > np.end && self.toks[j - 1].class == Class::Adv {
                            j -= 1;
                        }
                        // (", warning that": a participle after a comma shares the main subject.)
                        let and_verb = j > np.end
                            && (self.toks[j - 1].lower == "and"
                                || (self.toks[j - 1].class == Class::Comma && self.toks[i].gerund));
                        if !takes_clause || (!clause_follows && and_verb) {
                            continue;
                        }
                    }
                }
                return Some(npi);
            }
            match t.class {
                Class::Break if matches!(t.lower.as_str(), ";" | ":") => return None,
                // "after clashes between border guards": a finite verb right after "after",
                // "when", "because" has its own subject there or none.
                // ("when asked about", "if elected": a participle there is passive.)
                Class::Sub
                    if k + 1 == i && !self.toks[i].gerund && (!self.toks[i].participle || !self.dict.is_petrarch()) =>
                {
                    return None
                }
                // "after days of fighting in Khartoum killed hundreds": the clause a
                // subordinator opens has a subject of its own that is no actor.
                Class::Sub
                    if !self.toks[i].gerund
                        && (self.toks[i].past || self.toks[i].third)
                        && !self.dict.is_petrarch()
                        && matches!(
                            t.lower.as_str(),
                            "after" | "before" | "when" | "because" | "since" | "although" | "though" | "while"
                                | "until" | "once" | "whereas" | "if" | "unless" | "where"
                        )
                        && self.toks[k + 1..i].iter().enumerate().any(|(o, w)| {
                            w.class == Class::Word
                                && self.tok_np[k + 1 + o].is_none()
                                && !w.cap
                                && (!w.is_inflected_verb() || w.third)
                                && self.dict_pos_noun(w)
                        })
                        // (Not a coordinated verb: "before dawn and seized the capital".)
                        && !self.toks[k + 1..i]
                            .iter()
                            .any(|w| matches!(w.class, Class::Conj | Class::Comma | Class::Break)) =>
                {
                    return None
                }
                Class::Rel => {
                    // "the rebels, who attacked": the antecedent is the subject.
                    let mut a = k;
                    while a > 0 && self.toks[a - 1].class == Class::Comma {
                        a -= 1;
                    }
                    if a > 0 {
                        if let Some(npi) = self.tok_np[a - 1] {
                            // "the attack on peacekeepers in Mali, which killed": a place is
                            // not what "which" stands for.
                            let place = self.nps[npi].prep.is_some_and(|p| {
                                matches!(self.toks[p].lower.as_str(), "in" | "at" | "near" | "inside")
                            });
                            if place && matches!(t.lower.as_str(), "which" | "that") {
                                return None;
                            }
                            return Some(npi);
                        }
                    }
                    // (A coordinated verb looks past a "that" clause to the main subject.)
                    if t.lower == "that" && !(i > 0 && self.toks[i - 1].lower == "and") {
                        return None;
                    }
                    // "a new missile, which landed in the sea": "which" right before the verb
                    // stands for a thing, not for an actor further back.
                    if t.lower == "which"
                        && self.toks[k + 1..i]
                            .iter()
                            .all(|w| matches!(w.class, Class::Adv | Class::Have | Class::Be | Class::Modal))
                    {
                        return None;
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// Whether actor phrase `npi` completes a subject headed by a common noun: "a spokesman
    /// for the government", "members of the junta" (with `any_noun`, also "shares in Yukos",
    /// "the offices of the newspaper": the owner is the target of a passive verb).
    fn owner_of_subject(&self, npi: usize, any_noun: bool) -> bool {
        let Some(p) = self.nps[npi].prep else { return false };
        if !matches!(self.toks[p].lower.as_str(), "of" | "for" | "in" | "at" | "from") || p == 0 {
            return false;
        }
        let head = &self.toks[p - 1];
        if head.class != Class::Word
            || self.tok_np[p - 1].is_some()
            || (head.cap && p > 1)
            || !(self.dict_pos_noun(head) || head.lower.ends_with('s') || speaks_for(&head.lower))
        {
            return false;
        }
        if !any_noun {
            // ("Supporters of opposition leader Tshisekedi burned tyres": a movement's own
            // people.)
            let followers = matches!(head.lower.as_str(), "supporters" | "followers" | "loyalists" | "partisans")
                && !self.dict.is_petrarch()
                && self.nps[npi].members.iter().all(|m| {
                    m.code.is_some_and(|c| c.roles().any(|r| matches!(r, "OPP" | "PTY" | "REB" | "SEP" | "INS")))
                });
            let representative = speaks_for(&head.lower) || followers;
            // ("Inspectors from the IAEA are investigating": those sent by it.)
            let from = self.toks[p].lower == "from"
                && matches!(
                    head.lower.trim_end_matches('s'),
                    "inspector"
                        | "investigator"
                        | "monitor"
                        | "expert"
                        | "observer"
                        | "envoy"
                        | "delegate"
                        | "delegation"
                        | "representative"
                        | "official"
                        | "diplomat"
                );
            if !representative || !(matches!(self.toks[p].lower.as_str(), "of" | "for") || from) {
                return false;
            }
        }
        // The head noun starts the clause: only determiners and modifiers before it.
        let mut s = p - 1;
        while s > 0 {
            let t = &self.toks[s - 1];
            let modifier = match t.class {
                Class::Det | Class::Number | Class::Adv => true,
                // ("Two officers of ...": a number word, capitalised at the start.)
                Class::Word if is_number_word(&t.lower) => true,
                Class::Word => self.tok_np[s - 1].is_none() && !t.is_verb_form() && !t.cap,
                _ => false,
            };
            if !modifier {
                break;
            }
            s -= 1;
        }
        // "Senegal's President Wade, the chairman of ECOWAS, offered": an apposition to the
        // actor before the comma describes that actor, who is the subject.
        let apposition = s >= 2
            && self.toks[s - 1].class == Class::Comma
            && self.tok_np[s - 2]
                .is_some_and(|q| self.nps[q].prep.is_none() && self.nps[q].members.iter().any(|m| m.code.is_some()))
            && !self.dict.is_petrarch();
        if apposition {
            return false;
        }
        // ("Serbia's chief of general staff placed the army": after an owner that starts
        // the clause.)
        let owned = s >= 2
            && self.toks[s - 1].class == Class::PossMark
            && !self.dict.is_petrarch()
            && self.tok_np[s - 2].is_some_and(|q| {
                let st = self.nps[q].start;
                st == 0 || matches!(self.toks[st - 1].class, Class::Comma | Class::Break)
            });
        s == 0
            || owned
            || matches!(self.toks[s - 1].class, Class::Comma | Class::Break | Class::Rel)
            || self.toks[s - 1].lower == "that"
            || (self.toks[s - 1].class == Class::Word && self.toks[s - 1].is_verb_form() && {
                // ("said a spokesman for ...", but not the object of "raided the offices of".)
                let v = &self.toks[s - 1];
                self.dict.is_petrarch() || self.speech_verb(v) || !v.is_inflected_verb()
            })
    }

    /// The actors of phrase `k` (pronouns resolved), for the explain report and memory.
    pub fn actors_of(&self, k: usize) -> Vec<Actor> {
        self.actors(k, None)
    }

    /// The code of an agent `code` at token `start` after a possessive pronoun, from the
    /// pronoun's antecedent: its country ("the Nigerian army said its troops" → NGAMIL), or
    /// a group itself ("JNIM said its fighters" → JNIM's code).
    fn owned_agent(&self, npi: usize, start: usize, code: ActorCode) -> Option<ActorCode> {
        let p = start.checked_sub(1)?;
        let t = &self.toks[p];
        if t.class != Class::PossPron || p < self.nps[npi].start.saturating_sub(1) {
            return None;
        }
        let (plural, personal) = match t.lower.as_str() {
            "its" => (false, false),
            "their" => (true, false),
            "his" | "her" => (false, true),
            _ => return None,
        };
        let ante = self.resolve(npi, false, plural, personal, None)?;
        let owner = ante.first()?;
        if owner.kind == MemberKind::Named(casus_dict::ActorKind::Group) {
            return Some(owner.code);
        }
        owner.code.country().map(|c| code.with_country(c))
    }

    /// Whether an actor with a country is named before token `at` in the sentence.
    fn country_before(&self, at: usize) -> bool {
        self.nps.iter().flat_map(|np| &np.members).any(|m| m.end <= at && m.code.is_some_and(|c| c.has_country()))
    }

    /// The code of the armed group named last before "the militants" (tokens `start..end`,
    /// after "the") in the sentence.
    fn group_before(&self, start: usize, end: usize) -> Option<ActorCode> {
        let head = end - 1;
        if self.dict.is_petrarch() || head == 0 || head > start + 1 || self.toks[head - 1].lower != "the" {
            return None;
        }
        let fighters = matches!(
            self.toks[head].lower.as_str(),
            "militants"
                | "rebels"
                | "insurgents"
                | "guerrillas"
                | "fighters"
                | "jihadists"
                | "extremists"
                | "militia"
                | "militiamen"
        );
        if !fighters {
            return None;
        }
        self.nps
            .iter()
            .flat_map(|np| &np.members)
            .filter(|m| m.end <= start && m.kind == MemberKind::Named(casus_dict::ActorKind::Group))
            .filter_map(|m| m.code)
            .rfind(|c| c.roles().any(|r| matches!(r, "REB" | "INS" | "SEP" | "UAF")) || c.as_str().starts_with("IMG"))
    }

    /// The country of an earlier actor in the sentence with the same head noun as the
    /// bare agent at tokens `start..end` ("Myanmar's junta freed ... and praised the junta").
    fn named_before(&self, start: usize, end: usize) -> Option<&'s str> {
        let head = |k: usize| self.toks[k].lower.trim_end_matches('s');
        let h = head(end - 1);
        self.nps
            .iter()
            .flat_map(|np| &np.members)
            .filter(|m| m.end <= start && m.kind == MemberKind::Agent && head(m.end - 1) == h)
            .filter_map(|m| m.code.as_ref())
            .filter_map(|c| c.country())
            .next_back()
    }

    /// The actors of a phrase, with pronouns and anaphors resolved.
    fn actors(&self, npi: usize, exclude: Option<&[Actor]>) -> Vec<Actor> {
        let np = &self.nps[npi];
        let mut out = Vec::new();
        for m in &np.members {
            let span = Span::new(self.toks[m.start].span.start, self.toks[m.end - 1].span.end);
            let text = self.doc_text.get(span.range()).unwrap_or("").to_owned();
            match (m.kind, m.code) {
                (MemberKind::Pronoun | MemberKind::Anaphor, _) => {
                    let lower = &self.toks[m.start].lower;
                    if let Some(ante) =
                        self.resolve(npi, m.kind == MemberKind::Anaphor, m.plural, pronoun_is_personal(lower), exclude)
                    {
                        for a in ante {
                            out.push(Actor { span, text: text.clone(), via: Some(a.text.clone()), ..a });
                        }
                    }
                }
                (_, Some(code)) => {
                    let (code, guessed) = if m.needs_country {
                        // "the Nigerian army said its troops": the owner's country first.
                        match self.owned_agent(npi, m.start, code) {
                            Some(c) => (c, false),
                            None => {
                                // "condemned al-Shabaab after the militants claimed the
                                // bombings": the armed group named before.
                                if let Some(group) = self.group_before(m.start, m.end) {
                                    out.push(Actor {
                                        code: group,
                                        span,
                                        text,
                                        kind: m.kind,
                                        plural: m.plural,
                                        via: None,
                                        guessed: false,
                                    });
                                    continue;
                                }
                                // "the junta" after "Myanmar's junta" is that junta; else,
                                // right after a dateline, an agent named before any country
                                // is of the dateline's ("CARACAS - The army moved ten
                                // battalions to the border with Colombia"); else the story's
                                // main country.
                                let country = self
                                    .named_before(m.start, m.end)
                                    .or(self
                                        .dateline
                                        .filter(|_| m.kind == MemberKind::Agent && !self.country_before(m.start)))
                                    .or(self.country);
                                (country.map_or(code, |c| code.with_country(c)), country.is_some())
                            }
                        }
                    } else {
                        (code, false)
                    };
                    out.push(Actor { code, span, text, kind: m.kind, plural: m.plural, via: None, guessed });
                }
                _ => {}
            }
        }
        out
    }

    fn resolve(
        &self,
        npi: usize,
        anaphor: bool,
        plural: bool,
        personal: bool,
        exclude: Option<&[Actor]>,
    ) -> Option<Vec<Actor>> {
        let fits = |actors: &[Actor], is_plural: bool| -> bool {
            if actors.is_empty() {
                return false;
            }
            if exclude.is_some_and(|ex| ex.iter().any(|e| actors.iter().any(|a| a.code == e.code))) {
                return false;
            }
            let a = &actors[0];
            let group = matches!(
                a.kind,
                MemberKind::Named(
                    casus_dict::ActorKind::Group
                        | casus_dict::ActorKind::Igo
                        | casus_dict::ActorKind::Ngo
                        | casus_dict::ActorKind::Other
                )
            );
            if anaphor {
                return group && actors.len() == 1;
            }
            if plural {
                is_plural || group
            } else if personal {
                let last_word = a.text.rsplit(' ').next().unwrap_or("").to_lowercase();
                // ("Pakistan's foreign minister, Shah Mahmood Qureshi": one person.)
                actors.iter().all(|x| x.code == a.code)
                    && !a.plural
                    && match a.kind {
                        MemberKind::Named(casus_dict::ActorKind::Person | casus_dict::ActorKind::Demonym) => true,
                        MemberKind::Agent => !is_collective(&last_word),
                        _ => false,
                    }
            } else {
                actors.len() == 1
                    && !a.plural
                    && !matches!(
                        a.kind,
                        MemberKind::Named(casus_dict::ActorKind::Person | casus_dict::ActorKind::Demonym)
                    )
            }
        };
        // "the two neighbours", "both sides": a compound named before, else the last two
        // actors of different countries in the sentence.
        if anaphor && plural {
            // "the two countries" are the countries; "the two leaders" their governments.
            let noun = self.toks[self.nps[npi].end - 1].lower.as_str();
            let recode = |mut actors: Vec<Actor>| -> Vec<Actor> {
                let role = match noun {
                    "countries" | "nations" | "neighbours" | "neighbors" | "states" | "powers" | "capitals" => Some(""),
                    "leaders" | "governments" | "presidents" | "ministers" | "delegations" => Some("GOV"),
                    _ => None,
                };
                if let Some(role) = role {
                    for a in &mut actors {
                        if let Some(c) = a.code.country().and_then(|c| format!("{c}{role}").parse().ok()) {
                            a.code = c;
                        }
                    }
                }
                actors
            };
            // (Never the ones who act on them: "Saudi Arabia, the United States and Egypt
            // urged the two sides".)
            let excluded = |a: &Actor| exclude.is_some_and(|ex| ex.iter().any(|e| e.code == a.code));
            let pair = |actors: &[Actor]| {
                let mut codes: Vec<&ActorCode> = actors.iter().map(|a| &a.code).collect();
                codes.dedup();
                codes.len() == 2 && actors.len() == 2 && !actors.iter().any(excluded)
            };
            for j in (0..npi).rev() {
                let actors = self.actors(j, None);
                if self.nps[j].members.len() == 2 && pair(&actors) {
                    return Some(recode(actors));
                }
            }
            if let Some(ante) = self.memory.iter().rev().take(6).find(|a| pair(&a.actors)) {
                return Some(recode(ante.actors.clone()));
            }
            let mut found: Vec<Actor> = Vec::new();
            for j in (0..npi).rev() {
                if self.nps[j].members.iter().any(|m| matches!(m.kind, MemberKind::Pronoun | MemberKind::Anaphor)) {
                    continue;
                }
                for a in self.actors(j, None) {
                    if a.code.has_country()
                        && !excluded(&a)
                        && found.iter().all(|f| f.code.country() != a.code.country())
                    {
                        found.push(a);
                    }
                }
                if found.len() >= 2 {
                    found.truncate(2);
                    return Some(recode(found));
                }
            }
            return None;
        }
        // "The U.N. mission in Mali said it was concerned": a subject pronoun right after a
        // speech verb stands for that verb's subject.
        if !anaphor {
            let start = self.nps[npi].start;
            let mut g = start.checked_sub(1);
            if let Some(k) = g.filter(|&k| self.toks[k].lower == "that") {
                g = k.checked_sub(1);
            }
            // "said on Sunday he": past the time adverbial.
            if let Some(k) = g.filter(|&k| k >= 2 && self.skip_time(k - 1) == k + 1) {
                g = Some(k - 2);
            } else if let Some(k) = g.filter(|&k| k >= 1 && self.skip_time(k) == k + 1) {
                g = Some(k - 1);
            }
            // "Iran warned the United States on Tuesday that it would": past the verb's
            // object, the telling verb's subject.
            let mut told = false;
            if let Some(np) = g.and_then(|k| self.tok_np[k]).filter(|&np| np < npi && !self.nps[np].possessive) {
                if self.toks[start - 1].lower == "that" {
                    g = self.nps[np].start.checked_sub(1);
                    told = true;
                }
            }
            let speech = g.filter(|&k| {
                let t = &self.toks[k];
                t.class == Class::Word
                    && (t.past || t.third)
                    && if told {
                        t.verb_lemma.is_some_and(telling_verb)
                    } else {
                        self.speech_verb(t)
                            || t.verb_lemma
                                .is_some_and(|l| matches!(l, "say" | "announce" | "declare" | "insist" | "add"))
                    }
            });
            if let Some(subj) = speech.and_then(|k| self.subject(k)).filter(|&j| j < npi) {
                let actors = self.actors(subj, None);
                // ("The government's chief negotiator said she": the person speaks for it.)
                let through_person = personal
                    && !plural
                    && (self.nps[subj].possessive || self.owner_of_subject(subj, false))
                    && actors.iter().all(|a| a.code == actors[0].code);
                if fits(&actors, self.nps[subj].plural()) || (through_person && !actors.is_empty()) {
                    return Some(actors);
                }
            }
        }
        // "..., days after it suspended France 24": a subject pronoun right after a
        // subordinator stands for the main clause's subject when that fits.
        if !anaphor && !self.dict.is_petrarch() {
            let start = self.nps[npi].start;
            let after_sub = start > 0
                && matches!(
                    self.toks[start - 1].lower.as_str(),
                    "after" | "before" | "when" | "as" | "because" | "since" | "while" | "until" | "once" | "although"
                );
            if after_sub && matches!(self.toks[start].class, Class::Pron) {
                let main = (0..npi).find(|&j| {
                    let p = &self.nps[j];
                    p.prep.is_none()
                        && !p.possessive
                        && !p.aside
                        && !p.members.iter().any(|m| matches!(m.kind, MemberKind::Pronoun | MemberKind::Anaphor))
                });
                if let Some(j) = main {
                    let actors = self.actors(j, None);
                    if fits(&actors, self.nps[j].plural()) {
                        return Some(actors);
                    }
                }
            }
        }
        // A pronoun that opens its sentence ("It has sent them weapons") continues the
        // previous sentence's subject when that fits.
        let opens_sentence = !anaphor && self.nps[..npi].is_empty() && self.nps[npi].start <= 1;
        if opens_sentence {
            if let Some(ante) = self.memory.iter().rev().take(6).find(|a| a.subject && fits(&a.actors, a.plural)) {
                return Some(ante.actors.clone());
            }
        }
        for j in (0..npi).rev() {
            let np = &self.nps[j];
            if np.members.iter().any(|m| matches!(m.kind, MemberKind::Pronoun | MemberKind::Anaphor)) {
                continue;
            }
            let actors = self.actors(j, None);
            if fits(&actors, np.plural()) {
                return Some(actors);
            }
        }
        for ante in self.memory.iter().rev() {
            if fits(&ante.actors, ante.plural) {
                return Some(ante.actors.clone());
            }
        }
        None
    }

    fn try_patterns(&self, head: usize, list: &[u32]) -> Vec<(PMatch, &'s CompiledPattern)> {
        let mut found: Vec<(PMatch, &CompiledPattern)> = Vec::new();
        let ix = self.index.heads.get(&(list.as_ptr() as usize));
        // Only the patterns whose key word the sentence has, in dictionary order.
        let selected: Vec<u32>;
        let list = match ix {
            Some(ix) if list.len() > 8 => {
                let mut sel = ix.free.clone();
                // (From the smaller side: the sentence's words or the head's key words.)
                if ix.keyed.len() < self.present.words().len() {
                    for (w, b) in &ix.keyed {
                        if self.has_word(*w) {
                            sel.extend_from_slice(b);
                        }
                    }
                } else {
                    for w in self.present.words() {
                        if let Some(b) = ix.keyed.get(w) {
                            sel.extend_from_slice(b);
                        }
                    }
                }
                sel.sort_unstable();
                selected = sel;
                &selected[..]
            }
            _ => list,
        };
        // A verb the dictionary lists in this very form ("LEFT") takes only its own patterns.
        let lower = self.toks[head].lower.as_str();
        let has_forms = ix.is_none_or(|ix| ix.has_forms);
        let has_form = |pi: u32| self.index.filters.get(pi as usize).is_none_or(|f| f.has_form);
        let form = |pi: u32| if has_form(pi) { self.dict.pattern(pi).pattern.form.as_deref() } else { None };
        let exact = has_forms && list.iter().any(|&pi| form(pi) == Some(lower));
        for &pi in list {
            if has_forms {
                let form = form(pi);
                if form.is_some_and(|f| f != lower) || (exact && form.is_none()) {
                    continue;
                }
            }
            // A pattern needing a word the sentence lacks cannot match.
            if !self.has_required(pi) {
                continue;
            }
            let cp = self.dict.pattern(pi);
            let start = PMatch { score: 1, start: head, end: head + 1, last_word: head, ..PMatch::default() };
            let start = if cp.before.is_empty() {
                Some(start)
            } else {
                self.match_before(&cp.before, cp.before.len(), head, start)
            };
            // "demanded on Friday that France withdraw": past a time adverbial after the verb.
            let after_time = self.skip_time(head + 1);
            let direct = |s: PMatch| {
                self.match_items(&cp.items, 0, head + 1, s).or_else(|| {
                    (after_time > head + 1 && !cp.items.is_empty())
                        .then(|| self.match_items(&cp.items, 0, after_time, s))
                        .flatten()
                })
            };
            if let Some(m) = start.and_then(direct) {
                // PETRARCH's `%`: the slot must hold several actors.
                if cp.pattern.compound {
                    let slot = if cp.pattern.has_source_slot() { m.source } else { m.target };
                    if slot.is_none_or(|np| self.nps[np].members.len() < 2) {
                        continue;
                    }
                }
                found.push((m, cp));
            } else if let Some(m) = self.match_passive_object(cp, head) {
                found.push((m, cp));
            } else if let Some(m) = self.match_passive_recipient(cp, head) {
                found.push((m, cp));
            }
        }
        let best = found.iter().map(|(m, _)| m.score).max().unwrap_or(0);
        found.retain(|(m, _)| m.score == best);
        // Among equally long matches the more specific code wins, then the earlier line.
        found.sort_by_key(|(_, cp)| std::cmp::Reverse(cp.pattern.code.map_or(0, CameoCode::level)));
        let mut out: Vec<(PMatch, &CompiledPattern)> = Vec::new();
        for (m, cp) in found {
            // A pattern ending on a coordinated word ("arms and cash") codes too.
            let coordinated = out.iter().all(|(o, _)| {
                let (a, b) = (o.last_word.min(m.last_word), o.last_word.max(m.last_word));
                a != b && self.toks[a + 1..b].iter().any(|t| matches!(t.lower.as_str(), "and" | "or" | "," | "as"))
            });
            if out.is_empty() || coordinated {
                out.push((m, cp));
            }
        }
        out
    }

    /// Codes every verb and event noun of the sentence.
    pub fn code(&mut self, skip_question: bool) -> Vec<Candidate> {
        let mut out = Vec::new();
        if skip_question && self.toks.last().is_some_and(|t| t.text == "?") {
            note!(self, "question: no events");
            return out;
        }
        // A sports word that is part of an actor's name ("the Arab League") does not count.
        // (PETRARCH leaves sports to its discard list.)
        let sports = (!self.dict.is_petrarch())
            .then(|| {
                // ("the shooting of two football fans": people, not a match report.)
                let fans = |k: usize| {
                    self.toks.get(k + 1).is_some_and(|n| {
                        matches!(
                            n.lower.as_str(),
                            "fan" | "fans" | "supporter" | "supporters" | "hooligan" | "hooligans"
                        )
                    })
                };
                // ("A Russian court found American basketball star Brittney Griner guilty":
                // courts, police and armed forces do not play.)
                let state_force = || {
                    self.nps.iter().any(|np| {
                        np.members.iter().any(|m| {
                            m.code
                                .is_some_and(|c| c.roles().any(|r| matches!(r, "JUD" | "COP" | "MIL" | "SPY" | "REB")))
                        })
                    })
                };
                // ("Australia deported Serbian tennis star Novak Djokovic": nor do states
                // deporting or jailing players.)
                let state_act = || {
                    self.toks.iter().any(|t| {
                        matches!(t.verb_lemma, Some("deport" | "extradite" | "arrest" | "detain" | "jail" | "imprison"))
                    })
                };
                self.toks
                    .iter()
                    .enumerate()
                    .find(|(k, t)| is_sports_word(&t.lower) && self.tok_np[*k].is_none() && !fans(*k))
                    .filter(|_| !state_force() && !state_act())
            })
            .flatten();
        if let Some((_, cue)) = sports {
            note!(self, "sports report (\"{}\"): no events", cue.text);
            return out;
        }
        for i in 0..self.toks.len() {
            if self.consumed[i] {
                continue;
            }
            let t = &self.toks[i];
            let verb_list = if t.verb == u32::MAX { &[][..] } else { self.dict.verb_patterns(t.verb) };
            let noun_list = if t.noun == u32::MAX { &[][..] } else { self.dict.noun_patterns(t.noun) };
            if verb_list.is_empty() && noun_list.is_empty() {
                continue;
            }
            let verb_ok = !verb_list.is_empty() && self.verb_use(i).is_ok();
            let (list, noun) = if verb_ok {
                (verb_list, false)
            } else if !noun_list.is_empty() && self.tok_np[i].is_none() {
                (noun_list, true)
            } else {
                if self.explain {
                    if let Err(why) = self.verb_use(i) {
                        note!(self, "\"{}\": not a verb here ({why})", t.text);
                    }
                }
                continue;
            };
            let matches = self.try_patterns(i, list);
            if matches.is_empty() {
                note!(self, "\"{}\" ({}): no pattern matched", t.text, if noun { "noun" } else { "verb" });
                continue;
            }
            for (m, cp) in matches {
                for k in i..m.end.max(i + 1) {
                    if self.tok_np[k].is_none() {
                        self.consumed[k] = true;
                    }
                }
                let rule = cp.pattern.id.clone();
                let Some(code) = cp.pattern.code else {
                    note!(self, "\"{}\": rule {rule} recognizes it and codes nothing", t.text);
                    continue;
                };
                // A pattern that spells out the words before the verb ("- INDICATED WOULD *
                // NOW") was written for that context: no irrealis reading on top.
                let spelled_out = !cp.before.is_empty() && m.start < i;
                if !noun && !spelled_out {
                    match self.irrealis(i) {
                        None => {}
                        Some(Irrealis::Other(why)) => {
                            note!(self, "\"{}\": rule {rule} matched, but {why}", t.text);
                            // "marched through the city to demand the right to work": a
                            // protest's purpose names what it is for (1413).
                            let aim = protest_aim(code);
                            let purpose = i > 0 && self.toks[i - 1].class == Class::To && !self.dict.is_petrarch();
                            if let (Some(digit), true) = (aim, purpose) {
                                let at = t.span.start;
                                if let Some(c) = out.iter_mut().rev().find(|c| {
                                    c.verb.start < at
                                        && c.code.root_number() == 14
                                        && matches!(c.code.as_str(), "141" | "142" | "143" | "144" | "145")
                                }) {
                                    if let Ok(sub) = format!("{}{digit}", c.code.as_str()).parse::<CameoCode>() {
                                        c.code = sub;
                                    }
                                }
                            }
                            continue;
                        }
                        Some(Irrealis::Directive { gov, addressee, demand }) => {
                            let mapped = if demand { code.demand_of() } else { code.appeal_of() };
                            let Some(mapped) = mapped else {
                                note!(
                                    self,
                                    "\"{}\": rule {rule} matched, but asked of someone, with no code for that",
                                    t.text
                                );
                                continue;
                            };
                            // The asking verb's own, vaguer event gives way.
                            out.retain(|c: &Candidate| {
                                !(c.verb.start == self.toks[gov].span.start && c.code.root() == mapped.root())
                            });
                            let rule = format!(
                                "{rule} asked by \"{}\" ({code} → {mapped})",
                                self.toks[gov].text.to_lowercase()
                            );
                            let asked = PMatch { target: Some(addressee), ..m };
                            self.build_at(i, gov, false, &asked, cp, mapped, &rule, &mut out);
                            continue;
                        }
                        Some(Irrealis::Stance { gov, stance }) => {
                            // "pledged to provide aid" (0332), "refused to release" (1243),
                            // "threatened to impose sanctions" (1312).
                            // ("offered to send 1,000 police officers": an offer of force
                            // is no threat.)
                            let offers = self.toks[gov]
                                .verb_lemma
                                .is_some_and(|l| matches!(l, "offer" | "agree" | "propose" | "volunteer" | "consent"));
                            let mapped = match stance {
                                Stance::Intent if offers && !self.dict.is_petrarch() => {
                                    code.intent_of().filter(|c| c.root_number() != 13)
                                }
                                Stance::Intent => code.intent_of(),
                                Stance::Refusal => code.refusal_of(),
                                Stance::Threat => code.threat_of(),
                            };
                            let Some(mapped) = mapped else {
                                note!(
                                    self,
                                    "\"{}\": rule {rule} matched, after \"{}\" ({stance:?}) it has no counterpart code",
                                    t.text,
                                    self.toks[gov].text
                                );
                                continue;
                            };
                            // The stance verb's own, vaguer event gives way (its root's, or
                            // an unspecified one: "vowed to" 030 before "cut off aid" 1311).
                            let before = out.len();
                            let vague = |c: &CameoCode| {
                                c.as_str().len() == 2 || c.as_str().ends_with('0') && c.as_str().len() == 3
                            };
                            let gives_way = |c: &Candidate| {
                                c.verb.start == self.toks[gov].span.start
                                    && (c.code.root() == mapped.root() || vague(&c.code))
                            };
                            // (Its target stays: "threatened to cut ties with the UAE and
                            // withdraw its ambassador".)
                            let kept: Vec<(ActorCode, Actor)> = out
                                .iter()
                                .filter(|c| gives_way(c))
                                .filter_map(|c| Some((c.source.code, c.target.clone()?)))
                                .collect();
                            out.retain(|c: &Candidate| !gives_way(c));
                            let rule = format!(
                                "{rule} after \"{}\" ({stance:?}: {code} → {mapped})",
                                self.toks[gov].text.to_lowercase()
                            );
                            if out.len() < before {
                                note!(
                                    self,
                                    "\"{}\": its own event replaced by the more specific one",
                                    self.toks[gov].text
                                );
                            }
                            let from = out.len();
                            self.build_at(i, gov, false, &m, cp, mapped, &rule, &mut out);
                            for c in &mut out[from..] {
                                if c.target.is_none() {
                                    c.target = kept.iter().find(|(s, _)| *s == c.source.code).map(|(_, t)| t.clone());
                                }
                            }
                            continue;
                        }
                    }
                }
                if let Some(h) = m.fronted {
                    let (from, to) = (self.toks[h].span.start, t.span.start);
                    out.retain(|c: &Candidate| !(c.verb.start >= from && c.verb.start < to));
                }
                self.build(i, noun, &m, cp, code, &rule, &mut out);
            }
        }
        // "workers marched on Thursday to demand that President Macron withdraw his plan":
        // a protest naming no one else is against its own government when the sentence
        // names it (a protest about no government official names no target).
        if !self.dict.is_petrarch() {
            for cand in &mut out {
                let protest = cand.code.root_number() == 14 && cand.code.as_str().len() >= 3;
                let Some(country) = cand.source.code.country().map(str::to_owned) else { continue };
                // ("rallied outside parliament, demanding that the government drop the bill":
                // their own parliament or court is where they protest.)
                let venue = cand.target.as_ref().is_some_and(|t| {
                    t.code.country() == Some(country.as_str())
                        && t.code.roles().any(|r| matches!(r, "LEG" | "JUD"))
                        && self.tok_starting_at(t.span.start).is_some_and(|k| {
                            let p = self.tok_np[k].map_or(k, |np| self.nps[np].start.min(k));
                            (p.saturating_sub(2)..p).any(|q| {
                                matches!(
                                    self.toks[q].lower.as_str(),
                                    "outside" | "near" | "at" | "around" | "opposite" | "front"
                                )
                            })
                        })
                });
                if !protest || (cand.target.is_some() && !venue) || cand.source.code.roles().any(|r| r == "GOV") {
                    continue;
                }
                let v = cand.verb.start;
                let govs: Vec<Actor> = (0..self.nps.len())
                    .flat_map(|np| self.actors(np, None))
                    .filter(|a| a.code.country() == Some(country.as_str()) && a.code.roles().any(|r| r == "GOV"))
                    .collect();
                let nearest = govs.iter().find(|a| a.span.start > v).or_else(|| govs.last());
                if let Some(g) = nearest {
                    note!(self, "protest by {}: against its government, named in the sentence", cand.source.code);
                    cand.target = Some(g.clone());
                }
            }
        }
        // "Iran barred the inspectors, a move the IAEA chief condemned": the act the move
        // stands for is the earlier clause's; its source is the target.
        if !self.dict.is_petrarch() {
            for c in 0..out.len() {
                if out[c].target.is_some() {
                    continue;
                }
                let Some(k) = self.tok_starting_at(out[c].verb.start) else { continue };
                let Some(np) = self.subject(k) else { continue };
                // (Past a possessor: "a step the agency's director-general condemned".)
                let st = self.nps[np].start;
                let noun = (st.saturating_sub(5)..st).rev().find(|&q| crate::chunk::is_act_noun(&self.toks[q].lower));
                let zero_relative = noun.is_some_and(|q| {
                    q >= 2
                        && self.toks[q - 1].class == Class::Det
                        && self.toks[q - 2].class == Class::Comma
                        && self.toks[q + 1..st].iter().all(|w| {
                            matches!(w.class, Class::Det | Class::PossMark)
                                || (w.class == Class::Word && !w.is_inflected_verb())
                        })
                });
                let Some(q) = noun.filter(|_| zero_relative) else { continue };
                let before = self.toks[q - 2].span.start;
                let act = out
                    .iter()
                    .filter(|d| d.verb.start < before && d.source.code != out[c].source.code)
                    .min_by_key(|d| d.verb.start)
                    .map(|d| d.source.clone());
                if let Some(a) = act {
                    note!(
                        self,
                        "\"{}\": the act \"{}\" stands for is the target's",
                        self.toks[k].text,
                        self.toks[st - 1].text
                    );
                    out[c].target = Some(a);
                }
            }
        }
        // "claimed responsibility for a bomb that killed two officers": whom the claimed act
        // struck is that act's target, not the claim's.
        if !self.dict.is_petrarch() {
            for cand in &mut out {
                let Some(t) = cand.target.as_ref().filter(|_| cand.code.as_str() == "015") else { continue };
                let between = |w: &Tok<'_>| w.span.start >= cand.verb.start && w.span.end <= t.span.start;
                if self.toks.iter().any(|w| between(w) && w.lower == "for") {
                    note!(self, "claim of responsibility: {} is the claimed act's target", t.code);
                    cand.target = None;
                }
            }
        }
        // "threatened to call a strike unless the government reversed the rise": a threat
        // naming no one is made against the subject of its condition.
        if !self.dict.is_petrarch() {
            for cand in &mut out {
                if cand.target.is_some() || cand.code.root_number() != 13 {
                    continue;
                }
                let Some(k) = self.tok_starting_at(cand.verb.start) else { continue };
                let cond = (k + 1..self.toks.len())
                    .take(25)
                    .take_while(|&q| !matches!(self.toks[q].text, ";" | ":" | "." | "\"" | "\u{201c}"))
                    .find(|&q| matches!(self.toks[q].lower.as_str(), "if" | "unless"));
                let Some(np) = cond.and_then(|q| self.np_starting_near(q + 1)) else { continue };
                // (Not a pronoun: "warned of grave consequences if it did not" is the demand's
                // addressee, no nearer actor.)
                if self.nps[np].members.iter().any(|m| m.kind == MemberKind::Pronoun) {
                    continue;
                }
                let source = cand.source.code;
                if let Some(a) = self.actors(np, None).into_iter().find(|a| a.code != source) {
                    note!(self, "threat against {}: the subject of its condition", a.code);
                    cand.target = Some(a);
                }
            }
        }
        // "violated the ceasefire by shelling army positions": the means gives way to the
        // act of the same source and root it describes.
        let by_means = |c: &Candidate| {
            self.tok_starting_at(c.verb.start).is_some_and(|k| {
                k > 0 && self.toks[k].gerund && matches!(self.toks[k - 1].lower.as_str(), "by" | "with")
            })
        };
        let acts: Vec<(ActorCode, CameoCode, usize)> =
            out.iter().filter(|c| !by_means(c)).map(|c| (c.source.code, c.code.root(), c.verb.start)).collect();
        out.retain(|c| {
            !by_means(c) || !acts.iter().any(|&(s, r, v)| s == c.source.code && r == c.code.root() && v < c.verb.start)
        });
        // "students marched against the junta, seeking the restoration of civilian rule": a
        // protest's demand (104x, 024x) after it, by the same source, names what the protest
        // is for (1414) and is not an event of its own.
        if !self.dict.is_petrarch() {
            let mut merged: Vec<usize> = Vec::new();
            for p in 0..out.len() {
                let protest = out[p].code.root_number() == 14
                    && matches!(&out[p].code.as_str()[..3], "141" | "142" | "143" | "144" | "145");
                if !protest {
                    continue;
                }
                let demand = (0..out.len()).find(|&d| {
                    d != p
                        && out[d].source.code == out[p].source.code
                        && out[d].verb.start > out[p].verb.start
                        && (protest_aim(out[d].code).is_some() || out[d].code.root_number() == 10)
                        && self
                            .tok_starting_at(out[d].verb.start)
                            .is_some_and(|k| self.toks[k].gerund || (k > 0 && self.toks[k - 1].class == Class::To))
                });
                if let Some(d) = demand {
                    // (An unspecified demand, "demanding that the government replace ...",
                    // names no particular aim.)
                    let Some(digit) = protest_aim(out[d].code) else {
                        if out[p].target.is_none() {
                            out[p].target = out[d].target.clone();
                        }
                        merged.push(d);
                        continue;
                    };
                    if let Ok(code) = format!("{}{digit}", &out[p].code.as_str()[..3]).parse::<CameoCode>() {
                        out[p].code = code;
                        if out[p].target.is_none() {
                            out[p].target = out[d].target.clone();
                        }
                        merged.push(d);
                    }
                }
            }
            let mut k = 0;
            out.retain(|_| {
                k += 1;
                !merged.contains(&(k - 1))
            });
        }
        // "carried out a suicide bombing at a camp, killing 20 soldiers": the toll of an
        // attack is not another event of its source.
        let consequence = |c: &Candidate| {
            self.tok_starting_at(c.verb.start).is_some_and(|k| {
                k > 0
                    && self.toks[k].gerund
                    && self.toks[k - 1].class == Class::Comma
                    && c.code.root_number() >= 17
                    && self.toks[k].verb_lemma.is_some_and(|l| {
                        matches!(
                            l,
                            "kill"
                                | "wound"
                                | "injure"
                                | "leave"
                                | "damage"
                                | "destroy"
                                | "cut"
                                | "set"
                                | "burn"
                                | "raze"
                                | "flatten"
                                | "knock"
                                | "displace"
                        )
                    })
            })
        };
        // "staged naval war games, firing missiles and deploying attack boats": participle
        // clauses that elaborate an act of the same root by the same source add nothing.
        let elaboration = |c: &Candidate| {
            self.tok_starting_at(c.verb.start).is_some_and(|k| {
                self.toks[k].gerund
                    && k > 0
                    && (self.toks[k - 1].class == Class::Comma
                        || (self.toks[k - 1].lower == "and"
                            && self.toks[..k].iter().rev().take(8).any(|w| w.class == Class::Comma)))
            })
        };
        // "signed a peace treaty, formally ending a state of war": what an act ends or marks is
        // its meaning, not another act.
        let result = |c: &Candidate| {
            self.tok_starting_at(c.verb.start).is_some_and(|k| {
                let mut b = k;
                while b > 0
                    && (self.toks[b - 1].class == Class::Adv || self.toks[b - 1].lower.ends_with("ly"))
                    && self.tok_np[b - 1].is_none()
                {
                    b -= 1;
                }
                self.toks[k].gerund
                    && b > 0
                    && self.toks[b - 1].class == Class::Comma
                    && self.toks[k]
                        .verb_lemma
                        .is_some_and(|l| matches!(l, "end" | "mark" | "pave" | "bring" | "conclude" | "cap" | "seal"))
            })
        };
        let acted: Vec<(ActorCode, usize)> =
            out.iter().filter(|c| !result(c)).map(|c| (c.source.code, c.verb.start)).collect();
        out.retain(|c| !result(c) || !acted.iter().any(|&(s, v)| s == c.source.code && v < c.verb.start));
        let earlier: Vec<(ActorCode, CameoCode, usize)> =
            out.iter().filter(|c| !elaboration(c)).map(|c| (c.source.code, c.code.root(), c.verb.start)).collect();
        // Its target is the act's when the act has none ("violated the ceasefire, firing
        // mortar shells at Indian army posts").
        let details: Vec<(usize, Actor)> = out
            .iter()
            .filter(|c| elaboration(c))
            .filter_map(|c| {
                let main = out.iter().position(|m| {
                    !elaboration(m) && m.source.code == c.source.code && m.code.root() == c.code.root()
                })?;
                Some((main, c.target.clone()?))
            })
            .collect();
        self.give_targets(&mut out, details);
        out.retain(|c| {
            !elaboration(c)
                || !earlier.iter().any(|&(s, r, v)| s == c.source.code && r == c.code.root() && v < c.verb.start)
        });
        let attacks: Vec<(ActorCode, usize)> = out
            .iter()
            .filter(|c| !consequence(c) && c.code.root_number() >= 15)
            .map(|c| (c.source.code, c.verb.start))
            .collect();
        // Its victims are the attack's target when the attack has none ("fired shells at the
        // island, killing two marines").
        // All of them, one event each ("killing three soldiers and two civilians").
        let tolls: Vec<(usize, Actor)> = out
            .iter()
            .filter(|c| consequence(c))
            .filter_map(|c| {
                let main = out
                    .iter()
                    .position(|m| !consequence(m) && m.source.code == c.source.code && m.code.root_number() >= 15)?;
                Some((main, c.target.clone()?))
            })
            .collect();
        self.give_targets(&mut out, tolls);
        // (The same source, or one of its country: "Russia launched drones ..., damaging".)
        let same = |a: ActorCode, b: ActorCode| a == b || (a.country().is_some() && a.country() == b.country());
        out.retain(|c| !consequence(c) || !attacks.iter().any(|&(s, v)| same(s, c.source.code) && v < c.verb.start));
        // "demanded that Canada release her and warned of grave consequences": a coordinated
        // verbal act without a target of its own has its partner's target.
        for k in 0..out.len() {
            // (Nor property destroyed: "abducted 200 schoolgirls and set fire to houses".)
            if out[k].target.is_some()
                || matches!(out[k].code.root_number(), 14 | 15)
                || out[k].code.root_number() > 17
                || out[k].code.as_str().starts_with("1712")
            {
                continue;
            }
            let at = self.tok_starting_at(out[k].verb.start);
            if !at.is_some_and(|a| a > 0 && self.toks[a - 1].lower == "and") {
                continue;
            }
            let partner = out[..k]
                .iter()
                .rev()
                .find(|c| c.source.code == out[k].source.code && c.target.is_some())
                .and_then(|c| c.target.clone());
            // (Not when that would repeat the partner's act: "gave in to pressure and dropped
            // its objection" is one concession.)
            let repeats = partner.as_ref().is_some_and(|p| {
                out[..k].iter().any(|c| {
                    c.source.code == out[k].source.code
                        && c.target.as_ref().is_some_and(|t| t.code == p.code)
                        && c.code.root() == out[k].code.root()
                })
            });
            if partner.is_some() && !repeats {
                out[k].target = partner;
            }
        }
        // "shot and seriously wounded the prime minister": one act between the same sides
        // coded twice under one root keeps its most specific code.
        let specific: Vec<(ActorCode, Option<ActorCode>, CameoCode, CameoCode)> =
            out.iter().map(|c| (c.source.code, c.target.as_ref().map(|t| t.code), c.code.root(), c.code)).collect();
        out.retain(|c| {
            let generic = c.code.as_str().len() <= 3 && c.code.as_str().ends_with('0') || c.code.as_str().len() == 2;
            !(generic
                && c.target.is_some()
                && specific.iter().any(|&(s, t, r, code)| {
                    s == c.source.code
                        && t == c.target.as_ref().map(|t| t.code)
                        && r == c.code.root()
                        && code != c.code
                        && !(code.as_str().len() <= 3 && code.as_str().ends_with('0'))
                }))
        });
        // An event without a target gives way to one of the same source and root with a
        // target ("arrived in Belgrade for a state visit").
        // (Two different specific acts stay: "detained the mayor (173) and banned street
        // protests (1721)".)
        let keyed: Vec<(ActorCode, CameoCode, CameoCode)> =
            out.iter().filter(|c| c.target.is_some()).map(|c| (c.source.code, c.code.root(), c.code)).collect();
        let generic = |c: &CameoCode| c.as_str().len() <= 3 && c.as_str().ends_with('0');
        let petrarch = self.dict.is_petrarch();
        out.retain(|c| {
            c.target.is_some()
                || !keyed.iter().any(|&(s, r, code)| {
                    s == c.source.code
                        && r == c.code.root()
                        && (petrarch || code == c.code || generic(&c.code) || generic(&code))
                })
        });
        if self.dict.is_petrarch() {
            self.drop_subordinate(&mut out);
        }
        out
    }

    /// PETRARCH codes a clause's verb phrase as one event: an adverbial clause inside it
    /// ("restore ties with Gondor after crowds burned its embassy") gives no event of its
    /// own when the main verb coded one. The adverbial clause runs from its conjunction to
    /// the next comma or the end.
    fn drop_subordinate(&mut self, out: &mut Vec<Candidate>) {
        let tok_at = |start: usize| self.tok_starting_at(start);
        let verbs: Vec<Option<usize>> = out.iter().map(|c| tok_at(c.verb.start)).collect();
        let inner = |v: usize, u: usize| {
            (u + 1..v).any(|s| {
                self.toks[s].class == Class::Sub
                    && !matches!(self.toks[s].lower.as_str(), "as" | "so")
                    && !self.toks[s..v].iter().any(|t| matches!(t.class, Class::Comma | Class::Break))
            })
        };
        let keep: Vec<bool> = verbs
            .iter()
            .map(|&v| match v {
                Some(v) => !verbs.iter().flatten().any(|&u| u < v && inner(v, u)),
                None => true,
            })
            .collect();
        let mut k = 0;
        out.retain(|c| {
            k += 1;
            if !keep[k - 1] {
                note!(self, "event {} {}: inside an adverbial clause of a coded verb", c.source.code, c.code);
            }
            keep[k - 1]
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn build(
        &mut self,
        i: usize,
        noun: bool,
        m: &PMatch,
        cp: &CompiledPattern,
        code: CameoCode,
        rule: &str,
        out: &mut Vec<Candidate>,
    ) {
        self.build_at(i, i, noun, m, cp, code, rule, out);
    }

    /// Builds events for the pattern matched at `i`, taking the subject of the verb at
    /// `subj_at` (the stance verb for "pledged to provide").
    #[allow(clippy::too_many_arguments)]
    fn build_at(
        &mut self,
        i: usize,
        subj_at: usize,
        noun: bool,
        m: &PMatch,
        cp: &CompiledPattern,
        code: CameoCode,
        rule: &str,
        out: &mut Vec<Candidate>,
    ) {
        let t = &self.toks[i];
        let reduced = !noun && subj_at == i && self.reduced_passive(i);
        let passive = !noun && (self.passive(subj_at) || reduced);
        // PETRARCH reads a passive without its "by" agent as active ("The Philippines was
        // criticized over its dispute with Eriador": PHL criticizes).
        let passive = passive
            && !(self.dict.is_petrarch()
                && m.source.is_none()
                && self.by_agent(i + 1).or_else(|| self.by_agent(m.end.max(i + 1))).is_none());
        // Source.
        // "clashes between Buddhist and Muslim communities": the sides act on each other.
        // (Not when the verb has its own subject: "Qatar is mediating between Israel and Hamas".)
        let between = (m.source.is_none()
            && m.target.is_none()
            && (noun || (!(t.past || t.participle) && self.subject(subj_at).is_none())))
        .then(|| self.toks.get(i + 1).filter(|t| t.lower == "between").and(self.tok_np.get(i + 2).copied().flatten()))
        .flatten()
        .filter(|&np| self.nps[np].start == i + 2 && self.nps[np].members.len() >= 2);
        let source_np = if let Some(s) = m.source {
            // An event noun's source named after "from"/"by" ("warnings from UN experts", "a
            // statement published by a newspaper") makes no event on its own either.
            if noun && !self.dict.is_petrarch() {
                note!(
                    self,
                    "\"{}\": rule {rule} matched, but an event noun's source after a preposition makes no event",
                    t.text
                );
                return;
            }
            Some(s)
        } else if let Some(b) = between {
            Some(b)
        } else if passive {
            // "was found guilty by Peru's Supreme Court of ordering killings by an army
            // squad": the by-phrase nearest the verb.
            self.by_agent(i + 1).or_else(|| self.by_agent(m.end.max(i + 1)))
        } else if noun {
            // "their recapture of", "Hezbollah's attack on", else the subject of a light verb
            // ("launched an attack on"). An actor merely modifying the noun ("US air strikes",
            // "the drone attack") or named after "by" makes no event of a noun on its own:
            // news reports such nouns as background, and hand coders leave them out.
            (i > 0)
                .then(|| self.tok_np[i - 1])
                .flatten()
                .filter(|&np| self.toks[self.nps[np].start].class == Class::PossPron || self.nps[np].possessive)
                .or_else(|| if i > 1 && self.toks[i - 1].class == Class::PossMark { self.tok_np[i - 2] } else { None })
                .or_else(|| self.support_verb_subject(i))
        } else {
            // (PETRARCH: the subject of the pattern's first word, "- WILL NOT *".)
            let spelled = self.dict.is_petrarch() && m.start < subj_at;
            spelled.then(|| self.subject(m.start)).flatten().or_else(|| self.subject(subj_at)).or_else(|| {
                // "Eriador's death toll has risen" (`- DEATH TOLL *`): the owner of the
                // pattern's words before the verb (PETRARCH).
                let owner = m.start.checked_sub(1).filter(|_| self.dict.is_petrarch() && m.start < i)?;
                let owner = if self.toks[owner].class == Class::PossMark { owner.checked_sub(1)? } else { owner };
                self.tok_np[owner].filter(|&np| self.nps[np].possessive)
            })
        };
        // Target.
        // "sent a brigade of 100 doctors to Honduras": an actor in the gap that names no
        // country gives way to the one after the pattern's closing preposition.
        let gap_target_yields = m.target.is_some_and(|g| {
            !cp.pattern.has_target_slot()
                && !self.dict.is_petrarch()
                && m.end > 0
                && matches!(self.toks[m.end - 1].lower.as_str(), "to" | "into")
                && self.nps[g].members.iter().all(|x| x.code.is_some_and(|c| c.country().is_none()))
        });
        let after_prep = gap_target_yields.then(|| self.np_starting_near(m.end)).flatten().filter(|&np| {
            Some(np) != m.target
                && self.nps[np].members.iter().all(|x| {
                    x.code.is_some_and(|c| c.country().is_some())
                        && x.kind != MemberKind::Named(casus_dict::ActorKind::Region)
                })
        });
        let target_np = if after_prep.is_some() {
            after_prep
        } else if m.target.is_some() {
            m.target
        } else if m.source.is_some() && !passive && !noun {
            // A converse verb with the source after it ("Ukraine received missiles from $"):
            // the clause's subject is the target.
            self.subject(subj_at).filter(|&np| Some(np) != m.source)
        } else if reduced {
            // "the sailors captured in the Kerch Strait": the noun before is the target (its
            // phrase may end one plain noun early: "200 Palestinian prisoners freed by").
            (i > 0).then(|| self.tok_np[i - 1]).flatten().or_else(|| (i > 1).then(|| self.tok_np[i - 2]).flatten())
        } else if passive {
            // "sanctions were imposed on Syria": the phrase after the pattern's words first.
            (m.end > i + 1).then(|| self.np_starting_near(m.end)).flatten().or_else(|| self.subject(subj_at)).or_else(
                || {
                    // "Shares in Yukos were seized": the owner named after the subject's head.
                    (0..subj_at)
                        .rev()
                        .take(12)
                        .filter_map(|k| self.tok_np[k])
                        .find(|&np| self.owner_of_subject(np, true))
                        // "Kosovo's declaration of independence was recognised by": the owner
                        // of a subject that is no actor.
                        .or_else(|| {
                            (0..subj_at).rev().take(10).filter_map(|k| self.tok_np[k]).find(|&np| {
                                let p = &self.nps[np];
                                p.possessive
                                    && !self.dict.is_petrarch()
                                    && (p.start == 0 || self.toks[p.start - 1].class == Class::Comma)
                                    && self.toks[p.end..subj_at].iter().all(|w| {
                                        w.class != Class::Comma
                                            && (!w.is_inflected_verb()
                                                || matches!(w.class, Class::Be | Class::Have)
                                                || self.dict_pos_noun(w))
                                    })
                            })
                        })
                },
            )
        } else if !cp.pattern.has_target_slot() {
            // "expelled Western members of the UN peacekeeping mission": the pattern's last
            // word inside an actor phrase makes that phrase the target.
            let inside =
                (m.end > i + 1 && !self.dict.is_petrarch()).then(|| self.tok_np[m.end - 1]).flatten().filter(|&np| {
                    let n = &self.nps[np];
                    // (Only a body's own phrase after "members of": the last word of "sent
                    // police" or "deployed peacekeepers" is the source's own.)
                    n.start > i
                        && self.toks[n.start - 1].lower == "of"
                        && !n.members.is_empty()
                        && n.members.iter().all(|m| {
                            matches!(m.kind, MemberKind::Named(_)) && m.code.is_some_and(|c| c.is_organisation())
                        })
                });
            inside.or_else(|| {
                self.np_starting_near(m.end)
                    .filter(|&np| !self.bare_weapon(np))
                    .filter(|&np| self.nps[np].prep.is_none() || m.end > i + 1)
                    // ("charged that Venezuela was laying the groundwork": whom an accusation
                    // is about is the subject of its clause.)
                    .filter(|&np| {
                        !self.starts_clause(np)
                            || (code.root_number() == 11
                                && m.end > 0
                                && self.toks[m.end - 1].lower == "that"
                                && !self.dict.is_petrarch())
                    })
                    .filter(|&np| !self.border_place(np))
            })
        } else {
            None
        };
        let open_slot = m.target.is_none() && cp.pattern.has_target_slot() && !passive;
        // PETRARCH: a subject phrase with no actor at its head is coded by the actors it
        // holds ("Ithilen's sheep and goats of Gondor warned": ITH and GON).
        let held = if source_np.is_none() && !noun && !passive { self.petrarch_held(subj_at) } else { Vec::new() };
        let source_np = source_np.or_else(|| held.first().copied());
        let Some(snp) = source_np else {
            note!(
                self,
                "\"{}\": rule {rule} matched, but no source actor{}",
                t.text,
                if passive { " (passive without \"by\")" } else { "" }
            );
            return;
        };
        let sources = self.actors(snp, None);
        let sources = match self.petrarch_owner(snp) {
            // "Ithilen's awful and evil minister Calimehtar": PETRARCH's phrase is coded by
            // its first actor, with the roles of the rest (ITHGOV).
            Some(owner) => {
                let roles: String = sources.first().map(|a| a.code.roles().collect()).unwrap_or_default();
                self.actors(owner, None)
                    .into_iter()
                    .map(|mut a| {
                        if let Some(c) = format!("{}{roles}", a.code).parse().ok().filter(|_| !roles.is_empty()) {
                            a.code = c;
                        }
                        a
                    })
                    .collect()
            }
            None => sources,
        };
        let mut sources = sources;
        for &h in held.iter().skip(1) {
            sources.extend(self.actors(h, None));
        }
        // The topic of the clause when nothing else is the target ("expressed concern over
        // the violence in Libya"); a compound subject instead acts on itself (below).
        // A compound subject takes the topic as target only when a preposition of partnership
        // introduces it ("welcomed ties with Osgiliath"); otherwise it may act on itself.
        let partner = |np: usize| {
            self.nps[np]
                .prep
                .is_some_and(|p| matches!(self.toks[p].lower.as_str(), "with" | "between" | "to" | "against"))
        };
        // (PETRARCH gives every member of a compound subject the object as target.)
        let single = sources.len() < 2 || self.dict.is_petrarch();
        let target_np = match target_np {
            None if !passive && (!cp.pattern.has_target_slot() || m.target.is_some()) => {
                // The actor whose head is the pattern's own last word ("released four Israeli
                // hostages", "summoned the Russian ambassador") comes first.
                // (Only one that names its country: "the army" in "use the army against
                // protesters" is the means, not the target.)
                let own = m.weak_target.filter(|&np| {
                    let p = &self.nps[np];
                    // (Before a closing particle: "drove a million civilians from".)
                    // (Not before "toward": "moved troops toward the Kuwaiti border".)
                    let particle = |w: &Tok<'_>| matches!(w.lower.as_str(), "from" | "out" | "off" | "away");
                    p.start <= m.last_word
                        && (m.last_word < p.end || self.toks[p.end..=m.last_word].iter().all(particle))
                        && !self.is_place(np)
                        && p.members.len() == 1
                        && (p.members[0].code.as_ref().is_some_and(|c| c.has_country()) && !p.members[0].needs_country
                            // ("marched against the junta": whom a protest names.)
                            || (code.root_number() == 14
                                && !self.dict.is_petrarch()
                                && p.members[0].code.as_ref().is_some_and(|c| {
                                    c.roles().any(|r| matches!(r, "GOV" | "MIL" | "COP" | "JUD" | "LEG"))
                                }))
                            // ("police shot dead 19 demonstrators during rallies against a
                            // ban on social media": force on people the pattern names.)
                            || (code.root_number() >= 17
                                && !self.dict.is_petrarch()
                                // (not "the correspondents of French newspapers": theirs.)
                                && self.toks.get(p.end).is_none_or(|w| w.lower != "of")
                                && p.members[0].code.as_ref().is_some_and(|c| {
                                    c.roles().any(|r| {
                                        matches!(r, "OPP" | "CVL" | "MED" | "EDU" | "REF" | "LAB" | "HRI" | "REL")
                                    })
                                })))
                });
                // "rallied against Prime Minister Ariel Sharon's plan": the owner the pattern's
                // own words name ("minister 's * plan").
                let names_owner = cp.pattern.id.contains(" 's");
                let own = own.or_else(|| {
                    (i + 1..m.last_word).filter(|_| names_owner).filter_map(|k| self.tok_np[k]).find(|&np| {
                        let p = &self.nps[np];
                        p.possessive
                            && p.end <= m.last_word
                            && p.members.len() == 1
                            && p.members[0].code.as_ref().is_some_and(|c| c.has_country())
                            && !p.members[0].needs_country
                    })
                });
                // (A compound subject of a one-sided act has its object too: "Wagner fighters
                // and Malian soldiers massacred hundreds of villagers".)
                let one_sided = !t.verb_lemma.is_some_and(reciprocal_verb) && !noun;
                own.or_else(|| {
                    self.first_actor_after(m.end).filter(|&np| {
                        single || partner(np) || (one_sided && self.nps[np].prep.is_none() && code.root_number() >= 17)
                    })
                })
                // An actor named by the pattern's own words ("recognized the State of
                // Palestine") is the target of a compound subject too, unless it is a bare
                // agent word the pattern speaks of ("South Korea and Japan resumed sharing
                // military intelligence": they share with each other).
                .or(m.weak_target.filter(|&np| !self.bare_weapon(np)).filter(|&np| {
                    single
                        || !t.verb_lemma.is_some_and(reciprocal_verb)
                        || !self.nps[np].members.iter().all(|mm| mm.kind == MemberKind::Agent && mm.needs_country)
                }))
                .filter(|&np| np != snp)
            }
            None if !passive => self
                .first_actor_after(m.end)
                .filter(|&np| !single && partner(np))
                .or(m.weak_target.filter(|_| single))
                .filter(|&np| np != snp),
            t => t,
        };
        if sources.is_empty() {
            note!(self, "\"{}\": rule {rule} matched, source pronoun unresolved", t.text);
            return;
        }
        let target_np = if between.is_some() { None } else { target_np };
        // "opened an investigation into war crimes committed in Gaza by Israeli forces",
        // "accused of crimes committed by the army": the perpetrators named after "by" in
        // what is investigated or alleged are the target.
        let target_np = if !passive && !noun && matches!(code.root_number(), 9 | 11) {
            let perpetrator = (m.end..self.toks.len().min(m.end + 10))
                .take_while(|&k| !self.boundary(&self.toks[k]) && self.toks[k].class != Class::Comma)
                .find(|&k| self.toks[k].lower == "by" && self.toks[m.end..k].iter().any(|w| w.participle && !w.gerund))
                .and_then(|k| self.np_starting_near(k + 1))
                .filter(|&np| Some(np) != Some(snp));
            perpetrator.or(target_np)
        } else {
            target_np
        };
        // "The Front announced it was ending the ceasefire": a pronoun that is the subject of
        // the clause after the verb and stands for the source is no target, and no other
        // antecedent further back is looked for.
        let clause_subject_self = target_np.is_some_and(|tn| {
            let np = &self.nps[tn];
            np.members.len() == 1
                && np.members[0].kind == MemberKind::Pronoun
                && self.toks.get(np.end).is_some_and(|w| matches!(w.class, Class::Be | Class::Have | Class::Modal))
                && self.actors(tn, None).iter().any(|a| sources.iter().any(|s| s.code == a.code))
        });
        let mut targets = if clause_subject_self {
            note!(self, "the pronoun after \"{}\" is the source itself", t.text);
            Vec::new()
        } else {
            target_np.map(|tn| self.actors(tn, Some(&sources))).unwrap_or_default()
        };
        // "Russia's coast guard seized their three vessels": the owner of the object, when
        // not the source itself, is the target.
        if targets.is_empty() && !noun && !self.dict.is_petrarch() && !cp.pattern.has_target_slot() {
            let owner = (i + 1..m.end.min(self.toks.len()))
                // ("its" mostly stands for the source's own side: "conducting its nuclear test".)
                .find(|&q| self.toks[q].class == Class::PossPron && self.toks[q].lower != "its")
                .and_then(|q| self.tok_np[q])
                .map(|pn| self.actors(pn, None))
                .filter(|o| {
                    !o.is_empty()
                        && o.iter()
                            .all(|a| sources.iter().all(|s| s.code != a.code && s.code.country() != a.code.country()))
                });
            if let Some(o) = owner {
                note!(self, "\"{}\": the owner of its object is the target", t.text);
                targets = o;
            }
        }
        // "lifted the U.S. trade embargo against Vietnam": a bare own country named among
        // the object's modifiers gives way to the actor after the pattern.
        if !self.dict.is_petrarch()
            && !targets.is_empty()
            && targets.iter().all(|a| {
                a.code.roles().next().is_none()
                    && sources.iter().any(|s| s.code.country().is_some() && s.code.country() == a.code.country())
            })
            && target_np.is_some_and(|tn| self.nps[tn].end <= m.end)
        {
            if let Some(after) = self.first_actor_after(m.end).filter(|&np| Some(np) != target_np) {
                let other = self.actors(after, Some(&sources));
                if !other.is_empty() && other.iter().all(|a| a.code.country() != targets[0].code.country()) {
                    targets = other;
                }
            }
        }
        // "Israel recalled its ambassadors": the source's own people are not whom it acts on.
        let mut own_dropped = false;
        if !self.dict.is_petrarch() {
            let poss = |tn: usize| {
                let st = self.nps[tn].start;
                self.toks[st].class == Class::PossPron || (st > 0 && self.toks[st - 1].class == Class::PossPron)
            };
            if let Some(tn) = target_np.filter(|&tn| poss(tn)) {
                let own = |a: &Actor| {
                    sources.iter().any(|s| s.code.country().is_some() && s.code.country() == a.code.country())
                };
                // (Whose: "police arrested hundreds of its activists" are the party's.)
                let st = self.nps[tn].start;
                let pron = if self.toks[st].class == Class::PossPron { Some(tn) } else { self.tok_np[st - 1] };
                let owners = match pron {
                    Some(pn) => self.actors(pn, None),
                    // A possessive before an actor phrase: the nearest phrase before it of
                    // its number ("its" a state, not "police"; "his" a person).
                    None => {
                        let w = &self.toks[st - 1].lower;
                        let plural = pronoun_number(w).unwrap_or(false);
                        let personal = pronoun_is_personal(w);
                        (0..tn)
                            .rev()
                            .find(|&j| {
                                let p = &self.nps[j];
                                // ("police" are plural in news: "police arrested its members".)
                                let police = self.toks[p.end - 1].lower == "police";
                                p.end < st
                                    && (p.plural() || police) == plural
                                    && (!personal
                                        || p.members
                                            .iter()
                                            .all(|m| m.kind == MemberKind::Named(casus_dict::ActorKind::Person)))
                            })
                            .map(|j| self.actors(j, None))
                            .unwrap_or_default()
                    }
                };
                let owner_is_source =
                    !owners.is_empty() && owners.iter().all(|o| sources.iter().any(|s| s.code == o.code));
                if owner_is_source && self.nps[tn].members.len() == 1 && targets.iter().all(own) && !targets.is_empty()
                {
                    note!(self, "\"{}\": the target is the source's own", t.text);
                    targets.clear();
                    own_dropped = true;
                }
            }
        }
        // "the British-flagged tanker, which Iran's Revolutionary Guards seized": the object
        // of a relative clause is its antecedent.
        // (Also before a place: "a tanker that Royal Marines seized off Gibraltar".)
        let placed = target_np.is_some_and(|tn| {
            self.nps[tn].prep.is_some_and(|p| {
                matches!(self.toks[p].lower.as_str(), "in" | "off" | "near" | "at" | "outside" | "inside" | "over")
            })
        });
        if (targets.is_empty() || placed)
            && !noun
            && !passive
            && !self.dict.is_petrarch()
            && !cp.pattern.has_target_slot()
        {
            if let Some(ante) = self.relative_object(snp, m.end.max(i + 1)) {
                targets = self.actors(ante, Some(&sources));
                note!(self, "\"{}\": the antecedent of the relative clause is the target", t.text);
            }
        }
        // "Blair and Chirac clashed over the Iraq war": for a compound subject of a mutual
        // verb, what comes after "over" or "about" is the topic; they act on each other.
        if sources.len() >= 2
            && t.verb_lemma.is_some_and(reciprocal_verb)
            && target_np.is_some_and(|tn| {
                let st = self.nps[tn].start;
                // ("battled for control of the capital": a place fought over.)
                let topic = |w: &str| matches!(w, "over" | "about" | "on" | "for" | "of");
                st > 0 && topic(self.toks[st - 1].lower.as_str())
                    || self.nps[tn].prep.is_some_and(|p| topic(self.toks[p].lower.as_str()))
            })
        {
            targets.clear();
        }
        // "dropped food parcels over northern Gaza", "struck targets in southern Lebanon":
        // force used or aid delivered in another country is aimed at it.
        if targets.is_empty() && !self.dict.is_petrarch() && matches!(code.root_number(), 7 | 18 | 19 | 20) {
            if let Some(place) = self.foreign_place_after(m.end.max(i + 1), &sources) {
                targets = self.actors(place, Some(&sources));
                note!(self, "\"{}\": the place named after it is the target", t.text);
            }
        }
        // "Protesters blocked highways across Brazil": the country where a protest happens
        // is not whom it is against (a capital may stand for its government: "rioted in
        // Kathmandu").
        if code.root_number() == 14
            && target_np.is_some_and(|tn| {
                let np = &self.nps[tn];
                np.prep.is_some_and(|p| {
                    matches!(
                        self.toks[p].lower.as_str(),
                        "in" | "across" | "at" | "through" | "throughout" | "around" | "outside"
                    )
                }) && np.members.iter().all(|mm| {
                    matches!(mm.kind, MemberKind::Named(casus_dict::ActorKind::Country | casus_dict::ActorKind::Region))
                })
            })
        {
            targets.clear();
        }
        // "Saudi Arabia and Iran agreed to reopen their embassies": what the members of a
        // compound subject own is no target; they act on each other.
        if sources.len() >= 2
            && target_np.is_some_and(|tn| {
                let st = self.nps[tn].start;
                self.toks[st].lower == "their" || (st > 0 && self.toks[st - 1].lower == "their")
            })
            && targets
                .iter()
                .all(|t| t.code.country().is_some_and(|c| sources.iter().any(|s| s.code.country() == Some(c))))
        {
            targets.clear();
        }
        // "North Korea fired shells at the island, killing two marines": victims of force
        // whose country was only guessed from the story are the other side named here.
        if code.root_number() >= 18 {
            for tg in &mut targets {
                let src_country = sources.first().and_then(|s| s.code.country().map(str::to_owned));
                if !tg.guessed || tg.code.country().map(str::to_owned) != src_country || !armed_side(tg.code) {
                    continue;
                }
                if let Some(c) = src_country.as_deref().and_then(|sc| self.other_country(sc)) {
                    tg.code = tg.code.with_country(&c);
                    tg.guessed = false;
                }
            }
        }
        let gerund_after_prep = !noun && t.gerund && i > 0 && self.toks[i - 1].class == Class::Prep;
        // (A target that is the source itself does not count: "welcomed Trump's remarks on
        // improving relations with Russia".)
        let only_self_target = !targets.is_empty()
            && targets.iter().all(|tg| {
                sources.iter().any(|s| {
                    s.code == tg.code || (tg.code.roles().next().is_none() && tg.code.country() == s.code.country())
                })
            });
        if (targets.is_empty() || only_self_target) && gerund_after_prep {
            note!(self, "\"{}\": rule {rule} matched, but a gerund after a preposition needs a target", t.text);
            return;
        }
        // "Saudi Arabia and Iran restored relations": a compound subject without a target
        // acts on itself, each member on each other.
        // "shelled each other's positions"
        let each_other = self.toks[m.end.min(self.toks.len())..]
            .windows(2)
            .take(3)
            .any(|w| matches!((w[0].lower.as_str(), w[1].lower.as_str()), ("each", "other") | ("one", "another")));
        // "declared a bilateral ceasefire", "pledged to end their dispute": a joint action.
        let window = &self.toks[i + 1..self.toks.len().min(m.end.max(i + 1) + 6)];
        // ("Modi and his Nepali counterpart jointly inaugurated a pipeline".)
        let joint = window.iter().any(|w| matches!(w.lower.as_str(), "joint" | "bilateral" | "mutual" | "together" | "jointly"))
            || (i > 0 && matches!(self.toks[i - 1].lower.as_str(), "jointly" | "together"))
            // What two sides share: "renewed diplomatic ties", "their border dispute".
            || (window.iter().any(|x| {
                    matches!(
                        x.lower.trim_end_matches('s'),
                        "dispute" | "difference" | "relation" | "tie" | "talk" | "rivalry" | "feud" | "agreement"
                            | "cooperation" | "quarrel" | "standoff" | "accord" | "treaty" | "pact" | "exchange" | "swap"
                    )
                }));
        // "opened a rail link across their border": what belongs to both.
        // (Not each one's own: "India and Pakistan put their air forces on alert".)
        // (Nor their own people: "ordered mobilisations of their armed forces".)
        let theirs = !own_dropped
            && (i + 1..self.toks.len().min(m.end.max(i + 1) + 6)).any(|k| {
                self.toks[k].class == Class::PossPron
                    && self.toks[k].lower == "their"
                    && ![k, k + 1].iter().any(|&q| {
                        self.tok_np.get(q).copied().flatten().is_some_and(|np| {
                            self.nps[np].members.iter().any(|m| {
                                m.kind == MemberKind::Agent
                                    && m.code.is_some_and(|c| {
                                        armed_side(c) || c.roles().any(|r| matches!(r, "CVL" | "REF" | "REB"))
                                    })
                            })
                        })
                    })
            });
        // "Warships from India, Japan and the United States began naval exercises": forces
        // of several countries exercising together cooperate (062), not threaten (150).
        let exercise = code.as_str() == "150"
            && !self.dict.is_petrarch()
            && targets.is_empty()
            && window.iter().any(|w| {
                matches!(
                    w.lower.as_str(),
                    "exercise"
                        | "exercises"
                        | "drill"
                        | "drills"
                        | "manoeuvres"
                        | "maneuvers"
                        | "patrol"
                        | "patrols"
                        | "wargames"
                )
            })
            && {
                let mut countries: Vec<&str> = sources.iter().filter_map(|s| s.code.country()).collect();
                countries.dedup();
                countries.len() >= 2
            };
        let code = if exercise { "062".parse().unwrap_or(code) } else { code };
        // "massed troops along their border", "stopped fighting": what only the two can share
        // (a border between them, fighting each other), whatever else the verb did.
        let shared = !self.dict.is_petrarch()
            && (window.windows(2).any(|w| {
                w[0].lower == "their"
                    && matches!(
                        w[1].lower.as_str(),
                        "border" | "frontier" | "boundary" | "common" | "shared" | "disputed"
                    )
            }) || (code.as_str().starts_with("087")
                && window.first().is_some_and(|w| matches!(w.lower.as_str(), "fighting" | "hostilities" | "clashes"))));
        // (Their own troops are no target then: "India and Pakistan massed troops along
        // their border".)
        if shared
            && code.root_number() == 15
            && sources.len() >= 2
            && targets.iter().all(|tg| !tg.code.has_country() && armed_side(tg.code))
        {
            targets.clear();
        }
        let reciprocal = between.is_some()
            || exercise
            || shared
            || (cp.pattern.compound && m.source.is_some())
            || (!noun && (t.verb_lemma.is_some_and(reciprocal_verb) || each_other || joint || theirs))
            // ("Uzbekistan and Tajikistan said they saw eye to eye": accord is mutual.)
            || (!self.dict.is_petrarch() && matches!(code.as_str(), "019" | "036" | "037" | "046"));
        // A pattern that spells out the negation ("- &NEGATVAUXVRB * OVER EFFORTS" in
        // PETRARCH dictionaries) codes the negated action as its own event.
        let negation_in_pattern = !cp.before.is_empty()
            && m.start < i
            && self.toks[m.start..i].iter().any(|t| t.class == Class::Neg || t.lower == "neither");
        let negated = !negation_in_pattern
            && (self.negated(self.nps[snp].end.min(subj_at), subj_at)
                || (subj_at != i && self.negated(subj_at + 1, i)));
        let verb_end = if m.last_word >= i { self.toks[m.last_word].span.end } else { t.span.end };
        let verb = Span::new(t.span.start, verb_end.max(t.span.end));
        if targets.is_empty() && sources.len() >= 2 && !gerund_after_prep && reciprocal {
            let mut made = 0;
            for a in &sources {
                for b in &sources {
                    if a.code != b.code {
                        out.push(Candidate {
                            source: a.clone(),
                            target: Some(b.clone()),
                            code,
                            verb,
                            negated,
                            rule: rule.to_owned(),
                        });
                        made += 1;
                    }
                }
            }
            note!(self, "\"{}\": rule {rule} → {made} event(s) among the members of a compound subject", t.text);
            // ("Hamas and Islamic Jihad rejected the agreement": members with one code act as
            // one.)
            if made > 0 || self.dict.is_petrarch() {
                return;
            }
        }
        if targets.is_empty() && open_slot && !root_allows_no_target(code) {
            note!(self, "\"{}\": rule {rule} matched, but no target actor (code {code} needs one)", t.text);
            return;
        }
        // PETRARCH codes an event without a target actor only when the verb has an object
        // ("burned down its embassy", "said on Saturday"), not for "said today".
        if targets.is_empty() && self.dict.is_petrarch() && !self.has_object(m.end.max(i + 1)) {
            note!(self, "\"{}\": rule {rule} matched, but no target and no object", t.text);
            return;
        }
        let mut made = 0;
        for s in &sources {
            // "a spokesman for the Liberian government declined to comment on President
            // Taylor": a target that is the source itself leaves the event without one.
            let only_self = !targets.is_empty() && targets.iter().all(|tg| tg.code == s.code);
            if targets.is_empty() || (only_self && (!open_slot || root_allows_no_target(code))) {
                out.push(Candidate { source: s.clone(), target: None, code, verb, negated, rule: rule.to_owned() });
                made += 1;
            }
            for tg in &targets {
                if tg.code == s.code {
                    continue;
                }
                out.push(Candidate {
                    source: s.clone(),
                    target: Some(tg.clone()),
                    code,
                    verb,
                    negated,
                    rule: rule.to_owned(),
                });
                made += 1;
                // A paired code ("visited" : "hosted") also codes the target's side.
                if let Some(rev) = cp.pattern.reverse {
                    out.push(Candidate {
                        source: tg.clone(),
                        target: Some(s.clone()),
                        code: rev,
                        verb,
                        negated,
                        rule: format!("{rule} (reverse)"),
                    });
                    made += 1;
                }
            }
        }
        note!(
            self,
            "\"{}\": rule {rule} → {made} event(s){}{}",
            t.text,
            if passive { ", passive" } else { "" },
            if negated { ", negated" } else { "" }
        );
    }
}
