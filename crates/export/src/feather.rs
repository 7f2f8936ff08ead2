//! Arrow IPC files ("Feather" version 2): the event schema of [`crate::event_schema`],
//! metadata included, for R's `arrow::read_feather`, pandas' `read_feather` and Polars.
//! Uncompressed, so any Arrow reader opens it without a codec.

use std::io::{Read, Seek, Write};

use aras_relations::EventRow;
use arrow_ipc::reader::FileReader;
use arrow_ipc::writer::FileWriter;

use crate::parquet_out::{batch_to_rows, event_schema, events_to_batch, BATCH_ROWS};
use crate::ExportError;

/// Writes `rows` as an Arrow IPC file, record batches of [`BATCH_ROWS`] rows.
pub fn write_events_feather<W: Write>(rows: &[EventRow], out: W) -> Result<(), ExportError> {
    let schema = event_schema();
    let mut writer = FileWriter::try_new(out, &schema)?;
    for chunk in rows.chunks(BATCH_ROWS) {
        writer.write(&events_to_batch(chunk)?)?;
    }
    writer.finish()?;
    Ok(())
}

/// Reads an Arrow IPC file in the event schema back into rows (columns by name, as
/// [`crate::read_events_parquet`] does).
pub fn read_events_feather<R: Read + Seek>(input: R) -> Result<Vec<EventRow>, ExportError> {
    let reader = FileReader::try_new(input, None)?;
    let mut rows = Vec::new();
    for batch in reader {
        batch_to_rows(&batch?, &mut rows)?;
    }
    Ok(rows)
}
