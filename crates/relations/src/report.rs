//! One event record of `aras analyze` (SCHEMA.md) as an [`EventRow`], without a store:
//! what `aras analyze --format parquet` and the Spark recipe write. The dates are read
//! exactly as the store reads them, so a row from here equals the store's `--reports`
//! row for the same record, the cluster columns aside.

use aras_schema::records::{DocumentRecord, EventRecord};
use jiff::civil::Date;

use crate::EventRow;

/// A date as written in a record (`2025-06-13`, `2021-10`, `2023`): the first day it can
/// mean and its last day. Other TIMEX3 forms (weeks, decades, seasons) give `None`.
pub fn date_bounds(text: &str) -> Option<(Date, Date)> {
    let parts: Vec<&str> = text.split('-').collect();
    let num = |s: &str, len: usize| -> Option<i16> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y] => {
            let y = num(y, 4)?;
            Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?))
        }
        [y, m] => {
            let first = Date::new(num(y, 4)?, num(m, 2)? as i8, 1).ok()?;
            Some((first, first.last_of_month()))
        }
        [y, m, d] => {
            let day = Date::new(num(y, 4)?, num(m, 2)? as i8, num(d, 2)? as i8).ok()?;
            Some((day, day))
        }
        _ => None,
    }
}

/// The publication day of a document's metadata date (`2025-06-18`, or the day a
/// timestamp starts with); `None` for no date or a partial one (`2025-06`).
pub fn published_day(date: Option<&str>) -> Option<Date> {
    date.and_then(|d| d.get(..10)).and_then(|d| d.parse().ok())
}

impl EventRow {
    /// The row of one event record of the document `doc`, as one report that is its own
    /// cluster: `cluster_id` 0 (not clustered: only `aras ingest` links reports),
    /// `n_reports` and `n_documents` 1, `n_sources` 1 when the document names its
    /// publication, else 0 (the store counts distinct non-null publications). Empty
    /// codes, countries and texts are `None`, as the store reads them back.
    pub fn from_report(doc: &DocumentRecord, ev: &EventRecord) -> EventRow {
        let nonempty = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let side = |role: &Option<aras_schema::records::RoleRecord>| match role {
            Some(r) => (
                nonempty(&r.code),
                r.country.as_deref().and_then(nonempty),
                nonempty(&r.text),
            ),
            None => (None, None, None),
        };
        let (source_code, source_country, source_text) = side(&ev.source);
        let (target_code, target_country, target_text) = side(&ev.target);
        EventRow {
            cluster_id: 0,
            n_reports: 1,
            n_documents: 1,
            n_sources: u32::from(doc.source.is_some()),
            doc_id: ev.doc_id.clone(),
            event_id: ev.id.clone(),
            source_code,
            source_country,
            source_text,
            target_code,
            target_country,
            target_text,
            cameo: ev.cameo,
            root: ev.root,
            plover: ev.plover,
            quad_class: ev.quad_class,
            goldstein: ev.goldstein,
            date_text: ev.date.clone(),
            date: ev
                .date
                .as_deref()
                .and_then(date_bounds)
                .map(|(first, _)| first),
            date_precision: ev.date_precision,
            date_source: ev.date_source,
            published: published_day(doc.date.as_deref()),
            publication: doc.source.clone(),
            negated: ev.negated,
            modality: ev.modality,
            trigger: ev.trigger.text.clone(),
            evidence: ev.evidence.text.clone(),
            evidence_start: ev.evidence.start as u32,
            evidence_end: ev.evidence.end as u32,
            confidence: ev.confidence,
            url: doc.url.clone(),
            title: doc.title.clone(),
            location_text: ev.location.as_ref().map(|l| l.text.clone()),
            location_country: ev.location.as_ref().map(|l| l.country.clone()),
            location_lat: ev.location.as_ref().and_then(|l| l.lat),
            location_lon: ev.location.as_ref().and_then(|l| l.lon),
        }
    }
}
