//! Evaluation on TempEval-3 TimeML (`temporal_tempeval3` in the shared corpora).
//!
//! Each `.tml` file is stripped of its tags to recover the raw text (gold `TIMEX3`
//! spans tracked as byte offsets into it), its `DCT` becomes the document date, and
//! [`extract`](crate::extract) runs on the text as segmented by [`aras_text::segment`].
//!
//! - **Extent** is relaxed: a gold expression is found when some extracted span
//!   overlaps it, an extracted span is right when it overlaps some gold expression.
//! - **Value accuracy** is over the found gold expressions of type DATE, TIME,
//!   DURATION and SET: the overlapping extracted expression with the largest overlap
//!   must have the gold value. TIME values are compared on their date part (`T…` is
//!   cut from both sides, so `1998-03-04TMO` is `1998-03-04`). Our ranges cover what
//!   TimeML annotates as two dates (`between 2016 and 2021`), so a range is right for
//!   a gold date equal to either of its ends.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::{extract, TimeContext, TimeExpr};

/// A gold TIMEX3 of a stripped document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub value: String,
}

/// A TimeML document with its tags stripped.
#[derive(Debug, Clone, Default)]
pub struct TimeMlDoc {
    pub text: String,
    /// Document creation time (`YYYY-MM-DD`), when the file has one.
    pub dct: Option<String>,
    pub timexes: Vec<GoldTimex>,
}

/// Value accuracy of one TIMEX3 type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TypeScore {
    /// Gold expressions of this type found by some extracted span.
    pub matched: usize,
    /// Of those, how many got the gold value.
    pub correct: usize,
    /// Gold expressions of this type in all.
    pub gold: usize,
}

/// A found gold expression whose value we got wrong (for error analysis).
#[derive(Debug, Clone)]
pub struct ValueError {
    pub file: String,
    pub gold_text: String,
    pub gold_value: String,
    pub text: String,
    pub value: String,
}

/// TempEval-3 figures over a directory tree of `.tml` files.
#[derive(Debug, Clone, Default)]
pub struct TempEvalScores {
    pub files: usize,
    pub gold: usize,
    pub system: usize,
    pub gold_found: usize,
    pub system_right: usize,
    /// Per gold type (`DATE`, `TIME`, `DURATION`, `SET`).
    pub by_type: BTreeMap<String, TypeScore>,
    pub value_errors: Vec<ValueError>,
    /// Gold expressions no span overlapped: (file, text, value).
    pub missed: Vec<(String, String, String)>,
    /// Extracted expressions that overlap no gold: (file, text, value).
    pub spurious: Vec<(String, String, String)>,
}

impl TempEvalScores {
    pub fn precision(&self) -> f64 {
        ratio(self.system_right, self.system)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.gold_found, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Value accuracy over all found gold expressions.
    pub fn value_accuracy(&self) -> f64 {
        let (c, m) = self
            .by_type
            .values()
            .fold((0, 0), |(c, m), t| (c + t.correct, m + t.matched));
        ratio(c, m)
    }

    /// Value accuracy of one type.
    pub fn type_accuracy(&self, kind: &str) -> f64 {
        self.by_type
            .get(kind)
            .map(|t| ratio(t.correct, t.matched))
            .unwrap_or(0.0)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let i = tag.find(&key)? + key.len();
    let j = tag[i..].find('"')? + i;
    Some(tag[i..j].to_string())
}

/// Strips a TimeML document to its `<TEXT>` content, keeping the gold TIMEX3 spans.
pub fn parse_timeml(xml: &str) -> TimeMlDoc {
    let dct = xml.find("<DCT>").and_then(|i| {
        let rest = &xml[i..];
        let tag_end = rest.find('>')?;
        let tag = &rest[..rest[tag_end + 1..].find('>')? + tag_end + 1];
        let v = attr(tag, "value")?;
        Some(v.get(..10).unwrap_or(&v).to_string())
    });
    let body = match (xml.find("<TEXT>"), xml.rfind("</TEXT>")) {
        (Some(a), Some(b)) if b > a => &xml[a + "<TEXT>".len()..b],
        _ => xml,
    };
    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while let Some(i) = rest.find('<') {
        text.push_str(&rest[..i]);
        let Some(j) = rest[i..].find('>') else {
            rest = &rest[i..];
            break;
        };
        let tag = &rest[i + 1..i + j];
        if tag.starts_with("TIMEX3") {
            open = Some((
                text.len(),
                attr(tag, "type").unwrap_or_default(),
                attr(tag, "value").unwrap_or_default(),
            ));
        } else if tag.starts_with("/TIMEX3") {
            if let Some((start, kind, value)) = open.take() {
                timexes.push(GoldTimex {
                    start,
                    end: text.len(),
                    kind,
                    value,
                });
            }
        }
        rest = &rest[i + j + 1..];
    }
    text.push_str(rest);
    TimeMlDoc { text, dct, timexes }
}

fn tml_files(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            tml_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "tml") {
            out.push(path);
        }
    }
    Ok(())
}

/// The date part of a value in one spelling: `T…` cut, `199X` and `199` (TimeML 1.2
/// decades) the same, week numbers two digits (`2000-W8` is `2000-W08`).
fn norm_value(v: &str) -> String {
    let v = v.split('T').next().unwrap_or(v);
    let mut v = if v.starts_with(|c: char| c.is_ascii_digit()) {
        v.trim_end_matches('X').to_string()
    } else {
        v.to_string()
    };
    if let Some(i) = v.find("-W") {
        let w = &v[i + 2..];
        if w.len() == 1 && w.bytes().all(|b| b.is_ascii_digit()) {
            v = format!("{}-W0{w}", &v[..i]);
        }
    }
    v
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Scores one stripped document into `scores`.
pub fn score_document(name: &str, doc: &TimeMlDoc, scores: &mut TempEvalScores) {
    let sentences = aras_text::segment(&doc.text);
    let ctx = TimeContext {
        document_date: doc.dct.clone(),
    };
    let sys: Vec<TimeExpr> = extract(&doc.text, &sentences, &ctx);
    scores.files += 1;
    scores.gold += doc.timexes.len();
    scores.system += sys.len();
    for s in &sys {
        if doc
            .timexes
            .iter()
            .any(|g| overlap((g.start, g.end), (s.start, s.end)) > 0)
        {
            scores.system_right += 1;
        } else {
            scores
                .spurious
                .push((name.into(), s.text.clone(), s.value.clone()));
        }
    }
    for g in &doc.timexes {
        let t = scores.by_type.entry(g.kind.clone()).or_default();
        t.gold += 1;
        let best = sys
            .iter()
            .map(|s| (overlap((g.start, g.end), (s.start, s.end)), s))
            .filter(|(o, _)| *o > 0)
            .max_by_key(|(o, _)| *o)
            .map(|(_, s)| s);
        let gold_text = doc.text[g.start..g.end].to_string();
        let Some(s) = best else {
            scores
                .missed
                .push((name.into(), gold_text, g.value.clone()));
            continue;
        };
        scores.gold_found += 1;
        t.matched += 1;
        let gv = norm_value(&g.value);
        let ok = norm_value(&s.value) == gv
            || (s.kind == crate::TimeKind::Range
                && s.value.split('/').any(|v| norm_value(v) == gv));
        if ok {
            t.correct += 1;
        } else {
            scores.value_errors.push(ValueError {
                file: name.into(),
                gold_text,
                gold_value: g.value.clone(),
                text: s.text.clone(),
                value: s.value.clone(),
            });
        }
    }
}

/// Scores every `.tml` file under `dir` (recursively).
pub fn tempeval3(dir: &Path) -> io::Result<TempEvalScores> {
    let mut files = Vec::new();
    tml_files(dir, &mut files)?;
    files.sort();
    let mut scores = TempEvalScores::default();
    for path in files {
        let xml = fs::read_to_string(&path)?;
        let doc = parse_timeml(&xml);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        score_document(&name, &doc, &mut scores);
    }
    Ok(scores)
}
