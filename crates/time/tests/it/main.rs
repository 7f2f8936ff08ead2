//! Integration tests of aras-time, one test binary: table-driven expressions
//! (`expressions`), properties (`props`), a snapshot of a fixture article (`snapshot`),
//! and, where `../shared` is present, the seed article (`seed`) and TempEval-3
//! (`tempeval3`).

mod expressions;
mod props;
mod seed;
mod snapshot;
mod tempeval3;
