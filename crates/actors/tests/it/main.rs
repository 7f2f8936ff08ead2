//! Integration tests of aras-actors, one test binary: the mechanisms, table by table
//! (`mechanisms`), properties (`props`), a snapshot of a fixture article (`snapshot`), and
//! the shared corpora where `../shared` is present (`corpora`).

mod corpora;
mod mechanisms;
mod props;
mod snapshot;
