//! Publication timestamps as `YYYY-MM-DD`.
//!
//! Feeds and web pages carry RFC 2822 (`Tue, 17 Jun 2025 09:30:00 +0200`) or RFC 3339 /
//! ISO 8601 (`2025-06-17T09:30:00+02:00`) timestamps, while aras dates documents by day.
//! The day is the one written in the timestamp's own offset (no conversion to UTC): that is
//! the publisher's calendar day, which is what a dateline means. A small hand-written
//! parser is enough for this and avoids a date-time dependency.

/// `YYYY-MM-DD` for an RFC 3339/ISO 8601, `YYYY/MM/DD`, `YYYYMMDD` or RFC 2822 timestamp;
/// otherwise the trimmed input unchanged (a date we cannot read is still worth keeping).
/// `None` for an empty string.
pub(crate) fn normalize(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    Some(
        iso(s)
            .or_else(|| rfc2822(s))
            .unwrap_or_else(|| s.to_string()),
    )
}

fn ymd(year: u32, month: u32, day: u32) -> Option<String> {
    ((1..=12).contains(&month) && (1..=31).contains(&day) && year <= 9999)
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `2025-06-17...`, `2025/06/17...`, `20250617...` (anything may follow the date).
fn iso(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() >= 10 && (b[4] == b'-' || b[4] == b'/') && b[7] == b[4] {
        let rest = &b[10..];
        if rest.first().is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        return ymd(
            digits(s.get(0..4)?)?,
            digits(s.get(5..7)?)?,
            digits(s.get(8..10)?)?,
        );
    }
    if b.len() >= 8 && b[..8].iter().all(u8::is_ascii_digit) {
        if b.get(8).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        return ymd(
            digits(s.get(0..4)?)?,
            digits(s.get(4..6)?)?,
            digits(s.get(6..8)?)?,
        );
    }
    None
}

/// `[Tue, ]17 Jun 2025[ 09:30:00 +0200]`; two-digit years as RFC 2822 says (< 50: 20xx).
fn rfc2822(s: &str) -> Option<String> {
    let s = match s.split_once(',') {
        Some((weekday, rest)) if weekday.trim().chars().all(|c| c.is_ascii_alphabetic()) => rest,
        _ => s,
    };
    let mut parts = s.split_whitespace();
    let day = digits(parts.next()?)?;
    let month = month_number(parts.next()?)?;
    let year_text = parts.next()?;
    let year = digits(year_text)?;
    let year = match year_text.len() {
        4 => year,
        2 if year < 50 => 2000 + year,
        2 | 3 => 1900 + year,
        _ => return None,
    };
    ymd(year, month, day)
}

fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let prefix = name.get(..3)?.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == prefix)
        .and_then(|i| u32::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn timestamps() {
        let cases = [
            ("2025-06-17T09:30:00+02:00", "2025-06-17"),
            ("2025-06-17", "2025-06-17"),
            ("2025/06/17 10:00", "2025-06-17"),
            ("20250617", "2025-06-17"),
            ("Tue, 17 Jun 2025 09:30:00 +0200", "2025-06-17"),
            ("17 June 2025", "2025-06-17"),
            ("Wed, 02 Oct 02 08:00:00 EST", "2002-10-02"),
            ("  yesterday  ", "yesterday"),
            ("2025-13-01", "2025-13-01"),
            ("Mon, 99 Jun 2025", "Mon, 99 Jun 2025"),
        ];
        for (raw, want) in cases {
            assert_eq!(normalize(raw).as_deref(), Some(want), "{raw}");
        }
        assert_eq!(normalize(" "), None);
    }
}
