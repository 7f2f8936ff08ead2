//! Part-of-speech tagging and dependency parsing, trained here from Universal Dependencies.

pub mod conllu;
pub mod perceptron;
