//! One analysed document as the store takes it: the body plus the records of SCHEMA.md
//! that `aras analyze` writes for it. The store reads the JSON Lines contract (with the
//! record types of `aras-schema`, the ones the pipeline writes), so whatever `analyze`
//! writes (now or in a saved file) is what gets stored, and each record's JSON is kept
//! whole beside its columns.

use aras_schema::{
    ActorRecord, ClaimRecord, DocumentRecord, EventRecord, QuoteRecord, Record, TimeRecord,
};

use crate::StoreError;

/// A document's records, parsed, each with its JSON line.
#[derive(Debug, Clone)]
pub struct DocumentRecords {
    pub body: String,
    pub document: Stored<DocumentRecord>,
    pub actors: Vec<Stored<ActorRecord>>,
    pub times: Vec<Stored<TimeRecord>>,
    pub quotes: Vec<Stored<QuoteRecord>>,
    pub events: Vec<Stored<EventRecord>>,
    pub claims: Vec<Stored<ClaimRecord>>,
}

/// A parsed record and the JSON line it came from.
#[derive(Debug, Clone)]
pub struct Stored<T> {
    pub rec: T,
    pub json: String,
}

impl DocumentRecords {
    /// Parses the JSON Lines `aras analyze` writes for one document (the `document`
    /// record first or anywhere; unknown record types are ignored, as SCHEMA.md allows
    /// new ones).
    pub fn from_jsonl(body: impl Into<String>, jsonl: &str) -> Result<Self, StoreError> {
        let mut document = None;
        let (mut actors, mut times, mut quotes, mut events, mut claims) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (i, line) in jsonl.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let record = Record::from_json(line).map_err(|e| StoreError::Record {
                line: i + 1,
                message: e.to_string(),
            })?;
            let json = line.to_string();
            match record {
                Some(Record::Document(rec)) => document = Some(Stored { rec, json }),
                Some(Record::Actor(rec)) => actors.push(Stored { rec, json }),
                Some(Record::Time(rec)) => times.push(Stored { rec, json }),
                Some(Record::Quote(rec)) => quotes.push(Stored { rec, json }),
                Some(Record::Event(rec)) => events.push(Stored { rec, json }),
                Some(Record::Claim(rec)) => claims.push(Stored { rec, json }),
                None => {}
            }
        }
        let document = document.ok_or(StoreError::Record {
            line: 0,
            message: "no document record".into(),
        })?;
        Ok(DocumentRecords {
            body: body.into(),
            document,
            actors,
            times,
            quotes,
            events,
            claims,
        })
    }

    /// The publication day (`YYYY-MM-DD`) of the document's metadata date, if it has one.
    pub fn published(&self) -> Option<jiff::civil::Date> {
        aras_relations::published_day(self.document.rec.date.as_deref())
    }
}
