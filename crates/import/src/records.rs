//! PETRARCH/TABARI unit-test record files (`PETR.UnitTest.records.xml`): the sentences,
//! the events each should code to, and the dictionaries the records name.
//!
//! The file is XML-like but not well-formed XML (attributes with spaces around `=`,
//! single-quoted values holding double quotes, `<! -- -->` typos), so it is read with a
//! small tolerant scanner: comments are skipped, each `<Sentence ...>` element gives a
//! [`Record`] with its attributes, `<EventCoding ...>` elements and `<Text>`; `<Parse>`
//! trees are not read. A `<Sentence>` without `id` or `<Text>` is an error naming its line.

use std::collections::BTreeMap;

/// One expected event: codes as written (`ARN`, `---GOV`, `"INJURY TOLL"`, `064`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ExpectedEvent {
    pub source: String,
    pub target: String,
    pub code: String,
}

/// What a record expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expectation {
    /// These events, no more, no fewer.
    Events(Vec<ExpectedEvent>),
    /// `<EventCoding noevents="True">`.
    NoEvents,
    /// `<EventCoding error="...">`: the program should reject the sentence for this reason
    /// (`storydiscard`, `sentencediscard`, `dateline`, `bad_input_parse`).
    Error(String),
    /// No `<EventCoding>` at all.
    Unspecified,
}

/// One `<Sentence>` element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub id: String,
    pub category: String,
    /// `YYYYMMDD` as written.
    pub date: String,
    /// The sentence, whitespace normalised, entities decoded.
    pub text: String,
    pub expected: Expectation,
    /// 1-based line of the `<Sentence` tag.
    pub line: usize,
}

impl Record {
    /// The date as `YYYY-MM-DD`, when the attribute is eight digits.
    pub fn iso_date(&self) -> Option<String> {
        let d = self.date.as_bytes();
        (d.len() == 8 && d.iter().all(u8::is_ascii_digit)).then(|| {
            format!(
                "{}-{}-{}",
                &self.date[..4],
                &self.date[4..6],
                &self.date[6..]
            )
        })
    }
}

/// The whole file: the `<Environment>` entries and the records in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordFile {
    /// `<Verbfile>`, `<Actorfile>`, `<Agentfile>`, `<Discardfile>`, ... by tag name.
    pub environment: BTreeMap<String, String>,
    pub records: Vec<Record>,
}

/// A records-file problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct RecordsError {
    pub line: usize,
    pub message: String,
}

/// Reads a unit-test records file.
pub fn read_records(text: &str) -> Result<RecordFile, RecordsError> {
    let line_of = |pos: usize| text[..pos].bytes().filter(|&b| b == b'\n').count() + 1;
    let mut out = RecordFile::default();
    // Comments (`<!-- ... -->`) are blanked to spaces so byte positions keep their lines.
    let clean = strip_comments(text);
    if let Some(env) = element_body(&clean, "Environment", 0) {
        let (start, end) = env;
        let mut pos = start;
        while let Some(lt) = clean[pos..end].find('<').map(|o| pos + o) {
            let Some(gt) = clean[lt..end].find('>').map(|o| lt + o) else {
                break;
            };
            let tag = &clean[lt + 1..gt];
            pos = gt + 1;
            if tag.starts_with('/') || tag.contains(char::is_whitespace) || tag.is_empty() {
                continue;
            }
            let close = format!("</{tag}>");
            if let Some(c) = clean[pos..end].find(&close).map(|o| pos + o) {
                out.environment
                    .insert(tag.to_string(), decode(clean[pos..c].trim()));
                pos = c + close.len();
            }
        }
    }
    let mut pos = 0;
    while let Some(at) = find_tag(&clean, "Sentence", pos) {
        let line = line_of(at);
        let Some(gt) = clean[at..].find('>').map(|o| at + o) else {
            return Err(RecordsError {
                line,
                message: "unclosed <Sentence tag".into(),
            });
        };
        let attrs = attributes(&clean[at + "<Sentence".len()..gt]);
        let Some(end) = clean[gt..].find("</Sentence>").map(|o| gt + o) else {
            return Err(RecordsError {
                line,
                message: "<Sentence> without </Sentence>".into(),
            });
        };
        let body = &clean[gt + 1..end];
        pos = end + "</Sentence>".len();
        let Some(id) = attrs.get("id").cloned() else {
            return Err(RecordsError {
                line,
                message: "<Sentence> without an id".into(),
            });
        };
        let Some((ts, te)) = element_body(body, "Text", 0) else {
            return Err(RecordsError {
                line,
                message: format!("record {id} has no <Text>"),
            });
        };
        let text = decode(
            &body[ts..te]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        );
        let mut events = Vec::new();
        let mut expected = Expectation::Unspecified;
        let mut p = 0;
        while let Some(e) = find_tag(body, "EventCoding", p) {
            let Some(egt) = body[e..].find('>').map(|o| e + o) else {
                break;
            };
            let a = attributes(&body[e + "<EventCoding".len()..egt]);
            p = egt + 1;
            if let Some(err) = a.get("error") {
                expected = Expectation::Error(err.clone());
            } else if a
                .get("noevents")
                .is_some_and(|v| v.eq_ignore_ascii_case("true"))
            {
                if events.is_empty() {
                    expected = Expectation::NoEvents;
                }
            } else if let (Some(s), Some(t), Some(c)) =
                (a.get("sourcecode"), a.get("targetcode"), a.get("eventcode"))
            {
                events.push(ExpectedEvent {
                    source: s.clone(),
                    target: t.clone(),
                    code: c.clone(),
                });
            }
        }
        if !events.is_empty() {
            expected = Expectation::Events(events);
        }
        out.records.push(Record {
            id,
            category: attrs.get("category").cloned().unwrap_or_default(),
            date: attrs.get("date").cloned().unwrap_or_default(),
            text,
            expected,
            line,
        });
    }
    Ok(out)
}

/// Replaces `<!-- ... -->` (and an unterminated one, to the end) with spaces, keeping
/// newlines and every byte position.
fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(o) = rest.find("<!--") {
        out.push_str(&rest[..o]);
        let after = &rest[o..];
        let len = after.find("-->").map_or(after.len(), |c| c + 3);
        for c in after[..len].chars() {
            if c == '\n' {
                out.push('\n');
            } else {
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            }
        }
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

/// Position of the next `<NAME` followed by whitespace, `>` or `/` at or after `from`.
fn find_tag(s: &str, name: &str, from: usize) -> Option<usize> {
    let open = format!("<{name}");
    let mut pos = from;
    while let Some(o) = s.get(pos..)?.find(&open).map(|o| pos + o) {
        let next = s[o + open.len()..].chars().next();
        if next.is_some_and(|c| c.is_whitespace() || c == '>' || c == '/') {
            return Some(o);
        }
        pos = o + open.len();
    }
    None
}

/// Byte range of the content of the first `<NAME>...</NAME>` at or after `from`.
fn element_body(s: &str, name: &str, from: usize) -> Option<(usize, usize)> {
    let at = find_tag(s, name, from)?;
    let gt = s[at..].find('>').map(|o| at + o)?;
    let close = format!("</{name}>");
    let end = s[gt..].find(&close).map(|o| gt + o)?;
    Some((gt + 1, end))
}

/// `key = "value"` or `key='value'` pairs, keys lower-cased, values decoded.
fn attributes(s: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && !(b[i].is_ascii_alphanumeric() || b[i] == b'_') {
            i += 1;
        }
        let ks = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'-') {
            i += 1;
        }
        let key = &s[ks..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() || b[i] != b'=' {
            continue;
        }
        i += 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let q = b[i];
        let value = if q == b'"' || q == b'\'' {
            let vs = i + 1;
            let ve = s[vs..].find(q as char).map_or(s.len(), |o| vs + o);
            i = (ve + 1).min(b.len());
            &s[vs..ve]
        } else {
            let vs = i;
            while i < b.len() && !b[i].is_ascii_whitespace() {
                i += 1;
            }
            &s[vs..i]
        };
        if !key.is_empty() {
            out.insert(key.to_ascii_lowercase(), decode(value));
        }
    }
    out
}

/// Decodes the five predefined XML entities.
fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// A PETRARCH discard list: phrases whose presence drops the sentence (or, marked `+`,
/// the whole story).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Discards {
    /// Lower-case phrases, words separated by single spaces.
    pub sentence: Vec<String>,
    pub story: Vec<String>,
}

impl Discards {
    /// Reads a discard file: one phrase a line, `_` or spaces between words, `#`
    /// comments, a leading `+` for a story-level discard.
    pub fn read(text: &str) -> Discards {
        let mut d = Discards::default();
        for line in text.lines() {
            let content = line.split('#').next().unwrap_or("").trim();
            if content.is_empty() || content.starts_with('<') {
                continue;
            }
            let (story, phrase) = match content.strip_prefix('+') {
                Some(p) => (true, p),
                None => (false, content),
            };
            let phrase = phrase
                .replace('_', " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            if phrase.is_empty() {
                continue;
            }
            if story {
                d.story.push(phrase);
            } else {
                d.sentence.push(phrase);
            }
        }
        d
    }

    /// The first discard phrase found in `text` as whole words (case-insensitive), and
    /// whether it discards the story.
    pub fn find(&self, text: &str) -> Option<(&str, bool)> {
        let words: Vec<String> = text
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let has = |phrase: &str| {
            let p: Vec<&str> = phrase.split(' ').collect();
            words
                .windows(p.len())
                .any(|w| w.iter().zip(&p).all(|(a, b)| a == b))
        };
        self.story
            .iter()
            .find(|p| has(p))
            .map(|p| (p.as_str(), true))
            .or_else(|| {
                self.sentence
                    .iter()
                    .find(|p| has(p))
                    .map(|p| (p.as_str(), false))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<Validation>
<Environment>
    <Verbfile>V.txt</Verbfile>
    <Actorfile>A.txt</Actorfile>
</Environment>
<Sentences>
<!-- <Sentence date="1" id="HIDDEN" category="X"><Text>no</Text></Sentence> -->
<Sentence date = "19950101" id ="DEMO-00" category="DEMO" sentence="true">
<!-- a comment -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="223"></EventCoding>
<Text>
Arnor &amp; friends  restore
ties.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date="19950102" id="N-1" category="DEMO">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing.</Text>
</Sentence>
<Sentence date="19950102" id="E-1" category="ERROR">
<EventCoding error="storydiscard"></EventCoding>
<Text>A typhoon.</Text>
</Sentence>
<Sentence date="19950102" id="U-1" category="PATTERN">
<Text>Unspecified.</Text>
</Sentence>
</Sentences></Validation>"#;

    #[test]
    fn reads_records_environment_and_expectations() {
        let f = read_records(SAMPLE).unwrap();
        assert_eq!(f.environment["Verbfile"], "V.txt");
        assert_eq!(f.environment["Actorfile"], "A.txt");
        let ids: Vec<&str> = f.records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["DEMO-00", "N-1", "E-1", "U-1"]);
        let r = &f.records[0];
        assert_eq!(r.text, "Arnor & friends restore ties.");
        assert_eq!(r.iso_date().as_deref(), Some("1995-01-01"));
        assert_eq!(r.line, 8);
        assert_eq!(
            r.expected,
            Expectation::Events(vec![
                ExpectedEvent {
                    source: "ARN".into(),
                    target: "GON".into(),
                    code: "064".into()
                },
                ExpectedEvent {
                    source: "\"INJURY TOLL\"".into(),
                    target: "OSG".into(),
                    code: "223".into()
                },
            ])
        );
        assert_eq!(f.records[1].expected, Expectation::NoEvents);
        assert_eq!(
            f.records[2].expected,
            Expectation::Error("storydiscard".into())
        );
        assert_eq!(f.records[3].expected, Expectation::Unspecified);
    }

    #[test]
    fn a_record_without_text_is_an_error_with_its_line() {
        let e = read_records("\n<Sentence id=\"X\">\n</Sentence>").unwrap_err();
        assert_eq!(e.line, 2);
    }

    #[test]
    fn discards_match_whole_words_and_mark_stories() {
        let d = Discards::read("# c\nYEARS LATER\n+World_Golf Championships # x\nBASEBALL\n");
        assert_eq!(d.find("Two years later, ..."), Some(("years later", false)));
        assert_eq!(
            d.find("the World Golf Championships"),
            Some(("world golf championships", true))
        );
        assert_eq!(d.find("baseballs"), None);
    }
}
