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

const SMALL_CAMEO: &str = "04\tConsult\tCONSULT\t1\t1.0\n042\tVisit\tCONSULT\t1\t1.9\n043\tHost\tCONSULT\t1\t2.8\n19\tFight\tASSAULT\t4\t-10.0\n190\tUse force\tASSAULT\t4\t-10.0\n";

#[test]
fn code_column_null_code_and_pairs() {
    let verbs = "attack\tSUBJ _ OBJ\t---\nvisit\tSUBJ _ OBJ\t042:043\n";
    let lex = Lexicon::from_sources(SMALL_CAMEO, verbs, "").unwrap();
    let attack = &lex.verb_patterns("attack")[0];
    assert_eq!((attack.code, attack.reverse_code), (None, None));
    let visit = &lex.verb_patterns("visit")[0];
    assert_eq!(visit.code, Some(code("042")));
    assert_eq!(visit.reverse_code, Some(code("043")));
    for bad in ["042:999", "999:042", "042:", "--", "1901"] {
        let e = Lexicon::from_sources(SMALL_CAMEO, &format!("visit\tSUBJ _ OBJ\t{bad}\n"), "")
            .unwrap_err();
        assert!(e.to_string().starts_with("verbs.tsv:1:"), "{bad}: {e}");
    }
}

#[test]
fn fallback_tier_is_kept_apart() {
    let mut lex = Lexicon::from_sources(SMALL_CAMEO, "attack\tSUBJ _ OBJ\t190\n", "").unwrap();
    let second = "# generated\nattack\tSUBJ _ with OBJ\t1901\n\nflee\tSUBJ _ OBJ\t---\nattack\tSUBJ _ rocket\t190:19\n";
    assert_eq!(lex.add_fallback_verbs("second.tsv", second).unwrap(), 3);
    assert_eq!(lex.fallback_sizes(), (3, 2));
    // Our own patterns are what they were.
    assert_eq!(lex.verb_patterns("attack").len(), 1);
    assert!(lex.verb_patterns("flee").is_empty());
    let attack = lex.fallback_verb_patterns("attack");
    assert_eq!(attack.len(), 2);
    assert_eq!(attack[0].target, Slot::Prep("with".into()));
    assert_eq!(attack[1].literals, ["rocket"]);
    assert_eq!(attack[1].reverse_code, Some(code("19")));
    assert_eq!(lex.fallback_verb_patterns("flee")[0].code, None);
    assert!(lex.fallback_verb_patterns("meet").is_empty());
    // A 4-digit code the table lacks joins it under its parent.
    let added = lex.cameo(code("1901")).expect("1901 added");
    assert_eq!(added.quad_class.number(), 4);
    assert_eq!(added.plover, "ASSAULT");
    assert_eq!(lex.check_fallback_verbs().unwrap(), 3);

    // Errors name the file and the line: columns and codes at load, patterns when parsed.
    for (text, line) in [
        ("flee\tSUBJ _ OBJ\t191\n", 1),
        ("\nflee\tSUBJ _ OBJ\n", 2),
        ("flee\tSUBJ _ OBJ\t190\tx\n", 1),
        ("Flee\tSUBJ _ OBJ\t190\n", 1),
    ] {
        let mut lex = Lexicon::from_sources(SMALL_CAMEO, "", "").unwrap();
        let e = lex.add_fallback_verbs("bad.tsv", text).unwrap_err();
        assert!(
            e.to_string().starts_with(&format!("bad.tsv:{line}:")),
            "{e}"
        );
    }
    let mut lex = Lexicon::from_sources(SMALL_CAMEO, "", "").unwrap();
    lex.add_fallback_verbs("bad.tsv", "flee\tSUBJ _ OBJ\t190\nflee\tSUBJ OBJ\t190\n")
        .unwrap();
    let e = lex.check_fallback_verbs().unwrap_err();
    assert!(e.to_string().starts_with("bad.tsv:2:"), "{e}");
    // The line that parses is still there.
    assert_eq!(lex.fallback_verb_patterns("flee").len(), 1);
}

#[test]
fn builtin_second_tier_loads_every_line() {
    let lex = Lexicon::builtin().unwrap();
    let text = include_str!("../../../../lexicon/cameo-verbs.tsv");
    let lines = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .count();
    let (patterns, lemmas) = lex.fallback_sizes();
    assert_eq!(patterns, lines);
    assert!(patterns > 10_000 && lemmas > 1_000, "{patterns} {lemmas}");
    // Every line parses, and every code is a code of the table.
    assert_eq!(lex.check_fallback_verbs().unwrap(), lines);
    let mut n = 0;
    for lemma in lex.fallback_lemmas() {
        for p in lex.fallback_verb_patterns(lemma) {
            assert_eq!(p.lemma, lemma);
            for c in p.code.iter().chain(&p.reverse_code) {
                assert!(lex.cameo(*c).is_some(), "{lemma}: {c}");
            }
            n += 1;
        }
    }
    assert_eq!(n, lines);
    // Our own verbs.tsv is still all `verb_patterns` gives.
    let own = include_str!("../../../../lexicon/verbs.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .count();
    assert_eq!(lex.sizes().1, own);
    assert!(lex.verb_patterns("abscond").is_empty());
    let abscond = lex.fallback_verb_patterns("abscond");
    assert!(abscond
        .iter()
        .any(|p| p.literals == ["plan"] && p.code.is_none()));
}

#[test]
fn prepositions_agree_with_the_converter() {
    assert_eq!(aras_events::PREPOSITIONS, aras_import::PREPOSITIONS);
}
