//! Time expressions: found in text and normalised TIMEX3-style against the document
//! date and the discourse.
//!
//! [`extract`] scans each sentence's tokens (`aras_lex::Sent`) for time expressions (a
//! longest-match scan of small recognizers, see `recognize.rs`) and then resolves them in
//! text order:
//!
//! - **absolute** expressions carry their own value: `13 June 2025` → `2025-06-13`,
//!   `October 2021` → `2021-10`, `in 2012` → `2012`, `the late 1990s` → `199X`,
//!   `the 20th century` → `19XX`, `the first quarter of 2024` → `2024-Q1`,
//!   `between 2016 and 2021` → `2016/2021` (kind [`TimeKind::Range`]);
//! - **durations** and **sets**: `the past 35 years` → `P35Y`, `48 hours` → `PT48H`,
//!   `several weeks` → `PXW`, `every Monday` → `XXXX-WXX-1`, `annually` → `P1Y`;
//! - **document-relative** expressions are resolved against
//!   [`TimeContext::document_date`] and marked `anchored_to_document`: `yesterday`,
//!   `last year` (document year − 1), `this week` (`2025-W25`), `two years ago`,
//!   `last summer` (`2024-SU` in June 2025), weekdays, and dates without a year;
//! - **discourse-relative** expressions are resolved against the latest earlier
//!   expression precise enough for their unit, and `anchor` points at it: `the next
//!   day` needs a day (`June 13 … The next day` → `2025-06-14`), `two years later`
//!   needs a year or finer (`In 2021 … Two years later` → `2023`). Without such an
//!   expression they fall back to the document date.
//!
//! ## Heuristics (kept simple on purpose)
//! - **Tense** is read around each expression: the nearest cue within eight tokens
//!   before it (in its clause), else within five after it. Future cues: `will`,
//!   `would`, `could`, `might`, `until`, `as early as`, `soon`, `next`, plan and
//!   schedule verbs (`planned to leave on Thursday`), `set/due/likely to`. Past cues:
//!   `said`, `was`, `had`, common irregular pasts and verbs in `-ed` (not after `be`:
//!   `will be held` is future). With no local cue, a sentence containing `will`,
//!   `shall`, `next`, `upcoming`, `tomorrow` or `scheduled` is future; otherwise the
//!   tense is unknown.
//! - **Weekdays.** In the past (or unknown), the weekday on or before the document
//!   date (a story dated Tuesday that says "on Tuesday" means that day); in the
//!   future, the first one after it. `last Tuesday` / `next Tuesday` are strictly
//!   before / after.
//! - **Dates without a year** take the document year, then: in a past clause, roll back
//!   one year when they would fall more than a month after the document date (`in
//!   December` said in March is last December); in a future clause, forward one year
//!   when more than a month before it; with no cue, the nearest occurrence (within
//!   six months either way).
//! - **Quarters and seasons without a year** roll back the same way when they would
//!   start after the document date in a past-tense sentence.
//! - **`May` and `March`** alone are dates only after a preposition or determiner (`in
//!   May`, `last March`); with a day or a year (`May 5`, `May 2024`) they always are.
//!   Month and weekday names must be capitalised. A bare four-digit year needs a date
//!   context (a preposition or determiner before it, punctuation after it) and is
//!   rejected before a plural noun or after a quantity word (`sent 2000 troops`).
//!
//! ## Without a document date
//! Values stay partial, as TIMEX3 allows: `June 13` → `XXXX-06-13`, `yesterday` →
//! `XXXX-XX-XX`, `last year` → `XXXX`, `this week` → `XXXX-WXX`, `Tuesday` →
//! `XXXX-WXX-2`. Discourse-relative expressions still resolve when the discourse has an
//! absolute anchor.
//!
//! ## Calendar arithmetic
//! Day, week and month arithmetic, weekdays and ISO week numbers come from
//! [`jiff`]'s civil dates: a maintained crate by the author of `regex`, with no time
//! zone database needed for civil dates (built with `default-features = false`), so it
//! adds little to the build, and its `nth_weekday`/`iso_week_date` are exactly the
//! operations weekday and week resolution need.
//!
//! ```
//! use aras_time::{extract, TimeContext, TimeKind};
//! let body = "The ministry issued a statement on June 13. The next day, it spoke again.";
//! let sentences = aras_text::segment(body);
//! let ctx = TimeContext { document_date: Some("2025-06-18".into()) };
//! let times = extract(body, &sentences, &ctx);
//! assert_eq!(times[0].text, "June 13");
//! assert_eq!(times[0].value, "2025-06-13");
//! assert_eq!(times[1].text, "The next day");
//! assert_eq!(times[1].value, "2025-06-14");
//! assert_eq!(times[1].anchor, Some(0));
//! assert_eq!(times[1].kind, TimeKind::Date);
//! ```

pub mod eval;
mod lexicon;
mod recognize;

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use serde::{Deserialize, Serialize};

/// What a time expression denotes: the contract's vocabulary.
pub use aras_schema::TimeKind;

use lexicon::Unit;
use recognize::{Cand, Part, Sem};

/// One time expression of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// Byte offset of the first byte in the body.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The expression as written (`body[start..end]`).
    pub text: String,
    /// TIMEX3 value: `2025-06-14`, `2021-10`, `2023`, `199X`, `P35Y`, `2016/2021`,
    /// `XXXX-WXX-1`; partial (`XXXX-06-13`) when the year is unknown.
    pub value: String,
    pub kind: TimeKind,
    /// Index (in the returned `Vec`) of the expression this one was resolved against;
    /// `None` when absolute or anchored to the document date.
    pub anchor: Option<usize>,
    /// Whether the document date was used to resolve it.
    pub anchored_to_document: bool,
}

/// What resolution needs to know about the document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeContext {
    /// Publication date, `YYYY-MM-DD` (a longer ISO timestamp is cut to its date).
    pub document_date: Option<String>,
}

/// Finds and normalises the time expressions of `text`, whose sentences are
/// `sentences` (from [`aras_text::segment`]). Expressions come sorted by offset and
/// never overlap.
pub fn extract(text: &str, sentences: &[aras_text::Sentence], ctx: &TimeContext) -> Vec<TimeExpr> {
    let doc = ctx
        .document_date
        .as_deref()
        .and_then(|d| d.get(..10).unwrap_or(d).parse::<Date>().ok());
    let mut cands: Vec<Cand> = Vec::new();
    let mut last_end = 0;
    for sentence in sentences {
        let toks = aras_lex::Sent::new(text, &sentence.tokens, None);
        for c in recognize::scan(&toks) {
            if c.start >= last_end && c.end > c.start {
                last_end = c.end;
                cands.push(c);
            }
        }
    }
    let mut r = Resolver {
        doc,
        points: Vec::with_capacity(cands.len()),
    };
    let mut out = Vec::with_capacity(cands.len());
    for c in cands {
        let res = r.resolve(&c.sem, c.future);
        r.points.push(res.point);
        out.push(TimeExpr {
            start: c.start,
            end: c.end,
            text: text[c.start..c.end].to_string(),
            value: res.value,
            kind: res.kind,
            anchor: res.anchor,
            anchored_to_document: res.by_doc,
        });
    }
    out
}

/// Precision of a resolved calendar point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gran {
    Year,
    Quarter,
    Month,
    Week,
    Day,
}

/// A resolved calendar point: a representative day (the first day of a year, quarter
/// or month; any day of a week) and its precision.
#[derive(Debug, Clone, Copy)]
struct Rp {
    date: Date,
    g: Gran,
}

impl Rp {
    fn value(&self) -> String {
        let (y, m, d) = (self.date.year(), self.date.month(), self.date.day());
        match self.g {
            Gran::Year => format!("{y:04}"),
            Gran::Quarter => format!("{y:04}-Q{}", (m - 1) / 3 + 1),
            Gran::Month => format!("{y:04}-{m:02}"),
            Gran::Week => {
                let w = self.date.iso_week_date();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Gran::Day => format!("{y:04}-{m:02}-{d:02}"),
        }
    }

    /// Whether this point is precise enough to anchor a shift by `unit`.
    fn serves(&self, unit: Unit) -> bool {
        match unit {
            Unit::Day => self.g == Gran::Day,
            Unit::Week | Unit::Weekend => matches!(self.g, Gran::Day | Gran::Week),
            Unit::Month => matches!(self.g, Gran::Day | Gran::Week | Gran::Month),
            Unit::Quarter => !matches!(self.g, Gran::Year),
            _ => true,
        }
    }

    /// This point moved by `off` units, at the unit's precision (a year shift of a
    /// quarter stays a quarter: `a year earlier` after `the third quarter`).
    fn shift(&self, unit: Unit, off: i64) -> Option<Rp> {
        let d = self.date;
        let (date, g) = match unit {
            Unit::Day => (d.checked_add(off.days()).ok()?, Gran::Day),
            Unit::Week | Unit::Weekend => (d.checked_add((7 * off).days()).ok()?, Gran::Week),
            Unit::Month => (
                d.first_of_month().checked_add(off.months()).ok()?,
                Gran::Month,
            ),
            Unit::Quarter => {
                let q0 = Date::new(d.year(), (d.month() - 1) / 3 * 3 + 1, 1).ok()?;
                (q0.checked_add((3 * off).months()).ok()?, Gran::Quarter)
            }
            Unit::Year | Unit::Decade | Unit::Century => {
                let k = match unit {
                    Unit::Decade => 10,
                    Unit::Century => 100,
                    _ => 1,
                };
                if self.g == Gran::Quarter && unit == Unit::Year {
                    (d.checked_add((off * 12).months()).ok()?, Gran::Quarter)
                } else {
                    (
                        Date::new(d.year().checked_add(i16::try_from(off * k).ok()?)?, 1, 1)
                            .ok()?,
                        Gran::Year,
                    )
                }
            }
            Unit::Second | Unit::Minute | Unit::Hour => return None,
        };
        Some(Rp { date, g })
    }
}

struct Resolved {
    value: String,
    kind: TimeKind,
    anchor: Option<usize>,
    by_doc: bool,
    /// The calendar point later expressions may be anchored to.
    point: Option<Rp>,
}

impl Resolved {
    fn date(value: String, point: Option<Rp>) -> Self {
        Resolved {
            value,
            kind: TimeKind::Date,
            anchor: None,
            by_doc: false,
            point,
        }
    }

    fn by_doc(mut self, yes: bool) -> Self {
        self.by_doc = yes;
        self
    }
}

struct Resolver {
    doc: Option<Date>,
    /// Resolved points of the expressions so far (`None` for those that cannot anchor).
    points: Vec<Option<Rp>>,
}

/// The partial TIMEX3 value of a unit's precision when nothing anchors it.
fn unknown(unit: Unit) -> String {
    match unit {
        Unit::Day => "XXXX-XX-XX",
        Unit::Week => "XXXX-WXX",
        Unit::Weekend => "XXXX-WXX-WE",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Decade => "XXXX",
        _ => "XXXX",
    }
    .to_string()
}

fn ymd(y: i32, m: u32, d: u32) -> Option<Date> {
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

fn weekday_of(dow: i8) -> Weekday {
    Weekday::from_monday_one_offset(dow).unwrap_or(Weekday::Monday)
}

impl Resolver {
    fn resolve(&self, sem: &Sem, future: Option<bool>) -> Resolved {
        match sem {
            Sem::Point { y, m, d } => self.point(*y, *m, *d, future),
            Sem::Decade(d) => Resolved::date(format!("{d}X"), None),
            Sem::Century(c) => Resolved::date(format!("{c:02}XX"), None),
            Sem::Part { y, rel, part } => self.part(*y, *rel, *part, future),
            Sem::Deictic { unit, off } => self.deictic(*unit, *off),
            Sem::Ago { unit, off } => {
                let last = self
                    .points
                    .iter()
                    .enumerate()
                    .rev()
                    .find_map(|(i, p)| p.map(|p| (i, p)));
                if let Some((i, p)) =
                    last.filter(|(_, p)| *unit == Unit::Year && p.g == Gran::Quarter)
                {
                    if let Some(q) = p.shift(Unit::Year, *off) {
                        return Resolved {
                            anchor: Some(i),
                            ..Resolved::date(q.value(), Some(q))
                        };
                    }
                }
                self.deictic(*unit, *off)
            }
            Sem::Discourse { unit, off } => self.discourse(*unit, *off),
            Sem::Weekday { dow, dir } => self.weekday(*dow, *dir, future),
            Sem::Clock { day, hh, mm } => {
                let mut r = self.resolve(day, future);
                if r.point.is_some_and(|p| p.g == Gran::Day) {
                    r.value = format!("{}T{hh:02}:{mm:02}", r.value);
                } else {
                    r.value = format!("XXXX-XX-XXT{hh:02}:{mm:02}");
                }
                r
            }
            Sem::Duration(v) => Resolved {
                kind: TimeKind::Duration,
                ..Resolved::date(v.clone(), None)
            },
            Sem::Set(v) => Resolved {
                kind: TimeKind::Set,
                ..Resolved::date(v.clone(), None)
            },
            Sem::Ref(v) => Resolved::date(v.to_string(), None).by_doc(self.doc.is_some()),
            Sem::Range(a, b) => {
                let a = self.resolve(a, future);
                let b = self.resolve(b, future);
                Resolved {
                    value: format!("{}/{}", a.value, b.value),
                    kind: TimeKind::Range,
                    anchor: None,
                    by_doc: a.by_doc || b.by_doc,
                    point: b.point,
                }
            }
        }
    }

    fn point(
        &self,
        y: Option<i32>,
        m: Option<u32>,
        d: Option<u32>,
        future: Option<bool>,
    ) -> Resolved {
        let g = match (m, d) {
            (None, _) => Gran::Year,
            (Some(_), None) => Gran::Month,
            (Some(_), Some(_)) => Gran::Day,
        };
        let (y, by_doc) = match (y, self.doc) {
            (Some(y), _) => (y, false),
            (None, Some(doc)) => {
                let mut y = doc.year() as i32;
                let diff = m.unwrap_or(1) as i32 - doc.month() as i32;
                match future {
                    Some(false) if diff > 1 => y -= 1,
                    Some(true) if diff < -1 => y += 1,
                    // no tense cue: the nearest occurrence
                    None if diff > 6 => y -= 1,
                    None if diff < -6 => y += 1,
                    _ => {}
                }
                (y, true)
            }
            (None, None) => {
                let v = match (m, d) {
                    (Some(m), Some(d)) => format!("XXXX-{m:02}-{d:02}"),
                    (Some(m), None) => format!("XXXX-{m:02}"),
                    _ => "XXXX".into(),
                };
                return Resolved::date(v, None);
            }
        };
        let point = ymd(y, m.unwrap_or(1), d.unwrap_or(1)).map(|date| Rp { date, g });
        let value = match point {
            Some(p) => p.value(),
            None => match (m, d) {
                (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
                (Some(m), None) => format!("{y:04}-{m:02}"),
                _ => format!("{y:04}"),
            },
        };
        Resolved::date(value, point).by_doc(by_doc)
    }

    fn part(&self, y: Option<i32>, rel: Option<i32>, part: Part, future: Option<bool>) -> Resolved {
        let (first_month, code) = match part {
            Part::Quarter(q) => ((q - 1) * 3 + 1, format!("Q{q}")),
            Part::Half(h) => ((h - 1) * 6 + 1, format!("H{h}")),
            Part::Season(s) => (
                match s {
                    "SP" => 3,
                    "SU" => 6,
                    "FA" => 9,
                    _ => 12,
                },
                s.to_string(),
            ),
            Part::Month(m) => (m, format!("{m:02}")),
        };
        let (y, by_doc) = match (y, self.doc) {
            (Some(y), _) => (y, false),
            (None, None) => return Resolved::date(format!("XXXX-{code}"), None),
            (None, Some(doc)) => {
                let (dy, dm) = (doc.year() as i32, doc.month() as u32);
                let y = match rel {
                    Some(k) if matches!(part, Part::Quarter(_) | Part::Half(_)) => dy + k,
                    // last summer: the latest one already over; last June: the latest
                    // June before this month
                    Some(-1) => {
                        let end = match part {
                            Part::Season(s) => lexicon::season_end_month(s),
                            Part::Month(m) => m,
                            _ => first_month + 2,
                        };
                        if end < dm && !matches!(part, Part::Season("WI")) {
                            dy
                        } else {
                            dy - 1
                        }
                    }
                    Some(1) => {
                        if first_month > dm {
                            dy
                        } else {
                            dy + 1
                        }
                    }
                    Some(_) => dy,
                    None => {
                        if future != Some(true) && first_month > dm {
                            dy - 1
                        } else {
                            dy
                        }
                    }
                };
                (y, true)
            }
        };
        let point = match part {
            Part::Quarter(q) => ymd(y, (q - 1) * 3 + 1, 1).map(|date| Rp {
                date,
                g: Gran::Quarter,
            }),
            Part::Month(m) => ymd(y, m, 1).map(|date| Rp {
                date,
                g: Gran::Month,
            }),
            _ => None,
        };
        let value = match point {
            Some(p) => p.value(),
            None => format!("{y:04}-{code}"),
        };
        Resolved::date(value, point).by_doc(by_doc)
    }

    fn doc_point(&self) -> Option<Rp> {
        self.doc.map(|date| Rp { date, g: Gran::Day })
    }

    fn deictic(&self, unit: Unit, off: i64) -> Resolved {
        let Some(doc) = self.doc_point() else {
            return Resolved::date(unknown(unit), None);
        };
        match doc.shift(unit, off) {
            Some(p) => {
                let value = match unit {
                    Unit::Weekend => format!("{}-WE", p.value()),
                    Unit::Decade => format!("{}X", p.date.year() / 10),
                    Unit::Century => format!("{}XX", p.date.year() / 100),
                    _ => p.value(),
                };
                let point =
                    (!matches!(unit, Unit::Weekend | Unit::Decade | Unit::Century)).then_some(p);
                Resolved::date(value, point).by_doc(true)
            }
            None => Resolved::date(unknown(unit), None),
        }
    }

    fn discourse(&self, unit: Unit, off: i64) -> Resolved {
        let found = self
            .points
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, p)| p.filter(|p| p.serves(unit)).map(|p| (i, p)));
        let (anchor, base) = match found {
            Some((i, p)) => (Some(i), p),
            None => match self.doc_point() {
                Some(p) => (None, p),
                None => return Resolved::date(unknown(unit), None),
            },
        };
        match base.shift(unit, off) {
            Some(p) => {
                let value = match unit {
                    Unit::Weekend => format!("{}-WE", p.value()),
                    _ => p.value(),
                };
                Resolved {
                    anchor,
                    ..Resolved::date(value, Some(p)).by_doc(anchor.is_none())
                }
            }
            None => Resolved::date(unknown(unit), None),
        }
    }

    fn weekday(&self, dow: i8, dir: i8, future: Option<bool>) -> Resolved {
        let Some(doc) = self.doc else {
            return Resolved::date(format!("XXXX-WXX-{dow}"), None);
        };
        let wd = weekday_of(dow);
        let date = match dir {
            -1 => doc.nth_weekday(-1, wd),
            1 => doc.nth_weekday(1, wd),
            _ if future == Some(true) => doc.nth_weekday(1, wd),
            _ if doc.weekday() == wd => Ok(doc),
            _ => doc.nth_weekday(-1, wd),
        };
        match date {
            Ok(date) => {
                let p = Rp { date, g: Gran::Day };
                Resolved::date(p.value(), Some(p)).by_doc(true)
            }
            Err(_) => Resolved::date(format!("XXXX-WXX-{dow}"), None),
        }
    }
}
