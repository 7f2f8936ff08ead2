//! The Phoenix people converter: its rules on a snippet of our own, and
//! `dict/people-phoenix.tsv` reproduced byte for byte from ../shared.

use std::path::PathBuf;

use aras_import::{generate_people_phoenix, phoenix_people, PeopleInput};

/// A snippet in the shape of Phoenix.Countries.actors.txt (names and dates
/// of our own invention).
const SNIPPET: &str = "\
# comment
RUTANIA_  [RUT]
JOHN_Q._EXAMPLE_  # a head of state
+PRESIDENT_JOHN_Q._EXAMPLE
+PRESIDENT_EXAMPLE
+JOHN_EXAMPLE
\t[RUTELI 600101-950101]
\t[RUTGOV 950101-050101]
MARIA_SAMPLE_
\t[RUTELI]
FOREIGN_MINISTER_
\t[RUTGOV 950101-050101]
RUTANIAN_SECRETARY_GENERAL_
\t[RUTGOV 950101-050101]
KIM_JONG-SU_
\t[DDRGOV 800101-891231]
ANNA_OURS_
\t[RUTGOV 900101-]
\t[RUTGOV >100101]
";

const OURS: &str = "RUTGOV\tperson\tAnna Ours|Ours@surname\trole=President;from=2012-05-01\n";
const COUNTRIES: &str = "RUT\tcountry\tRutania|Rutanian@adj\nDEU\tcountry\tGermany\n";

fn convert() -> aras_import::PeopleReport {
    phoenix_people(&PeopleInput {
        sources: vec![("snippet.txt", SNIPPET)],
        ours_people: OURS,
        ours_other: vec![("countries.tsv", COUNTRIES)],
        provenance: vec!["test".to_string()],
    })
}

#[test]
fn snippet_conversion() {
    let r = convert();
    let lines: Vec<&str> = r.output.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        lines,
        [
            // Elite outside office; titles and a surname alone are dropped.
            "RUTELI\tperson\tJohn Q. Example|John Example\tfrom=1960-01-01;to=1994-12-31",
            "RUTGOV\tperson\tJohn Q. Example|John Example\tfrom=1995-01-01;to=2005-01-01",
            // Former states as their successor; hyphenated names permissive.
            "DEUGOV\tperson\tKim Jong-su\tfrom=1980-01-01;to=1989-12-31",
            // Ours wins from its first day: Phoenix keeps the years before.
            "RUTGOV\tperson\tAnna Ours\tfrom=2010-01-01;to=2012-04-30",
        ]
    );
    assert_eq!(r.people, 3);
    assert_eq!(r.clipped_by_ours, 1);
    assert_eq!(r.dropped.get("person: no dated office"), Some(&1));
    assert_eq!(r.dropped.get("person: no full-name form left"), Some(&1));
    assert_eq!(r.dropped.get("form: surname or one name alone"), Some(&1));
    assert_eq!(r.dropped.get("form: a title only"), Some(&1));
    // The malformed restriction `[RUTGOV 900101-]` is a rejected line.
    assert_eq!(r.rejected.len(), 1);
    // Every line loads.
    for (i, l) in r.output.lines().enumerate() {
        aras_dict::parse_line("out.tsv", i + 1, l).expect("the output is our format");
    }
}

#[test]
fn people_phoenix_is_reproduced() {
    aras_testkit::require_shared!("data/eventdata/petrarch2/Phoenix.Countries.actors.txt");
    let base = aras_testkit::require_shared!("data/eventdata");
    let dict = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../dict"));
    let report = generate_people_phoenix(&base, &dict).expect("the sources are readable");
    let committed =
        std::fs::read_to_string(dict.join("people-phoenix.tsv")).expect("dict/people-phoenix.tsv");
    if report.output != committed {
        let (n, (want, got)) = report
            .output
            .lines()
            .zip(committed.lines())
            .enumerate()
            .find(|(_, (a, b))| a != b)
            .map(|(i, (a, b))| (i + 1, (a, b)))
            .unwrap_or((0, ("(length)", "(length)")));
        panic!(
            "dict/people-phoenix.tsv is not what the generator writes (line {n}: generated {want:?}, \
             committed {got:?}); after editing dict/people.tsv or the other dictionaries, run \
             `cargo run --release -p aras-import --example phoenix_people > dict/people-phoenix.tsv`"
        );
    }
    assert!(report.people > 15_000, "{} people", report.people);
    // 20 since issue 16: two names whose letter was replaced by a SUB control character
    // (`LIAMINE_Z\x1aROUAL_`, `JAN_STRASK\x1aY`) are rejected with their restriction lines
    // (aras's reader refuses control characters in a form), and so is a 10-letter code.
    assert!(report.rejected.len() <= 20, "{:?}", report.rejected);
}
