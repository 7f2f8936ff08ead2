//! Runs the importer over the real TABARI/PETRARCH dictionaries in
//! ../shared/data/eventdata (never copied into the repository) and checks
//! that the counts are sane.

use aras_import::{import, DictKind, Format};

/// (path under data/eventdata, minimum entries expected).
const FILES: &[(&str, usize)] = &[
    ("TABARI-Dictionaries/CAMEO.ECS.120522.actors", 400),
    ("TABARI-Dictionaries/CAMEO.RCS.120521.actors", 1000),
    ("TABARI-Dictionaries/Internatnl.120521.actors", 7000),
    ("TABARI-Dictionaries/Levant.080629.actors", 5000),
    ("TABARI-Dictionaries/PSU.120522.agents", 2000),
    ("TABARI-Dictionaries/CAMEO.080612.verbs", 1000),
    ("petrarch2/Phoenix.Countries.actors.txt", 15000),
    ("petrarch2/Phoenix.International.actors.txt", 7000),
    ("petrarch2/Phoenix.MilNonState.actors.txt", 900),
    ("petrarch2/Phoenix.agents.txt", 2000),
    ("petrarch2/PETR.Validate.actors.txt", 100),
    ("petrarch2/PETR.Validate.agents.txt", 80),
    ("petrarch2/PETR.Validate.verbs.txt", 200),
    ("petrarch2/CAMEO.verbpatterns.150430.txt", 300),
    ("UniversalPetrarch/PETR.Validate.actors.txt", 100),
    ("UniversalPetrarch/PETR.Validate.verbs.2.0.txt", 50),
];

#[test]
fn real_dictionaries_import() {
    let base = aras_testkit::require_shared!("data/eventdata");
    let mut failures = Vec::new();
    for (rel, min_entries) in FILES {
        let path = base.join(rel);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // Some files have a few Latin-1 bytes; replace them rather than fail.
        let text = String::from_utf8_lossy(&bytes);
        let format = Format::detect(rel);
        let kind = DictKind::detect(rel, &text);
        let r = import(&text, format, kind);
        assert_eq!(r.lines_read, text.lines().count(), "{rel}");
        assert_eq!(
            r.lines_read,
            r.lines_loaded + r.lines_ignored + r.rejected.len(),
            "{rel}: every line loaded, ignored or rejected"
        );
        // Lines that hold other kinds of data (TABARI discards and
        // part-of-speech word lists in .actors files) are rejected with a
        // "not an actor" reason and do not count against the loading rate.
        let other_data = r
            .rejected
            .iter()
            .filter(|x| x.reason.contains("not an actor"))
            .count();
        let entry_lines = r.lines_read - r.lines_ignored - other_data;
        let rate = r.lines_loaded as f64 / entry_lines.max(1) as f64;
        let reasons = r
            .reasons()
            .iter()
            .take(5)
            .map(|(k, n)| format!("{n}× {k}"))
            .collect::<Vec<_>>()
            .join("; ");
        eprintln!(
            "{rel}: {kind:?}/{}: {} lines, {} entries, {} lines loaded ({:.1}% of entry lines), {} ignored, {} rejected [{reasons}]",
            format.name(),
            r.lines_read,
            r.entries,
            r.lines_loaded,
            rate * 100.0,
            r.lines_ignored,
            r.rejected.len()
        );
        if rate <= 0.9 {
            failures.push(format!(
                "{rel}: only {:.1}% of entry lines loaded",
                rate * 100.0
            ));
        }
        if r.entries < *min_entries {
            failures.push(format!("{rel}: {} entries < {min_entries}", r.entries));
        }
        // Output lines have the aras shape.
        for line in r.output.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert!(cols.len() == 3 || cols.len() == 4, "{rel}: {line:?}");
            assert!(
                matches!(
                    cols[1],
                    "country" | "agent" | "organization" | "person" | "group" | "place"
                ),
                "{rel}: {line:?}"
            );
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
