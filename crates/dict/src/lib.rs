//! Actor, agent and organisation dictionaries: our own text format
//! (`dict/README.md`), compiled at load into one aho-corasick automaton.
//!
//! A [`Dictionary`] holds [`Entry`] records (one per line of a `.tsv` file)
//! and finds their surface forms in text: whole words, longest leftmost,
//! ASCII-case-insensitive with a capitalisation rule (a form written with a
//! capital needs a capital in the text, so "turkey" the bird is not Turkey;
//! all-caps forms and acronyms match exactly, so "us" is never the USA),
//! straight and curly apostrophes alike. A mention that matches several
//! entries returns them all: ambiguity is reported, not hidden.
//!
//! A [`Gazetteer`] is the same matcher over `dict/places.tsv` (GeoNames
//! populated places with coordinates and population): where a text says an
//! event happens.
//!
//! ```
//! use aras_dict::{Dictionary, Kind, FormRole};
//!
//! let dict = Dictionary::builtin()?;
//! let text = "Iran’s intelligence service and Israel Defense Forces; Carnegie Russia Eurasia Center.";
//! let found: Vec<_> = dict.find(text).into_iter().map(|m| {
//!     let e = dict.entry(m.entries[0]);
//!     (m.text(text).to_string(), e.code.clone(), e.kind)
//! }).collect();
//! assert_eq!(found, [
//!     ("Iran".to_string(), "IRN".to_string(), Kind::Country),
//!     ("intelligence service".to_string(), "SPY".to_string(), Kind::Agent),
//!     ("Israel Defense Forces".to_string(), "ISRMIL".to_string(), Kind::Organization),
//!     ("Carnegie Russia Eurasia Center".to_string(), "".to_string(), Kind::Organization),
//! ]);
//! # Ok::<(), aras_dict::DictError>(())
//! ```

mod dictionary;
mod error;
mod format;
mod gazetteer;

pub use dictionary::{country_names, Dictionary, EntryId, Match, BUILTIN_SOURCES};
pub use error::DictError;
pub use format::{
    is_sector_code, parse_line, Entry, Form, FormRole, Kind, REGION_CODES, SECTOR_CODES,
};
pub use gazetteer::{Gazetteer, Place, PlaceId, PlaceMatch, BUILTIN_PLACES};
