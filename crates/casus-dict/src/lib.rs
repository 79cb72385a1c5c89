//! Dictionaries for casus: the casus lexicon format, loaders, lint, and the compiled
//! matchers the coder runs on; plus the embedded default lexicon.
//!
//! Every dictionary source (the embedded lexicon, users' files in the same format)
//! becomes [`Entries`], and layers of entries compile into one [`Dictionary`]: a word
//! vocabulary, token tries for actor names and agent nouns, and verb patterns indexed by
//! head lemma. The coder only ever sees a `Dictionary`.
//!
//! # Overview
//!
//! - [`embedded`], [`load_path`]: read entries, with [`Diagnostic`]s for broken lines.
//! - [`Dictionary::compile`]: layers of entries → matchers; later layers override.
//! - [`lint`]: duplicate names, conflicting codes, shadowed patterns.
//!
//! # Example
//!
//! ```
//! use casus_dict::{embedded, Dictionary};
//!
//! let loaded = embedded();
//! assert!(loaded.diagnostics.iter().all(|d| d.severity != casus_dict::Severity::Error));
//! let dict = Dictionary::compile(&[loaded.entries]);
//! let syria = dict.word("syria").expect("Syria is in the lexicon");
//! let m = dict.actor_matches(&[syria], 0, true);
//! assert_eq!(dict.actor(m[0].entries[0]).code.as_str(), "SYR");
//! # Ok::<(), casus_dict::Error>(())
//! ```

mod compile;
mod entry;
mod error;
mod format;
mod lint;
mod load;
mod packed;
mod petrarch;
mod stats;

pub use compile::{name_key, ActorMatch, CItem, CompiledPattern, Dictionary, WordId};
pub use entry::{ActorEntry, ActorKind, AgentEntry, DateRange, Discard, Entries, Item, Pattern};
pub use error::{Diagnostic, Error, Origin, Result, Severity};
pub use format::{normalize, parse_actors, parse_agents, parse_date_range, parse_verbs, FileKind};
pub use lint::lint;
pub use load::{embedded, embedded_file, embedded_files, load_file_as, load_path, read_text, Loaded};
pub use petrarch::{
    load_petrarch_config, load_petrarch_dir, load_petrarch_file, parse_petrarch_actors, parse_petrarch_agents,
    parse_petrarch_config, parse_petrarch_discards, parse_petrarch_verbs, PetrarchConfig, PetrarchKind,
};
pub use stats::Stats;
