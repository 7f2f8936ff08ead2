//! Plain text with optional front matter:
//!
//! ```text
//! ---
//! id: seed-azerbaijan-israel-iran
//! title: "Baku between Israel and Iran"
//! ---
//! Body starts here ...
//! ```
//!
//! The first line must be exactly `---` (a trailing `\r` is allowed), the block ends at the
//! next line that is exactly `---`, and the body is everything after that line's newline
//! (`\n` or `\r\n`). The body is returned byte for byte as it is in the file: Windows line
//! endings inside it are kept (offsets in aras point into the body, so it is never
//! rewritten). A block whose lines do not look like `key: value` (or YAML-style comments,
//! list items and indented continuations) is not front matter, so a text that merely starts
//! with a `---` rule keeps all its text as the body.

use crate::document::{non_empty, stem_of, Document, Origin};

/// Metadata fields read from front matter (unknown keys are ignored).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Meta {
    pub id: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
}

/// Splits `text` into front matter and the body's byte offset in `text`.
/// Returns `None` when there is no (well-formed) front matter.
pub(crate) fn split(text: &str) -> Option<(Meta, usize)> {
    let mut lines = LineIter { text, pos: 0 };
    let (first, _) = lines.next()?;
    if first != "---" {
        return None;
    }
    let mut meta = Meta::default();
    for (line, end) in lines {
        if line == "---" {
            return Some((meta, end));
        }
        if !read_line(line, &mut meta) {
            return None;
        }
    }
    None
}

/// Reads one front matter line into `meta`; false if the line is not front-matter shaped.
fn read_line(line: &str, meta: &mut Meta) -> bool {
    let trimmed = line.trim();
    if trimmed.is_empty()
        || trimmed.starts_with('#')
        || line.starts_with([' ', '\t'])
        || line.starts_with("- ")
    {
        return true;
    }
    let Some((key, value)) = line.split_once(':') else {
        return false;
    };
    let key = key.trim();
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
    {
        return false;
    }
    let value = unquote(value.trim());
    let slot = match key.to_ascii_lowercase().as_str() {
        "id" => &mut meta.id,
        "title" => &mut meta.title,
        "date" => &mut meta.date,
        "source" => &mut meta.source,
        "url" => &mut meta.url,
        "lang" | "language" => &mut meta.lang,
        _ => return true,
    };
    *slot = non_empty(&value);
    true
}

/// Strips one pair of matching quotes; in double quotes `\"` and `\\` are unescaped.
fn unquote(value: &str) -> String {
    // Slice only once both ends are known to be ASCII quotes: a value such as `é` or
    // `"x€` has a multi-byte character at one end (issue 16, found by fuzzing).
    for (quote, escapes) in [('"', true), ('\'', false)] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|rest| rest.strip_suffix(quote))
        {
            return if escapes {
                inner.replace("\\\"", "\"").replace("\\\\", "\\")
            } else {
                inner.replace("''", "'")
            };
        }
    }
    value.to_string()
}

/// Lines without their terminator (`\n`, `\r\n`), each with the offset just past it.
struct LineIter<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (&'a str, usize);

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let rest = &self.text[self.pos..];
        let (line, advance) = match rest.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        self.pos += advance;
        Some((line.strip_suffix('\r').unwrap_or(line), self.pos))
    }
}

/// Builds the document of a text file whose content (BOM already removed) is `text`.
/// Returns `None` for a file with no front matter and only whitespace: nothing to analyse.
pub(crate) fn parse(path: &str, text: String) -> Option<Document> {
    let origin = Origin {
        path: path.to_string(),
        line: None,
        item: None,
    };
    match split(&text) {
        Some((meta, body_start)) => {
            let mut text = text;
            text.drain(..body_start);
            Some(Document {
                id: meta.id.unwrap_or_else(|| stem_of(path)),
                title: meta.title,
                date: meta.date,
                source: meta.source,
                url: meta.url,
                lang: meta.lang,
                text,
                origin,
            })
        }
        None if text.trim().is_empty() => None,
        None => Some(Document::new(stem_of(path), text, origin)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_starts_after_closing_line() {
        let t = "---\nid: a\ntitle: 'It''s'\n---\nBody\n";
        let (meta, start) = split(t).expect("front matter");
        assert_eq!(&t[start..], "Body\n");
        assert_eq!(meta.id.as_deref(), Some("a"));
        assert_eq!(meta.title.as_deref(), Some("It's"));
    }

    #[test]
    fn crlf_front_matter() {
        let t = "---\r\nid: \"x \\\"y\\\"\"\r\n---\r\nBody\r\nMore";
        let (meta, start) = split(t).expect("front matter");
        assert_eq!(&t[start..], "Body\r\nMore");
        assert_eq!(meta.id.as_deref(), Some("x \"y\""));
    }

    #[test]
    fn not_front_matter() {
        assert!(split("--- \nid: a\n---\n").is_none());
        assert!(split("---\nid: a\n").is_none());
        assert!(split("---\nThis is prose, not metadata.\n---\nx").is_none());
        assert!(split("").is_none());
    }

    #[test]
    fn empty_body_and_unknown_keys() {
        let t = "---\nfoo: bar\ntags:\n  - a\n---";
        let (meta, start) = split(t).expect("front matter");
        assert_eq!(meta, Meta::default());
        assert_eq!(start, t.len());
    }
}
