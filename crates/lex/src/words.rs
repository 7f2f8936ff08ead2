//! The closed word lists of `lexicon/words.txt`, parsed once.

use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

/// `lexicon/words.txt`, compiled in.
const WORDS_TXT: &str = include_str!("../../../lexicon/words.txt");

static WORDS: LazyLock<Words> = LazyLock::new(|| match Words::parse(WORDS_TXT) {
    Ok(w) => w,
    Err(e) => panic!("lexicon/words.txt: {e}"),
});

/// The word lists of `lexicon/words.txt` (read-only, parsed on first use).
pub fn words() -> &'static Words {
    &WORDS
}

/// A possessive marker: 's or a bare apostrophe, with any of the apostrophes ' ’ ʼ and
/// either case of s (`[possessive]` in `lexicon/words.txt`).
pub fn is_possessive(w: &str) -> bool {
    words().possessive.contains(w)
}

/// One word list, in file order.
#[derive(Debug, Clone, Default)]
pub struct List(Box<[&'static str]>);

impl List {
    /// Whether `w` is in the list (exact comparison: callers lowercase as the list does).
    pub fn contains(&self, w: &str) -> bool {
        self.0.contains(&w)
    }

    /// The words, in file order.
    pub fn as_slice(&self) -> &[&'static str] {
        &self.0
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().copied()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// What is wrong with a word-list file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordsError {
    /// Line `line` holds words before any `[section]`.
    NoSection { line: usize },
    /// Line `line` opens a section whose name is not `[a-z_]+`.
    BadName { line: usize },
    /// Line `line` opens a section already opened.
    DuplicateSection { line: usize, name: String },
    /// Line `line` repeats a word of its section.
    DuplicateWord { line: usize, word: String },
    /// A section the code does not read.
    Unknown { name: String },
    /// A section the code reads is missing.
    Missing { name: &'static str },
}

impl fmt::Display for WordsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WordsError::NoSection { line } => write!(f, "line {line}: words before any [section]"),
            WordsError::BadName { line } => {
                write!(f, "line {line}: a section name is lowercase letters and _")
            }
            WordsError::DuplicateSection { line, name } => {
                write!(f, "line {line}: section [{name}] opened twice")
            }
            WordsError::DuplicateWord { line, word } => {
                write!(f, "line {line}: {word:?} is already in this section")
            }
            WordsError::Unknown { name } => write!(f, "section [{name}] is read by no code"),
            WordsError::Missing { name } => write!(f, "section [{name}] is missing"),
        }
    }
}

impl std::error::Error for WordsError {}

/// The sections of a word-list file: `# comment` to the end of a line, `[name]` alone on
/// a line opens a section, every other white-space-separated string is a word of the
/// open section.
fn sections(text: &'static str) -> Result<Vec<(&'static str, List)>, WordsError> {
    let mut out: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
    for (k, raw) in text.lines().enumerate() {
        let line = k + 1;
        let content = raw.split('#').next().unwrap_or("").trim();
        if content.is_empty() {
            continue;
        }
        if let Some(name) = content.strip_prefix('[').and_then(|c| c.strip_suffix(']')) {
            if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                return Err(WordsError::BadName { line });
            }
            if out.iter().any(|(n, _)| *n == name) {
                return Err(WordsError::DuplicateSection {
                    line,
                    name: name.to_string(),
                });
            }
            out.push((name, Vec::new()));
            continue;
        }
        let Some((_, words)) = out.last_mut() else {
            return Err(WordsError::NoSection { line });
        };
        for w in content.split_whitespace() {
            if words.contains(&w) {
                return Err(WordsError::DuplicateWord {
                    line,
                    word: w.to_string(),
                });
            }
            words.push(w);
        }
    }
    Ok(out
        .into_iter()
        .map(|(n, w)| (n, List(w.into_boxed_slice())))
        .collect())
}

/// Declares the lists the code reads: one field and one accessor per `[section]`.
macro_rules! word_lists {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// The closed word lists of `lexicon/words.txt`, one accessor per section (the
        /// file says who reads each list and why).
        #[derive(Debug, Clone)]
        pub struct Words {
            $($name: List,)*
        }

        impl Words {
            $($(#[$doc])* pub fn $name(&self) -> &List {
                &self.$name
            })*

            /// Parses a word-list file; every section the code reads must be there, and
            /// no other.
            pub fn parse(text: &'static str) -> Result<Words, WordsError> {
                let mut found: HashMap<&'static str, List> = sections(text)?.into_iter().collect();
                let words = Words {
                    $($name: found
                        .remove(stringify!($name))
                        .ok_or(WordsError::Missing { name: stringify!($name) })?,)*
                };
                match found.into_keys().min() {
                    Some(name) => Err(WordsError::Unknown { name: name.to_string() }),
                    None => Ok(words),
                }
            }
        }
    };
}

word_lists! {
    /// Possessive markers ([`is_possessive`]).
    possessive,
    /// Events: verbs whose complement clause is reported speech (lemmas).
    event_speech,
    /// Events: heads of a speaker's phrase that attribute facts (no statement event).
    attribution_nouns,
    /// Events: governors that make their complement an intention or appeal.
    intent,
    /// Events: governors that negate their complement.
    neg_governor,
    /// Events: governors that deny their complement.
    deny,
    /// Events: governors that make their complement possible, feared or expected.
    fear,
    /// Events: modal auxiliaries (hypothetical).
    modal_aux,
    /// Events: hedging adverbs on the trigger (hypothetical).
    hedge_adv,
    /// Events: adverbs that attribute to someone else (reported).
    report_adv,
    /// Events: negation words.
    neg_words,
    /// Events: conditional markers.
    conditional,
    /// Events: adjunct prepositions whose noun is presupposed.
    presup_case,
    /// Events: verbs that lend their subject to an event noun they govern.
    light,
    /// Events: modifiers that make an attack retaliation.
    retaliation,
    /// Events: verbs and nouns whose coordinated subjects act on each other.
    reciprocal,
    /// Events: adjectives that attribute an event noun to someone else's claim.
    report_adj,
    /// Events: adjectives that make an event noun planned or possible, not done.
    plan_adj,
    /// Events: adverbs and prepositions that place an event noun later ("ahead of").
    ahead_case,
    /// Events: actor sectors that do not demonstrate (a bare protest verb's other senses).
    state_force_sectors,
    /// Events: prepositions by which a meeting or visit frames a clause ("during a visit").
    framing_preps,
    /// Events: prepositions of place and time.
    locative,
    /// Events: prepositions whose place is an event's location.
    place_preps,
    /// Events: prepositions that place an event only through a noun ("on the border of").
    place_preps_via_noun,
    /// Events: nouns that, as "the day", refer back to a date just given.
    day_words,
    /// Events: objects with which an attack verb is an idiom.
    idiom_objects,
    /// Events: first-person pronouns (a quote's speaker).
    first_person,
    /// Events: relative pronouns.
    relative,
    /// Events: words that only sports reports use.
    sports_strong,
    /// Events: words common in sports reports that other news also uses.
    sports_weak,
    /// Quotes: verbs of saying proper (lemmas).
    quote_speech,
    /// Quotes: verbs that report an attitude or a characterisation (lemmas).
    quote_report,
    /// Quotes: cue lemmas that are also common nouns.
    quote_nounish,
    /// Quotes: titles stripped off the front of a speaker's name (lowercase, no final dot).
    quote_titles,
    /// Actors: speech verbs as written (a capitalised word beside one is a speaker).
    actor_speech,
    /// Actors: honorifics before a name that imply no sector.
    honorifics,
    /// Actors: honorifics before a name that imply sector MIL.
    honorifics_mil,
    /// Actors: honorifics before a name that imply sector LEG.
    honorifics_leg,
    /// Actors: honorifics before a name that imply sector GOV.
    honorifics_gov,
    /// Claims: reporting verbs as written (a cited source).
    claim_report,
    /// Claims: reporting verbs that cite only with "that" or a clause after them.
    claim_needs_that,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_parses() {
        let w = Words::parse(WORDS_TXT).unwrap();
        assert!(w.event_speech().contains("say"));
        assert!(w.intent().contains("threaten"));
        assert!(w.honorifics_mil().contains("Gen."));
        assert!(w.quote_titles().contains("u.s"));
        assert!(!w.light().is_empty());
    }

    #[test]
    fn possessives_take_every_apostrophe() {
        for p in ["'s", "’s", "ʼs", "'S", "’S", "ʼS", "'", "’", "ʼ"] {
            assert!(is_possessive(p), "{p}");
        }
        for w in ["s", "S", "\"", "`s", "is", "'t"] {
            assert!(!is_possessive(w), "{w}");
        }
    }

    #[test]
    fn format_errors_name_the_line() {
        let e = |t: &'static str| sections(t).unwrap_err();
        assert_eq!(e("say\n"), WordsError::NoSection { line: 1 });
        assert_eq!(e("# c\n[Bad]\n"), WordsError::BadName { line: 2 });
        assert_eq!(
            e("[a]\nx\n[a]\n"),
            WordsError::DuplicateSection {
                line: 3,
                name: "a".into()
            }
        );
        assert_eq!(
            e("[a]\nx y # z\n x\n"),
            WordsError::DuplicateWord {
                line: 3,
                word: "x".into()
            }
        );
        let ok = sections("[a] # first\nx y # z\n\n[b]\n").unwrap();
        assert_eq!(ok[0].0, "a");
        assert_eq!(ok[0].1.as_slice(), &["x", "y"]);
        assert!(ok[1].1.is_empty());
        assert_eq!(
            Words::parse("[a]\n").unwrap_err(),
            WordsError::Missing { name: "possessive" }
        );
    }
}
