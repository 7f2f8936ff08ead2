//! The accuracy bar on UD English EWT test: UPOS ≥ 95.0 with gold tokens.
//!
//! Training takes a few seconds in release but much longer in debug, so this is ignored
//! by default: `cargo test --release -p aras-nlp --test it tagger_accuracy -- --ignored`.
//! (The shipped-model test, which only loads weights, lives with the model code.)

use aras_nlp::conllu::{self, Sentence};
use aras_nlp::tagger::{Tagged, Tagger, TaggerOptions};
use std::path::Path;

fn load(path: &Path) -> Option<Vec<Sentence>> {
    conllu::parse(&std::fs::read_to_string(path).ok()?).ok()
}

#[test]
#[ignore = "trains on EWT: run with --release -- --ignored"]
fn ewt_test_upos_at_least_95() {
    let train = aras_testkit::require_shared!("data/ud/en_ewt-ud-train.conllu");
    let test = aras_testkit::require_shared!("data/ud/en_ewt-ud-test.conllu");
    let train = load(&train).expect("EWT train reads and parses");
    let test = load(&test).expect("EWT test reads and parses");
    let tagger = Tagger::train(&train, &TaggerOptions::default());
    let (mut words, mut upos, mut xpos) = (0usize, 0usize, 0usize);
    let mut out = Tagged::default();
    for s in &test {
        tagger.tag_into(&s.forms(), &mut out);
        for (i, w) in s.words.iter().enumerate() {
            words += 1;
            upos += (tagger.upos_name(out.upos[i]) == w.upos) as usize;
            xpos += (tagger.xpos_name(out.xpos[i]) == w.xpos) as usize;
        }
    }
    let (upos, xpos) = (
        100.0 * upos as f64 / words as f64,
        100.0 * xpos as f64 / words as f64,
    );
    eprintln!("EWT test: UPOS {upos:.2} XPOS {xpos:.2} over {words} words");
    assert!(upos >= 95.0, "UPOS {upos:.2} below 95.0");
    assert!(xpos >= 94.0, "XPOS {xpos:.2} below 94.0");
}
