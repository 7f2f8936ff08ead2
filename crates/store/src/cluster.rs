//! When two event reports describe the same happening ("one event, many reports").
//!
//! Two reports belong to one cluster when all of these hold:
//!
//! 1. **Same dyad and kind of action**: the same source side, the same target side and the
//!    same CAMEO root. A side is its country (`ISR` for both "Israel" and "the Israeli
//!    army"), or its actor code when it has no country (an IGO such as `UNO`, an
//!    un-countried group); a report with a side that has neither never joins a cluster
//!    (we cannot tell who did it or to whom, so merging would be a guess).
//! 2. **Same factuality**: a factual report (asserted or reported, not negated) never
//!    shares a cluster with a threat, a plan, a hypothesis or a denial: "Israel may strike
//!    Iran" is not the strike.
//! 3. **Compatible dates**: each report's date is an interval of days: a day-precision
//!    date is that day; `2021-10` is the whole month; `2023` the whole year. An undated
//!    report (date from the document) is the interval
//!    [publication − [`UNDATED_LOOKBACK_DAYS`], publication]: news reports what happened
//!    on the day or the days just before. Two intervals are compatible when the gap between
//!    them is at most [`DAY_WINDOW`] days, so coarse dates match the finer dates they
//!    contain. A report with neither a date nor a publication date never joins a cluster.
//!
//! Why ±1 day: wire reports of one happening carry dates one day apart for ordinary
//! reasons (time zones, a night strike dated by its start or its end, "yesterday" resolved
//! against a timestamp just past midnight), while repeated happenings of one dyad and root
//! (daily shelling, talks on consecutive rounds) are days apart and should stay separate
//! reports of separate happenings; GDELT and ICEWS treat the day as the unit for the same
//! reason. A month later (40 days apart) is always another happening.
//!
//! Clusters are grown incrementally in ingest order: a new report is checked against
//! *every* member of each candidate cluster (complete linkage, kept as two numbers per
//! cluster, see [`ClusterSpan`]), so a cluster cannot drift day by day; among compatible
//! clusters it joins the one whose dates are nearest, ties to the oldest (lowest id). The
//! result is deterministic for a given ingest order.

use jiff::civil::Date;

/// Largest gap in days between two reports' date intervals that still counts as one
/// happening.
pub const DAY_WINDOW: i64 = 1;

/// An undated report happened on its publication day or up to this many days before.
pub const UNDATED_LOOKBACK_DAYS: i64 = 2;

/// Days since 1970-01-01.
pub fn day_number(d: Date) -> i64 {
    let epoch = Date::constant(1970, 1, 1);
    (d - epoch).get_days() as i64
}

/// The first and last day a report's date can mean, in days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub lo: i64,
    pub hi: i64,
}

/// A record's date as its first and last day: [`aras_relations::date_bounds`] (it lives
/// there so that exports of `aras analyze` output compute `date` as the store does).
pub use aras_relations::date_bounds;

/// The interval a report stands for: its own date, else its publication day and the
/// days before it.
pub fn interval(date: Option<&str>, published: Option<Date>) -> Option<Interval> {
    if let Some((lo, hi)) = date.and_then(date_bounds) {
        return Some(Interval {
            lo: day_number(lo),
            hi: day_number(hi),
        });
    }
    let p = day_number(published?);
    Some(Interval {
        lo: p - UNDATED_LOOKBACK_DAYS,
        hi: p,
    })
}

/// What a cluster remembers about its members' dates: the latest first day (`lo_max`) and
/// the earliest last day (`hi_min`). A newcomer within [`DAY_WINDOW`] of both is within it
/// of every member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClusterSpan {
    pub lo_max: i64,
    pub hi_min: i64,
}

impl ClusterSpan {
    pub fn of(i: Interval) -> Self {
        ClusterSpan {
            lo_max: i.lo,
            hi_min: i.hi,
        }
    }

    /// Every member's interval is within [`DAY_WINDOW`] of `i`.
    pub fn admits(&self, i: Interval) -> bool {
        i.lo - self.hi_min <= DAY_WINDOW && self.lo_max - i.hi <= DAY_WINDOW
    }

    /// How far `i` is from the cluster's dates (smaller is a better home), in half-days.
    pub fn distance(&self, i: Interval) -> i64 {
        ((i.lo + i.hi) - (self.lo_max + self.hi_min)).abs()
    }

    pub fn with(&self, i: Interval) -> Self {
        ClusterSpan {
            lo_max: self.lo_max.max(i.lo),
            hi_min: self.hi_min.min(i.hi),
        }
    }
}

/// The part of a report that decides which clusters it may join.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClusterKey {
    pub source: String,
    pub target: String,
    pub root: String,
    pub factual: bool,
}

/// A side of an event as clusters see it: its country, else its actor code.
pub fn side_key(country: &str, code: &str) -> String {
    if country.is_empty() {
        code.to_string()
    } else {
        country.to_string()
    }
}

/// The key and date interval of a report, or `None` when it can never join a cluster
/// (a side unknown, or no date at all).
pub fn mergeable(key: &ClusterKey, interval: Option<Interval>) -> Option<Interval> {
    if key.source.is_empty() || key.target.is_empty() || key.root.is_empty() {
        return None;
    }
    interval
}

/// The best home for a report among candidate clusters of its key: `(id, span)` pairs.
pub fn best_cluster(candidates: &[(i64, ClusterSpan)], i: Interval) -> Option<i64> {
    candidates
        .iter()
        .filter(|(_, span)| span.admits(i))
        .min_by_key(|(id, span)| (span.distance(i), *id))
        .map(|(id, _)| *id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn key(source: &str, target: &str, root: &str, factual: bool) -> ClusterKey {
        ClusterKey {
            source: source.into(),
            target: target.into(),
            root: root.into(),
            factual,
        }
    }

    /// Report: key, date, publication. Whether the two reports of each case share a cluster.
    #[test]
    fn the_cluster_rule() {
        type Report = (ClusterKey, Option<&'static str>, Option<&'static str>);
        let isr_irn = |root: &str| key("ISR", "IRN", root, true);
        let cases: Vec<(&str, Report, Report, bool)> = vec![
            (
                "same day, different publications",
                (isr_irn("19"), Some("2025-06-13"), Some("2025-06-13")),
                (isr_irn("19"), Some("2025-06-13"), Some("2025-06-14")),
                true,
            ),
            (
                "different roots",
                (isr_irn("19"), Some("2025-06-13"), None),
                (isr_irn("17"), Some("2025-06-13"), None),
                false,
            ),
            (
                "dates 40 days apart",
                (isr_irn("19"), Some("2025-06-13"), None),
                (isr_irn("19"), Some("2025-07-23"), None),
                false,
            ),
            (
                "one day apart",
                (isr_irn("19"), Some("2025-06-13"), None),
                (isr_irn("19"), Some("2025-06-14"), None),
                true,
            ),
            (
                "two days apart",
                (isr_irn("19"), Some("2025-06-13"), None),
                (isr_irn("19"), Some("2025-06-15"), None),
                false,
            ),
            (
                "a month contains the day",
                (isr_irn("19"), Some("2025-06"), None),
                (isr_irn("19"), Some("2025-06-13"), None),
                true,
            ),
            (
                "a year contains the day",
                (isr_irn("19"), Some("2025"), None),
                (isr_irn("19"), Some("2025-06-13"), None),
                true,
            ),
            (
                "another year",
                (isr_irn("19"), Some("2024"), None),
                (isr_irn("19"), Some("2025-06-13"), None),
                false,
            ),
            (
                "reversed direction",
                (key("IRN", "ISR", "19", true), Some("2025-06-13"), None),
                (isr_irn("19"), Some("2025-06-13"), None),
                false,
            ),
            (
                "a threat is not the strike",
                (key("ISR", "IRN", "19", false), Some("2025-06-13"), None),
                (isr_irn("19"), Some("2025-06-13"), None),
                false,
            ),
            (
                "undated, published the next day",
                (isr_irn("19"), None, Some("2025-06-14")),
                (isr_irn("19"), Some("2025-06-13"), None),
                true,
            ),
            (
                "undated, published a week later",
                (isr_irn("19"), None, Some("2025-06-20")),
                (isr_irn("19"), Some("2025-06-13"), None),
                false,
            ),
            (
                "both undated, same publication day",
                (isr_irn("19"), None, Some("2025-06-14")),
                (isr_irn("19"), None, Some("2025-06-14")),
                true,
            ),
            (
                "no target",
                (key("ISR", "", "19", true), Some("2025-06-13"), None),
                (key("ISR", "", "19", true), Some("2025-06-13"), None),
                false,
            ),
            (
                "no date and no publication",
                (isr_irn("19"), None, None),
                (isr_irn("19"), None, None),
                false,
            ),
            (
                "an IGO by its code",
                (key("UNO", "IRN", "11", true), Some("2025-06-13"), None),
                (key("UNO", "IRN", "11", true), Some("2025-06-13"), None),
                true,
            ),
        ];
        for (name, (ka, da, pa), (kb, db, pb), expect) in cases {
            let ia = mergeable(&ka, interval(da, pa.map(d)));
            let ib = mergeable(&kb, interval(db, pb.map(d)));
            let together = match (ia, ib) {
                (Some(ia), Some(ib)) => {
                    ka == kb && best_cluster(&[(1, ClusterSpan::of(ia))], ib).is_some()
                }
                _ => false,
            };
            assert_eq!(together, expect, "{name}");
        }
    }

    #[test]
    fn complete_linkage_stops_drift() {
        let day = |s: &str| interval(Some(s), None).unwrap();
        let span = ClusterSpan::of(day("2025-06-13")).with(day("2025-06-14"));
        assert!(
            !span.admits(day("2025-06-15")),
            "15th is two days from the 13th"
        );
        assert!(span.admits(day("2025-06-13")));
    }

    #[test]
    fn the_nearest_cluster_wins_then_the_oldest() {
        let day = |s: &str| interval(Some(s), None).unwrap();
        let a = (1, ClusterSpan::of(day("2025-06-12")));
        let b = (2, ClusterSpan::of(day("2025-06-13")));
        assert_eq!(best_cluster(&[a, b], day("2025-06-13")), Some(2));
        let c = (3, ClusterSpan::of(day("2025-06-13")));
        assert_eq!(best_cluster(&[c, b], day("2025-06-13")), Some(2));
    }

    #[test]
    fn dates_as_written_become_day_ranges() {
        assert_eq!(
            date_bounds("2024-02"),
            Some((d("2024-02-01"), d("2024-02-29")))
        );
        assert_eq!(
            date_bounds("2023"),
            Some((d("2023-01-01"), d("2023-12-31")))
        );
        assert_eq!(date_bounds("199X"), None);
        assert_eq!(date_bounds("2025-W24"), None);
        assert_eq!(date_bounds("2025-13-01"), None);
    }

    proptest::proptest! {
        /// Dates come from outside (records, files): any text is a range or nothing, and a
        /// real day is read back as itself.
        #[test]
        fn any_date_text_is_a_range_or_nothing(text in "\\PC{0,12}") {
            if let Some((lo, hi)) = date_bounds(&text) {
                proptest::prop_assert!(lo <= hi);
            }
        }

        #[test]
        fn real_days_read_back(y in 1i16..9999, m in 1i8..=12, d in 1i8..=28) {
            let day = Date::new(y, m, d).unwrap();
            proptest::prop_assert_eq!(date_bounds(&day.to_string()), Some((day, day)));
            let month = format!("{y:04}-{m:02}");
            let (lo, hi) = date_bounds(&month).unwrap();
            proptest::prop_assert!(lo <= day && day <= hi);
        }
    }
}
