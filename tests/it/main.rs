//! Integration tests of the `aras` binary, one test binary: output formats, exit codes
//! and bad inputs (`cli`), issue 16's hangs and losses as a user meets them (`issue16`), the relation commands and the exports over a store
//! (`relations_cli`), snapshots of `aras analyze` (`snapshots_analyze`) and of what the
//! store commands print (`snapshots_store`), and ingest and the queries as a person runs
//! them, a kill -9 included (`store_cli`); `aras serve` driven in chromium over WebDriver
//! (`serve_browser`).

mod analyze_parquet;
mod cli;
mod issue16;
mod relations_cli;
mod serve_browser;
mod snapshots_analyze;
mod snapshots_store;
mod store_cli;
