//! A read verb dictionary → lines of aras's verb pattern language
//! (`lemma<TAB>pattern<TAB>cameo`, `lexicon/README.md`), with a report of every
//! dictionary pattern converted or skipped and why.
//!
//! Written for PETRARCH2's `CAMEO.2.0.txt`; the rules (each tested with real lines of that
//! file in `tests/it/patterns.rs`):
//!
//! **Verbs.** Every verb of a block (the first verb line and its synonyms) gets the block's
//! patterns and, when it has a code (its own, else the block's), a bare pattern
//! `SUBJ _ OBJ` with that code. The lemma is the verb's head word in lower case (the word
//! marked `+` in a multi-word verb); the other words of a multi-word verb become literals
//! of every line of that verb (`+STIR_UP` → `stir SUBJ _ OBJ up`). Irregular forms in `{...}`
//! are not needed, since the coder matches lemmas, but they map a head that is itself an
//! inflected form (`SHOT_AND` when `SHOOT {... SHOT}` exists) to its lemma, as does
//! [`LEMMAS`] (`KILLED` → `kill`). A verb whose lemma is an auxiliary (`+IS_DETERMINED`) is
//! skipped: the parse makes the other word the head. A verb with the null code `---` gets
//! no bare pattern (in PETRARCH an isolated null-coded verb makes no event either).
//!
//! **Pattern words.** `*` is the verb; everything else must come after it. Words are
//! literals, lemmatised the simple way our lemmas look: lower case, plural nouns singular
//! (`RELATIONS` → `relation`, `ALLIES` → `ally`); articles (`A`, `AN`, `THE`) are dropped.
//! - `* +` is the direct object slot `OBJ`; a preposition of [`PREPOSITIONS`] directly
//!   before `+` gives `PREP OBJ` (`* ATTACK ON +`, `(WITH +)`), and so does an empty
//!   prepositional group or a preposition ending the pattern (`* (AGAINST)`, `* COUP
//!   AGAINST`): PETRARCH finds the target in that phrase.
//! - `(PREP NOUN)` groups and `{MULTI WORD}` compounds give their words as literals. Our
//!   literals are dependents or dependents' dependents of the verb, so the preposition is
//!   kept only for a group that follows the verb directly (`* (FOR AID)` → `for aid`: `for`
//!   hangs from `aid`, `aid` from the verb); after a noun the group most likely modifies
//!   that noun (`* LETTER (OF CREDENCE)`), its preposition would be three levels down,
//!   and it is dropped (`letter credence`). `to` before a word is always dropped: our
//!   language reads `to word` as an infinitive.
//! - `TO VERB` or `(TO VERB)` directly on the verb (nothing before it but particles and
//!   `+`) is the complement `to lemma` when the word is a verb of the dictionary and never
//!   one of its nouns (`* TO CONGRATULATE`, `* (TO DEMONSTRATE)`); otherwise the word is a
//!   literal (`* (TO COURT)` → `court`; `* PLAN (TO WITHDRAW)` → `plan withdraw`), which
//!   matches both an infinitive and a noun hanging from the verb.
//! - `&SYNSET` expands to one line per phrase of the set (nested sets expanded), at most
//!   [`ConvertOptions::synset_cap`] phrases per reference and
//!   [`ConvertOptions::expansion_cap`] lines per pattern and verb; where a cap cut the
//!   expansion the pattern's report says so. `A/B` alternatives expand the same way.
//! - Skipped with a reason, not guessed: words before the verb (`- + * ROCKET`), the
//!   source, compound and skip markers `$`, `%`, `^`, a target after a noun or followed by
//!   a word (`* HELP +`, `* + MISSION`, `(INTO + POSIT)`), two target slots, a target after
//!   a preposition our language has no slot for (`AS`), undefined synonym sets, words that
//!   are not lower-case letters, `'` and `-` once lower-cased, unbalanced brackets.
//!
//! **Codes.** Written as the dictionary writes them when they are CAMEO codes of the code
//! table (`lexicon/cameo.tsv`): `073`; the pair `046:046` (the event and, target to source,
//! the reverse event); the null code `---` (a match that makes no event and keeps less
//! specific patterns from making one). A 4-digit code the table lacks is kept when its
//! 3-digit parent exists (the lexicon adds it with the parent's facts); other codes, and a
//! reverse code alone (`:054`), are skipped with the reason.
//!
//! **Output.** Lines are sorted by lemma, then by the dictionary's order (block by block,
//! each verb's patterns in file order, then its bare pattern). A line written before is
//! written once; a line whose lemma and pattern were written before with another code
//! could never win (the first of equally specific patterns wins), so it is not written
//! and is counted as shadowed.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use crate::verbs::{Synset, VerbDictionary};
use crate::Format;

/// Prepositions that make a prepositional target slot (`PREP OBJ`): the `PREPOSITIONS`
/// of `aras-events`' pattern language (a test there keeps the two lists equal).
pub const PREPOSITIONS: &[&str] = &[
    "with", "against", "on", "to", "at", "in", "into", "from", "for", "of", "about", "between",
    "behind", "over", "toward", "towards", "upon", "across", "among", "by", "onto", "through",
    "near", "inside", "within",
];

/// Other prepositions: literals, never slots.
const OTHER_PREPOSITIONS: &[&str] = &[
    "as",
    "under",
    "after",
    "before",
    "during",
    "without",
    "since",
    "via",
    "despite",
    "amid",
    "beyond",
    "like",
    "than",
    "until",
    "alongside",
    "around",
    "outside",
    "per",
];

/// Adverb particles of phrasal verbs: literals that leave what follows them "directly on
/// the verb" (`* UP (FOR X)` keeps `for`, as `* (FOR X)` does).
const PARTICLES: &[&str] = &[
    "up", "out", "off", "down", "back", "away", "apart", "aside", "forward", "together", "ahead",
    "forth", "along",
];

const ARTICLES: &[&str] = &["a", "an", "the"];

/// Heads that lemmatise to an auxiliary: the parse makes the other word the head.
const AUXILIARIES: &[&str] = &[
    "be", "have", "do", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
];

/// Dictionary verb words that are inflected forms, with the lemma our tagger gives them
/// (consulted before the dictionary's own `{...}` forms).
pub const LEMMAS: &[(&str, &str)] = &[
    ("is", "be"),
    ("are", "be"),
    ("was", "be"),
    ("were", "be"),
    ("been", "be"),
    ("attacked", "attack"),
    ("arrested", "arrest"),
    ("kidnapped", "kidnap"),
    ("killed", "kill"),
    ("stabbed", "stab"),
    ("shot", "shoot"),
    ("wounded", "wound"),
    ("determined", "determine"),
    ("forgave", "forgive"),
    ("touring", "tour"),
    ("worried", "worry"),
];

/// Words ending in `s` that are not plurals.
const NOT_PLURAL: &[&str] = &[
    "news",
    "headquarters",
    "barracks",
    "gallows",
    "series",
    "species",
    "means",
    "politics",
    "economics",
    "always",
    "perhaps",
    "towards",
    "afterwards",
    "besides",
    "whereas",
    "overseas",
    "less",
    "unless",
    "various",
    "its",
    "his",
    "has",
    "was",
    "does",
    "yes",
    "this",
    "thus",
    "us",
    "themselves",
    "ourselves",
    "yourselves",
];

/// The CAMEO codes a converted line may use.
#[derive(Debug, Clone, Default)]
pub struct CodeTable {
    codes: BTreeSet<String>,
}

impl CodeTable {
    /// The codes of aras's own CAMEO table, `lexicon/cameo.tsv`.
    pub fn builtin() -> CodeTable {
        CodeTable::from_cameo_tsv(include_str!("../../../lexicon/cameo.tsv"))
    }

    /// The codes of a `cameo.tsv` (first column of its non-comment lines).
    pub fn from_cameo_tsv(text: &str) -> CodeTable {
        CodeTable::new(text.lines().filter_map(|l| {
            let t = l.trim();
            (!t.is_empty() && !t.starts_with('#'))
                .then(|| t.split('\t').next().unwrap_or("").trim().to_string())
        }))
    }

    /// A table of these codes.
    pub fn new(codes: impl IntoIterator<Item = String>) -> CodeTable {
        CodeTable {
            codes: codes.into_iter().collect(),
        }
    }

    /// `Ok(false)`: a code of the table; `Ok(true)`: a 4-digit code the table lacks whose
    /// parent it has; `Err`: neither.
    fn check(&self, code: &str) -> Result<bool, String> {
        if self.codes.contains(code) {
            return Ok(false);
        }
        if code.len() == 4
            && code.bytes().all(|b| b.is_ascii_digit())
            && self.codes.contains(&code[..3])
        {
            return Ok(true);
        }
        Err(code.to_string())
    }
}

/// Settings of the conversion.
#[derive(Debug, Clone)]
pub struct ConvertOptions {
    /// The codes lines may use.
    pub codes: CodeTable,
    /// At most this many phrases of a synonym set per reference (file order).
    pub synset_cap: usize,
    /// At most this many lines per pattern and verb.
    pub expansion_cap: usize,
    /// Verb words to lemmas, consulted before the dictionary's irregular forms.
    pub lemmas: BTreeMap<String, String>,
}

impl ConvertOptions {
    /// Defaults: caps of 12 phrases per synonym set reference and 24 lines per pattern,
    /// the [`LEMMAS`] table.
    pub fn new(codes: CodeTable) -> ConvertOptions {
        ConvertOptions {
            codes,
            synset_cap: 12,
            expansion_cap: 24,
            lemmas: LEMMAS
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
        }
    }
}

/// Why a dictionary pattern (or a verb's bare pattern) was not converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SkipReason {
    /// Brackets that do not pair up, no `*`, two `*`.
    Malformed,
    /// Words or markers before the verb (`- + * ROCKET`, `- &REFUGEE *`).
    BeforeVerb,
    /// `$` (source), `%` (compound actor) or `^` (skipped phrase).
    Marker,
    /// `+` after a noun without a preposition (`* HELP +`).
    TargetAfterNoun,
    /// Words after the target (`* + MISSION`, `(INTO + POSIT)`).
    WordAfterTarget,
    /// Two target slots.
    TwoTargets,
    /// A target after a preposition our language has no slot for.
    NoSlot,
    /// A synonym set that is not defined.
    UndefinedSynset,
    /// A word that is no literal of our language once lower-cased.
    UnreadableWord,
    /// A structure the language cannot say (a group inside a group, ...).
    Unexpressible,
    /// Only a reverse code (`:054`): no event from the subject.
    ReverseOnly,
    /// A code that is not a CAMEO code of the table.
    UnknownCode,
    /// A verb whose lemma is an auxiliary (`+IS_DETERMINED`).
    AuxiliaryVerb,
    /// A verb word that is no lemma of our language.
    UnreadableVerb,
}

impl SkipReason {
    /// A short description.
    pub fn describe(self) -> &'static str {
        match self {
            SkipReason::Malformed => "malformed pattern (brackets, no verb or two verbs)",
            SkipReason::BeforeVerb => "words before the verb",
            SkipReason::Marker => "source, compound or skip marker ($ % ^)",
            SkipReason::TargetAfterNoun => "target after a noun without a preposition",
            SkipReason::WordAfterTarget => "words after the target",
            SkipReason::TwoTargets => "two target slots",
            SkipReason::NoSlot => "target after a preposition we have no slot for",
            SkipReason::UndefinedSynset => "undefined synonym set",
            SkipReason::UnreadableWord => "word that is no literal of our language",
            SkipReason::Unexpressible => "structure our language cannot say",
            SkipReason::ReverseOnly => "reverse code only (target to source)",
            SkipReason::UnknownCode => "not a CAMEO code of the table",
            SkipReason::AuxiliaryVerb => "verb head is an auxiliary",
            SkipReason::UnreadableVerb => "verb that is no lemma of our language",
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// A reason with the detail that shows it (`$`, `&WEATHER`, `904`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    pub reason: SkipReason,
    pub detail: String,
}

impl Skip {
    fn new(reason: SkipReason, detail: impl Into<String>) -> Skip {
        Skip {
            reason,
            detail: detail.into(),
        }
    }
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.detail.is_empty() {
            write!(f, "{}", self.reason)
        } else {
            write!(f, "{}: {}", self.reason, self.detail)
        }
    }
}

/// One line of output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternLine {
    /// The verb lemma (lower case, one word).
    pub lemma: String,
    /// The pattern (`SUBJ _ for aid`).
    pub pattern: String,
    /// The code column (`073`, `046:046`, `---`).
    pub code: String,
    /// The dictionary line it comes from (the pattern's, or the verb's for a bare pattern).
    pub source_line: usize,
}

/// What became of one dictionary pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternReport {
    /// 1-based line of the pattern in the dictionary.
    pub line: usize,
    /// The pattern as written (after `- `), with its code.
    pub text: String,
    /// `Ok(notes)` when converted (notes on dropped words and capped expansions),
    /// `Err` when skipped.
    pub outcome: Result<Vec<String>, Skip>,
    /// Lines written for it (after removing duplicate and shadowed lines).
    pub lines: usize,
}

/// What became of one verb of the dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbReport {
    /// 1-based line of the verb.
    pub line: usize,
    /// The verb as written (words joined by spaces).
    pub verb: String,
    /// The lemma its lines are filed under, or why the verb was skipped.
    pub lemma: Result<String, Skip>,
    /// Its bare pattern: `Ok(Some(code))`, `Ok(None)` for the null code (no bare line), or
    /// why its code could not be used.
    pub bare: Result<Option<String>, Skip>,
}

/// The result of [`convert_verb_dictionary`].
#[derive(Debug, Clone, Default)]
pub struct Conversion {
    /// The lines, in output order.
    pub lines: Vec<PatternLine>,
    /// One report per dictionary pattern, in file order.
    pub patterns: Vec<PatternReport>,
    /// One report per verb line, in file order.
    pub verbs: Vec<VerbReport>,
    /// 4-digit codes the table lacks, kept under their parent.
    pub added_codes: BTreeSet<String>,
    /// Lines not written because the same line was written before.
    pub duplicates: usize,
    /// Lines not written because the same lemma and pattern had another code before:
    /// (dictionary line, lemma, pattern, code not written, code written).
    pub shadowed: Vec<(usize, String, String, String, String)>,
}

impl Conversion {
    /// Dictionary patterns converted (at least one line made, before de-duplication).
    pub fn converted(&self) -> usize {
        self.patterns.iter().filter(|p| p.outcome.is_ok()).count()
    }

    /// Dictionary patterns skipped.
    pub fn skipped(&self) -> usize {
        self.patterns.len() - self.converted()
    }

    /// Skipped patterns per reason, most frequent first.
    pub fn skipped_by_reason(&self) -> Vec<(SkipReason, usize)> {
        let mut m: BTreeMap<SkipReason, usize> = BTreeMap::new();
        for p in &self.patterns {
            if let Err(s) = &p.outcome {
                *m.entry(s.reason).or_default() += 1;
            }
        }
        let mut v: Vec<_> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }

    /// Notes of converted patterns per kind (the text before any `:`), most frequent first.
    pub fn notes_by_kind(&self) -> Vec<(String, usize)> {
        let mut m: BTreeMap<String, usize> = BTreeMap::new();
        for p in &self.patterns {
            if let Ok(notes) = &p.outcome {
                for n in notes {
                    let k = n.split(':').next().unwrap_or(n).to_string();
                    *m.entry(k).or_default() += 1;
                }
            }
        }
        let mut v: Vec<_> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }

    /// Distinct lemmas of the lines.
    pub fn lemmas(&self) -> usize {
        self.lines
            .iter()
            .map(|l| l.lemma.as_str())
            .collect::<BTreeSet<_>>()
            .len()
    }

    /// The counts as one line (`4667 patterns: ...`).
    pub fn summary(&self) -> String {
        format!(
            "{} patterns: {} converted, {} skipped; {} lines ({} duplicate and {} shadowed lines not written), {} lemmas",
            self.patterns.len(),
            self.converted(),
            self.skipped(),
            self.lines.len(),
            self.duplicates,
            self.shadowed.len(),
            self.lemmas()
        )
    }

    /// The lines as a `verbs.tsv`-format file with a header naming the source, the
    /// command, the source's licence lines and the counts.
    pub fn to_tsv(&self, header: &TsvHeader) -> String {
        let mut out = String::new();
        out.push_str(&format!(
            "# Generated from {} by aras-import's verb converter: do not edit.\n",
            header.source
        ));
        out.push_str(&format!("# Command: {}\n", header.command));
        for l in &header.licence {
            out.push_str(&format!("# {}: {l}\n", header.source));
        }
        out.push_str(&format!("# {}\n", self.summary()));
        out.push_str("# lemma\tpattern\tcameo  (format: lexicon/README.md)\n");
        for l in &self.lines {
            out.push_str(&format!("{}\t{}\t{}\n", l.lemma, l.pattern, l.code));
        }
        out
    }
}

/// What the header of a generated file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TsvHeader {
    /// The dictionary's file name (`CAMEO.2.0.txt`).
    pub source: String,
    /// The command that writes the file.
    pub command: String,
    /// Licence lines of the dictionary ([`licence_lines`]).
    pub licence: Vec<String>,
}

impl TsvHeader {
    /// The header of the file `aras dict import --format FORMAT SOURCE --out OUT` writes
    /// (file names, not paths, so that the file is the same wherever it is made), with
    /// the licence lines of the dictionary's text.
    pub fn new(source: &str, format: Format, out: Option<&str>, text: &str) -> TsvHeader {
        let mut command = format!("aras dict import --format {} {source}", format.name());
        if let Some(o) = out {
            command.push_str(&format!(" --out {o}"));
        }
        TsvHeader {
            source: source.to_string(),
            command,
            licence: licence_lines(text),
        }
    }
}

/// The licence and copyright lines of a dictionary's comments (`The MIT License (MIT)`,
/// `Copyright (c) 2015 Open Event Data Alliance`), in file order.
pub fn licence_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix('#'))
        .map(str::trim)
        .filter(|l| {
            let lower = l.to_lowercase();
            (lower.starts_with("copyright") && lower.contains(|c: char| c.is_ascii_digit()))
                || (lower.contains("license") && l.len() < 40)
        })
        .map(str::to_string)
        .collect()
}

// ---- pattern text → tree -------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Verb,
    Target,
    Marker(char),
    /// A word, or `A/B` alternatives; upper case as written.
    Word(Vec<String>),
    Synset(String),
    Compound(Vec<Node>),
    Group(Vec<Node>),
}

fn parse_tree(text: &str) -> Result<Vec<Node>, Skip> {
    let mut stack: Vec<(char, Vec<Node>)> = vec![(' ', Vec::new())];
    let mut word = String::new();
    let flush = |word: &mut String, stack: &mut Vec<(char, Vec<Node>)>| {
        if word.is_empty() {
            return;
        }
        let w = std::mem::take(word);
        let node = if let Some(name) = w.strip_prefix('&') {
            Node::Synset(format!("&{}", name.trim_end_matches('_')))
        } else {
            Node::Word(
                w.split('/')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            )
        };
        if let Some(top) = stack.last_mut() {
            top.1.push(node);
        }
    };
    for c in text.chars() {
        match c {
            '(' | '{' => {
                flush(&mut word, &mut stack);
                stack.push((c, Vec::new()));
            }
            ')' | '}' => {
                flush(&mut word, &mut stack);
                let want = if c == ')' { '(' } else { '{' };
                match stack.pop() {
                    Some((open, nodes)) if open == want && !stack.is_empty() => {
                        let node = if c == ')' {
                            Node::Group(nodes)
                        } else {
                            Node::Compound(nodes)
                        };
                        stack.last_mut().expect("outer level").1.push(node);
                    }
                    _ => return Err(Skip::new(SkipReason::Malformed, format!("unpaired '{c}'"))),
                }
            }
            '*' | '+' | '$' | '%' | '^' if word.is_empty() || !word.starts_with('&') => {
                flush(&mut word, &mut stack);
                let node = match c {
                    '*' => Node::Verb,
                    '+' => Node::Target,
                    m => Node::Marker(m),
                };
                stack.last_mut().expect("outer level").1.push(node);
            }
            c if c.is_whitespace() => flush(&mut word, &mut stack),
            // `_` glues words (no gap allowed); our literals have no order, so it only
            // separates them, except inside a synonym set's name (`&FIGHT_OF_WORDS`).
            '_' if !word.starts_with('&') => flush(&mut word, &mut stack),
            c => word.push(c),
        }
    }
    flush(&mut word, &mut stack);
    if stack.len() != 1 {
        return Err(Skip::new(SkipReason::Malformed, "unclosed bracket"));
    }
    Ok(stack.pop().expect("outer level").1)
}

// ---- tree → shape --------------------------------------------------------------------

/// One literal position: alternatives, each a list of upper-case words.
type Alts = Vec<Vec<String>>;

#[derive(Debug, Clone, Default)]
struct Shape {
    object: bool,
    prep: Option<String>,
    literals: Vec<Alts>,
    complement: Option<String>,
    notes: Vec<String>,
}

impl Shape {
    fn set_prep(&mut self, prep: &str) -> Result<(), Skip> {
        let p = prep.to_lowercase();
        if !PREPOSITIONS.contains(&p.as_str()) {
            return Err(Skip::new(SkipReason::NoSlot, prep));
        }
        if self.object || self.prep.as_ref().is_some_and(|q| *q != p) {
            return Err(Skip::new(SkipReason::TwoTargets, prep));
        }
        self.prep = Some(p);
        Ok(())
    }

    /// A word as a literal of its own.
    fn word(&mut self, w: &str) -> Result<(), Skip> {
        self.literals.push(vec![vec![lemma_word(w)?]]);
        Ok(())
    }
}

/// [`literal_lemma`], or why not.
fn lemma_word(w: &str) -> Result<String, Skip> {
    literal_lemma(w).ok_or_else(|| Skip::new(SkipReason::UnreadableWord, w))
}

struct Ctx<'a> {
    synsets: HashMap<&'a str, &'a Synset>,
    verbs: BTreeSet<String>,
    nouns: BTreeSet<String>,
    opts: &'a ConvertOptions,
}

fn lower(w: &str) -> String {
    w.to_lowercase()
}

fn is_prep(w: &str) -> bool {
    let l = lower(w);
    PREPOSITIONS.contains(&l.as_str()) || OTHER_PREPOSITIONS.contains(&l.as_str())
}

fn is_article(w: &str) -> bool {
    ARTICLES.contains(&lower(w).as_str())
}

fn is_particle(w: &str) -> bool {
    PARTICLES.contains(&lower(w).as_str())
}

fn single(node: &Node) -> Option<&str> {
    match node {
        Node::Word(a) if a.len() == 1 => Some(a[0].as_str()),
        _ => None,
    }
}

impl Ctx<'_> {
    /// A verb of the dictionary that is never one of its nouns.
    fn is_verb(&self, w: &str) -> bool {
        let l = lower(w);
        self.verbs.contains(&l) && !self.nouns.contains(&l)
    }

    /// The phrases of a synonym set (nested sets expanded) as literals: phrases with a
    /// word that is no literal are left out, articles dropped, repeats (`MISSILE`,
    /// `MISSILES`) kept once, and at most `synset_cap` kept (noted).
    fn expand(&self, name: &str, notes: &mut Vec<String>) -> Result<Alts, Skip> {
        let mut raw = Vec::new();
        self.expand_into(name, 0, &mut raw)?;
        let mut out: Alts = Vec::new();
        let mut left_out = Vec::new();
        for phrase in raw {
            let words: Option<Vec<String>> = phrase
                .iter()
                .filter(|w| !is_article(w))
                .map(|w| literal_lemma(w))
                .collect();
            match words {
                Some(w) if !w.is_empty() => {
                    if !out.contains(&w) {
                        out.push(w);
                    }
                }
                _ => left_out.push(phrase.join(" ")),
            }
        }
        if !left_out.is_empty() {
            let shown: Vec<&str> = left_out.iter().take(3).map(String::as_str).collect();
            notes.push(format!(
                "synonym set phrases left out: {} of {name} ({}{})",
                left_out.len(),
                shown.join(", "),
                if left_out.len() > 3 { ", ..." } else { "" }
            ));
        }
        let n = out.len();
        if n > self.opts.synset_cap {
            out.truncate(self.opts.synset_cap);
            notes.push(format!(
                "synonym set capped: {name} expanded to its first {} of {n} phrases",
                self.opts.synset_cap
            ));
        }
        Ok(out)
    }

    fn expand_into(&self, name: &str, depth: u8, out: &mut Alts) -> Result<(), Skip> {
        let set = self
            .synsets
            .get(name)
            .ok_or_else(|| Skip::new(SkipReason::UndefinedSynset, name))?;
        if depth > 4 {
            return Err(Skip::new(
                SkipReason::Unexpressible,
                "synonym sets nested too deep",
            ));
        }
        for m in &set.members {
            if let Some(inner) = m.strip_prefix('&') {
                self.expand_into(&format!("&{}", inner.trim()), depth + 1, out)?;
            } else {
                out.push(m.split_whitespace().map(str::to_string).collect());
            }
        }
        Ok(())
    }

    /// Literal alternatives of a noun-like node (word, synonym set, compound).
    fn noun_alts(&self, node: &Node, notes: &mut Vec<String>) -> Result<Option<Alts>, Skip> {
        Ok(match node {
            Node::Word(alts) => {
                let mut out: Alts = Vec::new();
                for w in alts {
                    if is_article(w) {
                        notes.push(format!("article dropped: {w}"));
                    } else {
                        out.push(vec![lemma_word(w)?]);
                    }
                }
                (!out.is_empty()).then_some(out)
            }
            Node::Synset(name) => Some(self.expand(name, notes)?),
            Node::Compound(inner) => {
                // The product of the parts' alternatives, in order.
                let mut acc: Alts = vec![Vec::new()];
                for n in inner {
                    let part = match n {
                        Node::Word(_) | Node::Synset(_) => self.noun_alts(n, notes)?,
                        Node::Target => {
                            return Err(Skip::new(SkipReason::WordAfterTarget, "+ in a compound"))
                        }
                        _ => {
                            return Err(Skip::new(
                                SkipReason::Unexpressible,
                                "a group or compound inside a compound",
                            ))
                        }
                    };
                    let Some(part) = part else { continue };
                    acc = acc
                        .iter()
                        .flat_map(|a| {
                            part.iter().map(move |p| {
                                let mut v = a.clone();
                                v.extend(p.iter().cloned());
                                v
                            })
                        })
                        .collect();
                }
                (acc.iter().any(|a| !a.is_empty())).then_some(acc)
            }
            Node::Group(_) => {
                return Err(Skip::new(
                    SkipReason::Unexpressible,
                    "a group inside a group",
                ))
            }
            Node::Target => return Err(Skip::new(SkipReason::TargetAfterNoun, "+")),
            Node::Verb | Node::Marker(_) => None,
        })
    }

    /// The shape of a pattern: its slots, literals and complement.
    fn shape(&self, nodes: &[Node]) -> Result<Shape, Skip> {
        let verbs: Vec<usize> = nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| matches!(n, Node::Verb))
            .map(|(i, _)| i)
            .collect();
        match verbs.as_slice() {
            [] => return Err(Skip::new(SkipReason::Malformed, "no *")),
            [_] => {}
            _ => return Err(Skip::new(SkipReason::Malformed, "two *")),
        }
        if verbs[0] > 0 {
            return Err(Skip::new(
                SkipReason::BeforeVerb,
                describe(&nodes[..verbs[0]]),
            ));
        }
        if let Some(m) = find_marker(nodes) {
            return Err(Skip::new(SkipReason::Marker, m.to_string()));
        }
        let rest = &nodes[1..];
        let mut sh = Shape::default();
        // Nothing but particles and the object slot so far.
        let mut on_verb = true;
        // The previous node was an empty prepositional group (a following `+` is its target).
        let mut slot_group = false;
        let mut i = 0;
        while i < rest.len() {
            let node = &rest[i];
            let next = rest.get(i + 1);
            let was_slot_group = std::mem::take(&mut slot_group);
            match node {
                Node::Target => {
                    if was_slot_group {
                        // `(AGAINST) +`: the group's slot.
                    } else if on_verb && !sh.object && sh.prep.is_none() {
                        // `* +`, `* UP +`.
                        sh.object = true;
                    } else {
                        return Err(Skip::new(
                            SkipReason::TargetAfterNoun,
                            describe(&rest[..=i]),
                        ));
                    }
                    check_after_target(&rest[i + 1..])?;
                }
                Node::Word(alts) if alts.len() == 1 && lower(&alts[0]) == "to" => match next {
                    None | Some(Node::Target) => {
                        sh.set_prep("to")?;
                        if next.is_some() {
                            check_after_target(&rest[i + 2..])?;
                            i += 1;
                        }
                    }
                    Some(n @ Node::Word(_)) if single(n).is_some() => {
                        let v = single(n).unwrap_or_default();
                        self.to_word(&mut sh, v, on_verb)?;
                        on_verb = false;
                        i += 1;
                    }
                    Some(n @ (Node::Word(_) | Node::Synset(_) | Node::Compound(_))) => {
                        sh.notes.push("to dropped: before a word".into());
                        if let Some(a) = self.noun_alts(n, &mut sh.notes)? {
                            sh.literals.push(a);
                        }
                        on_verb = false;
                        i += 1;
                    }
                    Some(_) => {
                        return Err(Skip::new(SkipReason::Unexpressible, "TO before a group"))
                    }
                },
                Node::Word(alts) if alts.len() == 1 && is_particle(&alts[0]) => {
                    sh.word(&alts[0])?;
                }
                Node::Word(alts) if alts.len() == 1 && is_prep(&alts[0]) => {
                    let p = &alts[0];
                    match next {
                        None => sh.set_prep(p)?,
                        Some(Node::Target) => {
                            sh.set_prep(p)?;
                            check_after_target(&rest[i + 2..])?;
                            i += 1;
                        }
                        Some(n @ (Node::Word(_) | Node::Synset(_) | Node::Compound(_))) => {
                            if on_verb {
                                sh.word(p)?;
                            } else {
                                sh.notes
                                    .push(format!("preposition dropped: {p} after a noun"));
                            }
                            if let Some(a) = self.noun_alts(n, &mut sh.notes)? {
                                sh.literals.push(a);
                            }
                            on_verb = false;
                            i += 1;
                        }
                        Some(_) => {
                            // A preposition before a group is a particle
                            // (`* OVER (AFTER RESIGNATION)`).
                            sh.word(p)?;
                        }
                    }
                }
                Node::Word(_) | Node::Synset(_) | Node::Compound(_) => {
                    if let Some(a) = self.noun_alts(node, &mut sh.notes)? {
                        sh.literals.push(a);
                        on_verb = false;
                    }
                }
                Node::Group(inner) => {
                    slot_group = self.group(&mut sh, inner, on_verb, &rest[i + 1..])?;
                    on_verb = false;
                }
                Node::Verb | Node::Marker(_) => {}
            }
            i += 1;
        }
        Ok(sh)
    }

    /// `TO word` (bare or as a group): the complement when `word` is a verb and the
    /// infinitive hangs from the verb, else the word as a literal.
    fn to_word(&self, sh: &mut Shape, w: &str, on_verb: bool) -> Result<(), Skip> {
        if on_verb && self.is_verb(w) && sh.complement.is_none() {
            // A verb's base form: lower case, not singularised.
            let l = lower(w);
            if !l.bytes().all(|b| b.is_ascii_lowercase()) {
                return Err(Skip::new(SkipReason::UnreadableWord, w));
            }
            sh.complement = Some(l);
            Ok(())
        } else {
            sh.notes.push(format!("to dropped: before {w}"));
            sh.word(w)
        }
    }

    /// A `( ... )` group. Returns whether it is an empty prepositional group (a slot a
    /// following `+` belongs to).
    fn group(
        &self,
        sh: &mut Shape,
        inner: &[Node],
        on_verb: bool,
        after: &[Node],
    ) -> Result<bool, Skip> {
        let prep: Option<&Vec<String>> = match inner.first() {
            Some(Node::Word(alts)) if alts.iter().all(|w| is_prep(w)) => Some(alts),
            _ => None,
        };
        let Some(prep) = prep else {
            // Not a prepositional group: its words are literals.
            for n in inner {
                if let Some(a) = self.noun_alts(n, &mut sh.notes)? {
                    sh.literals.push(a);
                }
            }
            return Ok(false);
        };
        let body = &inner[1..];
        let one = (prep.len() == 1).then(|| prep[0].as_str());
        match (body, one) {
            ([], Some(p)) => {
                sh.set_prep(p)?;
                return Ok(true);
            }
            ([], None) | ([Node::Target, ..], None) => {
                return Err(Skip::new(
                    SkipReason::Unexpressible,
                    format!("a slot after alternative prepositions {}", prep.join("/")),
                ))
            }
            ([Node::Target], Some(p)) => {
                sh.set_prep(p)?;
                check_after_target(after)?;
                return Ok(false);
            }
            ([Node::Target, more @ ..], _) => {
                return Err(Skip::new(SkipReason::WordAfterTarget, describe(more)))
            }
            _ => {}
        }
        if body.iter().any(|n| matches!(n, Node::Target)) {
            return Err(Skip::new(SkipReason::TargetAfterNoun, describe(inner)));
        }
        if one.is_some_and(|p| lower(p) == "to") {
            if let [n] = body {
                if let Some(w) = single(n) {
                    self.to_word(sh, w, on_verb)?;
                    return Ok(false);
                }
            }
            sh.notes.push("to dropped: before a word".into());
        } else if on_verb {
            let alts = prep
                .iter()
                .map(|p| lemma_word(p).map(|l| vec![l]))
                .collect::<Result<Alts, Skip>>()?;
            sh.literals.push(alts);
        } else {
            sh.notes.push(format!(
                "preposition dropped: {} after a noun",
                prep.join("/")
            ));
        }
        for n in body {
            if let Some(a) = self.noun_alts(n, &mut sh.notes)? {
                sh.literals.push(a);
            }
        }
        Ok(false)
    }
}

/// After the target only a `TO word` complement may follow.
fn check_after_target(after: &[Node]) -> Result<(), Skip> {
    match after {
        [] => Ok(()),
        [to, w] if single(to).is_some_and(|t| lower(t) == "to") && single(w).is_some() => Ok(()),
        [Node::Group(g)]
            if g.len() == 2
                && single(&g[0]).is_some_and(|t| lower(t) == "to")
                && single(&g[1]).is_some() =>
        {
            Ok(())
        }
        more => Err(Skip::new(SkipReason::WordAfterTarget, describe(more))),
    }
}

fn find_marker(nodes: &[Node]) -> Option<char> {
    nodes.iter().find_map(|n| match n {
        Node::Marker(m) => Some(*m),
        Node::Group(g) | Node::Compound(g) => find_marker(g),
        _ => None,
    })
}

fn describe(nodes: &[Node]) -> String {
    nodes
        .iter()
        .map(|n| match n {
            Node::Verb => "*".to_string(),
            Node::Target => "+".to_string(),
            Node::Marker(m) => m.to_string(),
            Node::Word(a) => a.join("/"),
            Node::Synset(s) => s.clone(),
            Node::Compound(g) => format!("{{{}}}", describe(g)),
            Node::Group(g) => format!("({})", describe(g)),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

// ---- words → lemmas ------------------------------------------------------------------

/// A pattern word as our lemmas look: lower case, a plural noun singular. `None` when it
/// is no literal of our language (letters, `'` and `-` only).
pub fn literal_lemma(word: &str) -> Option<String> {
    let w = word.to_lowercase();
    if w.is_empty()
        || !w
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '-' || c == '\'')
        || !w.starts_with(|c: char| c.is_ascii_lowercase())
    {
        return None;
    }
    Some(singular(&w))
}

/// `relations` → `relation`, `allies` → `ally`, `boxes` → `box`, `crisis` kept (the
/// regular rules of the tagger's lemmatiser, `aras-nlp`).
fn singular(w: &str) -> String {
    if w.len() < 4 || NOT_PLURAL.contains(&w) {
        return w.to_string();
    }
    if let Some(s) = w.strip_suffix("ies") {
        if w.len() > 4 {
            return format!("{s}y");
        }
    }
    for suf in ["sses", "xes", "zzes", "ches", "shes"] {
        if w.ends_with(suf) {
            return w[..w.len() - 2].to_string();
        }
    }
    if ["ss", "us", "is"].iter().any(|s| w.ends_with(s)) {
        return w.to_string();
    }
    if let Some(s) = w.strip_suffix("men") {
        if w.len() > 4 {
            return format!("{s}man");
        }
    }
    match w.strip_suffix('s') {
        Some(s) => s.to_string(),
        None => w.to_string(),
    }
}

// ---- the conversion ------------------------------------------------------------------

/// Code column parsed and checked: (rendered code, 4-digit codes kept under a parent).
fn check_code(raw: &str, table: &CodeTable) -> Result<(Option<String>, Vec<String>), Skip> {
    let raw = raw.trim();
    let (fwd, rev) = match raw.split_once(':') {
        Some((f, r)) => (f.trim(), Some(r.trim())),
        None => (raw, None),
    };
    if fwd.is_empty() {
        return Err(Skip::new(SkipReason::ReverseOnly, raw));
    }
    let rev = rev.filter(|r| !r.is_empty() && *r != "---");
    if fwd == "---" {
        // The null code blocks; a reverse code beside it would make an event we cannot say.
        return match rev {
            None => Ok((None, Vec::new())),
            Some(_) => Err(Skip::new(SkipReason::ReverseOnly, raw)),
        };
    }
    let mut added = Vec::new();
    for c in std::iter::once(fwd).chain(rev) {
        match table.check(c) {
            Ok(true) => added.push(c.to_string()),
            Ok(false) => {}
            Err(_) => return Err(Skip::new(SkipReason::UnknownCode, c)),
        }
    }
    Ok((
        Some(match rev {
            Some(r) => format!("{fwd}:{r}"),
            None => fwd.to_string(),
        }),
        added,
    ))
}

/// A verb of a block: its lemma and the literals its other words add.
struct Verb {
    line: usize,
    lemma: String,
    extra: Vec<String>,
    code: Option<String>,
}

/// Converts a verb dictionary (see the module documentation for the rules).
pub fn convert_verb_dictionary(dict: &VerbDictionary, opts: &ConvertOptions) -> Conversion {
    let synsets: HashMap<&str, &Synset> =
        dict.synsets.iter().map(|s| (s.name.as_str(), s)).collect();
    // Irregular forms → the verb's head, for heads that are themselves inflected forms
    // (the form's word where the verb has its head: `+TOOK_SHAPE` gives `took`).
    let mut forms: HashMap<String, String> = HashMap::new();
    for e in &dict.verbs {
        let all = std::iter::once((&e.verb, &e.head, &e.forms))
            .chain(e.synonyms.iter().map(|s| (&s.verb, &s.head, &s.forms)));
        for (verb, head, fs) in all {
            let Some(hp) = verb.split(' ').position(|w| w == head) else {
                continue;
            };
            for f in fs {
                let words: Vec<&str> = f.split_whitespace().collect();
                if let Some(w) = words.get(hp.min(words.len().saturating_sub(1))) {
                    let w = lower(w);
                    if w != lower(head) {
                        forms.entry(w).or_insert_with(|| lower(head));
                    }
                }
            }
        }
    }
    // A head: the table, then the dictionary's forms; another word of a multi-word verb:
    // the table only.
    let lemma_of = |w: &str| -> String {
        let l = lower(w);
        opts.lemmas
            .get(&l)
            .or_else(|| forms.get(&l))
            .cloned()
            .unwrap_or(l)
    };
    let word_lemma = |w: &str| -> String {
        let l = lower(w);
        opts.lemmas.get(&l).cloned().unwrap_or(l)
    };
    let verbs: BTreeSet<String> = dict
        .verbs
        .iter()
        .flat_map(|e| std::iter::once(&e.head).chain(e.synonyms.iter().map(|s| &s.head)))
        .map(|h| lemma_of(h))
        .collect();
    let nouns = noun_words(dict);
    let ctx = Ctx {
        synsets,
        verbs,
        nouns,
        opts,
    };
    let mut conv = Conversion::default();
    // (lemma, pattern, code, source line, index of the pattern report or None for bare)
    let mut raw_lines: Vec<(String, String, String, usize, Option<usize>)> = Vec::new();
    for entry in &dict.verbs {
        // The block's verbs.
        let mut block: Vec<Verb> = Vec::new();
        let all = std::iter::once((&entry.verb, &entry.head, &entry.code, entry.line)).chain(
            entry
                .synonyms
                .iter()
                .map(|s| (&s.verb, &s.head, &s.code, s.line)),
        );
        for (verb, head, code, line) in all {
            let lemma = lemma_of(head);
            let lemma_ok = if AUXILIARIES.contains(&lemma.as_str()) {
                Err(Skip::new(SkipReason::AuxiliaryVerb, lemma.clone()))
            } else if !lemma.chars().all(|c| c.is_ascii_lowercase() || c == '-') || lemma.is_empty()
            {
                Err(Skip::new(SkipReason::UnreadableVerb, lemma.clone()))
            } else {
                Ok(lemma.clone())
            };
            let mut extra = Vec::new();
            let mut skipped_head = false;
            let mut bad_word = None;
            for w in verb.split(' ') {
                if !skipped_head && lower(w) == lower(head) {
                    skipped_head = true;
                    continue;
                }
                let l = word_lemma(w);
                if l.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c == '\'')
                {
                    if !extra.contains(&l) {
                        extra.push(l);
                    }
                } else {
                    bad_word = Some(w.to_string());
                }
            }
            let lemma_ok = match (lemma_ok, bad_word) {
                (Ok(_), Some(w)) => Err(Skip::new(SkipReason::UnreadableVerb, w)),
                (r, _) => r,
            };
            let bare = match code {
                None => Ok(None),
                Some(c) => check_code(c, &opts.codes).map(|(c, added)| {
                    conv.added_codes.extend(added);
                    c
                }),
            };
            conv.verbs.push(VerbReport {
                line,
                verb: verb.clone(),
                lemma: lemma_ok.clone(),
                bare: bare.clone(),
            });
            if lemma_ok.is_ok() {
                block.push(Verb {
                    line,
                    lemma,
                    extra,
                    code: bare.ok().flatten(),
                });
            }
        }
        // The block's patterns, converted once.
        let mut shaped: Vec<(usize, Vec<Line>, String)> = Vec::new(); // (report, lines, code)
        for p in &entry.patterns {
            let idx = conv.patterns.len();
            let outcome = parse_tree(&p.text)
                .and_then(|t| ctx.shape(&t))
                .and_then(|sh| check_code(&p.code, &opts.codes).map(|c| (sh, c)))
                .map(|(mut sh, (code, added))| {
                    conv.added_codes.extend(added);
                    let (lines, capped) = render(&sh, opts.expansion_cap);
                    if capped {
                        sh.notes.push(format!(
                            "expansion capped: first {} lines per verb",
                            opts.expansion_cap
                        ));
                    }
                    if code.as_deref().is_some_and(|c| c.contains(':')) {
                        sh.notes.push("code pair: the reverse code kept".into());
                    }
                    shaped.push((idx, lines, code.unwrap_or_else(|| "---".into())));
                    sh.notes
                });
            conv.patterns.push(PatternReport {
                line: p.line,
                text: format!("{} [{}]", p.text, p.code),
                outcome,
                lines: 0,
            });
        }
        for v in &block {
            for (idx, pats, code) in &shaped {
                for pat in pats {
                    raw_lines.push((
                        v.lemma.clone(),
                        pat.render(&v.extra),
                        code.clone(),
                        conv.patterns[*idx].line,
                        Some(*idx),
                    ));
                }
            }
            if let Some(code) = &v.code {
                raw_lines.push((
                    v.lemma.clone(),
                    Line {
                        object: true,
                        prep: None,
                        literals: Vec::new(),
                        complement: None,
                    }
                    .render(&v.extra),
                    code.clone(),
                    v.line,
                    None,
                ));
            }
        }
    }
    // Sort by lemma (stable: dictionary order within a lemma), then drop duplicates and
    // shadowed lines.
    raw_lines.sort_by(|a, b| a.0.cmp(&b.0));
    let mut seen: HashMap<(String, String), String> = HashMap::new();
    for (lemma, pattern, code, line, idx) in raw_lines {
        match seen.get(&(lemma.clone(), pattern.clone())) {
            Some(c) if *c == code => conv.duplicates += 1,
            Some(c) => conv.shadowed.push((line, lemma, pattern, code, c.clone())),
            None => {
                seen.insert((lemma.clone(), pattern.clone()), code.clone());
                if let Some(i) = idx {
                    conv.patterns[i].lines += 1;
                }
                conv.lines.push(PatternLine {
                    lemma,
                    pattern,
                    code,
                    source_line: line,
                });
            }
        }
    }
    conv
}

/// A verb dictionary's text read ([`read_verb_dictionary`](crate::read_verb_dictionary)),
/// converted with the default options and aras's code table, and written as the file
/// `aras dict import --format FORMAT SOURCE --out OUT` writes.
pub fn convert_verb_file(
    text: &str,
    format: Format,
    source: &str,
    out: Option<&str>,
) -> (VerbDictionary, Conversion, String) {
    let dict = crate::read_verb_dictionary(text, format);
    let conv = convert_verb_dictionary(&dict, &ConvertOptions::new(CodeTable::builtin()));
    let tsv = conv.to_tsv(&TsvHeader::new(source, format, out, text));
    (dict, conv, tsv)
}

/// Words the dictionary uses as nouns: words of its patterns (but those right after `TO`)
/// and of its synonym sets.
fn noun_words(dict: &VerbDictionary) -> BTreeSet<String> {
    fn walk(nodes: &[Node], out: &mut BTreeSet<String>) {
        let mut after_to = false;
        for n in nodes {
            match n {
                Node::Word(a) => {
                    for w in a {
                        let l = lower(w);
                        if !after_to && !is_prep(&l) && !is_article(&l) && !is_particle(&l) {
                            out.insert(l.clone());
                        }
                    }
                    after_to = a.len() == 1 && lower(&a[0]) == "to";
                }
                Node::Group(g) | Node::Compound(g) => {
                    walk(g, out);
                    after_to = false;
                }
                _ => after_to = false,
            }
        }
    }
    let mut out = BTreeSet::new();
    for e in &dict.verbs {
        for p in &e.patterns {
            if let Ok(t) = parse_tree(&p.text) {
                walk(&t, &mut out);
            }
        }
    }
    for s in &dict.synsets {
        for m in &s.members {
            for w in m.split_whitespace() {
                out.insert(lower(w));
            }
        }
    }
    out
}

/// One line's pattern before rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Line {
    object: bool,
    prep: Option<String>,
    literals: Vec<String>,
    complement: Option<String>,
}

impl Line {
    /// `SUBJ _ [OBJ] literals [PREP OBJ] [to lemma] [to]`, with a verb's extra words as
    /// literals (those already there and the slot's own preposition left out). The order
    /// keeps every literal a literal: none stands before `OBJ`, and `to`, which before a
    /// word reads as an infinitive, comes last.
    fn render(&self, extra: &[String]) -> String {
        let mut toks: Vec<&str> = vec!["SUBJ", "_"];
        if self.object {
            toks.push("OBJ");
        }
        let mut to_literal = false;
        for w in self.literals.iter().chain(extra) {
            if w == "to" {
                to_literal = self.prep.as_deref() != Some("to");
            } else if !toks.contains(&w.as_str()) && self.prep.as_deref() != Some(w.as_str()) {
                toks.push(w);
            }
        }
        if let Some(p) = &self.prep {
            toks.push(p);
            toks.push("OBJ");
        }
        if let Some(c) = &self.complement {
            toks.push("to");
            toks.push(c);
        }
        if to_literal {
            toks.push("to");
        }
        toks.join(" ")
    }
}

/// The pattern lines of a shape (one per combination of alternatives, at most `cap`),
/// and whether the cap cut them.
fn render(sh: &Shape, cap: usize) -> (Vec<Line>, bool) {
    // `to` before a word would read as an infinitive: left out.
    let positions: Vec<Alts> = sh
        .literals
        .iter()
        .map(|alts| {
            let mut pos: Alts = Vec::new();
            for alt in alts {
                let words: Vec<String> = alt.iter().filter(|w| *w != "to").cloned().collect();
                if !pos.contains(&words) {
                    pos.push(words);
                }
            }
            pos
        })
        .collect();
    let mut combos: Vec<Vec<String>> = vec![Vec::new()];
    let mut capped = false;
    for pos in &positions {
        let mut next = Vec::new();
        'outer: for c in &combos {
            for alt in pos {
                if next.len() >= cap {
                    capped = true;
                    break 'outer;
                }
                let mut v = c.clone();
                for w in alt {
                    if !v.contains(w) {
                        v.push(w.clone());
                    }
                }
                next.push(v);
            }
        }
        combos = next;
    }
    let mut out: Vec<Line> = Vec::new();
    for literals in combos {
        let line = Line {
            object: sh.object,
            prep: sh.prep.clone(),
            literals,
            complement: sh.complement.clone(),
        };
        if !out.contains(&line) {
            out.push(line);
        }
    }
    (out, capped)
}
