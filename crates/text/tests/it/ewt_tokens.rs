//! Agreement of `tokenize` with UD EWT dev word segmentation.

use aras_text::eval::tokenization_scores;

#[test]
fn ewt_dev_tokenisation_matches_gold() {
    let path = aras_testkit::require_shared!("data/ud/en_ewt-ud-dev.conllu");
    let scores = tokenization_scores(&path).expect("read EWT dev");
    if std::env::var_os("ARAS_VERBOSE").is_some() {
        for m in &scores.mismatches {
            eprintln!("{}\n  gold {:?}\n  ours {:?}", m.text, m.gold, m.predicted);
        }
    }
    eprintln!(
        "EWT dev tokenisation: {}/{} sentences exact ({:.2}%), token F1 {:.4}, {} skipped",
        scores.exact,
        scores.sentences,
        100.0 * scores.sentence_accuracy(),
        scores.token_f1(),
        scores.skipped
    );
    assert!(scores.sentences > 1500, "too few sentences compared");
    assert!(
        scores.sentence_accuracy() >= 0.95,
        "sentence accuracy {:.4}",
        scores.sentence_accuracy()
    );
}
