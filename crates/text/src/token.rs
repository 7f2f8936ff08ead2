//! UD English (EWT) style tokenisation by a hand-written scanner.
//!
//! The text is cut into whitespace-free chunks; URLs and e-mail addresses inside a chunk
//! are protected, and the rest is scanned left to right into words and punctuation.
//! A word absorbs a separator (`.` `,` `:` `-` `/` `&` `_` `'`) only where EWT keeps it
//! inside a token (decimals, dates, `U.S.`, `pre-war`, `AT&T`, `O'Neill`); clitics
//! (`n't`, `'s`, `'re`, ...) are cut off as the syntactic words EWT has. Every decision
//! looks at a bounded neighbourhood, so the whole pass is linear in the input.

use crate::abbrev;
use crate::chars::{char_at, char_before, class, is_ascii_space, is_closer, Class, ZWJ};
use crate::Token;

/// Tokenises `text` into tokens that cover every non-whitespace byte, in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut out);
    out
}

/// Like [`tokenize`], appending to a caller-owned buffer (to reuse its allocation).
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    let mut scanner = Scanner {
        text,
        out,
        no_domain_before: 0,
        no_chain_before: 0,
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip whitespace.
        let (c, w) = char_at(text, i);
        if is_ascii_space(bytes[i]) || (c as u32 >= 0x80 && c.is_whitespace()) {
            i += w;
            continue;
        }
        // Find the end of the chunk.
        let start = i;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if is_ascii_space(b) {
                    break;
                }
                i += 1;
            } else {
                let (c, w) = char_at(text, i);
                if c.is_whitespace() {
                    break;
                }
                i += w;
            }
        }
        scanner.chunk(start, i);
    }
}

struct Scanner<'t, 'o> {
    text: &'t str,
    out: &'o mut Vec<Token>,
    /// Domain look-ahead already failed for every start before this offset (keeps
    /// repeated look-aheads over one long dotted run linear).
    no_domain_before: usize,
    /// Same for the hyphenated digit-chain look-ahead.
    no_chain_before: usize,
}

/// Emoticons that EWT keeps as one token when they stand alone.
const EMOTICONS: &[&str] = &[
    ":)", ":(", ":-)", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":p", "(:", "=)", "<3", ":'(",
    ":/",
];

/// Word-like pieces after an apostrophe that are separate syntactic words in EWT.
fn is_clitic(s: &str) -> bool {
    matches!(
        s,
        "s" | "S" | "re" | "RE" | "Re" | "ve" | "VE" | "ll" | "LL" | "d" | "D" | "m" | "M"
    )
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

impl Scanner<'_, '_> {
    #[inline]
    fn push(&mut self, start: usize, end: usize) {
        debug_assert!(start < end);
        self.out.push(Token { start, end });
    }

    /// A whitespace-free chunk: protect URLs and e-mail addresses, scan the rest.
    fn chunk(&mut self, mut lo: usize, hi: usize) {
        if EMOTICONS.contains(&&self.text[lo..hi]) {
            self.push(lo, hi);
            return;
        }
        while let Some((a, z)) = self.protected_span(lo, hi) {
            self.scan(lo, a);
            self.push(a, z);
            lo = z;
        }
        self.scan(lo, hi);
    }

    /// The first URL or e-mail address in `[lo, hi)`, if any.
    fn protected_span(&self, lo: usize, hi: usize) -> Option<(usize, usize)> {
        let b = self.text.as_bytes();
        let mut i = lo;
        while i < hi {
            match b[i] {
                b':' if b[i..hi].starts_with(b"://") => {
                    let mut a = i;
                    while a > lo && b[a - 1].is_ascii_alphabetic() {
                        a -= 1;
                    }
                    if i - a >= 2 && i + 3 < hi {
                        return Some((a, self.trim_url(a, hi)));
                    }
                }
                b'w' | b'W'
                    if (i == lo || !b[i - 1].is_ascii_alphanumeric())
                        && hi - i > 4
                        && b[i..i + 4].eq_ignore_ascii_case(b"www.")
                        && b[i + 4].is_ascii_alphanumeric() =>
                {
                    return Some((i, self.trim_url(i, hi)));
                }
                b'@' => {
                    if let Some(span) = self.email_at(lo, i, hi) {
                        return Some(span);
                    }
                }
                _ => {}
            }
            i += 1;
        }
        None
    }

    /// Drops trailing punctuation that belongs to the sentence, not the URL.
    /// A closing bracket is dropped only when the URL has no opening one to match it.
    fn trim_url(&self, start: usize, mut end: usize) -> usize {
        let s = self.text;
        let url = &s.as_bytes()[start..end];
        let count = |c: u8| url.iter().filter(|&&b| b == c).count();
        let (mut parens, mut brackets) = (
            count(b')') as isize - count(b'(') as isize,
            count(b']') as isize - count(b'[') as isize,
        );
        while end > start + 1 {
            let Some(c) = char_before(s, end) else { break };
            let strip = match c {
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '”' | '’' | '»' | '>' | '*' => {
                    true
                }
                ')' if parens > 0 => {
                    parens -= 1;
                    true
                }
                ']' if brackets > 0 => {
                    brackets -= 1;
                    true
                }
                _ => false,
            };
            if !strip {
                break;
            }
            end -= c.len_utf8();
        }
        end
    }

    /// An e-mail address around the `@` at `at`: `local@domain.tld`.
    fn email_at(&self, lo: usize, at: usize, hi: usize) -> Option<(usize, usize)> {
        let b = self.text.as_bytes();
        let local =
            |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
        let mut a = at;
        while a > lo && local(b[a - 1]) {
            a -= 1;
        }
        while a < at && !b[a].is_ascii_alphanumeric() {
            a += 1;
        }
        let mut z = at + 1;
        while z < hi && (b[z].is_ascii_alphanumeric() || matches!(b[z], b'.' | b'-')) {
            z += 1;
        }
        while z > at + 1 && matches!(b[z - 1], b'.' | b'-') {
            z -= 1;
        }
        let domain = &self.text[at + 1..z];
        // `name@host.tld`, or an intranet `Name@HOST` (EWT's Enron mail has many).
        let ok = match domain.rfind('.') {
            Some(dot) => {
                let tld = &domain[dot + 1..];
                dot > 0 && tld.len() >= 2 && tld.bytes().all(|c| c.is_ascii_alphabetic())
            }
            None => domain.len() >= 2 && domain.bytes().all(|c| c.is_ascii_alphabetic()),
        };
        (a < at && ok).then_some((a, z))
    }

    /// Scans `[lo, hi)` (no whitespace, no protected spans) into tokens.
    fn scan(&mut self, lo: usize, hi: usize) {
        let mut i = lo;
        while i < hi {
            let (c, _) = char_at(self.text, i);
            i = match class(c) {
                Class::Alpha | Class::Digit => self.word(i, hi),
                _ => self.punct(i, lo, hi),
            };
        }
    }

    /// End of the run of characters of class `kind` (plus extenders) starting at `i`.
    fn run_end(&self, mut i: usize, hi: usize, kind: Class) -> usize {
        while i < hi {
            let (c, w) = char_at(self.text, i);
            let k = class(c);
            if k != kind && k != Class::Extend {
                break;
            }
            i += w;
        }
        i
    }

    /// Class of the character at `i`, or `Space` at the end of the range.
    #[inline]
    fn class_at(&self, i: usize, hi: usize) -> Class {
        if i >= hi {
            Class::Space
        } else {
            class(char_at(self.text, i).0)
        }
    }

    /// Scans one word (starting at an alphanumeric character) and emits its tokens.
    /// Returns the offset after the last byte consumed.
    fn word(&mut self, s: usize, hi: usize) -> usize {
        let text = self.text;
        let b = text.as_bytes();
        // Does the token so far contain a number with an internal separator (3.5, 7:30)?
        let mut formatted = false;
        let mut run_start = s;
        let mut kind = self.class_at(s, hi);
        let mut i = self.run_end(s, hi, kind);
        loop {
            let next = self.class_at(i, hi);
            match next {
                Class::Alpha if kind == Class::Digit => {
                    // `1990s` and `21st` stay whole; `5pm` and `3.5bn` are cut.
                    let r = self.run_end(i, hi, Class::Alpha);
                    let suffix = &text[i..r];
                    let cut = if abbrev::is_number_suffix(suffix) {
                        formatted
                    } else {
                        formatted || abbrev::is_unit(suffix)
                    };
                    if cut {
                        self.emit_word(s, i);
                        return i;
                    }
                    (run_start, kind, i) = (i, Class::Alpha, r);
                }
                Class::Digit if kind == Class::Alpha => {
                    let r = self.run_end(i, hi, Class::Digit);
                    (run_start, kind, i) = (i, Class::Digit, r);
                }
                Class::Punct => {
                    let (p, pw) = char_at(text, i);
                    let after = i + pw;
                    let next_kind = self.class_at(after, hi);
                    let join = match p {
                        '.' => {
                            if kind == Class::Digit && next_kind == Class::Digit {
                                formatted = true;
                                true
                            } else if kind == Class::Alpha && next_kind == Class::Alpha {
                                if let Some(z) = self.domain_end(s, hi) {
                                    self.push(s, z);
                                    return z;
                                }
                                // `U.S`, `e.g`, `Ph.D`: short letter runs around a dot.
                                let r = self.run_end(after, hi, Class::Alpha);
                                char_len(&text[run_start..i]) + char_len(&text[after..r]) <= 3
                            } else if next_kind == Class::Alpha || next_kind == Class::Digit {
                                if let Some(z) = self.domain_end(s, hi) {
                                    self.push(s, z);
                                    return z;
                                }
                                false
                            } else {
                                false
                            }
                        }
                        // `1,189.42`, and European `3,40`; `7:30`.
                        ',' | ':' => {
                            formatted = kind == Class::Digit && next_kind == Class::Digit;
                            formatted
                        }
                        '/' => {
                            if kind == Class::Digit && next_kind == Class::Digit {
                                // Dates and ratios: `6/18/2025`, `9/11`.
                                formatted = true;
                                true
                            } else if kind == Class::Alpha && i - run_start == 1 {
                                // `b/c`, `w/o` stay whole; `w/` (with) keeps its slash.
                                let r = self.run_end(after, hi, Class::Alpha);
                                let single = next_kind == Class::Alpha
                                    && r - after == 1
                                    && !matches!(self.class_at(r, hi), Class::Alpha | Class::Digit);
                                if !single && run_start == s && matches!(b[s], b'w' | b'W') {
                                    self.push(s, after);
                                    return after;
                                }
                                single
                            } else {
                                false
                            }
                        }
                        '-' | '‐' => {
                            if kind == Class::Digit && next_kind == Class::Digit {
                                if let Some(z) = self.digit_chain(run_start, hi).filter(|&z| z > i)
                                {
                                    formatted = true;
                                    i = z;
                                    kind = Class::Digit;
                                    run_start = z;
                                    continue;
                                }
                                false
                            } else {
                                kind == Class::Alpha
                                    && matches!(next_kind, Class::Alpha | Class::Digit)
                                    && abbrev::is_hyphen_prefix(&text[s..i])
                            }
                        }
                        '&' => {
                            kind == Class::Alpha
                                && next_kind == Class::Alpha
                                && i - run_start <= 3
                                && self.run_end(after, hi, Class::Alpha) - after <= 3
                        }
                        '_' => matches!(next_kind, Class::Alpha | Class::Digit),
                        '\'' | '’' if next_kind == Class::Alpha => {
                            let r = self.run_end(after, hi, Class::Alpha);
                            let ends_word =
                                !matches!(self.class_at(r, hi), Class::Alpha | Class::Digit);
                            let piece = &text[after..r];
                            if kind == Class::Digit && piece == "s" {
                                // Decades: `70's` is one word in EWT.
                                self.push(s, r);
                                return r;
                            }
                            if ends_word && is_clitic(piece) {
                                if i > s {
                                    self.emit_word(s, i);
                                }
                                self.push(i, r);
                                return r;
                            }
                            if ends_word
                                && matches!(piece, "t" | "T")
                                && i >= s + 2
                                && matches!(b[i - 1], b'n' | b'N')
                            {
                                self.push(s, i - 1);
                                self.push(i - 1, r);
                                return r;
                            }
                            kind == Class::Alpha
                        }
                        _ => false,
                    };
                    if !join {
                        return self.finish_word(s, i, p);
                    }
                    let r = self.run_end(after, hi, next_kind);
                    (run_start, kind, i) = (after, next_kind, r);
                }
                _ => {
                    self.emit_word(s, i);
                    return i;
                }
            }
        }
    }

    /// Ends a word at the separator `p` (at `i`): an abbreviation takes its period,
    /// unless the period starts an ellipsis (`U.S...`; but `Inc..` is `Inc.` `.`) or
    /// ends the text (EWT writes a sentence-final `etc.` as `etc` `.`).
    fn finish_word(&mut self, s: usize, i: usize, p: char) -> usize {
        if p == '.' && abbrev::abbrev_kind(&self.text[s..i]).is_some() {
            let mut rest = self.text[i + 1..].chars();
            let ellipsis = match rest.next() {
                Some('.') => matches!(rest.next(), Some('.' | '…')),
                Some('…') => true,
                _ => false,
            };
            if !ellipsis && !self.only_closers_after(i + 1) {
                self.push(s, i + 1);
                return i + 1;
            }
        }
        self.emit_word(s, i);
        i
    }

    /// Is the text from `j` on only closing quotes, brackets and whitespace?
    fn only_closers_after(&self, j: usize) -> bool {
        self.text[j..]
            .chars()
            .all(|c| c.is_whitespace() || is_closer(c))
    }

    /// Emits a finished word, splitting fused contractions (`cannot` → `can` `not`).
    fn emit_word(&mut self, s: usize, e: usize) {
        match abbrev::fused_split(&self.text[s..e]) {
            Some(k) => {
                self.push(s, s + k);
                self.push(s + k, e);
            }
            None => self.push(s, e),
        }
    }

    /// `2025-06-18`, `1-800-991-9019`, `853-3989`: digit groups joined by hyphens that
    /// EWT keeps as one token. Ranges (`3-4`, `1990-1995`) are not.
    fn digit_chain(&mut self, s: usize, hi: usize) -> Option<usize> {
        let b = self.text.as_bytes();
        if s < self.no_chain_before || !b[s..].first().is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let mut groups = [0usize; 2];
        let mut n = 0;
        let mut i = s;
        loop {
            let g = i;
            while i < hi && b[i].is_ascii_digit() {
                i += 1;
            }
            if i == g {
                return None;
            }
            if n < 2 {
                groups[n] = i - g;
            }
            n += 1;
            if i + 1 < hi && b[i] == b'-' && b[i + 1].is_ascii_digit() {
                i += 1;
            } else {
                break;
            }
        }
        // `853-3989`, and extensions `3-5213`; not ranges like `1990-1995`.
        let phone = n == 2 && groups[0] <= 3 && groups[1] == 4;
        let glued = i < hi && (b[i].is_ascii_alphabetic() || b[i] == b'-');
        if glued || !(n >= 3 || phone) {
            // Any later start inside this chain fails the same way.
            self.no_chain_before = i;
            return None;
        }
        Some(i)
    }

    /// `bbc.co.uk`, `Amazon.com`, `report.pdf`: a dotted name ending in a known domain
    /// or extension, starting at `s`. Returns its end.
    fn domain_end(&mut self, s: usize, hi: usize) -> Option<usize> {
        if s < self.no_domain_before {
            return None;
        }
        let b = self.text.as_bytes();
        let mut z = s;
        let mut last_dot = None;
        let (mut dots, mut upper) = (0, false);
        while z < hi {
            let c = b[z];
            if c == b'.' {
                if z + 1 >= hi || !b[z + 1].is_ascii_alphanumeric() {
                    break;
                }
                last_dot = Some(z);
                dots += 1;
            } else if !(c.is_ascii_alphanumeric() || c == b'-' || c == b'_') {
                break;
            }
            upper |= c.is_ascii_uppercase();
            z += 1;
        }
        let known_ending = last_dot.is_some_and(|d| {
            let tld = &self.text[d + 1..z];
            let t = tld.as_bytes();
            let lower = t.iter().all(u8::is_ascii_lowercase);
            let caps = t.len() >= 3
                && t[1..]
                    .iter()
                    .all(|c| c.is_ascii_uppercase() == t[1].is_ascii_uppercase());
            // Two-letter endings only after a real label: `U.S` and `in.It` are not domains.
            let long_enough = tld.len() >= 3 || d - s >= 2 && lower;
            (lower || caps) && long_enough && abbrev::is_domain_ending(tld)
        });
        // Newsgroup-like names: `alt.animals.cat`.
        let dotted_lowercase = dots >= 2 && !upper;
        let ok = (known_ending || dotted_lowercase)
            && !(z < hi && b[z] >= 0x80 && class(char_at(self.text, z).0) == Class::Alpha);
        if !ok {
            self.no_domain_before = z;
            return None;
        }
        Some(z)
    }

    /// Punctuation or symbols starting at `i` (chunk range `[lo, hi)`): one token.
    fn punct(&mut self, i: usize, lo: usize, hi: usize) -> usize {
        let text = self.text;
        let b = text.as_bytes();
        let (c, w) = char_at(text, i);
        let after = i + w;
        if is_apostrophe(c) && after < hi {
            // A clitic written apart (`Azerbaijan 's`) or an elided year (`'90s`).
            let kind = self.class_at(after, hi);
            let r = self.run_end(after, hi, kind);
            let ends = !matches!(self.class_at(r, hi), Class::Alpha | Class::Digit);
            if kind == Class::Alpha && ends && is_clitic(&text[after..r]) {
                self.push(i, r);
                return r;
            }
            if kind == Class::Digit && r - after == 2 {
                let r2 = if r < hi && b[r] == b's' { r + 1 } else { r };
                if !matches!(self.class_at(r2, hi), Class::Alpha | Class::Digit) {
                    self.push(i, r2);
                    return r2;
                }
            }
        }
        if (c == '@' || c == '#')
            && after < hi
            && (b[after].is_ascii_alphabetic() || c == '@' && b[after].is_ascii_digit())
            && (i == lo || !b[i - 1].is_ascii_alphanumeric())
        {
            // `@handle`, `@domain.com`, `#hashtag`.
            let mut z = after;
            while z < hi
                && (b[z].is_ascii_alphanumeric()
                    || b[z] == b'_'
                    || c == '@'
                        && b[z] == b'.'
                        && b.get(z + 1).is_some_and(u8::is_ascii_alphanumeric))
            {
                z += 1;
            }
            self.push(i, z);
            return z;
        }
        if matches!(c, ':' | ';' | '=') {
            if let Some(z) = self.emoticon_end(i, hi) {
                self.push(i, z);
                return z;
            }
        }
        if c == '+' && self.class_at(after, hi) == Class::Digit && (i == lo || b[i - 1] != b'+') {
            // Phone prefixes: `+44`.
            let r = self.run_end(after, hi, Class::Digit);
            self.push(i, r);
            return r;
        }
        let mut end = after;
        match c {
            // Brackets and straight double quotes stand alone.
            '(' | ')' | '[' | ']' | '{' | '}' | '"' => {}
            // Terminal punctuation groups as one token: `...`, `?!`, `!!!`, `…`.
            // An ellipsis stays apart from a following `?` (`...` `?`).
            '.' | '?' | '!' | '…' => {
                let dots = c == '…' || text[after..hi].starts_with('.');
                while let Some(e) = text[end..hi].chars().next() {
                    let same = if dots {
                        matches!(e, '.' | '…')
                    } else {
                        matches!(e, '.' | '?' | '!' | '…')
                    };
                    if !same {
                        break;
                    }
                    end += e.len_utf8();
                }
            }
            // A run of one repeated mark is one token: `--`, `***`, `''`, `>>`.
            _ => {
                while end < hi && text[end..hi].starts_with(c) {
                    end += w;
                }
            }
        }
        // Keep combining marks, variation selectors and ZWJ sequences on their base.
        while end < hi {
            let (e, ew) = char_at(text, end);
            if class(e) != Class::Extend {
                break;
            }
            end += ew;
            if e == ZWJ && end < hi {
                let (n, nw) = char_at(text, end);
                if class(n) == Class::Punct {
                    end += nw;
                }
            }
        }
        self.push(i, end);
        end
    }
}

impl Scanner<'_, '_> {
    /// `:)`, `;-)`, `=(`, `:D` starting at `i`, not followed by a letter or digit.
    fn emoticon_end(&self, i: usize, hi: usize) -> Option<usize> {
        let b = &self.text.as_bytes()[i..hi];
        let nose = usize::from(matches!(b.get(1), Some(b'-' | b'\'')));
        let mouth = b.get(1 + nose)?;
        if !matches!(mouth, b')' | b'(' | b'D' | b'P' | b'p' | b'/') {
            return None;
        }
        let z = i + 2 + nose;
        (!matches!(self.class_at(z, hi), Class::Alpha | Class::Digit)).then_some(z)
    }
}

fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}
