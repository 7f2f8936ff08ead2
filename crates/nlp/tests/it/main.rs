//! Integration tests of aras-nlp, one test binary: the shipped model's accuracy on EWT
//! test (`model_accuracy`), the model container (`model_roundtrip`), the parser API on a
//! tiny hand-made treebank (`parser`), and the tagger's accuracy bar, ignored by default
//! (`tagger_accuracy`), and unseen verb forms (`unseen_forms`).

mod model_accuracy;
mod model_roundtrip;
mod parser;
mod tagger_accuracy;
mod unseen_forms;
