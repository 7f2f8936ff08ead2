//! The model container: round trip, and clear errors (never a panic) for files that are
//! not ours, truncated or damaged.

use aras_nlp::conllu;
use aras_nlp::model::{train, Model, ModelError, TrainOptions};
use proptest::prelude::*;
use std::sync::OnceLock;

const TINY: &str = "\
1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tsold\tsell\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tcar\tcar\tNOUN\tNN\t_\t2\tobj\t_\t_
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tcar\tcar\tNOUN\tNN\t_\t4\tnsubj\t_\t_
3\twas\tbe\tAUX\tVBD\t_\t4\taux\t_\t_
4\tsold\tsell\tVERB\tVBN\t_\t0\troot\t_\t_
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tbought\tbuy\tVERB\tVBD\t_\t0\troot\t_\t_
3\ta\ta\tDET\tDT\t_\t5\tdet\t_\t_
4\tred\tred\tADJ\tJJ\t_\t5\tamod\t_\t_
5\thouse\thouse\tNOUN\tNN\t_\t2\tobj\t_\t_

";

fn model_bytes() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let sents = conllu::parse(TINY).unwrap();
        let mut opts = TrainOptions {
            folds: 3,
            ..TrainOptions::default()
        };
        opts.parser.epochs = 5;
        opts.tagger.epochs = 5;
        train(&sents, &[], &opts, &mut |_| {}).to_bytes()
    })
}

#[test]
fn round_trips_and_annotates() {
    let bytes = model_bytes();
    let m = Model::from_bytes(bytes).unwrap();
    assert_eq!(m.to_bytes(), bytes);
    let a = m.analyze(&["She", "sold", "the", "car", "."]);
    assert_eq!(a.words.len(), 5);
    assert_eq!(a.words.iter().filter(|w| w.head == 0).count(), 1);
    let mut s = conllu::parse(TINY).unwrap().remove(0);
    s.comments.push("# text = She sold the car.".into());
    let forms_before = s.forms().join(" ");
    m.annotate(&mut s);
    assert_eq!(s.forms().join(" "), forms_before);
    assert!(s
        .words
        .iter()
        .all(|w| w.head.is_some() && !w.deprel.is_empty()));
}

#[test]
fn names_what_is_wrong_with_a_bad_file() {
    let bytes = model_bytes();
    assert!(matches!(
        Model::from_bytes(b"PK\x03\x04 a zip file"),
        Err(ModelError::BadMagic)
    ));
    assert!(matches!(Model::from_bytes(b""), Err(ModelError::Truncated)));
    let mut v = bytes.to_vec();
    v[8] = 99;
    assert!(matches!(
        Model::from_bytes(&v),
        Err(ModelError::UnsupportedVersion(99))
    ));
    for cut in [9, 12, 20, 40, bytes.len() / 2, bytes.len() - 1] {
        assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    // A flipped byte in a compressed block is caught (by zstd or the checksum).
    let mut v = bytes.to_vec();
    let last = v.len() - 10;
    v[last] ^= 0x40;
    assert!(Model::from_bytes(&v).is_err());
    let err = Model::from_bytes(&bytes[..bytes.len() - 1]).unwrap_err();
    assert!(!err.to_string().is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn random_bytes_never_panic(mut v in proptest::collection::vec(any::<u8>(), 0..512), keep_magic in any::<bool>()) {
        if keep_magic && v.len() >= 12 {
            v[..8].copy_from_slice(b"ARASNLP\0");
            v[8..12].copy_from_slice(&1u32.to_le_bytes());
        }
        prop_assert!(Model::from_bytes(&v).is_err());
    }

    #[test]
    fn damaged_files_never_panic(flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6)) {
        let mut v = model_bytes().to_vec();
        for (at, x) in flips {
            let i = at % v.len();
            v[i] ^= x | 1;
        }
        let _ = Model::from_bytes(&v);
    }
}
