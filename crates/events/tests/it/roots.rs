//! One fixture per CAMEO root (`fixtures/root_XX.txt`, sentences we wrote), snapshot-tested
//! with insta (`cargo insta review` after a lexicon, coder or model change). Needs the
//! model; skips with a message when it is absent.
use crate::common;

const FIXTURES: [(&str, &str); 20] = [
    ("01", include_str!("../fixtures/root_01.txt")),
    ("02", include_str!("../fixtures/root_02.txt")),
    ("03", include_str!("../fixtures/root_03.txt")),
    ("04", include_str!("../fixtures/root_04.txt")),
    ("05", include_str!("../fixtures/root_05.txt")),
    ("06", include_str!("../fixtures/root_06.txt")),
    ("07", include_str!("../fixtures/root_07.txt")),
    ("08", include_str!("../fixtures/root_08.txt")),
    ("09", include_str!("../fixtures/root_09.txt")),
    ("10", include_str!("../fixtures/root_10.txt")),
    ("11", include_str!("../fixtures/root_11.txt")),
    ("12", include_str!("../fixtures/root_12.txt")),
    ("13", include_str!("../fixtures/root_13.txt")),
    ("14", include_str!("../fixtures/root_14.txt")),
    ("15", include_str!("../fixtures/root_15.txt")),
    ("16", include_str!("../fixtures/root_16.txt")),
    ("17", include_str!("../fixtures/root_17.txt")),
    ("18", include_str!("../fixtures/root_18.txt")),
    ("19", include_str!("../fixtures/root_19.txt")),
    ("20", include_str!("../fixtures/root_20.txt")),
];

#[test]
fn every_root_fixture() {
    if common::model().is_none() {
        return;
    }
    let mut weak = Vec::new();
    for (root, src) in FIXTURES {
        let mut out = String::new();
        let mut sentences = 0;
        let mut hits = 0;
        for line in src
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let events = common::run(line).expect("model");
            sentences += 1;
            hits += usize::from(events.iter().any(|e| e.root() == root));
            out.push_str(line);
            out.push('\n');
            out.push_str(&common::summary(line, &events));
        }
        // Most sentences of a root's fixture must code to that root.
        if hits * 2 < sentences {
            weak.push(format!(
                "root {root}: {hits} of {sentences} sentences coded to the root"
            ));
        }
        insta::assert_snapshot!(format!("root_{root}"), out);
    }
    assert!(weak.is_empty(), "{}", weak.join("\n"));
}
