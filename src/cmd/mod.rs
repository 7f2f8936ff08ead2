//! One module per subcommand: its flags and its `run`.

pub mod actors;
pub mod analyze;
pub mod balance;
pub mod dict;
pub mod eval;
pub mod events;
pub mod export;
pub mod ingest;
pub mod parse;
pub mod quotes;
pub mod relation_args;
pub mod relations;
pub mod search;
pub mod serve;
pub mod store_args;
pub mod timeline;
pub mod train;
