//! The compiled dictionary and the matcher.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHasher;

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

#[derive(Clone, Debug, PartialEq, Eq)]
struct Target {
    entry: EntryId,
    role: FormRole,
    rule: CaseRule,
    /// The exact variant text (for `Exact`; empty otherwise).
    variant: Box<str>,
    /// For `Initials`: bit `i` is set when word `i` of the form starts with a
    /// capital (words past the 64th are not checked).
    caps: u64,
    /// For `Initials`: the number of words of the form.
    words: u32,
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
/// A dictionary is immutable, `Send + Sync` and cheap to clone (entries and
/// matcher are shared), so it is built once and passed around as a value.
#[derive(Clone)]
pub struct Dictionary {
    entries: Arc<[Entry]>,
    matcher: Arc<Matcher>,
}

/// The compiled forms of a dictionary, numbered by entry: the automata and,
/// for each pattern, the entries whose forms it spells and their case rules.
/// [`Dictionary`] and [`Gazetteer`](crate::Gazetteer) match with it.
#[derive(Clone)]
pub(crate) struct Matcher {
    /// The automata over the patterns, each with the number of its first
    /// pattern: one for a dictionary of up to [`SHARD`] patterns, more for a
    /// larger one, because building one automaton over all patterns takes
    /// markedly longer than building several smaller ones.
    automata: Vec<(AhoCorasick, usize)>,
    /// The targets of every automaton pattern, pattern by pattern: those of
    /// pattern `p` are `targets[starts[p]..starts[p + 1]]`, in entry order
    /// (one vector rather than one per pattern: far fewer allocations for a
    /// large dictionary such as the gazetteer).
    targets: Vec<Target>,
    starts: Vec<u32>,
}

impl std::fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dictionary")
            .field("entries", &self.entries.len())
            .field("patterns", &self.pattern_count())
            .finish()
    }
}

/// The case attribute of an entry (`case=`) and its forms: what [`Matcher`]
/// compiles for one entry.
pub(crate) type MatcherItem<'a, F> = (Option<&'a str>, F);

/// The most patterns one automaton holds. Building one grows faster than its
/// pattern count (32,000 place names: 58 ms in one automaton, 36 ms in four),
/// but every automaton is one more pass over the text: with the gazetteer in
/// five, automaton search (actors and places) was 16% of `aras analyze`'s time
/// on the AFP/Xinhua articles, with it in one 6%, for identical output. So the
/// gazetteer is one automaton; only a larger dictionary is split.
const SHARD: usize = 1 << 16;

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

/// Every country code of `dict/countries.tsv` with the country's name (the first form of
/// its `country` entry): `AZE` → "Azerbaijan", `GBR` → "United Kingdom". Read from the
/// embedded file on each call (a few hundred lines, no automaton), for labelling.
pub fn country_names() -> std::collections::BTreeMap<String, String> {
    let (name, text) = BUILTIN_SOURCES[0];
    let mut names = std::collections::BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        if let Ok(Some(entry)) = crate::format::parse_line(name, i + 1, line) {
            if entry.kind == crate::format::Kind::Country {
                names.entry(entry.code).or_insert(entry.name);
            }
        }
    }
    names
}

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
        let forms: usize = entries.iter().map(|e| e.forms.len()).sum();
        let matcher = Matcher::build(
            entries.iter().map(|e| {
                (
                    e.attr("case"),
                    e.forms.iter().map(|f| (f.text.as_str(), f.role)),
                )
            }),
            forms,
        )?;
        Ok(Dictionary {
            entries: entries.into(),
            matcher: Arc::new(matcher),
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
        self.matcher.pattern_count()
    }

    /// The heap bytes of the automata (not counting entries and targets).
    pub fn automaton_bytes(&self) -> usize {
        self.matcher.automaton_bytes()
    }

    /// The entries with a form spelt `form`, ignoring the capitalisation
    /// rules (case-insensitive; apostrophe and diacritic variants as in
    /// [`find`](Self::find)), in load order. Surrounding whitespace is ignored.
    ///
    /// ```
    /// let d = aras_dict::Dictionary::builtin().unwrap();
    /// let ids = d.lookup("the kremlin");
    /// assert!(ids.is_empty()); // a form is looked up whole: "Kremlin"
    /// let ids = d.lookup("kremlin");
    /// assert_eq!(d.entry(ids[0]).code, "RUS");
    /// ```
    pub fn lookup(&self, form: &str) -> Vec<EntryId> {
        self.matcher.lookup(form)
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
        self.matcher.find(text)
    }
}

impl Matcher {
    /// Compiles the forms of entries `0, 1, 2...` (`forms`: their total
    /// number, to size the tables).
    pub(crate) fn build<'a, I, F>(items: I, forms: usize) -> Result<Matcher, DictError>
    where
        I: IntoIterator<Item = MatcherItem<'a, F>>,
        F: Iterator<Item = (&'a str, FormRole)>,
    {
        // Pattern keys (ASCII-lowercased variants) and their numbers; the
        // targets are collected flat and grouped by pattern afterwards.
        let mut index: HashMap<Box<str>, u32, BuildHasherDefault<FxHasher>> =
            HashMap::with_capacity_and_hasher(forms, Default::default());
        let mut flat: Vec<(u32, Target)> = Vec::with_capacity(forms + forms / 2);
        let mut key = String::new();
        for (i, (case, entry_forms)) in items.into_iter().enumerate() {
            let id = EntryId(i as u32);
            let exact_entry = case == Some("exact");
            let insensitive_entry = case == Some("insensitive");
            let with_bare = entry_forms.into_iter().flat_map(|(text, role)| {
                std::iter::once((text, role)).chain(bare_surname(text, role).map(|b| (b, role)))
            });
            for (text, role) in with_bare {
                let (caps, words) = word_caps(text);
                let rule = if exact_entry || role == FormRole::Acronym || is_all_caps(text) {
                    CaseRule::Exact
                } else if insensitive_entry {
                    CaseRule::Any
                } else if caps != 0 {
                    CaseRule::Initials
                } else {
                    CaseRule::Any
                };
                // Only the rule that reads them keeps the capitals and the variant.
                let (caps, words) = if rule == CaseRule::Initials {
                    (caps, words)
                } else {
                    (0, 0)
                };
                for_each_variant(text, rule, |variant| {
                    fold_case_into(variant, &mut key);
                    let p = match index.get(key.as_str()) {
                        Some(&p) => p,
                        None => {
                            let p = index.len() as u32;
                            index.insert(key.as_str().into(), p);
                            p
                        }
                    };
                    let variant: Box<str> = if rule == CaseRule::Exact {
                        variant.into()
                    } else {
                        Box::default()
                    };
                    flat.push((
                        p,
                        Target {
                            entry: id,
                            role,
                            rule,
                            variant,
                            caps,
                            words,
                        },
                    ));
                });
            }
        }
        // Group the targets by pattern, keeping entry order within a pattern
        // (a counting sort: one slot range per pattern).
        let n = index.len();
        let mut starts: Vec<u32> = vec![0; n + 1];
        for (p, _) in &flat {
            starts[*p as usize + 1] += 1;
        }
        for i in 0..n {
            starts[i + 1] += starts[i];
        }
        let mut fill: Vec<u32> = starts[..n].to_vec();
        let mut slots: Vec<Option<Target>> = vec![None; flat.len()];
        for (p, t) in flat {
            let at = &mut fill[p as usize];
            slots[*at as usize] = Some(t);
            *at += 1;
        }
        // The same (entry, rule, variant, capitals) twice adds nothing.
        let mut targets: Vec<Target> = Vec::with_capacity(slots.len());
        let mut kept_starts: Vec<u32> = Vec::with_capacity(n + 1);
        for p in 0..n {
            kept_starts.push(targets.len() as u32);
            let first = targets.len();
            for t in slots[starts[p] as usize..starts[p + 1] as usize]
                .iter_mut()
                .filter_map(Option::take)
            {
                let dup = targets[first..].iter().any(|g| {
                    g.entry == t.entry
                        && g.rule == t.rule
                        && g.variant == t.variant
                        && (g.caps, g.words) == (t.caps, t.words)
                });
                if !dup {
                    targets.push(t);
                }
            }
        }
        kept_starts.push(targets.len() as u32);
        let starts = kept_starts;
        let mut keys: Vec<&str> = vec![""; index.len()];
        for (k, &p) in &index {
            keys[p as usize] = k;
        }
        // Patterns are case-folded ([`fold_case_into`]) and `find` searches a
        // folded copy of the text: half the transitions of an
        // ASCII-case-insensitive automaton, so it builds and searches about
        // twice as fast, and the upper- and lower-case spellings of a
        // non-ASCII form ("ÉLYSÉE", "Élysée") are one pattern.
        let mut automata = Vec::with_capacity(keys.len().div_ceil(SHARD).max(1));
        for (i, chunk) in keys.chunks(SHARD).enumerate() {
            let a = AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(chunk)
                .map_err(|e| DictError::new("dictionary", 0, ErrorKind::Build(e.to_string())))?;
            automata.push((a, i * SHARD));
        }
        if automata.is_empty() {
            let none: [&str; 0] = [];
            let a = AhoCorasickBuilder::new()
                .build(none)
                .map_err(|e| DictError::new("dictionary", 0, ErrorKind::Build(e.to_string())))?;
            automata.push((a, 0));
        }
        Ok(Matcher {
            automata,
            targets,
            starts,
        })
    }

    /// The targets of automaton pattern `p`.
    fn targets(&self, p: usize) -> &[Target] {
        &self.targets[self.starts[p] as usize..self.starts[p + 1] as usize]
    }

    pub(crate) fn pattern_count(&self) -> usize {
        self.starts.len() - 1
    }

    pub(crate) fn automaton_bytes(&self) -> usize {
        self.automata.iter().map(|(a, _)| a.memory_usage()).sum()
    }

    /// Every match of a pattern in `folded` (overlapping), as
    /// `(start, end, pattern)`.
    fn pattern_matches<'a>(
        &'a self,
        folded: &'a str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        self.automata.iter().flat_map(move |(a, base)| {
            a.find_overlapping_iter(folded)
                .map(move |m| (m.start(), m.end(), base + m.pattern().as_usize()))
        })
    }

    /// See [`Dictionary::lookup`].
    pub(crate) fn lookup(&self, form: &str) -> Vec<EntryId> {
        let mut folded = String::new();
        fold_case_into(form.trim(), &mut folded);
        let mut out: Vec<EntryId> = Vec::new();
        if folded.is_empty() {
            return out;
        }
        for (s, e, p) in self.pattern_matches(&folded) {
            if s != 0 || e != folded.len() {
                continue;
            }
            for t in self.targets(p) {
                if !out.contains(&t.entry) {
                    out.push(t.entry);
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// See [`Dictionary::find`].
    pub(crate) fn find(&self, text: &str) -> Vec<Match> {
        // The automaton holds case-folded patterns; the folding keeps every
        // byte offset, so matches in `folded` are spans of `text`.
        let mut folded = String::new();
        fold_case_into(text, &mut folded);
        // Candidates are (start, end, pattern) triples: checked for word
        // boundaries and case, sorted, and only the selected ones become
        // `Match` values (which allocate).
        let mut cands: Vec<(usize, usize, usize)> = Vec::with_capacity(text.len() / 32);
        for (s, e, p) in self.pattern_matches(&folded) {
            let Some(slice) = text.get(s..e) else {
                continue;
            };
            if !word_start(text, s, slice) || !word_end(text, e, slice) {
                continue;
            }
            if self.targets(p).iter().any(|t| case_ok(t, slice)) {
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
            let targets = self.targets(p);
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

/// Lower-cases `s` into `out` without changing any byte offset: ASCII
/// letters, and other capitals whose lower case is one character of the same
/// UTF-8 length (É → é, Ş → ş; not İ, whose lower case is longer). Text and
/// patterns are folded alike, so a match in folded text is a span of the
/// original, whose capitals the case rules then check.
fn fold_case_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        out.push_str(s);
        out.make_ascii_lowercase();
        return;
    }
    out.reserve(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
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
            for i in 0..t.words {
                let Some(w) = words.next() else { return false };
                let cap = i < 64 && t.caps & (1 << i) != 0;
                if cap && !w.chars().next().is_some_and(char::is_uppercase) {
                    return false;
                }
            }
            true
        }
    }
}

/// For each word of `s`, whether its first letter is a capital: a bit set
/// (bit `i` for word `i`, the first 64 words) and the number of words.
fn word_caps(s: &str) -> (u64, u32) {
    let mut caps = 0u64;
    let mut n = 0u32;
    for w in s
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
    {
        if n < 64 && w.chars().next().is_some_and(char::is_uppercase) {
            caps |= 1 << n;
        }
        n += 1;
    }
    (caps, n)
}

/// All-caps forms (at least two letters, none lowercase) match exactly:
/// "US", "U.S.", "NATO", "IDF".
fn is_all_caps(s: &str) -> bool {
    let upper = s.chars().filter(|c| c.is_uppercase()).count();
    upper >= 2 && !s.chars().any(char::is_lowercase)
}

const APOSTROPHES: [char; 4] = ['\'', '\u{2019}', '\u{2018}', '\u{02BC}'];

/// An Arabic surname's form without its article: news writes "al-Maliki" and "Maliki"
/// for one man, so a surname form "al-Maliki" also matches "Maliki" (capitalised, four
/// letters or more, so "al-Asad" gives "Asad" but never a common word in lower case).
fn bare_surname(text: &str, role: FormRole) -> Option<&str> {
    if role != FormRole::Surname {
        return None;
    }
    let rest = ["al-", "Al-", "el-", "El-", "al ", "Al "]
        .iter()
        .find_map(|p| text.strip_prefix(p))?;
    (rest.chars().count() >= 4 && rest.starts_with(|c: char| c.is_uppercase())).then_some(rest)
}

/// Calls `f` with every string the automaton matches for one form (see
/// [`variants`]); an ASCII form without apostrophes, the common case, is
/// its only variant and costs no allocation.
fn for_each_variant(form: &str, rule: CaseRule, mut f: impl FnMut(&str)) {
    if form.is_ascii() && !form.contains('\'') {
        f(form);
    } else {
        for v in variants(form, rule) {
            f(&v);
        }
    }
}

/// The strings the automaton matches for one form: the form, its
/// diacritic-free spelling, upper/lower-case spellings of non-ASCII forms
/// (most fold to the form's own pattern, see [`fold_case_into`]; the others,
/// such as a form with İ, need theirs), and every apostrophe variant.
fn variants(form: &str, rule: CaseRule) -> Vec<String> {
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
    fn arabic_surnames_also_match_without_their_article() {
        for (form, role, want) in [
            ("al-Maliki", FormRole::Surname, Some("Maliki")),
            ("Al-Zahar", FormRole::Surname, Some("Zahar")),
            ("el-Sisi", FormRole::Surname, Some("Sisi")),
            ("al-Maliki", FormRole::Name, None),
            ("al-Bab", FormRole::Surname, None),
            ("Alexander", FormRole::Surname, None),
        ] {
            assert_eq!(bare_surname(form, role), want, "{form}");
        }
    }

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
    fn case_folding_keeps_offsets() {
        let mut out = String::new();
        for s in ["ÉLYSÉE Ş İzmir ß ΣΑΣ x", "plain ASCII", "日本 ǅ"] {
            fold_case_into(s, &mut out);
            assert_eq!(out.len(), s.len(), "{s}");
            assert!(s.char_indices().all(|(i, c)| out.is_char_boundary(i)
                && out[i..].chars().next().map(char::len_utf8) == Some(c.len_utf8())));
        }
        fold_case_into("ÉLYSÉE Ş İzmir", &mut out);
        assert_eq!(out, "élysée ş İzmir");
    }

    #[test]
    fn all_caps() {
        assert!(is_all_caps("US"));
        assert!(is_all_caps("U.S."));
        assert!(!is_all_caps("Nato"));
        assert!(!is_all_caps("A"));
    }
}
