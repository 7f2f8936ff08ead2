//! Reading documents from the formats users have: text with front matter, JSON Lines,
//! HTML, RSS/Atom feeds, directories and stdin.
//!
//! Everything goes through one call, [`read_inputs`], which streams a [`Document`] for
//! every article, or an [`IngestError`] for every bad file, line or feed item, and never
//! stops the batch on a bad input:
//!
//! ```no_run
//! use aras_ingest::{read_inputs, Input};
//!
//! for result in read_inputs(&[Input::from_arg("corpus/"), Input::from_arg("-")]) {
//!     match result {
//!         Ok(doc) => println!("{} {} bytes sha256={}", doc.id, doc.text.len(), doc.sha256()),
//!         Err(e) => eprintln!("warning: {e}"), // e.g. "corpus/a.jsonl:17: invalid JSON: ..."
//!     }
//! }
//! ```
//!
//! | input | format |
//! | --- | --- |
//! | `.txt`, `.md`, `.markdown`, no extension | text, optional `---` front matter (see [Text](#text)) |
//! | `.jsonl`, `.ndjson`, `-` (stdin) | one JSON object per line, `text` required |
//! | `.html`, `.htm`, `.xhtml` | the article text of a web page ([`html_to_text`]) |
//! | `.rss`, `.atom`, `.xml` | RSS 2.0/1.0 or Atom: one document per item |
//! | directory | every file with a known extension, recursively, sorted, hidden skipped |
//!
//! # Text
//! Byte offsets in aras point into [`Document::text`], so the body of a text file is kept
//! byte for byte: after the front matter's closing `---` line, `\r\n` line endings are kept
//! as they are. Only a leading UTF-8 byte order mark is removed (from every format).
//!
//! # Bad input
//! Each case is one error item naming the file (and line), then reading goes on:
//! missing or unreadable path → [`ErrorKind::Io`]; NUL in the first 8 KiB →
//! [`ErrorKind::Binary`]; invalid UTF-8 → [`ErrorKind::InvalidUtf8`] with the byte offset
//! in the file and its line; broken JSON line → [`ErrorKind::Json`]; JSON line without a
//! string `text` or feed item without a body → [`ErrorKind::MissingText`]; a document over
//! [`MAX_DOCUMENT_BYTES`] (a feed over [`MAX_FEED_BYTES`]) → [`ErrorKind::TooLarge`];
//! a page with no text → [`ErrorKind::Html`]; malformed feed or `.xml` that is not a feed
//! → [`ErrorKind::Feed`]; unknown extension named explicitly →
//! [`ErrorKind::UnsupportedFormat`]. An empty (or whitespace-only) file is not an error:
//! it has no documents. A publication date that is not a date (`2025-02-31`) is a warning,
//! [`ErrorKind::InvalidDate`] ([`IngestError::is_warning`]), just before the document,
//! which is read without a date.

mod content;
mod date;
mod document;
mod error;
mod feed;
mod frontmatter;
mod html;
mod jsonl;
mod walk;

pub use document::{Document, Format, Input, Origin};
pub use error::{ErrorKind, IngestError};
pub use html::html_to_text;
pub use walk::{parse_bytes, Documents};

/// Largest document read: a text or HTML file, or one JSONL line (64 MiB). Longer JSONL
/// lines are skipped without being held in memory; bigger files are not read.
pub const MAX_DOCUMENT_BYTES: usize = 64 << 20;

/// Largest feed file read (256 MiB): a feed holds many documents.
pub const MAX_FEED_BYTES: usize = 256 << 20;

/// Streams every document of every input, in order: files by extension, directories
/// recursively (sorted by name, hidden entries and unknown extensions skipped), `-` as
/// JSONL on stdin. Each bad file, line or item is an `Err` item and the stream goes on.
/// Memory stays bounded by the largest single document (JSONL is read line by line).
pub fn read_inputs(inputs: &[Input]) -> Documents {
    Documents::new(inputs)
}
