//! Part-of-speech tagging and dependency parsing, trained here from Universal Dependencies.

pub mod clusters;
pub mod conllu;
pub mod model;
pub mod parser;
pub mod perceptron;
pub mod spelling;
pub mod tagger;
