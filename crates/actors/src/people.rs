//! People (and a few places and organisations) that the dictionary does not know:
//! capitalised names, appositions, relative clauses; and the candidates that
//! coreference resolves (pronouns, surnames, "the country").

use aras_dict::FormRole;

use crate::build::{Builder, Draft, Need, Ner};
use crate::words::{
    COMPASS, DETS, FORMER, NON_OFFICIAL, OFFICIAL_NOUNS, PLACE_PREPS, PLACE_WORDS, STOP_CAPS,
};
use crate::{Kind, ResolvedBy};
use aras_lex::words;

const PRONOUNS: &[&str] = &[
    "he",
    "she",
    "him",
    "his",
    "her",
    "hers",
    "himself",
    "herself",
    "it",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
];

pub(crate) fn learn(b: &mut Builder) {
    names(b);
    // Appositions and relative clauses for every named person (found here, by a
    // title, or in the dictionary).
    for k in 0..b.drafts.len() {
        if b.drafts[k].kind == Kind::Person && b.drafts[k].name.is_some() {
            describe(b, k);
        }
    }
    surnames(b);
    short_names(b);
    pronouns(b);
}

/// Is token `t` a candidate name word?
fn name_word(b: &Builder, t: usize) -> bool {
    let x = &b.doc.toks[t];
    if !(x.cap() && x.is_word()) || x.is(STOP_CAPS) || b.covered[t] {
        return false;
    }
    if b.doc.has_syntax(t) {
        return matches!(x.upos, "PROPN" | "X") || (x.upos == "NOUN" && !x.first);
    }
    true
}

fn name_word_next(b: &Builder, t: usize, s1: usize) -> bool {
    t < s1 && name_word(b, t)
}

/// Capitalised runs that no dictionary entry explains.
fn names(b: &mut Builder) {
    for s in 0..b.doc.sents.len() {
        let (s0, s1) = b.doc.sents[s];
        // Headlines in capitals are not read for names.
        let words: Vec<_> = b.doc.toks[s0..s1].iter().filter(|x| x.is_word()).collect();
        let upper = words
            .iter()
            .filter(|x| x.text.chars().count() > 1 && !x.text.chars().any(char::is_lowercase))
            .count();
        if words.len() >= 2 && upper * 10 >= words.len() * 6 {
            continue;
        }
        let mut t = s0;
        while t < s1 {
            if !name_word(b, t) {
                t += 1;
                continue;
            }
            // An unknown acronym in running text names an organisation ("the MNLF").
            let x = &b.doc.toks[t];
            let n = x.text.chars().count();
            if (2..=6).contains(&n)
                && x.text.chars().all(|c| c.is_ascii_uppercase())
                && !name_word_next(b, t + 1, s1)
                && !(t > s0 && name_word(b, t - 1))
            {
                let mut d = Draft::new(t, t + 1, Kind::Organization, ResolvedBy::Context);
                d.name = Some(x.text.to_string());
                d.parts.push((x.start, x.end, Ner::Org));
                b.push(d);
                t += 1;
                continue;
            }
            let mut e = t;
            while e < s1 && name_word(b, e) {
                e += 1;
            }
            name_run(b, t, e, s1);
            t = e.max(t + 1);
        }
    }
}

fn name_run(b: &mut Builder, r0: usize, r1: usize, s1: usize) {
    let len = r1 - r0;
    let toks = &b.doc.toks;
    let prev = (r0 > b.doc.sent_start(r0)).then(|| toks[r0 - 1].lower());
    let next = toks.get(r1).filter(|_| r1 < s1).map(|x| x.lower());
    let first_text = toks[r0].text;
    let last_text = toks[r1 - 1].text;
    if len > 4 {
        return;
    }
    let (bs, be) = b.bytes(r0, r1);
    // Places: compass words, geographic words, a preposition of place.
    let placey = (COMPASS.contains(&first_text) && len >= 2) || PLACE_WORDS.contains(&last_text);
    let prep = prev
        .as_deref()
        .is_some_and(|p| PLACE_PREPS.contains(&p) && !toks[r0 - 1].cap());
    let speech = prev
        .as_deref()
        .is_some_and(|p| words().actor_speech().contains(p))
        || next
            .as_deref()
            .is_some_and(|n| words().actor_speech().contains(n));
    let relative = next.as_deref() == Some(",")
        && toks.get(r1 + 1).is_some_and(|x| x.text == "who")
        || next.as_deref() == Some("who");
    let after_det = prev.as_deref().is_some_and(|p| DETS.contains(&p));
    if placey || (prep && !speech && !relative) {
        let mut d = Draft::new(r0, r1, Kind::Place, ResolvedBy::Context);
        d.name = Some(b.doc.span_text(r0, r1).to_string());
        d.parts.push((bs, be, Ner::Loc));
        b.push(d);
        return;
    }
    if after_det && !relative {
        return;
    }
    let lone_first = len == 1 && toks[r0].first;
    let person = len >= 2 || speech || relative || (!lone_first && appositive_after(b, r1, s1));
    if !person {
        return;
    }
    let mut d = Draft::new(r0, r1, Kind::Person, ResolvedBy::Context);
    d.name = Some(b.doc.span_text(r0, r1).to_string());
    d.parts.push((bs, be, Ner::Per));
    // A person nothing else places (no title, apposition or dictionary entry) is a
    // national of the context: the nearest country in the sentence, the dateline's,
    // else the document's (CAMEO codes an unnamed individual by country). An
    // apposition found later ("X, an analyst at ...") replaces this.
    d.need = Need::Context;
    b.push(d);
}

/// ", a|the|former ..." after a name.
fn appositive_after(b: &Builder, r1: usize, s1: usize) -> bool {
    r1 + 1 < s1
        && b.doc.toks[r1].text == ","
        && b.doc.toks[r1 + 1].is(DETS)
        && !b.doc.toks[r1 + 1].cap()
}

/// The end of a description that begins at `t`: the next comma, stop, quote or
/// dash, or "who".
fn desc_end(b: &Builder, t: usize, s1: usize) -> usize {
    let mut e = t;
    while e < s1 {
        let x = b.doc.toks[e].text;
        if matches!(
            x,
            "," | "."
                | ";"
                | ":"
                | "“"
                | "”"
                | "\""
                | "("
                | ")"
                | "--"
                | "—"
                | "–"
                | "who"
                | "which"
        ) {
            break;
        }
        e += 1;
    }
    e
}

/// The first draft inside [t0, t1) that has a country and a sector.
fn coded_draft_in(b: &Builder, t0: usize, t1: usize) -> Option<usize> {
    (0..b.drafts.len())
        .filter(|&j| {
            let d = &b.drafts[j];
            d.t0 >= t0
                && d.t1 <= t1
                && d.need == Need::Nothing
                && d.country.is_some()
                && d.sector.is_some()
        })
        .min_by_key(|&j| b.drafts[j].t0)
}

fn country_in(b: &Builder, t0: usize, t1: usize) -> Option<String> {
    b.drafts
        .iter()
        .filter(|d| d.t0 >= t0 && d.t1 <= t1 && d.country.is_some() && d.kind != Kind::Group)
        .min_by_key(|d| d.t0)
        .and_then(|d| d.country.clone())
}

/// Appositions and relative clauses around the person draft `k`.
fn describe(b: &mut Builder, k: usize) {
    let (r0, r1) = (b.drafts[k].t0, b.drafts[k].t1);
    let s1 = b.doc.sent_end(r0);
    let s0 = b.doc.sent_start(r0);
    let toks = &b.doc.toks;
    let lw = |t: usize| toks.get(t).filter(|_| t < s1).map(|x| x.lower());
    // Relative clause: "X, who served as US ambassador to Azerbaijan".
    let rel_start = if lw(r1).as_deref() == Some(",") && lw(r1 + 1).as_deref() == Some("who") {
        Some(r1 + 2)
    } else if lw(r1).as_deref() == Some("who") {
        Some(r1 + 1)
    } else {
        None
    };
    if let Some(c0) = rel_start {
        let c1 = desc_end(b, c0, s1);
        let verb = lw(c0).unwrap_or_default();
        let verb2 = lw(c0 + 1).unwrap_or_default();
        let past = matches!(
            verb.as_str(),
            "served" | "was" | "had" | "headed" | "led" | "commanded" | "worked" | "held" | "ran"
        ) || (verb == "has" && verb2 == "served");
        let former = past
            || (c0..c1).any(|t| FORMER.contains(&toks[t].lower().as_str()))
            || (c0..c1).any(|t| toks[t].is(&["retired"]));
        if let Some(j) = coded_draft_in(b, c0, c1) {
            let src = b.drafts[j].clone();
            // The role: the office and its "to/of X" complement.
            let mut re = src.t1;
            if lw(re).is_some_and(|w| w == "to" || w == "of") {
                if let Some(e) = b.drafts.iter().find(|d| d.t0 == re + 1).map(|d| d.t1) {
                    re = e;
                }
            }
            let role = b.doc.span_text(src.t0, re).to_string();
            apply(b, k, &src, role, former, ResolvedBy::Relative);
            return;
        }
        return;
    }
    // Apposition after: "X, an expert on ... at ...", "X, the former head of ...".
    if lw(r1).as_deref() == Some(",") && r1 + 1 < s1 {
        let a0 = r1 + 1;
        let x = &toks[a0];
        let opener = (x.is(DETS) || FORMER.contains(&x.lower().as_str())) && !x.cap()
            || b.drafts.iter().any(|d| d.t0 == a0 && d.title);
        if opener {
            let a1 = desc_end(b, a0, s1);
            if a1 > a0 + 1 {
                describe_from(b, k, a0, a1, ResolvedBy::Apposition);
                return;
            }
        }
    }
    // Description before: "his Iranian counterpart, X", "Britain's foreign
    // secretary, X".
    if r0 >= s0 + 2 && lw(r0 - 1).as_deref() == Some(",") {
        let e = r0 - 1;
        if let Some(j) = (0..b.drafts.len()).find(|&j| b.drafts[j].t1 == e && b.drafts[j].title) {
            let src = b.drafts[j].clone();
            if src.need == Need::Nothing && src.country.is_some() {
                let role = b.doc.span_text(src.t0, src.t1).to_string();
                let former = src.former;
                apply(b, k, &src, role, former, ResolvedBy::Apposition);
                return;
            }
        }
        let head = toks[e - 1].lower();
        if OFFICIAL_NOUNS.contains(&head.as_str()) || NON_OFFICIAL.contains(&head.as_str()) {
            let mut a0 = e - 1;
            while a0 > s0 && e - a0 < 5 && !toks[a0].is(DETS) {
                a0 -= 1;
            }
            if toks[a0].is(DETS) {
                describe_from(b, k, a0, e, ResolvedBy::Apposition);
            }
        }
    }
}

/// Codes person `k` from the description tokens [a0, a1).
fn describe_from(b: &mut Builder, k: usize, a0: usize, a1: usize, by: ResolvedBy) {
    let toks = &b.doc.toks;
    let role_text = b.doc.span_text(a0, a1);
    let role = role_text
        .trim_start_matches(|c: char| c.is_alphabetic())
        .trim_start();
    // Drop the determiner: "an expert on ..." → "expert on ...".
    let role = if toks[a0].is(DETS) { role } else { role_text }.to_string();
    let former = (a0..a1).any(|t| FORMER.contains(&toks[t].lower().as_str()));
    // The head: the first noun-like word before a preposition.
    let mut head_nonofficial = false;
    let mut head_official = false;
    for x in &toks[a0..a1] {
        let w = x.lower();
        if matches!(
            w.as_str(),
            "of" | "at" | "on" | "with" | "for" | "in" | "to" | "from"
        ) {
            break;
        }
        if NON_OFFICIAL.contains(&w.as_str()) {
            head_nonofficial = true;
        }
        if OFFICIAL_NOUNS.contains(&w.as_str()) {
            head_official = true;
        }
    }
    if head_nonofficial {
        let mut src = Draft::new(a0, a1, Kind::Person, by);
        src.set_code(None, None);
        apply(b, k, &src, role, false, by);
        return;
    }
    if let Some(j) = coded_draft_in(b, a0, a1) {
        let src = b.drafts[j].clone();
        apply(b, k, &src, role, former, by);
        return;
    }
    if head_official {
        if let Some(c) = country_in(b, a0, a1) {
            let mut src = Draft::new(a0, a1, Kind::Person, by);
            src.set_code(Some(&c), Some("GOV"));
            apply(b, k, &src, role, former, by);
        }
    }
}

/// Gives person `k` the code of `src` (unless the dictionary already coded it as
/// in office) and the role.
fn apply(b: &mut Builder, k: usize, src: &Draft, role: String, former: bool, by: ResolvedBy) {
    let d = &mut b.drafts[k];
    let dict_current = d.resolved_by == ResolvedBy::Dictionary && !d.former;
    let titled = d.resolved_by == ResolvedBy::Title && d.need == Need::Nothing;
    let role = if former && !role.starts_with("former") {
        format!("former {role}")
    } else {
        role
    };
    if dict_current || titled {
        if d.role.is_none() {
            d.role = Some(role);
        }
        return;
    }
    d.set_code(src.country.as_deref(), src.sector.as_deref());
    if src.country.is_none() && src.sector.is_none() {
        d.code = String::new();
    }
    d.role = Some(role);
    d.resolved_by = by;
    d.need = Need::Nothing;
    d.kind = Kind::Person;
    if former {
        d.make_former();
    }
}

/// Later surname-only mentions of people named in full.
fn surnames(b: &mut Builder) {
    let mut known: Vec<String> = Vec::new();
    for d in &b.drafts {
        if d.kind != Kind::Person {
            continue;
        }
        if let Some(n) = &d.name {
            let parts: Vec<&str> = n.split_whitespace().collect();
            if parts.len() >= 2 {
                let last = parts[parts.len() - 1].to_string();
                if !known.contains(&last) {
                    known.push(last);
                }
            }
        }
    }
    if known.is_empty() {
        return;
    }
    // Single-word names found by their form that are a known surname.
    for d in &mut b.drafts {
        if d.t1 - d.t0 == 1
            && d.kind == Kind::Person
            && d.resolved_by == ResolvedBy::Context
            && d.code.is_empty()
            && known.iter().any(|s| s == b.doc.toks[d.t0].text)
        {
            d.need = Need::Surname;
        }
    }
    // A single-word country draft that equals a surname ("Jordan" after "Michael
    // Jordan") becomes a surname candidate.
    for d in &mut b.drafts {
        if d.t1 - d.t0 == 1
            && d.kind == Kind::Country
            && matches!(
                d.form_role,
                Some(FormRole::Name | FormRole::Short | FormRole::Capital | FormRole::City)
            )
            && known.iter().any(|s| s == b.doc.toks[d.t0].text)
        {
            d.need = Need::Surname;
        }
    }
    for t in 0..b.doc.toks.len() {
        let x = &b.doc.toks[t];
        if b.covered[t] || !x.cap() || !known.iter().any(|s| s == x.text) {
            continue;
        }
        let mut d = Draft::new(t, t + 1, Kind::Person, ResolvedBy::Coreference);
        d.need = Need::Surname;
        d.parts.push((x.start, x.end, Ner::Per));
        b.push(d);
    }
}

/// Last words of organisation names that name a kind of body, not one body: "the
/// Front", "the Party" are not short names of the one front or party named before.
const GENERIC_ORG_HEADS: &[&str] = &[
    "Party",
    "Front",
    "Movement",
    "Union",
    "Council",
    "Organization",
    "Organisation",
    "Brigades",
    "Brigade",
    "Army",
    "Forces",
    "Force",
    "Committee",
    "Association",
    "League",
    "Group",
    "Agency",
    "Bank",
    "Fund",
    "Court",
    "Commission",
    "Assembly",
    "Ministry",
    "Office",
    "Authority",
    "Corporation",
    "Company",
    "Institute",
    "Nations",
    "States",
    "Service",
    "Services",
    "Department",
    "Guard",
    "Guards",
    "Police",
    "Parliament",
    "Congress",
    "Senate",
    "Government",
    "Administration",
    "Alliance",
    "Coalition",
    "Federation",
    "Society",
    "Foundation",
    "Center",
    "Centre",
    "Community",
    "Board",
    "Unit",
    "Network",
    "Conference",
    "Program",
    "Programme",
    "Cross",
    "Crescent",
    "Watch",
    "International",
    "Republic",
    "Kingdom",
    "Emirates",
    "Islands",
    "Times",
    "Post",
    "News",
    "Press",
    "Daily",
    "Tribune",
    "Herald",
    "Journal",
    "Revolution",
    "Resistance",
    "Brotherhood",
    "Tribunal",
    "Mission",
    "Secretariat",
    "Directorate",
    "Command",
];

/// The last word of a dictionary organisation's name, alone after the full name, is
/// that organisation: "Islamic Jihad ... Jihad criticised Abbas". Only distinctive last
/// words (capitalised, four letters or more, not a kind of body like "Front").
fn short_names(b: &mut Builder) {
    let mut short: Vec<(usize, String, Draft)> = Vec::new();
    for d in &b.drafts {
        if d.kind != Kind::Organization
            || d.resolved_by != ResolvedBy::Dictionary
            || d.t1 - d.t0 < 2
            || d.code.is_empty()
        {
            continue;
        }
        let last = &b.doc.toks[d.t1 - 1];
        if !last.cap()
            || last.text.chars().count() < 4
            || !last.text.chars().all(char::is_alphabetic)
            || GENERIC_ORG_HEADS.contains(&last.text)
        {
            continue;
        }
        short.push((d.t1, last.text.to_string(), d.clone()));
    }
    if short.is_empty() {
        return;
    }
    let n = b.doc.toks.len();
    for t in 0..n {
        let x = &b.doc.toks[t];
        if b.covered[t] || !x.cap() {
            continue;
        }
        // A word of a longer name ("Jihad Makdissi") is not the short name.
        let joined = |u: usize| {
            b.doc.toks[u].sent == x.sent && b.doc.toks[u].cap() && b.doc.toks[u].is_word()
        };
        if (t > 0 && joined(t - 1) && !b.doc.toks[t - 1].first) || (t + 1 < n && joined(t + 1)) {
            continue;
        }
        if b.doc.has_syntax(t) && x.upos != "PROPN" {
            continue;
        }
        let Some((_, _, org)) = short
            .iter()
            .rev()
            .find(|(end, key, _)| *end <= t && *key == x.text)
        else {
            continue;
        };
        let mut d = Draft::new(t, t + 1, Kind::Organization, ResolvedBy::Coreference);
        d.code = org.code.clone();
        d.country = org.country.clone();
        d.sector = org.sector.clone();
        d.name = org.name.clone();
        d.parts.push((x.start, x.end, Ner::Org));
        b.push(d);
    }
}

/// Pronoun candidates and "the country".
fn pronouns(b: &mut Builder) {
    let n = b.doc.toks.len();
    for t in 0..n {
        if b.covered[t] {
            continue;
        }
        let x = &b.doc.toks[t];
        let w = x.lower();
        if w == "the"
            && t + 1 < n
            && !b.covered[t + 1]
            && b.doc.toks[t + 1].sent == x.sent
            && b.doc.toks[t + 1].text == "country"
        {
            let mut d = Draft::new(t, t + 2, Kind::Country, ResolvedBy::Coreference);
            d.need = Need::TheCountry;
            b.push(d);
            continue;
        }
        if !PRONOUNS.contains(&w.as_str()) {
            continue;
        }
        if w == "it" && pleonastic(b, t) {
            continue;
        }
        let mut d = Draft::new(t, t + 1, Kind::Person, ResolvedBy::Coreference);
        d.need = Need::Pronoun { pron: w };
        b.push(d);
    }
}

/// "it is in the interest of X to ...", "it is clear that ...".
fn pleonastic(b: &Builder, t: usize) -> bool {
    let s1 = b.doc.sent_end(t);
    let toks = &b.doc.toks;
    let Some(v) = toks.get(t + 1).filter(|_| t + 1 < s1) else {
        return false;
    };
    if !v.is(&[
        "is", "was", "'s", "’s", "seems", "seemed", "appears", "remains",
    ]) {
        return false;
    }
    (t + 2..(t + 9).min(s1)).any(|k| toks[k].is(&["that", "to"]))
        && !(t + 2..(t + 9).min(s1)).any(|k| toks[k].text == "," || toks[k].text == ".")
}
