//! PLOVER event-type accuracy on the PLOVER gold-standard records
//! (`events_plover_gsr/PLOVER_GSR_CAMEO.json`): the share of records for which an event
//! aras codes in the record's text has the record's event type.
//!
//! The GSR uses the later PLOVER types; a coded CAMEO root is compared through
//! [`plover_types`]. The one `DOCUMENT` record (no event) is not scored.

use std::path::Path;

use aras_ingest::Document;

use crate::Engine;

/// The later PLOVER types a CAMEO root corresponds to: 02/10 DEMAND, 03 AGREE, 04
/// CONSULT, 05 SUPPORT, 06 COOPERATE, 07 AID, 08 CONCEDE or RETREAT, 09 INVESTIGATE, 11
/// DISAPPROVE, 12 REJECT, 13 THREATEN, 14 PROTEST, 15 MOBILIZE, 16 SANCTION, 17 COERCE,
/// 18/20 ASSAULT, 19 FIGHT.
pub fn plover_types(root: &str) -> &'static [&'static str] {
    match root {
        "02" | "10" => &["DEMAND"],
        "03" => &["AGREE"],
        "04" => &["CONSULT"],
        "05" => &["SUPPORT"],
        "06" => &["COOPERATE"],
        "07" => &["AID"],
        "08" => &["CONCEDE", "RETREAT"],
        "09" => &["INVESTIGATE"],
        "11" => &["DISAPPROVE"],
        "12" => &["REJECT"],
        "13" => &["THREATEN"],
        "14" => &["PROTEST"],
        "15" => &["MOBILIZE"],
        "16" => &["SANCTION"],
        "17" => &["COERCE"],
        "18" | "20" => &["ASSAULT"],
        "19" => &["FIGHT"],
        _ => &[],
    }
}

/// One GSR record as read.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct GsrRecord {
    pub id: String,
    pub event: String,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
}

/// How one record went.
#[derive(Debug, Clone)]
pub struct GsrOutcome {
    pub id: String,
    pub gold: String,
    pub text: String,
    /// Coded events as `CAMEO:TYPE`.
    pub coded: Vec<String>,
    pub hit: bool,
}

/// A GSR file problem.
#[derive(Debug, thiserror::Error)]
pub enum GsrError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Json {
        path: String,
        source: serde_json::Error,
    },
}

/// Reads the GSR JSON array.
pub fn read_gsr(path: &Path) -> Result<Vec<GsrRecord>, GsrError> {
    let text = std::fs::read_to_string(path).map_err(|source| GsrError::Io {
        path: path.display().to_string(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|source| GsrError::Json {
        path: path.display().to_string(),
        source,
    })
}

/// Codes one record's text; `None` for records that are not scored.
pub fn score_record(engine: &Engine, r: &GsrRecord) -> Option<GsrOutcome> {
    let text = r.text.as_ref()?;
    if r.event == "DOCUMENT" {
        return None;
    }
    let doc = Document {
        id: r.id.clone(),
        title: None,
        date: r.date.clone(),
        source: None,
        url: None,
        lang: None,
        text: text.clone(),
        origin: Default::default(),
    };
    let reading = crate::read(engine, &doc);
    let hit = reading
        .events
        .iter()
        .any(|e| plover_types(&e.root().to_string()).contains(&r.event.as_str()));
    Some(GsrOutcome {
        id: r.id.clone(),
        gold: r.event.clone(),
        text: text.clone(),
        coded: reading
            .events
            .iter()
            .map(|e| {
                format!(
                    "{}:{}",
                    e.cameo,
                    plover_types(&e.root().to_string()).join("/")
                )
            })
            .collect(),
        hit,
    })
}
