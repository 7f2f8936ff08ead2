//! Lexicon parsing and the pattern language, table-driven.
use aras_events::{parse_pattern, CameoCode, Lexicon, Slot};

fn code(s: &str) -> CameoCode {
    s.parse().unwrap()
}

#[test]
fn builtin_lexicon_loads_and_covers_every_root() {
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let (codes, verbs, nouns) = lex.sizes();
    assert!(codes >= 300, "{codes} CAMEO codes");
    assert!(verbs >= 300, "{verbs} verb patterns");
    assert!(nouns >= 80, "{nouns} noun entries");
    for r in 1..=20 {
        let root = format!("{r:02}");
        assert!(
            lex.all_verb_patterns()
                .any(|p| p.code.is_some_and(|c| c.root() == root.as_str())),
            "no verb for root {root}"
        );
        let info = lex.cameo(code(&root)).expect("root in table");
        let quad = match r {
            1..=5 => 1,
            6..=8 => 2,
            9..=13 => 3,
            _ => 4,
        };
        assert_eq!(info.quad_class.number(), quad, "root {root}");
    }
    let a = lex.cameo(code("195")).unwrap();
    assert_eq!(a.plover, "ASSAULT");
    assert_eq!(a.goldstein, -10.0);
    assert_eq!(lex.cameo(code("111")).unwrap().quad_class.number(), 3);
}

/// lemma, pattern, has source, target slot, literals, complement (lemma, root).
type Case<'a> = (
    &'a str,
    &'a str,
    bool,
    Slot,
    &'a [&'a str],
    Option<(Option<&'a str>, Option<&'a str>)>,
);

#[test]
fn pattern_language() {
    let cases: &[Case] = &[
        ("attack", "SUBJ _ OBJ", true, Slot::Object, &[], None),
        (
            "meet",
            "SUBJ _ with OBJ",
            true,
            Slot::Prep("with".into()),
            &[],
            None,
        ),
        (
            "threaten",
            "SUBJ _ to VERB:19",
            true,
            Slot::None,
            &[],
            Some((None, Some("19"))),
        ),
        (
            "threaten",
            "SUBJ _ to VERB",
            true,
            Slot::None,
            &[],
            Some((None, None)),
        ),
        (
            "refuse",
            "SUBJ _ to meet",
            true,
            Slot::None,
            &[],
            Some((Some("meet"), None)),
        ),
        (
            "supply",
            "SUBJ _ weapon to OBJ",
            true,
            Slot::Prep("to".into()),
            &["weapon"],
            None,
        ),
        (
            "force",
            "SUBJ _ out OBJ",
            true,
            Slot::Object,
            &["out"],
            None,
        ),
        ("resign", "SUBJ _", true, Slot::None, &[], None),
        (
            "urge",
            "SUBJ _ OBJ to VERB:04",
            true,
            Slot::Object,
            &[],
            Some((None, Some("04"))),
        ),
    ];
    for (lemma, pat, source, slot, lits, comp) in cases {
        let p = parse_pattern(lemma, pat, code("190")).unwrap_or_else(|e| panic!("{pat}: {e}"));
        assert_eq!(p.source, *source, "{pat}");
        assert_eq!(&p.target, slot, "{pat}");
        assert_eq!(
            p.literals,
            lits.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            "{pat}"
        );
        let root = p
            .complement
            .as_ref()
            .and_then(|c| c.root)
            .map(|r| r.to_string());
        let got = p
            .complement
            .as_ref()
            .map(|c| (c.lemma.as_deref(), root.as_deref()));
        assert_eq!(got, *comp, "{pat}");
    }
}

#[test]
fn bad_patterns_are_errors() {
    for pat in [
        "SUBJ OBJ",
        "SUBJ _ _",
        "SUBJ _ OBJ OBJ",
        "SUBJ _ with OBJ OBJ",
        "SUBJ _ TARGET",
        "SUBJ _ to VERB:1",
        "SUBJ SUBJ _",
    ] {
        assert!(
            parse_pattern("x", pat, code("190")).is_err(),
            "{pat} should not parse"
        );
    }
}

#[test]
fn bad_files_name_the_line() {
    let cameo = "# c\n19\tFIGHT\tASSAULT\t4\t-10.0\n190\tUse force\tASSAULT\t4\t-10.0\n";
    assert!(Lexicon::from_sources(cameo, "attack\tSUBJ _ OBJ\t190\n", "").is_ok());
    let e = Lexicon::from_sources(cameo, "attack\tSUBJ _ OBJ\t999\n", "").unwrap_err();
    assert!(e.to_string().starts_with("verbs.tsv:1:"), "{e}");
    let e = Lexicon::from_sources(cameo, "\n\nattack\tSUBJ _ OBJ\n", "").unwrap_err();
    assert!(e.to_string().starts_with("verbs.tsv:3:"), "{e}");
    let e = Lexicon::from_sources("19\tx\tASSAULT\tfour\t1\n", "", "").unwrap_err();
    assert!(e.to_string().contains("not a number"), "{e}");
    let e = Lexicon::from_sources(cameo, "", "barrage\ton\t777\n").unwrap_err();
    assert!(e.to_string().starts_with("nouns.tsv:1:"), "{e}");
}
