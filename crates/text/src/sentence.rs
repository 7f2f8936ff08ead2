//! Sentence splitting over the token stream, in one linear pass.
//!
//! Two kinds of evidence end a sentence: terminal punctuation (with the quotes and
//! brackets that close over it) followed by something that can start a sentence, and
//! line breaks. News bodies usually put one paragraph or headline per line, so a line
//! break ends a sentence unless the line visibly continues; documents that are
//! hard-wrapped (many lines continue in lowercase) are detected first and their single
//! line breaks are treated as spaces.

use crate::abbrev::{self, AbbrevKind};
use crate::chars::{is_closer, is_opener};
use crate::{tokenize, Sentence, Token};

/// The most tokens a sentence may have. Longer runs (a 20 MB line without punctuation, a
/// table flattened into one "sentence") are cut into pieces of this many tokens: no news
/// sentence comes near it, and every later stage may then spend time on a sentence that
/// grows with its length without growing with the document's (issue 16).
pub const MAX_SENTENCE_TOKENS: usize = 300;

/// Splits a document body into sentences of tokens.
pub fn segment(text: &str) -> Vec<Sentence> {
    segment_counted(text).0
}

/// [`segment`], with the number of cuts made at [`MAX_SENTENCE_TOKENS`] (for a warning).
pub fn segment_counted(text: &str) -> (Vec<Sentence>, usize) {
    let tokens = tokenize(text);
    split_tokens_counted(text, &tokens)
}

/// Groups already computed tokens of `text` into sentences.
///
/// Every token lands in exactly one sentence, in order.
pub fn split_tokens(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    split_tokens_counted(text, tokens).0
}

/// [`split_tokens`], with the number of cuts made at [`MAX_SENTENCE_TOKENS`].
pub fn split_tokens_counted(text: &str, tokens: &[Token]) -> (Vec<Sentence>, usize) {
    let mut cuts = 0;
    let wrapped = is_hard_wrapped(text, tokens);
    let mut sentences = Vec::with_capacity(tokens.len() / 20 + 1);
    let n = tokens.len();
    let mut first = 0;
    let mut i = 0;
    while i < n {
        let mut k = i;
        let mut boundary = false;
        let term = terminal(tokens[i].text(text));
        if let Some(term) = term {
            // Closing quotes and brackets stay with the sentence they close.
            while k + 1 < n && closes(text, tokens[k], tokens[k + 1]) {
                k += 1;
            }
            boundary = ends_before(term, text, tokens[k], tokens.get(k + 1).copied())
                && !(k > i && is_attribution(text, &tokens[k + 1..]));
        }
        match tokens.get(k + 1) {
            None => boundary = true,
            Some(&next) => match line_breaks(&text[tokens[k].end..next.start]) {
                0 => {}
                1 if wrapped => {}
                1 => boundary = boundary || !continues(text, tokens[k], next),
                _ => boundary = true,
            },
        }
        if !boundary && k + 1 - first >= MAX_SENTENCE_TOKENS {
            boundary = true;
            cuts += 1;
        }
        if boundary {
            let toks = &tokens[first..=k];
            let mut sentence = Sentence {
                start: toks[0].start,
                end: toks[toks.len() - 1].end,
                tokens: toks.to_vec(),
            };
            if let Some(Terminal::Abbrev(_)) = term {
                split_final_period(&mut sentence, i - first);
            }
            sentences.push(sentence);
            first = k + 1;
        }
        i = k + 1;
    }
    (sentences, cuts)
}

/// A sentence that ends with an abbreviation gets its period as a token of its own, as
/// EWT writes it (`... in the U.S.` → `U.S` `.`): the parser expects final punctuation.
fn split_final_period(sentence: &mut Sentence, at: usize) {
    let t = sentence.tokens[at];
    if t.end - t.start >= 2 {
        sentence.tokens[at].end = t.end - 1;
        sentence.tokens.insert(
            at + 1,
            Token {
                start: t.end - 1,
                end: t.end,
            },
        );
    }
}

/// What kind of sentence-final candidate a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Terminal {
    /// `.`, `?`, `!`, `?!`, `!!!`.
    Stop,
    /// `...`, `…`: ends a sentence only before a capital.
    Ellipsis,
    /// A word that kept its period (`U.S.`, `Gen.`, `W.`).
    Abbrev(AbbrevKind),
}

fn terminal(form: &str) -> Option<Terminal> {
    let last = form.chars().next_back()?;
    let first = form.chars().next()?;
    if matches!(first, '.' | '?' | '!' | '…') {
        if !form.chars().all(|c| matches!(c, '.' | '?' | '!' | '…')) {
            return None;
        }
        let ellipsis = !form.contains(['?', '!']) && (form.len() > 1 || first == '…');
        return Some(if ellipsis {
            Terminal::Ellipsis
        } else {
            Terminal::Stop
        });
    }
    if last == '.' && first.is_alphanumeric() {
        let word = &form[..form.len() - 1];
        return Some(Terminal::Abbrev(
            abbrev::abbrev_kind(word).unwrap_or(AbbrevKind::General),
        ));
    }
    None
}

/// Does `next` close a quotation or bracket over `prev`?
fn closes(text: &str, prev: Token, next: Token) -> bool {
    let form = next.text(text);
    let mut chars = form.chars();
    let Some(c) = chars.next() else { return false };
    let gap = &text[prev.end..next.start];
    if matches!(c, '“' | '‘') && form.len() == c.len_utf8() {
        // A wrong-way curly quote glued to the period and followed by a space closes.
        let after = text[next.end..].chars().next();
        return gap.is_empty() && after.is_none_or(char::is_whitespace);
    }
    if !is_closer(c) || !chars.all(|d| d == c) {
        return false;
    }
    match c {
        // Straight quotes are ambiguous: only one touching the period closes.
        '"' | '\'' => gap.is_empty(),
        _ => line_breaks(gap) == 0,
    }
}

/// Does the candidate `last` (ending a `term`) end its sentence, given the next token?
fn ends_before(term: Terminal, text: &str, last: Token, next: Option<Token>) -> bool {
    let Some(next) = next else { return true };
    let form = next.text(text);
    let Some(c) = form.chars().next() else {
        return true;
    };
    let opener = is_opener(c) && !text[last.end..next.start].is_empty();
    match term {
        Terminal::Stop => can_start_sentence(c) || opener,
        Terminal::Ellipsis => c.is_uppercase() || opener,
        Terminal::Abbrev(AbbrevKind::Title) => false,
        Terminal::Abbrev(_) => abbrev::is_sentence_starter(form) || (opener && c != '('),
    }
}

/// After a closed quotation, `Shiriyev said.` or `Foreign Minister Bayramov added,`
/// belongs to the quote: up to three capitalised words, then a speech verb that ends
/// the clause.
fn is_attribution(text: &str, rest: &[Token]) -> bool {
    for (n, t) in rest.iter().take(4).enumerate() {
        let form = t.text(text);
        if n > 0 && abbrev::is_speech_verb(form) {
            let after = rest.get(n + 1).map(|t| t.text(text));
            return matches!(after, None | Some("." | "," | ";"));
        }
        if !form.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
    }
    false
}

/// Can a sentence begin with this character? Not with lowercase, nor with punctuation
/// that continues a clause (`,` `;` `:` `)` `%`).
fn can_start_sentence(c: char) -> bool {
    if c.is_alphabetic() {
        return !c.is_lowercase();
    }
    if c.is_numeric() || is_opener(c) {
        return true;
    }
    // Not dashes: after a quote they introduce its attribution (`..." - Matthew Ingram`).
    matches!(c, '•' | '*' | '#' | '@' | '$' | '£' | '€' | '¿' | '¡' | '<')
        || (!c.is_ascii() && !matches!(c, '”' | '’' | '»' | '…' | '%' | '—' | '–'))
}

/// Number of line breaks in a whitespace gap, counting a paragraph separator as two.
fn line_breaks(gap: &str) -> usize {
    let b = gap.as_bytes();
    let mut n = 0;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'\n' => n += 1,
            b'\r' if b.get(i + 1) != Some(&b'\n') => n += 1,
            b'\x0b' | b'\x0c' => n += 1,
            _ => {}
        }
    }
    if !gap.is_ascii() {
        for c in gap.chars() {
            match c {
                '\u{85}' | '\u{2028}' => n += 1,
                '\u{2029}' => n += 2,
                _ => {}
            }
        }
    }
    n
}

/// Does the line ending with `last` visibly continue on the line starting with `next`?
fn continues(text: &str, last: Token, next: Token) -> bool {
    let next_form = next.text(text);
    if next_form.chars().next().is_some_and(char::is_lowercase) {
        return true;
    }
    let form = last.text(text);
    if matches!(
        form,
        "," | "(" | "[" | "{" | "“" | "‘" | "&" | "/" | "-" | "--" | "—" | "–"
    ) || form.ends_with('-')
    {
        return true;
    }
    if let Some(Terminal::Abbrev(AbbrevKind::Title)) = terminal(form) {
        return true;
    }
    abbrev::is_continuation_word(form)
}

/// Is the text hard-wrapped (lines broken mid-sentence), rather than one paragraph
/// or headline per line? Judged by how many single line breaks obviously continue.
fn is_hard_wrapped(text: &str, tokens: &[Token]) -> bool {
    let mut singles = 0usize;
    let mut continuing = 0usize;
    for pair in tokens.windows(2) {
        let gap = &text[pair[0].end..pair[1].start];
        if gap.len() == 1 && gap.as_bytes()[0] == b' ' {
            continue;
        }
        if line_breaks(gap) == 1 {
            singles += 1;
            if continues(text, pair[0], pair[1]) {
                continuing += 1;
            }
        }
    }
    continuing >= 3 && continuing * 4 >= singles
}
