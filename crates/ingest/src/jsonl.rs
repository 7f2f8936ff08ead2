//! JSON Lines: one JSON object per line, read as a stream so that memory stays bounded by
//! the longest line, not the file.
//!
//! Fields `id`, `title`, `date`, `source`, `url`, `lang` are optional (a non-string value
//! such as `null` counts as absent; numbers and booleans are turned into strings); `text`
//! is required and must be a string, kept exactly as decoded. Other fields are ignored.
//! Blank lines are skipped. Each bad line is one error naming the file and line, and
//! reading goes on with the next line. A line longer than [`crate::MAX_DOCUMENT_BYTES`] is
//! skipped without being held in memory.

use std::io::{self, BufRead, Read};

use serde::Deserialize;
use serde_json::Value;

use crate::document::{stem_of, Document, Origin};
use crate::error::{ErrorKind, IngestError};
use crate::MAX_DOCUMENT_BYTES;

/// Bytes inspected for NUL to recognise a binary file.
pub(crate) const SNIFF_BYTES: usize = 8 * 1024;

/// The fields aras reads from a record; serde skips the others without allocating them.
#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: Value,
    #[serde(default)]
    title: Value,
    #[serde(default)]
    date: Value,
    #[serde(default)]
    source: Value,
    #[serde(default)]
    url: Value,
    #[serde(default)]
    lang: Value,
    #[serde(default)]
    text: Value,
}

/// Streams the documents of one JSONL input.
pub(crate) struct JsonlReader {
    path: String,
    stem: String,
    reader: Box<dyn BufRead + Send>,
    /// The 1-based number of the last line read.
    line: usize,
    /// Byte offset of the start of the next line, for UTF-8 error positions.
    offset: usize,
    limit: usize,
    buf: Vec<u8>,
    done: bool,
    /// The document of a line whose date warning was returned first.
    pending: Option<Box<Document>>,
}

enum Line {
    Eof,
    Read,
    TooLong,
}

impl JsonlReader {
    /// Checks the first line of the first buffered bytes (up to 8 KiB) for NUL, then reads
    /// lines. Returns the
    /// error when the input is binary or cannot be read at all. Only one `read` is made
    /// before the first line, so a pipe that sends one record at a time is not held up.
    pub(crate) fn new(path: &str, input: Box<dyn Read + Send>) -> Result<Self, IngestError> {
        let mut reader = io::BufReader::with_capacity(64 * 1024, input);
        let head = reader
            .fill_buf()
            .map_err(|e| IngestError::new(path, ErrorKind::Io(e.to_string())))?;
        // Only the first line decides whether the whole input is binary: a NUL on a later
        // line rejects that line alone (issue 16: one bad record cost a whole file).
        let head = &head[..head.len().min(SNIFF_BYTES)];
        let first_line = head.split(|&b| b == b'\n').next().unwrap_or_default();
        if first_line.contains(&0) {
            return Err(IngestError::new(path, ErrorKind::Binary));
        }
        Ok(Self::from_reader(
            path,
            Box::new(reader),
            MAX_DOCUMENT_BYTES,
        ))
    }

    pub(crate) fn from_reader(path: &str, reader: Box<dyn BufRead + Send>, limit: usize) -> Self {
        JsonlReader {
            path: path.to_string(),
            stem: stem_of(path),
            reader,
            line: 0,
            offset: 0,
            limit,
            buf: Vec::new(),
            done: false,
            pending: None,
        }
    }

    /// Reads the next line into `self.buf`, or skips it if it is longer than the limit.
    fn read_line(&mut self) -> io::Result<Line> {
        self.buf.clear();
        let n = (&mut self.reader)
            .take(self.limit as u64 + 1)
            .read_until(b'\n', &mut self.buf)?;
        if n == 0 {
            return Ok(Line::Eof);
        }
        self.line += 1;
        if self.buf.len() > self.limit && self.buf.last() != Some(&b'\n') {
            let mut skipped = self.buf.len();
            self.buf = Vec::new();
            loop {
                let available = self.reader.fill_buf()?;
                if available.is_empty() {
                    break;
                }
                if let Some(i) = available.iter().position(|&b| b == b'\n') {
                    self.reader.consume(i + 1);
                    skipped += i + 1;
                    break;
                }
                let len = available.len();
                self.reader.consume(len);
                skipped += len;
            }
            self.offset += skipped;
            return Ok(Line::TooLong);
        }
        Ok(Line::Read)
    }

    fn error(&self, kind: ErrorKind) -> IngestError {
        IngestError::at_line(&self.path, self.line, kind)
    }

    /// Parses the line in `self.buf` (starting at file offset `start`).
    fn parse_line(&mut self, start: usize) -> Option<Result<Document, IngestError>> {
        let mut bytes = self.buf.as_slice();
        let mut start = start;
        if self.line == 1 {
            if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
                bytes = rest;
                start += 3;
            }
        }
        if let Some(at) = bytes.iter().position(|&b| b == 0) {
            let offset = start + at;
            return Some(Err(self.error(ErrorKind::NulByte { offset })));
        }
        let line = match std::str::from_utf8(bytes) {
            Ok(line) => line,
            Err(e) => {
                let offset = start + e.valid_up_to();
                return Some(Err(self.error(ErrorKind::InvalidUtf8 { offset })));
            }
        };
        let line = line.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            return None;
        }
        let origin = Origin {
            path: self.path.clone(),
            line: Some(self.line),
            item: None,
        };
        let fallback_id = format!("{}-{}", self.stem, self.line);
        let mut doc = match parse_record(line, origin, fallback_id) {
            Ok(doc) => doc,
            Err(kind) => return Some(Err(self.error(kind))),
        };
        // An impossible date is a warning before the document, which is read without it.
        match crate::date::check(&mut doc, Some(self.line)) {
            Some(warning) => {
                self.pending = Some(Box::new(doc));
                Some(Err(warning))
            }
            None => Some(Ok(doc)),
        }
    }
}

impl Iterator for JsonlReader {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(doc) = self.pending.take() {
            return Some(Ok(*doc));
        }
        while !self.done {
            let start = self.offset;
            match self.read_line() {
                Ok(Line::Eof) => self.done = true,
                Ok(Line::TooLong) => {
                    let limit = self.limit;
                    return Some(Err(self.error(ErrorKind::TooLarge { limit })));
                }
                Ok(Line::Read) => {
                    self.offset += self.buf.len();
                    if let Some(result) = self.parse_line(start) {
                        return Some(result);
                    }
                }
                Err(e) => {
                    // A read error mid-stream (e.g. EIO): report it once and stop this input.
                    self.done = true;
                    let line = self.line + 1;
                    return Some(Err(IngestError::at_line(
                        &self.path,
                        line,
                        ErrorKind::Io(e.to_string()),
                    )));
                }
            }
        }
        None
    }
}

/// Turns one JSON line into a document.
pub(crate) fn parse_record(
    line: &str,
    origin: Origin,
    fallback_id: String,
) -> Result<Document, ErrorKind> {
    if !line.trim_start().starts_with('{') {
        return Err(ErrorKind::Json("expected a JSON object".into()));
    }
    let record: Record = serde_json::from_str(line).map_err(|e| json_error(&e))?;
    let text = match record.text {
        Value::String(text) => text,
        Value::Null => return Err(ErrorKind::MissingText("no `text` field".into())),
        other => {
            return Err(ErrorKind::MissingText(format!(
                "`text` is {}, not a string",
                type_name(&other)
            )))
        }
    };
    Ok(Document {
        id: string_of(record.id).unwrap_or(fallback_id),
        title: string_of(record.title),
        date: string_of(record.date),
        source: string_of(record.source),
        url: string_of(record.url),
        lang: string_of(record.lang),
        text,
        origin,
    })
}

/// serde_json's message without its `at line 1`, since every record is one line.
fn json_error(e: &serde_json::Error) -> ErrorKind {
    let msg = e.to_string();
    if e.is_eof() {
        let head = msg.split(" at line ").next().unwrap_or(&msg);
        return ErrorKind::Json(format!("{head} (the line ends too early)"));
    }
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let msg = match msg.strip_suffix(&suffix) {
        Some(head) => format!("{head} at column {}", e.column()),
        None => msg,
    };
    ErrorKind::Json(msg)
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Metadata value: trimmed non-empty string; numbers and booleans as text; else absent.
fn string_of(v: Value) -> Option<String> {
    match v {
        Value::String(s) => crate::document::non_empty(&s),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(data: &str, limit: usize) -> Vec<Result<Document, IngestError>> {
        let reader = io::Cursor::new(data.as_bytes().to_vec());
        JsonlReader::from_reader("t.jsonl", Box::new(reader), limit).collect()
    }

    #[test]
    fn too_long_line_is_skipped_and_reading_continues() {
        let long = format!("{{\"text\": \"{}\"}}", "x".repeat(100));
        let data = format!("{{\"text\":\"a\"}}\n{long}\n{{\"text\":\"b\"}}\n");
        let out = read(&data, 50);
        assert_eq!(out.len(), 3);
        assert_eq!(out[0].as_ref().map(|d| d.text.as_str()), Ok("a"));
        let err = out[1].as_ref().expect_err("too long");
        assert_eq!(err.line(), Some(2));
        assert_eq!(err.kind(), &ErrorKind::TooLarge { limit: 50 });
        let doc = out[2].as_ref().expect("third line");
        assert_eq!((doc.text.as_str(), doc.id.as_str()), ("b", "t-3"));
    }

    #[test]
    fn too_long_last_line_without_newline() {
        let data = format!("{{\"text\":\"a\"}}\n{}", "y".repeat(200));
        let out = read(&data, 50);
        assert_eq!(out.len(), 2);
        assert!(out[1].is_err());
    }

    #[test]
    fn non_object_and_wrong_types() {
        let out = read(
            "[1,2]\n{\"text\": 5}\n\"s\"\n{\"id\": 7, \"text\": \"t\", \"title\": null}\n",
            1000,
        );
        let msgs: Vec<String> = out
            .iter()
            .map(|r| match r {
                Ok(d) => format!("ok {}", d.id),
                Err(e) => e.to_string(),
            })
            .collect();
        assert_eq!(
            msgs,
            [
                "t.jsonl:1: invalid JSON: expected a JSON object",
                "t.jsonl:2: `text` is a number, not a string",
                "t.jsonl:3: invalid JSON: expected a JSON object",
                "ok 7",
            ]
        );
    }
}
