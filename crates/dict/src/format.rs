//! The dictionary line format and its parser (see `dict/README.md`).

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use crate::error::{DictError, ErrorKind};

/// CAMEO sector (role) codes that an agent code or the second part of a
/// country+sector code may use.
pub const SECTOR_CODES: &[&str] = &[
    "GOV", "MIL", "COP", "SPY", "LEG", "JUD", "OPP", "REB", "CVL", "MED", "BUS", "NGO", "EDU",
    "ELI", "REL", "IGO", "NGM", "IMG", "MNC", "INT", "UIS", "HLH", "LAB", "AGR", "CRM", "REF",
    "MOD", "RAD", "UAF", "SET", "INS", "SEP", "PTY", "DEV", "ENV", "HRI", "PKO", "CHR", "MOS",
    "JEW",
];

/// Codes that begin an international (non-country) actor code.
const INTERNATIONAL_PREFIXES: &[&str] = &["IGO", "NGO", "NGM", "IMG", "MNC", "INT", "UIS"];

/// CAMEO region codes (used by `place` entries for regions that span states).
pub const REGION_CODES: &[&str] = &[
    "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM",
    "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST",
];

/// Universal Dependencies UPOS tags (the values of the `pos=` attribute).
const UPOS: &[&str] = &[
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
];

/// True when `code` is a known CAMEO sector code (see [`SECTOR_CODES`]).
pub fn is_sector_code(code: &str) -> bool {
    in_list(SECTOR_CODES, code)
}

/// `list.contains(&code)` for three-letter codes, comparing bytes rather than
/// calling `memcmp` per item (it runs for every line of a large file).
fn in_list(list: &[&str], code: &str) -> bool {
    let c = code.as_bytes();
    c.len() == 3
        && list.iter().any(|x| {
            let x = x.as_bytes();
            x.len() == 3 && x[0] == c[0] && x[1] == c[1] && x[2] == c[2]
        })
}

/// What an entry denotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A state or territory (ISO 3166-1).
    Country,
    /// A sector agent without a country ("police", "foreign minister").
    Agent,
    /// An organisation: IGO, NGO, national body, armed group, think tank.
    Organization,
    /// A person.
    Person,
    /// An ethnic or religious group.
    Group,
    /// A place that is not a country (a region, a city, a disputed territory).
    Place,
}

impl Kind {
    /// The keyword used in the files and in the JSONL output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Country => "country",
            Kind::Agent => "agent",
            Kind::Organization => "organization",
            Kind::Person => "person",
            Kind::Group => "group",
            Kind::Place => "place",
        }
    }
}

impl FromStr for Kind {
    type Err = ();
    fn from_str(s: &str) -> Result<Kind, ()> {
        Ok(match s {
            "country" => Kind::Country,
            "agent" => Kind::Agent,
            "organization" | "organisation" => Kind::Organization,
            "person" => Kind::Person,
            "group" => Kind::Group,
            "place" => Kind::Place,
            _ => return Err(()),
        })
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The role of one surface form of an entry (the `@role` suffix).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FormRole {
    /// The name (default).
    Name,
    /// A short name ("Britain", "Congo").
    Short,
    /// A former name still found in news ("Burma", "Swaziland").
    Historical,
    /// An adjective ("Azerbaijani", "Dutch").
    Adj,
    /// A noun for the people ("Azerbaijanis", "Britons").
    Demonym,
    /// The capital city ("Baku").
    Capital,
    /// A place or building that stands for the state or body ("the Kremlin").
    Metonym,
    /// An acronym; always matched case-sensitively ("IDF").
    Acronym,
    /// A surname (people).
    Surname,
    /// A title or office ("foreign minister").
    Title,
    /// A city other than the capital ("Tabriz").
    City,
}

impl FormRole {
    /// The keyword after `@`.
    pub fn as_str(self) -> &'static str {
        match self {
            FormRole::Name => "name",
            FormRole::Short => "short",
            FormRole::Historical => "historical",
            FormRole::Adj => "adj",
            FormRole::Demonym => "demonym",
            FormRole::Capital => "capital",
            FormRole::Metonym => "metonym",
            FormRole::Acronym => "acronym",
            FormRole::Surname => "surname",
            FormRole::Title => "title",
            FormRole::City => "city",
        }
    }
}

impl FromStr for FormRole {
    type Err = ();
    fn from_str(s: &str) -> Result<FormRole, ()> {
        Ok(match s {
            "name" => FormRole::Name,
            "short" => FormRole::Short,
            "historical" => FormRole::Historical,
            "adj" => FormRole::Adj,
            "demonym" => FormRole::Demonym,
            "capital" => FormRole::Capital,
            "metonym" => FormRole::Metonym,
            "acronym" => FormRole::Acronym,
            "surname" => FormRole::Surname,
            "title" => FormRole::Title,
            "city" => FormRole::City,
            _ => return Err(()),
        })
    }
}

impl fmt::Display for FormRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One surface form of an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    /// The text as written in the file (without the `@role`).
    pub text: String,
    /// Its role.
    pub role: FormRole,
}

/// One dictionary entry (one line of a file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The CAMEO-style code; `""` for a recognised actor without a code
    /// (written `-` or `""` in the file).
    pub code: String,
    /// What the entry denotes.
    pub kind: Kind,
    /// The first form: the canonical name.
    pub name: String,
    /// The country: the `country=` attribute, else the first three letters of
    /// the code when they are a country code (not a sector or IGO/NGO prefix,
    /// and never for groups).
    pub country: Option<String>,
    /// The sector: the `sector=` attribute, else the code itself for agents,
    /// the second group of three for country+sector codes, or `IGO`/`NGO`...
    /// for international codes.
    pub sector: Option<String>,
    /// The `role=` attribute (an office: "Foreign Minister").
    pub role: Option<String>,
    /// The `from=` date limit (YYYY, YYYY-MM or YYYY-MM-DD).
    pub from: Option<String>,
    /// The `to=` date limit.
    pub to: Option<String>,
    /// All attributes in file order, including the ones above.
    pub attrs: Vec<(String, String)>,
    /// All surface forms in file order.
    pub forms: Vec<Form>,
    /// Where the entry comes from: `file:line`.
    pub source: String,
}

impl Entry {
    /// The value of an attribute.
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// True unless the entry has a `pos=` attribute that does not list `upos`
    /// (a Universal Dependencies tag such as `NOUN`). The dictionary matches
    /// words, not parts of speech: a pipeline with a tagger calls this to drop
    /// "general" in "general election" (`pos=NOUN`).
    ///
    /// ```
    /// let e = aras_dict::parse_line("a", 1, "MIL\tagent\tgeneral\tpos=NOUN").unwrap().unwrap();
    /// assert!(e.allows_pos("NOUN") && !e.allows_pos("ADJ"));
    /// ```
    pub fn allows_pos(&self, upos: &str) -> bool {
        match self.attr("pos") {
            Some(list) => list.split(',').any(|t| t.trim() == upos),
            None => true,
        }
    }

    /// True for a stop phrase: an agent with no code, listed only so that it
    /// shadows a shorter form inside it ("artificial intelligence",
    /// "general election"). A stop phrase is not an actor.
    pub fn is_stop(&self) -> bool {
        self.kind == Kind::Agent && self.code.is_empty()
    }

    /// The `ambiguous=` note, if the entry has a known clash.
    pub fn ambiguous(&self) -> Option<&str> {
        self.attr("ambiguous")
    }

    /// True when the entry's `from`/`to` limits admit `date`.
    ///
    /// `date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (anything after the first
    /// ten characters, such as a time, is ignored). Partial dates are
    /// intervals: an entry `to=2021` is active on `2021-12-31`, and one
    /// `from=2021-06` is active on `2021` (the intervals overlap). An entry
    /// without limits, or a date that cannot be read, is always active.
    ///
    /// ```
    /// let d = aras_dict::Dictionary::from_sources(&[(
    ///     "p.tsv",
    ///     "AZEGOV\tperson\tElmar Mammadyarov\tfrom=2004-04;to=2020-07-16",
    /// )])
    /// .unwrap();
    /// let e = d.entry(d.ids().next().unwrap());
    /// assert!(e.active_on("2012-05-01"));
    /// assert!(e.active_on("2020-07"));
    /// assert!(!e.active_on("2021-01-01"));
    /// assert!(!e.active_on("2003"));
    /// ```
    pub fn active_on(&self, date: &str) -> bool {
        let Some((dlo, dhi)) = date_interval(date.get(..10).unwrap_or(date)) else {
            return true;
        };
        if let Some((lo, _)) = self.from.as_deref().and_then(date_interval) {
            if dhi < lo {
                return false;
            }
        }
        if let Some((_, hi)) = self.to.as_deref().and_then(date_interval) {
            if dlo > hi {
                return false;
            }
        }
        true
    }
}

/// A date as (year, month, day).
type Ymd = (u32, u32, u32);

/// Parses `YYYY[-MM[-DD]]` into the first and last day it covers, as
/// `(y, m, d)` tuples.
fn date_interval(s: &str) -> Option<(Ymd, Ymd)> {
    let mut parts = s.split('-');
    let y = parts.next()?;
    if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: u32 = y.parse().ok()?;
    let num = |p: &str, max: u32| -> Option<u32> {
        if p.len() != 2 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u32 = p.parse().ok()?;
        (1..=max).contains(&n).then_some(n)
    };
    let r = match (parts.next(), parts.next(), parts.next()) {
        (None, None, None) => ((y, 1, 1), (y, 12, 31)),
        (Some(m), None, None) => {
            let m = num(m, 12)?;
            ((y, m, 1), (y, m, 31))
        }
        (Some(m), Some(d), None) => {
            let m = num(m, 12)?;
            let d = num(d, 31)?;
            ((y, m, d), (y, m, d))
        }
        _ => return None,
    };
    Some(r)
}

// `% 3` rather than `is_multiple_of` (Rust 1.87) for the workspace's older MSRV.
#[allow(clippy::manual_is_multiple_of)]
fn valid_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() % 3 == 0
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

fn is_attr_key(k: &str) -> bool {
    k.starts_with(|c: char| c.is_ascii_lowercase())
        && k.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn is_country3(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// Parses one line of a dictionary file.
///
/// Returns `Ok(None)` for a blank or comment line, `Ok(Some(entry))` for an
/// entry, and an error naming `source_name:line_no` otherwise. This is the
/// same function the loader uses, so an importer can validate its output
/// line by line.
///
/// ```
/// use aras_dict::{parse_line, FormRole, Kind};
/// let e = parse_line("countries.tsv", 7,
///     "AZE\tcountry\tAzerbaijan|Azeri@adj|Baku@capital\tambiguous=none").unwrap().unwrap();
/// assert_eq!(e.code, "AZE");
/// assert_eq!(e.kind, Kind::Country);
/// assert_eq!(e.name, "Azerbaijan");
/// assert_eq!(e.country.as_deref(), Some("AZE"));
/// assert_eq!(e.forms[2].role, FormRole::Capital);
/// assert_eq!(e.source, "countries.tsv:7");
/// assert!(parse_line("x", 1, "# a comment").unwrap().is_none());
/// assert_eq!(parse_line("x", 3, "AZE\tcountry").unwrap_err().to_string(),
///     "x:3: expected 3 or 4 tab-separated fields (CODE, KIND, FORMS[, ATTRIBUTES]), found 2");
/// ```
pub fn parse_line(
    source_name: &str,
    line_no: usize,
    line: &str,
) -> Result<Option<Entry>, DictError> {
    let Some(raw) = parse_raw(line).map_err(|kind| DictError::new(source_name, line_no, kind))?
    else {
        return Ok(None);
    };
    let attrs = raw
        .attrs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Ok(Some(raw.into_entry(attrs, source_name, line_no)))
}

/// One line of a dictionary file, validated, its fields borrowed from the
/// line: what [`parse_line`] reads before it copies the fields into an
/// [`Entry`]. The gazetteer reads its numeric attributes from here without
/// copying them.
pub(crate) struct RawLine<'a> {
    pub(crate) code: &'a str,
    pub(crate) kind: Kind,
    pub(crate) forms: Vec<(&'a str, FormRole)>,
    pub(crate) attrs: Vec<(&'a str, Cow<'a, str>)>,
}

impl RawLine<'_> {
    /// The value of an attribute.
    pub(crate) fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_ref())
    }

    /// The entry, with `attrs` as its attributes (all of the line's, or those
    /// the caller keeps) and the fields derived from the line's attributes.
    pub(crate) fn into_entry(
        self,
        attrs: Vec<(String, String)>,
        source_name: &str,
        line_no: usize,
    ) -> Entry {
        let kind = self.kind;
        let code = self.code.to_string();
        // One pass over the attributes for the fields they set.
        let (mut country, mut sector, mut role, mut from, mut to) = (None, None, None, None, None);
        for (k, v) in &self.attrs {
            let slot = match *k {
                "country" => &mut country,
                "sector" => &mut sector,
                "role" => &mut role,
                "from" => &mut from,
                "to" => &mut to,
                _ => continue,
            };
            *slot = Some(v.to_string());
        }
        let first = code.get(..3).unwrap_or("");
        let derived_country = derived_country(kind, &code);
        let derived_sector = match kind {
            Kind::Agent | Kind::Group => {
                code.get(..3).map(str::to_string).filter(|s| !s.is_empty())
            }
            Kind::Country => None,
            _ if in_list(INTERNATIONAL_PREFIXES, first) => Some(first.to_string()),
            _ => code.get(3..6).map(str::to_string),
        };
        let derived_sector = if kind == Kind::Group {
            None
        } else {
            derived_sector
        };
        let forms: Vec<Form> = self
            .forms
            .iter()
            .map(|&(text, role)| Form {
                text: text.to_string(),
                role,
            })
            .collect();
        // `file:line` without the formatting machinery (once per line).
        let mut source = String::with_capacity(source_name.len() + 8);
        source.push_str(source_name);
        source.push(':');
        let digits = line_no.to_string();
        source.push_str(&digits);
        Entry {
            country: country.or(derived_country),
            sector: sector.or(derived_sector),
            role,
            from,
            to,
            name: forms[0].text.clone(),
            code,
            kind,
            attrs,
            forms,
            source,
        }
    }
}

/// The country a code implies: its first three letters unless they are a
/// sector, an international prefix or a region code, and never for groups
/// and agents.
pub(crate) fn derived_country(kind: Kind, code: &str) -> Option<String> {
    let first = code.get(..3).unwrap_or("");
    match kind {
        Kind::Group | Kind::Agent => None,
        _ if first.is_empty()
            || is_sector_code(first)
            || in_list(INTERNATIONAL_PREFIXES, first)
            || in_list(REGION_CODES, first) =>
        {
            None
        }
        _ => Some(first.to_string()),
    }
}

/// Parses and validates one line without copying its fields: `Ok(None)` for
/// a blank or comment line.
pub(crate) fn parse_raw(line: &str) -> Result<Option<RawLine<'_>>, ErrorKind> {
    let err = |kind| kind;
    let line = line.strip_suffix('\n').unwrap_or(line);
    let line = line.strip_suffix('\r').unwrap_or(line);
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    let trimmed = line.trim();
    if trimmed.is_empty() || trimmed.starts_with('#') {
        return Ok(None);
    }
    // The fields without a vector: this runs once per line of files with
    // tens of thousands of lines (the gazetteer).
    let mut fields: [&str; 4] = [""; 4];
    let mut n_fields = 0;
    for f in line.split('\t') {
        if n_fields < 4 {
            fields[n_fields] = f.trim();
        }
        n_fields += 1;
    }
    // A trailing empty ATTRIBUTES field (a line ending in a tab) is allowed.
    if n_fields == 4 && fields[3].is_empty() {
        n_fields = 3;
    }
    if n_fields != 3 && n_fields != 4 {
        return Err(err(ErrorKind::FieldCount(n_fields)));
    }
    let fields = &fields[..n_fields];
    let kind: Kind = fields[1]
        .parse()
        .map_err(|()| err(ErrorKind::BadKind(fields[1].to_string())))?;
    let code = match fields[0] {
        "-" | "\"\"" => "",
        c if valid_code(c) => c,
        c => return Err(err(ErrorKind::BadCode(c.to_string()))),
    };
    if kind == Kind::Country && !is_country3(code) {
        return Err(err(ErrorKind::BadCountryCode(fields[0].to_string())));
    }

    let count = |s: &str, b: u8| s.bytes().filter(|&c| c == b).count();
    let mut forms = Vec::with_capacity(count(fields[2], b'|') + 1);
    for raw in fields[2].split('|') {
        let raw = raw.trim();
        let (text, role) = match raw.rsplit_once('@') {
            Some((t, r)) if !r.is_empty() && r.bytes().all(|b| b.is_ascii_lowercase()) => {
                let role: FormRole = r
                    .parse()
                    .map_err(|()| err(ErrorKind::BadRole(r.to_string())))?;
                (t.trim(), role)
            }
            _ => (raw, FormRole::Name),
        };
        if text.is_empty() {
            return Err(err(ErrorKind::EmptyForm));
        }
        if text.chars().any(char::is_control) {
            return Err(err(ErrorKind::ControlInForm(text.to_string())));
        }
        forms.push((text, role));
    }

    let mut attrs: Vec<(&str, Cow<'_, str>)> =
        Vec::with_capacity(fields.get(3).map_or(0, |a| count(a, b';') + 1));
    if let Some(a) = fields.get(3) {
        for piece in a.split(';') {
            let piece = piece.trim();
            if piece.is_empty() {
                continue;
            }
            let key_value = piece
                .split_once('=')
                .map(|(k, v)| (k.trim(), v.trim()))
                .filter(|(k, _)| is_attr_key(k));
            let Some((k, v)) = key_value else {
                // A `;` inside a free-text value: the piece continues the
                // previous value ("ambiguous=a; b").
                match attrs.last_mut() {
                    Some((_, prev)) => {
                        let joined = prev.to_mut();
                        joined.push_str("; ");
                        joined.push_str(piece);
                        continue;
                    }
                    None => return Err(err(ErrorKind::BadAttr(piece.to_string()))),
                }
            };
            if attrs.iter().any(|(k2, _)| *k2 == k) {
                return Err(err(ErrorKind::DuplicateAttr(k.to_string())));
            }
            match k {
                "from" | "to" if date_interval(v).is_none() => {
                    return Err(err(ErrorKind::BadDate(k.to_string(), v.to_string())));
                }
                "country" if !is_country3(v) => {
                    return Err(err(ErrorKind::BadValue(
                        k.into(),
                        v.into(),
                        "expected 3 uppercase letters",
                    )));
                }
                "sector" if !valid_code(v) => {
                    return Err(err(ErrorKind::BadValue(
                        k.into(),
                        v.into(),
                        "expected a sector code such as GOV",
                    )));
                }
                "pos" if v.split(',').any(|t| !UPOS.contains(&t.trim())) => {
                    return Err(err(ErrorKind::BadValue(
                        k.into(),
                        v.into(),
                        "expected comma-separated Universal Dependencies UPOS tags such as NOUN",
                    )));
                }
                "case" if v != "exact" && v != "insensitive" => {
                    return Err(err(ErrorKind::BadValue(
                        k.into(),
                        v.into(),
                        "expected `exact` or `insensitive`",
                    )));
                }
                _ => {}
            }
            attrs.push((k, Cow::Borrowed(v)));
        }
    }
    let get = |key: &str| {
        attrs
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_ref())
    };
    if let (Some(f), Some(t)) = (get("from"), get("to")) {
        if let (Some((flo, _)), Some((_, thi))) = (date_interval(f), date_interval(t)) {
            if flo > thi {
                return Err(err(ErrorKind::DateOrder(f.to_string(), t.to_string())));
            }
        }
    }

    Ok(Some(RawLine {
        code,
        kind,
        forms,
        attrs,
    }))
}
