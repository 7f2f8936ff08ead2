//! Labelled dependency parsing.
