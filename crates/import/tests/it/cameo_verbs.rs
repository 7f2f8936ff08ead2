//! `lexicon/cameo-verbs.tsv` is the converter's output for PETRARCH2's `CAMEO.2.0.txt`,
//! byte for byte (when `../shared` is present; without it the test says so and passes).

use aras_import::{convert_verb_file, Format};

#[test]
fn committed_cameo_verbs_is_the_converters_output() {
    let root = aras_testkit::workspace_root();
    // Without it, lexicon/cameo-verbs.tsv cannot be checked.
    let source = aras_testkit::require_shared!("data/eventdata/petrarch2/CAMEO.2.0.txt");
    let bytes = std::fs::read(&source).expect("CAMEO.2.0.txt reads");
    // As `aras dict import` reads it.
    let text = String::from_utf8_lossy(&bytes);
    let (dict, conv, tsv) = convert_verb_file(
        &text,
        Format::Petrarch,
        "CAMEO.2.0.txt",
        Some("cameo-verbs.tsv"),
    );
    // The reader takes all but one line of the dictionary; every pattern is reported.
    assert_eq!(dict.rejected.len(), 1, "{:?}", dict.rejected);
    let patterns: usize = dict.verbs.iter().map(|v| v.patterns.len()).sum();
    assert_eq!(conv.patterns.len(), patterns);
    assert_eq!(conv.converted() + conv.skipped(), patterns);
    let committed = std::fs::read_to_string(root.join("lexicon/cameo-verbs.tsv"))
        .expect("lexicon/cameo-verbs.tsv");
    assert!(
        committed == tsv,
        "lexicon/cameo-verbs.tsv is not the converter's output; regenerate it with \
         `cargo run --release -- dict import --format petrarch \
         ../shared/data/eventdata/petrarch2/CAMEO.2.0.txt --out lexicon/cameo-verbs.tsv`"
    );
}
