//! The dictionary readers: TABARI and PETRARCH actor, agent and verb dictionaries
//! (`aras dict import`, with the verb pattern converter), aras's own dictionary and
//! gazetteer lines, and PETRARCH validation records (`aras eval petrarch`).
//! The first byte picks the reader; the rest is the file.
//!
//! Must not panic. Checked besides: the importer accounts for every line
//! (`lines_read == loaded + ignored + rejected`), and what it writes for actors and
//! agents is loaded by aras's own dictionary reader without an error.
#![no_main]

use aras_import::{DictKind, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    match which % 9 {
        n @ 0..=5 => {
            let format = if n < 3 {
                Format::Petrarch
            } else {
                Format::Tabari
            };
            let kind = [DictKind::Actors, DictKind::Agents, DictKind::Verbs][usize::from(n % 3)];
            import(text, format, kind);
        }
        6 => {
            let (dict, errors) = aras_dict::Dictionary::from_sources_lenient(&[("fuzz.tsv", text)]);
            for e in &errors {
                let _ = (e.to_string(), e.line());
            }
            // Look the dictionary's own forms up in a text made of them.
            let _ = dict.find(text);
        }
        7 => match aras_dict::Gazetteer::from_sources(&[("fuzz.tsv", text)]) {
            Ok(g) => {
                let _ = g.find(text);
            }
            Err(e) => {
                let _ = e.to_string();
            }
        },
        _ => match aras_import::read_records(text) {
            Ok(file) => {
                for r in &file.records {
                    let _ = r.iso_date();
                }
            }
            Err(e) => {
                let _ = e.message.len();
            }
        },
    }
});

fn import(text: &str, format: Format, kind: DictKind) {
    let report = aras_import::import(text, format, kind);
    assert_eq!(
        report.lines_read,
        report.lines_loaded + report.lines_ignored + report.rejected.len(),
        "a line not accounted for"
    );
    let _ = report.reasons();
    match kind {
        DictKind::Verbs => {
            let dict = aras_import::read_verb_dictionary(text, format);
            let opts = aras_import::ConvertOptions::new(aras_import::CodeTable::builtin());
            let conversion = aras_import::convert_verb_dictionary(&dict, &opts);
            let header = aras_import::TsvHeader::new("fuzz.verbs", format, None, text);
            let _ = (conversion.to_tsv(&header), conversion.summary());
        }
        DictKind::Actors | DictKind::Agents => {
            if let Err(e) = aras_dict::Dictionary::from_sources(&[("imported", &report.output)]) {
                panic!("the importer wrote a line its own reader refuses: {e}");
            }
        }
    }
}
