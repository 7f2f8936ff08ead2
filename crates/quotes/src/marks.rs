//! Paragraphs and quotation marks: which marks open and close a quote, and where.
//!
//! Double marks (`“ ” „ « » "`) are one class: writers mix curly and straight marks in
//! one quote (`“Yes, but that is not simple."`), so a mark opens or closes by the state
//! of the paragraph and by what stands on either side of it. Single marks (`‘ ’ '`) are
//! mostly apostrophes (`Iran's`, `don’t`, `states’`, `’90s`); a single-mark pair counts
//! only when an opener (after a space, before a letter) finds a closer (after a letter,
//! before a space or punctuation) in the same paragraph, outside any double quote.

/// A quote as found by its marks, before anyone is made to say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawQuote {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just after the closing mark (the content end when unclosed).
    pub close_end: usize,
    /// Content span, without marks and surrounding white space.
    pub start: usize,
    pub end: usize,
    /// Paragraph index.
    pub para: usize,
    /// Closed by a mark in the same paragraph.
    pub closed: bool,
    /// Unclosed, and the next paragraph opens with a mark: a multi-paragraph quote.
    pub continues: bool,
    /// Opens a paragraph that continues the previous paragraph's unclosed quote.
    pub continued: bool,
}

/// Paragraph byte ranges. Blank lines separate paragraphs when the text has any;
/// otherwise every non-empty line is a paragraph (one paragraph per line is how most
/// news bodies arrive).
pub(crate) fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        lines.push((pos, pos + body.len(), body.trim().is_empty()));
        pos += line.len();
    }
    let first = lines.iter().position(|l| !l.2);
    let last = lines.iter().rposition(|l| !l.2);
    let blank_inside = match (first, last) {
        (Some(f), Some(l)) => lines[f..=l].iter().any(|l| l.2),
        _ => false,
    };
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    for &(s, e, blank) in &lines {
        if blank {
            if let Some(c) = cur.take() {
                out.push(c);
            }
            continue;
        }
        if blank_inside {
            cur = Some(match cur {
                Some((cs, _)) => (cs, e),
                None => (s, e),
            });
        } else {
            out.push((s, e));
        }
    }
    if let Some(c) = cur {
        out.push(c);
    }
    out
}

fn is_double(c: char) -> bool {
    matches!(c, '“' | '”' | '„' | '«' | '»' | '"' | '‟')
}

fn is_double_opener(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '"' | '‟')
}

/// Characters after which a mark is at the left edge of a word.
fn left_edge(prev: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/'))
}

fn right_edge(next: Option<char>) -> bool {
    next.is_none_or(|n| {
        n.is_whitespace()
            || matches!(
                n,
                ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…'
            )
            || is_double(n)
    })
}

/// Elisions that start with an apostrophe (`'em`, `’til`), not a quote.
fn leading_elision(rest: &str) -> bool {
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    matches!(
        word.as_str(),
        "em" | "til"
            | "tis"
            | "twas"
            | "n"
            | "cause"
            | "bout"
            | "round"
            | "s"
            | "t"
            | "d"
            | "ll"
            | "re"
            | "ve"
            | "m"
    )
}

/// Finds every quote in `text`, in order.
pub(crate) fn find(text: &str, paras: &[(usize, usize)]) -> Vec<RawQuote> {
    let mut out = Vec::new();
    for (pi, &(ps, pe)) in paras.iter().enumerate() {
        let chars: Vec<(usize, char)> = text[ps..pe]
            .char_indices()
            .map(|(i, c)| (ps + i, c))
            .collect();
        // (open byte, content end, closed, close end)
        let mut regions: Vec<(usize, usize, bool, usize)> = Vec::new();
        let mut open: Option<usize> = None;
        for k in 0..chars.len() {
            let (b, c) = chars[k];
            if !is_double(c) {
                continue;
            }
            let prev = k.checked_sub(1).map(|j| chars[j].1);
            let next = chars.get(k + 1).map(|x| x.1);
            let at_left = left_edge(prev);
            let at_right = next.is_none_or(char::is_whitespace);
            match open {
                Some(o) => {
                    let closer_like = !at_left || at_right || matches!(c, '”' | '»');
                    if closer_like {
                        regions.push((o, b, true, b + c.len_utf8()));
                        open = None;
                    } else {
                        // An opener while open: the previous quote was never closed.
                        regions.push((o, b, false, b));
                        open = Some(b);
                    }
                }
                None => {
                    if c == '"' && prev.is_some_and(|p| p.is_ascii_digit()) {
                        continue; // 12" (inches)
                    }
                    if next.is_none() || (at_right && !at_left) {
                        continue;
                    }
                    if matches!(c, '”' | '»') && !at_left {
                        continue; // a stray closer
                    }
                    open = Some(b);
                }
            }
        }
        if let Some(o) = open {
            regions.push((o, pe, false, pe));
        }
        // Single marks, outside double regions.
        let inside_double = |b: usize| regions.iter().any(|r| b >= r.0 && b < r.3.max(r.1));
        let mut openers = Vec::new();
        let mut closers = Vec::new(); // (byte, strong)
        for k in 0..chars.len() {
            let (b, c) = chars[k];
            if !matches!(c, '‘' | '’' | '\'' | '‚') || inside_double(b) {
                continue;
            }
            let prev = k.checked_sub(1).map(|j| chars[j].1);
            let next = chars.get(k + 1).map(|x| x.1);
            let rest = &text[b + c.len_utf8()..pe];
            if left_edge(prev) || prev.is_some_and(is_double) {
                let ok_next = match next {
                    Some(n) if n.is_alphabetic() => c != '’' || n.is_uppercase(),
                    Some(n) => !n.is_whitespace() && !n.is_ascii_digit() && c != '’',
                    None => false,
                };
                if ok_next && !leading_elision(rest) {
                    openers.push(b);
                }
            } else if matches!(c, '’' | '\'') && right_edge(next) {
                // `states’ rights`: a plural possessive, weakly a closer.
                let weak = prev == Some('s')
                    && next.is_some_and(char::is_whitespace)
                    && rest.chars().nth(1).is_some_and(|n| n.is_lowercase());
                closers.push((b, !weak));
            }
        }
        for (i, &o) in openers.iter().enumerate() {
            let limit = openers.get(i + 1).copied().unwrap_or(pe);
            let cands: Vec<(usize, bool)> = closers
                .iter()
                .copied()
                .filter(|&(b, _)| b > o && b < limit)
                .collect();
            let pick = cands.iter().find(|c| c.1).or(cands.first()).map(|c| c.0);
            if let Some(cb) = pick {
                if cb - o <= 600 {
                    let cl = text[cb..].chars().next().map_or(1, char::len_utf8);
                    regions.push((o, cb, true, cb + cl));
                }
            }
        }
        regions.sort_by_key(|r| r.0);
        for (o, cend, closed, close_end) in regions {
            let ml = text[o..].chars().next().map_or(1, char::len_utf8);
            let inner = &text[o + ml..cend];
            let lead = inner.len() - inner.trim_start().len();
            let start = o + ml + lead;
            let end = o + ml + inner.trim_end().len();
            if end <= start {
                continue;
            }
            out.push(RawQuote {
                open: o,
                close_end: if closed { close_end } else { end },
                start,
                end,
                para: pi,
                closed,
                continues: false,
                continued: false,
            });
        }
    }
    // Multi-paragraph quotes: an unclosed quote whose next paragraph opens with a mark.
    for i in 0..out.len() {
        if out[i].closed {
            continue;
        }
        let p = out[i].para;
        if p + 1 >= paras.len() {
            continue;
        }
        let (ns, ne) = paras[p + 1];
        let first = text[ns..ne].trim_start();
        let first_at = ne - first.len();
        if !first.chars().next().is_some_and(is_double_opener) {
            continue;
        }
        if let Some(j) = out.iter().position(|q| q.open == first_at) {
            out[i].continues = true;
            out[j].continued = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        find(text, &paragraphs(text))
            .iter()
            .map(|q| &text[q.start..q.end])
            .collect()
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(
            spans("Iran's ability and Baku’s ties don’t matter; the states’ rights.").is_empty()
        );
        assert!(spans("In the ’90s and '80s they rock 'n' roll.").is_empty());
    }

    #[test]
    fn single_pairs_count_when_balanced() {
        assert_eq!(spans("He called it ‘a farce’ on Monday."), vec!["a farce"]);
        assert_eq!(spans("'We will win,' she said."), vec!["We will win,"]);
        assert!(spans("a lone ‘ mark and Iran's").is_empty());
    }

    #[test]
    fn mixed_double_marks() {
        assert_eq!(
            spans("“Yes, but not simple.\" Then \"more,” he said."),
            vec!["Yes, but not simple.", "more,"]
        );
    }

    #[test]
    fn paragraphs_by_blank_lines_or_lines() {
        assert_eq!(paragraphs("a\nb\n").len(), 2);
        assert_eq!(paragraphs("a\nb\n\nc").len(), 2);
    }

    #[test]
    fn multi_paragraph() {
        let t = "“First part.\n“Second part.”\n";
        let q = find(t, &paragraphs(t));
        assert_eq!(q.len(), 2);
        assert!(q[0].continues && q[1].continued);
    }
}
