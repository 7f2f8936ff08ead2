//! The shipped model: tagger and parser in one file, and the training pipeline.
