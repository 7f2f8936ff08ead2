//! Integration tests of aras-claims, one test binary: table-driven cases (`cases`),
//! properties (`props`), a snapshot of a fixture story (`snapshot`), and the shared
//! AFP/Xinhua news where `../shared` is present (`news`).

mod cases;
mod news;
mod props;
mod snapshot;
