//! Integration tests of aras-ingest, one test binary: every format and every kind of
//! bad input on the fixtures of `tests/fixtures/` and the shared corpus where present
//! (`ingest`), and properties (`props`).

mod fuzz_regressions;
mod html_extraction;
mod ingest;
mod props;
