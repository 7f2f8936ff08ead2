//! Table-driven tests of the builtin dictionaries and the matcher.

use std::collections::HashSet;

use aras_dict::{is_sector_code, parse_line, Dictionary, FormRole, Kind};
use proptest::prelude::*;

fn dict() -> &'static Dictionary {
    use std::sync::OnceLock;
    static D: OnceLock<Dictionary> = OnceLock::new();
    D.get_or_init(|| {
        let (d, errors) = Dictionary::from_sources_lenient(aras_dict::BUILTIN_SOURCES);
        let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(
            errors.is_empty(),
            "builtin dictionaries have errors:\n{}",
            errors.join("\n")
        );
        d
    })
}

/// (matched text, first entry's code, role of the form).
type Found = (String, String, FormRole);

/// A [`Found`] for every match.
fn found(text: &str) -> Vec<Found> {
    let d = dict();
    d.find(text)
        .iter()
        .map(|m| {
            (
                m.text(text).to_string(),
                d.entry(m.entries[0]).code.clone(),
                m.form_role,
            )
        })
        .collect()
}

fn t(s: &str, code: &str, role: FormRole) -> Found {
    (s.to_string(), code.to_string(), role)
}

#[test]
fn table() {
    use FormRole::*;
    let cases: Vec<(&str, Vec<Found>)> = vec![
        (
            "Azerbaijan’s president",
            vec![t("Azerbaijan", "AZE", Name), t("president", "GOV", Title)],
        ),
        ("Azerbaijan's", vec![t("Azerbaijan", "AZE", Name)]),
        ("the Kremlin said", vec![t("Kremlin", "RUS", Metonym)]),
        (
            "Carnegie Russia Eurasia Center",
            vec![t("Carnegie Russia Eurasia Center", "", Name)],
        ),
        ("turkey dinner", vec![]),
        ("Turkey", vec![t("Turkey", "TUR", Name)]),
        (
            "Azerbaijani police",
            vec![t("Azerbaijani", "AZE", Adj), t("police", "COP", Name)],
        ),
        ("Shi’ite", vec![t("Shi’ite", "MOSSHI", Adj)]),
        (
            "Shi'ites and Shiites",
            vec![t("Shi'ites", "MOSSHI", Name), t("Shiites", "MOSSHI", Name)],
        ),
        ("IDF", vec![t("IDF", "ISRMIL", Name)]),
        (
            "Israel Defense Forces",
            vec![t("Israel Defense Forces", "ISRMIL", Name)],
        ),
        ("U.S.", vec![t("U.S.", "USA", Name)]),
        ("US", vec![t("US", "USA", Name)]),
        ("United States", vec![t("United States", "USA", Name)]),
        ("America", vec![t("America", "USA", Short)]),
        ("American", vec![t("American", "USA", Adj)]),
        ("let us go; tell us", vec![]),
        ("UK", vec![t("UK", "GBR", Name)]),
        ("Britain", vec![t("Britain", "GBR", Short)]),
        ("British", vec![t("British", "GBR", Adj)]),
        ("Britons", vec![t("Britons", "GBR", Demonym)]),
        ("Iran’s", vec![t("Iran", "IRN", Name)]),
        ("Baku", vec![t("Baku", "AZE", Capital)]),
        ("Tabriz", vec![t("Tabriz", "IRN", City)]),
        (
            "ethnic Azeris in Iran",
            vec![t("ethnic Azeris", "", Name), t("Iran", "IRN", Name)],
        ),
        ("Azeris", vec![t("Azeris", "", Name)]),
        (
            "Iranian intelligence",
            vec![t("Iranian", "IRN", Adj), t("intelligence", "SPY", Name)],
        ),
        (
            "artificial intelligence",
            vec![t("artificial intelligence", "", Name)],
        ),
        (
            "Stockholm International Peace Research Institute",
            vec![t(
                "Stockholm International Peace Research Institute",
                "",
                Name,
            )],
        ),
        (
            "the White House and Downing Street",
            vec![
                t("White House", "USA", Metonym),
                t("Downing Street", "GBR", Metonym),
            ],
        ),
        ("a white house", vec![]),
        ("the Pentagon", vec![t("Pentagon", "USAMIL", Name)]),
        ("the Knesset", vec![t("Knesset", "ISRLEG", Name)]),
        ("Capitol Hill", vec![t("Capitol Hill", "USALEG", Metonym)]),
        (
            "the Élysée and the Elysee",
            vec![t("Élysée", "FRA", Metonym), t("Elysee", "FRA", Metonym)],
        ),
        ("Côte d’Ivoire", vec![t("Côte d’Ivoire", "CIV", Name)]),
        ("Nagorno-Karabakh", vec![t("Nagorno-Karabakh", "AZE", Name)]),
        (
            "Gaza and the West Bank",
            vec![t("Gaza", "PSE", Name), t("West Bank", "PSE", Name)],
        ),
        ("Crimea", vec![t("Crimea", "UKR", Name)]),
        ("Nakhchivan", vec![t("Nakhchivan", "AZE", Name)]),
        ("chad", vec![]),
        ("Chad", vec![t("Chad", "TCD", Name)]),
        (
            "Papua New Guinea and Guinea-Bissau",
            vec![
                t("Papua New Guinea", "PNG", Name),
                t("Guinea-Bissau", "GNB", Name),
            ],
        ),
        ("New Mexico", vec![t("New Mexico", "USA", Name)]),
        ("the South China Sea", vec![t("South China Sea", "", Name)]),
        ("Indiana", vec![]),
        (
            "NATO and Nato",
            vec![t("NATO", "IGONAT", Name), t("Nato", "IGONAT", Name)],
        ),
        (
            "UN Security Council",
            vec![t("UN Security Council", "IGOUNO", Name)],
        ),
        ("un-American", vec![t("American", "USA", Adj)]),
        (
            "Foreign Minister",
            vec![t("Foreign Minister", "GOV", Title)],
        ),
        ("TURKEY SAYS", vec![t("TURKEY", "TUR", Name)]),
        ("pro-Iranian", vec![t("Iranian", "IRN", Adj)]),
        ("Hezbollah", vec![t("Hezbollah", "LBNREB", Name)]),
        (
            "Revolutionary Guards",
            vec![t("Revolutionary Guards", "IRNMIL", Name)],
        ),
        (
            "Israel-Iran",
            vec![t("Israel", "ISR", Name), t("Iran", "IRN", Name)],
        ),
        ("Soviet Union", vec![t("Soviet Union", "RUS", Name)]),
        ("the general said", vec![t("general", "MIL", Title)]),
        (
            "East Azerbaijan province",
            vec![t("East Azerbaijan province", "IRN", Name)],
        ),
        (
            "the Islamic Republic",
            vec![t("Islamic Republic", "IRN", Short)],
        ),
        (
            "the press conference",
            vec![t("press conference", "", Name)],
        ),
        (
            "UN Secretary General",
            vec![t("UN Secretary General", "IGOUNO", Title)],
        ),
    ];
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = found(text);
        if got != want {
            failures.push(format!("{text:?}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn georgia_is_ambiguous() {
    let d = dict();
    let m = d.find("Georgia");
    assert_eq!(m.len(), 1);
    let first = d.entry(m[0].entries[0]);
    assert_eq!(first.code, "GEO");
    assert!(first.ambiguous().is_some());
    assert!(m[0].entries.len() >= 2, "the US state is returned too");
    assert!(m[0].entries.iter().any(|&id| d.entry(id).code == "USA"));
    assert_eq!(m[0].roles.len(), m[0].entries.len());
}

#[test]
fn turkey_jordan_chad_niger_record_ambiguity() {
    let d = dict();
    for (name, code) in [
        ("Turkey", "TUR"),
        ("Jordan", "JOR"),
        ("Chad", "TCD"),
        ("Niger", "NER"),
        ("Georgia", "GEO"),
    ] {
        let e = d
            .entries()
            .iter()
            .find(|e| e.code == code && e.kind == Kind::Country)
            .unwrap();
        assert!(e.ambiguous().is_some(), "{name} has no ambiguous= note");
    }
}

#[test]
fn builtin_data_is_sound() {
    let d = dict();
    let countries: Vec<_> = d
        .entries()
        .iter()
        .filter(|e| e.kind == Kind::Country)
        .collect();
    assert!(
        countries.len() >= 249,
        "{} country entries",
        countries.len()
    );
    let codes: HashSet<&str> = countries.iter().map(|e| e.code.as_str()).collect();
    assert!(codes.len() >= 249, "{} distinct country codes", codes.len());
    for e in &countries {
        assert!(
            e.code.len() == 3 && e.code.bytes().all(|b| b.is_ascii_uppercase()),
            "{}: {}",
            e.source,
            e.code
        );
        assert_eq!(e.country.as_deref(), Some(e.code.as_str()), "{}", e.source);
    }
    for e in d.entries().iter().filter(|e| e.kind == Kind::Agent) {
        if e.code.is_empty() {
            assert!(
                e.attr("note").is_some(),
                "{}: a stop phrase needs a note",
                e.source
            );
            continue;
        }
        for i in (0..e.code.len()).step_by(3) {
            assert!(
                is_sector_code(&e.code[i..i + 3]),
                "{}: unknown sector in {}",
                e.source,
                e.code
            );
        }
        assert!(e.country.is_none(), "{}", e.source);
    }
    for e in d.entries().iter().filter(|e| e.kind == Kind::Group) {
        assert!(e.country.is_none(), "{}: groups are not states", e.source);
        assert!(
            !codes.contains(e.code.as_str()),
            "{}: group code {} is a country code",
            e.source,
            e.code
        );
    }
    let mut seen = HashSet::new();
    let mut dups = Vec::new();
    // Date-limited entries (people in successive offices) may repeat a form.
    for e in d
        .entries()
        .iter()
        .filter(|e| e.from.is_none() && e.to.is_none())
    {
        for f in &e.forms {
            if !seen.insert((f.text.clone(), e.code.clone(), e.kind)) {
                dups.push(format!("{}: {} {}", e.source, f.text, e.code));
            }
        }
    }
    assert!(
        dups.is_empty(),
        "duplicate (form, code) pairs:\n{}",
        dups.join("\n")
    );
}

#[test]
fn every_form_finds_itself() {
    // Each form, alone, must be found with its entry among the results
    // (all-caps forms as written, others as written too).
    let d = dict();
    let mut missing = Vec::new();
    for id in d.ids() {
        let e = d.entry(id);
        for f in &e.forms {
            let m = d.find(&f.text);
            let ok = m
                .iter()
                .any(|m| m.start == 0 && m.end == f.text.len() && m.entries.contains(&id));
            if !ok {
                missing.push(format!("{}: {:?}", e.source, f.text));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "forms not found as themselves:\n{}",
        missing.join("\n")
    );
}

#[test]
fn errors_name_file_and_line() {
    let cases = [
        ("AZE\tcountry", 1, "expected 3 or 4"),
        ("AZE\tcontry\tAzerbaijan", 1, "unknown kind"),
        ("az\tcountry\tAzerbaijan", 1, "bad code"),
        ("AZEGOV\tcountry\tAzerbaijan", 1, "3 uppercase letters"),
        ("AZE\tcountry\tAzerbaijan|", 1, "empty surface form"),
        ("AZE\tcountry\tBaku@capitol", 1, "unknown form role"),
        ("AZE\tcountry\tAzerbaijan\tfrom=2020-13", 1, "bad date"),
        ("AZE\tcountry\tAzerbaijan\tnote", 1, "bad attribute"),
        ("AZE\tcountry\tAzerbaijan\tNote=x", 1, "bad attribute"),
        ("AZE\tcountry\tAzerbaijan\tnote=a;note=b", 1, "given twice"),
        ("AZE\tcountry\tAzerbaijan\tfrom=2020;to=2019", 1, "after"),
    ];
    for (line, n, msg) in cases {
        let text = format!("# header\n\n{line}\n");
        let err = Dictionary::from_sources(&[("dict/test.tsv", &text)]).unwrap_err();
        assert_eq!(err.line(), n + 2, "{line:?}");
        assert_eq!(err.source_name(), "dict/test.tsv");
        let s = err.to_string();
        assert!(s.starts_with(&format!("dict/test.tsv:{}: ", n + 2)), "{s}");
        assert!(s.contains(msg), "{line:?}: {s}");
    }
}

#[test]
fn parse_line_derives_country_and_sector() {
    let e = parse_line(
        "p",
        1,
        "AZEGOV\tperson\tCeyhun Bayramov|Bayramov@surname\trole=Foreign Minister;from=2020-07-16",
    )
    .unwrap()
    .unwrap();
    assert_eq!(
        (e.country.as_deref(), e.sector.as_deref()),
        (Some("AZE"), Some("GOV"))
    );
    assert_eq!(e.role.as_deref(), Some("Foreign Minister"));
    assert!(e.active_on("2025-06-18") && !e.active_on("2019"));
    let e = parse_line("o", 1, "IGOUNO\torganization\tUnited Nations")
        .unwrap()
        .unwrap();
    assert_eq!((e.country, e.sector.as_deref()), (None, Some("IGO")));
    let e = parse_line("g", 1, "MOSSHI\tgroup\tShia").unwrap().unwrap();
    assert_eq!((e.country, e.sector), (None, None));
    let e = parse_line("a", 1, "COP\tagent\tpolice").unwrap().unwrap();
    assert_eq!((e.country, e.sector.as_deref()), (None, Some("COP")));
    let e = parse_line("t", 1, "-\torganization\tChatham House\tnote=x")
        .unwrap()
        .unwrap();
    assert_eq!((e.code.as_str(), e.country), ("", None));
    let e = parse_line("t", 1, "\"\"\torganization\tChatham House")
        .unwrap()
        .unwrap();
    assert_eq!(e.code, "");
    let e = parse_line("t", 1, "MEA\tplace\tMiddle East")
        .unwrap()
        .unwrap();
    assert_eq!(e.country, None);
    // A trailing tab and CRLF are tolerated.
    assert!(parse_line("t", 1, "AZE\tcountry\tAzerbaijan\t\r\n")
        .unwrap()
        .is_some());
}

#[test]
fn lenient_loader_collects_errors() {
    let (d, errs) = Dictionary::from_sources_lenient(&[(
        "a",
        "AZE\tcountry\tAzerbaijan\nbad line\nIRN\tcountry\tIran\n",
    )]);
    assert_eq!(d.len(), 2);
    assert_eq!(errs.len(), 1);
    assert_eq!(
        errs[0].to_string().split(':').take(2).collect::<Vec<_>>(),
        ["a", "2"]
    );
}

#[test]
fn case_exact_attribute() {
    let d = Dictionary::from_sources(&[(
        "x",
        "USA\torganization\tApple\tcase=exact\nCVL\tagent\tApples\tcase=insensitive",
    )])
    .unwrap();
    assert_eq!(d.find("Apple").len(), 1);
    assert_eq!(d.find("APPLE").len(), 0);
    assert_eq!(d.find("apples").len(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn find_never_panics_and_respects_words(s in "\\PC{0,200}") {
        check(&s);
    }

    #[test]
    fn find_on_mixed_dictionary_text(parts in proptest::collection::vec(prop_oneof![
        Just("Azerbaijan"), Just("’s"), Just(" "), Just("US"), Just("us"), Just("Shi’ite"),
        Just("Élysée"), Just("é"), Just("-"), Just("Iran"), Just("ian"), Just("x"), Just("Georgia"),
        Just("Carnegie Russia"), Just(" Eurasia Center"), Just("日本"), Just("\n"), Just("IDF"),
    ], 0..30)) {
        check(&parts.concat());
    }
}

fn check(s: &str) {
    let d = dict();
    let mut last = 0;
    for m in d.find(s) {
        assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
        assert!(m.start < m.end && m.start >= last, "overlap or order");
        last = m.end;
        let text = &s[m.start..m.end];
        let first = text.chars().next().unwrap();
        let lastc = text.chars().next_back().unwrap();
        if first.is_alphanumeric() {
            assert!(
                !s[..m.start]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric),
                "{s:?} {text:?}"
            );
        }
        if lastc.is_alphanumeric() {
            assert!(
                !s[m.end..].chars().next().is_some_and(char::is_alphanumeric),
                "{s:?} {text:?}"
            );
        }
        assert!(!m.entries.is_empty());
    }
}

#[test]
fn stop_phrases_and_pos_limits() {
    let d = dict();
    let m = d.find("the general election");
    assert_eq!(m.len(), 1);
    assert!(d.entry(m[0].entries[0]).is_stop());
    let m = d.find("the general said");
    let e = d.entry(m[0].entries[0]);
    assert!(!e.is_stop() && e.allows_pos("NOUN") && !e.allows_pos("ADJ"));
    assert!(d
        .entries()
        .iter()
        .filter(|e| e.is_stop())
        .all(|e| e.kind == Kind::Agent));
}

#[test]
fn dictionary_is_a_shareable_value() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<Dictionary>();
}

/// Issue 16: graph nodes are labelled with the country's name from this table.
#[test]
fn issue16_country_names_by_code() {
    let names = aras_dict::country_names();
    for (code, want) in [
        ("AZE", "Azerbaijan"),
        ("GBR", "United Kingdom"),
        ("USA", "United States"),
        ("KSV", "Kosovo"),
    ] {
        assert_eq!(names.get(code).map(String::as_str), Some(want), "{code}");
    }
    assert!(names.len() >= 249, "{}", names.len());
    assert!(!names.contains_key("GOV"));
}
