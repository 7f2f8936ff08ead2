//! The document as one flat token list.

use aras_nlp::model::Analysis;
use aras_text::Sentence;

use crate::words::is_possessive;

/// One token of the document.
#[derive(Clone, Debug)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Sentence index.
    pub sent: usize,
    /// First token of its sentence.
    pub first: bool,
    /// UPOS when the sentence has an analysis, else "".
    pub upos: &'a str,
    /// XPOS when the sentence has an analysis, else "".
    pub xpos: &'a str,
    /// The analysis's lemma as it gave it, else "".
    pub lemma: &'a str,
    /// 1-based index of the head word within the sentence, 0 for the root (and when the
    /// sentence has no analysis).
    pub head: u32,
    /// Dependency relation, else "".
    pub deprel: &'a str,
}

impl Tok<'_> {
    /// Starts with an uppercase letter.
    pub fn cap(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    /// Is one of `words`, ignoring ASCII case.
    pub fn is(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.text.eq_ignore_ascii_case(w))
    }

    /// A possessive marker ('s, ’s, ', ...): [`is_possessive`].
    pub fn is_possessive(&self) -> bool {
        is_possessive(self.text)
    }

    /// Starts with a letter.
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphabetic)
    }
}

/// The document's tokens, sentence by sentence.
///
/// Tokens whose span is empty or does not slice the text are left out; a sentence that
/// lost one, or whose analysis does not have one word per token, counts as unparsed.
pub struct Doc<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok<'a>>,
    /// Token range of each sentence.
    pub sents: Vec<(usize, usize)>,
    /// Whether the sentence has syntax.
    pub parsed: Vec<bool>,
    syntax: Option<&'a [Analysis<'a>]>,
}

impl<'a> Doc<'a> {
    /// The document `text` cut into `sentences`, with `syntax` (one analysis per
    /// sentence) when given.
    pub fn new(text: &'a str, sentences: &[Sentence], syntax: Option<&'a [Analysis<'a>]>) -> Self {
        let mut toks = Vec::new();
        let mut sents = Vec::new();
        let mut parsed = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            let mut a = syntax
                .and_then(|x| x.get(si))
                .filter(|a| a.words.len() == s.tokens.len());
            let t0 = toks.len();
            for (i, t) in s.tokens.iter().enumerate() {
                let Some(tx) = text.get(t.start..t.end).filter(|x| !x.is_empty()) else {
                    a = None;
                    continue;
                };
                let w = a.map(|a| &a.words[i]);
                toks.push(Tok {
                    start: t.start,
                    end: t.end,
                    text: tx,
                    sent: si,
                    first: toks.len() == t0,
                    upos: w.map_or("", |w| w.upos),
                    xpos: w.map_or("", |w| w.xpos),
                    lemma: w.map_or("", |w| w.lemma.as_str()),
                    head: w.map_or(0, |w| w.head),
                    deprel: w.map_or("", |w| w.deprel),
                });
            }
            if a.is_none() {
                // A token was left out: the words no longer line up with the tokens.
                for t in &mut toks[t0..] {
                    (t.upos, t.xpos, t.lemma, t.head, t.deprel) = ("", "", "", 0, "");
                }
            }
            sents.push((t0, toks.len()));
            parsed.push(a.is_some());
        }
        Doc {
            text,
            toks,
            sents,
            parsed,
            syntax,
        }
    }

    /// The token whose span contains byte `b`, or the first after it.
    pub fn tok_at(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.end <= b)
    }

    /// The first token that starts at or after `b`.
    pub fn tok_after(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.start < b)
    }

    /// The end of the token range of token `t`'s sentence.
    pub fn sent_end(&self, t: usize) -> usize {
        self.toks
            .get(t)
            .map_or(self.toks.len(), |x| self.sents[x.sent].1)
    }

    /// The start of the token range of token `t`'s sentence.
    pub fn sent_start(&self, t: usize) -> usize {
        self.toks.get(t).map_or(0, |x| self.sents[x.sent].0)
    }

    /// The text from token `t0` to token `t1` (exclusive).
    pub fn span_text(&self, t0: usize, t1: usize) -> &'a str {
        if t0 >= t1 || t1 > self.toks.len() {
            return "";
        }
        &self.text[self.toks[t0].start..self.toks[t1 - 1].end]
    }

    /// Whether token `t`'s sentence has syntax.
    pub fn has_syntax(&self, t: usize) -> bool {
        self.toks.get(t).is_some_and(|x| self.parsed[x.sent])
    }

    /// The analysis of sentence `s` when it has syntax: word `k` is token
    /// `self.sents[s].0 + k`.
    pub fn analysis(&self, s: usize) -> Option<&'a Analysis<'a>> {
        if !*self.parsed.get(s)? {
            return None;
        }
        self.syntax?.get(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_tokens_and_lookups() {
        let text = "Gen. Smith spoke. Then Iran’s envoy left.";
        let sentences = aras_text::segment(text);
        let doc = Doc::new(text, &sentences, None);
        assert_eq!(doc.sents.len(), sentences.len());
        assert!(doc.toks[0].first && !doc.toks[1].first);
        let then = doc.tok_at(text.find("Then").unwrap());
        assert_eq!(doc.toks[then].text, "Then");
        assert_eq!(doc.sent_start(then), then);
        assert_eq!(doc.sent_end(0), then);
        assert_eq!(doc.tok_after(text.find("Smith").unwrap() + 1), 2);
        assert_eq!(doc.span_text(0, 2), "Gen. Smith");
        assert!(doc.toks.iter().any(|t| t.is_possessive()));
        assert!(!doc.has_syntax(0));
        assert!(doc.analysis(0).is_none());
    }
}
