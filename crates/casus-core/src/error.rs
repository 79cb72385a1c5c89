/// Errors from parsing domain values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The text is not a CAMEO 1.1b3 event code.
    #[error("unknown CAMEO event code {code:?}")]
    UnknownCameoCode {
        /// The rejected text.
        code: String,
    },
    /// The text is not a well-formed CAMEO actor code.
    #[error("invalid actor code {code:?}: {reason}")]
    InvalidActorCode {
        /// The rejected text.
        code: String,
        /// Why it was rejected.
        reason: &'static str,
    },
    /// The text is not a valid `YYYY-MM-DD` date.
    #[error("invalid date {text:?} (expected YYYY-MM-DD)")]
    InvalidDate {
        /// The rejected text.
        text: String,
    },
}

/// A `Result` whose error defaults to [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
