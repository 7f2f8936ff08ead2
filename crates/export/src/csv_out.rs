//! CSV: one row per event (or dyad), a header of field names, RFC 4180 quoting.

use std::io::{Read, Write};

use aras_relations::{Dyad, EventRow};

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
