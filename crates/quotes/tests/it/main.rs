//! Integration tests of aras-quotes, one test binary: PolNeAR and the seed article where
//! `../shared` is present (`polnear`), properties (`props`), and a snapshot of a fixture
//! story (`snapshot`).

mod polnear;
mod props;
mod snapshot;
