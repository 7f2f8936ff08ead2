//! Arbitrary text never panics and every line is accounted for.

use aras_import::{import, DictKind, Format};
use proptest::prelude::*;

fn dict_like() -> impl Strategy<Value = String> {
    // Lines built from the characters that matter to the readers.
    let line = proptest::collection::vec(
        prop_oneof![
            Just("ABC".to_string()),
            Just("_".to_string()),
            Just(" ".to_string()),
            Just("\t".to_string()),
            Just("[".to_string()),
            Just("]".to_string()),
            Just("{".to_string()),
            Just("}".to_string()),
            Just("|".to_string()),
            Just("~".to_string()),
            Just("!".to_string()),
            Just("=".to_string()),
            Just("+".to_string()),
            Just("-".to_string()),
            Just("---".to_string()),
            Just("<".to_string()),
            Just(">".to_string()),
            Just("<!--".to_string()),
            Just("-->".to_string()),
            Just("#".to_string()),
            Just(";".to_string()),
            Just("&".to_string()),
            Just("990101".to_string()),
            Just("20200230".to_string()),
            Just("ä".to_string()),
            "[a-zA-Z0-9 ]{0,6}",
        ],
        0..10,
    )
    .prop_map(|v| v.concat());
    proptest::collection::vec(line, 0..12).prop_map(|v| v.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn never_panics_and_accounts_for_lines(text in prop_oneof![dict_like(), any::<String>()]) {
        for kind in [DictKind::Actors, DictKind::Agents, DictKind::Verbs] {
            for format in [Format::Petrarch, Format::Tabari] {
                let r = import(&text, format, kind);
                prop_assert_eq!(r.lines_read, text.lines().count());
                prop_assert_eq!(r.lines_read, r.lines_loaded + r.lines_ignored + r.rejected.len());
                for line in r.output.lines().filter(|l| !l.starts_with('#')) {
                    let cols: Vec<&str> = line.split('\t').collect();
                    prop_assert!(cols.len() == 3 || cols.len() == 4, "bad line {:?}", line);
                    prop_assert!(!cols[2].is_empty());
                }
            }
        }
    }
}
