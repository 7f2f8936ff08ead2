//! Publication dates as ISO 8601 (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` where only that much
//! is given), read with jiff.
//!
//! Front matter, JSON Lines, web pages and feeds carry RFC 3339 / ISO 8601
//! (`2025-06-17T09:30:00+02:00`), RFC 2822 (`Tue, 17 Jun 2025 09:30:00 +0200`) or written-out
//! (`17 June 2025`, `June 17, 2025`) dates, while aras dates documents by day. The day is the
//! one written in the timestamp's own offset (no conversion to UTC): that is the publisher's
//! calendar day, which is what a dateline means.
//!
//! A date that is not a date (`2025-02-31`, `not a date`) is rejected: the document is
//! still read, without a date, and the reader reports a warning naming the file and line
//! (issue 16: such dates were once stored as written, and an RFC 2822 date left as written
//! meant relative expressions such as "yesterday" could not be resolved).

use jiff::civil::Date;
use jiff::fmt::{rfc2822, strtime};

use crate::document::Document;
use crate::error::{ErrorKind, IngestError};

/// Written-out dates, tried in order on the whole string (`%b` is an abbreviated month
/// name, `%B` a full one).
const WRITTEN: [&str; 12] = [
    "%d %b %Y",
    "%d %B %Y",
    "%a, %d %b %Y",
    "%a, %d %B %Y",
    "%a %d %b %Y",
    "%A, %d %B %Y",
    "%b %d, %Y",
    "%B %d, %Y",
    "%b %d %Y",
    "%B %d %Y",
    "%A, %B %d, %Y",
    "%a, %b %d, %Y",
];

/// The ISO 8601 form of a publication date: `Ok(None)` for an empty string, `Err` with the
/// reason for anything that is not a date (including impossible ones such as `2025-02-31`).
pub(crate) fn normalize(raw: &str) -> Result<Option<String>, String> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if let Some(partial) = partial(s)? {
        return Ok(Some(partial));
    }
    // RFC 3339 / ISO 8601 (extended or basic: `2025-06-17`, `20250617T0930Z`): the civil
    // date as written, whatever offset or zone annotation follows.
    let iso_shaped = s.len() >= 8 && s.as_bytes()[..4].iter().all(u8::is_ascii_digit);
    if iso_shaped {
        let iso = slashes_to_dashes(s);
        return match iso.parse::<Date>() {
            Ok(date) => Ok(Some(date.to_string())),
            // jiff reads a UTC (`Z`) timestamp only as an instant: its day is the UTC day.
            Err(e) => match iso.parse::<jiff::Timestamp>() {
                Ok(t) => Ok(Some(t.to_zoned(jiff::tz::TimeZone::UTC).date().to_string())),
                Err(_) => Err(reason(&e)),
            },
        };
    }
    if let Ok(zoned) = rfc2822::DateTimeParser::new().parse_zoned(s) {
        return Ok(Some(zoned.date().to_string()));
    }
    // RFC 2822 without a time, or a written-out date: the part before any time of day.
    let mut last_error = None;
    for cut in date_prefixes(s) {
        for format in WRITTEN {
            match strtime::parse(format, cut).and_then(|tm| tm.to_date()) {
                Ok(date) => return Ok(Some(date.to_string())),
                Err(e) => last_error = Some(e),
            }
        }
    }
    // An error about the day or month of a date that otherwise reads (`31 Feb 2025`) says
    // more than "not a date".
    match last_error {
        Some(e) if e.to_string().contains("not in the required range") => Err(reason(&e)),
        _ => Err("not a date (want ISO 8601, RFC 3339 or RFC 2822)".to_string()),
    }
}

/// `YYYY` and `YYYY-MM` are dates of that precision: kept, once checked.
fn partial(s: &str) -> Result<Option<String>, String> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let (year, month) = match b.len() {
        4 if digits(0..4) => (&s[..4], None),
        7 if digits(0..4) && (b[4] == b'-' || b[4] == b'/') && digits(5..7) => {
            (&s[..4], Some(&s[5..7]))
        }
        _ => return Ok(None),
    };
    let y: i16 = year.parse().map_err(|_| "not a year".to_string())?;
    let m: i8 = month
        .map_or(Ok(1), str::parse)
        .map_err(|_| "not a month".to_string())?;
    Date::new(y, m, 1).map_err(|e| reason(&e))?;
    Ok(Some(match month {
        Some(month) => format!("{year}-{month}"),
        None => year.to_string(),
    }))
}

/// `2025/06/17...` read as `2025-06-17...`.
fn slashes_to_dashes(s: &str) -> std::borrow::Cow<'_, str> {
    let b = s.as_bytes();
    if b.len() >= 10 && b[4] == b'/' && b[7] == b'/' {
        std::borrow::Cow::Owned(format!("{}-{}-{}", &s[..4], &s[5..7], &s[8..]))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// The whole string, then the string cut before its first time of day (`09:30`), so that
/// `17 June 2025 09:30 CET` reads as a date.
fn date_prefixes(s: &str) -> Vec<&str> {
    let mut cuts = vec![s];
    let words: Vec<(usize, &str)> = s
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
        .collect();
    if let Some(&(at, _)) = words
        .iter()
        .find(|(_, w)| w.contains(':') && w.starts_with(|c: char| c.is_ascii_digit()))
    {
        cuts.push(s[..at].trim_end());
    }
    cuts
}

/// jiff's message, which names what is wrong (`day=31 is not in the required range ...`).
fn reason(e: &jiff::Error) -> String {
    let msg = e.to_string();
    // The innermost cause is the useful part: `failed to parse ...: parsed day is invalid`.
    msg.rsplit(": ").next().unwrap_or(&msg).to_string()
}

/// Normalises a document's date in place; a date that is not one is dropped and returned
/// as a warning naming the document's file and `line` (when there is one).
pub(crate) fn check(doc: &mut Document, line: Option<usize>) -> Option<IngestError> {
    let raw = doc.date.take()?;
    match normalize(&raw) {
        Ok(date) => {
            doc.date = date;
            None
        }
        Err(reason) => {
            let kind = ErrorKind::InvalidDate { value: raw, reason };
            Some(match line {
                Some(line) => IngestError::at_line(&doc.origin.path, line, kind),
                None => IngestError::new(&doc.origin.path, kind),
            })
        }
    }
}

/// [`check`] for a reader's item: the warning (if any) comes first, then the document.
pub(crate) fn checked(
    item: Result<Document, IngestError>,
    line: Option<usize>,
) -> Vec<Result<Document, IngestError>> {
    match item {
        Ok(mut doc) => {
            let line = line.or(doc.origin.line);
            let warning = check(&mut doc, line);
            warning.map(Err).into_iter().chain([Ok(doc)]).collect()
        }
        Err(e) => vec![Err(e)],
    }
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn issue16_dates_are_read_by_jiff() {
        let cases = [
            ("2025-06-17T09:30:00+02:00", "2025-06-17"),
            ("2025-06-17T23:30:00-05:00", "2025-06-17"),
            ("2025-06-17T23:30:00Z", "2025-06-17"),
            ("2025-06-17", "2025-06-17"),
            ("2025/06/17 10:00", "2025-06-17"),
            ("20250617", "2025-06-17"),
            ("2025-06", "2025-06"),
            ("2025", "2025"),
            ("Tue, 17 Jun 2025 09:30:00 +0200", "2025-06-17"),
            ("17 Jun 2025 09:30:00 GMT", "2025-06-17"),
            ("17 June 2025", "2025-06-17"),
            ("Tue, 17 Jun 2025", "2025-06-17"),
            ("June 17, 2025", "2025-06-17"),
            ("17 June 2025 09:30 CET", "2025-06-17"),
            ("Wed, 02 Oct 2002 08:00:00 EST", "2002-10-02"),
            ("  2025-06-17  ", "2025-06-17"),
        ];
        for (raw, want) in cases {
            assert_eq!(normalize(raw), Ok(Some(want.to_string())), "{raw}");
        }
        assert_eq!(normalize(" "), Ok(None));
    }

    #[test]
    fn issue16_impossible_dates_are_rejected() {
        for raw in [
            "2025-02-31",
            "2025-13-01",
            "2025-00",
            "not a date",
            "yesterday",
            "Mon, 99 Jun 2025",
            "31 Feb 2025",
            "2025-06-17x",
        ] {
            let got = normalize(raw);
            assert!(got.is_err(), "{raw}: {got:?}");
        }
        let reason = normalize("2025-02-31").unwrap_err();
        assert!(reason.contains("day"), "{reason}");
    }
}
