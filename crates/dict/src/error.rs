//! Errors of the dictionary loader.

use std::fmt;

/// An error found while reading or compiling a dictionary.
///
/// It names the source (a file name such as `dict/countries.tsv`) and the
/// 1-based line, and says what is wrong:
///
/// ```
/// let err = aras_dict::Dictionary::from_sources(&[("x.tsv", "AZE\tcontry\tAzerbaijan\n")])
///     .unwrap_err();
/// assert_eq!(err.source_name(), "x.tsv");
/// assert_eq!(err.line(), 1);
/// assert!(err.to_string().starts_with("x.tsv:1: unknown kind `contry`"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DictError {
    source_name: String,
    line: usize,
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub(crate) enum ErrorKind {
    #[error("expected 3 or 4 tab-separated fields (CODE, KIND, FORMS[, ATTRIBUTES]), found {0}")]
    FieldCount(usize),
    #[error("bad code `{0}`: expected `-`, `\"\"` or groups of 3 characters A-Z/0-9 (e.g. AZE, AZEGOV, IGOUNO)")]
    BadCode(String),
    #[error("bad code `{0}` for a country: expected 3 uppercase letters (ISO 3166-1 alpha-3)")]
    BadCountryCode(String),
    #[error("unknown kind `{0}` (expected country, agent, organization, person, group or place)")]
    BadKind(String),
    #[error("empty surface form in FORMS")]
    EmptyForm,
    #[error("surface form `{0}` contains a control character")]
    ControlInForm(String),
    #[error("unknown form role `@{0}` (expected name, short, historical, adj, demonym, capital, metonym, acronym, surname, title or city)")]
    BadRole(String),
    #[error("bad attribute `{0}`: expected key=value with a lowercase key")]
    BadAttr(String),
    #[error("attribute `{0}` given twice")]
    DuplicateAttr(String),
    #[error("bad date `{1}` in `{0}`: expected YYYY, YYYY-MM or YYYY-MM-DD")]
    BadDate(String, String),
    #[error("bad value `{1}` for `{0}`: {2}")]
    BadValue(String, String, &'static str),
    #[error("`from` date {0} is after `to` date {1}")]
    DateOrder(String, String),
    #[error("cannot build the automaton: {0}")]
    Build(String),
    #[error("kind `{0}` in a gazetteer: every entry must be a `place` (or a stop phrase, an `agent` coded `-`)")]
    NotAPlace(String),
    #[error("place `{0}`: {1}")]
    BadPlace(String, String),
    #[error("cannot read: {0}")]
    Io(String),
}

impl DictError {
    pub(crate) fn new(source_name: &str, line: usize, kind: ErrorKind) -> DictError {
        DictError {
            source_name: source_name.to_string(),
            line,
            kind,
        }
    }

    /// The name of the source the error is in (as given to the loader).
    pub fn source_name(&self) -> &str {
        &self.source_name
    }

    /// The 1-based line number, or 0 for an error that concerns no single line.
    pub fn line(&self) -> usize {
        self.line
    }

    /// What is wrong, without the location.
    pub fn message(&self) -> String {
        self.kind.to_string()
    }
}

impl fmt::Display for DictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.source_name, self.kind)
        } else {
            write!(f, "{}:{}: {}", self.source_name, self.line, self.kind)
        }
    }
}

impl std::error::Error for DictError {}
