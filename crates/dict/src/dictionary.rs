//! The compiled dictionary and the matcher.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::error::{DictError, ErrorKind};
use crate::format::{parse_line, Entry, FormRole};

/// The index of an entry in a [`Dictionary`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryId(u32);

impl EntryId {
    /// The position of the entry in load order.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One recognised mention: a byte span of the text and the entries whose
/// forms it matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// Byte offset of the first byte (on a char boundary).
    pub start: usize,
    /// Byte offset one past the last byte (on a char boundary).
    pub end: usize,
    /// The role of the matched form in the first entry.
    pub form_role: FormRole,
    /// Every entry with a form that matches here, in load order. More than
    /// one means the mention is ambiguous ("Georgia", "Congo").
    pub entries: Vec<EntryId>,
    /// The role of the matched form in each entry (parallel to `entries`).
    pub roles: Vec<FormRole>,
}

impl Match {
    /// The matched text.
    pub fn text<'t>(&self, haystack: &'t str) -> &'t str {
        &haystack[self.start..self.end]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CaseRule {
    /// No constraint beyond the ASCII-case-insensitive match.
    Any,
    /// Every word that starts with a capital in the form starts with a
    /// capital in the text.
    Initials,
    /// The text equals the form (variant) byte for byte.
    Exact,
}

#[derive(Clone, Debug)]
struct Target {
    entry: EntryId,
    role: FormRole,
    rule: CaseRule,
    /// The exact variant text (for `Exact`; empty otherwise).
    variant: Box<str>,
    /// For `Initials`: for each word of the form, whether it starts with a
    /// capital (empty otherwise).
    caps: Box<[bool]>,
}

/// A compiled dictionary: entries and one automaton over all their forms.
///
/// ```
/// use aras_dict::{Dictionary, FormRole};
/// let dict = Dictionary::builtin().unwrap();
/// let text = "Azerbaijan’s Foreign Ministry said the Kremlin was told.";
/// let found: Vec<(&str, &str)> = dict
///     .find(text)
///     .iter()
///     .map(|m| (m.text(text), dict.entry(m.entries[0]).code.as_str()))
///     .collect();
/// assert_eq!(found, [("Azerbaijan", "AZE"), ("Foreign Ministry", "GOV"), ("Kremlin", "RUS")]);
/// ```
///
/// A dictionary is immutable, `Send + Sync` and cheap to clone (entries,
/// automaton and targets are shared), so it is built once and passed around
/// as a value.
#[derive(Clone)]
pub struct Dictionary {
    entries: Arc<[Entry]>,
    automaton: AhoCorasick,
    /// Targets for each automaton pattern.
    patterns: Arc<[Vec<Target>]>,
}

impl std::fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dictionary")
            .field("entries", &self.entries.len())
            .field("patterns", &self.patterns.len())
            .finish()
    }
}

/// The dictionary files of the repository, embedded at compile time.
pub const BUILTIN_SOURCES: &[(&str, &str)] = &[
    (
        "dict/countries.tsv",
        include_str!("../../../dict/countries.tsv"),
    ),
    (
        "dict/organizations.tsv",
        include_str!("../../../dict/organizations.tsv"),
    ),
    ("dict/agents.tsv", include_str!("../../../dict/agents.tsv")),
    ("dict/groups.tsv", include_str!("../../../dict/groups.tsv")),
    ("dict/people.tsv", include_str!("../../../dict/people.tsv")),
    (
        "dict/people-phoenix.tsv",
        include_str!("../../../dict/people-phoenix.tsv"),
    ),
];

impl Dictionary {
    /// The dictionaries shipped in the repository's `dict/` folder
    /// (countries, organisations, agents, groups, people), embedded in the
    /// binary ([`BUILTIN_SOURCES`]).
    ///
    /// They are compiled on the first call (tens of thousands of people make
    /// that a noticeable cost) and shared afterwards: later calls return a
    /// clone of the same immutable dictionary, a few reference counts.
    pub fn builtin() -> Result<Dictionary, DictError> {
        static BUILTIN: OnceLock<Dictionary> = OnceLock::new();
        if let Some(d) = BUILTIN.get() {
            return Ok(d.clone());
        }
        let d = Dictionary::from_sources(BUILTIN_SOURCES)?;
        Ok(BUILTIN.get_or_init(|| d).clone())
    }

    /// Builds a dictionary from `(name, text)` sources. Any bad line is an
    /// error naming `name:line`.
    ///
    /// ```
    /// use aras_dict::Dictionary;
    /// let d = Dictionary::from_sources(&[
    ///     ("a.tsv", "# countries\nGEO\tcountry\tGeorgia|Georgian@adj\tambiguous=US state\n"),
    ///     ("b.tsv", "-\torganization\tCarnegie Russia Eurasia Center\n"),
    /// ]).unwrap();
    /// assert_eq!(d.len(), 2);
    /// assert!(d.find("georgia").is_empty()); // capitalised form needs a capital
    /// ```
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Dictionary, DictError> {
        let mut entries = Vec::new();
        for (name, text) in sources {
            for (i, line) in text.lines().enumerate() {
                if let Some(e) = parse_line(name, i + 1, line)? {
                    entries.push(e);
                }
            }
        }
        Dictionary::from_entries(entries)
    }

    /// Like [`from_sources`](Self::from_sources) but skips bad lines and
    /// returns their errors beside the dictionary.
    ///
    /// ```
    /// use aras_dict::Dictionary;
    /// let (d, errors) = Dictionary::from_sources_lenient(&[(
    ///     "x.tsv",
    ///     "AZE\tcountry\tAzerbaijan\nXX\tcountry\tNowhere\nIRN\tcountry\tIran",
    /// )]);
    /// assert_eq!(d.len(), 2);
    /// assert_eq!(errors.len(), 1);
    /// assert_eq!(errors[0].line(), 2);
    /// ```
    pub fn from_sources_lenient(sources: &[(&str, &str)]) -> (Dictionary, Vec<DictError>) {
        let mut entries = Vec::new();
        let mut errors = Vec::new();
        for (name, text) in sources {
            for (i, line) in text.lines().enumerate() {
                match parse_line(name, i + 1, line) {
                    Ok(Some(e)) => entries.push(e),
                    Ok(None) => {}
                    Err(e) => errors.push(e),
                }
            }
        }
        match Dictionary::from_entries(entries) {
            Ok(d) => (d, errors),
            Err(e) => {
                errors.push(e);
                let empty =
                    Dictionary::from_entries(Vec::new()).expect("an empty automaton always builds");
                (empty, errors)
            }
        }
    }

    /// Builds a dictionary from parsed entries (see [`parse_line`]).
    pub fn from_entries(entries: Vec<Entry>) -> Result<Dictionary, DictError> {
        let mut keys: Vec<String> = Vec::new();
        let mut patterns: Vec<Vec<Target>> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            let id = EntryId(i as u32);
            let exact_entry = e.attr("case") == Some("exact");
            for form in &e.forms {
                let word_caps = word_caps(&form.text);
                let rule =
                    if exact_entry || form.role == FormRole::Acronym || is_all_caps(&form.text) {
                        CaseRule::Exact
                    } else if e.attr("case") == Some("insensitive") {
                        CaseRule::Any
                    } else if word_caps.iter().any(|&c| c) {
                        CaseRule::Initials
                    } else {
                        CaseRule::Any
                    };
                // Only `Initials` reads the capitals, only `Exact` the variant:
                // the others store empty boxes (no allocation).
                let caps: Box<[bool]> = match rule {
                    CaseRule::Initials => word_caps.into(),
                    _ => Box::default(),
                };
                for variant in variants(&form.text, rule) {
                    let key = variant.to_ascii_lowercase();
                    let slot = match index.get(&key) {
                        Some(&slot) => slot,
                        None => {
                            index.insert(key.clone(), patterns.len());
                            keys.push(key);
                            patterns.push(Vec::new());
                            patterns.len() - 1
                        }
                    };
                    let variant: Box<str> = match rule {
                        CaseRule::Exact => variant.into(),
                        _ => Box::default(),
                    };
                    let targets = &mut patterns[slot];
                    // The same (entry, rule, variant, capitals) twice adds nothing.
                    if targets.iter().any(|t| {
                        t.entry == id && t.rule == rule && t.variant == variant && t.caps == caps
                    }) {
                        continue;
                    }
                    targets.push(Target {
                        entry: id,
                        role: form.role,
                        rule,
                        variant,
                        caps: caps.clone(),
                    });
                }
            }
        }
        // Patterns are ASCII-lowercased and `find` searches an ASCII-lowercased
        // copy of the text: half the transitions of an ASCII-case-insensitive
        // automaton, so it builds and searches about twice as fast.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&keys)
            .map_err(|e| DictError::new("dictionary", 0, ErrorKind::Build(e.to_string())))?;
        Ok(Dictionary {
            entries: entries.into(),
            automaton,
            patterns: patterns.into(),
        })
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The number of distinct patterns in the automaton (forms and their
    /// apostrophe, case and diacritic variants).
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// An entry by id.
    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id.index()]
    }

    /// All entries in load order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// All entry ids in load order.
    pub fn ids(&self) -> impl Iterator<Item = EntryId> + '_ {
        (0..self.entries.len() as u32).map(EntryId)
    }

    /// True when the entry's date limits admit `date` (see [`Entry::active_on`]).
    pub fn active_on(&self, id: EntryId, date: &str) -> bool {
        self.entry(id).active_on(date)
    }

    /// Finds the dictionary mentions in `text`: whole words only, longest
    /// leftmost, non-overlapping, with the capitalisation rules of the format.
    /// Offsets are bytes.
    ///
    /// ```
    /// use aras_dict::{Dictionary, FormRole};
    /// let d = Dictionary::builtin().unwrap();
    /// let text = "Azerbaijani police met US envoys; tell us about the turkey.";
    /// let m = d.find(text);
    /// let codes: Vec<_> = m.iter().map(|m| (m.text(text), d.entry(m.entries[0]).code.as_str())).collect();
    /// assert_eq!(codes, [("Azerbaijani", "AZE"), ("police", "COP"), ("US", "USA"), ("envoys", "GOV")]);
    /// assert_eq!(m[0].form_role, FormRole::Adj);
    /// ```
    pub fn find(&self, text: &str) -> Vec<Match> {
        // The automaton holds ASCII-lowercased patterns; lowercasing ASCII
        // keeps every byte offset, so matches in `folded` are spans of `text`.
        let folded = text.to_ascii_lowercase();
        // Candidates are (start, end, pattern) triples: checked for word
        // boundaries and case, sorted, and only the selected ones become
        // `Match` values (which allocate).
        let mut cands: Vec<(usize, usize, usize)> = Vec::with_capacity(text.len() / 32);
        for m in self.automaton.find_overlapping_iter(folded.as_str()) {
            let (s, e) = (m.start(), m.end());
            let Some(slice) = text.get(s..e) else {
                continue;
            };
            if !word_start(text, s, slice) || !word_end(text, e, slice) {
                continue;
            }
            let p = m.pattern().as_usize();
            if self.patterns[p].iter().any(|t| case_ok(t, slice)) {
                cands.push((s, e, p));
            }
        }
        cands.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out: Vec<Match> = Vec::with_capacity(cands.len());
        let mut last_end = 0;
        for (s, e, p) in cands {
            if s < last_end {
                continue;
            }
            last_end = e;
            let slice = &text[s..e];
            let targets = &self.patterns[p];
            // Targets are stored in entry order, so `entries` comes out sorted.
            let mut entries: Vec<EntryId> = Vec::with_capacity(targets.len());
            let mut roles: Vec<FormRole> = Vec::with_capacity(targets.len());
            for t in targets {
                if !entries.contains(&t.entry) && case_ok(t, slice) {
                    entries.push(t.entry);
                    roles.push(t.role);
                }
            }
            out.push(Match {
                start: s,
                end: e,
                form_role: roles[0],
                entries,
                roles,
            });
        }
        out
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn word_start(text: &str, s: usize, slice: &str) -> bool {
    match slice.chars().next() {
        Some(c) if is_word_char(c) => !text[..s].chars().next_back().is_some_and(is_word_char),
        _ => true,
    }
}

fn word_end(text: &str, e: usize, slice: &str) -> bool {
    match slice.chars().next_back() {
        Some(c) if is_word_char(c) => !text[e..].chars().next().is_some_and(is_word_char),
        _ => true,
    }
}

fn case_ok(t: &Target, slice: &str) -> bool {
    match t.rule {
        CaseRule::Any => true,
        CaseRule::Exact => *t.variant == *slice,
        CaseRule::Initials => {
            let mut words = slice
                .split(|c: char| !is_word_char(c))
                .filter(|w| !w.is_empty());
            for &cap in t.caps.iter() {
                let Some(w) = words.next() else { return false };
                if cap && !w.chars().next().is_some_and(char::is_uppercase) {
                    return false;
                }
            }
            true
        }
    }
}

/// For each word of `s`, whether its first letter is a capital.
fn word_caps(s: &str) -> Vec<bool> {
    s.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect()
}

/// All-caps forms (at least two letters, none lowercase) match exactly:
/// "US", "U.S.", "NATO", "IDF".
fn is_all_caps(s: &str) -> bool {
    let upper = s.chars().filter(|c| c.is_uppercase()).count();
    upper >= 2 && !s.chars().any(char::is_lowercase)
}

const APOSTROPHES: [char; 4] = ['\'', '\u{2019}', '\u{2018}', '\u{02BC}'];

/// The strings the automaton matches for one form: the form, its
/// diacritic-free spelling, upper/lower-case spellings of non-ASCII forms
/// (the automaton folds ASCII case only), and every apostrophe variant.
fn variants(form: &str, rule: CaseRule) -> Vec<String> {
    // Most forms: ASCII (nothing to fold or re-case) without an apostrophe.
    if form.is_ascii() && !form.contains(APOSTROPHES) {
        return vec![form.to_string()];
    }
    let mut base = vec![form.to_string()];
    let folded = fold_diacritics(form);
    if folded != form {
        base.push(folded);
    }
    if rule != CaseRule::Exact && !form.is_ascii() {
        // All-caps text ("ÉLYSÉE"); lowercase forms also in lower and
        // capitalised spelling (a capitalised form cannot match in lowercase).
        base.push(form.to_uppercase());
        if rule == CaseRule::Any {
            base.push(form.to_lowercase());
            let mut cs = form.chars();
            if let Some(first) = cs.next() {
                base.push(first.to_uppercase().chain(cs).collect());
            }
        }
    }
    let mut out: Vec<String> = Vec::new();
    for b in base {
        if b.contains(APOSTROPHES) {
            for a in APOSTROPHES {
                out.push(b.replace(APOSTROPHES, a.encode_utf8(&mut [0; 4])));
            }
        } else {
            out.push(b);
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Removes the diacritics of common Latin letters ("Élysée" → "Elysee").
fn fold_diacritics(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => 'A',
            'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => 'c',
            'Ç' | 'Ć' | 'Č' | 'Ĉ' | 'Ċ' => 'C',
            'ď' | 'đ' => 'd',
            'Ď' | 'Đ' => 'D',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'ə' => 'e',
            'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' | 'Ə' => 'E',
            'ğ' | 'ĝ' | 'ġ' | 'ģ' => 'g',
            'Ğ' | 'Ĝ' | 'Ġ' | 'Ģ' => 'G',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
            'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => 'I',
            'ł' | 'ľ' | 'ĺ' | 'ļ' => 'l',
            'Ł' | 'Ľ' | 'Ĺ' | 'Ļ' => 'L',
            'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
            'Ñ' | 'Ń' | 'Ň' | 'Ņ' => 'N',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => 'O',
            'ř' | 'ŕ' => 'r',
            'Ř' | 'Ŕ' => 'R',
            'ś' | 'š' | 'ş' | 'ș' => 's',
            'Ś' | 'Š' | 'Ş' | 'Ș' => 'S',
            'ť' | 'ţ' | 'ț' => 't',
            'Ť' | 'Ţ' | 'Ț' => 'T',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
            'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' | 'Ų' => 'U',
            'ý' | 'ÿ' => 'y',
            'Ý' | 'Ÿ' => 'Y',
            'ź' | 'ż' | 'ž' => 'z',
            'Ź' | 'Ż' | 'Ž' => 'Z',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_cover_apostrophes_and_diacritics() {
        let v = variants("Shi'ite", CaseRule::Initials);
        assert!(v.contains(&"Shi\u{2019}ite".to_string()));
        assert!(v.contains(&"Shi'ite".to_string()));
        let v = variants("Élysée", CaseRule::Initials);
        assert!(v.contains(&"Elysee".to_string()));
        assert!(v.contains(&"ÉLYSÉE".to_string()));
    }

    #[test]
    fn all_caps() {
        assert!(is_all_caps("US"));
        assert!(is_all_caps("U.S."));
        assert!(!is_all_caps("Nato"));
        assert!(!is_all_caps("A"));
    }
}
