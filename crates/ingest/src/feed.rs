//! RSS 2.0 (and RSS 1.0/RDF) and Atom feeds: one document per `<item>` or `<entry>`.
//!
//! Read with `quick-xml`, a fast pull parser, well maintained and without dependencies
//! beyond `memchr`. Fields: title; link (element text, or `href` of an Atom-style link,
//! preferring `rel="alternate"`); guid/id; date from pubDate, dc:date, published or
//! updated, normalised to `YYYY-MM-DD`; body from content:encoded or Atom content, else
//! description or summary, which is HTML by convention and goes through
//! the HTML extraction without its article scoring, since an item is a fragment (Atom `type="text"` is kept as text). The channel/feed title
//! becomes `source`, its language (`<language>` or `xml:lang`) `lang`.
//!
//! Entities: the five XML ones and character references are decoded; HTML-only entities
//! such as `&nbsp;` (common in real feeds, though not XML) are left for the HTML step
//! instead of failing the feed. A feed that turns out malformed half way yields the items
//! read so far, then one error with the line of the problem.

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::Reader;

use crate::document::{non_empty, stem_of, Document, Origin};
use crate::error::{ErrorKind, IngestError};
use crate::html::fragment_text;

type Item = Result<Document, IngestError>;

/// Reads every item of the feed in `src` (BOM already removed).
pub(crate) fn parse(path: &str, src: &str) -> Vec<Item> {
    let mut parser = FeedParser {
        path,
        src,
        reader: Reader::from_str(src),
        lines: LineCounter::default(),
        out: Vec::new(),
        items: 0,
        source: None,
        lang: None,
    };
    parser.reader.config_mut().allow_dangling_amp = true;
    if let Err(err) = parser.run() {
        parser.out.push(Err(err));
    }
    let (source, lang) = (parser.source, parser.lang);
    let mut out = parser.out;
    for doc in out.iter_mut().flatten() {
        if doc.source.is_none() {
            doc.source.clone_from(&source);
        }
        if doc.lang.is_none() {
            doc.lang.clone_from(&lang);
        }
    }
    out
}

/// One item's fields as read, before they become a document.
#[derive(Default)]
struct RawItem {
    title: Option<String>,
    link: Option<String>,
    /// Whether `link` came from an alternate (or rel-less) link.
    link_preferred: bool,
    id: Option<String>,
    published: Option<String>,
    updated: Option<String>,
    content: Option<String>,
    summary: Option<String>,
    lang: Option<String>,
}

struct FeedParser<'a> {
    path: &'a str,
    src: &'a str,
    reader: Reader<&'a [u8]>,
    lines: LineCounter,
    out: Vec<Item>,
    items: usize,
    source: Option<String>,
    lang: Option<String>,
}

impl<'a> FeedParser<'a> {
    fn line_at(&mut self, pos: u64) -> usize {
        let pos = usize::try_from(pos).unwrap_or(usize::MAX);
        self.lines.line_at(self.src, pos)
    }

    fn xml_error(&mut self, e: &quick_xml::Error) -> IngestError {
        let line = self.line_at(self.reader.error_position());
        IngestError::at_line(
            self.path,
            line,
            ErrorKind::Feed(format!("malformed XML: {e}")),
        )
    }

    fn next_event(&mut self) -> Result<Event<'a>, IngestError> {
        match self.reader.read_event() {
            Ok(ev) => Ok(ev),
            Err(e) => Err(self.xml_error(&e)),
        }
    }

    fn run(&mut self) -> Result<(), IngestError> {
        // Find the root element and check that this is a feed.
        let root = loop {
            match self.next_event()? {
                Event::Start(e) => break e,
                Event::Empty(e) => break e,
                Event::Eof => {
                    return Err(IngestError::new(
                        self.path,
                        ErrorKind::Feed("no XML element: not an RSS or Atom feed".into()),
                    ))
                }
                _ => {}
            }
        };
        let root_name = String::from_utf8_lossy(root.local_name().as_ref()).into_owned();
        if !matches!(root_name.as_str(), "rss" | "RDF" | "feed") {
            return Err(IngestError::new(
                self.path,
                ErrorKind::Feed(format!(
                    "root element is <{root_name}>: not an RSS (<rss>) or Atom (<feed>) feed"
                )),
            ));
        }
        self.lang = attr(&root, b"xml:lang");
        // Depth of the current element below the root: channel/feed fields sit at depth 1
        // (Atom) or 2 (RSS, inside <channel>).
        let mut depth = 0usize;
        loop {
            match self.next_event()? {
                Event::Start(e) => {
                    let local = e.local_name();
                    match local.as_ref() {
                        b"item" | b"entry" => self.item(&e)?,
                        b"title" if self.source.is_none() && depth <= 1 => {
                            self.source = non_empty(&self.text_content()?);
                        }
                        b"language" if self.lang.is_none() && depth <= 1 => {
                            self.lang = non_empty(&self.text_content()?);
                        }
                        b"channel" => {
                            depth += 1;
                            if self.lang.is_none() {
                                self.lang = attr(&e, b"xml:lang");
                            }
                        }
                        _ => {
                            let end = e.to_end().into_owned();
                            self.reader
                                .read_to_end(end.name())
                                .map_err(|err| self.xml_error(&err))?;
                        }
                    }
                }
                Event::End(_) => depth = depth.saturating_sub(1),
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    /// Reads one `<item>`/`<entry>` whose start tag was just read.
    fn item(&mut self, start: &BytesStart<'a>) -> Result<(), IngestError> {
        self.items += 1;
        let n = self.items;
        let line = self.line_at(self.reader.buffer_position());
        let mut raw = RawItem {
            lang: attr(start, b"xml:lang"),
            ..RawItem::default()
        };
        loop {
            let (e, empty) = match self.next_event()? {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(_) => break,
                Event::Eof => {
                    return Err(IngestError::at_line(
                        self.path,
                        line,
                        ErrorKind::Feed(format!("item {n} is not closed")),
                    ))
                }
                _ => continue,
            };
            let qname = e.name();
            let local = e.local_name();
            match (qname.as_ref(), local.as_ref()) {
                (_, b"link") => {
                    let rel = attr(&e, b"rel");
                    let href = attr(&e, b"href");
                    let value = match (href, empty) {
                        (Some(href), false) => {
                            self.skip(&e)?;
                            Some(href)
                        }
                        (href, true) => href,
                        (None, false) => non_empty(&self.text_content()?),
                    };
                    let preferred = rel.as_deref().is_none_or(|r| r == "alternate");
                    if value.is_some() && (raw.link.is_none() || preferred && !raw.link_preferred) {
                        raw.link = value;
                        raw.link_preferred = preferred;
                    }
                }
                _ if empty => {}
                (b"content:encoded", _) | (_, b"content") => {
                    let content = self.body(&e)?;
                    if raw.content.is_none() || qname.as_ref() == b"content:encoded" {
                        raw.content = content;
                    }
                }
                (_, b"description" | b"summary") => raw.summary = self.body(&e)?,
                (_, b"title") => {
                    let title = self.text_content()?;
                    raw.title = if title.contains(['<', '&']) {
                        non_empty(&fragment_text(&title))
                    } else {
                        non_empty(&title)
                    };
                }
                (_, b"guid" | b"id") => raw.id = non_empty(&self.text_content()?),
                (_, b"pubDate" | b"published" | b"issued") => {
                    raw.published = non_empty(&self.text_content()?);
                }
                (_, b"updated" | b"modified") | (b"dc:date", _) => {
                    let value = non_empty(&self.text_content()?);
                    if qname.as_ref() == b"dc:date" {
                        raw.published = raw.published.or(value);
                    } else {
                        raw.updated = value;
                    }
                }
                _ => self.skip(&e)?,
            }
        }
        let doc = self.finish_item(raw, n, line);
        self.out.extend(crate::date::checked(doc, Some(line)));
        Ok(())
    }

    fn finish_item(&self, raw: RawItem, n: usize, line: usize) -> Item {
        let text = raw.content.or(raw.summary).unwrap_or_default();
        if text.is_empty() {
            return Err(IngestError::at_line(
                self.path,
                line,
                ErrorKind::MissingText(format!("item {n} has no content, description or summary")),
            ));
        }
        let id = raw
            .id
            .clone()
            .or_else(|| raw.link.clone())
            .unwrap_or_else(|| format!("{}-{n}", stem_of(self.path)));
        Ok(Document {
            id,
            title: raw.title,
            date: raw.published.or(raw.updated),
            source: None,
            url: raw.link,
            lang: raw.lang,
            text,
            origin: Origin {
                path: self.path.to_string(),
                line: None,
                item: Some(n),
            },
        })
    }

    /// A body element: HTML (the default for RSS, Atom `type="html"`/`"xhtml"`) becomes
    /// text; Atom `type="text"` is kept, trimmed.
    fn body(&mut self, e: &BytesStart<'a>) -> Result<Option<String>, IngestError> {
        let kind = attr(e, b"type").unwrap_or_default().to_ascii_lowercase();
        if kind == "xhtml" || kind.ends_with("xml") {
            let span = self
                .reader
                .read_to_end(e.name())
                .map_err(|err| self.xml_error(&err))?;
            let start = usize::try_from(span.start).unwrap_or(usize::MAX);
            let end = usize::try_from(span.end).unwrap_or(usize::MAX);
            let inner = self.src.get(start..end).unwrap_or_default();
            return Ok(non_empty(&fragment_text(inner)));
        }
        let text = self.text_content()?;
        if kind == "text" || kind == "text/plain" {
            return Ok(non_empty(&text));
        }
        Ok(non_empty(&fragment_text(&text)))
    }

    /// Skips the element whose start tag was just read.
    fn skip(&mut self, e: &BytesStart<'a>) -> Result<(), IngestError> {
        self.reader
            .read_to_end(e.name())
            .map(|_| ())
            .map_err(|err| self.xml_error(&err))
    }

    /// The text (and CDATA) inside the element whose start tag was just read, entities
    /// decoded; nested tags are dropped but their text kept.
    fn text_content(&mut self) -> Result<String, IngestError> {
        let mut text = String::new();
        let mut depth = 0usize;
        loop {
            match self.next_event()? {
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => return Ok(text),
                Event::End(_) => depth -= 1,
                Event::Text(t) => {
                    text.push_str(&t.decode().map_err(|e| self.xml_error(&e.into()))?)
                }
                Event::CData(t) => {
                    text.push_str(&t.decode().map_err(|e| self.xml_error(&e.into()))?)
                }
                Event::GeneralRef(r) => push_reference(&mut text, &r),
                Event::Eof => {
                    let line = self.line_at(self.reader.buffer_position());
                    return Err(IngestError::at_line(
                        self.path,
                        line,
                        ErrorKind::Feed("unexpected end of file inside an element".into()),
                    ));
                }
                _ => {}
            }
        }
    }
}

/// Appends the text of `&name;`: XML entities and character references decoded, any other
/// (HTML) entity kept as written for the HTML step.
fn push_reference(text: &mut String, r: &BytesRef<'_>) {
    let name = String::from_utf8_lossy(r);
    if let Ok(Some(c)) = r.resolve_char_ref() {
        text.push(c);
        return;
    }
    match name.as_ref() {
        "lt" => text.push('<'),
        "gt" => text.push('>'),
        "amp" => text.push('&'),
        "quot" => text.push('"'),
        "apos" => text.push('\''),
        other => {
            text.push('&');
            text.push_str(other);
            text.push(';');
        }
    }
}

/// An attribute's value, unescaped (raw if it cannot be), trimmed, non-empty.
fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    for a in e.attributes().with_checks(false).flatten() {
        if a.key.as_ref() == name {
            let value = a
                .decode_and_unescape_value(e.decoder())
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned());
            return non_empty(&value);
        }
    }
    None
}

/// Byte position → 1-based line, counting forward from the last position asked about
/// (positions only grow while parsing, so this stays linear).
#[derive(Default)]
struct LineCounter {
    pos: usize,
    line: usize,
}

impl LineCounter {
    fn line_at(&mut self, src: &str, pos: usize) -> usize {
        let pos = pos.min(src.len());
        if pos < self.pos {
            self.pos = 0;
            self.line = 0;
        }
        let bytes = src.as_bytes();
        self.line += bytes[self.pos..pos].iter().filter(|&&b| b == b'\n').count();
        self.pos = pos;
        self.line + 1
    }
}
