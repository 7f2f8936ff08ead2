//! Importers for TABARI and PETRARCH dictionaries, into aras's own dictionary
//! format.
//!
//! Actor and agent dictionaries become aras dictionary lines
//! (`CODE<TAB>KIND<TAB>FORMS[<TAB>ATTRIBUTES]`, see the `aras-dict` crate);
//! verb dictionaries become a typed [`VerbDictionary`] for event coding, and
//! [`convert_verb_dictionary`] turns one into lines of aras's verb pattern language
//! (`lexicon/README.md`).
//!
//! Every input line is accounted for: it is loaded (part of an entry), ignored
//! (blank, comment, markup such as `<!-- -->` or section tags) or rejected
//! with a reason, so `lines_read == lines_loaded + lines_ignored +
//! rejected.len()`.
//!
//! ```
//! use aras_import::{import, DictKind, Format};
//!
//! let text = "AZERBAIJAN_ [AZE]\n+AZERI_\nILHAM_ALIYEV_ [AZEELI]\n\t[AZEGOV >031031]\n";
//! let report = import(text, Format::Petrarch, DictKind::Actors);
//! assert_eq!(report.entries, 2);
//! assert!(report.output.contains("AZE\tcountry\tAzerbaijan|Azeri\n"));
//! assert!(report.output.contains("AZEGOV\tperson\tIlham Aliyev\tcountry=AZE;from=2003-10-31\n"));
//! assert!(report.output.contains("AZEELI\tperson\tIlham Aliyev\tcountry=AZE;to=2003-10-31\n"));
//! ```
//!
//! Dates: `YYMMDD` or `YYYYMMDD`; as in PETRARCH, two-digit years 00–30 are
//! 20YY and 31–99 are 19YY. Limits are inclusive, and a default code is
//! written for the periods that no restriction covers.

mod actors;
mod agents;
mod common;
mod countries;
mod ledger;
mod patterns;
mod people;
mod records;
mod verbs;

pub use common::{parse_date, Date};
pub use patterns::{
    convert_verb_dictionary, convert_verb_file, licence_lines, literal_lemma, CodeTable,
    Conversion, ConvertOptions, PatternLine, PatternReport, Skip, SkipReason, TsvHeader,
    VerbReport, LEMMAS, PREPOSITIONS,
};
pub use people::{
    generate_people_phoenix, phoenix_people, PeopleInput, PeopleReport, OURS_OTHER_FILES,
    PHOENIX_PEOPLE_FILES,
};
pub use records::{
    read_records, Discards, Expectation, ExpectedEvent, Record, RecordFile, RecordsError,
};
pub use verbs::{
    read_verb_dictionary, Synset, Transformation, VerbDictionary, VerbEntry, VerbPattern,
    VerbSynonym,
};

/// Which program's conventions the file follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// PETRARCH (`.txt` dictionaries; `#` comments; date restrictions on tab lines).
    Petrarch,
    /// TABARI (`.actors`, `.agents`, `.verbs`; `;` comments; restrictions on the line).
    Tabari,
}

impl Format {
    /// Lower-case name (`petrarch`, `tabari`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Petrarch => "petrarch",
            Format::Tabari => "tabari",
        }
    }

    /// Parses `petrarch` or `tabari` (any case).
    pub fn from_name(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "petrarch" | "petrarch2" | "phoenix" => Some(Format::Petrarch),
            "tabari" => Some(Format::Tabari),
            _ => None,
        }
    }

    /// Guesses the format from a file name: TABARI files end in `.actors`,
    /// `.agents` or `.verbs`; anything else is taken for PETRARCH.
    pub fn detect(file_name: &str) -> Format {
        let lower = file_name.to_ascii_lowercase();
        if lower.ends_with(".actors") || lower.ends_with(".agents") || lower.ends_with(".verbs") {
            Format::Tabari
        } else {
            Format::Petrarch
        }
    }
}

/// What a dictionary file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DictKind {
    /// Actors: named countries, people, organisations.
    Actors,
    /// Agents: common nouns that set a sector (`police` → `~COP`).
    Agents,
    /// Verbs with event-coding patterns.
    Verbs,
}

impl DictKind {
    /// Guesses the kind from the file name (`actors`, `agents`, `verbs` in
    /// it), else from the content: pattern lines (`- ... [code]`) make verbs,
    /// `[~CODE]`/`[CODE~]` codes make agents, anything else actors.
    pub fn detect(file_name: &str, text: &str) -> DictKind {
        let lower = file_name.to_ascii_lowercase();
        if lower.contains("verb") {
            return DictKind::Verbs;
        }
        if lower.contains("agent") {
            return DictKind::Agents;
        }
        if lower.contains("actor") {
            return DictKind::Actors;
        }
        let (mut patterns, mut agents, mut others) = (0usize, 0usize, 0usize);
        for line in text.lines().take(5000) {
            let t = line.trim();
            if t.starts_with("- ") && t.contains('[') {
                patterns += 1;
            } else if t.contains("[~") || t.contains("~]") {
                agents += 1;
            } else if t.contains('[') {
                others += 1;
            }
        }
        if patterns > 0 && patterns >= agents && patterns * 4 >= others {
            DictKind::Verbs
        } else if agents > others {
            DictKind::Agents
        } else {
            DictKind::Actors
        }
    }
}

/// A line that was not loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// 1-based line number.
    pub line: usize,
    /// The line as read.
    pub text: String,
    /// Why it was rejected.
    pub reason: String,
}

/// The result of importing one dictionary.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    /// Entries loaded: actor records, agent lines, verbs.
    pub entries: usize,
    /// Lines in the input.
    pub lines_read: usize,
    /// Lines that went into an entry (phrases, synonyms, restrictions,
    /// substitution sets, patterns, synsets).
    pub lines_loaded: usize,
    /// Blank lines, comments and markup.
    pub lines_ignored: usize,
    /// Lines rejected, with reasons.
    pub rejected: Vec<Rejection>,
    /// aras dictionary lines (actors, agents); empty for verbs.
    pub output: String,
}

impl ImportReport {
    /// Rejection reasons with their counts, most frequent first. Reasons that
    /// quote the offending text are grouped by their text up to the first quote.
    pub fn reasons(&self) -> Vec<(String, usize)> {
        let mut map: std::collections::HashMap<String, usize> = Default::default();
        for r in &self.rejected {
            let key = r.reason.split('\'').next().unwrap_or("").trim().to_string();
            *map.entry(key).or_default() += 1;
        }
        let mut v: Vec<_> = map.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }
}

/// Imports a dictionary. Actors and agents produce aras dictionary lines in
/// `output`; verbs are counted (`entries` = verbs) with `output` empty: use
/// [`import_verbs`] or [`read_verb_dictionary`] for their structure.
pub fn import(text: &str, format: Format, kind: DictKind) -> ImportReport {
    match kind {
        DictKind::Actors => actors::import_actors(text, format),
        DictKind::Agents => agents::import_agents(text, format),
        DictKind::Verbs => {
            let d = read_verb_dictionary(text, format);
            ImportReport {
                entries: d.verbs.len(),
                lines_read: d.lines_read,
                lines_loaded: d.lines_loaded,
                lines_ignored: d.lines_ignored,
                rejected: d.rejected,
                output: String::new(),
            }
        }
    }
}

/// Reads the verbs and their patterns of a verb dictionary (synsets and
/// transformations: see [`read_verb_dictionary`]).
pub fn import_verbs(text: &str, format: Format) -> (Vec<VerbEntry>, Vec<Rejection>) {
    let d = read_verb_dictionary(text, format);
    (d.verbs, d.rejected)
}
