//! The committed model meets the project's bar on EWT test (gold tokens, predicted tags):
//! UPOS >= 95.0, UAS >= 86.0, LAS >= 83.0, scored as `shared/tools/conllu_eval.py` does.
//! Skips with a message when the model file or the shared data is absent.

use aras_nlp::conllu;
use aras_nlp::model::{evaluate, AnalyzeScratch, Model};

#[test]
fn committed_model_meets_the_bar_on_ewt_test() {
    let model_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/en_ewt.model");
    let shared = std::env::var("ARAS_SHARED")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared").to_string());
    let test_path = format!("{shared}/data/ud/en_ewt-ud-test.conllu");
    let Ok(bytes) = std::fs::read(model_path) else {
        eprintln!("skipping: model file {model_path} not found");
        return;
    };
    let Ok(text) = std::fs::read_to_string(&test_path) else {
        eprintln!("skipping: {test_path} not found (set ARAS_SHARED)");
        return;
    };
    let model = Model::from_bytes(&bytes).expect("the committed model loads");
    let gold = conllu::parse(&text).expect("EWT test parses");
    let mut pred = gold.clone();
    let mut scratch = AnalyzeScratch::default();
    for s in &mut pred {
        model.annotate_with(s, &mut scratch);
    }
    let s = evaluate(&gold, &pred);
    eprintln!(
        "EWT test: UPOS {:.2} UAS {:.2} LAS {:.2} ({} words)",
        s.upos, s.uas, s.las, s.words
    );
    assert!(s.words > 20_000);
    assert!(s.upos >= 95.0, "UPOS {:.2} < 95.0", s.upos);
    assert!(s.uas >= 86.0, "UAS {:.2} < 86.0", s.uas);
    assert!(s.las >= 83.0, "LAS {:.2} < 83.0", s.las);
}
