//! Integration tests of aras-export, one test binary: GEXF and GraphML read back
//! (`graphs`), arbitrary strings through CSV (`props`), our Parquet read by pyarrow where
//! Python has it (`pyarrow`), and the event exports read back by independent readers
//! (`roundtrip`); `common` makes the synthetic rows.

mod analyst;
mod common;
mod graphs;
mod props;
mod pyarrow;
mod roundtrip;
