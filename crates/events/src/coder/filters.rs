//! Filters: sentences of sports reports (no events: "beat Uruguay 1-0"), force verbs used
//! as idioms ("struck a chord"), and the same event told twice in a row merged into one.

use super::arguments::objects;
use super::sentence::Sent;
use crate::{CameoCode, DateSource, Event, EventInput};
use aras_lex::words;

/// The same event told twice in a row (a lead and its elaboration: same source, target,
/// code and factuality in the same or the next sentence) is one event; the telling with
/// the higher confidence, else the one dated by the text, else the first, is kept.
pub(super) fn merge_duplicates(events: Vec<Event>, sent: &[usize]) -> Vec<Event> {
    let key = |e: &Event| {
        (
            e.source.as_ref().map(|r| r.code.clone()),
            e.target.as_ref().map(|r| r.code.clone()),
            e.cameo,
            e.negated,
            e.modality,
        )
    };
    let better = |a: &Event, b: &Event| {
        b.confidence > a.confidence
            || (b.confidence == a.confidence
                && b.date_source == DateSource::Text
                && a.date_source != DateSource::Text)
    };
    let mut kept: Vec<(Event, usize)> = Vec::new();
    for (e, &si) in events.into_iter().zip(sent) {
        let twin = kept
            .iter()
            .rposition(|(k, ks)| si <= ks + 1 && key(k) == key(&e));
        match twin {
            Some(i) => {
                if better(&kept[i].0, &e) {
                    kept[i] = (e, si);
                } else {
                    kept[i].1 = si;
                }
            }
            None => kept.push((e, si)),
        }
    }
    kept.into_iter().map(|(e, _)| e).collect()
}

/// Which sentences are sports reporting: a score ("1-0", "15-2") or two words only sports
/// use; in a document with two such sentences, also any sentence with a sports word.
pub(super) fn sports_sentences(input: &EventInput) -> Vec<bool> {
    let cues = |sentence: &aras_text::Sentence| -> (bool, usize, usize) {
        let words: Vec<String> = sentence
            .tokens
            .iter()
            .map(|t| input.text.get(t.start..t.end).unwrap_or("").to_lowercase())
            .collect();
        let score = words.iter().any(|w| is_score(w));
        // Two-word cues ("world cup") compared in place, without joining every pair.
        let pairs = words
            .windows(2)
            .filter(|p| {
                aras_lex::words().sports_strong().iter().any(|cue| {
                    cue.split_once('-')
                        .is_some_and(|(a, b)| a == p[0] && b == p[1])
                })
            })
            .count();
        let strong = pairs
            + words
                .iter()
                .filter(|w| aras_lex::words().sports_strong().contains(w.as_str()))
                .count();
        let weak = words
            .iter()
            .filter(|w| aras_lex::words().sports_weak().contains(w.as_str()))
            .count();
        (score, strong, weak)
    };
    let found: Vec<(bool, usize, usize)> = input.sentences.iter().map(cues).collect();
    // A score alone is no game: "the Security Council voted 15-0". It needs a sports word
    // beside it.
    let sure = |&(score, strong, weak): &(bool, usize, usize)| {
        (score && strong + weak >= 1) || strong >= 2
    };
    let sports_doc = found.iter().filter(|c| sure(c) || c.1 >= 1).count() >= 2;
    found
        .iter()
        .map(|c| sure(c) || (sports_doc && (c.1 + c.2) >= 1))
        .collect()
}

/// A game score: "1-0", "15-2", "3-1" (not a year range, not a ratio in a vote).
pub(super) fn is_score(w: &str) -> bool {
    let Some((a, b)) = w.split_once('-') else {
        return false;
    };
    let small = |x: &str| !x.is_empty() && x.len() <= 2 && x.bytes().all(|c| c.is_ascii_digit());
    small(a) && small(b) && a.parse::<u32>().is_ok_and(|x| x <= 30)
}

/// "struck a chord", "hit the winner", "beat the deadline": a verb of force (roots 17-20)
/// with one of these objects uses no force.
pub(super) fn idiom(s: &Sent, v: usize, code: Option<CameoCode>) -> bool {
    code.is_some_and(|c| c.root().number() >= 17)
        && objects(s, v)
            .iter()
            .any(|&o| words().idiom_objects().contains(s.lemma(o)))
}
