//! Actor and agent dictionaries: our text format, compiled at load into automata.
