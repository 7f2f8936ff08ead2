//! Finding time expressions: a longest-match scan over each sentence's tokens.
//!
//! Every recognizer looks at the tokens from position `i` on and, when it fires, says
//! how many tokens it covers and what they mean ([`Sem`], not yet resolved against the
//! document date or the discourse). The scan keeps the longest match at each position
//! and moves past it, so matches never overlap. A last pass joins two dates around a
//! range connector (`between 2016 and 2021`, `from May to July`, `2016-2021`).

use std::sync::LazyLock;

use aras_lex::Sent;
use regex::Regex;

use crate::lexicon::{self, Unit};

/// Quarter, half or season of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Quarter(u32),
    Half(u32),
    Season(&'static str),
    /// A month named relative to the document date (`last June`).
    Month(u32),
}

/// What a matched expression means before resolution.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sem {
    /// A calendar date of year, month or day precision; `y: None` takes its year from
    /// the document date.
    Point {
        y: Option<i32>,
        m: Option<u32>,
        d: Option<u32>,
    },
    /// A decade, `199` for the 1990s.
    Decade(i32),
    /// A century, `19` for the 1900s (the 20th century).
    Century(i32),
    /// A quarter, half or season; `y` explicit, or `rel` years from the document year,
    /// or neither (document year, rolled back for a past that has not happened yet).
    Part {
        y: Option<i32>,
        rel: Option<i32>,
        part: Part,
    },
    /// `off` units from the document date (`yesterday`, `last year`, `two weeks ago`).
    Deictic {
        unit: Unit,
        off: i64,
    },
    /// `off` units before the document date (`two years ago`); a year shift keeps
    /// the quarter when the discourse is about one (`a year ago` after `the third
    /// quarter`).
    Ago {
        unit: Unit,
        off: i64,
    },
    /// `off` units from the last date of the discourse precise enough for the unit
    /// (`the next day`, `two years later`, `that year`).
    Discourse {
        unit: Unit,
        off: i64,
    },
    /// A weekday: `dir` -1 last, 1 next, 0 from the sentence's tense.
    Weekday {
        dow: i8,
        dir: i8,
    },
    /// A clock time on a day (`9:30 a.m. Tuesday`): resolved to the day's date.
    Clock {
        day: Box<Sem>,
        hh: u32,
        mm: u32,
    },
    Duration(String),
    Set(String),
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref(&'static str),
    Range(Box<Sem>, Box<Sem>),
}

impl Sem {
    /// Dates that a leading modifier (`early`, `late`, `the end of`) can apply to.
    fn is_datey(&self) -> bool {
        matches!(
            self,
            Sem::Point { .. }
                | Sem::Decade(_)
                | Sem::Century(_)
                | Sem::Part { .. }
                | Sem::Deictic { .. }
                | Sem::Ago { .. }
                | Sem::Discourse { .. }
        )
    }

    /// Dates that can be one end of a range.
    fn is_range_end(&self) -> bool {
        matches!(self, Sem::Point { .. } | Sem::Decade(_) | Sem::Part { .. })
    }

    fn is_year(&self) -> bool {
        matches!(
            self,
            Sem::Point {
                y: Some(_),
                m: None,
                ..
            }
        )
    }
}

/// A recognised expression: byte span, meaning, and whether its sentence speaks of the
/// future.
pub(crate) struct Cand {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    /// `Some(true)` future, `Some(false)` past, `None` when nothing tells.
    pub future: Option<bool>,
}

static ISO_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?$").unwrap());
static ISO_MONTH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})$").unwrap());
static YEAR_RANGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^((?:19|20)\d\d)[-–/]((?:19|20)?\d\d)$").unwrap());
static SLASH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})$").unwrap());
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:fy)?((?:19|20)\d\d)(?:'s|’s)?$").unwrap());
static DECADE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:mid-|early-|late-)?(1[0-9]|20)(\d)0(?:'s|’s|s)$").unwrap());
static SHORT_DECADE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^['’](\d)0s$").unwrap());
static PREFIXED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:mid|early|late)-(.+)$").unwrap());
static DAY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,2})(?:st|nd|rd|th)?$").unwrap());
static CLOCK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2}):(\d{2})(?:(a\.?m\.?|p\.?m\.?))?$").unwrap());
static QUARTER_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(first|second|third|fourth|1st|2nd|3rd|4th)-(quarter|half)$").unwrap()
});
static Q_TOKEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([qh])([1-4])$").unwrap());

/// Scans one sentence (its tokens already lowercased) and returns its expressions in
/// order, non-overlapping.
pub(crate) fn scan(toks: &Sent<'_>) -> Vec<Cand> {
    let sentence_future = (0..toks.len()).any(|k| lexicon::is_future_marker(toks.lower(k)));
    let sc = Sc { t: toks };
    let mut found: Vec<(usize, usize, Sem)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((end, sem)) = sc.best(i) {
            found.push((i, end, sem));
            i = end;
        } else {
            i += 1;
        }
    }
    let found = sc.join_ranges(found);
    found
        .into_iter()
        .map(|(a, b, sem)| Cand {
            start: toks.tokens[a].start,
            end: toks.tokens[b - 1].end,
            sem,
            future: local_tense(toks, a, b).or(sentence_future.then_some(true)),
        })
        .collect()
}

/// The tense around the expression at tokens `a..b`: the nearest tense cue before it
/// (up to eight tokens, within the clause), else the nearest after it (up to five);
/// `Some(true)` for the future. `said Friday` is past, `planned to leave on Thursday`
/// and `as early as Tuesday` are future.
fn local_tense(toks: &Sent<'_>, a: usize, b: usize) -> Option<bool> {
    let cue = |k: usize| {
        let l = toks.lower(k);
        let prev = if k == 0 { "" } else { toks.lower(k - 1) };
        let next = if k + 1 < toks.len() {
            toks.lower(k + 1)
        } else {
            ""
        };
        lexicon::tense_cue(prev, l, next)
    };
    for k in (a.saturating_sub(8)..a).rev() {
        if matches!(toks.lower(k), ";" | "--" | "—" | "“" | "\"" | "”") {
            break;
        }
        if let Some(f) = cue(k) {
            return Some(f);
        }
    }
    for k in (b..toks.len()).take(5) {
        if matches!(toks.lower(k), ";" | "--" | "—" | "." | "“" | "\"" | "”") {
            break;
        }
        if let Some(f) = cue(k) {
            return Some(f);
        }
    }
    None
}

type Hit = Option<(usize, Sem)>;

struct Sc<'a, 'b> {
    t: &'b Sent<'a>,
}

impl Sc<'_, '_> {
    fn l(&self, i: usize) -> &str {
        if i < self.t.len() {
            self.t.lower(i)
        } else {
            ""
        }
    }

    fn s(&self, i: usize) -> &str {
        if i < self.t.len() {
            self.t.form(i)
        } else {
            ""
        }
    }

    fn cap(&self, i: usize) -> bool {
        self.s(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The longest match starting at token `i`.
    fn best(&self, i: usize) -> Hit {
        let hits = [
            self.modified(i),
            self.iso(i),
            self.decade(i),
            self.century(i),
            self.month_date(i),
            self.day_month(i),
            self.year(i),
            self.weekday(i),
            self.clock(i),
            self.deictic(i),
            self.relative(i),
            self.duration(i),
            self.part(i),
            self.set(i),
        ];
        hits.into_iter()
            .flatten()
            .filter(|(end, _)| *end > i)
            .max_by_key(|(end, _)| *end)
    }

    /// `early`, `late`, `mid`, `earlier`, `later`, `the end of`, `the start of` before a
    /// date: the value is the date's (TIMEX3 puts the modifier in `mod`, which we omit).
    fn modified(&self, i: usize) -> Hit {
        let mut j = i;
        if self.l(j) == "the" {
            j += 1;
        }
        let lead = j;
        match self.l(j) {
            "early" | "late" | "mid" | "mid-" | "earlier" | "later" => j += 1,
            "end" | "beginning" | "start" | "middle" | "turn" if self.l(j + 1) == "of" => j += 2,
            _ => {}
        }
        if j == lead && j == i {
            return None;
        }
        if self.l(j) == "-" {
            j += 1;
        }
        // "earlier in the year" is too loose; "later in 2012" is fine.
        if matches!(self.l(lead), "earlier" | "later") && self.l(j) == "in" {
            j += 1;
        }
        let (end, sem) = [
            self.iso(j),
            self.decade(j),
            self.century(j),
            self.month_date(j),
            self.year_any(j),
            self.relative(j),
            self.part(j),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|(end, _)| *end)?;
        if !sem.is_datey() {
            return None;
        }
        // "the" alone before a bare year is not part of it ("the 2016 Olympics").
        if j == i + 1 && self.l(i) == "the" && !matches!(sem, Sem::Decade(_) | Sem::Century(_)) {
            return None;
        }
        Some((end, sem))
    }

    /// Single-token numeric dates: `2025-06-13`, `2025-06`, `2016-2021`, `06/13/2025`,
    /// `mid-2024`, `1998's`.
    fn iso(&self, i: usize) -> Hit {
        let l = self.l(i);
        if let Some(c) = ISO_DAY.captures(l) {
            let (y, m, d) = (num(&c[1]), num(&c[2]), num(&c[3]));
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                return Some((i + 1, point(Some(y as i32), Some(m), Some(d))));
            }
        }
        if let Some(c) = ISO_MONTH.captures(l) {
            let (y, m) = (num(&c[1]), num(&c[2]));
            if (1900..2100).contains(&y) && (1..=12).contains(&m) {
                return Some((i + 1, point(Some(y as i32), Some(m), None)));
            }
        }
        if let Some(c) = YEAR_RANGE.captures(l) {
            let a = num(&c[1]) as i32;
            let b = if c[2].len() == 2 {
                a / 100 * 100 + num(&c[2]) as i32
            } else {
                num(&c[2]) as i32
            };
            if b > a && b - a < 100 {
                return Some((i + 1, range(year(a), year(b))));
            }
        }
        if let Some(c) = SLASH.captures(l) {
            let (a, b) = (num(&c[1]), num(&c[2]));
            let mut y = num(&c[3]) as i32;
            if c[3].len() == 2 {
                y += if y < 50 { 2000 } else { 1900 };
            }
            // Only when unambiguous: one part above 12, or both equal.
            let md = if a > 12 && b <= 12 {
                Some((b, a))
            } else if (b > 12 && a <= 12) || a == b {
                Some((a, b))
            } else {
                None
            };
            if let Some((m, d)) = md {
                if (1..=12).contains(&m) && (1..=31).contains(&d) {
                    return Some((i + 1, point(Some(y), Some(m), Some(d))));
                }
            }
        }
        if let Some(c) = PREFIXED.captures(l) {
            let rest = &c[1];
            if let Some(c) = YEAR.captures(rest) {
                return Some((i + 1, year(num(&c[1]) as i32)));
            }
            if let Some(m) = lexicon::month(rest) {
                return Some((i + 1, point(None, Some(m), None)));
            }
        }
        None
    }

    /// `1990s`, `the 1990s`, `'90s`, `the nineties`.
    fn decade(&self, i: usize) -> Hit {
        let j = if self.l(i) == "the" { i + 1 } else { i };
        let l = self.l(j);
        if let Some(c) = DECADE.captures(l) {
            return Some((
                j + 1,
                Sem::Decade(num(&c[1]) as i32 * 10 + num(&c[2]) as i32),
            ));
        }
        if let Some(c) = SHORT_DECADE.captures(l) {
            let d = num(&c[1]) as i32;
            let dec = if d <= 2 { 200 + d } else { 190 + d };
            return Some((j + 1, Sem::Decade(dec)));
        }
        let d = match l {
            "twenties" => 192,
            "thirties" => 193,
            "forties" => 194,
            "fifties" => 195,
            "sixties" => 196,
            "seventies" => 197,
            "eighties" => 198,
            "nineties" => 199,
            _ => return None,
        };
        (j > i).then_some((j + 1, Sem::Decade(d)))
    }

    /// `the 20th century` → `19XX`.
    fn century(&self, i: usize) -> Hit {
        let j = if self.l(i) == "the" { i + 1 } else { i };
        let n = lexicon::century_ordinal(self.l(j))?;
        let mut k = j + 1;
        if self.l(k) == "-" {
            k += 1;
        }
        matches!(self.l(k), "century" | "centuries").then_some((k + 1, Sem::Century(n - 1)))
    }

    /// Capitalised month name; full names only unless a day or year follows.
    fn month_at(&self, i: usize) -> Option<u32> {
        if !self.cap(i) {
            return None;
        }
        lexicon::month(self.l(i))
    }

    fn day_at(&self, i: usize) -> Option<u32> {
        let c = DAY.captures(self.l(i))?;
        let d = num(&c[1]);
        (1..=31).contains(&d).then_some(d)
    }

    fn year_token(&self, i: usize) -> Option<i32> {
        let l = self.l(i);
        (l.len() == 4 && l.bytes().all(|b| b.is_ascii_digit()))
            .then(|| num(l) as i32)
            .filter(|y| (1000..3000).contains(y))
    }

    /// `June 13`, `June 13, 2025`, `June 2025`, `June of 2025`, `in June`.
    fn month_date(&self, i: usize) -> Hit {
        let m = self.month_at(i)?;
        let abbrev = lexicon::is_month_abbrev(self.l(i));
        if let Some(d) = self.day_at(i + 1) {
            // "May 5 people" is not a date: a plural noun after the number.
            if !lexicon::is_quantity_context_after(self.s(i + 2)) {
                let mut k = i + 2;
                if self.l(k) == "," {
                    k += 1;
                }
                if let Some(y) = self.year_token(k) {
                    return Some((k + 1, point(Some(y), Some(m), Some(d))));
                }
                return Some((i + 2, point(None, Some(m), Some(d))));
            }
        }
        let mut k = i + 1;
        if matches!(self.l(k), "of" | ",") {
            k += 1;
        }
        if let Some(y) = self.year_token(k) {
            return Some((k + 1, point(Some(y), Some(m), None)));
        }
        if abbrev {
            return None;
        }
        // A month name alone. "May" and "March" are also a verb: they need a
        // preposition or determiner before them.
        let prev = if i == 0 { "" } else { self.l(i - 1) };
        let prep = matches!(
            prev,
            "in" | "since"
                | "by"
                | "until"
                | "till"
                | "through"
                | "from"
                | "to"
                | "during"
                | "before"
                | "after"
                | "early"
                | "late"
                | "mid"
                | "mid-"
                | "last"
                | "next"
                | "this"
                | "of"
                | "between"
                | "and"
                | "or"
                | "-"
                | "–"
                | "end"
                | "since-"
        );
        if matches!(m, 3 | 5) && !prep {
            return None;
        }
        // "June Carter": a capitalised word after it makes it a name.
        let next = self.s(i + 1);
        if next.chars().next().is_some_and(char::is_uppercase)
            && lexicon::month(self.l(i + 1)).is_none()
            && lexicon::weekday(self.l(i + 1)).is_none()
        {
            return None;
        }
        if !prep && i == 0 {
            return None;
        }
        Some((i + 1, point(None, Some(m), None)))
    }

    /// `13 June 2025`, `13th of June`, `the 13th of June`.
    fn day_month(&self, i: usize) -> Hit {
        let j = if self.l(i) == "the" { i + 1 } else { i };
        let d = self.day_at(j)?;
        let mut k = j + 1;
        if self.l(k) == "of" {
            k += 1;
        }
        let m = self.month_at(k)?;
        if j > i && k == j + 1 {
            return None;
        }
        let mut e = k + 1;
        if self.l(e) == "," {
            e += 1;
        }
        if let Some(y) = self.year_token(e) {
            return Some((e + 1, point(Some(y), Some(m), Some(d))));
        }
        Some((k + 1, point(None, Some(m), Some(d))))
    }

    /// A bare year in a date context: `in 2012`, `since 2006`, `the 2016 Olympics`,
    /// but not `2,500 troops` (not a four-digit token) or `sent 2000 troops`.
    fn year(&self, i: usize) -> Hit {
        let c = YEAR.captures(self.l(i))?;
        let y = num(&c[1]) as i32;
        let prev = if i == 0 { "" } else { self.l(i - 1) };
        let next = self.l(i + 1);
        // "2016-2021", "1998-99", "2016 to 2021"
        if matches!(next, "-" | "–" | "/") {
            let l2 = self.l(i + 2);
            let b = if YEAR.is_match(l2) {
                Some(num(l2) as i32)
            } else if l2.len() == 2 && l2.bytes().all(|b| b.is_ascii_digit()) {
                Some(y / 100 * 100 + num(l2) as i32)
            } else {
                None
            };
            if let Some(b) = b.filter(|b| *b > y && *b - y < 100) {
                if !lexicon::is_quantity_context_before(prev) {
                    return Some((i + 3, range(year(y), year(b))));
                }
            }
        }
        let range_end = matches!(prev, "and" | "to" | "-" | "–" | "or" | "through")
            && i >= 2
            && YEAR.is_match(self.l(i - 2));
        // a strong date preposition outweighs a plural noun after it ("In 2021 talks began")
        let strong = matches!(
            prev,
            "in" | "since"
                | "by"
                | "until"
                | "till"
                | "through"
                | "during"
                | "before"
                | "after"
                | "between"
                | "early"
                | "late"
                | "mid"
                | "fiscal"
                | "circa"
        );
        if range_end
            || (strong && lexicon::cardinal(next).is_none() && !matches!(next, "%" | "percent"))
        {
            return Some((i + 1, year(y)));
        }
        if lexicon::is_quantity_context_before(prev)
            || lexicon::cardinal(prev).is_some()
            || lexicon::is_quantity_context_after(self.s(i + 1))
            || lexicon::cardinal(next).is_some()
            || matches!(next, "-" | "/" | ":") && lexicon::cardinal(self.l(i + 2)).is_some()
        {
            return None;
        }
        let ok = lexicon::is_year_context_before(prev)
            || self.l(i).len() > 4 // 1998's, FY1998
            || i == 0
            || prev == ","
            || lexicon::month(prev).is_some()
            || matches!(
                next,
                "" | "," | "." | ";" | ")" | "]" | "'s" | "’s" | "and" | "to" | "-" | "–" | "or"
            );
        ok.then_some((i + 1, year(y)))
    }

    /// A year token without the context check (after a modifier: `early 2024`).
    fn year_any(&self, i: usize) -> Hit {
        let c = YEAR.captures(self.l(i))?;
        if lexicon::is_quantity_context_after(self.s(i + 1)) {
            return None;
        }
        Some((i + 1, year(num(&c[1]) as i32)))
    }

    /// `Tuesday`, `last Tuesday`, `next Friday`, `Tuesday night`, `Tuesday, June 13`.
    fn weekday(&self, i: usize) -> Hit {
        let (dir, j) = match self.l(i) {
            "last" | "past" => (-1, i + 1),
            "next" | "coming" => (1, i + 1),
            "this" => (0, i + 1),
            _ => (0, i),
        };
        if !self.cap(j) {
            return None;
        }
        let dow = lexicon::weekday(self.l(j))?;
        // Abbreviations only with their period (`Tue.`) or a date after them.
        if self.l(j).len() <= 5 && !self.l(j).ends_with('.') && !self.l(j).ends_with("day") {
            let k = if self.l(j + 1) == "," { j + 2 } else { j + 1 };
            self.month_at(k)?;
        }
        let k = if self.l(j + 1) == "," { j + 2 } else { j + 1 };
        if let Some((e, sem)) = self.month_date(k).or_else(|| self.day_month(k)) {
            if matches!(sem, Sem::Point { d: Some(_), .. }) {
                return Some((e, sem));
            }
        }
        let mut e = j + 1;
        if matches!(self.l(e), "morning" | "afternoon" | "evening" | "night") {
            e += 1;
        }
        Some((e, Sem::Weekday { dow, dir }))
    }

    /// `9:30 a.m.`, `9:30 a.m. Tuesday`, `10 p.m. yesterday`: the date of that day.
    fn clock(&self, i: usize) -> Hit {
        let l = self.l(i);
        let (mut hh, mm, mut k, ampm) = if let Some(c) = CLOCK.captures(l) {
            let ampm = c.get(3).map(|m| m.as_str().starts_with('p'));
            (num(&c[1]), num(&c[2]), i + 1, ampm)
        } else if let Some(h) = l.parse::<u32>().ok().filter(|h| (1..=12).contains(h)) {
            match self.l(i + 1) {
                "a.m." | "am" => (h, 0, i + 2, Some(false)),
                "p.m." | "pm" => (h, 0, i + 2, Some(true)),
                _ => return None,
            }
        } else {
            return None;
        };
        let ampm = ampm.or(match self.l(k) {
            "a.m." | "am" => {
                k += 1;
                Some(false)
            }
            "p.m." | "pm" => {
                k += 1;
                Some(true)
            }
            _ => None,
        });
        if ampm.is_none() && !matches!(self.l(k), "gmt" | "utc" | "est" | "edt" | "local") {
            return None;
        }
        if matches!(
            self.l(k),
            "gmt" | "utc" | "est" | "edt" | "pst" | "pdt" | "local"
        ) {
            k += 1;
            if self.l(k) == "time" {
                k += 1;
            }
        }
        if ampm == Some(true) && hh < 12 {
            hh += 12;
        }
        if ampm == Some(false) && hh == 12 {
            hh = 0;
        }
        if hh > 23 || mm > 59 {
            return None;
        }
        let mut day = Sem::Deictic {
            unit: Unit::Day,
            off: 0,
        };
        let mut e = k;
        let j = if self.l(k) == "on" { k + 1 } else { k };
        if let Some((e2, sem)) = self
            .weekday(j)
            .or_else(|| self.deictic(j))
            .or_else(|| self.month_date(j))
        {
            if matches!(
                sem,
                Sem::Weekday { .. }
                    | Sem::Deictic {
                        unit: Unit::Day,
                        ..
                    }
                    | Sem::Point { d: Some(_), .. }
            ) {
                day = sem;
                e = e2;
            }
        }
        Some((
            e,
            Sem::Clock {
                day: Box::new(day),
                hh,
                mm,
            },
        ))
    }

    /// `today`, `yesterday`, `tomorrow`, `tonight`, `this morning`, `now`, `recently`,
    /// `the future`, `the past`.
    fn deictic(&self, i: usize) -> Hit {
        let day = |off: i64, e: usize| {
            let e = if matches!(self.l(e), "morning" | "afternoon" | "evening" | "night") {
                e + 1
            } else {
                e
            };
            Some((
                e,
                Sem::Deictic {
                    unit: Unit::Day,
                    off,
                },
            ))
        };
        match self.l(i) {
            "today" | "tonight" => day(0, i + 1),
            "yesterday" => day(-1, i + 1),
            "tomorrow" => day(1, i + 1),
            "this" if matches!(self.l(i + 1), "morning" | "afternoon" | "evening") => Some((
                i + 2,
                Sem::Deictic {
                    unit: Unit::Day,
                    off: 0,
                },
            )),
            "now" | "currently" | "nowadays" => Some((i + 1, Sem::Ref("PRESENT_REF"))),
            "recently" | "lately" | "previously" => Some((i + 1, Sem::Ref("PAST_REF"))),
            "recent"
                if matches!(
                    self.l(i + 1),
                    "years" | "months" | "weeks" | "days" | "decades"
                ) =>
            {
                Some((i + 2, Sem::Ref("PAST_REF")))
            }
            "the" => match (self.l(i + 1), self.l(i + 2)) {
                ("future", _) => Some((i + 2, Sem::Ref("FUTURE_REF"))),
                ("near" | "foreseeable" | "distant", "future") => {
                    Some((i + 3, Sem::Ref("FUTURE_REF")))
                }
                ("past", n)
                    if lexicon::cardinal(n).is_none()
                        && lexicon::unit(n).is_none()
                        && !lexicon::is_vague_quantity(n)
                        && !matches!(n, "few" | "-" | "decade" | "century") =>
                {
                    Some((i + 2, Sem::Ref("PAST_REF")))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Relative to the document date (`last year`, `this week`, `next month`, `two
    /// years ago`, `last summer`, `last June`) or to the discourse (`the next day`, `a
    /// day later`, `two years later`, `the same day`, `that year`).
    fn relative(&self, i: usize) -> Hit {
        let l0 = self.l(i);
        // this/last/next + unit, season or month
        let off = match l0 {
            "this" | "current" => Some(0),
            "last" | "past" => Some(-1),
            "next" | "coming" => Some(1),
            _ => None,
        };
        if let Some(off) = off {
            let w = self.l(i + 1);
            if let Some((unit, false)) = lexicon::unit(w) {
                if !matches!(unit, Unit::Second | Unit::Minute | Unit::Hour | Unit::Day) {
                    // "this year's" is fine; "past year" alone is a duration (handled there).
                    if l0 == "past" || l0 == "coming" {
                        return None;
                    }
                    return Some((i + 2, Sem::Deictic { unit, off }));
                }
            }
            if let Some(code) = lexicon::season(w) {
                return Some((
                    i + 2,
                    Sem::Part {
                        y: None,
                        rel: Some(off as i32),
                        part: Part::Season(code),
                    },
                ));
            }
            if l0 != "current" && l0 != "past" {
                if let Some(m) = self.month_at(i + 1) {
                    if !lexicon::is_month_abbrev(self.l(i + 1)) && self.day_at(i + 2).is_none() {
                        // the month's last, next or current occurrence
                        return Some((
                            i + 2,
                            Sem::Part {
                                y: None,
                                rel: Some(off as i32),
                                part: Part::Month(m),
                            },
                        ));
                    }
                }
            }
        }
        // the next/following/previous day|week|month|year; the same day; that year
        let (j, det) = if l0 == "the" {
            (i + 1, true)
        } else {
            (i, false)
        };
        let dir = match self.l(j) {
            "next" | "following" | "subsequent" if det => Some(1),
            "previous" | "preceding" | "prior" if det => Some(-1),
            "same" if det => Some(0),
            "that" if !det => Some(0),
            _ => None,
        };
        if let Some(off) = dir {
            if let Some((unit, false)) = lexicon::unit(self.l(j + 1)) {
                if matches!(
                    unit,
                    Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Quarter
                ) {
                    return Some((j + 2, Sem::Discourse { unit, off }));
                }
            }
        }
        // "the quarter" (the one under discussion), "the latest quarter" (the last one)
        if det && self.l(j) == "quarter" && !matches!(self.l(j + 1), "of" | "-" | "century") {
            return Some((
                j + 1,
                Sem::Discourse {
                    unit: Unit::Quarter,
                    off: 0,
                },
            ));
        }
        if det && self.l(j) == "latest" && self.l(j + 1) == "quarter" {
            return Some((
                j + 2,
                Sem::Deictic {
                    unit: Unit::Quarter,
                    off: -1,
                },
            ));
        }
        // "the year-ago quarter", "the year-earlier period", "year-earlier"
        let ago = match (self.l(j), self.l(j + 1), self.l(j + 2)) {
            ("year-ago" | "year-earlier", _, _) => Some(j + 1),
            ("year", "-", "ago" | "earlier") => Some(j + 3),
            _ => None,
        };
        if let Some(mut k) = ago {
            if lexicon::ordinal(self.l(k)).is_some() && self.l(k + 1) == "quarter" {
                k += 1;
            }
            if matches!(self.l(k), "quarter" | "period") {
                k += 1;
            } else if det {
                return None;
            }
            return Some((
                k,
                Sem::Discourse {
                    unit: Unit::Year,
                    off: -1,
                },
            ));
        }
        // the day before / the day after (at the end of a clause)
        if det {
            if let Some((unit, false)) = lexicon::unit(self.l(j)) {
                let end_of_clause =
                    matches!(self.l(j + 2), "" | "," | "." | ";" | "and" | "--" | "—");
                match self.l(j + 1) {
                    "before" if end_of_clause => {
                        return Some((j + 2, Sem::Discourse { unit, off: -1 }))
                    }
                    "after" if end_of_clause => {
                        return Some((j + 2, Sem::Discourse { unit, off: 1 }))
                    }
                    _ => {}
                }
            }
        }
        // N units ago / later / earlier
        let (n, k) = self.amount(i, true)?;
        let (unit, _) = lexicon::unit(self.l(k))?;
        if n.is_none() && self.l(k + 1) == "ago" {
            return Some((k + 2, Sem::Ref("PAST_REF")));
        }
        let n = n? as i64;
        if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
            return None;
        }
        match self.l(k + 1) {
            "ago" => Some((k + 2, Sem::Ago { unit, off: -n })),
            "later" | "afterward" | "afterwards" => Some((k + 2, Sem::Discourse { unit, off: n })),
            "earlier" => Some((k + 2, Sem::Discourse { unit, off: -n })),
            "before" | "after" if matches!(self.l(k + 2), "" | "," | "." | ";" | "--" | "—") => {
                let off = if self.l(k + 1) == "before" { -n } else { n };
                Some((k + 2, Sem::Discourse { unit, off }))
            }
            "from" if self.l(k + 2) == "now" => Some((k + 3, Sem::Deictic { unit, off: n })),
            _ => None,
        }
    }

    /// An amount at `i`: a cardinal, `a`/`an` (when `allow_a`), or a vague quantity
    /// (`several`, `a few`) as `None`. Returns the amount and the next position.
    fn amount(&self, i: usize, allow_a: bool) -> Option<(Option<u32>, usize)> {
        let l = self.l(i);
        if l == "a" || l == "an" {
            if self.l(i + 1) == "few" || self.l(i + 1) == "couple" {
                let k = if self.l(i + 2) == "of" { i + 3 } else { i + 2 };
                return Some((None, k));
            }
            return allow_a.then_some((Some(1), i + 1));
        }
        if lexicon::is_vague_quantity(l) {
            return Some((None, i + 1));
        }
        let n = lexicon::cardinal(l)?;
        // "twenty - five", "twenty-five"
        if (20..100).contains(&n) && n % 10 == 0 && self.l(i + 1) == "-" {
            if let Some(u) = lexicon::cardinal(self.l(i + 2)).filter(|u| *u < 10) {
                return Some((Some(n + u), i + 3));
            }
        }
        Some((Some(n), i + 1))
    }

    /// `35 years`, `the past 35 years`, `48 hours`, `48-hour`, `several weeks`, `a
    /// decade`, `for years`, `the past year`.
    fn duration(&self, i: usize) -> Hit {
        let mut j = i;
        let mut framed = false;
        if self.l(j) == "the" {
            j += 1;
        }
        if matches!(
            self.l(j),
            "past"
                | "last"
                | "next"
                | "coming"
                | "previous"
                | "first"
                | "final"
                | "following"
                | "latest"
        ) {
            j += 1;
            framed = true;
        } else if j > i {
            return None;
        }
        // "the past year" → P1Y
        if framed && j == i + 2 {
            if let Some((unit, false)) = lexicon::unit(self.l(j)) {
                let long = matches!(unit, Unit::Decade | Unit::Century)
                    && matches!(self.l(j - 1), "next" | "last" | "coming");
                if self.l(j - 1) == "past" || long {
                    return Some((j + 1, Sem::Duration(lexicon::duration_value(Some(1), unit))));
                }
            }
        }
        let prev = if i == 0 { "" } else { self.l(i - 1) };
        let allow_a = framed
            || matches!(
                prev,
                "for"
                    | "than"
                    | "about"
                    | "nearly"
                    | "almost"
                    | "over"
                    | "within"
                    | "only"
                    | "just"
                    | "least"
                    | "in"
                    | "after"
                    | "lasting"
            );
        // "for years", "in decades": a vague plural alone
        if j == i && matches!(prev, "for" | "in") {
            if let Some((unit, true)) = lexicon::unit(self.l(i)) {
                if !matches!(unit, Unit::Second | Unit::Quarter | Unit::Weekend) {
                    return Some((i + 1, Sem::Duration(lexicon::duration_value(None, unit))));
                }
            }
        }
        let (n, mut k) = self.amount(j, allow_a)?;
        if YEAR.is_match(self.l(j)) {
            return None; // "the 1988 quarter", "1999 second"
        }
        let hyphen = self.l(k) == "-";
        if hyphen {
            k += 1;
        }
        let (unit, plural) = lexicon::unit(self.l(k))?;
        // "35 years old", "35-year-old" are ages; "a second" is not "a 2nd".
        if matches!(self.l(k + 1), "old" | "-")
            && (self.l(k + 1) == "old" || self.l(k + 2) == "old")
        {
            return None;
        }
        if n.is_none() && !plural && !hyphen {
            return None;
        }
        if unit == Unit::Second && n == Some(1) && self.l(j) != "one" {
            return None;
        }
        // "one day" / "a day" alone is often "someday"; keep them only when framed.
        Some((k + 1, Sem::Duration(lexicon::duration_value(n, unit))))
    }

    /// Quarters, halves and seasons of a year: `the first quarter of 2024` → 2024-Q1,
    /// `third-quarter`, `Q1 2024`, `the second half`, `summer 2024`.
    fn part(&self, i: usize) -> Hit {
        let mut j = if self.l(i) == "the" { i + 1 } else { i };
        // "the 1988 second quarter", "this year's third quarter"
        let mut lead_y = None;
        let mut lead_rel = None;
        if let Some(y) = self.year_token(j) {
            if lexicon::ordinal(self.l(j + 1)).is_some() || QUARTER_TOKEN.is_match(self.l(j + 1)) {
                lead_y = Some(y);
                j += 1;
            }
        } else if self.l(j + 1) == "year" && matches!(self.l(j + 2), "'s" | "’s") {
            lead_rel = match self.l(j) {
                "this" | "current" => Some(0),
                "last" | "previous" => Some(-1),
                "next" => Some(1),
                _ => None,
            };
            if lead_rel.is_some() {
                j += 3;
            }
        }
        let part = if let Some(c) = QUARTER_TOKEN.captures(self.l(j)) {
            let n = lexicon::ordinal(&c[1])?;
            j += 1;
            if &c[2] == "half" {
                Part::Half(n.min(2))
            } else {
                Part::Quarter(n)
            }
        } else if let Some(c) = Q_TOKEN.captures(self.l(j)) {
            j += 1;
            let n = num(&c[2]);
            if &c[1] == "h" {
                Part::Half(n.min(2))
            } else {
                Part::Quarter(n)
            }
        } else if let Some(n) = lexicon::ordinal(self.l(j)) {
            let hyphen = self.l(j + 1) == "-";
            if hyphen {
                j += 1;
            }
            let p = match self.l(j + 1) {
                "quarter" => Part::Quarter(n),
                "half" if n <= 2 => Part::Half(n),
                _ => return None,
            };
            j += 2;
            p
        } else if let Some(code) = lexicon::season(self.l(j)) {
            // a season needs a year: "summer 2024", "the summer of 2024"
            let k = if self.l(j + 1) == "of" { j + 2 } else { j + 1 };
            let y = self.year_token(k)?;
            return Some((
                k + 1,
                Sem::Part {
                    y: Some(y),
                    rel: None,
                    part: Part::Season(code),
                },
            ));
        } else {
            return None;
        };
        if lead_y.is_some() || lead_rel.is_some() {
            if matches!(part, Part::Season(_)) {
                return None;
            }
            return Some((
                j,
                Sem::Part {
                    y: lead_y,
                    rel: lead_rel,
                    part,
                },
            ));
        }
        let k = if matches!(self.l(j), "of" | ",") {
            j + 1
        } else {
            j
        };
        if let Some(y) = self.year_token(k) {
            return Some((
                k + 1,
                Sem::Part {
                    y: Some(y),
                    rel: None,
                    part,
                },
            ));
        }
        // "the first quarter" alone needs "the" or a hyphenated form ("third-quarter").
        let lone = self.l(i) != "the"
            && !QUARTER_TOKEN.is_match(self.l(i))
            && !Q_TOKEN.is_match(self.l(i))
            && self.l(i + 1) != "-";
        if lone {
            return None;
        }
        Some((
            j,
            Sem::Part {
                y: None,
                rel: None,
                part,
            },
        ))
    }

    /// `every Monday`, `every day`, `each year`, `daily`, `annually`, `per year`,
    /// `twice a week`, `on Mondays`.
    fn set(&self, i: usize) -> Hit {
        let l = self.l(i);
        let simple = match l {
            "daily" | "nightly" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "annually" | "yearly" | "annual" => Some("P1Y"),
            "quarterly" => Some("P1Q"),
            "hourly" => Some("PT1H"),
            _ => None,
        };
        if let Some(v) = simple {
            // TimeML marks "daily" and the like as sets even before a noun ("daily
            // tally"); "annual" only when no noun follows ("annual report" is not).
            let next = self.s(i + 1);
            if l == "annual" && next.bytes().all(|b| b.is_ascii_lowercase()) && !next.is_empty() {
                return None;
            }
            return Some((i + 1, Sem::Set(v.into())));
        }
        if matches!(l, "every" | "each" | "per") {
            let mut k = i + 1;
            let mut n = Some(1);
            if l == "every" {
                if self.l(k) == "other" {
                    n = Some(2);
                    k += 1;
                } else if let Some(c) = lexicon::cardinal(self.l(k)) {
                    n = Some(c);
                    k += 1;
                }
            }
            if self.cap(k) {
                if let Some(dow) = lexicon::weekday(self.l(k)) {
                    return Some((k + 1, Sem::Set(format!("XXXX-WXX-{dow}"))));
                }
            }
            let (unit, _) = lexicon::unit(self.l(k))?;
            return Some((k + 1, Sem::Set(lexicon::duration_value(n, unit))));
        }
        if matches!(l, "once" | "twice")
            || (lexicon::cardinal(l).is_some() && self.l(i + 1) == "times")
        {
            let k = if l == "once" || l == "twice" {
                i + 1
            } else {
                i + 2
            };
            if matches!(self.l(k), "a" | "an" | "per" | "each" | "every") {
                if let Some((unit, false)) = lexicon::unit(self.l(k + 1)) {
                    return Some((k + 2, Sem::Set(lexicon::duration_value(Some(1), unit))));
                }
            }
            return None;
        }
        // "on Mondays"
        if self.cap(i) && l.ends_with("days") {
            if let Some(dow) = lexicon::weekday(&l[..l.len() - 1]) {
                return Some((i + 1, Sem::Set(format!("XXXX-WXX-{dow}"))));
            }
        }
        None
    }

    /// Joins `between A and B`, `from A to B`, `A-B`, `A to B` into ranges.
    fn join_ranges(&self, found: Vec<(usize, usize, Sem)>) -> Vec<(usize, usize, Sem)> {
        let mut out: Vec<(usize, usize, Sem)> = Vec::with_capacity(found.len());
        let mut it = found.into_iter().peekable();
        while let Some((a0, a1, asem)) = it.next() {
            if let Some((b0, _, bsem)) = it.peek() {
                if asem.is_range_end() && bsem.is_range_end() && *b0 == a1 + 1 {
                    let conn = self.l(a1);
                    let before = if a0 == 0 { "" } else { self.l(a0 - 1) };
                    let both_years = asem.is_year() && bsem.is_year();
                    let lead = match conn {
                        "and" if before == "between" => Some(a0 - 1),
                        "to" | "through" | "until" | "till" | "-" | "–" | "—"
                            if before == "from" =>
                        {
                            Some(a0 - 1)
                        }
                        "-" | "–" | "to" | "through" if both_years => Some(a0),
                        "-" | "–" if matches!(asem, Sem::Point { d: Some(_), .. }) => Some(a0),
                        _ => None,
                    };
                    if let Some(start) = lead {
                        let (_, b1, bsem) = it.next().unwrap();
                        out.push((start, b1, range(asem, bsem)));
                        continue;
                    }
                }
            }
            out.push((a0, a1, asem));
        }
        out
    }
}

fn num(s: &str) -> u32 {
    s.parse().unwrap_or(0)
}

fn point(y: Option<i32>, m: Option<u32>, d: Option<u32>) -> Sem {
    Sem::Point { y, m, d }
}

fn year(y: i32) -> Sem {
    point(Some(y), None, None)
}

fn range(a: Sem, b: Sem) -> Sem {
    Sem::Range(Box::new(a), Box::new(b))
}
