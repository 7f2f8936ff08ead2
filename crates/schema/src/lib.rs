#![doc = include_str!("../../../SCHEMA.md")]
//!
//! ## This crate
//!
//! The bottom layer of the workspace: the words every other crate shares, defined once.
//!
//! | type | what |
//! |---|---|
//! | [`Span`] | a byte range of a document body |
//! | [`Modality`], [`is_factual`] | whether the text says an event happened; the one definition of a fact |
//! | [`DateSource`], [`DatePrecision`] | where an event's date comes from, how precise it is |
//! | [`CameoCode`], [`Root`], [`QuadClass`] | CAMEO codes parsed and validated, compared as codes |
//! | [`PloverType`] | PLOVER event types |
//! | [`ActorKind`], [`ActorResolution`], [`SpeakerResolution`], [`TimeKind`], [`Quantity`], [`LocationResolution`], [`LocationPrecision`] | the closed vocabularies of the other records |
//! | [`Record`] and the `*Record` types | the JSON Lines records, read and written with serde |
//!
//! Every vocabulary parses case-insensitively with `FromStr`, and an unknown word is a
//! [`ParseError`] that lists the valid ones, so a typo on the command line is a usage
//! error instead of an empty answer:
//!
//! ```
//! use aras_schema::{CameoCode, Modality};
//! assert_eq!("reported".parse::<Modality>(), Ok(Modality::Reported));
//! let err = "asertted".parse::<Modality>().unwrap_err();
//! assert!(err.to_string().contains("expected asserted, reported, intended, hypothetical, denied"));
//!
//! let code: CameoCode = "0421".parse().unwrap();
//! assert_eq!(code.root().to_string(), "04");
//! assert!(code.is_within(&"042".parse().unwrap()));
//! assert!("99".parse::<CameoCode>().is_err());
//! ```

mod cameo;
mod error;
mod modality;
pub mod numbers;
mod plover;
pub mod records;
mod span;
mod vocab;

pub use cameo::{CameoCode, QuadClass, Root};
pub use error::ParseError;
pub use modality::{is_factual, DatePrecision, DateSource, Modality};
pub use plover::PloverType;
pub use records::{
    ActorRecord, ClaimRecord, ClaimSourceRecord, DocumentRecord, EventRecord, LocationRecord,
    QuoteRecord, Record, RoleRecord, SpanText, SpeakerRecord, TimeRecord, SCHEMA_VERSION,
};
pub use span::Span;
pub use vocab::{
    ActorKind, ActorResolution, Direction, LocationPrecision, LocationResolution, Quantity,
    SpeakerResolution, TimeKind,
};
