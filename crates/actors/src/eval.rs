//! Named-entity evaluation on CoNLL-2003 (English, 4-column IOB1 files:
//! `token POS chunk NE`).
//!
//! Each document (between `-DOCSTART-` lines) is rebuilt as text: tokens joined by
//! spaces, sentences by newlines, with token offsets recorded; [`crate::extract`] runs
//! on it (with the tagger/parser when a model is given), and the *named parts* of our
//! mentions are compared with the gold entities: people → PER, organisations (IGOs,
//! agents written as names: "Foreign Ministry") → ORG, countries and places → LOC.
//! A composition contributes its named parts ("Iran's Foreign Ministry" → LOC "Iran"
//! and ORG "Foreign Ministry"; a title + name → PER for the name). Adjectives,
//! demonyms and groups are MISC in CoNLL and are not predicted. Gold MISC spans are
//! neither gold nor penalised: a prediction that overlaps one is ignored. Parts with
//! no capitalised word are left out (common nouns are actors for us, not entities).
//! Scores are span-level exact match.

use std::io;
use std::path::Path;

use aras_nlp::model::{Analysis, Model};
use aras_text::{Sentence, Token};

use crate::build::Ner;
use crate::ActorContext;

/// Counts for one entity type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TypeScores {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl TypeScores {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: &TypeScores) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// PER/ORG/LOC scores and their micro-average.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NerScores {
    pub per: TypeScores,
    pub org: TypeScores,
    pub loc: TypeScores,
    pub documents: usize,
    pub sentences: usize,
    pub tokens: usize,
}

impl NerScores {
    /// Micro-average over PER, ORG and LOC.
    pub fn micro(&self) -> TypeScores {
        let mut t = TypeScores::default();
        t.add(&self.per);
        t.add(&self.org);
        t.add(&self.loc);
        t
    }
}

impl std::fmt::Display for NerScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{} documents, {} sentences, {} tokens",
            self.documents, self.sentences, self.tokens
        )?;
        for (name, s) in [
            ("PER", self.per),
            ("ORG", self.org),
            ("LOC", self.loc),
            ("micro", self.micro()),
        ] {
            writeln!(
                f,
                "{name:>5}  P {:.3}  R {:.3}  F1 {:.3}  (tp {} fp {} fn {})",
                s.precision(),
                s.recall(),
                s.f1(),
                s.tp,
                s.fp,
                s.fn_
            )?;
        }
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Gold {
    Per,
    Org,
    Loc,
    Misc,
}

struct Doc {
    /// Sentences of (token, NE tag).
    sents: Vec<Vec<(String, String)>>,
}

fn read_docs(text: &str) -> Vec<Doc> {
    let mut docs: Vec<Doc> = Vec::new();
    let mut cur: Vec<(String, String)> = Vec::new();
    let mut doc = Doc { sents: Vec::new() };
    for line in text.lines() {
        let line = line.trim_end();
        if line.starts_with("-DOCSTART-") {
            if !cur.is_empty() {
                doc.sents.push(std::mem::take(&mut cur));
            }
            if !doc.sents.is_empty() {
                docs.push(std::mem::replace(&mut doc, Doc { sents: Vec::new() }));
            }
            continue;
        }
        if line.is_empty() {
            if !cur.is_empty() {
                doc.sents.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.len() >= 2 {
            cur.push((cols[0].to_string(), cols[cols.len() - 1].to_string()));
        }
    }
    if !cur.is_empty() {
        doc.sents.push(cur);
    }
    if !doc.sents.is_empty() {
        docs.push(doc);
    }
    docs
}

/// IOB1 (or IOB2) tags to spans of token indices [s, e) with types.
fn gold_spans(tags: &[&str]) -> Vec<(usize, usize, Gold)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (bio, ty) = tag.split_once('-').unwrap_or(("O", ""));
        let continues = bio == "I" && open.is_some_and(|(_, t)| t == ty);
        if !continues {
            if let Some((s, t)) = open.take() {
                out.push((s, i, gold_type(t)));
            }
            if bio == "I" || bio == "B" {
                open = Some((i, ty));
            }
        }
    }
    if let Some((s, t)) = open {
        out.push((s, tags.len(), gold_type(t)));
    }
    out
}

fn gold_type(t: &str) -> Gold {
    match t {
        "PER" => Gold::Per,
        "ORG" => Gold::Org,
        "LOC" => Gold::Loc,
        _ => Gold::Misc,
    }
}

/// Scores our mentions against the CoNLL-2003 file at `path` (see the module docs).
pub fn conll2003(path: &Path, syntax: Option<&Model>) -> io::Result<NerScores> {
    let raw = std::fs::read_to_string(path)?;
    let dict = aras_dict::Dictionary::builtin()
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))?;
    let ctx = ActorContext {
        dictionary: &dict,
        document_date: None,
    };
    let mut scores = NerScores::default();
    for doc in read_docs(&raw) {
        scores.documents += 1;
        let mut text = String::new();
        let mut sentences: Vec<Sentence> = Vec::new();
        let mut gold: Vec<(usize, usize, Gold)> = Vec::new();
        for sent in &doc.sents {
            if !text.is_empty() {
                text.push('\n');
            }
            let mut toks = Vec::with_capacity(sent.len());
            for (i, (w, _)) in sent.iter().enumerate() {
                if i > 0 {
                    text.push(' ');
                }
                let s = text.len();
                text.push_str(w);
                toks.push(Token {
                    start: s,
                    end: text.len(),
                });
            }
            let tags: Vec<&str> = sent.iter().map(|(_, t)| t.as_str()).collect();
            for (s, e, g) in gold_spans(&tags) {
                gold.push((toks[s].start, toks[e - 1].end, g));
            }
            scores.sentences += 1;
            scores.tokens += toks.len();
            sentences.push(Sentence {
                start: toks.first().map_or(0, |t| t.start),
                end: toks.last().map_or(0, |t| t.end),
                tokens: toks,
            });
        }
        let analyses: Option<Vec<Analysis<'_>>> = syntax.map(|m| {
            sentences
                .iter()
                .map(|s| {
                    let words: Vec<&str> = s.tokens.iter().map(|t| &text[t.start..t.end]).collect();
                    m.analyze(&words)
                })
                .collect()
        });
        let finals = crate::extract_parts(&text, &sentences, analyses.as_deref(), &ctx);
        let mut pred: Vec<(usize, usize, Gold)> = Vec::new();
        for f in &finals {
            for &(s, e, ner) in &f.parts {
                if !text[s..e].chars().any(char::is_uppercase) {
                    continue;
                }
                let g = match ner {
                    Ner::Per => Gold::Per,
                    Ner::Org => Gold::Org,
                    Ner::Loc => Gold::Loc,
                };
                if !pred.contains(&(s, e, g)) {
                    pred.push((s, e, g));
                }
            }
        }
        if std::env::var_os("ARAS_NER_DEBUG").is_some() {
            debug(&text, &gold, &pred);
        }
        score(&gold, &pred, &mut scores);
    }
    Ok(scores)
}

fn score(gold: &[(usize, usize, Gold)], pred: &[(usize, usize, Gold)], out: &mut NerScores) {
    for &(s, e, g) in pred {
        if gold.contains(&(s, e, g)) {
            bump(out, g, |t| t.tp += 1);
        } else if gold
            .iter()
            .any(|&(gs, ge, gt)| gt == Gold::Misc && gs < e && s < ge)
        {
            // overlaps a MISC entity: ignored
        } else {
            bump(out, g, |t| t.fp += 1);
        }
    }
    for &(s, e, g) in gold {
        if g != Gold::Misc && !pred.contains(&(s, e, g)) {
            bump(out, g, |t| t.fn_ += 1);
        }
    }
}

/// Prints the misses and false alarms (with `ARAS_NER_DEBUG` set).
fn debug(text: &str, gold: &[(usize, usize, Gold)], pred: &[(usize, usize, Gold)]) {
    for &(s, e, g) in pred {
        if !gold.contains(&(s, e, g))
            && !gold
                .iter()
                .any(|&(gs, ge, gt)| gt == Gold::Misc && gs < e && s < ge)
        {
            let want = gold.iter().find(|&&(gs, ge, _)| gs < e && s < ge);
            eprintln!(
                "FP {g:?} {:?} (gold {:?})",
                &text[s..e],
                want.map(|&(a, b, t)| (&text[a..b], t))
            );
        }
    }
    for &(s, e, g) in gold {
        if g != Gold::Misc && !pred.contains(&(s, e, g)) {
            let line_start = text[..s].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[e..].find('\n').map_or(text.len(), |i| e + i);
            eprintln!(
                "FN {g:?} {:?} in {:?}",
                &text[s..e],
                &text[line_start..line_end]
            );
        }
    }
}

fn bump(out: &mut NerScores, g: Gold, f: impl FnOnce(&mut TypeScores)) {
    match g {
        Gold::Per => f(&mut out.per),
        Gold::Org => f(&mut out.org),
        Gold::Loc => f(&mut out.loc),
        Gold::Misc => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_spans() {
        let tags = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-MISC", "I-ORG"];
        assert_eq!(
            gold_spans(&tags),
            vec![
                (0, 2, Gold::Per),
                (3, 4, Gold::Loc),
                (4, 5, Gold::Loc),
                (5, 6, Gold::Misc),
                (6, 7, Gold::Org)
            ]
        );
    }

    #[test]
    fn misc_overlaps_are_ignored() {
        let gold = [(0, 7, Gold::Misc), (10, 15, Gold::Loc)];
        let pred = [(0, 7, Gold::Loc), (10, 15, Gold::Loc), (20, 25, Gold::Per)];
        let mut s = NerScores::default();
        score(&gold, &pred, &mut s);
        assert_eq!(
            s.loc,
            TypeScores {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            s.per,
            TypeScores {
                tp: 0,
                fp: 1,
                fn_: 0
            }
        );
    }
}
