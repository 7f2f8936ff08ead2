//! Inputs → files → documents, as one lazy stream.
//!
//! Directories are walked depth-first with entries sorted by name (byte order), so a
//! corpus always yields its documents in the same order. Inside directories, hidden entries
//! (name starting with `.`) and files without a known extension are skipped, and symbolic
//! links to directories are not followed (no loops); a file named explicitly is always
//! read, and a file without extension is read as text. Whole-file formats (text, HTML,
//! feeds) are read into memory up to their limit; JSONL is streamed line by line.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::document::{Document, Format, Input};
use crate::error::{ErrorKind, IngestError};
use crate::jsonl::{JsonlReader, SNIFF_BYTES};
use crate::{date, feed, frontmatter, html, MAX_DOCUMENT_BYTES, MAX_FEED_BYTES};

type Item = Result<Document, IngestError>;

/// The stream returned by [`crate::read_inputs`]: every document of every input, in order,
/// with an error item for each bad input, file, line or feed item.
pub struct Documents {
    inputs: std::vec::IntoIter<Input>,
    /// Stack of sorted directory listings being walked.
    dirs: Vec<std::vec::IntoIter<PathBuf>>,
    current: Current,
}

enum Current {
    Idle,
    Jsonl(JsonlReader),
    Buffered(std::vec::IntoIter<Item>),
}

impl Documents {
    pub(crate) fn new(inputs: &[Input]) -> Self {
        Documents {
            inputs: Vec::from(inputs).into_iter(),
            dirs: Vec::new(),
            current: Current::Idle,
        }
    }

    /// Starts reading the next file or input; returns an item when that fails at once.
    fn advance(&mut self) -> Option<Option<Item>> {
        if let Some(next) = self.next_in_dirs() {
            return Some(match next {
                Ok(path) => self.open(&path),
                Err(e) => Some(Err(e)),
            });
        }
        let input = self.inputs.next()?;
        Some(match input {
            Input::Stdin => match JsonlReader::new("-", Box::new(std::io::stdin())) {
                Ok(reader) => {
                    self.current = Current::Jsonl(reader);
                    None
                }
                Err(e) => Some(Err(e)),
            },
            Input::Path(path) => match fs::metadata(&path) {
                Err(e) => Some(Err(io_error(&path, &e))),
                Ok(meta) if meta.is_dir() => self.push_dir(&path).err().map(Err),
                Ok(_) => self.open(&path),
            },
        })
    }

    /// Next file found by walking directories, depth-first.
    fn next_in_dirs(&mut self) -> Option<Result<PathBuf, IngestError>> {
        loop {
            let top = self.dirs.last_mut()?;
            let Some(path) = top.next() else {
                self.dirs.pop();
                continue;
            };
            let Ok(kind) = fs::symlink_metadata(&path).map(|m| m.file_type()) else {
                return Some(Ok(path)); // vanished or unreadable: `open` reports it
            };
            let kind = if kind.is_symlink() {
                // Follow links to files, never links to directories (so no loops).
                match fs::metadata(&path) {
                    Ok(m) if m.is_dir() => continue,
                    Ok(m) => m.file_type(),
                    Err(_) => return Some(Ok(path)), // dangling or a loop: `open` says so
                }
            } else {
                kind
            };
            let known = path.extension().is_some() && Format::from_path(&path).is_some();
            if !kind.is_dir() && !kind.is_file() {
                // A FIFO, socket or device found by the walk is never opened: reading a
                // FIFO blocks until a writer comes, forever (issue 16).
                if known {
                    return Some(Err(IngestError::new(
                        label(&path),
                        ErrorKind::Io(format!("not a regular file ({}), skipped", kind_name(kind))),
                    )));
                }
                continue;
            }
            if kind.is_dir() {
                if let Err(e) = self.push_dir(&path) {
                    return Some(Err(e));
                }
            } else if known {
                return Some(Ok(path));
            }
        }
    }

    fn push_dir(&mut self, dir: &Path) -> Result<(), IngestError> {
        let entries = fs::read_dir(dir).map_err(|e| io_error(dir, &e))?;
        let mut paths = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| io_error(dir, &e))?;
            if !entry.file_name().to_string_lossy().starts_with('.') {
                paths.push(entry.path());
            }
        }
        paths.sort();
        self.dirs.push(paths.into_iter());
        Ok(())
    }

    /// Opens one file: JSONL becomes the current stream, other formats are read whole.
    fn open(&mut self, path: &Path) -> Option<Item> {
        let label = label(path);
        let Some(format) = Format::from_path(path) else {
            let ext = path.extension().unwrap_or_default().to_string_lossy();
            return Some(Err(IngestError::new(
                label,
                ErrorKind::UnsupportedFormat(format!(
                    "unknown extension `.{ext}` (known: .txt, .md, no extension, .jsonl, \
                     .ndjson, .html, .htm, .rss, .atom, .xml)"
                )),
            )));
        };
        let file = match fs::File::open(path) {
            Ok(file) => file,
            Err(e) => return Some(Err(io_error(path, &e))),
        };
        if format == Format::Jsonl {
            return match JsonlReader::new(&label, Box::new(file)) {
                Ok(reader) => {
                    self.current = Current::Jsonl(reader);
                    None
                }
                Err(e) => Some(Err(e)),
            };
        }
        let limit = if format == Format::Feed {
            MAX_FEED_BYTES
        } else {
            MAX_DOCUMENT_BYTES
        };
        let mut bytes = Vec::new();
        if let Err(e) = file.take(limit as u64 + 1).read_to_end(&mut bytes) {
            return Some(Err(io_error(path, &e)));
        }
        if bytes.len() > limit {
            return Some(Err(IngestError::new(label, ErrorKind::TooLarge { limit })));
        }
        self.current = Current::Buffered(parse_bytes(&label, format, &bytes).into_iter());
        None
    }
}

impl Iterator for Documents {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            let item = match &mut self.current {
                Current::Idle => None,
                Current::Jsonl(reader) => reader.next(),
                Current::Buffered(items) => items.next(),
            };
            if item.is_some() {
                return item;
            }
            self.current = Current::Idle;
            if let Some(item) = self.advance()? {
                return Some(item);
            }
        }
    }
}

/// Documents of one input held in memory. `path` is used for ids, origins and errors.
///
/// The same rules as for files apply: NUL bytes in the first 8 KiB make it binary, a UTF-8
/// BOM is removed, other invalid UTF-8 is an error, and an input that is empty or only
/// whitespace yields no document and no error.
pub fn parse_bytes(path: &str, format: Format, bytes: &[u8]) -> Vec<Item> {
    if format == Format::Jsonl {
        let reader = std::io::Cursor::new(bytes.to_vec());
        return match JsonlReader::new(path, Box::new(reader)) {
            Ok(reader) => reader.collect(),
            Err(e) => vec![Err(e)],
        };
    }
    if bytes[..bytes.len().min(SNIFF_BYTES)].contains(&0) {
        return vec![Err(IngestError::new(path, ErrorKind::Binary))];
    }
    let (bytes, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    let mut items = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.valid_up_to();
            let line = 1 + bytes[..valid].iter().filter(|&&b| b == b'\n').count();
            let offset = valid + bom;
            // Text and HTML keep the readable part, as ripgrep does (issue 16); a feed
            // cut short is not a feed.
            let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
            let keep = matches!(format, Format::Text | Format::Html) && !prefix.trim().is_empty();
            let kind = if keep {
                ErrorKind::InvalidUtf8Kept { offset }
            } else {
                ErrorKind::InvalidUtf8 { offset }
            };
            items.push(Err(IngestError::at_line(path, line, kind)));
            if !keep {
                return items;
            }
            prefix
        }
    };
    if text.trim().is_empty() {
        return items;
    }
    items.extend(parse_text(path, format, text));
    items
}

fn parse_text(path: &str, format: Format, text: &str) -> Vec<Item> {
    match format {
        Format::Text => frontmatter::parse(path, text.to_string())
            .map(|doc| date::checked(Ok(doc), None))
            .unwrap_or_default(),
        Format::Html => date::checked(
            html::parse(path, text).map_err(|k| IngestError::new(path, k)),
            None,
        ),
        Format::Feed => feed::parse(path, text),
        Format::Jsonl => Vec::new(), // handled above
    }
}

fn kind_name(kind: fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "a device"
    } else {
        "not a file"
    }
}

fn label(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

fn io_error(path: &Path, e: &std::io::Error) -> IngestError {
    let msg = match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot read: {e}"),
    };
    IngestError::new(label(path), ErrorKind::Io(msg))
}
