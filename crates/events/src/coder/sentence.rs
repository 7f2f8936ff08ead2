//! The sentence as the coder reads it: the shared view of `aras-lex` (tokens, lowercase
//! forms, lemmas, syntax, children) with each word's lemma candidates for the lexicon, and
//! the syntactic questions the coder asks of it (passive voice, a main clause parsed as a
//! participle, the words coordinated with a word).

use crate::lexicon::Lexicon;
use aras_nlp::model::AnalyzedWord;
use aras_text::Token;
use std::ops::Deref;

/// One parsed sentence: the shared view of `aras-lex` (tokens, lowercase forms, lemmas,
/// syntax and children), with the lexicon's lemma candidates of each word.
pub(super) struct Sent<'a> {
    view: aras_lex::Sent<'a>,
    /// Lemma candidates: the model's lemma, then the word form and its suffix-stripped
    /// variants (the model's lemmatizer misses some: "expelled" -> "expell").
    forms: Vec<Vec<String>>,
}

impl<'a> Deref for Sent<'a> {
    type Target = aras_lex::Sent<'a>;

    fn deref(&self) -> &aras_lex::Sent<'a> {
        &self.view
    }
}

impl<'a> Sent<'a> {
    pub(super) fn new(
        text: &'a str,
        tokens: &'a [Token],
        words: &'a [AnalyzedWord<'a>],
    ) -> Sent<'a> {
        let view = aras_lex::Sent::new(text, tokens, Some(words));
        let forms = (0..view.len())
            .map(|i| lemma_candidates(view.lemma(i), view.lower(i)))
            .collect();
        Sent { view, forms }
    }
    /// Whether `l` is one of the word's lemma candidates.
    /// The lemma candidates of word `i`: the model's lemma, then the word form and its
    /// suffix-stripped variants.
    pub(super) fn forms(&self, i: usize) -> &[String] {
        &self.forms[i]
    }

    pub(super) fn has_lemma(&self, i: usize, l: &str) -> bool {
        self.forms[i].iter().any(|f| f == l)
    }
    /// The first lemma candidate with verb patterns.
    pub(super) fn verb_lemma<'x>(&'x self, lex: &'x Lexicon, i: usize) -> &'x str {
        if let Some(l) = lex.verb_form(self.norm(i)) {
            return l;
        }
        self.forms[i]
            .iter()
            .find(|f| !lex.verb_patterns(f).is_empty())
            .map_or(self.lemma(i), String::as_str)
    }
    /// The first lemma candidate with noun entries.
    pub(super) fn noun_lemma<'x>(&'x self, lex: &'x Lexicon, i: usize) -> &'x str {
        self.forms[i]
            .iter()
            .find(|f| !lex.noun_entries(f).is_empty())
            .map_or(self.lemma(i), String::as_str)
    }
    /// Passive voice: a passive auxiliary, a passive subject with a `by` agent, or a
    /// reduced passive participle ("people arrested by police") that is not a misparsed
    /// main clause.
    pub(super) fn is_passive(&self, v: usize) -> bool {
        let has = |f: &dyn Fn(usize) -> bool| self.kids(v).iter().any(|&c| f(c));
        let aux_pass = has(&|c| self.rel(c) == "aux:pass");
        let agent = has(&|c| {
            self.rel(c) == "obl:agent" && self.case(c) == Some("by")
                || self.base_rel(c) == "obl" && self.case(c) == Some("by")
        });
        let subj_pass = has(&|c| matches!(self.rel(c), "nsubj:pass" | "csubj:pass"));
        if aux_pass || (subj_pass && agent) {
            return true;
        }
        self.xpos(v) == "VBN"
            && self.rel(v) == "acl"
            && !has(&|c| matches!(self.base_rel(c), "nsubj" | "obj"))
            && !self.main_clause_participle(v)
    }
    /// "Brazilian police investigated Paraguay" parsed as a noun root with a participle
    /// modifier right after it: the participle is the main verb.
    pub(super) fn main_clause_participle(&self, v: usize) -> bool {
        self.rel(v) == "acl"
            && self.head(v).is_some_and(|h| {
                self.head(h).is_none()
                    && h + 1 == v
                    && !self
                        .kids(h)
                        .iter()
                        .any(|&c| matches!(self.base_rel(c), "cop" | "nsubj"))
            })
            && !self
                .kids(v)
                .iter()
                .any(|&c| self.base_rel(c) == "obl" && self.case(c) == Some("by"))
    }
    /// Word `i` and the words coordinated with it.
    pub(super) fn with_conjuncts(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() && out.len() < 16 {
            let x = out[k];
            for c in self.kids_rel(x, "conj") {
                if !out.contains(&c)
                    && matches!(
                        self.upos(c),
                        "NOUN" | "PROPN" | "PRON" | "ADJ" | "NUM" | "X"
                    )
                {
                    out.push(c);
                }
            }
            k += 1;
        }
        out
    }
}

pub(super) fn lemma_candidates(lemma: &str, word: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let mut push = |w: String| {
        if !w.is_empty() && !out.contains(&w) {
            out.push(w);
        }
    };
    push(word.to_string());
    let doubled = |stem: &str| {
        let b = stem.as_bytes();
        // "ll" too: "expelled", "patrolled", "compelled" (a base that ends in "ll", like
        // "killed", keeps its own lemma first).
        (b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] && !b"aeious".contains(&b[b.len() - 1]))
            .then(|| stem[..stem.len() - 1].to_string())
    };
    for &(suffix, repl) in aras_lex::SUFFIXES {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.len() >= 2 {
                let stem_doubled = doubled(stem);
                push(format!("{stem}{repl}"));
                if let Some(d) = stem_doubled {
                    if repl.is_empty() {
                        push(d);
                    }
                }
            }
        }
    }
    out
}
