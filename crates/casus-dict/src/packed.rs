//! A compiled [`Dictionary`] as bytes: the build script compiles the embedded lexicon
//! and writes it with [`Dictionary::to_bytes`]; [`Dictionary::embedded`] reads it back
//! with [`Dictionary::from_bytes`], which costs a few milliseconds instead of parsing and
//! compiling the lexicon.
//!
//! The format is private to one build of the crate (it is written and read by the same
//! code): LEB128 integers, length-prefixed UTF-8 strings, and each entry's origin as an
//! index into a table of file names plus a line.
//!
//! This module is also compiled into `build.rs` (by `#[path]`).

use std::sync::Arc;

use casus_core::{ActorCode, CameoCode, Date};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::compile::{CItem, CompiledPattern, Dictionary, Trie, WordId};
use crate::entry::{ActorEntry, ActorKind, AgentEntry, DateRange, Item, Pattern};
use crate::Origin;

const MAGIC: &[u8; 8] = b"casus-d1";

const KINDS: [ActorKind; 9] = [
    ActorKind::Country,
    ActorKind::Demonym,
    ActorKind::Capital,
    ActorKind::Region,
    ActorKind::Igo,
    ActorKind::Ngo,
    ActorKind::Group,
    ActorKind::Person,
    ActorKind::Other,
];

/// Why bytes are not a packed dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Corrupt(pub(crate) &'static str);

type Result<T> = std::result::Result<T, Corrupt>;

#[derive(Default)]
struct Writer {
    buf: Vec<u8>,
    files: Vec<Arc<str>>,
}

impl Writer {
    fn uint(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.buf.push(b);
                return;
            }
            self.buf.push(b | 0x80);
        }
    }

    fn len(&mut self, n: usize) {
        self.uint(n as u64);
    }

    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }

    fn bool(&mut self, b: bool) {
        self.buf.push(u8::from(b));
    }

    fn ids(&mut self, ids: &[u32]) {
        self.len(ids.len());
        for &i in ids {
            self.uint(u64::from(i));
        }
    }

    fn origin(&mut self, o: &Origin) {
        let i = match self.files.iter().position(|f| *f == o.file) {
            Some(i) => i,
            None => {
                self.files.push(o.file.clone());
                self.files.len() - 1
            }
        };
        self.len(i);
        self.len(o.line);
    }

    fn date(&mut self, d: Option<Date>) {
        match d {
            None => self.uint(0),
            // Zig-zag encoded days, plus one.
            Some(d) => {
                let days = d.to_days();
                self.uint(((days << 1) ^ (days >> 63)) as u64 + 1);
            }
        }
    }

    fn code(&mut self, c: Option<CameoCode>) {
        self.str(c.map_or("", CameoCode::as_str));
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Phrase(alts) => {
                self.buf.push(0);
                self.len(alts.len());
                for alt in alts {
                    self.len(alt.len());
                    for w in alt {
                        self.str(w);
                    }
                }
            }
            Item::Optional(inner) => {
                self.buf.push(1);
                self.item(inner);
            }
            Item::Target => self.buf.push(2),
            Item::Source => self.buf.push(3),
            Item::Gap(n) => {
                self.buf.push(4);
                self.buf.push(*n);
            }
            Item::Skip(n) => {
                self.buf.push(5);
                self.buf.push(*n);
            }
        }
    }

    fn citem(&mut self, item: &CItem) {
        match item {
            CItem::Phrase(alts) => {
                self.buf.push(0);
                self.len(alts.len());
                for alt in alts {
                    self.ids(alt);
                }
            }
            CItem::Optional(inner) => {
                self.buf.push(1);
                self.citem(inner);
            }
            CItem::Target => self.buf.push(2),
            CItem::Source => self.buf.push(3),
            CItem::Gap(n) => {
                self.buf.push(4);
                self.buf.push(*n);
            }
            CItem::Skip(n) => {
                self.buf.push(5);
                self.buf.push(*n);
            }
        }
    }

    fn trie(&mut self, t: &Trie) {
        self.len(t.edges().count());
        for (node, w, child) in t.edges() {
            self.uint(u64::from(node));
            self.uint(u64::from(w));
            self.uint(u64::from(child));
        }
        self.len(t.values.len());
        for v in &t.values {
            self.ids(v);
        }
    }

    fn heads(&mut self, heads: &FxHashMap<WordId, Vec<u32>>) {
        let mut hs: Vec<_> = heads.iter().collect();
        hs.sort_unstable();
        self.len(hs.len());
        for (&h, list) in hs {
            self.uint(u64::from(h));
            self.ids(list);
        }
    }
}

struct Reader<'b> {
    buf: &'b [u8],
    pos: usize,
    files: Vec<Arc<str>>,
}

impl<'b> Reader<'b> {
    fn byte(&mut self) -> Result<u8> {
        let b = *self.buf.get(self.pos).ok_or(Corrupt("truncated"))?;
        self.pos += 1;
        Ok(b)
    }

    fn uint(&mut self) -> Result<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(Corrupt("integer too long"))
    }

    fn u32(&mut self) -> Result<u32> {
        u32::try_from(self.uint()?).map_err(|_| Corrupt("integer out of range"))
    }

    fn len(&mut self) -> Result<usize> {
        let n = usize::try_from(self.uint()?).map_err(|_| Corrupt("length out of range"))?;
        // Every element takes at least one byte: a longer count is corrupt.
        if n > self.buf.len() - self.pos.min(self.buf.len()) {
            return Err(Corrupt("length past the end"));
        }
        Ok(n)
    }

    fn str(&mut self) -> Result<&'b str> {
        let n = self.len()?;
        let bytes = self.buf.get(self.pos..self.pos + n).ok_or(Corrupt("truncated string"))?;
        self.pos += n;
        std::str::from_utf8(bytes).map_err(|_| Corrupt("string not UTF-8"))
    }

    fn bool(&mut self) -> Result<bool> {
        Ok(self.byte()? != 0)
    }

    fn ids(&mut self) -> Result<Vec<u32>> {
        let n = self.len()?;
        (0..n).map(|_| self.u32()).collect()
    }

    fn origin(&mut self) -> Result<Origin> {
        let i = self.len()?;
        let file = self.files.get(i).ok_or(Corrupt("file index"))?.clone();
        Ok(Origin { file, line: self.len()? })
    }

    fn date(&mut self) -> Result<Option<Date>> {
        match self.uint()? {
            0 => Ok(None),
            d => {
                let z = d - 1;
                let days = (z >> 1) as i64 ^ -((z & 1) as i64);
                Date::from_days(days).map(Some).ok_or(Corrupt("date"))
            }
        }
    }

    fn code(&mut self) -> Result<Option<CameoCode>> {
        match self.str()? {
            "" => Ok(None),
            s => s.parse().map(Some).map_err(|_| Corrupt("CAMEO code")),
        }
    }

    fn actor_code(&mut self) -> Result<ActorCode> {
        self.str()?.parse().map_err(|_| Corrupt("actor code"))
    }

    fn item(&mut self) -> Result<Item> {
        Ok(match self.byte()? {
            0 => {
                let n = self.len()?;
                let mut alts = Vec::with_capacity(n);
                for _ in 0..n {
                    let m = self.len()?;
                    alts.push((0..m).map(|_| self.str().map(str::to_owned)).collect::<Result<Vec<_>>>()?);
                }
                Item::Phrase(alts)
            }
            1 => Item::Optional(Box::new(self.item()?)),
            2 => Item::Target,
            3 => Item::Source,
            4 => Item::Gap(self.byte()?),
            5 => Item::Skip(self.byte()?),
            _ => return Err(Corrupt("item tag")),
        })
    }

    fn items(&mut self) -> Result<Vec<Item>> {
        let n = self.len()?;
        (0..n).map(|_| self.item()).collect()
    }

    fn citem(&mut self) -> Result<CItem> {
        Ok(match self.byte()? {
            0 => {
                let n = self.len()?;
                CItem::Phrase((0..n).map(|_| self.ids()).collect::<Result<_>>()?)
            }
            1 => CItem::Optional(Box::new(self.citem()?)),
            2 => CItem::Target,
            3 => CItem::Source,
            4 => CItem::Gap(self.byte()?),
            5 => CItem::Skip(self.byte()?),
            _ => return Err(Corrupt("item tag")),
        })
    }

    fn citems(&mut self) -> Result<Vec<CItem>> {
        let n = self.len()?;
        (0..n).map(|_| self.citem()).collect()
    }

    fn trie(&mut self) -> Result<Trie> {
        let n = self.len()?;
        let mut edges = Vec::with_capacity(n);
        for _ in 0..n {
            edges.push((self.u32()?, self.u32()?, self.u32()?));
        }
        let n = self.len()?;
        let values: Vec<Vec<u32>> = (0..n).map(|_| self.ids()).collect::<Result<_>>()?;
        if n >= 1 << 30 || edges.iter().any(|&(node, _, child)| node as usize >= n || child as usize >= n) {
            return Err(Corrupt("trie node"));
        }
        Ok(Trie::from_edges(edges, values))
    }

    fn heads(&mut self) -> Result<FxHashMap<WordId, Vec<u32>>> {
        let n = self.len()?;
        let mut m = FxHashMap::default();
        m.reserve(n);
        for _ in 0..n {
            let h = self.u32()?;
            m.insert(h, self.ids()?);
        }
        Ok(m)
    }
}

impl Dictionary {
    /// The dictionary as bytes, for `Dictionary::from_bytes` in the same build of casus.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        let mut vocab: Vec<(&String, &WordId)> = self.vocab.iter().collect();
        vocab.sort_unstable_by_key(|(_, &id)| id);
        w.len(vocab.len());
        for (word, _) in vocab {
            w.str(word);
        }
        w.len(self.actors.len());
        for (a, &cap) in self.actors.iter().zip(&self.actor_needs_capital) {
            w.str(a.code.as_str());
            w.buf.push(KINDS.iter().position(|k| *k == a.kind).and_then(|k| u8::try_from(k).ok()).unwrap_or(8));
            w.str(&a.name);
            match a.dates {
                None => w.bool(false),
                Some(r) => {
                    w.bool(true);
                    w.date(r.start);
                    w.date(r.end);
                }
            }
            w.origin(&a.origin);
            w.bool(cap);
        }
        w.trie(&self.actor_trie);
        w.len(self.agents.len());
        for a in &self.agents {
            w.str(a.role.as_str());
            w.str(&a.noun);
            w.origin(&a.origin);
        }
        w.trie(&self.agent_trie);
        w.len(self.patterns.len());
        for cp in &self.patterns {
            let p = &cp.pattern;
            w.code(p.code);
            w.str(&p.head);
            w.bool(p.noun_head);
            w.len(p.before.len());
            p.before.iter().for_each(|i| w.item(i));
            w.len(p.items.len());
            p.items.iter().for_each(|i| w.item(i));
            w.bool(p.speech);
            w.code(p.reverse);
            w.str(&p.id);
            w.origin(&p.origin);
            w.len(cp.before.len());
            cp.before.iter().for_each(|i| w.citem(i));
            w.len(cp.items.len());
            cp.items.iter().for_each(|i| w.citem(i));
            w.len(cp.required.len());
            cp.required.iter().for_each(|g| w.ids(g));
        }
        w.heads(&self.verb_heads);
        w.heads(&self.noun_heads);
        let mut speech: Vec<WordId> = self.speech_heads.iter().copied().collect();
        speech.sort_unstable();
        w.ids(&speech);

        let mut out = MAGIC.to_vec();
        let mut head = Writer::default();
        head.len(w.files.len());
        for f in &w.files {
            head.str(f);
        }
        out.extend_from_slice(&head.buf);
        out.extend_from_slice(&w.buf);
        out
    }

    /// Reads a dictionary written by [`Dictionary::to_bytes`].
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Dictionary> {
        let body = bytes.strip_prefix(MAGIC.as_slice()).ok_or(Corrupt("not a packed dictionary"))?;
        let mut r = Reader { buf: body, pos: 0, files: Vec::new() };
        let n = r.len()?;
        for _ in 0..n {
            let f: Arc<str> = Arc::from(r.str()?);
            r.files.push(f);
        }
        let n = r.len()?;
        let mut vocab = FxHashMap::default();
        vocab.reserve(n);
        for id in 0..n {
            vocab.insert(r.str()?.to_owned(), u32::try_from(id).map_err(|_| Corrupt("vocabulary size"))?);
        }
        let n = r.len()?;
        let mut actors = Vec::with_capacity(n);
        let mut actor_needs_capital = Vec::with_capacity(n);
        for _ in 0..n {
            let code = r.actor_code()?;
            let kind = *KINDS.get(usize::from(r.byte()?)).ok_or(Corrupt("actor kind"))?;
            let name = r.str()?.to_owned();
            let dates = if r.bool()? { Some(DateRange { start: r.date()?, end: r.date()? }) } else { None };
            let origin = r.origin()?;
            actors.push(ActorEntry { code, kind, name, dates, origin });
            actor_needs_capital.push(r.bool()?);
        }
        let actor_trie = r.trie()?;
        let n = r.len()?;
        let mut agents = Vec::with_capacity(n);
        for _ in 0..n {
            let role = r.actor_code()?;
            let noun = r.str()?.to_owned();
            agents.push(AgentEntry { role, noun, prefix: false, explicit_plural: false, origin: r.origin()? });
        }
        let agent_trie = r.trie()?;
        let n = r.len()?;
        let mut patterns = Vec::with_capacity(n);
        for _ in 0..n {
            let pattern = Pattern {
                code: r.code()?,
                head: r.str()?.to_owned(),
                noun_head: r.bool()?,
                before: r.items()?,
                items: r.items()?,
                speech: r.bool()?,
                reverse: r.code()?,
                id: r.str()?.to_owned(),
                origin: r.origin()?,
                compound: false,
                form: None,
            };
            let before = r.citems()?;
            let items = r.citems()?;
            let n = r.len()?;
            let required = (0..n).map(|_| r.ids()).collect::<Result<_>>()?;
            patterns.push(CompiledPattern { pattern, before, items, required });
        }
        let verb_heads = r.heads()?;
        let noun_heads = r.heads()?;
        let speech_heads: FxHashSet<WordId> = r.ids()?.into_iter().collect();
        if r.pos != body.len() {
            return Err(Corrupt("trailing bytes"));
        }
        Ok(Dictionary {
            vocab,
            actors,
            actor_needs_capital,
            actor_trie,
            agents,
            agent_trie,
            patterns,
            verb_heads,
            noun_heads,
            speech_heads,
            instance: crate::compile::next_instance(),
            petrarch: false,
            discards: Vec::new(),
            discard_finder: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The packed lexicon is the lexicon compiled now, entry for entry (the bytes are
    /// deterministic: hash maps are written sorted).
    #[test]
    fn embedded_dictionary_is_the_compiled_lexicon() {
        let compiled = Dictionary::compile(&[crate::embedded().entries]);
        let packed = Dictionary::embedded();
        let bytes = compiled.to_bytes();
        assert!(packed.to_bytes() == bytes, "the packed lexicon differs from the compiled one");
        assert_eq!(packed.patterns().len(), compiled.patterns().len());
        let syria = packed.word("syria").unwrap_or(u32::MAX);
        let m = packed.actor_matches(&[syria], 0, true);
        assert_eq!(packed.actor(m[0].entries[0]).code.as_str(), "SYR");
        assert!(packed.actors().iter().any(|a| a.dates.is_some_and(|d| d.start.is_some_and(|s| s.year() < 1970))));
    }

    #[test]
    fn damaged_bytes_are_errors() {
        let bytes = Dictionary::embedded().to_bytes();
        assert!(Dictionary::from_bytes(&bytes[..bytes.len() / 2]).is_err());
        assert!(Dictionary::from_bytes(&bytes[1..]).is_err());
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(Dictionary::from_bytes(&longer).err(), Some(Corrupt("trailing bytes")));
    }
}
