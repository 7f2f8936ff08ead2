//! One sentence read token by token, with its syntax when it has one.

use aras_nlp::model::AnalyzedWord;
use aras_text::Token;

/// One sentence: its tokens (byte spans into the document and the text they span), their
/// lowercase forms and, when the sentence has an analysis with one word per token, the
/// syntax of each word and the children of each word in the dependency tree.
///
/// Token `i` is word `i` of the analysis. A token whose span does not slice the text
/// reads as "".
pub struct Sent<'a> {
    /// The document text the spans index.
    pub text: &'a str,
    /// Byte spans of the tokens.
    pub tokens: &'a [Token],
    /// One analysed word per token; empty when the sentence has no matching analysis.
    pub words: &'a [AnalyzedWord<'a>],
    forms: Vec<&'a str>,
    lower: Vec<String>,
    /// The lowercase form with ’ read as ', where that differs from `lower`.
    norm: Vec<Option<String>>,
    /// Lowercase lemmas (the form where the analysis has none), ’ read as '; empty when
    /// unparsed.
    lemmas: Vec<String>,
    children: Vec<Vec<usize>>,
    capitalized: Vec<bool>,
}

impl<'a> Sent<'a> {
    /// The view of the sentence with tokens `tokens`; `words` is used when it has one
    /// word per token.
    pub fn new(text: &'a str, tokens: &'a [Token], words: Option<&'a [AnalyzedWord<'a>]>) -> Self {
        let words = words.filter(|w| w.len() == tokens.len()).unwrap_or(&[]);
        let forms: Vec<&'a str> = tokens
            .iter()
            .map(|t| text.get(t.start..t.end).unwrap_or(""))
            .collect();
        let lower: Vec<String> = forms.iter().map(|w| w.to_lowercase()).collect();
        let norm = lower
            .iter()
            .map(|l| l.contains('’').then(|| l.replace('’', "'")))
            .collect();
        let capitalized = forms
            .iter()
            .map(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect();
        let n = words.len();
        let mut children = vec![Vec::new(); n];
        for (i, w) in words.iter().enumerate() {
            let h = w.head as usize;
            if h >= 1 && h <= n && h - 1 != i {
                children[h - 1].push(i);
            }
        }
        let lemmas = words
            .iter()
            .zip(&forms)
            .map(|(w, f)| {
                let l = if w.lemma.is_empty() {
                    f
                } else {
                    w.lemma.as_str()
                };
                l.to_lowercase().replace('’', "'")
            })
            .collect();
        Sent {
            text,
            tokens,
            words,
            forms,
            lower,
            norm,
            lemmas,
            children,
            capitalized,
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Whether the sentence has syntax.
    pub fn parsed(&self) -> bool {
        !self.words.is_empty()
    }

    /// Token `i` as written.
    pub fn form(&self, i: usize) -> &'a str {
        self.forms[i]
    }

    /// Token `i` in lowercase.
    pub fn lower(&self, i: usize) -> &str {
        &self.lower[i]
    }

    /// Token `i` in lowercase with the typographic apostrophe ’ read as ' ("Israel’s" and
    /// "Israel's" both end in "'s").
    pub fn norm(&self, i: usize) -> &str {
        self.norm[i].as_deref().unwrap_or(&self.lower[i])
    }

    /// Whether token `i` starts with an uppercase letter.
    pub fn cap(&self, i: usize) -> bool {
        self.capitalized[i]
    }

    /// Byte span of tokens `a..b`.
    pub fn span(&self, a: usize, b: usize) -> (usize, usize) {
        (self.tokens[a].start, self.tokens[b - 1].end)
    }

    /// The lemma of word `i`, lowercase, ’ read as ' (the normalised form when unparsed).
    pub fn lemma(&self, i: usize) -> &str {
        match self.lemmas.get(i) {
            Some(l) => l,
            None => self.norm(i),
        }
    }

    /// UPOS of word `i` ("" when unparsed).
    pub fn upos(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |w| w.upos)
    }

    /// XPOS of word `i` ("" when unparsed).
    pub fn xpos(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |w| w.xpos)
    }

    /// Dependency relation of word `i`, with its subtype ("nsubj:pass"; "" when unparsed).
    pub fn rel(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |w| w.deprel)
    }

    /// Dependency relation of word `i` without its subtype ("nsubj").
    pub fn base_rel(&self, i: usize) -> &'a str {
        self.rel(i).split(':').next().unwrap_or("")
    }

    /// The head of word `i`; `None` for the root (and when unparsed).
    pub fn head(&self, i: usize) -> Option<usize> {
        let h = self.words.get(i)?.head as usize;
        (h >= 1 && h <= self.words.len() && h - 1 != i).then(|| h - 1)
    }

    /// The dependents of word `i`, in order.
    pub fn kids(&self, i: usize) -> &[usize] {
        self.children.get(i).map_or(&[], Vec::as_slice)
    }

    /// The dependents of word `i` with relation `rel`.
    pub fn kids_rel<'s>(&'s self, i: usize, rel: &'s str) -> impl Iterator<Item = usize> + 's {
        self.kids(i)
            .iter()
            .copied()
            .filter(move |&c| self.rel(c) == rel)
    }

    /// The lemma of the `case` (or `mark`) child before a nominal or clause.
    pub fn case(&self, i: usize) -> Option<&str> {
        self.kids(i)
            .iter()
            .find(|&&c| matches!(self.base_rel(c), "case" | "mark") && c < i)
            .map(|&c| self.lemma(c))
    }

    /// Whether `a` is `b` or an ancestor of `b`.
    pub fn dominates(&self, a: usize, mut b: usize) -> bool {
        for _ in 0..=self.len() {
            if a == b {
                return true;
            }
            match self.head(b) {
                Some(h) => b = h,
                None => return false,
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aras_nlp::model::AnalyzedWord;

    fn word(head: u32, deprel: &'static str, lemma: &str) -> AnalyzedWord<'static> {
        AnalyzedWord {
            upos: "X",
            xpos: "X",
            lemma: lemma.to_string(),
            head,
            deprel,
        }
    }

    #[test]
    fn forms_lemmas_and_tree() {
        let text = "Iran’s army Attacked";
        let sentences = aras_text::segment(text);
        let s = &sentences[0];
        assert_eq!(s.tokens.len(), 4);
        let words = vec![
            word(3, "nmod:poss", ""),
            word(1, "case", "’s"),
            word(4, "nsubj", "army"),
            word(0, "root", "attack"),
        ];
        let v = Sent::new(text, &s.tokens, Some(&words));
        assert!(v.parsed());
        assert_eq!(v.form(1), "’s");
        assert_eq!(v.lower(1), "’s");
        assert_eq!(v.norm(1), "'s");
        assert_eq!(v.lemma(0), "iran");
        assert_eq!(v.lemma(1), "'s");
        assert!(v.cap(0) && !v.cap(2) && v.cap(3));
        assert_eq!(v.head(3), None);
        assert_eq!(v.head(0), Some(2));
        assert_eq!(v.kids(3), &[2]);
        assert_eq!(v.kids_rel(2, "nmod:poss").collect::<Vec<_>>(), vec![0]);
        assert_eq!(v.base_rel(0), "nmod");
        assert!(v.dominates(3, 1));
        assert!(!v.dominates(1, 3));
        assert_eq!(v.span(2, 4), (text.find("army").unwrap(), text.len()));

        // An analysis of another length is not this sentence's.
        let short = Sent::new(text, &s.tokens, Some(&words[..2]));
        assert!(!short.parsed());
        assert_eq!(short.upos(0), "");
        assert_eq!(short.head(0), None);
        assert!(short.kids(0).is_empty());
        assert_eq!(short.lemma(1), "'s");
    }
}
