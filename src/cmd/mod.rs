//! One module per subcommand: its flags and its `run`.

pub mod analyze;
pub mod dict;
pub mod eval;
pub mod parse;
pub mod train;
