//! Links between what the stages found separately: a quote's speaker or a claim's subject
//! and source to the actor mention that codes it, a claim to the period its sentence
//! names. Spans are the common currency: everything points into the same body.

use aras_actors::Mention;
use aras_quotes::Quote;
use aras_text::Sentence;
use aras_time::{TimeExpr, TimeKind};

/// The mention that best covers `[start, end)`: the one with the largest overlap,
/// preferring coded mentions; `None` where nothing overlaps.
pub fn mention_at(mentions: &[Mention], start: usize, end: usize) -> Option<usize> {
    mentions
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let overlap = end.min(m.end).saturating_sub(start.max(m.start));
            (overlap > 0 || (m.start == start && m.end == end)).then_some((
                i,
                overlap,
                !m.code.is_empty(),
            ))
        })
        .max_by_key(|&(i, overlap, coded)| (coded, overlap, std::cmp::Reverse(i)))
        .map(|(i, _, _)| i)
}

/// The mention that codes a speaker: the mention at the speaker's span, else the latest
/// earlier mention whose name or text is the speaker's resolved name (a pronoun's or a
/// surname's antecedent).
pub fn speaker_mention(
    mentions: &[Mention],
    start: usize,
    end: usize,
    name: &str,
) -> Option<usize> {
    if let Some(i) = mention_at(mentions, start, end) {
        if !mentions[i].code.is_empty() || mentions[i].name.as_deref() == Some(name) {
            return Some(i);
        }
    }
    mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.start <= start)
        .rev()
        .find(|(_, m)| m.name.as_deref() == Some(name) || m.text == name)
        .map(|(i, _)| i)
        .or_else(|| mention_at(mentions, start, end))
}

/// The quote whose content contains `offset`.
pub fn quote_at(quotes: &[Quote], offset: usize) -> Option<&Quote> {
    quotes.iter().find(|q| q.start <= offset && offset < q.end)
}

/// The period a claim's sentence names: a range first, then the most precise date,
/// nearest the claim.
pub fn period_for(sentences: &[Sentence], times: &[TimeExpr], start: usize) -> Option<usize> {
    let s = sentences
        .iter()
        .find(|s| s.start <= start && start < s.end.max(s.start + 1))?;
    times
        .iter()
        .enumerate()
        .filter(|(_, t)| t.start >= s.start && t.end <= s.end)
        .filter(|(_, t)| matches!(t.kind, TimeKind::Range | TimeKind::Date))
        .min_by_key(|(_, t)| (t.kind != TimeKind::Range, t.start.abs_diff(start)))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aras_actors::{Kind, ResolvedBy};

    fn m(start: usize, end: usize, code: &str, name: &str) -> Mention {
        Mention {
            start,
            end,
            text: name.to_string(),
            code: code.to_string(),
            country: None,
            sector: None,
            kind: Kind::Person,
            name: Some(name.to_string()),
            role: None,
            resolved_by: ResolvedBy::Dictionary,
            antecedent: None,
        }
    }

    #[test]
    fn spans_link_to_the_best_overlapping_mention() {
        let ms = [
            m(0, 10, "", "A"),
            m(5, 20, "USA", "B"),
            m(30, 35, "IRN", "C"),
        ];
        assert_eq!(mention_at(&ms, 6, 9), Some(1), "coded beats uncoded");
        assert_eq!(mention_at(&ms, 30, 31), Some(2));
        assert_eq!(mention_at(&ms, 21, 29), None);
    }

    #[test]
    fn a_pronoun_speaker_finds_its_named_antecedent() {
        let ms = [m(0, 8, "ISR", "Efraim Halevy"), m(50, 52, "", "he")];
        assert_eq!(speaker_mention(&ms, 50, 52, "Efraim Halevy"), Some(0));
    }
}
