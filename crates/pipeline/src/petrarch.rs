//! The PETRARCH unit-test records run through aras: each record's sentence is read by the
//! whole pipeline (our tokenizer, tagger, parser, actor extraction and event coder) with
//! the dictionaries the records file names, imported by `aras-import`, and the coded event
//! set is compared with the record's. The records' own parse trees are not used.
//!
//! How the dictionaries are used:
//! - actors and agents: imported into aras dictionary lines; an actor whose code is three
//!   letters is a primary (country-level) actor, as in PETRARCH, so agents compose with it
//!   ("Gondor police" → `GONCOP`);
//! - verbs: [`Lexicon::from_verb_dictionary`] over the built-in CAMEO table;
//! - discards: a sentence with a discard phrase codes no event.
//!
//! A record passes when its set of (source, target, code) equals the expected set; an
//! absent target is `---`. Records expecting `noevents` or a discard error expect no
//! events. Records without an expectation and those testing PETRARCH's reading of bad
//! parse trees (`bad_input_parse`) are not scored.

use std::collections::BTreeSet;
use std::path::Path;

use aras_dict::Dictionary;
use aras_events::{ImportedVerbs, Lexicon};
use aras_import::{DictKind, Discards, Expectation, Format, Record, RecordFile};
use aras_ingest::Document;

use crate::Engine;

/// An event as the records write it: source, target (`---` for none), code.
pub type Triple = (String, String, String);

/// The dictionaries a records file names, loaded.
pub struct Dictionaries {
    pub actors: Dictionary,
    pub lexicon: Lexicon,
    pub discards: Discards,
    /// What the verb import made and skipped.
    pub verbs: ImportedVerbs,
    /// Dictionary lines that could not be loaded (file: reason).
    pub problems: Vec<String>,
}

/// A records-file run failure.
#[derive(Debug, thiserror::Error)]
pub enum PetrarchError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Records {
        path: String,
        source: aras_import::RecordsError,
    },
    #[error("the records file names no <{0}>")]
    Missing(&'static str),
    #[error("the built-in event lexicon: {0}")]
    Lexicon(#[from] aras_events::LexiconError),
}

fn read(path: &Path) -> Result<String, PetrarchError> {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|source| PetrarchError::Io {
            path: path.display().to_string(),
            source,
        })
}

/// Reads a records file.
pub fn read_records_file(path: &Path) -> Result<RecordFile, PetrarchError> {
    aras_import::read_records(&read(path)?).map_err(|source| PetrarchError::Records {
        path: path.display().to_string(),
        source,
    })
}

/// Loads the actor, agent, verb and discard files the records file names, from `dir`.
pub fn load_dictionaries(dir: &Path, file: &RecordFile) -> Result<Dictionaries, PetrarchError> {
    let name = |tag: &'static str| {
        file.environment
            .get(tag)
            .map(|f| dir.join(f))
            .ok_or(PetrarchError::Missing(tag))
    };
    let mut problems = Vec::new();
    let mut sources: Vec<(String, String)> = Vec::new();
    for (tag, kind) in [
        ("Actorfile", DictKind::Actors),
        ("Agentfile", DictKind::Agents),
    ] {
        let path = name(tag)?;
        let report = aras_import::import(&read(&path)?, Format::Petrarch, kind);
        problems.extend(
            report
                .rejected
                .iter()
                .map(|r| format!("{}:{}: {}", path.display(), r.line, r.reason)),
        );
        let lines: String = report
            .output
            .lines()
            .map(|l| any_case_acronyms(&primary_actor_as_country(l)) + "\n")
            .collect();
        sources.push((path.display().to_string(), lines));
    }
    let borrowed: Vec<(&str, &str)> = sources
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let (actors, errors) = Dictionary::from_sources_lenient(&borrowed);
    problems.extend(errors.iter().map(|e| e.to_string()));
    let verbs = aras_import::read_verb_dictionary(&read(&name("Verbfile")?)?, Format::Petrarch);
    let (lexicon, imported) = Lexicon::from_verb_dictionary(&Lexicon::builtin()?, &verbs);
    let discards = match file.environment.get("Discardfile") {
        Some(f) => Discards::read(&read(&dir.join(f))?),
        None => Discards::default(),
    };
    Ok(Dictionaries {
        actors,
        lexicon,
        discards,
        verbs: imported,
        problems,
    })
}

/// PETRARCH reads a three-letter actor code as a primary actor, which agents compose with.
fn primary_actor_as_country(line: &str) -> String {
    let cols: Vec<&str> = line.split('\t').collect();
    let primary = cols.len() >= 3
        && cols[0].len() == 3
        && cols[0].bytes().all(|b| b.is_ascii_uppercase())
        && matches!(cols[1], "organization" | "place" | "group" | "person");
    if !primary {
        return line.to_string();
    }
    let mut out = cols.clone();
    out[1] = "country";
    out.join("\t")
}

/// PETRARCH dictionaries are all upper case, so a short name such as `BREE` reads as an
/// acronym; the records write it in any case ("Bree"), so the title-case form is added.
fn any_case_acronyms(line: &str) -> String {
    let mut cols: Vec<String> = line.split('\t').map(str::to_string).collect();
    if cols.len() < 3 || cols[0].starts_with('#') {
        return line.to_string();
    }
    let mut forms: Vec<String> = cols[2].split('|').map(str::to_string).collect();
    let extra: Vec<String> = forms
        .iter()
        .filter_map(|f| f.strip_suffix("@acronym"))
        .filter(|a| a.len() > 3 && a.chars().all(|c| c.is_ascii_alphabetic()))
        .map(|a| {
            let lower = a.to_lowercase();
            let mut c = lower.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect();
    forms.extend(extra);
    cols[2] = forms.join("|");
    cols.join("\t")
}

/// How one record went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub id: String,
    pub category: String,
    pub text: String,
    pub expected: BTreeSet<Triple>,
    pub got: BTreeSet<Triple>,
    /// `None` when the record passed.
    pub failure: Option<Failure>,
    /// The actor mentions (text = code) and the parse, one word per `form/UPOS/head/rel`.
    pub detail: String,
}

/// Why a record failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Failure {
    /// Events expected, none coded.
    NothingCoded,
    /// No events expected, some coded.
    Spurious,
    /// The same actor pairs, another event code.
    WrongCode,
    /// The same codes, other actors.
    WrongActors,
    /// Some expected events coded, others not.
    MissingEvents,
    /// Every expected event coded, and more.
    ExtraEvents,
    /// Anything else.
    Different,
}

impl Failure {
    pub fn describe(self) -> &'static str {
        match self {
            Failure::NothingCoded => "no event coded",
            Failure::Spurious => "events where none expected",
            Failure::WrongCode => "right actors, wrong event code",
            Failure::WrongActors => "right event codes, wrong or missing actors",
            Failure::MissingEvents => "some expected events missing",
            Failure::ExtraEvents => "expected events plus extra ones",
            Failure::Different => "different events",
        }
    }
}

/// The expected event set of a record, or `None` when the record is not scored.
pub fn expected_set(r: &Record) -> Option<BTreeSet<Triple>> {
    match &r.expected {
        Expectation::Events(ev) => Some(
            ev.iter()
                .map(|e| (e.source.clone(), e.target.clone(), e.code.clone()))
                .collect(),
        ),
        Expectation::NoEvents => Some(BTreeSet::new()),
        Expectation::Error(e) if e == "bad_input_parse" => None,
        Expectation::Error(_) => Some(BTreeSet::new()),
        Expectation::Unspecified => None,
    }
}

/// Codes one record's sentence with `engine` and compares the result. Codes are compared
/// as the dictionary wrote them: a stand-in for a code outside CAMEO
/// ([`ImportedVerbs::stand_ins`]) is read back as that code.
pub fn run_record(
    engine: &Engine,
    discards: &Discards,
    verbs: &ImportedVerbs,
    r: &Record,
) -> Option<Outcome> {
    let written = |code: aras_events::CameoCode| {
        verbs
            .stand_ins
            .iter()
            .find(|(_, c)| *c == code)
            .map_or_else(|| code.to_string(), |(raw, _)| raw.clone())
    };
    let expected = expected_set(r)?;
    let mut detail = String::new();
    let got: BTreeSet<Triple> = if discards.find(&r.text).is_some() {
        BTreeSet::new()
    } else {
        let doc = Document {
            id: r.id.clone(),
            title: None,
            date: r.iso_date(),
            source: None,
            url: None,
            lang: None,
            text: r.text.clone(),
            origin: Default::default(),
        };
        let reading = crate::read(engine, &doc);
        let mentions: Vec<String> = reading
            .actors
            .iter()
            .map(|m| format!("{}={}", m.text, m.code))
            .collect();
        detail = format!("actors: {}\nparse:", mentions.join("; "));
        for (sent, an) in reading
            .analyzed
            .sentences
            .iter()
            .zip(&reading.analyzed.syntax)
        {
            for (k, (t, w)) in sent.tokens.iter().zip(&an.words).enumerate() {
                detail.push_str(&format!(
                    " {}:{}/{}/{}/{}",
                    k + 1,
                    t.text(&doc.text),
                    w.upos,
                    w.head,
                    w.deprel
                ));
            }
        }
        reading
            .events
            .iter()
            .filter_map(|e| {
                let s = e.source.as_ref()?;
                let t = e.target.as_ref().map_or("---", |t| t.code.as_str());
                Some((s.code.clone(), t.to_string(), written(e.cameo)))
            })
            .collect()
    };
    let failure = (got != expected).then(|| classify(&expected, &got));
    Some(Outcome {
        id: r.id.clone(),
        category: r.category.clone(),
        text: r.text.clone(),
        expected,
        got,
        failure,
        detail,
    })
}

fn classify(expected: &BTreeSet<Triple>, got: &BTreeSet<Triple>) -> Failure {
    if got.is_empty() {
        return Failure::NothingCoded;
    }
    if expected.is_empty() {
        return Failure::Spurious;
    }
    if got.is_subset(expected) {
        return Failure::MissingEvents;
    }
    if expected.is_subset(got) {
        return Failure::ExtraEvents;
    }
    let pairs = |s: &BTreeSet<Triple>| -> BTreeSet<(String, String)> {
        s.iter().map(|(a, b, _)| (a.clone(), b.clone())).collect()
    };
    let codes = |s: &BTreeSet<Triple>| -> BTreeSet<String> {
        s.iter().map(|(_, _, c)| c.clone()).collect()
    };
    if pairs(expected) == pairs(got) {
        Failure::WrongCode
    } else if codes(expected) == codes(got) {
        Failure::WrongActors
    } else {
        Failure::Different
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(v: &[(&str, &str, &str)]) -> BTreeSet<Triple> {
        v.iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect()
    }

    #[test]
    fn failures_are_classified() {
        let e = set(&[("ARN", "GON", "064")]);
        for (got, want) in [
            (set(&[]), Failure::NothingCoded),
            (set(&[("ARN", "GON", "041")]), Failure::WrongCode),
            (set(&[("ARN", "---", "064")]), Failure::WrongActors),
            (
                set(&[("ARN", "GON", "064"), ("GON", "ARN", "064")]),
                Failure::ExtraEvents,
            ),
            (set(&[("X", "Y", "1")]), Failure::Different),
        ] {
            assert_eq!(classify(&e, &got), want, "{got:?}");
        }
        assert_eq!(
            classify(&set(&[]), &set(&[("A", "B", "010")])),
            Failure::Spurious
        );
    }

    #[test]
    fn three_letter_actors_are_primary() {
        assert_eq!(
            primary_actor_as_country("GON\torganization\tGondor|Minas Tirith"),
            "GON\tcountry\tGondor|Minas Tirith"
        );
        assert_eq!(
            primary_actor_as_country("ITHTV\torganization\tIthilen Television"),
            "ITHTV\torganization\tIthilen Television"
        );
    }
}
