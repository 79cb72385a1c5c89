//! News text for casus: documents from plain text and JSON Lines, boilerplate removal,
//! datelines, sentence splitting, tokens with byte spans into the original text, and
//! lemmas from a real inflection table.
//!
//! Nothing is rewritten: cleaning and splitting only choose byte ranges of the document's
//! text, so every [`Sentence`] and [`Token`] maps back to the source.
//!
//! # Overview
//!
//! - [`Document`]: id, date, title, text and metadata; [`Document::from_plain`] and
//!   [`JsonLines`] read them.
//! - [`Document::analyze`] runs the text stage and returns an [`Analysis`]: the removed
//!   boilerplate, the [`Dateline`] and the [`Sentence`]s.
//! - [`tokenize`] turns a sentence into [`Token`]s; [`Lexicon`] gives verb and noun lemmas.
//!
//! # Example
//!
//! ```
//! use casus_text::Document;
//!
//! let doc = Document::from_plain(
//!     "demo",
//!     "DAMASCUS (Reuters) - Gen. Smith met U.S. envoys. Rebels fought on.",
//! );
//! let analysis = doc.analyze();
//! assert_eq!(analysis.dateline.as_ref().map(|d| d.place.as_str()), Some("DAMASCUS"));
//! let sentences: Vec<&str> = analysis.sentences.iter().map(|s| s.text(&doc.text)).collect();
//! assert_eq!(sentences, ["Gen. Smith met U.S. envoys.", "Rebels fought on."]);
//!
//! let lexicon = casus_text::Lexicon::embedded();
//! assert_eq!(lexicon.verb_lemma("fought"), Some("fight"));
//! # Ok::<(), casus_text::Error>(())
//! ```

mod clean;
mod dateline;
mod dates;
mod document;
mod error;
mod lemma;
mod sentence;
mod token;

pub use clean::{Boilerplate, BoilerplateKind};
pub use dateline::Dateline;
pub use dates::{find_dates, find_dates_in_tokens, parse_dateline_date, DateMention, DatePrecision};
pub use document::{parse_loose_date, Analysis, Document, JsonLines};
pub use error::{Error, Result};
pub use lemma::{Lexicon, VerbForm};
pub use sentence::{split_sentences, Sentence};
pub use token::{tokenize, Token, TokenKind};
