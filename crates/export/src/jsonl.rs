//! JSON Lines: one type-tagged object per line (`{"type":"event",…}`,
//! `{"type":"dyad",…}`), so one stream can carry several kinds of record.

use std::io::Write;

use aras_relations::{Dyad, EventRow};
use serde::Serialize;

use crate::ExportError;

#[derive(Serialize)]
struct Tagged<'a, T> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    record: &'a T,
}

/// Writes any serialisable records as `{"type": kind, …fields}` lines, e.g.
/// `write_tagged("timeline", &points, out)` or `write_tagged("triad", &report.triads,
/// out)`. The record must serialise as a struct (a JSON object).
pub fn write_tagged<T: Serialize, W: Write>(
    kind: &'static str,
    records: &[T],
    out: W,
) -> Result<(), ExportError> {
    let mut out = std::io::BufWriter::new(out);
    for record in records {
        serde_json::to_writer(&mut out, &Tagged { kind, record })?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

/// One `{"type":"event", <EventRow fields>}` per line; `null` for `None`.
pub fn write_events_jsonl<W: Write>(rows: &[EventRow], out: W) -> Result<(), ExportError> {
    write_tagged("event", rows, out)
}

/// One `{"type":"dyad", <Dyad fields>}` per line.
pub fn write_dyads_jsonl<W: Write>(dyads: &[Dyad], out: W) -> Result<(), ExportError> {
    write_tagged("dyad", dyads, out)
}
