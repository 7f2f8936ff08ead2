//! Number atoms: "2,500", "1.5 billion", "twenty-five", "$5m" (the "5m" part), with their value.

use regex::Regex;
use std::sync::LazyLock;

/// A number as written: byte span relative to the sentence text, its value (scale applied).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Atom {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// Written in words ("two", "twenty-five"), not digits.
    pub word: bool,
    /// Carries a scale word ("million", "bn").
    pub scaled: bool,
    /// Four digits between 1500 and 2100, no separator, no scale: probably a year.
    pub yearlike: bool,
}

const UNITS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("dozen", 12.0),
    ("hundred", 100.0),
    ("thousand", 1000.0),
];

static ATOM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?:
            (?P<d>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
          | \b(?P<w>
                (?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\x20](?:one|two|three|four|five|six|seven|eight|nine)\b)?
              | (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen
                  |fifteen|sixteen|seventeen|eighteen|nineteen|a\s+dozen|a\s+hundred|a\s+thousand)\b
            )
        )
        (?P<sc>
            \s+(?:hundred\s+)?(?:thousand|million|billion|trillion|mln|bln|bn|tn)\b
          | (?:bn|tn|mn|mln|bln|m|k)\b
        )?",
    )
    .expect("atom regex")
});

/// Dates, times and phone numbers: their digits are never quantities.
static MASK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        \d{4}-\d{1,2}-\d{1,2}
      | \d{1,2}/\d{1,2}/\d{2,4}
      | \b\d{1,2}[:.]\d{2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|hrs\b|h\b)
      | \b\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)
      | \b\d{1,2}:\d{2}(?::\d{2})?
      | (?:\+\d{1,3}[\x20.-]?)?\(?\d{2,4}\)?[\x20.-]\d{3,4}[\x20.-]\d{3,4}\b",
    )
    .expect("mask regex")
});

fn word_value(w: &str) -> Option<f64> {
    let w = w.to_ascii_lowercase();
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(rest) = w.strip_prefix("a ") {
        return UNITS.iter().find(|(k, _)| *k == rest).map(|(_, v)| *v);
    }
    let mut total = 0.0;
    for part in w.split(['-', ' ']) {
        total += UNITS.iter().find(|(k, _)| *k == part).map(|(_, v)| *v)?;
    }
    Some(total)
}

fn scale_value(sc: &str) -> f64 {
    let s = sc.trim().to_ascii_lowercase();
    let mut v = 1.0;
    for part in s.split_whitespace() {
        v *= match part {
            "hundred" => 100.0,
            "thousand" | "k" => 1e3,
            "million" | "mln" | "mn" | "m" => 1e6,
            "billion" | "bln" | "bn" => 1e9,
            "trillion" | "tn" => 1e12,
            _ => 1.0,
        };
    }
    v
}

/// The number atoms of `s`, in order, boundaries checked (no ordinals, no parts of
/// identifiers, dates, times or phone numbers, no compound modifiers like "2,000-year-old").
pub(crate) fn atoms(s: &str) -> Vec<Atom> {
    let masked: Vec<(usize, usize)> = MASK.find_iter(s).map(|m| (m.start(), m.end())).collect();
    let mut out = Vec::new();
    for c in ATOM.captures_iter(s) {
        let m = c.get(0).expect("match");
        let (start, end) = (m.start(), m.end());
        if masked.iter().any(|&(a, b)| start < b && a < end) {
            continue;
        }
        let before = s[..start].chars().next_back();
        let after = s[end..].chars().next();
        let after2 = s[end..].chars().nth(1);
        let digits = c.name("d").is_some();
        // "half a dozen": not twelve
        if !digits && s[..start].to_ascii_lowercase().trim_end().ends_with("half") {
            continue;
        }
        if digits {
            match before {
                Some(ch)
                    if ch.is_alphanumeric()
                        || matches!(ch, '_' | '/' | ':' | '#' | '.' | ',' | '+') =>
                {
                    continue
                }
                // "FA-18", "MiG-29", "Su-30": a model name
                Some('-')
                    if s[..start]
                        .chars()
                        .rev()
                        .nth(1)
                        .is_some_and(|c| c.is_alphabetic()) =>
                {
                    continue
                }
                _ => {}
            }
        }
        match after {
            Some(ch) if ch.is_alphanumeric() || ch == '_' => continue,
            // compound modifiers: "2,000-year-old", "100-share index", "a 10-point lead"
            Some('-') | Some('‑') if after2.is_some_and(|c| c.is_alphabetic()) => continue,
            Some('/') | Some(':') if after2.is_some_and(|c| c.is_ascii_digit()) => continue,
            _ => {}
        }
        let base = if let Some(d) = c.name("d") {
            match d.as_str().replace(',', "").parse::<f64>() {
                Ok(v) => v,
                Err(_) => continue,
            }
        } else {
            match c.name("w").and_then(|w| word_value(w.as_str())) {
                Some(v) => v,
                None => continue,
            }
        };
        let sc = c.name("sc");
        let value = base * sc.map_or(1.0, |x| scale_value(x.as_str()));
        if !value.is_finite() {
            continue;
        }
        let dtext = c.name("d").map(|d| d.as_str()).unwrap_or("");
        let yearlike = sc.is_none()
            && dtext.len() == 4
            && dtext.bytes().all(|b| b.is_ascii_digit())
            && (1500.0..=2100.0).contains(&base);
        out.push(Atom {
            start,
            end,
            value,
            word: !digits,
            scaled: sc.is_some(),
            yearlike,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(s: &str) -> Vec<(String, f64)> {
        atoms(s)
            .into_iter()
            .map(|a| (s[a.start..a.end].to_string(), a.value))
            .collect()
    }

    #[test]
    fn atoms_table() {
        let cases: &[(&str, &[(&str, f64)])] = &[
            ("some 2,500 men", &[("2,500", 2500.0)]),
            (
                "1.5 billion and 3bn",
                &[("1.5 billion", 1.5e9), ("3bn", 3e9)],
            ),
            ("twenty-five boats", &[("twenty-five", 25.0)]),
            ("Two years", &[("Two", 2.0)]),
            ("the 3rd and 10th", &[]),
            ("a 2,000-year-old vase", &[]),
            ("call +1 202 555 0188 now", &[]),
            ("at 10:30 or 9 a.m.", &[]),
            ("on 2025-06-18", &[]),
            ("a dozen", &[("a dozen", 12.0)]),
            ("162.178 million", &[("162.178 million", 162_178_000.0)]),
        ];
        for (s, want) in cases {
            let got = vals(s);
            let want: Vec<(String, f64)> = want.iter().map(|(a, b)| (a.to_string(), *b)).collect();
            assert_eq!(got, want, "{s}");
        }
    }
}
