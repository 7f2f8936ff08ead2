//! Sentence splitting and UD-style tokenisation, every piece with UTF-8 byte offsets
//! into the document body (see `SCHEMA.md`: offsets are what every record points at).
