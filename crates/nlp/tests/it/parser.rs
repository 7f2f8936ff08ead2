//! Parser API tests on a tiny hand-made treebank: it learns it, round-trips, and rejects
//! damaged bytes without panicking.

use aras_nlp::conllu;
use aras_nlp::parser::{Parser, ParserFormatError, ParserOptions};
use proptest::prelude::*;

const TINY: &str = "\
1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tsold\tsell\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tcar\tcar\tNOUN\tNN\t_\t2\tobj\t_\t_
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tcar\tcar\tNOUN\tNN\t_\t4\tnsubj:pass\t_\t_
3\twas\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_
4\tsold\tsell\tVERB\tVBN\t_\t0\troot\t_\t_
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tbought\tbuy\tVERB\tVBD\t_\t0\troot\t_\t_
3\ta\ta\tDET\tDT\t_\t5\tdet\t_\t_
4\tred\tred\tADJ\tJJ\t_\t5\tamod\t_\t_
5\thouse\thouse\tNOUN\tNN\t_\t2\tobj\t_\t_

";

fn tiny_parser() -> (Vec<conllu::Sentence>, Parser) {
    let sents = conllu::parse(TINY).unwrap();
    let opts = ParserOptions {
        epochs: 10,
        min_subtype_count: 1,
        // Three sentences give small averaged weights: keep them all.
        min_weight: 0.0,
        ..ParserOptions::default()
    };
    let p = Parser::train(&sents, &opts);
    (sents, p)
}

fn cols(s: &conllu::Sentence) -> (Vec<&str>, Vec<&str>, Vec<&str>) {
    (
        s.words.iter().map(|w| w.form.as_str()).collect(),
        s.words.iter().map(|w| w.upos.as_str()).collect(),
        s.words.iter().map(|w| w.xpos.as_str()).collect(),
    )
}

#[test]
fn learns_a_tiny_treebank_and_keeps_frequent_subtypes() {
    let (sents, p) = tiny_parser();
    assert!(p.labels().iter().any(|l| l == "nsubj:pass"));
    for s in &sents {
        let (f, u, x) = cols(s);
        let got = p.parse(&f, &u, &x);
        let want: Vec<(u32, &str)> = s
            .words
            .iter()
            .map(|w| (w.head.unwrap(), w.deprel.as_str()))
            .collect();
        assert_eq!(got, want);
    }
}

#[test]
fn always_returns_a_single_rooted_tree() {
    let (_, p) = tiny_parser();
    let words = [
        "colorless",
        "green",
        "ideas",
        "sleep",
        "furiously",
        "today",
        ".",
    ];
    let tags = ["ADJ", "ADJ", "NOUN", "VERB", "ADV", "NOUN", "PUNCT"];
    let got = p.parse(&words, &tags, &[]);
    assert_eq!(got.len(), words.len());
    assert_eq!(got.iter().filter(|(h, _)| *h == 0).count(), 1);
    assert!(got.iter().all(|(h, _)| (*h as usize) <= words.len()));
    assert!(p.parse(&[], &[], &[]).is_empty());
}

#[test]
fn round_trips_and_training_is_reproducible() {
    let (_, p) = tiny_parser();
    let mut bytes = Vec::new();
    p.write(&mut bytes);
    let mut input = bytes.as_slice();
    let back = Parser::read(&mut input).unwrap();
    assert!(input.is_empty());
    assert_eq!(back, p);
    let (_, again) = tiny_parser();
    assert_eq!(again, p);
}

#[test]
fn rejects_truncated_and_foreign_bytes() {
    let (_, p) = tiny_parser();
    let mut bytes = Vec::new();
    p.write(&mut bytes);
    for cut in 0..bytes.len() {
        assert!(Parser::read(&mut &bytes[..cut]).is_err(), "cut at {cut}");
    }
    assert_eq!(
        Parser::read(&mut &b"NOPE and more"[..]),
        Err(ParserFormatError::BadMagic)
    );
    let mut v2 = bytes.clone();
    v2[4] = 9;
    assert_eq!(
        Parser::read(&mut v2.as_slice()),
        Err(ParserFormatError::UnsupportedVersion(9))
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Flipped bytes anywhere in a valid block: an error or a parser, never a panic, and
    /// a parser that does read must still parse.
    #[test]
    fn damaged_blocks_never_panic(flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8)) {
        let (sents, p) = tiny_parser();
        let mut bytes = Vec::new();
        p.write(&mut bytes);
        for (at, x) in flips {
            let i = at % bytes.len();
            bytes[i] ^= x | 1;
        }
        if let Ok(q) = Parser::read(&mut bytes.as_slice()) {
            let (f, u, x) = cols(&sents[0]);
            prop_assert_eq!(q.parse(&f, &u, &x).len(), f.len());
        }
    }
}
