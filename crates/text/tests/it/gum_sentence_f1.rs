//! Sentence-boundary F1 of `segment` on the GUM news documents.

use aras_text::eval::sentence_boundary_scores;

#[test]
fn gum_news_sentence_boundary_f1() {
    let dir = aras_testkit::require_shared!("data/ud/gum-news");
    let scores = sentence_boundary_scores(&dir).expect("read GUM news");
    let verbose = std::env::var_os("ARAS_VERBOSE").is_some();
    for file in &scores.files {
        eprintln!(
            "{:40} gold {:3} predicted {:3} correct {:3}",
            file.name, file.gold, file.predicted, file.correct
        );
        if verbose {
            for m in &file.missed {
                eprintln!("    missed   {m}");
            }
            for s in &file.spurious {
                eprintln!("    spurious {s}");
            }
        }
    }
    eprintln!(
        "GUM news sentence boundaries: P {:.4} R {:.4} F1 {:.4} (gold {}, predicted {}, correct {})",
        scores.precision, scores.recall, scores.f1, scores.gold, scores.predicted, scores.correct
    );
    assert!(scores.f1 >= 0.95, "F1 {:.4} below 0.95", scores.f1);
}
