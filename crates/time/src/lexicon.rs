//! Word lists: months, weekdays, number words, units, seasons, and the small closed
//! classes that decide whether a bare number or a month name is a time expression.

/// Month number (1–12) of a month name or its usual abbreviation (`Sept.`, `Aug`),
/// given the token's lowercase form.
pub(crate) fn month(l: &str) -> Option<u32> {
    let l = l.strip_suffix('.').unwrap_or(l);
    Some(match l {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Whether a month token is an abbreviation (`Jan.`, `Sept`): these need a
/// following day or year, since `Mar`, `Jun`, `Dec` are also other words.
pub(crate) fn is_month_abbrev(l: &str) -> bool {
    !matches!(
        l,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// ISO weekday number (Monday = 1) of a weekday name.
pub(crate) fn weekday(l: &str) -> Option<i8> {
    let l = l.strip_suffix('.').unwrap_or(l);
    Some(match l {
        "monday" | "mon" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" | "wed" => 3,
        "thursday" | "thu" | "thur" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    })
}

/// A cardinal number written as digits (`35`, `1,000`) or as a word (`two` … `ninety`,
/// `hundred`). `a`/`an` are handled by the callers that allow them.
pub(crate) fn cardinal(l: &str) -> Option<u32> {
    if !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        if l.starts_with(',') || l.ends_with(',') {
            return None;
        }
        return l.replace(',', "").parse().ok();
    }
    Some(match l {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        _ => return None,
    })
}

/// Vague quantities that give an `X` in a duration (`several years` → `PXY`).
pub(crate) fn is_vague_quantity(l: &str) -> bool {
    matches!(
        l,
        "several" | "few" | "many" | "some" | "multiple" | "numerous"
    )
}

/// Ordinal 1–4 (for quarters and halves) from `first`, `1st`, …
pub(crate) fn ordinal(l: &str) -> Option<u32> {
    Some(match l {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" | "final" => 4,
        _ => return None,
    })
}

/// Ordinal centuries: `20th`, `twentieth`, …
pub(crate) fn century_ordinal(l: &str) -> Option<i32> {
    if let Some(d) = l
        .strip_suffix("th")
        .or_else(|| l.strip_suffix("st"))
        .or_else(|| l.strip_suffix("nd"))
        .or_else(|| l.strip_suffix("rd"))
    {
        if let Ok(n) = d.parse::<i32>() {
            return (1..=21).contains(&n).then_some(n);
        }
    }
    Some(match l {
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "twenty-first" => 21,
        _ => return None,
    })
}

/// Calendar units of durations and relative expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// A unit noun, singular or plural.
pub(crate) fn unit(l: &str) -> Option<(Unit, bool)> {
    Some(match l {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" | "yr" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// TIMEX3 duration value: `n` of `unit`, or `X` of it when the amount is vague.
pub(crate) fn duration_value(n: Option<u32>, unit: Unit) -> String {
    let q = |k: u32| n.map(|n| (n * k).to_string()).unwrap_or_else(|| "X".into());
    match unit {
        Unit::Second => format!("PT{}S", q(1)),
        Unit::Minute => format!("PT{}M", q(1)),
        Unit::Hour => format!("PT{}H", q(1)),
        Unit::Day => format!("P{}D", q(1)),
        Unit::Week => format!("P{}W", q(1)),
        Unit::Weekend => format!("P{}WE", q(1)),
        Unit::Month => format!("P{}M", q(1)),
        Unit::Quarter => format!("P{}M", q(3)),
        Unit::Year => format!("P{}Y", q(1)),
        Unit::Decade => match n {
            Some(n) => format!("P{}Y", n * 10),
            None => "PXDE".into(),
        },
        Unit::Century => match n {
            Some(n) => format!("P{}Y", n * 100),
            None => "PXCE".into(),
        },
    }
}

/// TIMEX3 season codes.
pub(crate) fn season(l: &str) -> Option<&'static str> {
    Some(match l {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// Last month of a season (winter ends in February).
pub(crate) fn season_end_month(code: &str) -> u32 {
    match code {
        "SP" => 5,
        "SU" => 8,
        "FA" => 11,
        _ => 2,
    }
}

/// Words before a bare four-digit number that make it a year (`in 2012`,
/// `since 2006`, `the 2016 Olympics`, `Britain's 2019 election`).
pub(crate) fn is_year_context_before(l: &str) -> bool {
    matches!(
        l,
        "in" | "since"
            | "by"
            | "until"
            | "till"
            | "through"
            | "thru"
            | "from"
            | "during"
            | "before"
            | "after"
            | "between"
            | "of"
            | "for"
            | "early"
            | "late"
            | "mid"
            | "mid-"
            | "end"
            | "fiscal"
            | "year"
            | "the"
            | "its"
            | "their"
            | "his"
            | "her"
            | "'s"
            | "’s"
            | "this"
            | "that"
            | "circa"
            | "c."
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "as"
            | "ca."
            | "("
            | "["
            | "until-"
    )
}

/// Words before a number that make it a quantity, not a year (`about 2000`,
/// `$ 2000`, `than 1990`).
pub(crate) fn is_quantity_context_before(l: &str) -> bool {
    matches!(
        l,
        "$" | "€"
            | "£"
            | "¥"
            | "about"
            | "some"
            | "nearly"
            | "over"
            | "than"
            | "almost"
            | "approximately"
            | "roughly"
            | "least"
            | "no."
            | "number"
            | "#"
            | "+"
            | "only"
            | "just"
            | "total"
            | "additional"
            | "another"
    )
}

/// Tokens after a number that make it a quantity (`2000 troops`, `1999 points`):
/// percent signs, multipliers and a lowercase plural noun directly after it.
pub(crate) fn is_quantity_context_after(s: &str) -> bool {
    let l = s.to_lowercase();
    let l = l.as_str();
    if matches!(
        l,
        "%" | "percent"
            | "per"
            | "times"
            | "million"
            | "billion"
            | "thousand"
            | "people"
            | "gmt"
            | "utc"
            | "hours"
            | "hrs"
            | "feet"
            | "ft"
            | "km"
            | "miles"
            | "metres"
            | "meters"
            | "kg"
            | "tons"
            | "tonnes"
            | "a.m."
            | "p.m."
            | "am"
            | "pm"
            | "est"
            | "edt"
            | "pst"
    ) {
        return true;
    }
    // a lowercase plural noun: "troops", "points", "barrels" — but not "was", "has", "is".
    l.len() > 3
        && s.bytes().all(|b| b.is_ascii_lowercase())
        && l.ends_with('s')
        && !l.ends_with("ss")
        && !l.ends_with("us")
        && !matches!(l, "sees" | "marks" | "comes" | "goes" | "looks" | "seems")
}

/// Sentence words that put the sentence's events in the future (for weekdays and
/// yearless dates).
pub(crate) fn is_future_marker(l: &str) -> bool {
    matches!(
        l,
        "will" | "'ll" | "’ll" | "shall" | "wo" | "next" | "upcoming" | "tomorrow" | "scheduled"
    )
}

/// A word that sets the tense of a nearby time expression: `Some(true)` future
/// (`will`, `would`, `until`, `as early as`, plan and schedule verbs, `set to`),
/// `Some(false)` past (`said`, `was`, a verb in `-ed`, common irregular pasts).
pub(crate) fn tense_cue(prev: &str, l: &str, next: &str) -> Option<bool> {
    if matches!(
        l,
        "will"
            | "'ll"
            | "’ll"
            | "shall"
            | "wo"
            | "would"
            | "could"
            | "might"
            | "until"
            | "till"
            | "next"
            | "upcoming"
            | "tomorrow"
            | "soon"
    ) {
        return Some(true);
    }
    if l == "early" && prev == "as" {
        return Some(true);
    }
    if matches!(l, "set" | "due" | "likely" | "ready" | "going") && next == "to" {
        return Some(true);
    }
    const PLAN: [&str; 8] = [
        "plan", "schedul", "expect", "postpon", "intend", "delay", "aim", "prepar",
    ];
    if PLAN.iter().any(|p| l.starts_with(p)) {
        return Some(true);
    }
    // "will be held": a participle after "be" takes its tense from further back
    if matches!(prev, "be" | "being") {
        return None;
    }
    if matches!(
        l,
        "said"
            | "says"
            | "told"
            | "was"
            | "were"
            | "had"
            | "did"
            | "met"
            | "made"
            | "took"
            | "came"
            | "went"
            | "found"
            | "gave"
            | "left"
            | "held"
            | "began"
            | "saw"
            | "got"
            | "won"
            | "lost"
            | "fell"
            | "rose"
            | "sent"
            | "led"
            | "spoke"
            | "wrote"
            | "ran"
            | "paid"
            | "struck"
            | "ago"
            | "last"
            | "yesterday"
            | "earlier"
            | "already"
    ) {
        return Some(false);
    }
    if l.len() > 4
        && l.ends_with("ed")
        && l.bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(
            l,
            "need" | "speed" | "indeed" | "proceed" | "succeed" | "exceed" | "breed" | "feed"
        )
    {
        return Some(false);
    }
    None
}
