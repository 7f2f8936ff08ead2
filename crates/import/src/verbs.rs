//! TABARI/PETRARCH verb dictionaries → a typed structure for event coding.
//!
//! Accepted shapes (both programs' files, read the same way):
//! - synsets: `&NAME` (a trailing `_` means "no plurals") then `+PHRASE` lines;
//! - PETRARCH blocks: `--- DESCRIPTION [CODE] ---`; every verb line until the
//!   next block shares the block's patterns and, unless it has its own, its code;
//! - verb lines: `VERB {IRREGULAR FORMS} [CODE]`; multi-word verbs join words
//!   with `_` and mark the verb word with `+` (`WIRE_+TAP`, `+BEEF_UP`);
//! - patterns: `- PATTERN [CODE]`, attached to the current verb (TABARI) or
//!   block (PETRARCH); the text is kept as written, whitespace normalised;
//! - PETRARCH-2 transformations: `~ a (a b VERB) VERB = a b CODE`;
//! - TABARI's end marker `~~FINISH` and `<!-- -->` comments are ignored.
//!
//! Codes are kept as written (`0874`, `046:046`, `075A`); the null code `---`
//! is `None` for a verb and `"---"` for a pattern.

use crate::actors::check_code;
use crate::common::split_comment;
use crate::ledger::{Ledger, XmlComment};
use crate::{Format, Rejection};

/// One pattern of a verb: `- * (FOR AID) [073]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbPattern {
    /// The pattern as written after `- `, whitespace normalised.
    pub text: String,
    /// The event code as written (`073`, `046:046`, `---`).
    pub code: String,
    /// The comment after the pattern (often the verb it was written for), if any.
    pub comment: Option<String>,
    /// 1-based source line.
    pub line: usize,
}

/// A verb line that shares an entry's patterns (PETRARCH synonym blocks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbSynonym {
    /// The verb, words separated by spaces, `+` marker removed.
    pub verb: String,
    /// The word marked with `+` in a multi-word verb, or the verb itself.
    pub head: String,
    /// Own code, or the block's; `None` for the null code `---`.
    pub code: Option<String>,
    /// Irregular forms given in `{...}`.
    pub forms: Vec<String>,
    /// 1-based source line.
    pub line: usize,
}

/// A verb with its patterns. In TABARI files each verb line starts an entry;
/// in PETRARCH blocks the first verb line is the entry and the others are its
/// `synonyms`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbEntry {
    /// The verb, words separated by spaces, `+` marker removed (`WIRE TAP`).
    pub verb: String,
    /// The word marked with `+` in a multi-word verb, or the verb itself.
    pub head: String,
    /// The verb's code (own, else its block's); `None` for the null code `---`.
    pub code: Option<String>,
    /// Irregular forms given in `{...}`.
    pub forms: Vec<String>,
    /// Other verbs of the same PETRARCH block.
    pub synonyms: Vec<VerbSynonym>,
    /// The PETRARCH block description (`ABANDON` in `--- ABANDON [080] ---`).
    pub block: Option<String>,
    /// Patterns, in file order.
    pub patterns: Vec<VerbPattern>,
    /// 1-based source line of the verb.
    pub line: usize,
}

/// A synonym set: `&CURRENCY` with `+DOLLARS`, `+SWISS_FRANCS`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synset {
    /// Label including `&`.
    pub name: String,
    /// Phrases, underscores turned into spaces.
    pub members: Vec<String>,
    /// Label ended with `_`: no plurals to be generated.
    pub no_plurals: bool,
    /// 1-based source line.
    pub line: usize,
}

/// A PETRARCH-2 transformation line, kept verbatim (after `~`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transformation {
    /// The text after `~`.
    pub text: String,
    /// 1-based source line.
    pub line: usize,
}

/// Everything read from a verb dictionary.
#[derive(Debug, Clone, Default)]
pub struct VerbDictionary {
    /// Verbs with their patterns.
    pub verbs: Vec<VerbEntry>,
    /// Synonym sets usable in patterns.
    pub synsets: Vec<Synset>,
    /// PETRARCH-2 transformations.
    pub transformations: Vec<Transformation>,
    /// Lines read.
    pub lines_read: usize,
    /// Lines that went into a verb, pattern, synset or transformation.
    pub lines_loaded: usize,
    /// Blank, comment and markup lines.
    pub lines_ignored: usize,
    /// Lines that could not be read, with reasons.
    pub rejected: Vec<Rejection>,
}

fn norm_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct VerbLine {
    verb: String,
    head: String,
    code: Option<Option<String>>,
    forms: Vec<String>,
}

/// Parses `VERB {FORMS} [CODE]` (forms and code in either order).
fn parse_verb_line(ct: &str) -> Result<VerbLine, String> {
    let mut rest = ct.to_string();
    let mut code = None;
    if let Some(o) = rest.find('[') {
        let Some(c) = rest[o..].find(']') else {
            return Err("unclosed '[' in code".to_string());
        };
        let raw = rest[o + 1..o + c].trim().to_string();
        code = Some(if raw == "---" {
            None
        } else {
            Some(check_verb_code(&raw)?)
        });
        rest.replace_range(o..o + c + 1, " ");
    }
    let mut forms = Vec::new();
    if let Some(b) = rest.find('{') {
        let Some(e) = rest[b..].find('}') else {
            return Err("missing '}' after irregular forms".to_string());
        };
        forms = rest[b + 1..b + e]
            .split_whitespace()
            .map(|f| f.replace('+', "").replace('_', " "))
            .collect();
        rest.replace_range(b..b + e + 1, " ");
    }
    let word_part = rest.trim();
    if word_part.is_empty() {
        return Err("empty verb".to_string());
    }
    if let Some(bad) = word_part.chars().find(|c| {
        !(c.is_alphanumeric() || c.is_whitespace() || matches!(c, '_' | '+' | '-' | '\'' | '.'))
    }) {
        return Err(format!("not a verb line (contains '{bad}')"));
    }
    let words: Vec<&str> = word_part
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Err("empty verb".to_string());
    }
    let head = words
        .iter()
        .find(|w| w.starts_with('+'))
        .unwrap_or(&words[0])
        .trim_start_matches('+')
        .to_string();
    let verb = words
        .iter()
        .map(|w| w.trim_start_matches('+'))
        .collect::<Vec<_>>()
        .join(" ");
    Ok(VerbLine {
        verb,
        head,
        code,
        forms,
    })
}

/// Event codes: digits, letters and `:` (`046:046`), or the discard `###`.
fn check_verb_code(raw: &str) -> Result<String, String> {
    if raw == "###" || raw == "---" {
        return Ok(raw.to_string());
    }
    if raw.is_empty() {
        return Err("empty code []".to_string());
    }
    // KEDS-era dictionaries mark a doubtful code with a trailing `?` (`[023?]`): the code.
    if let Some(code) = raw.strip_suffix('?') {
        if !code.is_empty() && code.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Ok(code.to_string());
        }
    }
    if raw.chars().all(|c| c.is_ascii_alphanumeric() || c == ':') {
        Ok(raw.to_string())
    } else {
        check_code(raw).map(|_| raw.to_string())
    }
}

/// Reads a verb dictionary.
pub fn read_verb_dictionary(text: &str, format: Format) -> VerbDictionary {
    let _ = format;
    let mut ledger = Ledger::new(text);
    let lines: Vec<&str> = ledger.lines().to_vec();
    let mut dict = VerbDictionary::default();
    let mut xml = XmlComment::default();
    // Context: which structure `+` lines and patterns attach to.
    let mut in_synset = false;
    let mut block: Option<(String, Option<String>)> = None;
    // Index in dict.verbs of the entry receiving patterns; whether the
    // current block already has its entry.
    let mut current: Option<usize> = None;
    let mut block_entry: Option<usize> = None;

    for (idx, raw) in lines.iter().enumerate() {
        let trimmed = raw.trim();
        if xml.eat(trimmed) {
            ledger.ignored(idx);
            continue;
        }
        if trimmed.starts_with("~~") {
            ledger.ignored(idx); // TABARI end-of-file marker (~~FINISH)
            continue;
        }
        let (content, comment) = split_comment(raw);
        let ct = content.trim();
        if ct.is_empty() {
            ledger.ignored(idx);
            continue;
        }
        if ct.starts_with('<') && ct.ends_with('>') && !ct.contains('[') {
            ledger.ignored(idx);
            continue;
        }
        if let Some(rest) = ct.strip_prefix("---") {
            // Block header: --- DESCRIPTION [CODE] ---
            let body = rest.trim().trim_end_matches('-').trim();
            let (desc, code) = match body.find('[') {
                None => (body, None),
                Some(o) => match body[o..].find(']') {
                    None => {
                        ledger.reject(idx, "unclosed '[' in block header");
                        continue;
                    }
                    Some(c) => {
                        let raw_code = body[o + 1..o + c].trim();
                        let code = if raw_code == "---" || raw_code.is_empty() {
                            None
                        } else {
                            match check_verb_code(raw_code) {
                                Ok(c) => Some(c),
                                Err(e) => {
                                    ledger.reject(idx, e);
                                    continue;
                                }
                            }
                        };
                        (body[..o].trim(), code)
                    }
                },
            };
            block = Some((desc.replace('_', " "), code));
            block_entry = None;
            current = None;
            in_synset = false;
            ledger.loaded(idx);
            continue;
        }
        if let Some(name) = ct.strip_prefix('&') {
            let name = name.trim();
            if name.is_empty() || name.contains(char::is_whitespace) {
                ledger.reject(idx, "synset label must be one word after '&'");
                continue;
            }
            dict.synsets.push(Synset {
                name: format!("&{}", name.trim_end_matches('_')),
                members: Vec::new(),
                no_plurals: name.ends_with('_'),
                line: idx + 1,
            });
            in_synset = true;
            current = None;
            ledger.loaded(idx);
            continue;
        }
        if let Some(member) = ct.strip_prefix('+') {
            if in_synset {
                let m = norm_ws(&member.replace('_', " "));
                if m.is_empty() {
                    ledger.reject(idx, "empty synset member");
                } else if m.contains(['$', '+', '%', '^']) {
                    ledger.reject(idx, "synset member with a pattern token ($ + % ^)");
                } else if let Some(s) = dict.synsets.last_mut() {
                    s.members.push(m);
                    ledger.loaded(idx);
                }
                continue;
            }
            // Otherwise a multi-word verb such as +BEEF_UP: fall through.
        }
        if let Some(t) = ct.strip_prefix('~') {
            dict.transformations.push(Transformation {
                text: norm_ws(t),
                line: idx + 1,
            });
            ledger.loaded(idx);
            continue;
        }
        if let Some(p) = ct.strip_prefix('-') {
            let Some(cur) = current else {
                ledger.reject(idx, "pattern without a preceding verb");
                continue;
            };
            let p = p.trim();
            let Some(o) = p.rfind('[') else {
                ledger.reject(idx, "pattern without a [code]");
                continue;
            };
            let Some(c) = p[o..].find(']') else {
                ledger.reject(idx, "unclosed '[' in pattern code");
                continue;
            };
            let after = p[o + c + 1..].trim();
            if !after.is_empty() {
                ledger.reject(idx, format!("unexpected text after code: '{after}'"));
                continue;
            }
            let code = match check_verb_code(p[o + 1..o + c].trim()) {
                Ok(c) => c,
                Err(e) => {
                    ledger.reject(idx, e);
                    continue;
                }
            };
            let text = norm_ws(&p[..o]);
            if text.is_empty() {
                ledger.reject(idx, "empty pattern");
                continue;
            }
            dict.verbs[cur].patterns.push(VerbPattern {
                text,
                code,
                comment: comment.filter(|c| !c.is_empty()).map(str::to_string),
                line: idx + 1,
            });
            ledger.loaded(idx);
            continue;
        }
        // A verb line.
        in_synset = false;
        let v = match parse_verb_line(ct) {
            Ok(v) => v,
            Err(e) => {
                ledger.reject(idx, e);
                continue;
            }
        };
        let block_code = block.as_ref().and_then(|(_, c)| c.clone());
        let code = match v.code {
            Some(own) => own,
            None => block_code,
        };
        match (block.as_ref(), block_entry) {
            (Some(_), Some(e)) => {
                dict.verbs[e].synonyms.push(VerbSynonym {
                    verb: v.verb,
                    head: v.head,
                    code,
                    forms: v.forms,
                    line: idx + 1,
                });
                current = Some(e);
            }
            _ => {
                dict.verbs.push(VerbEntry {
                    verb: v.verb,
                    head: v.head,
                    code,
                    forms: v.forms,
                    synonyms: Vec::new(),
                    block: block.as_ref().map(|(d, _)| d.clone()),
                    patterns: Vec::new(),
                    line: idx + 1,
                });
                let e = dict.verbs.len() - 1;
                if block.is_some() {
                    block_entry = Some(e);
                }
                current = Some(e);
            }
        }
        ledger.loaded(idx);
    }
    let (lines_read, lines_loaded, lines_ignored, rejected) = ledger.finish();
    dict.lines_read = lines_read;
    dict.lines_loaded = lines_loaded;
    dict.lines_ignored = lines_ignored;
    dict.rejected = rejected;
    dict
}
