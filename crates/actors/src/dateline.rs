//! Wire datelines: "KHARTOUM, Nov. 8 (Xinhua) --", "TAIPEI, April 2 (AFP) -",
//! "WASHINGTON (AP) --" at the start of a paragraph. The place is where the story is
//! told from, not an actor: its mention is dropped, and its country is the context
//! country of the paragraphs it heads (a "Foreign Minister" in a story from Taipei is
//! Taiwan's) until the next dateline (wire digests chain several stories).

use aras_lex::Doc;
use aras_schema::Span;

const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// An all-capitals place word of a dateline ("KHARTOUM", "NEW", "ST.", "AL-ARISH").
fn caps_word(t: &str) -> bool {
    t.chars().any(char::is_alphabetic)
        && t.chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
}

/// The token range of the dateline that opens the sentence starting at token `s0`
/// (`s1` its end), if it has one: capital place words, optionally a comma and a
/// region, an optional date, the agency in brackets, and a dash.
pub(crate) fn at(doc: &Doc, s0: usize, s1: usize) -> Option<(usize, usize)> {
    let t = |i: usize| doc.toks.get(i).filter(|_| i < s1).map(|x| x.text);
    let mut i = s0;
    while t(i).is_some_and(caps_word) && i - s0 < 5 {
        i += 1;
    }
    if i == s0 {
        return None;
    }
    let place_end = i;
    // ", Region" or ", STATE"
    if t(i) == Some(",")
        && t(i + 1).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !MONTHS.contains(&t(i + 1)?.trim_end_matches('.').to_lowercase().as_str())
        && t(i + 2) == Some(",")
    {
        i += 2;
    }
    // ", Nov. 8" / ", April 2 , 1997"
    if t(i) == Some(",") {
        let month = t(i + 1)?.trim_end_matches('.').to_lowercase();
        if !MONTHS.contains(&month.as_str()) {
            return None;
        }
        i += 2;
        if t(i) == Some(".") {
            i += 1;
        }
        if !t(i)?.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        i += 1;
        if t(i) == Some(",")
            && t(i + 1).is_some_and(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()))
        {
            i += 2;
        }
    }
    // "(Xinhua)"
    if t(i) != Some("(") {
        return None;
    }
    let close = (i + 1..(i + 5).min(s1)).find(|&j| t(j) == Some(")"))?;
    i = close + 1;
    if !t(i).is_some_and(|d| matches!(d, "-" | "--" | "—" | "–")) {
        return None;
    }
    Some((s0, place_end.max(i + 1).min(s1)))
}

/// The place words of every wire dateline that opens a paragraph: the index of the
/// sentence it opens and the byte span of the place ("KABUL" in "KABUL, March 3 (AFP) -").
/// What the dateline heads runs until the next one, as for the context country.
pub fn dateline_places(text: &str, sentences: &[aras_text::Sentence]) -> Vec<(usize, Span)> {
    let doc = Doc::new(text, sentences, None);
    let mut out = Vec::new();
    let mut prev_end = 0;
    for (s, &(s0, s1)) in doc.sents.iter().enumerate() {
        let starts_paragraph = s == 0
            || doc
                .toks
                .get(s0)
                .and_then(|t| text.get(prev_end..t.start))
                .is_some_and(|gap| gap.contains('\n'));
        if s1 > s0 {
            prev_end = doc.toks[s1 - 1].end;
        }
        if starts_paragraph && at(&doc, s0, s1).is_some() {
            // The same place words `at` read: capitals, at most five.
            let mut e = s0;
            while e < s1 && e - s0 < 5 && caps_word(doc.toks[e].text) {
                e += 1;
            }
            out.push((s, Span::new(doc.toks[s0].start, doc.toks[e - 1].end)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Option<String> {
        let sentences = aras_text::segment(text);
        let doc = Doc::new(text, &sentences, None);
        let (s0, s1) = doc.sents[0];
        at(&doc, s0, s1).map(|(a, b)| doc.span_text(a, b).to_string())
    }

    #[test]
    fn wire_datelines_are_found_and_nothing_else() {
        let cases = [
            (
                "KHARTOUM, Nov. 8 (Xinhua) -- A British aid worker was shot.",
                Some("KHARTOUM, Nov. 8 (Xinhua) --"),
            ),
            (
                "TAIPEI, April 2 (AFP) - Gingrich met Lee.",
                Some("TAIPEI, April 2 (AFP) -"),
            ),
            (
                "WASHINGTON (AP) -- The Senate voted.",
                Some("WASHINGTON (AP) --"),
            ),
            (
                "NEW YORK, Dec. 5 (Xinhua) -- Talks began.",
                Some("NEW YORK, Dec. 5 (Xinhua) --"),
            ),
            ("NATO and the EU met in Brussels.", None),
            ("US forces (AFP) struck.", None),
            ("BAGHDAD - Gunmen attacked a convoy.", None),
        ];
        for (text, want) in cases {
            assert_eq!(find(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn dateline_places_are_the_capital_words_of_paragraph_openers() {
        let text = "NEW YORK, Dec. 5 (Xinhua) -- Talks began.\nKABUL, March 3 (AFP) - A bomb \
                    exploded. BEIJING (AP) -- mid-paragraph is no dateline.";
        let sentences = aras_text::segment(text);
        let found: Vec<(usize, &str)> = dateline_places(text, &sentences)
            .into_iter()
            .map(|(s, sp)| (s, sp.text(text)))
            .collect();
        assert_eq!(found, [(0, "NEW YORK"), (1, "KABUL")]);
    }
}
