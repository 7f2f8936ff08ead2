//! Direct quotes and who said them.
//!
//! [`extract`] finds quoted spans by their marks (curly, straight, single or double,
//! across sentences, across paragraphs) and attributes each to a speaker:
//!
//! 1. **Verb**: a verb of saying next to the quote, before it (`X said: “…”`,
//!    `X told reporters that “…”`) or after it (`“…,” X said`, `“…,” said X, who …`),
//!    or anywhere in the quote's sentence for a partial quote (`X issued a statement
//!    saying Baku was “seriously concerned”`: the reporting subject of the sentence).
//! 2. **According**: `according to X`.
//! 3. **Pronoun**: the mention is `he`/`she` (the most recent person speaker or person
//!    subject before it), `it`/`they` or a definite description such as `the ministry`
//!    (the most recent organisation, preferably one whose name has the same head noun).
//! 4. **Paragraph**: a quote with no attribution of its own takes the speaker of the
//!    quote before it in its paragraph, of the next quote when only quotes stand between
//!    them, or, when it opens its paragraph, the last speaker of the previous paragraph
//!    (a quote-only paragraph, or the continuation of a multi-paragraph quote).
//!
//! A short quoted term with no verb of saying in its sentence (`the Harop “loitering
//! munition” drone`) is kept as a partial quote with no speaker.
//!
//! The document is read through `aras_lex::Doc`, with each token's paragraph and quote
//! on top; the cue verbs and the titles are lists of `lexicon/words.txt`.
//!
//! Syntax is optional: with a dependency parse per sentence the subject of a verb of
//! saying comes from its `nsubj`; without it, from the words next to the verb.
//!
//! ```
//! let text = "“We will not back down,” said Jane Roe, who leads the union. “Never.”";
//! let sentences = aras_text::segment(text);
//! let quotes = aras_quotes::extract(text, &sentences, None);
//! assert_eq!(quotes.len(), 2);
//! assert_eq!(quotes[0].text, "We will not back down,");
//! assert_eq!(quotes[0].speaker.as_ref().unwrap().name, "Jane Roe");
//! assert_eq!(quotes[1].speaker.as_ref().unwrap().name, "Jane Roe");
//! ```

use aras_nlp::model::Analysis;
use aras_text::Sentence;
use serde::Serialize;
use std::collections::HashMap;
use std::ops::Deref;

/// How a speaker was found: the contract's vocabulary.
pub use aras_schema::SpeakerResolution as ResolvedBy;

pub mod eval;
mod lexicon;
mod marks;

use lexicon::{Cue, Pron};

/// A quoted span and its speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// Byte span of the quoted content, without the quote marks.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: Option<Speaker>,
    /// A fragment inside a sentence, not a full quoted sentence.
    pub partial: bool,
}

/// Who said a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// Byte span of the speaker mention as written (`Richard Kauzlarich`, `he`, `the ministry`).
    pub start: usize,
    pub end: usize,
    /// The resolved name: a pronoun's or a definite description's antecedent, a surname's
    /// full name, titles removed (`Foreign Minister Ceyhun Bayramov` → `Ceyhun Bayramov`).
    pub name: String,
    pub resolved_by: ResolvedBy,
}

/// Finds the quotes of `text` and their speakers.
///
/// `sentences` are `aras_text::segment(text)`; `syntax`, when given, holds one analysis
/// per sentence (a sentence whose analysis does not have one word per token is treated
/// as unparsed).
pub fn extract(text: &str, sentences: &[Sentence], syntax: Option<&[Analysis<'_>]>) -> Vec<Quote> {
    let doc = Doc::new(text, sentences, syntax);
    doc.run()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Person,
    Org,
    /// A single capitalised word nobody has introduced (`Iran`, `Smith`).
    Unknown,
    Pronoun(Pron),
    /// `the ministry`, `the campaign`: a definite organisation description.
    DefOrg,
    /// `a spokesman`, `officials`: a description, kept as written.
    Desc,
}

#[derive(Debug, Clone, Copy)]
struct Mention {
    /// Token range.
    a: usize,
    b: usize,
    via: ResolvedBy,
}

/// Where a token of the document stands: its paragraph and the quote it is in.
#[derive(Debug, Clone)]
struct Place {
    para: usize,
    /// Inside quote `q` (marks included).
    quote: Option<usize>,
}

/// The document (the shared token view of `aras-lex`, which it dereferences to), with the
/// paragraph and quote of each token, the quotes and the names.
struct Doc<'a> {
    view: aras_lex::Doc<'a>,
    /// Paragraph and quote of each token of `view`.
    place: Vec<Place>,
    paras: Vec<(usize, usize)>,
    quotes: Vec<marks::RawQuote>,
    /// Capitalised runs outside quotes: token ranges.
    names: Vec<(usize, usize)>,
    /// For each surname, the longest introduced full name ending with it
    /// ([`Doc::full_name`]); built once so that a mention costs a lookup, not a pass
    /// over every name of the document (issue 16).
    full_names: HashMap<&'a str, String>,
    headline: Vec<bool>,
}

impl<'a> Deref for Doc<'a> {
    type Target = aras_lex::Doc<'a>;

    fn deref(&self) -> &aras_lex::Doc<'a> {
        &self.view
    }
}

#[derive(Debug, Clone)]
struct Candidate {
    pos: usize,
    name: String,
    kind: Kind,
}

/// Paragraph and quote of every token. A token's quote is the first quote (in the
/// finder's order) that it overlaps; each quote marks its tokens, found by binary search,
/// and tokens already marked are skipped, so the cost is linear in the document rather
/// than tokens times quotes (issue 16).
fn places(
    toks: &[aras_lex::Tok<'_>],
    paras: &[(usize, usize)],
    quotes: &[marks::RawQuote],
) -> Vec<Place> {
    let mut para = 0;
    let mut place: Vec<Place> = toks
        .iter()
        .map(|t| {
            while para + 1 < paras.len() && paras[para].1 <= t.start {
                para += 1;
            }
            Place { para, quote: None }
        })
        .collect();
    // next[k]: the first token at or after k with no quote yet (path-halving).
    let mut next: Vec<usize> = (0..=toks.len()).collect();
    fn find(next: &mut [usize], mut k: usize) -> usize {
        while next[k] != k {
            next[k] = next[next[k]];
            k = next[k];
        }
        k
    }
    for (qi, q) in quotes.iter().enumerate() {
        let end = q.close_end.max(q.end);
        let lo = toks.partition_point(|t| t.end <= q.open);
        let hi = toks.partition_point(|t| t.start < end);
        let mut k = find(&mut next, lo);
        while k < hi {
            if toks[k].start < end && toks[k].end > q.open {
                place[k].quote = Some(qi);
            }
            next[k] = k + 1;
            k = find(&mut next, k + 1);
        }
    }
    place
}

impl<'a> Doc<'a> {
    fn new(text: &'a str, sentences: &[Sentence], syntax: Option<&'a [Analysis<'a>]>) -> Self {
        let paras = marks::paragraphs(text);
        let quotes = marks::find(text, &paras);
        let view = aras_lex::Doc::new(text, sentences, syntax);
        let place = places(&view.toks, &paras, &quotes);
        let mut doc = Doc {
            view,
            place,
            paras,
            quotes,
            names: Vec::new(),
            full_names: HashMap::new(),
            headline: Vec::new(),
        };
        doc.headline = (0..doc.sents.len()).map(|s| doc.is_headline(s)).collect();
        doc.names = doc.find_names();
        doc.full_names = doc.full_names();
        doc
    }

    fn w(&self, i: usize) -> &'a str {
        self.toks[i].text
    }

    fn lw(&self, i: usize) -> String {
        self.w(i).to_lowercase()
    }

    fn is_cap(&self, i: usize) -> bool {
        let w = self.w(i);
        w.chars().next().is_some_and(|c| c.is_uppercase()) && w.chars().any(char::is_alphabetic)
    }

    /// Capitalised and not a capitalised function word (`The`, `In`).
    fn is_name_cap(&self, i: usize) -> bool {
        self.is_cap(i) && !lexicon::is_function_word(&self.lw(i))
    }

    fn is_word(&self, i: usize) -> bool {
        self.w(i).chars().next().is_some_and(char::is_alphanumeric)
    }

    /// A sentence in title case: a headline, whose capitals mean nothing.
    fn is_headline(&self, s: usize) -> bool {
        let (a, b) = self.sents[s];
        let words: Vec<usize> = (a..b)
            .filter(|&i| self.is_word(i) && self.w(i).len() > 3)
            .collect();
        words.len() >= 3 && words.iter().all(|&i| self.is_cap(i)) && !self.w(b - 1).ends_with('.')
    }

    fn outside(&self, i: usize) -> bool {
        self.place[i].quote.is_none()
    }

    /// Is token `i` a cue verb (lowercase as written)?
    fn cue(&self, i: usize) -> Option<Cue> {
        let w = self.w(i);
        if w.chars().any(char::is_uppercase) {
            return None;
        }
        if let Some(an) = self.analysis(self.toks[i].sent) {
            let k = i - self.sents[self.toks[i].sent].0;
            let up = an.words[k].upos;
            if up == "NOUN" || up == "ADJ" {
                return None;
            }
        }
        lexicon::cue(w).map(|c| c.0)
    }

    // ----- noun phrases -------------------------------------------------------------

    fn np_token(&self, i: usize) -> bool {
        let w = self.w(i);
        let l = w.to_lowercase();
        if self.toks[i].is_possessive() {
            return true;
        }
        if !self.is_word(i) {
            return false;
        }
        if lexicon::is_stop(&l) || lexicon::cue(&l).is_some() && !self.is_cap(i) {
            return false;
        }
        true
    }

    /// The noun phrase that ends just before `v` (skipping adverbs and auxiliaries).
    fn np_back(&self, lo: usize, v: usize) -> Option<(usize, usize)> {
        let mut e = v;
        while e > lo && lexicon::is_skippable(&self.lw(e - 1)) && !self.is_cap(e - 1) {
            e -= 1;
        }
        if e == lo {
            return None;
        }
        // `X, an expert at Y, said`: the name before the apposition.
        if self.w(e - 1) == "," {
            let mut k = e - 1;
            while k > lo && self.w(k - 1) != "," && e - k < 14 {
                k -= 1;
            }
            if k > lo && self.w(k - 1) == "," {
                let app = self.lw(k);
                if lexicon::is_determiner(&app) || app == "who" || !self.is_cap(k) {
                    return self.np_back(lo, k - 1);
                }
            }
            return None;
        }
        let mut s = e;
        while s > lo && e - s < 8 && self.np_token(s - 1) {
            let l = self.lw(s - 1);
            if l == "and" && !(self.is_cap(s) && s >= lo + 2 && self.is_cap(s - 2)) {
                break;
            }
            s -= 1;
        }
        if s == e {
            return None;
        }
        let s = self.trim_np_start(s, e);
        self.valid_np(s, e).then_some((s, e))
    }

    /// Drops what cannot start a speaker: time words and anything before the last
    /// determiner that follows a lowercase word (`The next day the ministry`).
    fn trim_np_start(&self, mut s: usize, e: usize) -> usize {
        let time = |l: &str| {
            matches!(
                l,
                "day"
                    | "week"
                    | "month"
                    | "year"
                    | "morning"
                    | "afternoon"
                    | "evening"
                    | "night"
                    | "weekend"
                    | "days"
                    | "weeks"
                    | "months"
                    | "years"
            )
        };
        if let Some(k) = (s..e.saturating_sub(1)).rev().find(|&k| time(&self.lw(k))) {
            s = k + 1;
        }
        while s < e && self.toks[s].is_possessive() {
            s += 1;
        }
        s
    }

    fn valid_np(&self, s: usize, e: usize) -> bool {
        if s >= e || e - s > 8 {
            return false;
        }
        let last = self.lw(e - 1);
        if e - s == 1 && lexicon::is_pronoun(&last).is_some() {
            return true;
        }
        if (s..e).any(|k| self.is_cap(k)) {
            return !(s..e).all(|k| !self.is_word(k) || lexicon::is_function_word(&self.lw(k)));
        }
        let head = last.trim_end_matches('s');
        lexicon::is_person_head(&last)
            || lexicon::is_person_head(head)
            || lexicon::is_org_head(&last)
            || lexicon::is_org_head(head)
            || last == "officials"
            || last == "sources"
    }

    /// The noun phrase starting at `i` (inverted order: `said Richard Kauzlarich, who …`).
    fn np_fwd(&self, i: usize, hi: usize) -> Option<(usize, usize)> {
        let mut e = i;
        let mut lower_after_det = 0;
        while e < hi && e - i < 8 && self.np_token(e) {
            let l = self.lw(e);
            if self.w(e) == "." && e > i && !self.w(e - 1).ends_with('.') {
                break;
            }
            if l == "and" && !(e > i && self.is_cap(e - 1) && e + 1 < hi && self.is_cap(e + 1)) {
                break;
            }
            if l == "of"
                && !(e + 1 < hi && (self.is_cap(e + 1) || lexicon::is_determiner(&self.lw(e + 1))))
            {
                break;
            }
            if !self.is_cap(e)
                && !self.toks[e].is_possessive()
                && !lexicon::is_determiner(&l)
                && l != "of"
                && l != "-"
            {
                // a lowercase word: part of a description only before any capital
                if (i..e).any(|k| self.is_name_cap(k)) && !(e > i && self.w(e - 1) == "of") {
                    break;
                }
                lower_after_det += 1;
                if lower_after_det > 3 || l.ends_with("ed") && !(e + 1 < hi && self.is_cap(e + 1)) {
                    break;
                }
            }
            e += 1;
        }
        while e > i && matches!(self.lw(e - 1).as_str(), "of" | "and" | "-" | "the") {
            e -= 1;
        }
        self.valid_np(i, e).then_some((i, e))
    }

    /// The subject of the sentence that holds token range `[lo, hi)`: its first noun
    /// phrase, after any opening adverbial that ends in a comma.
    fn first_np(&self, lo: usize, hi: usize) -> Option<(usize, usize)> {
        let mut i = lo;
        while i < hi && !self.outside(i) {
            i += 1;
        }
        // A dateline: `WASHINGTON (AP) — …`.
        if i < hi && self.w(i).len() >= 3 && self.w(i).chars().all(|c| !c.is_lowercase()) {
            if let Some(d) =
                (i..hi.min(i + 8)).find(|&k| matches!(self.w(k), "—" | "--" | "-" | "–"))
            {
                i = d + 1;
            }
        }
        // `In 2012, X …`, `The next day, X …`: skip to after the comma.
        let first = if i < hi { self.lw(i) } else { return None };
        let adverbial = lexicon::is_stop(&first)
            || matches!(
                first.as_str(),
                "the" | "after" | "last" | "on" | "in" | "meanwhile" | "however" | "but" | "and"
            ) && !(i + 1 < hi && self.is_cap(i + 1) && first == "the");
        if adverbial {
            if let Some(c) = (i..hi.min(i + 10)).find(|&k| self.w(k) == ",") {
                if (i..c).all(|k| self.outside(k)) {
                    i = c + 1;
                }
            }
        }
        if i < hi && matches!(self.lw(i).as_str(), "and" | "but" | "so") {
            i += 1;
        }
        self.np_fwd(i, hi)
    }

    /// Syntax: the subject of verb `v` (climbing through participles and clausal
    /// complements), without appositions and relative clauses.
    fn syn_subject(&self, v: usize) -> Option<(usize, usize)> {
        let s = self.toks[v].sent;
        let an = self.analysis(s)?;
        let base = self.sents[s].0;
        let mut head = v - base;
        for _ in 0..3 {
            let subj = (0..an.words.len()).find(|&c| {
                an.words[c].head as usize == head + 1 && an.words[c].deprel.starts_with("nsubj")
            });
            if let Some(c) = subj {
                let mut lo = c;
                let mut hi = c;
                let mut stack = vec![c];
                while let Some(x) = stack.pop() {
                    for (y, w) in an.words.iter().enumerate() {
                        if w.head as usize == x + 1
                            && matches!(
                                w.deprel.split(':').next().unwrap_or(""),
                                "compound"
                                    | "flat"
                                    | "amod"
                                    | "det"
                                    | "nmod"
                                    | "case"
                                    | "nummod"
                                    | "name"
                                    | "goeswith"
                            )
                            && w.deprel != "nmod"
                        {
                            lo = lo.min(y);
                            hi = hi.max(y);
                            stack.push(y);
                        }
                    }
                }
                let (a, b) = (base + lo, base + hi + 1);
                return self.valid_np(a, b).then_some((a, b));
            }
            let w = &an.words[head];
            let climb = matches!(
                w.deprel.split(':').next().unwrap_or(""),
                "advcl" | "xcomp" | "conj" | "acl"
            );
            if climb && w.head > 0 {
                head = w.head as usize - 1;
            } else {
                break;
            }
        }
        None
    }

    /// The speaker of cue verb `v` in the window `[lo, hi)`.
    fn subject_of(&self, v: usize, lo: usize, hi: usize) -> Option<(usize, usize)> {
        if let Some(s) = self.syn_subject(v) {
            return Some(s);
        }
        let l = self.lw(v);
        let (sa, _) = self.sents[self.toks[v].sent];
        if lexicon::is_ing(&l) {
            // `…, X said, adding that …`: the subject of the finite verb before.
            let finite = (sa..v).rev().take(12).find(|&k| {
                self.outside(k) && self.cue(k).is_some() && !lexicon::is_ing(&self.lw(k))
            });
            if let Some(f) = finite {
                if let Some(np) = self.subject_of(f, sa, v) {
                    return Some(np);
                }
            }
            return self.first_np(sa, v);
        }
        if let Some(np) = self.np_back(lo, v) {
            return Some(np);
        }
        // `X did this and said …`: the subject of the sentence.
        let mut p = v;
        while p > sa && lexicon::is_skippable(&self.lw(p - 1)) {
            p -= 1;
        }
        if p > sa && matches!(self.lw(p - 1).as_str(), "and" | "but") {
            return self.first_np(sa, p - 1);
        }
        // `…, said X` with nothing usable before the verb.
        if v == lo || !self.is_word(v - 1) {
            return self.np_fwd(v + 1, hi);
        }
        None
    }

    // ----- quote windows ------------------------------------------------------------

    fn tok_at(&self, byte: usize) -> Option<usize> {
        let i = self.toks.partition_point(|t| t.end <= byte);
        (i < self.toks.len()).then_some(i)
    }

    /// Tokens before quote `q` in its sentence, after any earlier quote.
    fn before(&self, q: usize) -> (usize, usize) {
        let rq = &self.quotes[q];
        let Some(o) = self.tok_at(rq.open) else {
            return (0, 0);
        };
        let s = self.toks[o].sent;
        let mut lo = self.sents[s].0;
        for k in (lo..o).rev() {
            if !self.outside(k) || self.place[k].para != rq.para {
                lo = k + 1;
                break;
            }
        }
        (lo, o)
    }

    /// Tokens after quote `q` to the end of the sentence that follows its close,
    /// before any next quote; and whether that sentence is a new one.
    fn after(&self, q: usize) -> (usize, usize, bool) {
        let rq = &self.quotes[q];
        let Some(a) = self.tok_at(rq.close_end) else {
            return (0, 0, false);
        };
        if self.toks[a].start < rq.close_end || self.place[a].para != rq.para {
            return (a, a, false);
        }
        let s = self.toks[a].sent;
        let new_sentence = self.sents[s].0 == a;
        let mut hi = self.sents[s].1;
        for k in a..hi {
            if !self.outside(k) || self.place[k].para != rq.para {
                hi = k;
                break;
            }
        }
        (a, hi, new_sentence)
    }

    fn according(&self, lo: usize, hi: usize) -> Option<Mention> {
        let k = (lo..hi.saturating_sub(1))
            .rev()
            .find(|&k| self.lw(k) == "according" && self.lw(k + 1) == "to")?;
        let (a, b) = self.np_fwd(k + 2, hi)?;
        Some(Mention {
            a,
            b,
            via: ResolvedBy::According,
        })
    }

    fn word_count(&self, q: usize) -> usize {
        let rq = &self.quotes[q];
        self.text[rq.start..rq.end]
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    }

    /// The speaker mention next to quote `q`, if any.
    fn attribute(&self, q: usize) -> Option<Mention> {
        let short = self.word_count(q) <= 3;
        let verb = |(a, b): (usize, usize)| Mention {
            a,
            b,
            via: ResolvedBy::Verb,
        };
        // Verbs of saying always count; verbs of reporting (`called it “a farce”`) need,
        // for a short quote, a subject right before them (not `a drone called “X”`).
        let subject = |v: usize, lo: usize, hi: usize| match self.cue(v)? {
            Cue::Speech => self.subject_of(v, lo, hi),
            Cue::Report if !short => self.subject_of(v, lo, hi),
            Cue::Report if lexicon::is_ing(&self.lw(v)) => None,
            Cue::Report => self.np_back(lo, v),
        };
        // After: `“…,” X said` / `“…,” said X` / `“…,” according to X`.
        let (a, hi, new_sentence) = self.after(q);
        let mut i = a;
        while i < hi && matches!(self.w(i), "," | "—" | "–" | "-" | "--" | "(") {
            i += 1;
        }
        if i < hi {
            if let Some(m) = self.according(i, hi.min(i + 3)) {
                return Some(m);
            }
            let mut seen_cue = false;
            for v in i..hi.min(i + 9) {
                if self.cue(v).is_none() {
                    continue;
                }
                seen_cue = true;
                if lexicon::is_ing(&self.lw(v)) {
                    break;
                }
                let np = if v == i {
                    self.np_fwd(v + 1, hi)
                } else {
                    self.syn_subject(v)
                        .filter(|np| np.0 >= i && np.1 <= v)
                        .or_else(|| self.np_back(i, v).filter(|np| np.0 == i))
                };
                if let Some((s, e)) = np {
                    if new_sentence && !self.bare_tail(v.max(e), hi) {
                        break;
                    }
                    return Some(verb((s, e)));
                }
                break;
            }
            // `“…,” Jane Roe, director of the institute, said.`
            if !seen_cue {
                if let Some((s, e)) = self.np_fwd(i, hi) {
                    if e < hi && self.w(e) == "," {
                        let close = (e + 1..hi.min(e + 30)).find(|&k| {
                            let mut n = k + 1;
                            while n < hi && lexicon::is_skippable(&self.lw(n)) {
                                n += 1;
                            }
                            self.w(k) == "," && n < hi && self.cue(n) == Some(Cue::Speech)
                        });
                        if close.is_some() {
                            return Some(verb((s, e)));
                        }
                    }
                }
            }
        }
        // Before: `X said: “…”`, `According to X, “…”`, `X told Y that “…”`.
        let (lo, o) = self.before(q);
        let acc = self.according(lo, o);
        for v in (lo..o).rev().filter(|&k| self.cue(k).is_some()).take(2) {
            if acc.is_some_and(|m| m.a > v) {
                break;
            }
            if let Some(np) = subject(v, lo, o) {
                return Some(verb(np));
            }
        }
        if let Some(m) = acc {
            return Some(m);
        }
        // Any cue of the quote's sentence(s), nearest first.
        let last = self.toks.len().checked_sub(1)?;
        let so = self.toks[o.min(last)].sent;
        let sc = self.toks[self.tok_at(self.quotes[q].end - 1).unwrap_or(o).min(last)].sent;
        let (sa, sb) = (self.sents[so].0, self.sents[sc.max(so)].1);
        if let Some(m) = self.according(sa, sb) {
            return Some(m);
        }
        let para = self.quotes[q].para;
        let mut cues: Vec<usize> = (sa..sb)
            .filter(|&k| self.outside(k) && self.place[k].para == para && self.cue(k).is_some())
            .collect();
        cues.sort_by_key(|&k| k.abs_diff(o));
        for v in cues {
            if let Some(np) = subject(v, sa, sb) {
                return Some(verb(np));
            }
        }
        None
    }

    /// After `X said` in a new sentence, nothing that reads like a clause of its own.
    fn bare_tail(&self, from: usize, hi: usize) -> bool {
        let n = from + 1;
        if n >= hi {
            return true;
        }
        let w = self.lw(n);
        !self.is_word(n)
            || matches!(
                w.as_str(),
                "in" | "on"
                    | "at"
                    | "during"
                    | "to"
                    | "when"
                    | "after"
                    | "before"
                    | "while"
                    | "last"
                    | "this"
                    | "yesterday"
                    | "today"
                    | "earlier"
                    | "later"
                    | "recently"
                    | "reporters"
                    | "journalists"
            )
    }

    /// Is quote `q` a fragment inside a sentence?
    fn is_partial(&self, q: usize) -> bool {
        let rq = &self.quotes[q];
        if rq.continued {
            return false;
        }
        let first = self.text[rq.start..rq.end]
            .chars()
            .find(|c| !matches!(c, '.' | '…' | '[' | '(' | '\'' | '‘'));
        let upper = first.is_some_and(|c| !c.is_lowercase());
        let (lo, o) = self.before(q);
        let intro = lo == o || {
            let lw = self.lw(o - 1);
            matches!(lw.as_str(), ":" | "," | "—" | "–" | "-" | "--" | "(")
                || self.cue(o - 1).is_some()
        };
        if upper && intro {
            return false;
        }
        // `“…,” X said, “and then …”`: the second half of an interrupted full quote.
        if intro
            && q > 0
            && lo > 0
            && self.place[lo - 1].quote == Some(q - 1)
            && !self.is_partial(q - 1)
        {
            let prev = &self.quotes[q - 1];
            return !self.text[prev.start..prev.end].trim_end().ends_with(',');
        }
        true
    }

    // ----- names and resolution -----------------------------------------------------

    /// Runs of capitalised words outside quotes (joined by possessives and `of`).
    fn find_names(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        let n = self.toks.len();
        while i < n {
            if !(self.is_cap(i) && self.outside(i)) || self.headline[self.toks[i].sent] {
                i += 1;
                continue;
            }
            let s = i;
            let sent = self.toks[i].sent;
            let mut e = i + 1;
            while e < n && self.toks[e].sent == sent && self.outside(e) {
                let join = (self.toks[e].is_possessive()
                    || matches!(
                        self.lw(e).as_str(),
                        "of" | "de" | "al" | "bin" | "van" | "von" | "-"
                    ))
                    && e + 1 < n
                    && self.is_cap(e + 1);
                if self.is_cap(e) || join {
                    e += if join { 2 } else { 1 };
                } else {
                    break;
                }
            }
            let mut a = s;
            while a < e && lexicon::is_function_word(&self.lw(a)) {
                a += 1;
            }
            if a < e {
                out.push((a, e));
            }
            i = e;
        }
        out
    }

    /// Strips leading titles and determiners off a capitalised name.
    fn strip_titles(&self, a: usize, b: usize) -> usize {
        let mut s = a;
        while s < b && (lexicon::is_determiner(&self.lw(s)) || !self.is_cap(s) && s + 1 < b) {
            s += 1;
        }
        // Everything up to the last title word (`Transport Minister`, `Secretary of State`).
        let titled = |k: usize| {
            let l = self.lw(k);
            lexicon::is_title(&l) || lexicon::is_person_head(&l)
        };
        let last_title = (s..b.saturating_sub(1)).rev().find(|&k| titled(k));
        if let Some(k) = last_title {
            let rest = k + 1..b;
            if rest.clone().any(|r| self.is_cap(r) && !titled(r))
                && !rest.clone().any(|r| self.toks[r].is_possessive())
                && !(s..k).any(|r| self.toks[r].is_possessive())
            {
                return k + 1;
            }
        }
        s
    }

    fn classify(&self, a: usize, b: usize) -> Kind {
        let last = self.lw(b - 1);
        if b - a == 1 {
            if let Some(p) = lexicon::is_pronoun(&last) {
                return Kind::Pronoun(p);
            }
        }
        let head = last.trim_end_matches('s');
        let any_cap = (a..b).any(|k| self.is_cap(k) && !lexicon::is_function_word(&self.lw(k)));
        if lexicon::is_org_head(&last) || lexicon::is_org_head(head) {
            return if any_cap {
                Kind::Org
            } else if lexicon::is_determiner(&self.lw(a)) && self.lw(a) == "the" {
                Kind::DefOrg
            } else {
                Kind::Desc
            };
        }
        if !any_cap {
            return Kind::Desc;
        }
        let w = self.w(b - 1);
        if w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.') {
            return Kind::Org;
        }
        let s = self.strip_titles(a, b);
        let caps = (s..b).filter(|&k| self.is_cap(k)).count();
        let has_poss = (s..b).any(|k| self.toks[k].is_possessive());
        if has_poss {
            return Kind::Org;
        }
        if caps >= 2 || s > a && (a..s).any(|k| lexicon::is_title(&self.lw(k))) {
            return Kind::Person;
        }
        if lexicon::is_person_head(&last) {
            return Kind::Desc;
        }
        if self.full_name(self.w(b - 1)).is_some() {
            return Kind::Person;
        }
        Kind::Unknown
    }

    /// The longest earlier-introduced person name that ends with `surname`.
    fn full_name(&self, surname: &str) -> Option<String> {
        self.full_names.get(surname).cloned()
    }

    /// Every surname's longest full name, in one pass over the names: the first of the
    /// longest when several are as long.
    fn full_names(&self) -> HashMap<&'a str, String> {
        let mut best: HashMap<&'a str, String> = HashMap::new();
        for &(a, b) in &self.names {
            let s = self.strip_titles(a, b);
            if b - s < 2 || b - s > 4 {
                continue;
            }
            if (s..b).any(|k| self.toks[k].is_possessive() || !self.is_cap(k)) {
                continue;
            }
            let last = self.lw(b - 1);
            if lexicon::is_org_head(&last) || lexicon::is_person_head(&last) {
                continue;
            }
            let name = self.span_text(s, b).to_string();
            let slot = best.entry(self.w(b - 1)).or_default();
            if name.len() > slot.len() {
                *slot = name;
            }
        }
        best
    }

    /// Name and kind of a mention, given the candidates before it.
    fn resolve(&self, m: &Mention, cands: &[Candidate]) -> (String, ResolvedBy, Kind) {
        let (a, b) = (m.a, m.b);
        let written = self.span_text(a, b).to_string();
        let pos = self.toks[a].start;
        let before = || cands.iter().rev().filter(|c| c.pos < pos);
        match self.classify(a, b) {
            Kind::Pronoun(p) => {
                let want = |k: Kind| match p {
                    Pron::Person => k == Kind::Person,
                    Pron::Thing | Pron::Plural => matches!(k, Kind::Org | Kind::Unknown),
                    Pron::First => false,
                };
                match before().find(|c| want(c.kind)) {
                    Some(c) => (c.name.clone(), ResolvedBy::Pronoun, c.kind),
                    None => (written, m.via, Kind::Pronoun(p)),
                }
            }
            Kind::DefOrg => {
                let head = self.lw(b - 1);
                let named = self
                    .names
                    .iter()
                    .rev()
                    .filter(|&&(na, nb)| nb <= a && (na..nb).any(|k| self.lw(k) == head))
                    .map(|&(na, nb)| self.span_text(self.strip_det(na, nb), nb).to_string())
                    .next();
                match named {
                    Some(n) => (n, ResolvedBy::Pronoun, Kind::Org),
                    None => (written, m.via, Kind::Org),
                }
            }
            Kind::Desc => (written, m.via, Kind::Desc),
            Kind::Org => (
                self.span_text(self.strip_det(a, b), b).to_string(),
                m.via,
                Kind::Org,
            ),
            k @ (Kind::Person | Kind::Unknown) => {
                let s = self.strip_titles(a, b);
                let name = self.span_text(s, b).to_string();
                if b - s == 1 {
                    if let Some(full) = self.full_name(self.w(b - 1)) {
                        return (full, m.via, Kind::Person);
                    }
                }
                (name, m.via, k)
            }
        }
    }

    fn strip_det(&self, a: usize, b: usize) -> usize {
        if a + 1 < b && lexicon::is_determiner(&self.lw(a)) {
            a + 1
        } else {
            a
        }
    }

    // ----- the whole document ---------------------------------------------------------

    fn run(&self) -> Vec<Quote> {
        let nq = self.quotes.len();
        let partial: Vec<bool> = (0..nq).map(|q| self.is_partial(q)).collect();
        let raw: Vec<Option<Mention>> = (0..nq).map(|q| self.attribute(q)).collect();

        // Discourse mentions: quote speakers, subjects of cue verbs outside quotes,
        // and sentence subjects.
        let mut mentions: Vec<(Mention, Option<usize>)> = Vec::new();
        for (q, m) in raw.iter().enumerate() {
            if let Some(m) = m {
                mentions.push((*m, Some(q)));
            }
        }
        for (s, &(sa, sb)) in self.sents.iter().enumerate() {
            if self.headline[s] {
                continue;
            }
            for v in sa..sb {
                if self.outside(v)
                    && self.cue(v) == Some(Cue::Speech)
                    && !lexicon::is_ing(&self.lw(v))
                {
                    let lo = (sa..v)
                        .rev()
                        .find(|&k| !self.outside(k))
                        .map_or(sa, |k| k + 1);
                    if let Some((a, b)) = self.subject_of(v, lo, sb) {
                        mentions.push((
                            Mention {
                                a,
                                b,
                                via: ResolvedBy::Verb,
                            },
                            None,
                        ));
                    }
                }
            }
            if let Some((a, b)) = self.first_np(sa, sb) {
                if matches!(self.classify(a, b), Kind::Person | Kind::Org) {
                    mentions.push((
                        Mention {
                            a,
                            b,
                            via: ResolvedBy::Verb,
                        },
                        None,
                    ));
                }
            }
        }
        mentions.sort_by_key(|(m, q)| (m.a, q.is_none()));
        let mut cands: Vec<Candidate> = Vec::new();
        let mut speakers: Vec<Option<Speaker>> = vec![None; nq];
        // Last speaker of each paragraph, by position.
        let mut para_speakers: Vec<(usize, usize, Speaker)> = Vec::new();
        for (m, q) in &mentions {
            let (name, by, kind) = self.resolve(m, &cands);
            let pos = self.toks[m.a].start;
            if !matches!(kind, Kind::Pronoun(_)) {
                cands.push(Candidate {
                    pos,
                    name: name.clone(),
                    kind: if kind == Kind::DefOrg {
                        Kind::Org
                    } else {
                        kind
                    },
                });
            }
            let sp = Speaker {
                start: pos,
                end: self.toks[m.b - 1].end,
                name,
                resolved_by: by,
            };
            if let Some(q) = q {
                if speakers[*q].is_none() {
                    speakers[*q] = Some(sp.clone());
                }
            }
            // A cue verb's subject (or a quote's speaker) is a speaker of the paragraph.
            if q.is_some() || self.is_speech_subject(m) {
                para_speakers.push((self.place[m.a].para, pos, sp));
            }
        }

        // Quotes with no attribution of their own.
        for q in 0..nq {
            if speakers[q].is_some() {
                continue;
            }
            let rq = &self.quotes[q];
            if partial[q] && !rq.continued {
                // A partial quote of some length with no verb of its own: the speaker
                // of its paragraph so far (`X said … . Doing so “was a mistake.”`).
                if self.word_count(q) > 3 {
                    let prev = para_speakers
                        .iter()
                        .rev()
                        .find(|(p, pos, _)| *p == rq.para && *pos < rq.open)
                        .map(|(_, _, s)| s.clone());
                    if let Some(mut sp) = prev {
                        sp.resolved_by = ResolvedBy::Paragraph;
                        speakers[q] = Some(sp);
                    }
                }
                continue;
            }
            // The quote before it in the paragraph.
            let prev = (0..q)
                .rev()
                .take_while(|&p| self.quotes[p].para == rq.para)
                .find_map(|p| speakers[p].clone());
            if let Some(sp) = prev {
                speakers[q] = Some(sp);
                continue;
            }
            // The next quote, when only quotes stand between.
            let mut next = None;
            let mut k = q + 1;
            while k < nq && self.quotes[k].para == rq.para {
                let gap = &self.text
                    [self.quotes[k - 1].close_end.min(self.quotes[k].open)..self.quotes[k].open];
                if gap.chars().any(char::is_alphanumeric) {
                    break;
                }
                if raw[k].is_some() {
                    next = speakers[k].clone();
                    break;
                }
                k += 1;
            }
            if let Some(sp) = next {
                speakers[q] = Some(sp);
                continue;
            }
            // Speakers earlier in the same paragraph (a cue verb outside quotes).
            let same = para_speakers
                .iter()
                .rev()
                .find(|(p, pos, _)| *p == rq.para && *pos < rq.open);
            if let Some((_, _, sp)) = same {
                speakers[q] = Some(sp.clone());
                continue;
            }
            // Opening its paragraph: the previous paragraph's last speaker.
            let (ps, _) = self.paras[rq.para];
            let opens_para = self.text[ps..rq.open].trim().is_empty();
            if opens_para && rq.para > 0 {
                let from_prev = (0..q)
                    .rev()
                    .filter(|&p| self.quotes[p].para + 1 == rq.para)
                    .find_map(|p| speakers[p].clone().map(|s| (self.quotes[p].open, s)));
                let verb_prev = para_speakers
                    .iter()
                    .rev()
                    .find(|(p, _, _)| *p + 1 == rq.para)
                    .map(|(_, pos, s)| (*pos, s.clone()));
                let best = match (from_prev, verb_prev) {
                    (Some(a), Some(b)) => Some(if b.0 > a.0 { b.1 } else { a.1 }),
                    (Some(a), None) => Some(a.1),
                    (None, Some(b)) => Some(b.1),
                    (None, None) => None,
                };
                if let Some(mut sp) = best {
                    sp.resolved_by = ResolvedBy::Paragraph;
                    speakers[q] = Some(sp);
                }
            }
        }
        // Multi-paragraph quotes: one speaker for the chain.
        for q in (0..nq.saturating_sub(1)).rev() {
            if self.quotes[q].continues && speakers[q].is_none() {
                if let Some(mut sp) = speakers[q + 1].clone() {
                    sp.resolved_by = ResolvedBy::Paragraph;
                    speakers[q] = Some(sp);
                }
            }
        }
        for q in 1..nq {
            if self.quotes[q].continued && speakers[q].is_none() {
                if let Some(mut sp) = speakers[q - 1].clone() {
                    sp.resolved_by = ResolvedBy::Paragraph;
                    speakers[q] = Some(sp);
                }
            }
        }

        self.quotes
            .iter()
            .zip(speakers)
            .zip(partial)
            .map(|((rq, speaker), partial)| Quote {
                start: rq.start,
                end: rq.end,
                text: self.text[rq.start..rq.end].to_string(),
                speaker,
                partial,
            })
            .collect()
    }

    /// Is this mention the subject of a verb of saying outside quotes?
    fn is_speech_subject(&self, m: &Mention) -> bool {
        let v = m.b;
        (v < self.toks.len() && self.cue(v) == Some(Cue::Speech))
            || (v < self.toks.len()
                && lexicon::is_skippable(&self.lw(v))
                && v + 1 < self.toks.len()
                && self.cue(v + 1) == Some(Cue::Speech))
            || (m.a > 0 && self.cue(m.a - 1) == Some(Cue::Speech))
    }
}

#[cfg(test)]
mod tests;
