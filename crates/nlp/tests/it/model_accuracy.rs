//! The committed model on EWT test (gold tokens, predicted tags), scored as
//! `shared/tools/conllu_eval.py` does. Two thresholds: the figures the shipped model was
//! measured at (a regression guard: retraining must never make it worse), and the
//! project's bar (UPOS 95.0, UAS 86.0, LAS 83.0, issue 2), reported loudly while the
//! model is short of it. Raise `SHIPPED` with every better model.
//! Skips with a message when the model file or the shared data is absent.

use aras_nlp::conllu;
use aras_nlp::model::{evaluate, AnalyzeScratch, Model};

/// UPOS, UAS, LAS the committed model was measured at.
const SHIPPED: (f64, f64, f64) = (95.35, 86.10, 83.30);
/// The project's bar (issue 2).
const BAR: (f64, f64, f64) = (95.0, 86.0, 83.0);

#[test]
fn committed_model_holds_its_accuracy_on_ewt_test() {
    let model_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/en_ewt.model");
    let Ok(bytes) = std::fs::read(model_path) else {
        eprintln!("skipping: model file {model_path} not found");
        return;
    };
    let test_path = aras_testkit::require_shared!("data/ud/en_ewt-ud-test.conllu");
    let text = std::fs::read_to_string(&test_path).expect("EWT test reads");
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
    for (name, got, bar) in [
        ("UPOS", s.upos, BAR.0),
        ("UAS", s.uas, BAR.1),
        ("LAS", s.las, BAR.2),
    ] {
        if got < bar {
            eprintln!("BELOW THE PROJECT BAR: {name} {got:.2} < {bar}");
        }
    }
    assert!(s.upos >= SHIPPED.0, "UPOS {:.2} < {}", s.upos, SHIPPED.0);
    assert!(s.uas >= SHIPPED.1, "UAS {:.2} < {}", s.uas, SHIPPED.1);
    assert!(s.las >= SHIPPED.2, "LAS {:.2} < {}", s.las, SHIPPED.2);
}
