//! Compiled matchers: a word vocabulary, token tries for actor names and agent nouns, and
//! verb patterns indexed by head lemma.

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use casus_core::ActorCode;

use crate::entry::{ActorEntry, AgentEntry, Discard, Entries, Item, Pattern};
use crate::format::normalize;

/// Id of an interned word.
pub type WordId = u32;

/// No trie node.
const NO_NODE: u32 = u32::MAX;
/// In a reference to a trie node (in `Trie::root` and `Trie::kid_node`): the node has values.
const HAS_VALUES: u32 = 1 << 31;
/// In a reference to a trie node: the node has children.
const HAS_KIDS: u32 = 1 << 30;
/// The node's number in a reference to it.
const NODE: u32 = HAS_KIDS - 1;

/// A trie over word-id sequences: each node's children sorted by word, and the root's in a
/// table by word id (the root is looked at for every token of every sentence). Children are
/// referred to by number with [`HAS_VALUES`] and [`HAS_KIDS`] set as they have them, so a
/// walk reads a node's values and children only when there are some.
#[derive(Debug, Default)]
pub(crate) struct Trie {
    /// Node `n`'s children are `kid_word[first[n]..first[n + 1]]` (sorted), `kid_node` alike.
    first: Vec<u32>,
    kid_word: Vec<WordId>,
    kid_node: Vec<u32>,
    /// The root's child for each word id, or [`NO_NODE`].
    root: Vec<u32>,
    pub(crate) values: Vec<Vec<u32>>,
}

/// A [`Trie`] being built.
#[derive(Debug)]
struct TrieBuilder {
    edges: FxHashMap<(u32, WordId), u32>,
    values: Vec<Vec<u32>>,
}

impl TrieBuilder {
    fn new() -> Self {
        TrieBuilder { edges: FxHashMap::default(), values: vec![Vec::new()] }
    }

    fn insert(&mut self, key: &[WordId], value: u32) {
        let mut node = 0u32;
        for &w in key {
            let next = u32::try_from(self.values.len()).unwrap_or(u32::MAX);
            node = *self.edges.entry((node, w)).or_insert_with(|| next);
            if node == next {
                self.values.push(Vec::new());
            }
        }
        let vals = &mut self.values[node as usize];
        if !vals.contains(&value) {
            vals.push(value);
        }
    }

    fn build(self) -> Trie {
        Trie::from_edges(self.edges.into_iter().map(|((node, w), child)| (node, w, child)).collect(), self.values)
    }
}

impl Trie {
    /// The trie with these edges `(node, word, child)` and values per node (fewer than
    /// 2^30 nodes).
    pub(crate) fn from_edges(mut edges: Vec<(u32, WordId, u32)>, values: Vec<Vec<u32>>) -> Trie {
        edges.sort_unstable();
        let nodes = values.len();
        let mut first = vec![0u32; nodes + 1];
        for &(node, _, _) in &edges {
            if let Some(f) = first.get_mut(node as usize + 1) {
                *f += 1;
            }
        }
        for k in 1..first.len() {
            first[k] += first[k - 1];
        }
        let refer = |n: u32| {
            let i = n as usize;
            let kids = first.get(i + 1).zip(first.get(i)).is_some_and(|(b, a)| b > a);
            let vals = values.get(i).is_some_and(|v| !v.is_empty());
            (n & NODE) | if kids { HAS_KIDS } else { 0 } | if vals { HAS_VALUES } else { 0 }
        };
        let kid_word = edges.iter().map(|e| e.1).collect();
        let kid_node = edges.iter().map(|e| refer(e.2)).collect();
        let mut root = Vec::new();
        for &(_, w, child) in edges.iter().take_while(|e| e.0 == 0) {
            if root.len() <= w as usize {
                root.resize(w as usize + 1, NO_NODE);
            }
            root[w as usize] = refer(child);
        }
        Trie { first, kid_word, kid_node, root, values }
    }

    /// Every edge `(node, word, child)`, sorted.
    pub(crate) fn edges(&self) -> impl Iterator<Item = (u32, WordId, u32)> + '_ {
        self.first.windows(2).enumerate().flat_map(move |(node, w)| {
            let node = u32::try_from(node).unwrap_or(u32::MAX);
            (w[0] as usize..w[1] as usize).map(move |k| (node, self.kid_word[k], self.kid_node[k] & NODE))
        })
    }

    /// The reference to the child of `node` (a node number) by the word `w`.
    fn child(&self, node: u32, w: WordId) -> Option<u32> {
        let (a, b) = (*self.first.get(node as usize)? as usize, *self.first.get(node as usize + 1)? as usize);
        let kids = self.kid_word.get(a..b)?;
        let k = kids.binary_search(&w).ok()?;
        self.kid_node.get(a + k).copied()
    }

    /// Every match starting at `start`, longest first: `(length, values)`.
    fn matches<'a>(&'a self, words: &[WordId], start: usize) -> Vec<(usize, &'a [u32])> {
        let mut out = Vec::new();
        let words = words.get(start..).unwrap_or(&[]);
        let Some(mut r) = words.first().and_then(|&w| self.root.get(w as usize)).copied().filter(|&r| r != NO_NODE)
        else {
            return out;
        };
        let mut len = 1;
        loop {
            let node = r & NODE;
            if r & HAS_VALUES != 0 {
                if let Some(vals) = self.values.get(node as usize) {
                    out.push((len, vals.as_slice()));
                }
            }
            if r & HAS_KIDS == 0 {
                break;
            }
            match words.get(len).and_then(|&w| self.child(node, w)) {
                Some(next) => r = next,
                None => break,
            }
            len += 1;
        }
        out.reverse();
        out
    }
}

/// A compiled pattern item (word ids instead of strings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CItem {
    /// Any of these word-id sequences.
    Phrase(Vec<Vec<WordId>>),
    /// May be absent.
    Optional(Box<CItem>),
    /// The target slot.
    Target,
    /// The source slot.
    Source,
    /// A gap of up to this many tokens.
    Gap(u8),
    /// A gap of at least one and up to this many tokens.
    Skip(u8),
}

/// A verb pattern ready to match.
#[derive(Debug, Clone)]
pub struct CompiledPattern {
    /// The pattern as loaded.
    pub pattern: Pattern,
    /// Items before the head, nearest last.
    pub before: Vec<CItem>,
    /// Items after the head.
    pub items: Vec<CItem>,
    /// For each word item the pattern cannot do without: the words any of its
    /// alternatives starts with. A sentence lacking all of one group cannot match, which
    /// lets the coder skip most patterns at once.
    pub required: Vec<Vec<WordId>>,
}

/// A compiled dictionary: every source format compiles to this, and the coder uses only it.
#[derive(Debug)]
pub struct Dictionary {
    pub(crate) vocab: FxHashMap<String, WordId>,
    pub(crate) actors: Vec<ActorEntry>,
    pub(crate) actor_needs_capital: Vec<bool>,
    pub(crate) actor_trie: Trie,
    pub(crate) agents: Vec<AgentEntry>,
    pub(crate) agent_trie: Trie,
    pub(crate) patterns: Vec<CompiledPattern>,
    pub(crate) verb_heads: FxHashMap<WordId, Vec<u32>>,
    pub(crate) noun_heads: FxHashMap<WordId, Vec<u32>>,
    pub(crate) speech_heads: FxHashSet<WordId>,
    /// Unique per dictionary built in this process (see [`Dictionary::instance_id`]).
    pub(crate) instance: u64,
    /// Whether PETRARCH files went into it (see [`Dictionary::is_petrarch`]).
    pub(crate) petrarch: bool,
    /// Discard phrases, story-level ones first.
    pub(crate) discards: Vec<Discard>,
    /// All discard phrases (each with a leading blank) in one automaton, so a sentence is
    /// scanned once however many phrases there are.
    pub(crate) discard_finder: Option<aho_corasick::AhoCorasick>,
}

/// One automaton over every discard phrase, each with a leading blank (a phrase starts a
/// word); `None` when there are none.
fn discard_finder(discards: &[Discard]) -> Option<aho_corasick::AhoCorasick> {
    if discards.is_empty() {
        return None;
    }
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(discards.iter().map(|x| x.phrase.as_str()))
        .ok()
}

/// The next [`Dictionary::instance_id`].
pub(crate) fn next_instance() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// An actor-name match at a token position.
#[derive(Debug, Clone, Copy)]
pub struct ActorMatch<'a> {
    /// Number of tokens matched.
    pub len: usize,
    /// The entries for that name (several when dated codes differ).
    pub entries: &'a [u32],
}

impl Dictionary {
    /// Compiles layers of entries; a later layer overrides earlier ones: an actor name, an
    /// agent noun or a pattern (same head and items) defined in a later layer hides every
    /// definition of it in earlier layers.
    #[must_use]
    pub fn compile(layers: &[Entries]) -> Dictionary {
        let lemmas = casus_text::Lexicon::embedded();
        let plurals = lemmas.plural_map();
        let mut d = Dictionary {
            vocab: FxHashMap::default(),
            actors: Vec::new(),
            actor_needs_capital: Vec::new(),
            actor_trie: Trie::default(),
            agents: Vec::new(),
            agent_trie: Trie::default(),
            patterns: Vec::new(),
            verb_heads: FxHashMap::default(),
            noun_heads: FxHashMap::default(),
            speech_heads: FxHashSet::default(),
            instance: next_instance(),
            petrarch: layers.iter().any(|l| l.petrarch),
            discards: Vec::new(),
            discard_finder: None,
        };
        for layer in layers {
            for x in &layer.discards {
                let mut x = x.clone();
                x.phrase = x.phrase.to_lowercase();
                d.discards.push(x);
            }
        }
        d.discards.sort_by_key(|x| !x.story);
        d.discard_finder = discard_finder(&d.discards);

        let mut actor_trie = TrieBuilder::new();
        let mut agent_trie = TrieBuilder::new();
        // Actors: the highest layer that names a key wins the key.
        let mut owner: HashMap<Vec<String>, usize> = HashMap::new();
        for (li, layer) in layers.iter().enumerate() {
            for a in &layer.actors {
                owner.insert(name_key(&a.name), li);
            }
        }
        for (li, layer) in layers.iter().enumerate() {
            for a in &layer.actors {
                let key = name_key(&a.name);
                if owner.get(&key) != Some(&li) || key.is_empty() {
                    continue;
                }
                let ids: Vec<WordId> = key.iter().map(|w| d.intern(w)).collect();
                let idx = u32::try_from(d.actors.len()).unwrap_or(u32::MAX);
                // (A PETRARCH name written with its article, "THE_SHIRE", also matches "the
                // Shire": PETRARCH's names are all capitals.)
                let article = layer.petrarch && key.first().is_some_and(|w| w == "the") && key.len() > 1;
                d.actor_needs_capital.push(!article && a.name.chars().next().is_some_and(char::is_uppercase));
                d.actors.push(a.clone());
                actor_trie.insert(&ids, idx);
            }
        }

        // Agents: singular and plural forms of the last word.
        let mut agent_owner: HashMap<Vec<String>, usize> = HashMap::new();
        for (li, layer) in layers.iter().enumerate() {
            for a in &layer.agents {
                agent_owner.insert(name_key(&a.noun), li);
            }
        }
        for (li, layer) in layers.iter().enumerate() {
            for a in &layer.agents {
                let key = name_key(&a.noun);
                if agent_owner.get(&key) != Some(&li) || key.is_empty() {
                    continue;
                }
                let idx = u32::try_from(d.agents.len()).unwrap_or(u32::MAX);
                d.agents.push(a.clone());
                let mut forms = vec![key.clone()];
                if let Some(last) = key.last().filter(|_| !a.explicit_plural) {
                    let mut pl: Vec<String> = plurals
                        .get(last.as_str())
                        .map(|v| v.iter().map(|s| (*s).to_owned()).collect())
                        .unwrap_or_default();
                    if pl.is_empty() && lemmas.noun_singular(last).is_none() {
                        pl.push(regular_plural(last));
                    }
                    for p in pl {
                        let mut f = key.clone();
                        if let Some(l) = f.last_mut() {
                            *l = p;
                        }
                        forms.push(f);
                    }
                }
                for f in forms {
                    let ids: Vec<WordId> = f.iter().map(|w| d.intern(w)).collect();
                    agent_trie.insert(&ids, idx);
                }
            }
        }

        d.actor_trie = actor_trie.build();
        d.agent_trie = agent_trie.build();

        // Patterns: the highest layer wins a (head, items) key.
        // (Keys borrow from the layers: no formatting or copying per pattern.)
        /// What makes two patterns the same: noun or verb head, head, the form written,
        /// items before and after.
        type PatternKey<'p> = (bool, &'p str, Option<&'p str>, &'p [Item], &'p [Item]);
        fn pkey(p: &Pattern) -> PatternKey<'_> {
            (p.noun_head, p.head.as_str(), p.form.as_deref(), p.before.as_slice(), p.items.as_slice())
        }
        let mut pattern_owner: FxHashMap<PatternKey<'_>, usize> = FxHashMap::default();
        for (li, layer) in layers.iter().enumerate() {
            for p in &layer.patterns {
                pattern_owner.insert(pkey(p), li);
            }
        }
        let mut seen = FxHashSet::default();
        for (li, layer) in layers.iter().enumerate() {
            for p in &layer.patterns {
                let k = pkey(p);
                if pattern_owner.get(&k) != Some(&li) || !seen.insert((k, p.code)) {
                    continue;
                }
                let head = d.intern(&p.head);
                let before: Vec<CItem> = p.before.iter().map(|i| d.compile_item(i)).collect();
                let items: Vec<CItem> = p.items.iter().map(|i| d.compile_item(i)).collect();
                let idx = u32::try_from(d.patterns.len()).unwrap_or(u32::MAX);
                if p.noun_head {
                    d.noun_heads.entry(head).or_default().push(idx);
                } else {
                    d.verb_heads.entry(head).or_default().push(idx);
                    if p.speech {
                        d.speech_heads.insert(head);
                    }
                }
                let required = before
                    .iter()
                    .chain(&items)
                    .filter_map(|it: &CItem| match it {
                        CItem::Phrase(alts) => {
                            let mut firsts: Vec<WordId> = alts.iter().filter_map(|a| a.first().copied()).collect();
                            firsts.sort_unstable();
                            firsts.dedup();
                            Some(firsts)
                        }
                        _ => None,
                    })
                    .collect();
                d.patterns.push(CompiledPattern { pattern: p.clone(), before, items, required });
            }
        }
        d
    }

    fn intern(&mut self, w: &str) -> WordId {
        let next = u32::try_from(self.vocab.len()).unwrap_or(u32::MAX);
        *self.vocab.entry(w.to_owned()).or_insert(next)
    }

    fn compile_item(&mut self, item: &Item) -> CItem {
        match item {
            Item::Phrase(alts) => {
                CItem::Phrase(alts.iter().map(|p| p.iter().map(|w| self.intern(w)).collect()).collect())
            }
            Item::Optional(inner) => CItem::Optional(Box::new(self.compile_item(inner))),
            Item::Target => CItem::Target,
            Item::Source => CItem::Source,
            Item::Gap(n) => CItem::Gap(*n),
            Item::Skip(n) => CItem::Skip(*n),
        }
    }

    /// A number no other dictionary built in this process has: callers that cache what
    /// they looked up in a dictionary (word ids) key their caches by it.
    #[must_use]
    pub fn instance_id(&self) -> u64 {
        self.instance
    }

    /// Whether PETRARCH dictionary files went into this dictionary: the coder then follows
    /// PETRARCH's conventions where they differ from casus's own (a bare agent is coded
    /// `---GOV`, not given the country of the sentence; "will V" is the action, not an
    /// intention).
    #[must_use]
    pub fn is_petrarch(&self) -> bool {
        self.petrarch
    }

    /// Whether a sentence is discarded by a PETRARCH discard phrase: `Some(true)` when the
    /// whole story is (`+` entries, checked first), `Some(false)` when the sentence is,
    /// `None` otherwise. As PETRARCH does, a phrase matches where it starts a word of the
    /// text, case-insensitively; its last word is a stem unless the entry ended in `_`,
    /// when the match must be followed by a blank, `.`, `!`, `?` or the end.
    #[must_use]
    pub fn discard(&self, sentence: &str) -> Option<bool> {
        if self.discards.is_empty() {
            return None;
        }
        let Some(finder) = &self.discard_finder else { return None };
        // Words separated by single blanks, as the phrases are written (most sentences are).
        let normalized: String;
        let text = if needs_blanks_normalized(sentence) {
            normalized = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
            normalized.as_str()
        } else {
            sentence
        };
        let lower: String;
        let text = if text.is_ascii() {
            text
        } else {
            lower = text.to_lowercase();
            lower.as_str()
        };
        let bytes = text.as_bytes();
        let mut found = None;
        for m in finder.find_overlapping_iter(text) {
            let x = &self.discards[m.pattern().as_usize()];
            // The phrase starts a word, and with `_` it ends one.
            if m.start() > 0 && bytes[m.start() - 1] != b' ' {
                continue;
            }
            if x.whole_word && !text[m.end()..].chars().next().is_none_or(|c| matches!(c, ' ' | '.' | '!' | '?')) {
                continue;
            }
            if x.story {
                return Some(true);
            }
            found = Some(false);
        }
        found
    }

    /// How many words the dictionary uses: every [`WordId`] is below this.
    #[must_use]
    pub fn word_count(&self) -> usize {
        self.vocab.len()
    }

    /// The id of a normalized word, if the dictionary uses it anywhere.
    #[must_use]
    pub fn word(&self, normalized: &str) -> Option<WordId> {
        self.vocab.get(normalized).copied()
    }

    /// Actor-name matches at `start`, longest first. `capitalized` says whether the first
    /// matched token starts with a capital; names written with a capital need one.
    #[must_use]
    pub fn actor_matches(&self, words: &[WordId], start: usize, capitalized: bool) -> Vec<ActorMatch<'_>> {
        self.actor_trie
            .matches(words, start)
            .into_iter()
            .filter(|(_, vals)| capitalized || vals.iter().any(|&v| !self.actor_needs_capital[v as usize]))
            .map(|(len, entries)| ActorMatch { len, entries })
            .collect()
    }

    /// Whether entry `i` needs a capital letter in the text.
    #[must_use]
    pub fn actor_needs_capital(&self, i: u32) -> bool {
        self.actor_needs_capital.get(i as usize).copied().unwrap_or(false)
    }

    /// The longest agent-noun match at `start`: `(length, entry index)`.
    #[must_use]
    pub fn agent_match(&self, words: &[WordId], start: usize) -> Option<(usize, u32)> {
        self.agent_trie.matches(words, start).first().and_then(|(len, vals)| vals.first().map(|&v| (*len, v)))
    }

    /// An actor entry.
    #[must_use]
    pub fn actor(&self, i: u32) -> &ActorEntry {
        &self.actors[i as usize]
    }

    /// An agent entry.
    #[must_use]
    pub fn agent(&self, i: u32) -> &AgentEntry {
        &self.agents[i as usize]
    }

    /// The role code of an agent entry.
    #[must_use]
    pub fn agent_role(&self, i: u32) -> ActorCode {
        self.agents[i as usize].role
    }

    /// Every list of patterns sharing a head (verb heads, then event-noun heads).
    pub fn head_lists(&self) -> impl Iterator<Item = &[u32]> {
        self.verb_heads.values().chain(self.noun_heads.values()).map(Vec::as_slice)
    }

    /// Patterns whose head is the verb lemma `head`.
    #[must_use]
    pub fn verb_patterns(&self, head: WordId) -> &[u32] {
        self.verb_heads.get(&head).map_or(&[], Vec::as_slice)
    }

    /// Patterns whose head is the noun lemma `head`.
    #[must_use]
    pub fn noun_patterns(&self, head: WordId) -> &[u32] {
        self.noun_heads.get(&head).map_or(&[], Vec::as_slice)
    }

    /// Whether the verb lemma is a reporting verb.
    #[must_use]
    pub fn is_speech(&self, head: WordId) -> bool {
        self.speech_heads.contains(&head)
    }

    /// A compiled pattern.
    #[must_use]
    pub fn pattern(&self, i: u32) -> &CompiledPattern {
        &self.patterns[i as usize]
    }

    /// Every actor entry.
    #[must_use]
    pub fn actors(&self) -> &[ActorEntry] {
        &self.actors
    }

    /// Every agent entry.
    #[must_use]
    pub fn agents(&self) -> &[AgentEntry] {
        &self.agents
    }

    /// Every compiled pattern.
    #[must_use]
    pub fn patterns(&self) -> &[CompiledPattern] {
        &self.patterns
    }
}

/// Whether a text has words separated otherwise than by single blanks: two blanks, other
/// white space, or a blank at either end (or is empty).
fn needs_blanks_normalized(text: &str) -> bool {
    if text.is_ascii() {
        // (The ASCII white space other than the blank is \t, \n, \x0b, \x0c and \r.)
        let b = text.as_bytes();
        b.first().is_none_or(|&c| c == b' ')
            || b.last() == Some(&b' ')
            || b.windows(2).any(|w| w == b"  ")
            || b.iter().any(|c| (9..=13).contains(c))
    } else {
        text.split(' ').any(|w| w.is_empty() || w.contains(char::is_whitespace))
    }
}

/// The normalized token sequence of a name or noun phrase.
#[must_use]
pub fn name_key(name: &str) -> Vec<String> {
    casus_text::tokenize(name, 0).iter().map(|t| normalize(t.text)).collect()
}

fn regular_plural(w: &str) -> String {
    if w.ends_with('s') || w.ends_with('x') || w.ends_with("ch") || w.ends_with("sh") {
        format!("{w}es")
    } else if w.ends_with('y') && !w.ends_with("ay") && !w.ends_with("ey") && !w.ends_with("oy") {
        format!("{}ies", &w[..w.len() - 1])
    } else {
        format!("{w}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`needs_blanks_normalized`] computes, the plain way.
    fn plain(text: &str) -> bool {
        text.split(' ').any(|w| w.is_empty() || w.contains(char::is_whitespace))
    }

    #[test]
    fn blank_test_agrees_with_the_plain_one() {
        for text in [
            "",
            " ",
            "Rebels shelled the town.",
            " Rebels shelled",
            "Rebels shelled ",
            "Rebels  shelled",
            "Rebels\tshelled",
            "Rebels\nshelled",
            "Rebels\x0bshelled",
            "Rebels\rshelled",
            "Rebels\u{a0}shelled",
            "Rebels shelled Homs\u{2009}today",
            "Rebels shelled Aleppo – again",
        ] {
            assert_eq!(needs_blanks_normalized(text), plain(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn blank_test_agrees_on_any_text(text in "[ a-z\\t\\n\\r\\x0b\\x0c\\u{a0}\\u{2009}é]{0,12}") {
            proptest::prop_assert_eq!(needs_blanks_normalized(&text), plain(&text));
        }
    }
}
