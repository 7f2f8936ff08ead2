//! Dates: the time expression attached to the trigger or a word governing it, else "the
//! day" right after a date, else one inside the trigger's phrase, else a sentence-initial
//! one, else the last dated expression earlier in the paragraph (not a span's boundary:
//! "until 2024").

use super::sentence::Sent;
use crate::{DateSource, EventInput};
use aras_lex::words;

/// Word index a time expression attaches to, for each dated expression in the sentence.
pub(super) fn attached_times(input: &EventInput, s: &Sent) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (ti, t) in input.times.iter().enumerate() {
        if !is_dated(&t.value) {
            continue;
        }
        let inside: Vec<usize> = (0..s.len())
            .filter(|&i| s.tokens[i].start >= t.start && s.tokens[i].end <= t.end)
            .collect();
        if inside.is_empty() {
            continue;
        }
        let head = inside
            .iter()
            .copied()
            .find(|&i| s.head(i).is_none_or(|h| !inside.contains(&h)));
        if let Some(h) = head {
            if let Some(gov) = s.head(h) {
                out.push((gov, ti));
            }
        }
    }
    out
}

pub(super) fn is_dated(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() >= 4
        && b[..3].iter().all(u8::is_ascii_digit)
        && (b[3].is_ascii_digit() || b[3] == b'X')
        && !v.contains('/')
}

/// Whether the time expression starting at `start` is the boundary of a span ("until
/// 2024", "since 1995", "by 2030") rather than the time the narrative stands at: such a
/// boundary dates its own clause but does not carry over to the next sentence's events.
pub(super) fn bounds_a_span(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        word.as_str(),
        "until" | "till" | "since" | "by" | "before" | "after" | "through" | "throughout"
    )
}

/// The event's date: the time expression governing the trigger (or inside its clause),
/// else the last dated expression earlier in the paragraph.
pub(super) fn date_of(
    input: &EventInput,
    s: &Sent,
    sentence: &aras_text::Sentence,
    trigger: usize,
    times: &[(usize, usize)],
    para_start: usize,
) -> (Option<String>, DateSource) {
    let mut x = trigger;
    for _ in 0..s.len() {
        if let Some(&(_, ti)) = times.iter().find(|(g, _)| *g == x) {
            return (Some(input.times[ti].value.clone()), DateSource::Text);
        }
        if s.rel(x) == "acl:relcl" {
            break;
        }
        match s.head(x) {
            Some(h) => x = h,
            None => break,
        }
    }
    // "on June 13 -- the day Israel started its campaign": a clause with "the day" as its
    // time adjunct, right after a date, happened on that date.
    let mut x = trigger;
    // The trigger's clause and the one governing it.
    for _ in 0..2 {
        for &k in s.kids(x) {
            let the = s
                .kids(k)
                .iter()
                .copied()
                .find(|&d| s.base_rel(d) == "det" && s.lemma(d) == "the");
            // "the day" as the clause's own time adjunct, not a day described by a clause
            // of its own ("January 1, the day Bulgaria joins").
            // ... and the clause starts with it: "the day Israel started".
            let adjunct = s.base_rel(k) == "obl"
                && s.kids(x)
                    .iter()
                    .any(|&d| s.base_rel(d) == "nsubj" && d == k + 1)
                && !s
                    .kids(k)
                    .iter()
                    .any(|&d| s.base_rel(d) == "acl" || s.upos(d) == "VERB");
            let (Some(the), true) = (the, adjunct && words().day_words().contains(s.lemma(k)))
            else {
                continue;
            };
            let mut j = the.min(k);
            while j > 0 && s.upos(j - 1) == "PUNCT" {
                j -= 1;
            }
            if j == 0 || j == the.min(k) {
                continue;
            }
            let end = s.tokens[j - 1].end;
            if let Some(t) = input
                .times
                .iter()
                .find(|t| t.end == end && is_dated(&t.value))
            {
                return (Some(t.value.clone()), DateSource::Text);
            }
        }
        if s.rel(x) == "acl:relcl" {
            break;
        }
        match s.head(x) {
            Some(h) => x = h,
            None => break,
        }
    }
    // A time expression inside the trigger's own phrase or clause.
    if let Some(&(_, ti)) = times.iter().find(|(g, _)| s.dominates(trigger, *g)) {
        return (Some(input.times[ti].value.clone()), DateSource::Text);
    }
    // A sentence-initial time adjunct ("In 2012, police announced that they had arrested
    // ...") scopes over the whole sentence, however the parse attached it.
    let initial = input.times.iter().find(|t| {
        is_dated(&t.value)
            && t.start >= sentence.start
            && t.end <= sentence.end
            && s.tokens.iter().take(3).any(|k| k.start == t.start)
    });
    if let Some(t) = initial {
        return (Some(t.value.clone()), DateSource::Text);
    }
    let prior = input
        .times
        .iter()
        .filter(|t| t.start >= para_start && t.end <= sentence.start && is_dated(&t.value))
        .filter(|t| !bounds_a_span(input.text, t.start))
        .max_by_key(|t| t.start);
    match prior {
        Some(t) => (Some(t.value.clone()), DateSource::Discourse),
        None => (None, DateSource::Document),
    }
}

#[cfg(test)]
mod bound_tests {
    use super::bounds_a_span;

    #[test]
    fn span_boundaries_do_not_anchor_the_discourse() {
        let t = "kept troops there until 2024. In 2012 it began.";
        assert!(bounds_a_span(t, t.find("2024").unwrap()));
        assert!(!bounds_a_span(t, t.find("2012").unwrap()));
        assert!(bounds_a_span("Since 1995", 6));
        assert!(!bounds_a_span("2023", 0));
    }
}
