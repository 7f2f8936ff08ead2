//! People with dated offices from PETRARCH-2's Phoenix actor dictionaries
//! (`Phoenix.Countries.actors.txt`, `Phoenix.International.actors.txt`; MIT,
//! Open Event Data Alliance), converted into a generated aras people
//! dictionary (`dict/people-phoenix.tsv`, see `dict/README.md`).
//!
//! The Phoenix files list people with date-limited codes
//! (`MADELEINE_ALBRIGHT_` … `[USAGOV 970123-010120]`). Each person becomes one
//! line per (code, period), like the actor importer's output, after these
//! steps (every drop is counted in [`PeopleReport::dropped`]):
//!
//! 1. **People only**: records the actor importer takes for a person (a name
//!    of 2 to 5 words with no institutional word, and a sector or a date).
//!    Periods with a code that is not a CAMEO-style code are dropped.
//! 2. **A dated office**: a person needs at least one date-limited code that
//!    is not `ELI` alone (elites: Phoenix's default for the years outside
//!    office); people with only undated codes or only elite periods are
//!    dropped.
//! 3. **Forms**: leading titles and honorifics are removed ("Secretary of
//!    State Colin L. Powell" → "Colin L. Powell", "Sir John Hunt" → "John
//!    Hunt"); a form must then keep at least two name words of two or more
//!    letters (no surname alone: "Ambassador Albright", "K. Annan" go), no
//!    title or institutional word inside, no digits or stray punctuation,
//!    not only common English words ("Grand Mosque"), and must not be a form
//!    of one of our other dictionaries (countries, organisations, agents,
//!    groups; hyphens and full stops aside), which keep their meaning. A
//!    record whose name is such a form is not a person (Phoenix dates
//!    "Timor Leste" as an actor); a person left without a form is dropped.
//! 4. **Same person twice**: records that share a form are one person, with
//!    the union of their forms and periods (the International file repeats
//!    people; a minister may be listed again as head of an IGO; the few
//!    namesakes, such as George Bush father and son, become one entry with
//!    both's offices, which still codes each date right).
//! 5. **Periods**: overlapping periods of one code are merged; where two
//!    offices overlap, the later-starting one holds the overlap (the new
//!    office supersedes); elite periods keep only the days outside every
//!    office, so a person is never `ELI` and `GOV` on the same day.
//! 6. **Ours wins**: where our hand-written `dict/people.tsv` has the person
//!    (a name form of ours matches a Phoenix form whole), the Phoenix periods
//!    end the day before our earliest entry for the person starts: ours is
//!    the record from then on (including the gaps between our terms, which
//!    Phoenix's open-ended periods would fill wrongly), Phoenix gives the
//!    years before. A person left with no period is dropped.
//! 7. **Open ends**: an office period without an end (Phoenix's
//!    `[USAGOV >130201]`: in office when the file was last edited) ends on
//!    the latest date of the Phoenix files (2015-02-17, written in the
//!    header): Phoenix knows nothing after it, and a minister of 2010 is not
//!    still in office in 2025 news. After it the person is out of office (the
//!    actor coder then codes the country alone). Elite periods (`ELI`) stay
//!    open.
//!
//! Hyphenated given names are written with a lower-case second part
//! ("Kim Jong-il", "Ban Ki-moon") and Arabic articles in lower case
//! ("Bashar al-Assad"), so that the capitalisation rule of the format accepts
//! every spelling news uses ("Jong-Il", "Al-Assad").

use std::collections::{BTreeMap, HashMap, HashSet};

use aras_dict::{Dictionary, FormRole, Kind};

use crate::actors::{gaps, guess_kind, read_actor_records, Restriction};
use crate::common::{phrase_words, Date};
use crate::Rejection;

/// What [`phoenix_people`] reads.
#[derive(Debug, Clone, Default)]
pub struct PeopleInput<'a> {
    /// Phoenix actor dictionaries as (file name, text), in output order.
    pub sources: Vec<(&'a str, &'a str)>,
    /// Our hand-written people dictionary (`dict/people.tsv`): it wins over
    /// Phoenix where both have a person.
    pub ours_people: &'a str,
    /// Our other dictionaries as (file name, text): a person form that is a
    /// form of theirs is dropped, and their adjectives (Israeli, American)
    /// are titles when they lead a form ("Israeli Prime Minister ...").
    pub ours_other: Vec<(&'a str, &'a str)>,
    /// Lines for the header naming where the sources come from (each
    /// written after `# `).
    pub provenance: Vec<String>,
}

/// The generated dictionary and its figures.
#[derive(Debug, Clone, Default)]
pub struct PeopleReport {
    /// The dictionary text: header, then one line per (person, code, period).
    pub output: String,
    /// Person records read (what the actor importer takes for a person).
    pub records: usize,
    /// People written (after merging the same person listed twice).
    pub people: usize,
    /// Lines written.
    pub lines: usize,
    /// Forms written (summed over people, not over lines).
    pub forms: usize,
    /// People whose periods lost days to `dict/people.tsv`.
    pub clipped_by_ours: usize,
    /// The latest date in the Phoenix files' date restrictions: what they
    /// know of ends there.
    pub latest: Option<Date>,
    /// Office periods without an end, ended on [`latest`](Self::latest).
    pub capped: usize,
    /// Why records, forms and periods were dropped, with counts.
    pub dropped: BTreeMap<&'static str, usize>,
    /// Lines of the Phoenix files the reader rejected, per file.
    pub rejected: Vec<(String, Rejection)>,
}

/// Titles, honorifics and office words removed from the start of a form.
const LEADING_TITLES: &[&str] = &[
    "PRESIDENT",
    "PRESIDENT-ELECT",
    "EX-PRESIDENT",
    "VICE",
    "VICE-PRESIDENT",
    "PRIME",
    "MINISTER",
    "PREMIER",
    "CHANCELLOR",
    "SECRETARY",
    "SECRETARY-GENERAL",
    "SECRETARY-GEN",
    "SEC.",
    "GEN",
    "GEN.",
    "GENERAL",
    "LT.",
    "LT",
    "LIEUTENANT",
    "LIEUTENANT-GENERAL",
    "COL.",
    "COLONEL",
    "MAJ.",
    "MAJOR",
    "MARSHAL",
    "FIELD",
    "BRIGADIER",
    "BRIG.",
    "ADMIRAL",
    "ADM.",
    "VICE-ADMIRAL",
    "CAPTAIN",
    "CAPT.",
    "COMMANDER",
    "CHIEF",
    "AMBASSADOR",
    "AMB.",
    "ENVOY",
    "SPECIAL",
    "SENATOR",
    "SEN.",
    "REP.",
    "REPRESENTATIVE",
    "CONGRESSMAN",
    "CONGRESSWOMAN",
    "GOVERNOR",
    "GOV.",
    "MAYOR",
    "KING",
    "QUEEN",
    "PRINCE",
    "PRINCESS",
    "CROWN",
    "SPEAKER",
    "CHAIRMAN",
    "CHAIRWOMAN",
    "CHAIR",
    "LEADER",
    "DEPUTY",
    "ACTING",
    "INTERIM",
    "FORMER",
    "UNDER",
    "UNDERSECRETARY",
    "UNDER-SECRETARY",
    "ASSISTANT",
    "ATTORNEY",
    "JUDGE",
    "JUSTICE",
    "DIRECTOR",
    "COMMISSIONER",
    "HIGH",
    "FOREIGN",
    "DEFENSE",
    "DEFENCE",
    "INTERIOR",
    "FINANCE",
    "STATE",
    "NATIONAL",
    "SECURITY",
    "ADVISER",
    "ADVISOR",
    "OF",
    "THE",
    "FOR",
    "AND",
    "US",
    "U.S.",
    "UN",
    "U.N.",
    "UNITED",
    "NATIONS",
    "EU",
    "NATO",
    "DR.",
    "DR",
    "MR.",
    "MR",
    "MRS.",
    "MRS",
    "MS.",
    "MS",
    "SIR",
    "LORD",
    "LADY",
    "DAME",
    "AYATOLLAH",
    "GRAND",
    "POPE",
    "CARDINAL",
    "ARCHBISHOP",
    "BISHOP",
    "REV.",
    "REVEREND",
    "FATHER",
    "PRESIDENTIAL",
    "CANDIDATE",
    "KANZLER",
    "BUNDESKANZLER",
    "BUNDESKANZLERIN",
    "PRESIDENTE",
    "PRESIDENTA",
    "MINISTRO",
    "PRIMER",
    "OPPOSITION",
    "SAMDECH",
    "LYONPO",
    "DASHO",
    "HOJATOLISLAM",
    "HOJATOLESLAM",
    "HOJJATOLESLAM",
    "HOJJAT",
    "OL",
    "ESLAM",
    "KPA",
];

/// Words that make a form a title or a body, not a name, wherever they stand
/// (beside the actor importer's institutional words).
const TITLE_WORDS: &[&str] = &[
    "PRESIDENT",
    "MINISTER",
    "PREMIER",
    "SECRETARY",
    "SECRETARY-GENERAL",
    "GENERAL",
    "AMBASSADOR",
    "SENATOR",
    "GOVERNOR",
    "MAYOR",
    "KING",
    "QUEEN",
    "CHANCELLOR",
    "CHAIRMAN",
    "SPEAKER",
    "SPOKESMAN",
    "SPOKESWOMAN",
    "LEADER",
    "DEPUTY",
    "OFFICIAL",
    "OFFICIALS",
    "CHIEF",
    "COMMANDER",
    "DIRECTOR",
    "ENVOY",
    "FOREIGN",
    "DEFENSE",
    "DEFENCE",
    "OF",
    "THE",
    "MINISTRY",
    "PRESIDENCY",
    "ADMINISTRATION",
    "FAMILY",
    "CAMP",
    "ERA",
    "JAISH",
    "JAYSH",
    "KATAEB",
    "KATAIB",
    "KATA'IB",
    "KATIBAT",
    "KATIBA",
];

/// Particles written in lower case inside a name.
const PARTICLES: &[&str] = &[
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul", "ud", "bin", "ibn", "bint", "de",
    "del", "della", "di", "du", "des", "da", "dos", "das", "van", "von", "der", "den", "la", "le",
    "y", "e",
];

/// English words that, two of them together, name something other than a
/// person ("Grand Mosque") or are ordinary text once capitalised at the start
/// of a sentence. A form made only of these is dropped.
const COMMON_WORDS: &[&str] = &[
    "A", "ALL", "AN", "BIG", "BLACK", "BLUE", "BROWN", "CAN", "DAY", "EAST", "FAIR", "FREE",
    "GOLD", "GOOD", "GRAND", "GRANT", "GREAT", "GREEN", "HALL", "HILL", "HOPE", "HOUSE", "IN",
    "IS", "IT", "KING", "LAW", "LONG", "LOVE", "MAY", "NEW", "NO", "NORTH", "OLD", "ON", "PARK",
    "PEACE", "POWER", "RED", "RICH", "RIVER", "ROSE", "SAID", "SHORT", "SMALL", "SOUTH", "SUN",
    "TRUE", "TO", "WAR", "WAY", "WEST", "WHITE", "WILL", "WISE", "WOOD", "YOUNG",
];

/// Suffixes kept as they are written (upper case) or as abbreviations.
const SUFFIXES: &[(&str, &str)] = &[
    ("II", "II"),
    ("III", "III"),
    ("IV", "IV"),
    ("JR.", "Jr."),
    ("JR", "Jr."),
    ("SR.", "Sr."),
    ("SR", "Sr."),
];

/// A period: `None` is open (before / after).
type Span = (Option<Date>, Option<Date>);

/// True when the span holds at least one day.
fn nonempty(s: &Span) -> bool {
    match s {
        (Some(a), Some(b)) => a <= b,
        _ => true,
    }
}

fn overlaps(a: &Span, b: &Span) -> bool {
    let le = |lo: Option<Date>, hi: Option<Date>| match (lo, hi) {
        (Some(l), Some(h)) => l <= h,
        _ => true,
    };
    le(a.0, b.1) && le(b.0, a.1)
}

/// `a` without the days of `b` (zero, one or two spans).
fn subtract(a: Span, b: Span) -> Vec<Span> {
    if !overlaps(&a, &b) {
        return vec![a];
    }
    let mut out = Vec::new();
    if let Some(bl) = b.0 {
        if a.0.is_none_or(|al| al < bl) {
            out.push((a.0, Some(bl.prev_day())));
        }
    }
    if let Some(bh) = b.1 {
        if a.1.is_none_or(|ah| ah > bh) {
            out.push((Some(bh.next_day()), a.1));
        }
    }
    out.retain(nonempty);
    out
}

/// Sort key for spans: open starts first.
fn start_key(s: &Span) -> (bool, Option<Date>) {
    (s.0.is_some(), s.0)
}

/// Merges overlapping or adjacent spans.
fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by_key(start_key);
    let mut out: Vec<Span> = Vec::new();
    for s in spans {
        if let Some(last) = out.last_mut() {
            let touches = match (last.1, s.0) {
                (None, _) | (_, None) => true,
                (Some(h), Some(l)) => l <= h.next_day(),
            };
            if touches {
                last.1 = match (last.1, s.1) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
                continue;
            }
        }
        out.push(s);
    }
    out
}

/// True when a code is an elite code only (`ELI`, `USAELI`).
fn is_elite(code: &str) -> bool {
    code == "ELI" || (code.len() == 6 && &code[3..] == "ELI")
}

/// Our code shape: groups of three upper-case letters or digits.
fn valid_code(code: &str) -> bool {
    !code.is_empty()
        && code.len().is_multiple_of(3)
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Display spelling of one word of a name (`AL-ASSAD` → `al-Assad`,
/// `JONG-IL` → `Jong-il`, `MCCAIN` → `McCain`, `D'ESTAING` → `d'Estaing`).
fn name_word(w: &str, first: bool) -> String {
    if let Some((_, s)) = SUFFIXES.iter().find(|(k, _)| *k == w) {
        return s.to_string();
    }
    let lower = w.to_lowercase();
    if !first && PARTICLES.contains(&lower.as_str()) {
        return lower;
    }
    let segs: Vec<&str> = lower.split('-').collect();
    let mut out = Vec::with_capacity(segs.len());
    let mut after_particle = false;
    for (i, seg) in segs.iter().enumerate() {
        let particle = i + 1 < segs.len() && PARTICLES.contains(seg);
        out.push(if particle {
            seg.to_string()
        } else if i == 0 || after_particle {
            cap_word(seg)
        } else {
            seg.to_string()
        });
        after_particle = particle;
    }
    out.join("-")
}

/// `mccain` → `McCain`, `o'brien` → `O'Brien`, `d'estaing` → `d'Estaing`,
/// else the first letter in upper case.
fn cap_word(seg: &str) -> String {
    if seg.len() > 3 && seg.starts_with("mc") {
        return format!("Mc{}", cap_first(&seg[2..]));
    }
    if seg.len() > 2 && seg.starts_with("o'") {
        return format!("O'{}", cap_first(&seg[2..]));
    }
    if seg.len() > 2 && seg.starts_with("d'") {
        return format!("d'{}", cap_first(&seg[2..]));
    }
    cap_first(seg)
}

fn cap_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Why a form is not kept, or the form's display spelling.
fn person_form(raw: &str, adjectives: &HashSet<String>) -> Result<String, &'static str> {
    let words = phrase_words(raw);
    if words.iter().any(|w| {
        !w.chars()
            .all(|c| c.is_alphabetic() || c == '.' || c == '\'' || c == '-')
    }) {
        return Err("form: digits or punctuation");
    }
    let upper: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
    let mut start = 0;
    while start < upper.len()
        && (LEADING_TITLES.contains(&upper[start].as_str()) || adjectives.contains(&upper[start]))
    {
        start += 1;
    }
    let name = &upper[start..];
    if name.is_empty() {
        return Err("form: a title only");
    }
    if name.iter().any(|w| {
        TITLE_WORDS.contains(&w.as_str()) || crate::actors::is_institution_word(w.as_str())
    }) {
        return Err("form: a title or institution word inside");
    }
    if name.len() > 5 {
        return Err("form: more than five words");
    }
    let name_words = name
        .iter()
        .filter(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !PARTICLES.contains(&w.to_lowercase().as_str())
                && !SUFFIXES.iter().any(|(k, _)| k == w)
        })
        .count();
    if name_words < 2 {
        return Err("form: surname or one name alone");
    }
    if name.iter().all(|w| {
        COMMON_WORDS.contains(&w.as_str()) || PARTICLES.contains(&w.to_lowercase().as_str())
    }) {
        return Err("form: common English words");
    }
    let display: Vec<String> = name
        .iter()
        .enumerate()
        .map(|(i, w)| name_word(w, i == 0))
        .collect();
    Ok(display.join(" "))
}

/// One person as read and cleaned.
struct Person {
    /// Display forms, first = name.
    forms: Vec<String>,
    /// (code, span): as read, then normalised (step 4) after merging.
    periods: Vec<(String, Span)>,
}

/// Orders periods: by start (open first), then code.
fn sort_periods(p: &mut [(String, Span)]) {
    p.sort_by(|a, b| start_key(&a.1).cmp(&start_key(&b.1)).then(a.0.cmp(&b.0)));
}

/// Step 5: merge, offices supersede earlier overlapping offices, elite
/// periods only outside offices.
fn normalise(periods: Vec<(String, Span)>) -> Vec<(String, Span)> {
    let mut by_code: BTreeMap<String, Vec<Span>> = BTreeMap::new();
    for (c, s) in periods {
        by_code.entry(c).or_default().push(s);
    }
    let mut offices: Vec<(String, Span)> = Vec::new();
    let mut elite: Vec<(String, Span)> = Vec::new();
    for (c, spans) in by_code {
        for s in merge(spans) {
            if is_elite(&c) {
                elite.push((c.clone(), s));
            } else {
                offices.push((c.clone(), s));
            }
        }
    }
    sort_periods(&mut offices);
    let mut held: Vec<(String, Span)> = Vec::new();
    for (c, s) in offices {
        let mut next = Vec::with_capacity(held.len() + 1);
        for (hc, hs) in held {
            if hc == c {
                next.push((hc, hs));
            } else {
                next.extend(subtract(hs, s).into_iter().map(|x| (hc.clone(), x)));
            }
        }
        next.push((c, s));
        held = next;
    }
    let office_spans = merge(held.iter().map(|(_, s)| *s).collect());
    let mut out = held;
    for (c, s) in elite {
        let mut rest = vec![s];
        for o in &office_spans {
            rest = rest.into_iter().flat_map(|r| subtract(r, *o)).collect();
        }
        out.extend(rest.into_iter().map(|r| (c.clone(), r)));
    }
    sort_periods(&mut out);
    out
}

/// Phoenix country codes that are not ours: former states (coded as their
/// successor, as `dict/README.md` does) and Phoenix's own codes.
const OLD_COUNTRY_CODES: &[(&str, &str)] = &[
    ("DDR", "DEU"), // East Germany: a @historical form of Germany
    ("SUN", "RUS"), // Soviet Union: RUS, as in CAMEO
    ("TMP", "TLS"), // East Timor before ISO's TLS
    ("ZAR", "COD"), // Zaire
    ("YUG", "SRB"), // Yugoslavia
    ("SRP", "BIH"), // Republika Srpska
];

/// Our dictionaries as matchers: people (with their periods per entry) and
/// everything else.
struct Ours {
    people: Dictionary,
    other: Dictionary,
    /// The forms of `other`, normalised by [`loose`] ("Timor-Leste" and
    /// "Timor Leste" are one).
    other_loose: HashSet<String>,
    adjectives: HashSet<String>,
    countries: HashSet<String>,
}

/// Lower case, with hyphens and full stops as spaces and single spaces.
fn loose(s: &str) -> String {
    s.to_lowercase()
        .replace(['-', '.'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn span_of(from: Option<&str>, to: Option<&str>) -> Span {
    let parse = |s: &str, end: bool| -> Option<Date> {
        let mut it = s.split('-');
        let y: u16 = it.next()?.parse().ok()?;
        let m: Option<u8> = it.next().and_then(|m| m.parse().ok());
        let d: Option<u8> = it.next().and_then(|d| d.parse().ok());
        let month = m.unwrap_or(if end { 12 } else { 1 });
        let day = d.unwrap_or(if end {
            crate::common::days_in_month(y, month)
        } else {
            1
        });
        Some(Date {
            year: y,
            month,
            day,
        })
    };
    (
        from.and_then(|f| parse(f, false)),
        to.and_then(|t| parse(t, true)),
    )
}

impl Ours {
    fn new(input: &PeopleInput) -> Ours {
        let (people, _) = Dictionary::from_sources_lenient(&[("people.tsv", input.ours_people)]);
        let (other, _) = Dictionary::from_sources_lenient(&input.ours_other);
        let mut adjectives = HashSet::new();
        for e in other.entries() {
            if e.kind == Kind::Country {
                for f in &e.forms {
                    if f.role == FormRole::Adj && !f.text.contains(' ') {
                        adjectives.insert(f.text.to_uppercase());
                    }
                }
            }
        }
        let countries = other
            .entries()
            .iter()
            .filter(|e| e.kind == Kind::Country)
            .map(|e| e.code.clone())
            .collect();
        let other_loose = other
            .entries()
            .iter()
            .flat_map(|e| e.forms.iter().map(|f| loose(&f.text)))
            .collect();
        Ours {
            people,
            other,
            other_loose,
            adjectives,
            countries,
        }
    }

    /// A Phoenix code in our terms: former states as their successor
    /// (`DDRGOV` → `DEUGOV`), a territory coded under its state by its own
    /// ISO code (`GBRVGBGOV` → `VGBGOV`), or why the code is dropped.
    fn code(&self, code: &str) -> Result<String, &'static str> {
        if !valid_code(code) {
            return Err("period: not a CAMEO-style code");
        }
        let first = &code[..3];
        if first == "KNT" {
            return Err("period: Kinakuta, Phoenix's fictional test country");
        }
        if let Some((_, new)) = OLD_COUNTRY_CODES.iter().find(|(old, _)| *old == first) {
            return Ok(format!("{new}{}", &code[3..]));
        }
        if code.len() >= 6 && self.countries.contains(first) {
            let second = &code[3..6];
            if self.countries.contains(second) && !aras_dict::is_sector_code(second) {
                return Ok(code[3..].to_string());
            }
        }
        Ok(code.to_string())
    }

    /// True when `form`, whole, is a form of one of our non-person entries.
    fn other_has(&self, form: &str) -> bool {
        // Upper case: our capitalisation rule accepts all-caps text, so the
        // comparison ignores how either side capitalises.
        let up = form.to_uppercase();
        self.other_loose.contains(&loose(form))
            || self
                .other
                .find(&up)
                .iter()
                .any(|m| m.start == 0 && m.end == up.len())
    }

    /// The periods our people dictionary gives a person that one of `forms`
    /// names (name forms only, never a surname alone).
    fn periods(&self, forms: &[String]) -> Vec<Span> {
        let mut out = Vec::new();
        for f in forms {
            let up = f.to_uppercase();
            for m in self.people.find(&up) {
                if m.start != 0 || m.end != up.len() {
                    continue;
                }
                for (id, role) in m.entries.iter().zip(&m.roles) {
                    let e = self.people.entry(*id);
                    if e.kind == Kind::Person && *role != FormRole::Surname {
                        out.push(span_of(e.from.as_deref(), e.to.as_deref()));
                    }
                }
            }
        }
        out
    }
}

/// Converts the people of Phoenix actor dictionaries (see the module
/// documentation for the rules).
pub fn phoenix_people(input: &PeopleInput) -> PeopleReport {
    let ours = Ours::new(input);
    let mut report = PeopleReport::default();
    let count = |dropped: &mut BTreeMap<&'static str, usize>, why: &'static str| {
        *dropped.entry(why).or_default() += 1;
    };
    let mut people: Vec<Person> = Vec::new();
    for (name, text) in &input.sources {
        let (_, _, _, rejected) = read_actor_records(text, |rec, ledger| {
            ledger.loaded(rec.first);
            for (l, _) in &rec.names {
                ledger.loaded(*l);
            }
            for l in &rec.restriction_lines {
                ledger.loaded(*l);
            }
            for c in &rec.codes {
                let last = match c.when {
                    Restriction::Default => None,
                    Restriction::Before(d) | Restriction::After(d) => Some(d),
                    Restriction::Between(_, b) => Some(b),
                };
                report.latest = report.latest.max(last);
            }
            if rec.codes.is_empty() || guess_kind(&rec.names, &rec.codes) != "person" {
                return;
            }
            report.records += 1;
            // Periods as the actor importer computes them.
            let mut periods: Vec<(String, Span, bool)> = Vec::new();
            let mut default = None;
            for c in &rec.codes {
                let code = c.code.to_ascii_uppercase();
                let span = match c.when {
                    Restriction::Default => {
                        default = Some(code);
                        continue;
                    }
                    Restriction::Before(d) => (None, Some(d)),
                    Restriction::After(d) => (Some(d), None),
                    Restriction::Between(a, b) => (Some(a), Some(b)),
                };
                periods.push((code, span, true));
            }
            if let Some(def) = default {
                let restricted: Vec<Span> = periods.iter().map(|(_, s, _)| *s).collect();
                for g in gaps(&restricted) {
                    periods.push((def.clone(), g, false));
                }
            }
            periods.retain_mut(|(c, _, _)| match ours.code(c) {
                Ok(mapped) => {
                    *c = mapped;
                    true
                }
                Err(why) => {
                    count(&mut report.dropped, why);
                    false
                }
            });
            if !periods.iter().any(|(c, _, dated)| *dated && !is_elite(c)) {
                count(&mut report.dropped, "person: no dated office");
                return;
            }
            // A record whose name is one of our countries, organisations...
            // is not a person (Phoenix codes East Timor TLSOCC with dates).
            if let Some((_, primary)) = rec.names.first() {
                if person_form(primary, &ours.adjectives).is_ok_and(|f| ours.other_has(&f)) {
                    count(
                        &mut report.dropped,
                        "person: the name is a country, organisation, agent or group of ours",
                    );
                    return;
                }
            }
            let mut forms: Vec<String> = Vec::new();
            let mut seen = HashSet::new();
            for (_, raw) in &rec.names {
                match person_form(raw, &ours.adjectives) {
                    Err(why) => count(&mut report.dropped, why),
                    Ok(f) if ours.other_has(&f) => count(
                        &mut report.dropped,
                        "form: a form of our countries, organisations, agents or groups",
                    ),
                    Ok(f) => {
                        if seen.insert(f.to_lowercase()) {
                            forms.push(f);
                        }
                    }
                }
            }
            if forms.is_empty() {
                count(&mut report.dropped, "person: no full-name form left");
                return;
            }
            people.push(Person {
                forms,
                periods: periods.into_iter().map(|(c, s, _)| (c, s)).collect(),
            });
        });
        report
            .rejected
            .extend(rejected.into_iter().map(|r| (name.to_string(), r)));
    }

    // Step 4: people that share a form are one person (union-find).
    let mut parent: Vec<usize> = (0..people.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut owner: HashMap<String, usize> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        for f in &p.forms {
            match owner.get(&f.to_lowercase()) {
                Some(&j) => {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    if a != b {
                        // The earlier record stays the root (its name first).
                        parent[a.max(b)] = a.min(b);
                    }
                }
                None => {
                    owner.insert(f.to_lowercase(), i);
                }
            }
        }
    }
    let mut merged: Vec<Person> = Vec::new();
    let mut slot_of: HashMap<usize, usize> = HashMap::new();
    for (i, p) in people.into_iter().enumerate() {
        let r = root(&mut parent, i);
        match slot_of.get(&r) {
            Some(&k) => {
                count(&mut report.dropped, "person: listed twice (merged)");
                let m = &mut merged[k];
                for f in p.forms {
                    if !m.forms.iter().any(|g| g.eq_ignore_ascii_case(&f)) {
                        m.forms.push(f);
                    }
                }
                m.periods.extend(p.periods);
            }
            None => {
                slot_of.insert(r, merged.len());
                merged.push(p);
            }
        }
    }
    for p in &mut merged {
        p.periods = normalise(std::mem::take(&mut p.periods));
    }

    // Step 6: ours wins from the first day it knows the person.
    let mut body = String::new();
    for mut p in merged {
        let theirs = ours.periods(&p.forms);
        if !theirs.is_empty() {
            // The earliest start among our entries; an open start is all time.
            let cut: Span = match theirs.iter().map(|s| s.0).min() {
                Some(Some(first)) => (Some(first), None),
                _ => (None, None),
            };
            let before = p.periods.clone();
            let mut kept = Vec::new();
            for (c, s) in p.periods {
                kept.extend(subtract(s, cut).into_iter().map(|r| (c.clone(), r)));
            }
            sort_periods(&mut kept);
            if kept != before {
                report.clipped_by_ours += 1;
            }
            p.periods = kept;
        }
        if p.periods.is_empty() {
            count(&mut report.dropped, "person: every period is in people.tsv");
            continue;
        }
        // Step 7: an office without an end ends on the latest date Phoenix
        // knows of (it was in office when Phoenix was last edited; after
        // that Phoenix knows nothing). Elite periods stay open.
        for (code, (_, to)) in &mut p.periods {
            if to.is_none() && !is_elite(code) {
                *to = report.latest;
                report.capped += 1;
            }
        }
        let forms = p.forms.join("|");
        let mut written = 0;
        for (code, (from, to)) in &p.periods {
            let mut attrs: Vec<String> = Vec::new();
            if let Some(f) = from {
                attrs.push(format!("from={f}"));
            }
            if let Some(t) = to {
                attrs.push(format!("to={t}"));
            }
            let line = if attrs.is_empty() {
                format!("{code}\tperson\t{forms}")
            } else {
                format!("{code}\tperson\t{forms}\t{}", attrs.join(";"))
            };
            // Every line we write must load.
            if aras_dict::parse_line("people-phoenix.tsv", 1, &line).is_err() {
                count(
                    &mut report.dropped,
                    "line: rejected by the dictionary parser",
                );
                continue;
            }
            body.push_str(&line);
            body.push('\n');
            written += 1;
        }
        if written > 0 {
            report.people += 1;
            report.lines += written;
            report.forms += p.forms.len();
        }
    }

    let mut out = String::new();
    for l in &input.provenance {
        if l.is_empty() {
            out.push_str("#\n");
        } else {
            out.push_str("# ");
            out.push_str(l);
            out.push('\n');
        }
    }
    if let Some(latest) = report.latest {
        out.push_str(&format!("# Latest date in the Phoenix files: {latest}.\n"));
    }
    out.push_str(&format!(
        "# {} people, {} lines, {} forms.\n",
        report.people, report.lines, report.forms
    ));
    out.push_str(&body);
    report.output = out;
    report
}

/// The Phoenix files converted, in output order (relative to the shared
/// `data/eventdata/` folder).
pub const PHOENIX_PEOPLE_FILES: &[&str] = &[
    "petrarch2/Phoenix.Countries.actors.txt",
    "petrarch2/Phoenix.International.actors.txt",
];

/// Our dictionaries (relative to `dict/`) that a person form must not
/// repeat. A fixed list, so that a new file elsewhere in `dict/` does not
/// change the generated file.
pub const OURS_OTHER_FILES: &[&str] = &[
    "countries.tsv",
    "organizations.tsv",
    "agents.tsv",
    "groups.tsv",
];

/// The MIT permission notice of the Phoenix dictionaries, repeated in the
/// generated file's header as the licence requires.
const MIT_NOTICE: &[&str] = &[
    "Permission is hereby granted, free of charge, to any person obtaining a copy",
    "of this software and associated documentation files (the \"Software\"), to deal",
    "in the Software without restriction, including without limitation the rights",
    "to use, copy, modify, merge, publish, distribute, sublicense, and/or sell",
    "copies of the Software, and to permit persons to whom the Software is",
    "furnished to do so, subject to the following conditions:",
    "",
    "The above copyright notice and this permission notice shall be included in",
    "all copies or substantial portions of the Software.",
    "",
    "THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR",
    "IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,",
    "FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE",
    "AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER",
    "LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,",
    "OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN",
    "THE SOFTWARE.",
];

/// Generates `dict/people-phoenix.tsv` from the shared `data/eventdata/`
/// folder (`eventdata`) and our `dict/` folder: what
/// `cargo run --release -p aras-import --example phoenix_people` writes.
pub fn generate_people_phoenix(
    eventdata: &std::path::Path,
    dict: &std::path::Path,
) -> std::io::Result<PeopleReport> {
    let read = |p: std::path::PathBuf| {
        std::fs::read(&p)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", p.display())))
    };
    let mut texts = Vec::new();
    for f in PHOENIX_PEOPLE_FILES {
        texts.push((f.rsplit('/').next().unwrap_or(f), read(eventdata.join(f))?));
    }
    let ours_people = read(dict.join("people.tsv"))?;
    let mut other = Vec::new();
    for f in OURS_OTHER_FILES {
        other.push((*f, read(dict.join(f))?));
    }
    // The origin recorded in SOURCES.md ("- origin: URL @ `commit`").
    let origin = std::fs::read_to_string(eventdata.join("SOURCES.md"))
        .ok()
        .and_then(|s| {
            let sec = s.split("\n## ").find(|b| b.starts_with("petrarch2/"))?;
            let line = sec.lines().find(|l| l.starts_with("- origin:"))?;
            Some(line.trim_start_matches("- origin:").trim().replace('`', ""))
        })
        .unwrap_or_else(|| "https://github.com/openeventdata/petrarch2".to_string());
    let mut provenance: Vec<String> = vec![
        "aras people dictionary, GENERATED: do not edit (regenerate instead).".into(),
        "People with dated offices converted from the Phoenix actor dictionaries of".into(),
        "PETRARCH-2 (Open Event Data Alliance): Phoenix.Countries.actors.txt and".into(),
        "Phoenix.International.actors.txt".into(),
        format!("from {origin} (copied in ../shared/data/eventdata/petrarch2/)."),
        "Made by: cargo run --release -p aras-import --example phoenix_people > dict/people-phoenix.tsv".into(),
        "Rules: crates/import/src/people.rs. Format: dict/README.md. Load order: after people.tsv.".into(),
        "dict/people.tsv (ours, hand-written) wins where both have a person: the periods here".into(),
        "end the day before our first entry for the person starts. An office Phoenix leaves open".into(),
        "(in office when it was last edited) ends on its latest date (below); elite periods stay open.".into(),
        "The file depends on people.tsv, countries.tsv,".into(),
        "organizations.tsv, agents.tsv and groups.tsv: regenerate it after editing them".into(),
        "(the aras-import test people_phoenix_is_reproduced says when).".into(),
        "Code = country + sector as Phoenix gives it (ELI: an elite outside office; IGO...:".into(),
        "international office). No role= (Phoenix does not name the office).".into(),
        String::new(),
        "Licence of the source data: The MIT License (MIT)".into(),
        "Copyright (c) 2014 Open Event Data Alliance (Phoenix.Countries.actors.txt header)".into(),
        "Copyright (c) 2014 Open Event Data (petrarch2 LICENSE, which covers both files)".into(),
        String::new(),
    ];
    provenance.extend(MIT_NOTICE.iter().map(|s| s.to_string()));
    provenance.push(String::new());
    let input = PeopleInput {
        sources: texts.iter().map(|(n, t)| (*n, t.as_str())).collect(),
        ours_people: &ours_people,
        ours_other: other.iter().map(|(n, t)| (*n, t.as_str())).collect(),
        provenance,
    };
    Ok(phoenix_people(&input))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::parse_date;

    fn d(s: &str) -> Option<Date> {
        Some(parse_date(s).unwrap())
    }

    #[test]
    fn forms() {
        let adj: HashSet<String> = ["ISRAELI".to_string()].into();
        let f = |s: &str| person_form(s, &adj);
        assert_eq!(
            f("SECRETARY_OF_STATE_COLIN_L._POWELL").unwrap(),
            "Colin L. Powell"
        );
        assert_eq!(f("KIM_JONG-IL").unwrap(), "Kim Jong-il");
        assert_eq!(f("BASHAR_AL-ASSAD").unwrap(), "Bashar al-Assad");
        assert_eq!(f("JOHN_MCCAIN").unwrap(), "John McCain");
        assert_eq!(
            f("ISRAELI_PRIME_MINISTER_EHUD_BARAK").unwrap(),
            "Ehud Barak"
        );
        assert_eq!(f("SIR_JOHN_HUNT").unwrap(), "John Hunt");
        assert_eq!(f("JAMES_A._BAKER_III").unwrap(), "James A. Baker III");
        assert!(f("AMBASSADOR_ALBRIGHT").is_err());
        assert!(f("K._ANNAN_").is_err());
        assert!(f("US_SECRETARY_OF_DEFENSE_").is_err());
        assert!(f("JAMES_A._BAKER_3D").is_err());
        assert!(f("GRAND_MOSQUE").is_err());
    }

    #[test]
    fn periods() {
        // Elite outside office; the office wins its boundary days.
        let p = normalise(vec![
            ("PSEELI".into(), (d("470101"), d("940705"))),
            ("PSEGOV".into(), (d("940705"), d("041111"))),
        ]);
        assert_eq!(
            p,
            vec![
                ("PSEELI".to_string(), (d("470101"), d("940704"))),
                ("PSEGOV".to_string(), (d("940705"), d("041111"))),
            ]
        );
        // Same code merged; a later office supersedes an earlier one.
        let p = normalise(vec![
            ("USAGOV".into(), (d("930127"), d("970121"))),
            ("USAGOV".into(), (d("970123"), d("010120"))),
            ("USALEG".into(), (d("850101"), d("950101"))),
        ]);
        assert_eq!(
            p,
            vec![
                ("USALEG".to_string(), (d("850101"), d("930126"))),
                ("USAGOV".to_string(), (d("930127"), d("970121"))),
                ("USAGOV".to_string(), (d("970123"), d("010120"))),
            ]
        );
        assert_eq!(
            subtract((None, None), (d("20090120"), d("20170120"))),
            vec![(None, d("20090119")), (d("20170121"), None)]
        );
    }
}
