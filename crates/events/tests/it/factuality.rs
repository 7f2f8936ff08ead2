//! The factuality fixture (`fixtures/factuality.tsv`): negation, modality, denial,
//! reported speech and conditionals, with hand-written expectations. Needs the model.
use crate::common;

use aras_events::Event;

fn country(r: &Option<aras_events::Role>) -> String {
    r.as_ref().map_or("-".to_string(), |r| r.country.clone())
}

fn pair_ok(e: &Event, root: &str, src: &str, tgt: &str) -> bool {
    e.root() == root
        && (src == "*" || country(&e.source) == src || (src == "-*" && e.source.is_none()))
        && (tgt == "*" || country(&e.target) == tgt)
}

#[test]
fn factuality_fixture() {
    if common::model().is_none() {
        return;
    }
    let src = include_str!("../fixtures/factuality.tsv");
    let mut failures = Vec::new();
    let mut checked = 0;
    for line in src
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let (sentence, expects) = line.split_once('\t').expect("sentence<TAB>expectations");
        let events = common::run(sentence).expect("model");
        for exp in expects.split(';').map(str::trim).filter(|e| !e.is_empty()) {
            checked += 1;
            let mut parts = exp.split_whitespace();
            let head = parts.next().unwrap();
            let pair = parts.next().expect("SRC>TGT");
            let (s, t) = pair.split_once('>').expect("SRC>TGT");
            let flags: Vec<&str> = parts.collect();
            let ok = if let Some(root) = head.strip_prefix('!') {
                !events
                    .iter()
                    .any(|e| e.is_factual() && pair_ok(e, root, s, t))
            } else {
                let negated = flags.contains(&"negated");
                let modality = flags
                    .iter()
                    .copied()
                    .find(|f| *f != "negated")
                    .unwrap_or("asserted");
                events.iter().any(|e| {
                    pair_ok(e, head, s, t)
                        && e.negated == negated
                        && e.modality.as_str() == modality
                })
            };
            if !ok {
                failures.push(format!(
                    "{sentence}\n    expected {exp}\n    got:\n{}",
                    common::summary(sentence, &events)
                ));
            }
        }
    }
    assert!(checked > 40, "only {checked} expectations");
    assert!(
        failures.is_empty(),
        "{} of {checked} expectations failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
