//! Word lists: abbreviations, sentence starters, hyphen prefixes, units, domains.
//!
//! They are plain sorted slices (searched by binary search) so that they read as data
//! and can be extended without touching the scanning code.

/// How an abbreviation followed by a capitalised word behaves at a sentence boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevKind {
    /// Titles, months and reference words (`Mr.`, `Gen.`, `Jan.`, `No.`): a name or a
    /// number follows, so they never end a sentence before a following word.
    Title,
    /// A single capital letter (`George W. Bush`): an initial, rarely a sentence end.
    Initial,
    /// Anything else (`U.S.`, `Inc.`, `a.m.`, `etc.`): ends a sentence when the next
    /// word is a typical sentence starter (`The`, `He`, ...).
    General,
}

/// Titles, months and words that introduce a name or a number. Case-sensitive.
static TITLES: &[&str] = &[
    "Adm", "Amb", "Apr", "Art", "Atty", "Aug", "Brig", "Capt", "Cdr", "Ch", "Cmdr", "Col", "Cpl",
    "Dec", "Det", "Dr", "Drs", "Feb", "Fig", "Figs", "Fr", "Ft", "Gen", "Gens", "Gov", "Hon",
    "Insp", "Jan", "Jul", "Jun", "Lt", "Maj", "Mar", "Messrs", "Mme", "Mmes", "Mr", "Mrs", "Ms",
    "Msgr", "Mt", "No", "Nos", "Nov", "Oct", "Op", "Pres", "Prof", "Pt", "Pvt", "Rep", "Reps",
    "Rev", "Sen", "Sens", "Sep", "Sept", "Sgt", "Sr", "St", "Supt", "Vol", "Vols", "fig", "nos",
    "pp", "vol",
];

/// Other abbreviations that keep their period. Case-sensitive.
static GENERAL: &[&str] = &[
    "Ala", "Apt", "Ariz", "Ark", "Ave", "Bhd", "Blvd", "Bros", "CORP", "Calif", "Cie", "Co",
    "Colo", "Conn", "Corp", "Del", "Dept", "Esq", "Est", "Fla", "Ga", "Govt", "Hwy", "INC", "Ill",
    "Inc", "Ind", "Jr", "Kan", "Kans", "Ky", "LTD", "La", "Ln", "Ltd", "Mass", "Md", "Mich",
    "Minn", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "PS", "Pa", "Plc", "Pty", "Rd", "Sts",
    "Tenn", "Tex", "Univ", "Va", "Vt", "Wash", "Wis", "Wyo", "al", "approx", "ca", "cf", "dept",
    "est", "etc", "ext", "govt", "incl", "viz", "vs",
];

/// Words that typically open a sentence: after an abbreviation they signal a boundary
/// (`... in the U.S. The president said`), where a proper name would not.
static STARTERS: &[&str] = &[
    "A",
    "According",
    "After",
    "Also",
    "Although",
    "An",
    "And",
    "Another",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Earlier",
    "Even",
    "Every",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Instead",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "My",
    "No",
    "Not",
    "Now",
    "Of",
    "On",
    "One",
    "Only",
    "Other",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "Today",
    "Two",
    "Under",
    "Unlike",
    "We",
    "What",
    "When",
    "Where",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Yesterday",
    "Yet",
    "You",
    "Your",
];

/// Verbs of saying that follow a speaker's name in an attribution (`..., Smith said.`).
static SPEECH_VERBS: &[&str] = &[
    "added",
    "admitted",
    "argued",
    "asked",
    "claimed",
    "commented",
    "concluded",
    "continued",
    "declared",
    "explained",
    "insisted",
    "noted",
    "recalled",
    "remarked",
    "replied",
    "said",
    "says",
    "stated",
    "told",
    "tweeted",
    "warned",
    "wrote",
];

/// Prefixes that UD EWT keeps attached across a hyphen (`pre-war`, `e-mail`); every
/// other letter-hyphen-letter sequence is split (`long - standing`).
static HYPHEN_PREFIXES: &[&str] = &[
    "anti", "arch", "co", "counter", "cross", "e", "ex", "inter", "intra", "mid", "mis", "multi",
    "neo", "non", "post", "pre", "pro", "psycho", "re", "semi", "sub", "trans", "ultra", "vice",
];

/// Lowercase unit letters that EWT cuts off a number (`5pm` → `5` `pm`, `3.5bn` →
/// `3.5` `bn`); capitals are usually part of a code (`3G`, `10MM`), except `AM`/`PM`.
static UNITS: &[&str] = &[
    "am", "b", "bn", "cm", "ft", "g", "gb", "hrs", "k", "kb", "kg", "km", "kph", "kw", "lb", "lbs",
    "m", "mb", "mg", "mi", "ml", "mm", "mph", "mw", "oz", "p", "pm", "tb", "tn", "x",
];

/// Word endings that stay on a number (`1990s`, `21st`).
static NUMBER_SUFFIXES: &[&str] = &["nd", "rd", "s", "st", "th"];

/// Top-level domains and file extensions: `bbc.co.uk` and `report.pdf` are one token.
static DOMAIN_ENDINGS: &[&str] = &[
    "au", "biz", "ca", "cn", "co", "com", "de", "doc", "docx", "edu", "es", "eu", "fr", "gov",
    "htm", "html", "in", "info", "int", "io", "it", "jp", "jpg", "mil", "net", "nl", "org", "pdf",
    "php", "png", "ppt", "ru", "tv", "txt", "uk", "us", "xls", "xlsx", "zip",
];

/// Lowercase words that, ending a line, show the line is hard-wrapped mid-sentence.
static CONTINUATION_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "is", "of", "on", "or", "that", "the",
    "to", "was", "were", "with",
];

fn contains(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

/// Classifies `word` (without its final period) as an abbreviation, if it is one.
///
/// Dotted forms (`U.S`, `e.g`, `Ph.D`) and single capital letters are abbreviations
/// whatever their spelling; everything else must be listed.
pub fn abbrev_kind(word: &str) -> Option<AbbrevKind> {
    let mut chars = word.chars();
    let first = chars.next()?;
    if chars.next().is_none() {
        return first.is_uppercase().then_some(AbbrevKind::Initial);
    }
    if contains(TITLES, word) {
        return Some(AbbrevKind::Title);
    }
    if contains(GENERAL, word) || is_dotted(word) {
        return Some(AbbrevKind::General);
    }
    None
}

/// `U.S`, `e.g`, `a.m`, `Ph.D`: letters with internal periods, no digits.
fn is_dotted(word: &str) -> bool {
    word.contains('.') && word.chars().all(|c| c == '.' || c.is_alphabetic())
}

/// Is `word` a typical sentence opener?
pub fn is_sentence_starter(word: &str) -> bool {
    contains(STARTERS, word)
}

/// Is `word` a verb of saying (lowercase, as in `Smith said`)?
pub fn is_speech_verb(word: &str) -> bool {
    contains(SPEECH_VERBS, word)
}

/// Does `word` (any case) stay attached to a following hyphen?
pub(crate) fn is_hyphen_prefix(word: &str) -> bool {
    word.len() <= 7 && contains_ignore_case(HYPHEN_PREFIXES, word)
}

/// Are these letters a unit that is cut off a preceding number?
pub(crate) fn is_unit(word: &str) -> bool {
    contains(UNITS, word) || matches!(word, "AM" | "PM")
}

/// Are these letters an ordinal or plural ending kept on a number?
pub(crate) fn is_number_suffix(word: &str) -> bool {
    word.len() <= 2 && contains_ignore_case(NUMBER_SUFFIXES, word)
}

/// Is this the last label of a domain name or a file extension?
pub(crate) fn is_domain_ending(word: &str) -> bool {
    word.len() <= 4 && contains_ignore_case(DOMAIN_ENDINGS, word)
}

/// Does a line ending with this word obviously continue on the next line?
pub(crate) fn is_continuation_word(word: &str) -> bool {
    contains(CONTINUATION_WORDS, word)
}

/// Case-insensitive lookup of a short ASCII word in a lowercase list.
fn contains_ignore_case(list: &[&str], word: &str) -> bool {
    let mut buf = [0u8; 8];
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !bytes.is_ascii() {
        return false;
    }
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    // The bytes are ASCII, so this cannot fail.
    std::str::from_utf8(&buf[..bytes.len()]).is_ok_and(|w| contains(list, w))
}

/// Contracted words without an apostrophe (common in web text) that EWT splits into two syntactic words,
/// with the byte length of the first part (`cannot` → `can` + `not`, `gonna` → `gon` + `na`).
pub(crate) fn fused_split(word: &str) -> Option<usize> {
    if !(2..=8).contains(&word.len()) || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 8];
    for (d, s) in buf.iter_mut().zip(word.as_bytes()) {
        *d = s.to_ascii_lowercase();
    }
    let at = match &buf[..word.len()] {
        b"cannot" | b"gonna" | b"wanna" | b"gotta" | b"outta" => 3,
        b"im" | b"ive" => 1,
        b"dont" | b"cant" | b"wont" | b"isnt" | b"aint" => 2,
        b"didnt" | b"wasnt" | b"arent" | b"hasnt" | b"hadnt" | b"youre" => 3,
        b"thats" | b"whats" => 4,
        b"theres" => 5,
        b"doesnt" | b"werent" | b"havent" => 4,
        b"couldnt" | b"wouldnt" => 5,
        b"shouldnt" => 6,
        _ => return None,
    };
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [
            TITLES,
            GENERAL,
            STARTERS,
            HYPHEN_PREFIXES,
            UNITS,
            NUMBER_SUFFIXES,
            DOMAIN_ENDINGS,
            CONTINUATION_WORDS,
            SPEECH_VERBS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "unsorted: {list:?}");
        }
    }

    #[test]
    fn kinds() {
        assert_eq!(abbrev_kind("Gen"), Some(AbbrevKind::Title));
        assert_eq!(abbrev_kind("W"), Some(AbbrevKind::Initial));
        assert_eq!(abbrev_kind("U.S"), Some(AbbrevKind::General));
        assert_eq!(abbrev_kind("Inc"), Some(AbbrevKind::General));
        assert_eq!(abbrev_kind("3.5"), None);
        assert_eq!(abbrev_kind("the"), None);
        assert_eq!(abbrev_kind("a"), None);
    }
}
