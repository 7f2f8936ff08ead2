//! The document every reader produces, and the inputs they read from.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// One document: metadata plus the body text that every byte offset in aras points into.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Document {
    /// From the metadata `id`; else derived: the file stem for a `.txt`/`.html` file,
    /// `<file stem>-<line>` for a JSONL line (`stdin-<line>` on stdin), the item's
    /// guid/id, else its link, else `<file stem>-<n>` for a feed item (n 1-based).
    pub id: String,
    pub title: Option<String>,
    /// Publication date as ISO 8601: `YYYY-MM-DD` (the day written in a timestamp's own
    /// offset, for RFC 3339 and RFC 2822 timestamps alike), or `YYYY-MM` / `YYYY` where
    /// only that is given. A date that is not one (`2025-02-31`) leaves this empty, with a
    /// warning item ([`crate::ErrorKind::InvalidDate`]) before the document.
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    /// The body. Never rewritten after reading (no newline or Unicode normalisation) for
    /// text and JSONL inputs; for HTML and feeds it is the extracted text.
    pub text: String,
    /// Where the document came from, for error messages and provenance.
    pub origin: Origin,
}

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Origin {
    /// The path as given or found while walking a directory; `-` for stdin.
    pub path: String,
    /// The JSONL line (1-based).
    pub line: Option<usize>,
    /// The feed item or entry (1-based, in document order).
    pub item: Option<usize>,
}

impl Document {
    /// A document with only an id, a body and an origin; metadata fields empty.
    pub fn new(id: impl Into<String>, text: impl Into<String>, origin: Origin) -> Self {
        Document {
            id: id.into(),
            title: None,
            date: None,
            source: None,
            url: None,
            lang: None,
            text: text.into(),
            origin,
        }
    }

    /// Lowercase hex SHA-256 of the body bytes: the content hash that makes `aras ingest`
    /// idempotent (metadata changes do not change it).
    pub fn sha256(&self) -> String {
        let digest = Sha256::digest(self.text.as_bytes());
        let mut hex = String::with_capacity(64);
        for byte in digest {
            hex.push(char::from(HEX[usize::from(byte >> 4)]));
            hex.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
        hex
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Something to read documents from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file (format by extension) or a directory (walked recursively).
    Path(PathBuf),
    /// JSON Lines on standard input.
    Stdin,
}

impl Input {
    /// A command-line argument: `-` is stdin, anything else a path.
    pub fn from_arg(arg: impl AsRef<std::ffi::OsStr>) -> Self {
        let arg = arg.as_ref();
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// The formats aras reads, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`, `.md`, `.markdown`, no extension: plain text with optional front matter.
    Text,
    /// `.jsonl`, `.ndjson`: one JSON object per line.
    Jsonl,
    /// `.html`, `.htm`, `.xhtml`: one web page.
    Html,
    /// `.rss`, `.atom`, `.xml`: an RSS 2.0/1.0 or Atom feed, one document per item.
    Feed,
}

impl Format {
    /// The format for a path's extension (case-insensitive); `None` for unknown ones.
    /// A file without an extension is [`Format::Text`].
    pub fn from_path(path: &Path) -> Option<Format> {
        let Some(ext) = path.extension() else {
            return Some(Format::Text);
        };
        let ext = ext.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" | "md" | "markdown" => Some(Format::Text),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "rss" | "atom" | "xml" => Some(Format::Feed),
            _ => None,
        }
    }
}

/// The file stem used to derive ids (`stdin` for `-`).
pub(crate) fn stem_of(path: &str) -> String {
    if path == "-" {
        return "stdin".to_string();
    }
    Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| path.to_string())
}

/// A non-empty trimmed string, or `None`.
pub(crate) fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}
