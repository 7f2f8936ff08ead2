//! The document as a flat token list (with optional syntax), and the small closed word
//! lists the rules use (function words, honorifics, organisation and place words).

use aras_nlp::model::Analysis;
use aras_text::Sentence;

/// One token of the document.
#[derive(Clone, Debug)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Sentence index.
    pub sent: usize,
    /// First token of its sentence.
    pub first: bool,
    /// UPOS when the sentence has an analysis, else "".
    pub upos: &'a str,
    /// Dependency relation, else "".
    pub deprel: &'a str,
}

impl Tok<'_> {
    /// Starts with an uppercase letter.
    pub fn cap(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    pub fn is(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.text.eq_ignore_ascii_case(w))
    }

    pub fn is_possessive(&self) -> bool {
        matches!(self.text, "'s" | "’s" | "'" | "’" | "ʼs" | "'S" | "’S")
    }

    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphabetic)
    }
}

/// The document's tokens, sentence by sentence.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok<'a>>,
    /// Token range of each sentence.
    pub sents: Vec<(usize, usize)>,
    /// Whether the sentence has syntax.
    pub parsed: Vec<bool>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, sentences: &[Sentence], syntax: Option<&'a [Analysis<'a>]>) -> Self {
        let mut toks = Vec::new();
        let mut sents = Vec::new();
        let mut parsed = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            let a = syntax
                .and_then(|x| x.get(si))
                .filter(|a| a.words.len() == s.tokens.len());
            let t0 = toks.len();
            for (i, t) in s.tokens.iter().enumerate() {
                let Some(tx) = text.get(t.start..t.end) else {
                    continue;
                };
                let (upos, deprel) = match a {
                    Some(a) => (a.words[i].upos, a.words[i].deprel),
                    None => ("", ""),
                };
                toks.push(Tok {
                    start: t.start,
                    end: t.end,
                    text: tx,
                    sent: si,
                    first: toks.len() == t0,
                    upos,
                    deprel,
                });
            }
            sents.push((t0, toks.len()));
            parsed.push(a.is_some());
        }
        Doc {
            text,
            toks,
            sents,
            parsed,
        }
    }

    /// The token whose span contains byte `b`, or the first after it.
    pub fn tok_at(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.end <= b)
    }

    /// The first token that starts at or after `b`.
    pub fn tok_after(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.start < b)
    }

    pub fn sent_end(&self, t: usize) -> usize {
        self.toks
            .get(t)
            .map_or(self.toks.len(), |x| self.sents[x.sent].1)
    }

    pub fn sent_start(&self, t: usize) -> usize {
        self.toks.get(t).map_or(0, |x| self.sents[x.sent].0)
    }

    pub fn span_text(&self, t0: usize, t1: usize) -> &'a str {
        if t0 >= t1 || t1 > self.toks.len() {
            return "";
        }
        &self.text[self.toks[t0].start..self.toks[t1 - 1].end]
    }

    pub fn has_syntax(&self, t: usize) -> bool {
        self.toks.get(t).is_some_and(|x| self.parsed[x.sent])
    }
}

/// Capitalised words that never begin or continue a name.
pub(crate) const STOP_CAPS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "Of",
    "For",
    "To",
    "From",
    "By",
    "With",
    "And",
    "But",
    "Or",
    "If",
    "As",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "What",
    "When",
    "Where",
    "Who",
    "Why",
    "How",
    "Which",
    "Whenever",
    "While",
    "After",
    "Before",
    "Since",
    "Until",
    "Between",
    "Also",
    "Even",
    "Yes",
    "No",
    "Not",
    "Some",
    "Many",
    "Most",
    "All",
    "Any",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "First",
    "Last",
    "Next",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Inside",
    "Outside",
    "Along",
    "Meanwhile",
    "However",
    "Still",
    "Then",
    "Now",
    "Both",
    "Such",
    "Other",
    "Another",
    "Each",
    "Every",
    "Is",
    "Was",
    "Are",
    "Were",
    "Do",
    "Does",
    "Did",
    "Has",
    "Have",
    "Had",
    "Will",
    "Would",
    "Could",
    "Should",
    "Can",
    "May",
    "Might",
    "Must",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "According",
    "Although",
    "Though",
    "Because",
    "So",
    "Than",
    "Like",
    "Unlike",
    "Despite",
    "During",
    "Under",
    "Over",
    "Against",
    "Among",
    "Through",
    "Without",
    "Within",
    "Across",
    "Into",
    "About",
    "Around",
    "Several",
    "Few",
    "More",
    "Less",
    "Only",
    "Just",
    "Yet",
    "Already",
    "Perhaps",
    "Instead",
    "Thus",
    "Hence",
    "Indeed",
    "Finally",
    "Later",
    "Earlier",
    "Once",
    "Again",
    "Never",
    "Always",
    "Often",
    "Asked",
    "Said",
    "Says",
    "Read",
    "See",
    "Photo",
    "Video",
    "Watch",
    "Update",
    "Updated",
    "Internet",
    "God",
    "Allah",
    "Prophet",
    "English",
    "Persian",
    "Russian-language",
];

/// Honorifics and abbreviated titles (before a name), with the sector they imply.
pub(crate) const HONORIFICS: &[(&str, Option<&str>)] = &[
    ("Mr.", None),
    ("Mr", None),
    ("Mrs.", None),
    ("Mrs", None),
    ("Ms.", None),
    ("Ms", None),
    ("Dr.", None),
    ("Dr", None),
    ("Prof.", None),
    ("Gen.", Some("MIL")),
    ("Lt.", Some("MIL")),
    ("Col.", Some("MIL")),
    ("Maj.", Some("MIL")),
    ("Capt.", Some("MIL")),
    ("Adm.", Some("MIL")),
    ("Brig.", Some("MIL")),
    ("Sgt.", Some("MIL")),
    ("Sen.", Some("LEG")),
    ("Rep.", Some("LEG")),
    ("Gov.", Some("GOV")),
    ("Pres.", Some("GOV")),
    ("Prince", None),
    ("Princess", None),
    ("Sir", None),
    ("Dame", None),
    ("Lord", None),
    ("Lady", None),
    ("Director", None),
    ("Chairman", None),
    ("Father", None),
    ("Rabbi", None),
    ("Imam", None),
    ("Ayatollah", None),
];

/// Words that end (or, followed by "of", begin) an organisation's name.
pub(crate) const ORG_WORDS: &[&str] = &[
    "Center",
    "Centre",
    "Institute",
    "Institution",
    "University",
    "College",
    "Academy",
    "School",
    "Foundation",
    "Council",
    "Bank",
    "Company",
    "Co",
    "Co.",
    "Corp",
    "Corp.",
    "Corporation",
    "Inc",
    "Inc.",
    "Ltd",
    "Ltd.",
    "Group",
    "Party",
    "Association",
    "Agency",
    "Committee",
    "Commission",
    "Fund",
    "Endowment",
    "Society",
    "Forum",
    "Initiative",
    "Network",
    "Organization",
    "Organisation",
    "Federation",
    "Union",
    "League",
    "Club",
    "Service",
    "Times",
    "Post",
    "News",
    "Press",
    "Journal",
    "Herald",
    "Tribune",
    "Telegraph",
    "Airlines",
    "Airways",
    "Holdings",
    "Industries",
    "Museum",
    "Project",
    "Trust",
    "Board",
    "Authority",
    "Office",
    "Bureau",
    "Department",
    "Ministry",
    "Court",
    "Assembly",
    "Parliament",
    "Congress",
    "Movement",
    "Front",
    "Brigade",
    "Brigades",
    "Army",
    "Guard",
    "Force",
    "Forces",
    "Alliance",
    "Coalition",
    "Church",
    "Hospital",
    "Exchange",
    "Reserve",
];

/// Words that end the name of a geographic feature.
pub(crate) const PLACE_WORDS: &[&str] = &[
    "Sea",
    "River",
    "Mountains",
    "Mountain",
    "Gulf",
    "Strait",
    "Straits",
    "Valley",
    "Island",
    "Islands",
    "Peninsula",
    "Desert",
    "Lake",
    "Ocean",
    "Bay",
    "Province",
    "Region",
    "District",
    "City",
    "County",
    "Square",
    "Street",
    "Corridor",
    "Canal",
    "Basin",
    "Plain",
    "Plateau",
    "Coast",
    "Airport",
    "Port",
    "Harbour",
    "Harbor",
    "Pass",
    "Heights",
];

/// Compass words that begin place names ("South Caucasus").
pub(crate) const COMPASS: &[&str] = &[
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Upper", "Lower", "Greater",
];

/// Nouns for people who speak as individuals, not for a government: an apposition
/// headed by one of these gives code "".
pub(crate) const NON_OFFICIAL: &[&str] = &[
    "expert",
    "experts",
    "analyst",
    "analysts",
    "researcher",
    "scholar",
    "fellow",
    "professor",
    "lecturer",
    "author",
    "writer",
    "commentator",
    "economist",
    "historian",
    "consultant",
    "lawyer",
    "specialist",
    "observer",
    "editor",
    "journalist",
    "reporter",
    "columnist",
    "blogger",
    "activist",
    "scientist",
    "resident",
    "student",
    "researchers",
    "strategist",
    "pollster",
];

/// Nouns for officials that imply GOV when a country is given ("his Iranian
/// counterpart").
pub(crate) const OFFICIAL_NOUNS: &[&str] = &[
    "counterpart",
    "counterparts",
    "official",
    "aide",
    "deputy",
    "successor",
    "predecessor",
    "negotiator",
    "representative",
    "delegate",
];

/// Speech verbs (a capitalised word beside one is a speaker).
pub(crate) const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "warned",
    "stated",
    "noted",
    "wrote",
    "argued",
    "explained",
    "insisted",
    "claimed",
    "asked",
    "recalled",
    "tweeted",
];

/// Prepositions before a place.
pub(crate) const PLACE_PREPS: &[&str] = &[
    "in", "at", "near", "from", "across", "outside", "inside", "around", "into", "toward",
    "towards",
];

/// Determiners and possessive pronouns that open a description.
pub(crate) const DETS: &[&str] = &[
    "a", "an", "the", "his", "her", "its", "their", "this", "that", "another",
];

/// Function words that cannot stand between a country modifier and its agent.
pub(crate) const NO_GAP: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "has", "have", "had", "and", "or", "but", "that",
    "which", "who", "to", "of", "in", "on", "at", "for", "with", "by", "from", "as", "the", "a",
    "an", "not", "will", "would", "could", "should", "can", "may", "might", "said", "says", "than",
    "against", "after", "before", "over", "into", "its", "their", "his", "her", "also", "then",
    "when", "while", "if", "do", "does", "did", "no", "nor", "so",
];

/// Words that mark a former office.
pub(crate) const FORMER: &[&str] = &["former", "ex", "ex-", "then", "onetime", "one-time", "late"];
