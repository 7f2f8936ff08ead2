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
