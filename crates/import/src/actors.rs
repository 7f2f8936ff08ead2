//! TABARI/PETRARCH actor dictionaries → aras `country`/`person`/`organization`/
//! `place`/`group` lines.
//!
//! Record shape (both programs): a primary phrase with optional codes,
//! `+synonym` lines, and (PETRARCH; TABARI also allows them on the primary
//! line) date restrictions on lines starting with a tab:
//! `[CODE]` default, `[CODE <YYMMDD]` before, `[CODE >YYMMDD]` after,
//! `[CODE YYMMDD-YYMMDD]` between, limits inclusive.
//!
//! Each (code, period) becomes one aras line. The default code applies outside
//! every restricted period, so it is written for the gaps between them (a
//! default that no gap leaves room for is not written).
//!
//! ## Kind heuristic
//! - all codes lower case (CAMEO ethnic-group codes, `[abk]`) → `group`;
//! - the code's first three letters are a CAMEO religion code (`MOS`, `CHR`,
//!   `BUD`, ...), not a country, and there is no date restriction → `group`
//!   (religions, denominations and schools; a dated religious entry is a
//!   person and goes on to the next rule);
//! - the code is exactly a known country code and the phrase (or a synonym)
//!   names that country ("AFGHAN", "ISRAELI") → `country`;
//! - the phrase looks like a personal name and the code carries more than a
//!   country (a sector: `AFGGOV`, `IMGSASMOS`) or a date restriction →
//!   `person`. "Looks like a personal name": 2 to 5 words, letters with
//!   `.`/`'`/`-` only, no possessive `'S`, no plural in `-MEN` (gunmen,
//!   tribesmen), and no word from a list of
//!   institutional words (party, ministry, army, bank, news, ...);
//! - the code is exactly a known country code otherwise → `place` (in these
//!   dictionaries bare country codes on other phrases are cities and
//!   regions: `BUDAPEST [HUN]`);
//! - anything else → `organization`.

use crate::common::{
    display_form, expand_alternations, has_reserved, parse_date, phrase_words, split_comment, Date,
};
use crate::countries::{form_names_country, is_country};
use crate::ledger::{Ledger, XmlComment};
use crate::{Format, ImportReport};

/// A code with its validity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Restriction {
    Default,
    Before(Date),
    After(Date),
    Between(Date, Date),
}

#[derive(Debug, Clone)]
pub(crate) struct CodeSpec {
    pub(crate) code: String,
    pub(crate) when: Restriction,
}

struct Pending {
    first: usize,
    names: Vec<(usize, String)>,
    codes: Vec<CodeSpec>,
    restriction_lines: Vec<usize>,
    last_line: usize,
}

/// Words that make a phrase an institution, not a person.
const INSTITUTION_WORDS: &[&str] = &[
    "THE",
    "PARTY",
    "MINISTRY",
    "MINISTER",
    "GOVERNMENT",
    "ARMY",
    "FORCE",
    "FORCES",
    "FRONT",
    "MOVEMENT",
    "GROUP",
    "COUNCIL",
    "UNION",
    "COMMITTEE",
    "BANK",
    "ORGANIZATION",
    "ORGANISATION",
    "ASSOCIATION",
    "AGENCY",
    "COMPANY",
    "CORPORATION",
    "CORP",
    "INC",
    "LTD",
    "BRIGADE",
    "BRIGADES",
    "BATTALION",
    "POLICE",
    "NEWS",
    "RADIO",
    "TV",
    "TELEVISION",
    "UNIVERSITY",
    "INSTITUTE",
    "CHURCH",
    "LEAGUE",
    "ALLIANCE",
    "FEDERATION",
    "COMMISSION",
    "COURT",
    "OFFICE",
    "DEPARTMENT",
    "SERVICE",
    "SERVICES",
    "NETWORK",
    "TIMES",
    "POST",
    "PRESS",
    "DAILY",
    "FUND",
    "PROGRAM",
    "PROGRAMME",
    "FOUNDATION",
    "SOCIETY",
    "CENTER",
    "CENTRE",
    "PEOPLE",
    "PEOPLES",
    "STATE",
    "STATES",
    "REPUBLIC",
    "KINGDOM",
    "NATIONAL",
    "INTERNATIONAL",
    "ISLAMIC",
    "LIBERATION",
    "REVOLUTIONARY",
    "DEMOCRATIC",
    "ASSEMBLY",
    "PARLIAMENT",
    "CONGRESS",
    "SENATE",
    "ISLAND",
    "ISLANDS",
    "RIVER",
    "CITY",
    "PROVINCE",
    "REGION",
    "DISTRICT",
    "MILITIA",
    "REBELS",
    "REBEL",
    "TROOPS",
    "SOLDIERS",
    "OFFICIALS",
    "AUTHORITY",
    "AUTHORITIES",
    "COALITION",
    "NETWORK",
    "BUREAU",
    "BOARD",
    "CONFERENCE",
    "FORUM",
    "AGENCE",
    "WATCH",
    "INTERNATIONALE",
    "BLOC",
    "CARTEL",
    "GANG",
    "CLAN",
    "TRIBE",
    "MISSION",
    "REGIME",
    "NATIONS",
    "WORLD",
    "GLOBAL",
    "UNITED",
    "EUROPEAN",
    "AFRICAN",
    "ASIAN",
    "ARAB",
    "CABINET",
    "EMBASSY",
    "CONSULATE",
    "HOSPITAL",
    "SCHOOL",
    "COLLEGE",
    "ACADEMY",
    "MUSEUM",
    "AIRLINES",
    "AIRWAYS",
    "OIL",
    "PETROLEUM",
    "GAS",
    "INDUSTRIES",
    "GROUP'S",
    "AND",
    "FOR",
    "JOURNAL",
    "MAGAZINE",
    "NEWSPAPER",
    "AGENCY'S",
    "TRIBUNAL",
    "SECRETARIAT",
    "DIVISION",
    "REGIMENT",
    "SQUAD",
    "UNIT",
    "CORPS",
    "GUARD",
    "GUARDS",
    "NAVY",
    "AIR",
    "FLEET",
    "COMMAND",
];

/// True when `upper` (an upper-case word) makes a phrase an institution.
pub(crate) fn is_institution_word(upper: &str) -> bool {
    INSTITUTION_WORDS.contains(&upper)
}

/// CAMEO religion codes (first three letters of a religious actor code).
const RELIGION_CODES: &[&str] = &[
    "ATH", "BAH", "BUD", "CHR", "CON", "DRZ", "HIN", "JAN", "JEW", "MOS", "ITR", "SHN", "SIK",
    "TAO", "ZRO", "ADR", "PAG",
];

pub(crate) fn looks_like_person(raw: &str) -> bool {
    let words = phrase_words(raw);
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    words.iter().all(|w| {
        let up = w.to_uppercase();
        w.chars()
            .all(|c| c.is_alphabetic() || c == '.' || c == '\'' || c == '-')
            && w.chars().any(|c| c.is_alphabetic())
            && !up.ends_with("'S")
            && !(up.ends_with("MEN") && up.len() > 4)
            && !INSTITUTION_WORDS.contains(&up.as_str())
    })
}

fn parse_restriction(rest: &str) -> Result<Restriction, String> {
    let rest = rest.trim();
    if rest.is_empty() {
        return Ok(Restriction::Default);
    }
    if let Some(d) = rest.strip_prefix('<') {
        return Ok(Restriction::Before(parse_date(d.trim())?));
    }
    if let Some(d) = rest.strip_prefix('>') {
        return Ok(Restriction::After(parse_date(d.trim())?));
    }
    if let Some((a, b)) = rest.split_once('-') {
        let (a, b) = (parse_date(a.trim())?, parse_date(b.trim())?);
        if b < a {
            return Err(format!("end date {b} before start date {a}"));
        }
        return Ok(Restriction::Between(a, b));
    }
    Err(format!("unrecognised date restriction '{rest}'"))
}

/// Validates a code as written inside brackets; `---` (null) becomes `-`.
pub(crate) fn check_code(code: &str) -> Result<String, String> {
    match code {
        "---" => Ok("-".to_string()),
        "###" => Err("discard code [###]: a TABARI discard phrase, not an actor".to_string()),
        "" => Err("empty code []".to_string()),
        c if c.contains('/') => Err(format!("compound code '{c}' (two actors in one)")),
        c if c.chars().all(|ch| ch.is_ascii_alphanumeric()) => Ok(c.to_string()),
        c => Err(format!("invalid characters in code '{c}'")),
    }
}

/// Splits `NAME [CODE] [CODE <DATE] ...` into the name and its codes.
fn parse_codes(content: &str) -> Result<(&str, Vec<CodeSpec>), String> {
    let Some(first) = content.find('[') else {
        return Ok((content.trim(), Vec::new()));
    };
    let name = content[..first].trim();
    let mut codes = Vec::new();
    let mut rest = &content[first..];
    loop {
        rest = rest.trim_start_matches([' ', '\r']);
        if let Some(r) = rest.strip_prefix('\t') {
            let r = r.trim_start();
            if !codes.is_empty() && !r.is_empty() && !r.starts_with('[') {
                break; // trailing tab-separated column: a comment
            }
            rest = r;
            continue;
        }
        if rest.is_empty() {
            break;
        }
        let Some(inner) = rest.strip_prefix('[') else {
            return Err(format!("unexpected text after codes: '{}'", rest.trim()));
        };
        let Some(close) = inner.find(']') else {
            return Err("unclosed '[' in code".to_string());
        };
        let body = inner[..close].trim();
        rest = &inner[close + 1..];
        let (code, when) = match body.split_once(char::is_whitespace) {
            Some((c, r)) => (c, r),
            None => (body, ""),
        };
        let code = check_code(code)?;
        // aras's dictionaries take codes of 3-character groups (`AZE`, `AZEGOV`): an
        // entry written with another would make the whole converted file unloadable
        // (issue 16, found by fuzzing: `[ITHTV]` in PETR.Validate.actors.txt).
        if code != "-" && code.len() % 3 != 0 {
            return Err(format!(
                "code '{code}' is not made of 3-character groups (aras dictionaries need AZE, AZEGOV, ...)"
            ));
        }
        let when = parse_restriction(when)?;
        codes.push(CodeSpec { code, when });
    }
    Ok((name, codes))
}

/// Interval bound for gap computation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Bound {
    NegInf,
    At(Date),
    PosInf,
}

/// The periods not covered by any restriction, as (from, to) with `None` open.
pub(crate) fn gaps(
    restricted: &[(Option<Date>, Option<Date>)],
) -> Vec<(Option<Date>, Option<Date>)> {
    let mut iv: Vec<(Bound, Bound)> = restricted
        .iter()
        .map(|(f, t)| {
            (
                f.map_or(Bound::NegInf, Bound::At),
                t.map_or(Bound::PosInf, Bound::At),
            )
        })
        .collect();
    iv.sort();
    let opt = |b: Bound| match b {
        Bound::At(d) => Some(d),
        _ => None,
    };
    let mut out = Vec::new();
    let mut cursor = Bound::NegInf;
    for (s, e) in iv {
        if s > cursor {
            out.push((opt(cursor), opt(s)));
        }
        cursor = cursor.max(e);
        if cursor == Bound::PosInf {
            return out;
        }
    }
    out.push((opt(cursor), None));
    out
}

pub(crate) fn guess_kind(names: &[(usize, String)], codes: &[CodeSpec]) -> &'static str {
    let real: Vec<&str> = codes
        .iter()
        .map(|c| c.code.as_str())
        .filter(|c| *c != "-")
        .collect();
    if real.is_empty() {
        return "organization";
    }
    if real
        .iter()
        .all(|c| c.chars().all(|ch| !ch.is_ascii_uppercase()))
    {
        return "group";
    }
    let main = real[0].to_ascii_uppercase();
    let dated = codes.iter().any(|c| c.when != Restriction::Default);
    let primary = names.first().map(|(_, n)| n.as_str()).unwrap_or("");
    if main.len() == 3
        && is_country(&main)
        && names.iter().any(|(_, n)| form_names_country(n, &main))
    {
        return "country";
    }
    let religious =
        main.len() >= 3 && RELIGION_CODES.contains(&&main[..3]) && !is_country(&main[..3]);
    if religious && !dated {
        return "group";
    }
    if looks_like_person(primary) && (dated || real.iter().any(|c| c.len() > 3)) {
        return "person";
    }
    if religious {
        return "group";
    }
    if main.len() == 3 && is_country(&main) {
        return "place";
    }
    "organization"
}

fn emit(p: Pending, ledger: &mut Ledger, out: &mut String, entries: &mut usize) {
    if p.codes.is_empty() {
        ledger.reject(
            p.first,
            "entry has no code (none on the phrase, no date restriction)",
        );
        for (l, _) in &p.names {
            ledger.reject(*l, "synonym of an entry that has no code");
        }
        for l in &p.restriction_lines {
            ledger.reject(*l, "date restriction of an entry that has no code");
        }
        return;
    }
    let kind = guess_kind(&p.names, &p.codes);
    // Forms: display forms, de-duplicated case-insensitively.
    let mut forms: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (_, raw) in &p.names {
        let words = phrase_words(raw);
        let form = if kind != "country"
            && kind != "person"
            && words.len() == 1
            && (2..=4).contains(&words[0].chars().count())
            && words[0].chars().all(|c| c.is_ascii_uppercase())
        {
            format!("{}@acronym", words[0])
        } else {
            display_form(raw)
        };
        if form.is_empty() {
            continue;
        }
        if seen.insert(form.to_lowercase()) {
            forms.push(form);
        }
    }
    let forms = forms.join("|");

    let default = p
        .codes
        .iter()
        .rev()
        .find(|c| c.when == Restriction::Default)
        .map(|c| c.code.clone());
    let mut periods: Vec<(String, Option<Date>, Option<Date>)> = Vec::new();
    for c in &p.codes {
        match c.when {
            Restriction::Default => {}
            Restriction::Before(d) => periods.push((c.code.clone(), None, Some(d))),
            Restriction::After(d) => periods.push((c.code.clone(), Some(d), None)),
            Restriction::Between(a, b) => periods.push((c.code.clone(), Some(a), Some(b))),
        }
    }
    if let Some(def) = default {
        let restricted: Vec<_> = periods.iter().map(|(_, f, t)| (*f, *t)).collect();
        for (f, t) in gaps(&restricted) {
            periods.push((def.clone(), f, t));
        }
    }
    periods.sort_by_key(|(_, f, _)| *f);
    for (code, from, to) in &periods {
        let code = code.to_ascii_uppercase();
        // A country's entry may carry another code for some period (a restriction line
        // such as `[AFGMIL]`, or a synonym's `[071]`): that line is no country, which must be
        // a known 3-letter country code (issue 16, found by fuzzing: such a line made the
        // converted file unloadable).
        let kind = if kind == "country" && !(code.len() == 3 && is_country(&code)) {
            "organization"
        } else {
            kind
        };
        let mut attrs: Vec<String> = Vec::new();
        if kind != "country" && code.len() > 3 && is_country(&code[..3]) {
            attrs.push(format!("country={}", &code[..3]));
        }
        if let Some(f) = from {
            attrs.push(format!("from={f}"));
        }
        if let Some(t) = to {
            attrs.push(format!("to={t}"));
        }
        out.push_str(&code);
        out.push('\t');
        out.push_str(kind);
        out.push('\t');
        out.push_str(&forms);
        if !attrs.is_empty() {
            out.push('\t');
            out.push_str(&attrs.join(";"));
        }
        out.push('\n');
    }
    *entries += 1;
    ledger.loaded(p.first);
    for (l, _) in &p.names {
        ledger.loaded(*l);
    }
    for l in &p.restriction_lines {
        ledger.loaded(*l);
    }
}

pub(crate) fn import_actors(text: &str, format: Format) -> ImportReport {
    let mut out = String::new();
    out.push_str(&format!(
        "# imported by aras-import from a {} actor dictionary\n",
        format.name()
    ));
    let mut entries = 0usize;
    let (lines_read, lines_loaded, lines_ignored, rejected) =
        scan(text, |p, ledger| emit(p, ledger, &mut out, &mut entries));
    ImportReport {
        entries,
        lines_read,
        lines_loaded,
        lines_ignored,
        rejected,
        output: out,
    }
}

/// One actor record as read: its phrases (with their line indexes), codes
/// and date restrictions. `names` are raw dictionary phrases (`KOFI_ANNAN_`).
pub(crate) struct ActorRecord {
    /// 0-based index of the record's first line.
    pub(crate) first: usize,
    pub(crate) names: Vec<(usize, String)>,
    pub(crate) codes: Vec<CodeSpec>,
    pub(crate) restriction_lines: Vec<usize>,
}

/// Reads the records of an actor dictionary and hands each to `sink`, which
/// marks its lines loaded or rejected in the ledger. Returns the ledger's
/// books: (lines read, loaded, ignored, rejections).
pub(crate) fn read_actor_records(
    text: &str,
    mut sink: impl FnMut(ActorRecord, &mut Ledger<'_>),
) -> (usize, usize, usize, Vec<crate::Rejection>) {
    scan(text, |p, ledger| {
        sink(
            ActorRecord {
                first: p.first,
                names: p.names,
                codes: p.codes,
                restriction_lines: p.restriction_lines,
            },
            ledger,
        )
    })
}

fn scan(
    text: &str,
    mut emit: impl FnMut(Pending, &mut Ledger<'_>),
) -> (usize, usize, usize, Vec<crate::Rejection>) {
    let mut ledger = Ledger::new(text);
    let lines: Vec<&str> = ledger.lines().to_vec();
    let mut pending: Option<Pending> = None;
    let mut xml = XmlComment::default();
    let mut section: Option<String> = None;
    let mut stopped = false;

    for (idx, raw) in lines.iter().enumerate() {
        let trimmed = raw.trim();
        if stopped {
            ledger.ignored(idx);
            continue;
        }
        if xml.eat(trimmed) {
            ledger.ignored(idx);
            continue;
        }
        if trimmed.contains("---STOP---") {
            stopped = true;
            ledger.ignored(idx);
            continue;
        }
        let (content, _comment) = split_comment(raw);
        if content.trim().is_empty() {
            ledger.ignored(idx);
            continue;
        }
        let ct = content.trim();
        // Section tags: <NOUN>, </NOUN>, <ADJECTIVE>, ...
        if ct.starts_with('<') && ct.ends_with('>') && !ct.contains('[') {
            if let Some(p) = pending.take() {
                emit(p, &mut ledger);
            }
            let tag = ct.trim_matches(|c| c == '<' || c == '>');
            section = if tag.starts_with('/') {
                None
            } else {
                Some(tag.to_string())
            };
            ledger.ignored(idx);
            continue;
        }
        if let Some(sec) = &section {
            ledger.reject(
                idx,
                format!(
                    "entry in a TABARI <{sec}> word list (a part-of-speech hint, not an actor)"
                ),
            );
            continue;
        }
        let indented = raw.starts_with(['\t', ' ']);
        if indented && ct.starts_with('[') {
            // Date restriction line.
            match (&mut pending, parse_codes(ct)) {
                (None, _) => ledger.reject(idx, "date restriction without a preceding entry"),
                (Some(_), Err(e)) => ledger.reject(idx, e),
                (Some(p), Ok((_, codes))) => {
                    p.codes.extend(codes);
                    p.restriction_lines.push(idx);
                    p.last_line = idx;
                }
            }
            continue;
        }
        if let Some(syn) = ct.strip_prefix('+') {
            let Some(p) = &mut pending else {
                ledger.reject(idx, "synonym without a preceding entry");
                continue;
            };
            match parse_codes(syn) {
                Err(e) => ledger.reject(idx, e),
                Ok((name, codes)) => match expand_alternations(name) {
                    Err(e) => ledger.reject(idx, e),
                    Ok(_) if phrase_words(name).is_empty() => ledger.reject(idx, "empty synonym"),
                    Ok(alts) if alts.iter().any(|a| has_reserved(&display_form(a))) => ledger
                        .reject(
                            idx,
                            "phrase contains '|', '@', a tab or a control character",
                        ),
                    Ok(alts) => {
                        p.codes.extend(codes);
                        for a in alts {
                            p.names.push((idx, a));
                        }
                        p.last_line = idx;
                    }
                },
            }
            continue;
        }
        // A primary phrase. As in PETRARCH, phrases without a code directly
        // followed by another phrase share the codes that come next
        // (`IVO_JOSIPOVIC_` / `PRESIDENT_JOSIPOVIC_` / tab restrictions); we
        // only merge phrases on adjacent lines.
        if let Some(p) = &mut pending {
            if p.codes.is_empty() && p.last_line + 1 == idx && !ct.contains('[') {
                match expand_alternations(ct) {
                    Ok(alts) if !alts.iter().any(|a| has_reserved(&display_form(a))) => {
                        p.names.extend(alts.into_iter().map(|a| (idx, a)));
                        p.last_line = idx;
                        continue;
                    }
                    _ => {}
                }
            }
        }
        if let Some(p) = pending.take() {
            emit(p, &mut ledger);
        }
        match parse_codes(ct) {
            Err(e) => ledger.reject(idx, e),
            Ok((name, _)) if phrase_words(name).is_empty() => {
                ledger.reject(idx, "no phrase before the code")
            }
            Ok((name, codes)) => match expand_alternations(name) {
                Err(e) => ledger.reject(idx, e),
                Ok(alts) if alts.iter().any(|a| has_reserved(&display_form(a))) => ledger.reject(
                    idx,
                    "phrase contains '|', '@', a tab or a control character",
                ),
                Ok(alts) => {
                    pending = Some(Pending {
                        first: idx,
                        names: alts.into_iter().map(|a| (idx, a)).collect(),
                        codes,
                        restriction_lines: Vec::new(),
                        last_line: idx,
                    })
                }
            },
        }
    }
    if let Some(p) = pending.take() {
        emit(p, &mut ledger);
    }
    ledger.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<Date> {
        Some(parse_date(s).unwrap())
    }

    #[test]
    fn gap_computation() {
        assert_eq!(gaps(&[]), vec![(None, None)]);
        assert_eq!(gaps(&[(d("050803"), None)]), vec![(None, d("050803"))]);
        assert_eq!(gaps(&[(None, d("940510"))]), vec![(d("940510"), None)]);
        assert_eq!(
            gaps(&[(d("960601"), d("011113"))]),
            vec![(None, d("960601")), (d("011113"), None)]
        );
        assert_eq!(gaps(&[(None, d("080120")), (d("080120"), None)]), vec![]);
        assert_eq!(
            gaps(&[
                (d("20080120"), d("20121109")),
                (d("20100109"), d("20100112"))
            ]),
            vec![(None, d("20080120")), (d("20121109"), None)]
        );
    }

    #[test]
    fn person_shapes() {
        assert!(looks_like_person("ABU_ALI_MUSTAFA_"));
        assert!(looks_like_person("GEORGE_W._BUSH"));
        assert!(!looks_like_person("AFRICAN_NATIONAL_CONGRESS"));
        assert!(!looks_like_person("AFGHANISTAN'S_TALIBAN"));
        assert!(!looks_like_person("AHMADINEJAD"));
    }
}
