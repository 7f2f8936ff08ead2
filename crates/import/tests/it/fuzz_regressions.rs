//! Inputs the fuzz targets (fuzz/, issue 16) found failing, kept as regression tests.

use aras_import::{import, DictKind, Format};

/// An actor code that is not made of 3-character groups (`[ITHTV]`, in PETRARCH's own
/// validation dictionary) was written out as it was, and aras's dictionary reader then
/// refused the whole converted file. Such an entry is now rejected with a reason, and the
/// rest of the file still converts into lines the reader loads.
#[test]
fn issue16_fuzz_actor_code_not_in_groups_of_three_is_rejected() {
    for format in [Format::Petrarch, Format::Tabari] {
        let text =
            "ITHILEN_TELEVISION_ [ITHTV]\nAZERBAIJAN_ [AZE]\nBAKU_CITY_ [AZEGOV] [AB <991231]\n";
        let report = import(text, format, DictKind::Actors);
        assert_eq!(report.entries, 1, "{format:?}: {}", report.output);
        assert!(report.output.contains("AZE\t"), "{}", report.output);
        assert!(!report.output.contains("ITHTV"), "{}", report.output);
        assert_eq!(report.rejected.len(), 2, "{:?}", report.rejected);
        assert!(report.rejected[0].reason.contains("3-character groups"));
        assert_eq!(
            report.lines_read,
            report.lines_loaded + report.lines_ignored + 2
        );
        aras_dict::Dictionary::from_sources(&[("imported", &report.output)])
            .expect("the converted lines load");
    }
}

/// A control character (here escape bytes) inside a synonym was written into the form,
/// and aras's dictionary reader refused the whole converted file for it. The synonym is
/// now rejected with a reason; the entry keeps its other forms.
#[test]
fn issue16_fuzz_control_character_in_a_phrase_is_rejected() {
    let text = "AZERBAIJAN_ [AZE]\n+AZER\u{1b}\u{1b}I_\n+AZERI_\nPOLICE\u{7}_ [~COP]\n";
    for kind in [DictKind::Actors, DictKind::Agents] {
        let report = import(text, Format::Petrarch, kind);
        let control = |c: char| c.is_control() && c != '\n' && c != '\t';
        assert!(!report.output.chars().any(control), "{kind:?}");
        aras_dict::Dictionary::from_sources(&[("imported", &report.output)])
            .unwrap_or_else(|e| panic!("{kind:?}: {e}\n{}", report.output));
    }
    let report = import(text, Format::Petrarch, DictKind::Actors);
    assert!(
        report.output.contains("AZE\tcountry\tAzerbaijan|Azeri\n"),
        "{}",
        report.output
    );
    assert!(report
        .rejected
        .iter()
        .any(|r| r.line == 2 && r.reason.contains("control character")));
}

/// An agent code that is not made of 3-character groups (`[~CGOV]`, in PETRARCH's own
/// validation dictionary) was written out, and aras's dictionary reader refused the whole
/// converted file for it. It is now rejected with a reason.
#[test]
fn issue16_fuzz_agent_code_not_in_groups_of_three_is_rejected() {
    for format in [Format::Petrarch, Format::Tabari] {
        let text = "POLICEWOMAN_ [~CGOV]\nPOLICE_ [~COP]\nMINISTRY_ [GOVMED~]\n";
        let report = import(text, format, DictKind::Agents);
        assert_eq!(report.entries, 2, "{format:?}: {}", report.output);
        assert!(!report.output.contains("CGOV"), "{}", report.output);
        assert_eq!(report.rejected.len(), 1, "{:?}", report.rejected);
        assert!(report.rejected[0].reason.contains("3-character groups"));
        aras_dict::Dictionary::from_sources(&[("imported", &report.output)])
            .expect("the converted lines load");
    }
}

/// A country's entry with a restriction line of another code (`[AFGMIL]`) was written as
/// a `country` line with a 6-letter code, which aras's dictionary reader refuses (and with
/// it the whole converted file). That line is now an organization of that country.
#[test]
fn issue16_fuzz_country_entry_with_a_sector_code_period() {
    let text = "AFGHANISTAN_  [AFG]\n+AFGHAN_\n\t[AFGMIL 800101-891231]\n";
    let report = import(text, Format::Petrarch, DictKind::Actors);
    aras_dict::Dictionary::from_sources(&[("imported", &report.output)])
        .unwrap_or_else(|e| panic!("{e}\n{}", report.output));
    assert!(
        report.output.contains(
            "AFGMIL\torganization\tAfghanistan|Afghan\tcountry=AFG;from=1980-01-01;to=1989-12-31\n"
        ),
        "{}",
        report.output
    );
    assert!(
        report.output.contains("AFG\tcountry\tAfghanistan|Afghan"),
        "{}",
        report.output
    );
}
