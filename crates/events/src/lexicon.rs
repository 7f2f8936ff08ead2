//! The event lexicon: CAMEO code table, verb patterns and event nouns (`lexicon/*.tsv`).
//!
//! The file formats are documented in `lexicon/README.md`; parsing is strict (a malformed
//! line is an error naming the file and line), comments start with `#`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use aras_schema::{CameoCode, PloverType, QuadClass, Root};

/// Facts about one CAMEO event code.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoInfo {
    pub code: CameoCode,
    /// CAMEO name: "Use conventional military force, not specified below".
    pub name: String,
    /// PLOVER event type: `ASSAULT` (`OTHER` for CAMEO 01x, which PLOVER does not code).
    pub plover: PloverType,
    pub quad_class: QuadClass,
    /// Goldstein conflict–cooperation value, -10 to +10.
    pub goldstein: f32,
}

/// Where a verb pattern finds its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// No target slot.
    None,
    /// The direct object (or, in the passive, the subject).
    Object,
    /// A prepositional dependent with this preposition: `with OBJ`, `against OBJ`.
    Prep(String),
    /// The first actor in the verb's phrase after the verb: its object, a prepositional
    /// dependent, a complement clause's subject (imported TABARI/PETRARCH patterns, which
    /// take the first actor of the verb phrase as the target).
    Phrase,
}

/// An infinitival (or gerund) complement the verb must have: `to VERB`, `to VERB:19`, `to attack`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Complement {
    /// The complement's lemma, when the pattern names one.
    pub lemma: Option<String>,
    /// The CAMEO root the complement verb must code to (`to VERB:19`).
    pub root: Option<Root>,
}

/// One verb pattern: `threaten SUBJ _ to VERB:19 138` (tab-separated in the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbPattern {
    pub lemma: String,
    /// Whether the subject is the source (`SUBJ`).
    pub source: bool,
    pub target: Slot,
    /// Words that must be dependents of the verb (particles, object nouns): `out`, `agreement`.
    pub literals: Vec<String>,
    pub complement: Option<Complement>,
    /// The event's code; `None` for the null code of imported dictionaries (`---`): a
    /// match that makes no event and keeps less specific patterns from making one.
    pub code: Option<CameoCode>,
    /// Words around the verb in surface order (imported TABARI/PETRARCH patterns).
    pub surface: Option<Surface>,
    /// The code of the event in the other direction, target to source (`032:033`: a
    /// visit is also the host's hosting); `None` when there is none.
    pub reverse_code: Option<CameoCode>,
}

/// One word, phrase or synonym set of a surface pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurfaceItem {
    /// Alternatives, each a phrase of lower-case words (a synonym set has several).
    pub phrases: Vec<Vec<String>>,
    /// Whether plurals of the phrases' last words match too (synonym sets of nouns).
    pub plurals: bool,
    /// Written glued to the item nearer the verb (`IN_*`, `*_OUT`, `WOULD_*_TALKS`): no
    /// word may come between them.
    pub adjacent: bool,
}

/// The words a surface pattern needs before and after the verb, in text order; each list
/// is read outward from the verb, nearest item first. Gaps are allowed unless an item is
/// `adjacent`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Surface {
    pub before: Vec<SurfaceItem>,
    pub after: Vec<SurfaceItem>,
    /// A `+` in the pattern: the target is the first actor after this many `after` items.
    pub target_after: Option<usize>,
}

impl Surface {
    /// Number of words the pattern needs.
    pub fn words(&self) -> usize {
        self.before
            .iter()
            .chain(&self.after)
            .map(|i| i.phrases.iter().map(Vec::len).min().unwrap_or(0))
            .sum()
    }
}

impl VerbPattern {
    /// How specific the pattern is; the most specific matching pattern wins.
    pub fn specificity(&self) -> u32 {
        if let Some(sf) = &self.surface {
            return 2 * sf.words() as u32;
        }
        let mut s = 2 * self.literals.len() as u32;
        if self.complement.is_some() {
            s += 3;
        }
        if let Some(c) = &self.complement {
            if c.lemma.is_some() || c.root.is_some() {
                s += 1;
            }
        }
        if matches!(self.target, Slot::Prep(_)) {
            s += 1;
        }
        s
    }
}

/// An event noun: `barrage on,against,targeting 195` (tab-separated in the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NounEntry {
    pub lemma: String,
    /// Prepositions (or the participle `targeting`) that introduce the target.
    pub target_preps: Vec<String>,
    /// Words that must modify the noun (`missile` for a more specific code) or be the
    /// verb that governs it (`go` in "went on strike": a verb named here lends the noun
    /// its subject, as a light verb does); empty = any.
    pub literals: Vec<String>,
    pub code: CameoCode,
}

/// A lexicon file problem.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {kind}")]
pub struct LexiconError {
    pub file: String,
    pub line: usize,
    kind: ErrorKind,
}

#[derive(Debug)]
enum ErrorKind {
    Columns(usize, usize),
    Code(String),
    Number(String),
    Pattern(String),
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Columns(want, got) => {
                write!(f, "expected {want} tab-separated columns, got {got}")
            }
            ErrorKind::Code(c) => write!(f, "unknown or malformed CAMEO code {c:?}"),
            ErrorKind::Number(s) => write!(f, "not a number: {s:?}"),
            ErrorKind::Pattern(s) => write!(f, "bad pattern: {s}"),
        }
    }
}

/// The event lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub(crate) cameo: HashMap<CameoCode, CameoInfo>,
    pub(crate) verbs: HashMap<String, Vec<VerbPattern>>,
    pub(crate) nouns: HashMap<String, Vec<NounEntry>>,
    /// Irregular verb forms (lower case) to the lemma their patterns are filed under.
    pub(crate) verb_forms: HashMap<String, String>,
    /// The second tier: verb patterns converted from an outside dictionary
    /// (`lexicon/cameo-verbs.tsv`), kept apart from our own and consulted behind them.
    pub(crate) fallback: Fallback,
}

/// Second-tier verb patterns: the lines of `verbs.tsv`-format files, indexed by lemma at
/// load (columns and codes checked then), each lemma's patterns parsed the first time
/// they are asked for: parsing the ninety thousand lines of `cameo-verbs.tsv` up front
/// cost about 40 ms of CPU time a load (the budget is 30 ms), indexing them about 6, and
/// a document asks for a few hundred lemmas. A lemma's lines are kept as the byte ranges of the file they
/// fill (one range per lemma in a file sorted by lemma, as the generated one is).
#[derive(Debug, Clone, Default)]
pub(crate) struct Fallback {
    /// File names and texts.
    sources: Vec<(String, Cow<'static, str>)>,
    lemmas: HashMap<String, FallbackLemma>,
    lines: usize,
}

#[derive(Debug, Clone)]
struct FallbackLemma {
    ranges: Vec<LineRange>,
    patterns: OnceLock<Vec<VerbPattern>>,
}

/// Consecutive lines of one source: bytes `start..end`, the first being line `line`.
#[derive(Debug, Clone, Copy)]
struct LineRange {
    source: u16,
    start: u32,
    end: u32,
    line: u32,
}

impl Fallback {
    /// Files a range of a lemma's lines (after any it already has).
    fn file_range(&mut self, lemma: &str, range: LineRange) {
        match self.lemmas.get_mut(lemma) {
            Some(e) => e.ranges.push(range),
            None => {
                self.lemmas.insert(
                    lemma.to_string(),
                    FallbackLemma {
                        ranges: vec![range],
                        patterns: OnceLock::new(),
                    },
                );
            }
        }
    }

    /// The patterns of a lemma's lines, codes read against `cameo` (the table the codes
    /// were checked and added to at load). `strict`: the first line that does not parse
    /// is an error; otherwise it is left out.
    fn parse(
        &self,
        lemma: &FallbackLemma,
        cameo: &HashMap<CameoCode, CameoInfo>,
        strict: bool,
    ) -> Result<Vec<VerbPattern>, LexiconError> {
        let mut out = Vec::new();
        for r in &lemma.ranges {
            let (file, text) = &self.sources[r.source as usize];
            let lines = text[r.start as usize..r.end as usize].lines();
            for (i, line) in lines.enumerate() {
                let t = line.trim();
                if t.is_empty() || t.starts_with('#') {
                    continue;
                }
                let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
                let known = |c: &str| c.parse().ok().filter(|c| cameo.contains_key(c));
                let parsed = match read_code_column(cols.get(2).copied().unwrap_or(""), known) {
                    Some((code, reverse)) if cols.len() == 3 => {
                        parse_pattern(cols[0], cols[1], code.unwrap_or_else(placeholder)).map(
                            |mut p| {
                                p.code = code;
                                p.reverse_code = reverse;
                                p
                            },
                        )
                    }
                    _ => Err("columns or code changed since load".to_string()),
                };
                match parsed {
                    Ok(p) => out.push(p),
                    Err(e) if strict => {
                        return Err(LexiconError {
                            file: file.clone(),
                            line: r.line as usize + i,
                            kind: ErrorKind::Pattern(e),
                        })
                    }
                    Err(_) => {}
                }
            }
        }
        Ok(out)
    }
}

/// A code column read: the code (`None` for the null code) and the reverse code.
type Codes = (Option<CameoCode>, Option<CameoCode>);

/// The code column of a verb pattern: `CODE`, `CODE:REVERSE` (the event and, target to
/// source, the reverse event), or the null code `---` (`None`); each code resolved by
/// `known`.
fn read_code_column(col: &str, mut known: impl FnMut(&str) -> Option<CameoCode>) -> Option<Codes> {
    if col == "---" {
        return Some((None, None));
    }
    let (code, reverse) = match col.split_once(':') {
        Some((c, r)) => (c, Some(r)),
        None => (col, None),
    };
    let code = known(code)?;
    let reverse = match reverse {
        Some(r) => Some(known(r)?),
        None => None,
    };
    Some((Some(code), reverse))
}

/// The code `parse_pattern` is given for a null-coded line (then set to `None`).
fn placeholder() -> CameoCode {
    Root::new(1).expect("a root").code()
}

const CAMEO_TSV: &str = include_str!("../../../lexicon/cameo.tsv");
const VERBS_TSV: &str = include_str!("../../../lexicon/verbs.tsv");
const NOUNS_TSV: &str = include_str!("../../../lexicon/nouns.tsv");
const CAMEO_VERBS_TSV: &str = include_str!("../../../lexicon/cameo-verbs.tsv");

impl Lexicon {
    /// The lexicon shipped in `lexicon/`: our own code table, verb patterns and event
    /// nouns, and behind them the CAMEO verb patterns of `cameo-verbs.tsv` as the second
    /// tier ([`fallback_verb_patterns`](Self::fallback_verb_patterns)).
    pub fn builtin() -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::from_sources(CAMEO_TSV, VERBS_TSV, NOUNS_TSV)?;
        lex.fallback_from("cameo-verbs.tsv", Cow::Borrowed(CAMEO_VERBS_TSV))?;
        Ok(lex)
    }

    /// A lexicon from the text of the three files (`cameo.tsv`, `verbs.tsv`, `nouns.tsv`).
    pub fn from_sources(cameo: &str, verbs: &str, nouns: &str) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon {
            cameo: HashMap::new(),
            verbs: HashMap::new(),
            nouns: HashMap::new(),
            verb_forms: HashMap::new(),
            fallback: Fallback::default(),
        };
        for (n, cols) in rows(cameo) {
            let err = |kind| LexiconError {
                file: "cameo.tsv".into(),
                line: n,
                kind,
            };
            if cols.len() != 5 {
                return Err(err(ErrorKind::Columns(5, cols.len())));
            }
            let code: CameoCode = cols[0]
                .parse()
                .map_err(|_| err(ErrorKind::Code(cols[0].into())))?;
            let plover: PloverType = cols[2]
                .parse()
                .map_err(|e: aras_schema::ParseError| err(ErrorKind::Pattern(e.to_string())))?;
            let quad_class: QuadClass = cols[3]
                .parse()
                .map_err(|_| err(ErrorKind::Number(cols[3].into())))?;
            let goldstein: f32 = cols[4]
                .parse()
                .map_err(|_| err(ErrorKind::Number(cols[4].into())))?;
            lex.cameo.insert(
                code,
                CameoInfo {
                    code,
                    name: cols[1].to_string(),
                    plover,
                    quad_class,
                    goldstein,
                },
            );
        }
        for (n, cols) in rows(verbs) {
            let err = |kind| LexiconError {
                file: "verbs.tsv".into(),
                line: n,
                kind,
            };
            if cols.len() != 3 {
                return Err(err(ErrorKind::Columns(3, cols.len())));
            }
            let p = lex.verb_line(&cols).map_err(err)?;
            lex.verbs.entry(p.lemma.clone()).or_default().push(p);
        }
        for (n, cols) in rows(nouns) {
            let err = |kind| LexiconError {
                file: "nouns.tsv".into(),
                line: n,
                kind,
            };
            if cols.len() != 3 {
                return Err(err(ErrorKind::Columns(3, cols.len())));
            }
            let code = lex
                .known_code(cols[2])
                .ok_or_else(|| err(ErrorKind::Code(cols[2].into())))?;
            let mut words = cols[0]
                .split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>();
            let Some(lemma) = words.pop() else {
                return Err(err(ErrorKind::Pattern("empty noun".into())));
            };
            let target_preps = if cols[1].trim() == "-" {
                Vec::new()
            } else {
                cols[1]
                    .split(',')
                    .map(|s| s.trim().to_lowercase())
                    .filter(|s| !s.is_empty())
                    .collect()
            };
            lex.nouns.entry(lemma.clone()).or_default().push(NounEntry {
                lemma,
                target_preps,
                literals: words,
                code,
            });
        }
        Ok(lex)
    }

    /// Loads a `verbs.tsv`-format file as the second tier of verb patterns (kept apart
    /// from [`verb_patterns`](Self::verb_patterns); see
    /// [`fallback_verb_patterns`](Self::fallback_verb_patterns)). Columns, lemmas and
    /// codes are checked now, errors naming `file` and the line; the patterns are parsed
    /// per lemma when first asked for ([`check_fallback_verbs`](Self::check_fallback_verbs)
    /// parses them all). A 4-digit code the table lacks is accepted when its 3-digit
    /// parent is there, and added to the table with the parent's facts (converted
    /// dictionaries use such codes). Returns the number of lines loaded.
    pub fn add_fallback_verbs(&mut self, file: &str, text: &str) -> Result<usize, LexiconError> {
        self.fallback_from(file, Cow::Owned(text.to_string()))
    }

    fn fallback_from(
        &mut self,
        file: &str,
        text: Cow<'static, str>,
    ) -> Result<usize, LexiconError> {
        let source = self.fallback.sources.len() as u16;
        let bytes = text.as_bytes();
        let mut n = 0;
        // Lines of a lemma usually come together (the generated file is sorted): their
        // range grows here and is filed when the lemma changes.
        let mut group: Option<(&str, LineRange)> = None;
        // The last code column checked.
        let mut last_code: Option<&str> = None;
        let (mut start, mut line) = (0usize, 0usize);
        while start < bytes.len() {
            line += 1;
            // One pass over the line: its end and its first two tabs.
            let mut tabs = [0usize; 2];
            let mut count = 0;
            let mut end = bytes.len();
            for (i, &b) in bytes[start..].iter().enumerate() {
                if b == b'\n' {
                    end = start + i;
                    break;
                }
                if b == b'\t' {
                    if count < 2 {
                        tabs[count] = i;
                    }
                    count += 1;
                }
            }
            let (at, raw) = (start, &text[start..end]);
            start = end + 1;
            let t = raw.trim_start();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            let err = |kind| LexiconError {
                file: file.into(),
                line,
                kind,
            };
            if count != 2 {
                return Err(err(ErrorKind::Columns(3, count + 1)));
            }
            let lemma = raw[..tabs[0]].trim();
            let code = raw[tabs[1] + 1..].trim();
            if lemma.is_empty()
                || !lemma
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'\'')
            {
                return Err(err(ErrorKind::Pattern(format!(
                    "verb lemma must be one lower-case word: {lemma:?}"
                ))));
            }
            if last_code != Some(code) {
                self.code_column(code, true)
                    .ok_or_else(|| err(ErrorKind::Code(code.into())))?;
                last_code = Some(code);
            }
            match &mut group {
                Some((l, range)) if *l == lemma => range.end = end as u32,
                _ => {
                    if let Some((l, range)) = group.take() {
                        self.fallback.file_range(l, range);
                    }
                    let range = LineRange {
                        source,
                        start: at as u32,
                        end: end as u32,
                        line: line as u32,
                    };
                    group = Some((lemma, range));
                }
            }
            n += 1;
        }
        if let Some((l, range)) = group.take() {
            self.fallback.file_range(l, range);
        }
        self.fallback.sources.push((file.to_string(), text));
        self.fallback.lines += n;
        Ok(n)
    }

    /// Parses every second-tier pattern now (they are otherwise parsed per lemma when
    /// first asked for); the error of the first line that does not parse. Returns the
    /// number of patterns.
    pub fn check_fallback_verbs(&self) -> Result<usize, LexiconError> {
        let mut n = 0;
        for e in self.fallback.lemmas.values() {
            n += self.fallback.parse(e, &self.cameo, true)?.len();
        }
        Ok(n)
    }

    /// One line of `verbs.tsv` (lemma, pattern, code column).
    fn verb_line(&mut self, cols: &[&str]) -> Result<VerbPattern, ErrorKind> {
        let (code, reverse) = self
            .code_column(cols[2], false)
            .ok_or_else(|| ErrorKind::Code(cols[2].into()))?;
        let mut p = parse_pattern(cols[0], cols[1], code.unwrap_or_else(placeholder))
            .map_err(ErrorKind::Pattern)?;
        p.code = code;
        p.reverse_code = reverse;
        Ok(p)
    }

    /// [`read_code_column`] against the table; with `adopt`, 4-digit codes the table
    /// lacks are added under their 3-digit parent.
    fn code_column(&mut self, col: &str, adopt: bool) -> Option<Codes> {
        read_code_column(col, |c| {
            self.known_code(c)
                .or_else(|| adopt.then(|| self.adopt_code(c)).flatten())
        })
    }

    /// A 4-digit code the table lacks, added with the facts of its 3-digit parent.
    fn adopt_code(&mut self, code: &str) -> Option<CameoCode> {
        let c: CameoCode = code.parse().ok()?;
        let parent = self.cameo.get(&code.get(..3)?.parse().ok()?)?.clone();
        if code.len() != 4 {
            return None;
        }
        self.cameo.insert(
            c,
            CameoInfo {
                code: c,
                name: format!("{} (code {code}, not in cameo.tsv)", parent.name),
                ..parent
            },
        );
        Some(c)
    }

    /// The lemma an irregular verb form (lower case) is filed under, if it is one.
    pub fn verb_form(&self, word: &str) -> Option<&str> {
        self.verb_forms.get(word).map(String::as_str)
    }

    /// Facts about a CAMEO code.
    pub fn cameo(&self, code: CameoCode) -> Option<&CameoInfo> {
        self.cameo.get(&code)
    }

    /// `code` parsed, if it is a code of the table.
    pub fn known_code(&self, code: &str) -> Option<CameoCode> {
        code.parse().ok().filter(|c| self.cameo.contains_key(c))
    }

    /// The patterns of a verb lemma (lowercase), in file order.
    pub fn verb_patterns(&self, lemma: &str) -> &[VerbPattern] {
        self.verbs.get(lemma).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The second-tier patterns of a verb lemma (lowercase), in file order: the CAMEO verb
    /// dictionary converted into our language (`lexicon/cameo-verbs.tsv`), to be used
    /// only where our own patterns ([`verb_patterns`](Self::verb_patterns)) do not code.
    ///
    /// Parsed when first asked for; a line that does not parse is left out (none of the
    /// shipped file: a test parses them all, see
    /// [`check_fallback_verbs`](Self::check_fallback_verbs)).
    pub fn fallback_verb_patterns(&self, lemma: &str) -> &[VerbPattern] {
        match self.fallback.lemmas.get(lemma) {
            Some(e) => e.patterns.get_or_init(|| {
                self.fallback
                    .parse(e, &self.cameo, false)
                    .unwrap_or_default()
            }),
            None => &[],
        }
    }

    /// Numbers of second-tier verb patterns (lines loaded) and of their lemmas.
    pub fn fallback_sizes(&self) -> (usize, usize) {
        (self.fallback.lines, self.fallback.lemmas.len())
    }

    /// The lemmas that have second-tier patterns (in no particular order).
    pub fn fallback_lemmas(&self) -> impl Iterator<Item = &str> {
        self.fallback.lemmas.keys().map(String::as_str)
    }

    /// The entries of an event noun lemma (lowercase, singular), in file order.
    pub fn noun_entries(&self, lemma: &str) -> &[NounEntry] {
        self.nouns.get(lemma).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Numbers of CAMEO codes, verb patterns (our own; the second tier is counted by
    /// [`fallback_sizes`](Self::fallback_sizes)) and noun entries.
    pub fn sizes(&self) -> (usize, usize, usize) {
        (
            self.cameo.len(),
            self.verbs.values().map(Vec::len).sum(),
            self.nouns.values().map(Vec::len).sum(),
        )
    }

    /// All CAMEO codes in the table.
    pub fn codes(&self) -> impl Iterator<Item = CameoCode> + '_ {
        self.cameo.keys().copied()
    }

    /// All verb patterns.
    pub fn all_verb_patterns(&self) -> impl Iterator<Item = &VerbPattern> {
        self.verbs.values().flatten()
    }

    /// All noun entries.
    pub fn all_noun_entries(&self) -> impl Iterator<Item = &NounEntry> {
        self.nouns.values().flatten()
    }
}

/// Non-comment, non-blank lines split on tabs, with 1-based line numbers.
fn rows(src: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    src.lines().enumerate().filter_map(|(i, l)| {
        let t = l.trim();
        if t.is_empty() || t.starts_with('#') {
            None
        } else {
            Some((i + 1, l.split('\t').map(str::trim).collect()))
        }
    })
}

/// Words that, before `OBJ`, make a prepositional target slot (other words are literals).
pub const PREPOSITIONS: &[&str] = &[
    "with", "against", "on", "to", "at", "in", "into", "from", "for", "of", "about", "between",
    "behind", "over", "toward", "towards", "upon", "across", "among", "by", "onto", "through",
    "near", "inside", "within",
];

/// Parses the pattern column of `verbs.tsv`.
pub fn parse_pattern(lemma: &str, pattern: &str, code: CameoCode) -> Result<VerbPattern, String> {
    let lemma = lemma.trim().to_lowercase();
    if lemma.is_empty() || lemma.contains(char::is_whitespace) {
        return Err(format!("verb lemma must be one word: {lemma:?}"));
    }
    let toks: Vec<&str> = pattern.split_whitespace().collect();
    let mut p = VerbPattern {
        lemma,
        source: false,
        target: Slot::None,
        literals: Vec::new(),
        complement: None,
        code: Some(code),
        surface: None,
        reverse_code: None,
    };
    let mut verb_seen = false;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let next = toks.get(i + 1).copied();
        match t {
            "SUBJ" => {
                if p.source {
                    return Err("SUBJ twice".into());
                }
                p.source = true;
            }
            "_" => {
                if verb_seen {
                    return Err("_ twice".into());
                }
                verb_seen = true;
            }
            "OBJ" => {
                if p.target != Slot::None {
                    return Err("two target slots".into());
                }
                p.target = Slot::Object;
            }
            _ if t
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c == '\'') =>
            {
                if next == Some("OBJ") && PREPOSITIONS.contains(&t) {
                    if p.target != Slot::None {
                        return Err("two target slots".into());
                    }
                    p.target = Slot::Prep(t.to_string());
                    i += 1;
                } else if t == "to"
                    && next.is_some_and(|n| {
                        n.starts_with("VERB") || n.chars().all(|c| c.is_ascii_lowercase())
                    })
                {
                    if p.complement.is_some() {
                        return Err("two complements".into());
                    }
                    let n = next.unwrap_or_default();
                    let c = if let Some(rest) = n.strip_prefix("VERB") {
                        let root = match rest.strip_prefix(':') {
                            Some(r) if r.len() == 2 => Some(
                                r.parse::<Root>()
                                    .map_err(|_| format!("bad complement root {r:?}"))?,
                            ),
                            Some(r) => return Err(format!("bad complement root {r:?}")),
                            None if rest.is_empty() => None,
                            None => return Err(format!("bad complement {n:?}")),
                        };
                        Complement { lemma: None, root }
                    } else {
                        Complement {
                            lemma: Some(n.to_string()),
                            root: None,
                        }
                    };
                    p.complement = Some(c);
                    i += 1;
                } else {
                    p.literals.push(t.to_string());
                }
            }
            _ => return Err(format!("unknown token {t:?}")),
        }
        i += 1;
    }
    if !verb_seen {
        return Err("no _ (the verb)".into());
    }
    Ok(p)
}
