//! One error type for everything that can go wrong while reading inputs.
//!
//! Every error names the input it came from (and the line, where there is one) so that a
//! batch of thousands of files can report problems the way a compiler does:
//! `data/a.jsonl:17: invalid JSON: expected `,` at line 1 column 40`.
//! Errors are values in the document stream, never a reason to stop the batch.

use std::fmt;

/// What went wrong, with the details a caller may want to act on (e.g. treat
/// [`ErrorKind::Binary`] as a quiet skip and everything else as a warning).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file or directory could not be opened or read (missing, permissions, ...).
    Io(String),
    /// The bytes are not UTF-8. `offset` is the byte offset of the first bad byte, counted
    /// from the start of the file (or of the JSONL line, when the error has a line).
    InvalidUtf8 { offset: usize },
    /// A NUL byte in the first 8 KiB: a binary file, skipped. (In JSON Lines only the
    /// first line is sniffed: a NUL on a later line rejects that line, [`ErrorKind::NulByte`].)
    Binary,
    /// A NUL byte in one JSON Lines record: that line is skipped, the rest of the file read.
    NulByte { offset: usize },
    /// Invalid UTF-8 in a text or HTML file after some readable text: the text before the
    /// first bad byte is kept as the document (a warning, like ripgrep's).
    InvalidUtf8Kept { offset: usize },
    /// A publication date that is not a date (`2025-02-31`, `not a date`): a warning, the
    /// document is read without a date.
    InvalidDate { value: String, reason: String },
    /// A JSON Lines record that is not a JSON object.
    Json(String),
    /// A record with no body: a JSONL line without a string `text`, a feed item without
    /// content/description/summary.
    MissingText(String),
    /// A document larger than [`crate::MAX_DOCUMENT_BYTES`] (or a feed larger than
    /// [`crate::MAX_FEED_BYTES`]).
    TooLarge { limit: usize },
    /// HTML that could not be turned into text (html5ever is lenient, so this is rare:
    /// in practice a page with no text at all).
    Html(String),
    /// A malformed RSS/Atom feed, or an `.xml` file that is not a feed.
    Feed(String),
    /// A file whose extension names no format that aras reads.
    UnsupportedFormat(String),
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Io(msg) => write!(f, "{msg}"),
            ErrorKind::InvalidUtf8 { offset } => write!(f, "invalid UTF-8 at byte {offset}"),
            ErrorKind::Binary => write!(f, "binary file, skipped"),
            ErrorKind::NulByte { offset } => write!(f, "NUL byte at byte {offset}, line skipped"),
            ErrorKind::InvalidUtf8Kept { offset } => write!(
                f,
                "warning: invalid UTF-8 at byte {offset}: only the text before it is read"
            ),
            ErrorKind::InvalidDate { value, reason } => write!(
                f,
                "warning: date {value:?} is not a date ({reason}): the document is read without one"
            ),
            ErrorKind::Json(msg) => write!(f, "invalid JSON: {msg}"),
            ErrorKind::MissingText(msg) => write!(f, "{msg}"),
            ErrorKind::TooLarge { limit } => {
                write!(f, "document larger than the {} MiB limit", limit >> 20)
            }
            ErrorKind::Html(msg) => write!(f, "HTML: {msg}"),
            ErrorKind::Feed(msg) => write!(f, "feed: {msg}"),
            ErrorKind::UnsupportedFormat(msg) => write!(f, "unsupported format: {msg}"),
        }
    }
}

/// An error while reading one input, one line or one feed item.
///
/// Display: `<path>[:<line>]: <what is wrong>`; `path` is `-` for stdin.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct IngestError {
    path: String,
    line: Option<usize>,
    kind: ErrorKind,
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.kind),
            None => write!(f, "{}: {}", self.path, self.kind),
        }
    }
}

impl IngestError {
    /// An error about a whole input.
    pub fn new(path: impl Into<String>, kind: ErrorKind) -> Self {
        IngestError {
            path: path.into(),
            line: None,
            kind,
        }
    }

    /// An error about one line (1-based) of an input.
    pub fn at_line(path: impl Into<String>, line: usize, kind: ErrorKind) -> Self {
        IngestError {
            path: path.into(),
            line: Some(line),
            kind,
        }
    }

    /// The input's path as given (`-` for stdin).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The 1-based line, for JSONL lines, feed items and positioned parse errors.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// True for a warning about a document that is still read whole (a publication date
    /// that is not a date): callers report it but do not count the input as failed.
    pub fn is_warning(&self) -> bool {
        matches!(self.kind, ErrorKind::InvalidDate { .. })
    }
}
