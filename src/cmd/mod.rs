//! One module per subcommand: its flags and its `run`.

pub mod actors;
pub mod analyze;
pub mod dict;
pub mod eval;
pub mod events;
pub mod ingest;
pub mod parse;
pub mod quotes;
pub mod search;
pub mod store_args;
pub mod train;
