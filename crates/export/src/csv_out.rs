//! CSV: one row per event (or dyad), a header of field names, RFC 4180 quoting.

use std::io::{Read, Write};

use aras_relations::{BalanceReport, Dyad, EventRow, TimelinePoint};
use serde::Serialize;

use crate::ExportError;

/// Writes `rows` as CSV with a header; `None` is an empty field, dates are ISO
/// (`2024-03-05`), booleans `true`/`false`, codes as written (`042`).
pub fn write_events_csv<W: Write>(rows: &[EventRow], out: W) -> Result<(), ExportError> {
    let mut writer = csv::Writer::from_writer(out);
    for row in rows {
        writer.serialize(row)?;
    }
    if rows.is_empty() {
        writer.write_record(crate::EVENT_COLUMNS)?;
    }
    writer.flush()?;
    Ok(())
}

/// Reads back what [`write_events_csv`] wrote. An empty optional field reads as `None`
/// (CSV cannot tell `Some("")` from `None`).
pub fn read_events_csv<R: Read>(input: R) -> Result<Vec<EventRow>, ExportError> {
    let mut reader = csv::Reader::from_reader(input);
    let mut rows = Vec::new();
    for row in reader.deserialize() {
        rows.push(row?);
    }
    Ok(rows)
}

/// Writes dyads as CSV (the fields of [`Dyad`]; `sign` as `cooperative`, `mixed`,
/// `hostile` or `neutral`).
pub fn write_dyads_csv<W: Write>(dyads: &[Dyad], out: W) -> Result<(), ExportError> {
    let mut writer = csv::Writer::from_writer(out);
    for dyad in dyads {
        writer.serialize(dyad)?;
    }
    writer.flush()?;
    Ok(())
}

/// Flat CSV rows: the csv crate cannot put a list in a cell, so lists become one
/// space-separated cell and fixed arrays become numbered columns.
#[derive(Serialize)]
struct TimelineCsv<'p> {
    start: jiff::civil::Date,
    label: &'p str,
    events: u32,
    a_to_b: u32,
    b_to_a: u32,
    verbal_cooperation: u32,
    material_cooperation: u32,
    verbal_conflict: u32,
    material_conflict: u32,
    goldstein_sum: f64,
    goldstein_mean: Option<f64>,
    reports: u64,
    /// Space-separated cluster ids.
    cluster_ids: String,
}

/// Writes a timeline as CSV, one row per bucket; `cluster_ids` space-separated.
pub fn write_timeline_csv<W: Write>(points: &[TimelinePoint], out: W) -> Result<(), ExportError> {
    let mut writer = csv::Writer::from_writer(out);
    for p in points {
        let ids: Vec<String> = p.cluster_ids.iter().map(i64::to_string).collect();
        writer.serialize(TimelineCsv {
            start: p.start,
            label: &p.label,
            events: p.events,
            a_to_b: p.a_to_b,
            b_to_a: p.b_to_a,
            verbal_cooperation: p.verbal_cooperation,
            material_cooperation: p.material_cooperation,
            verbal_conflict: p.verbal_conflict,
            material_conflict: p.material_conflict,
            goldstein_sum: p.goldstein_sum,
            goldstein_mean: p.goldstein_mean,
            reports: p.reports,
            cluster_ids: ids.join(" "),
        })?;
    }
    writer.flush()?;
    Ok(())
}

#[derive(Serialize)]
struct TriadCsv<'t> {
    record: &'static str,
    actor_1: &'t str,
    actor_2: &'t str,
    actor_3: &'t str,
    sign_12: aras_relations::Sign,
    sign_23: aras_relations::Sign,
    sign_13: aras_relations::Sign,
    class: aras_relations::TriadKind,
    events_12: u32,
    events_23: u32,
    events_13: u32,
    reading: &'t str,
}

#[derive(Serialize)]
struct HedgingCsv<'h> {
    record: &'static str,
    actor: &'h str,
    between_a: &'h str,
    between_b: &'h str,
    score: f64,
    hostility: f64,
    cooperation_a: f64,
    cooperation_b: f64,
    sign_a: aras_relations::Sign,
    sign_b: aras_relations::Sign,
    events_xa: u32,
    events_xb: u32,
    events_ab: u32,
    leans_to: Option<&'h str>,
}

/// Writes a balance report as two CSV tables: the triangles to `triads`, the hedging
/// scores to `hedging` (each with a header; a `record` column names the table).
pub fn write_balance_csv<W1: Write, W2: Write>(
    report: &BalanceReport,
    triads: W1,
    hedging: W2,
) -> Result<(), ExportError> {
    let mut writer = csv::Writer::from_writer(triads);
    for t in &report.triads {
        writer.serialize(TriadCsv {
            record: "triad",
            actor_1: &t.actors[0],
            actor_2: &t.actors[1],
            actor_3: &t.actors[2],
            sign_12: t.signs[0],
            sign_23: t.signs[1],
            sign_13: t.signs[2],
            class: t.kind,
            events_12: t.events[0],
            events_23: t.events[1],
            events_13: t.events[2],
            reading: &t.reading,
        })?;
    }
    writer.flush()?;
    let mut writer = csv::Writer::from_writer(hedging);
    for h in &report.hedging {
        writer.serialize(HedgingCsv {
            record: "hedging",
            actor: &h.actor,
            between_a: &h.between[0],
            between_b: &h.between[1],
            score: h.score,
            hostility: h.hostility,
            cooperation_a: h.cooperation[0],
            cooperation_b: h.cooperation[1],
            sign_a: h.signs[0],
            sign_b: h.signs[1],
            events_xa: h.events[0],
            events_xb: h.events[1],
            events_ab: h.events[2],
            leans_to: h.leans_to.as_deref(),
        })?;
    }
    writer.flush()?;
    Ok(())
}
