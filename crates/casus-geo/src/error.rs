//! Errors of casus-geo.

/// An error reading gazetteer data.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A line of a gazetteer file is malformed.
    #[error("{file}:{line}: {message}")]
    Parse {
        /// Which file ("places.tsv").
        file: &'static str,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// `Result` with [`Error`] as the default error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_file_and_line() {
        let e = Error::Parse { file: "places.tsv", line: 7, message: "bad latitude \"x\"".into() };
        assert_eq!(e.to_string(), "places.tsv:7: bad latitude \"x\"");
    }
}
