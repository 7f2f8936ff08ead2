//! Pieces shared by the actor, agent and verb readers: comment stripping,
//! TABARI/PETRARCH dates, display forms of phrases.

use std::fmt;

/// A calendar date (proleptic Gregorian), as written in date restrictions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Four-digit year.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of month, 1 to 31.
    pub day: u8,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    /// The day after.
    pub(crate) fn next_day(self) -> Date {
        if self.day < days_in_month(self.year, self.month) {
            Date {
                day: self.day + 1,
                ..self
            }
        } else if self.month < 12 {
            Date {
                month: self.month + 1,
                day: 1,
                ..self
            }
        } else {
            Date {
                year: self.year + 1,
                month: 1,
                day: 1,
            }
        }
    }

    /// The day before.
    pub(crate) fn prev_day(self) -> Date {
        if self.day > 1 {
            Date {
                day: self.day - 1,
                ..self
            }
        } else if self.month > 1 {
            let month = self.month - 1;
            Date {
                month,
                day: days_in_month(self.year, month),
                ..self
            }
        } else {
            Date {
                year: self.year - 1,
                month: 12,
                day: 31,
            }
        }
    }
}

pub(crate) fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Parses a TABARI/PETRARCH date: `YYMMDD` or `YYYYMMDD`.
///
/// As in PETRARCH (`dstr_to_ordate`, kept for consistency with KEDS and
/// TABARI), two-digit years `00`..=`30` are 20YY and `31`..=`99` are 19YY.
/// The day is checked against the month and year (no 31 September, 29
/// February only in leap years).
pub fn parse_date(s: &str) -> Result<Date, String> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("date '{s}' is not all digits"));
    }
    let (year, rest) = match s.len() {
        6 => {
            let yy: u16 = s[..2].parse().map_err(|_| format!("bad date '{s}'"))?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (
            s[..4].parse().map_err(|_| format!("bad date '{s}'"))?,
            &s[4..],
        ),
        _ => return Err(format!("date '{s}' is neither YYMMDD nor YYYYMMDD")),
    };
    let month: u8 = rest[..2].parse().map_err(|_| format!("bad date '{s}'"))?;
    let day: u8 = rest[2..].parse().map_err(|_| format!("bad date '{s}'"))?;
    if !(1..=12).contains(&month) {
        return Err(format!("date '{s}' has month {month}"));
    }
    if day == 0 || day > days_in_month(year, month) {
        return Err(format!(
            "date '{s}' has day {day} (month {month} of {year})"
        ));
    }
    Ok(Date { year, month, day })
}

/// Splits a line into content and comment. A comment starts at the first `#`
/// or `;` that is not inside `[...]` (so the TABARI discard code `[###]`
/// survives). TABARI dictionaries use `;`, PETRARCH ones `#`; both readers
/// accept both, as PETRARCH itself does for synonym lines.
pub fn split_comment(line: &str) -> (&str, Option<&str>) {
    let mut depth = 0usize;
    for (i, c) in line.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '#' | ';' if depth == 0 => return (&line[..i], Some(line[i + 1..].trim())),
            _ => {}
        }
    }
    (line, None)
}

/// A phrase from a dictionary (`ABU_ALI_MUSTAFA_`, `PRESIDENT HOSNI MURBARAK`)
/// as words: underscores and runs of blanks become single spaces, the
/// trailing `_` (TABARI's "whole word" marker) disappears, and stray double
/// quotes (spreadsheet export residue) are dropped.
pub fn phrase_words(raw: &str) -> Vec<&str> {
    raw.split(|c: char| c == '_' || c.is_whitespace())
        .map(|w| w.trim_matches('"'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Words that stay lower case inside a title-cased name.
const PARTICLES: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "at", "to", "de", "del", "della", "di", "du", "des",
    "la", "le", "van", "von", "der", "den", "al", "el", "bin", "ibn", "y", "da", "dos", "das",
];

fn has_vowel(w: &str) -> bool {
    w.chars()
        .any(|c| matches!(c.to_ascii_uppercase(), 'A' | 'E' | 'I' | 'O' | 'U' | 'Y'))
}

/// Title-cases one word of an upper-case dictionary phrase: `QAEDA` → `Qaeda`,
/// `AL-QAEDA` → `Al-Qaeda`, `W.` → `W.`; a word without vowels (`PKK`, `MSF`)
/// is taken for an acronym and kept upper case.
fn title_word(w: &str, first: bool) -> String {
    let lower = w.to_lowercase();
    if !first && PARTICLES.contains(&lower.as_str()) {
        return lower;
    }
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 2 && !has_vowel(w) && !w.contains('.') {
        return w.to_uppercase();
    }
    let mut out = String::with_capacity(w.len());
    let mut start = true;
    for c in lower.chars() {
        if start && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            start = false;
        } else {
            out.push(c);
        }
        if c == '-' || c == '.' || c == '/' || c == '(' {
            start = true;
        }
    }
    out
}

/// A display form of an upper-case dictionary phrase: words title-cased
/// (particles such as "of", "al" lower case), separated by single spaces.
/// Mixed-case input is kept as it is (someone already chose the casing).
pub fn display_form(raw: &str) -> String {
    let words = phrase_words(raw);
    let mixed = words
        .iter()
        .any(|w| w.chars().any(|c| c.is_lowercase()) && w.chars().any(|c| c.is_uppercase()));
    if mixed {
        return words.join(" ");
    }
    words
        .iter()
        .enumerate()
        .map(|(i, w)| title_word(w, i == 0))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lower-case form of a phrase (agents are common nouns).
pub fn lower_form(raw: &str) -> String {
    phrase_words(raw).join(" ").to_lowercase()
}

/// Expands TABARI alternations in a phrase: `ISRAELI { TANKS | TROOPS }` gives
/// `ISRAELI TANKS` and `ISRAELI TROOPS`. Errors on an unclosed brace.
pub fn expand_alternations(raw: &str) -> Result<Vec<String>, String> {
    let Some(open) = raw.find('{') else {
        return Ok(vec![raw.to_string()]);
    };
    let Some(close_rel) = raw[open..].find('}') else {
        return Err("unclosed '{' in phrase".to_string());
    };
    let close = open + close_rel;
    let head = &raw[..open];
    let tail = expand_alternations(&raw[close + 1..])?;
    let mut out = Vec::new();
    for alt in raw[open + 1..close].split('|') {
        for t in &tail {
            out.push(format!("{head} {} {t}", alt.trim()));
        }
    }
    Ok(out)
}

/// Characters that would break an aras dictionary line: its separators, and control
/// characters, which aras's dictionary reader refuses in a form (issue 16, found by
/// fuzzing: an escape byte in a synonym made the converted file unloadable).
pub fn has_reserved(s: &str) -> bool {
    s.contains(['\t', '|', '@']) || s.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = |s| parse_date(s).map(|d| d.to_string());
        assert_eq!(d("050803").unwrap(), "2005-08-03");
        assert_eq!(d("300101").unwrap(), "2030-01-01");
        assert_eq!(d("310101").unwrap(), "1931-01-01");
        assert_eq!(d("991223").unwrap(), "1999-12-23");
        assert_eq!(d("20080120").unwrap(), "2008-01-20");
        assert!(d("20100931").is_err());
        assert!(d("20100229").is_err());
        assert!(d("20120229").is_ok());
        assert!(d("0513").is_err());
        assert!(d("05x803").is_err());
        let day = |s| parse_date(s).unwrap();
        assert_eq!(day("20081231").next_day(), day("20090101"));
        assert_eq!(day("20090101").prev_day(), day("20081231"));
        assert_eq!(day("20120301").prev_day(), day("20120229"));
        assert_eq!(day("20120415").next_day(), day("20120416"));
    }

    #[test]
    fn comments() {
        assert_eq!(split_comment("A [B] ;x").0, "A [B] ");
        assert_eq!(split_comment("A [###] # c").0, "A [###] ");
        assert_eq!(split_comment("A [B]# c").1, Some("c"));
    }

    #[test]
    fn forms() {
        assert_eq!(display_form("ABU_ALI_MUSTAFA_"), "Abu Ali Mustafa");
        assert_eq!(display_form("AL-QAEDA"), "Al-Qaeda");
        assert_eq!(display_form("BANK_OF_ENGLAND"), "Bank of England");
        assert_eq!(display_form("PKK"), "PKK");
        assert_eq!(display_form("GEORGE_W._BUSH"), "George W. Bush");
        assert_eq!(lower_form("FOREIGN_MINISTER_"), "foreign minister");
        assert_eq!(
            expand_alternations("ISRAELI { TANKS | TROOPS }").unwrap(),
            vec!["ISRAELI  TANKS ", "ISRAELI  TROOPS "]
        );
    }
}
