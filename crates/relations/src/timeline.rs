//! Timelines: how one dyad's relation moves, bucket by bucket.

use std::collections::BTreeSet;

use aras_schema::numbers::{round, widen, GOLDSTEIN_DECIMALS, RATIO_DECIMALS};
use aras_schema::QuadClass;
use jiff::civil::Date;
use jiff::ToSpan;
use serde::{Deserialize, Serialize};

use crate::dyads::{DyadOptions, Level};
use crate::EventRow;

/// The width of a timeline bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bucket {
    Day,
    /// ISO weeks, Monday to Sunday, labelled `2024-W10`.
    Week,
    #[default]
    Month,
    Year,
}

impl Bucket {
    /// The first day of the bucket holding `day`.
    pub fn start(&self, day: Date) -> Date {
        match self {
            Bucket::Day => day,
            Bucket::Week => {
                let back = i64::from(day.weekday().to_monday_zero_offset());
                day.checked_sub(back.days()).unwrap_or(day)
            }
            Bucket::Month => day.first_of_month(),
            Bucket::Year => day.first_of_year(),
        }
    }

    /// The first day of the bucket after the one starting at `start`, `None` past the
    /// end of the calendar.
    pub fn next(&self, start: Date) -> Option<Date> {
        match self {
            Bucket::Day => start.checked_add(1.day()).ok(),
            Bucket::Week => start.checked_add(1.week()).ok(),
            Bucket::Month => start.checked_add(1.month()).ok(),
            Bucket::Year => start.checked_add(1.year()).ok(),
        }
    }

    /// How a person names the bucket starting at `start`: `2024-03-05`, `2024-W10`,
    /// `2024-03`, `2024`.
    pub fn label(&self, start: Date) -> String {
        match self {
            Bucket::Day => start.to_string(),
            Bucket::Week => {
                let iso = start.iso_week_date();
                format!("{:04}-W{:02}", iso.year(), iso.week())
            }
            Bucket::Month => format!("{:04}-{:02}", start.year(), start.month()),
            Bucket::Year => format!("{:04}", start.year()),
        }
    }
}

impl std::str::FromStr for Bucket {
    type Err = crate::RelationsError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "day" => Ok(Bucket::Day),
            "week" => Ok(Bucket::Week),
            "month" => Ok(Bucket::Month),
            "year" => Ok(Bucket::Year),
            other => Err(crate::RelationsError::UnknownBucket(other.to_string())),
        }
    }
}

/// One bucket of a dyad's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelinePoint {
    /// First day of the bucket.
    pub start: Date,
    /// [`Bucket::label`] of `start`.
    pub label: String,
    /// Counted events in the bucket (0 for a filled gap).
    pub events: u32,
    /// Events with `a` as source.
    pub a_to_b: u32,
    /// Events with `b` as source.
    pub b_to_a: u32,
    pub verbal_cooperation: u32,
    pub material_cooperation: u32,
    pub verbal_conflict: u32,
    pub material_conflict: u32,
    pub goldstein_sum: f64,
    /// Mean Goldstein value, `None` for an empty bucket.
    pub goldstein_mean: Option<f64>,
    /// Sum of `n_reports`.
    pub reports: u64,
    /// The event clusters counted, ascending: the evidence to look up.
    pub cluster_ids: Vec<i64>,
}

impl TimelinePoint {
    fn empty(start: Date, bucket: Bucket) -> TimelinePoint {
        TimelinePoint {
            start,
            label: bucket.label(start),
            events: 0,
            a_to_b: 0,
            b_to_a: 0,
            verbal_cooperation: 0,
            material_cooperation: 0,
            verbal_conflict: 0,
            material_conflict: 0,
            goldstein_sum: 0.0,
            goldstein_mean: None,
            reports: 0,
            cluster_ids: Vec::new(),
        }
    }

    /// Counts by quad class, 1 to 4.
    pub fn quad_counts(&self) -> [u32; 4] {
        [
            self.verbal_cooperation,
            self.material_cooperation,
            self.verbal_conflict,
            self.material_conflict,
        ]
    }
}

/// A timeline of the dyad `a`–`b` in both directions, countries, factual events only.
/// See [`timeline_with`].
pub fn timeline(rows: &[EventRow], a: &str, b: &str, bucket: Bucket) -> Vec<TimelinePoint> {
    timeline_with(rows, a, b, bucket, &DyadOptions::default())
}

/// A timeline of the dyad `a`–`b`: one point per bucket from the first dated event's
/// bucket to the last's, empty buckets included so that gaps show.
///
/// `options` choose the level, factuality and, with `directed`, only `a` → `b`;
/// `focus`, `min_events` and `mixed_band` are not used. Events are placed by
/// [`EventRow::when`]; rows with no date at all are left out. The number of points is
/// the span between the first and last event over the bucket width, so one stray date
/// decades away makes a long timeline: filter the rows by date range first.
pub fn timeline_with(
    rows: &[EventRow],
    a: &str,
    b: &str,
    bucket: Bucket,
    options: &DyadOptions,
) -> Vec<TimelinePoint> {
    let level: Level = options.level;
    let mut dated: Vec<(Date, &EventRow, bool)> = rows
        .iter()
        .filter(|r| options.counts(r))
        .filter_map(|r| {
            let (s, t) = level.parties(r)?;
            let forward = s == a && t == b;
            let backward = s == b && t == a;
            if forward || (backward && !options.directed) {
                r.when().map(|d| (bucket.start(d), r, forward))
            } else {
                None
            }
        })
        .collect();
    dated.sort_by_key(|(d, r, _)| (*d, r.cluster_id));
    let (Some(first), Some(last)) = (dated.first().map(|x| x.0), dated.last().map(|x| x.0)) else {
        return Vec::new();
    };

    let mut points = Vec::new();
    let mut next_row = dated.iter().peekable();
    let mut start = first;
    loop {
        let mut point = TimelinePoint::empty(start, bucket);
        let mut clusters = BTreeSet::new();
        while let Some((_, row, forward)) = next_row.next_if(|(d, _, _)| *d == start) {
            point.events += 1;
            if *forward {
                point.a_to_b += 1;
            } else {
                point.b_to_a += 1;
            }
            match row.quad_class {
                QuadClass::VerbalCooperation => point.verbal_cooperation += 1,
                QuadClass::MaterialCooperation => point.material_cooperation += 1,
                QuadClass::VerbalConflict => point.verbal_conflict += 1,
                QuadClass::MaterialConflict => point.material_conflict += 1,
            }
            point.goldstein_sum += widen(row.goldstein);
            point.reports += u64::from(row.n_reports);
            clusters.insert(row.cluster_id);
        }
        point.goldstein_sum = round(point.goldstein_sum, GOLDSTEIN_DECIMALS);
        if point.events > 0 {
            point.goldstein_mean = Some(round(
                point.goldstein_sum / f64::from(point.events),
                RATIO_DECIMALS,
            ));
        }
        point.cluster_ids = clusters.into_iter().collect();
        points.push(point);
        match bucket.next(start) {
            Some(n) if start < last => start = n,
            _ => break,
        }
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn buckets() {
        // (bucket, day, start, label, next)
        let cases = [
            (
                Bucket::Day,
                date(2024, 2, 29),
                date(2024, 2, 29),
                "2024-02-29",
                date(2024, 3, 1),
            ),
            (
                Bucket::Week,
                date(2024, 3, 6),
                date(2024, 3, 4),
                "2024-W10",
                date(2024, 3, 11),
            ),
            (
                Bucket::Week,
                date(2021, 1, 1),
                date(2020, 12, 28),
                "2020-W53",
                date(2021, 1, 4),
            ),
            (
                Bucket::Month,
                date(2024, 1, 31),
                date(2024, 1, 1),
                "2024-01",
                date(2024, 2, 1),
            ),
            (
                Bucket::Year,
                date(2024, 7, 4),
                date(2024, 1, 1),
                "2024",
                date(2025, 1, 1),
            ),
        ];
        for (bucket, day, start, label, next) in cases {
            assert_eq!(bucket.start(day), start, "{bucket:?} {day}");
            assert_eq!(bucket.label(start), label, "{bucket:?} {day}");
            assert_eq!(bucket.next(start), Some(next), "{bucket:?} {day}");
        }
        assert_eq!("week".parse::<Bucket>(), Ok(Bucket::Week));
        assert!("fortnight".parse::<Bucket>().is_err());
    }
}
