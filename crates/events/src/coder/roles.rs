//! Roles: a role's head word resolved to an actor mention (the mention covering it, a
//! relative pronoun's antecedent, a quoted "we" to the quote's speaker, else the nearest
//! coded mention inside its phrase, never through a place), and the `Role` of a mention
//! (plus the countries coordinated with a composed actor's; the target of a retaliation).

use super::patterns::best_noun;
use super::sentence::Sent;
use crate::lexicon::Lexicon;
use crate::{CameoCode, Event, EventInput, QuadClass, Role};
use aras_lex::words;

/// The roles of resolved mentions, plus one per country coordinated with the country of a
/// composed actor: "the ambassadors of Arnor, Osgiliath and Gondor" are three countries'
/// ambassadors (ARNGOV, OSGGOV, GONGOV), "lawmakers in Fornost and Gondor" two.
pub(super) fn with_coordinated_countries(
    input: &EventInput,
    s: &Sent,
    found: &[usize],
) -> Vec<Role> {
    let mut out: Vec<Role> = found.iter().map(|&m| role(input, m)).collect();
    for &m in found {
        let mention = &input.mentions[m];
        let (Some(country), Some(sector)) = (&mention.country, &mention.sector) else {
            continue;
        };
        if mention.code != format!("{country}{sector}") {
            continue;
        }
        let inside =
            |t: usize| mention.start <= s.tokens[t].start && s.tokens[t].end <= mention.end;
        for t in (0..s.len()).filter(|&t| inside(t)) {
            for &c in s.kids(t) {
                if s.rel(c) != "conj" || inside(c) {
                    continue;
                }
                let k = s.tokens[c];
                let Some(other) = covering_mention(input, s, k.start, k.end) else {
                    continue;
                };
                let o = &input.mentions[other];
                if o.sector.is_none() && o.code.len() == 3 && found.iter().all(|&f| f != other) {
                    let mut r = role(input, other);
                    r.code = format!("{}{sector}", o.code);
                    if !out.iter().any(|x| x.code == r.code) {
                        out.push(r);
                    }
                }
            }
        }
    }
    out
}

pub(super) fn role(input: &EventInput, m: usize) -> Role {
    let mention = &input.mentions[m];
    let country = mention.country.clone().unwrap_or_default();
    let code = if mention.code.is_empty() {
        country.clone()
    } else {
        mention.code.clone()
    };
    let country = if country.is_empty() {
        code.get(..3).unwrap_or("").to_string()
    } else {
        country
    };
    Role {
        mention: m,
        code,
        country,
        text: mention.text.clone(),
    }
}

pub(super) fn retaliation_target(
    events: &[Event],
    country: &str,
    input: &EventInput,
) -> Option<Role> {
    events.iter().rev().take(12).find_map(|e| {
        let s = e.source.as_ref()?;
        let t = e.target.as_ref()?;
        (e.quad_class == QuadClass::MaterialConflict
            && t.country == country
            && s.country != country)
            .then(|| role(input, s.mention))
    })
}

/// Maps a role's head word to an actor mention: the mention covering the head, a relative
/// pronoun's antecedent, a first-person pronoun in a quote to the quote's speaker, else
/// the nearest coded mention inside the noun phrase.
pub(super) fn resolve(
    input: &EventInput,
    s: &Sent,
    head: usize,
    quote: Option<usize>,
    depth: u8,
) -> Option<usize> {
    if depth > 4 {
        return None;
    }
    let coded = |m: usize| {
        let x = &input.mentions[m];
        !x.code.is_empty() || x.country.as_deref().is_some_and(|c| !c.is_empty())
    };
    let covering = |i: usize| {
        let t = s.tokens[i];
        covering_mention(input, s, t.start, t.end).filter(|&m| coded(m))
    };
    if let Some(m) = covering(head) {
        // A bare country-level name under a title that has its own sector code ("Bree
        // Prime Minister Romendacil", "Ithilen's minister Calimehtar"): the title's code.
        let code = &input.mentions[m].code;
        if code.len() == 3 && input.mentions[m].sector.is_none() {
            let titled = s
                .kids(head)
                .iter()
                .filter(|&&k| k < head && matches!(s.rel(k), "compound" | "nmod:desc" | "amod"))
                .filter_map(|&k| covering(k))
                .find(|&k| k != m && input.mentions[k].code.len() > 3);
            if let Some(t) = titled {
                return Some(t);
            }
        }
        return Some(m);
    }
    let lemma = s.lemma(head);
    if words().relative().contains(lemma) {
        if let Some(clause) = s.head(head) {
            if s.rel(clause).starts_with("acl") {
                if let Some(np) = s.head(clause) {
                    return resolve(input, s, np, quote, depth + 1);
                }
            }
        }
        if s.upos(head) == "PRON" && matches!(lemma, "which" | "who" | "whom") {
            // Relative clause the parse did not attach: the noun right before the pronoun
            // (", with whom", ", which").
            let np = (0..head)
                .rev()
                .take_while(|&k| matches!(s.upos(k), "PUNCT" | "ADP") || k + 4 > head)
                .find(|&k| matches!(s.upos(k), "NOUN" | "PROPN"));
            if let Some(np) = np {
                return resolve(input, s, np, quote, depth + 1);
            }
        }
        return None;
    }
    if words().first_person().contains(lemma) {
        let q = &input.quotes[quote?];
        let sp = q.speaker.as_ref()?;
        return input
            .mentions
            .iter()
            .position(|m| m.start < sp.end && sp.start < m.end && coded_mention(m));
    }
    // Breadth-first through the noun phrase.
    let mut queue = vec![(head, 0u8)];
    let mut k = 0;
    while k < queue.len() {
        let (x, d) = queue[k];
        k += 1;
        if x != head {
            if let Some(m) = covering(x) {
                return Some(m);
            }
        }
        if d >= 3 {
            continue;
        }
        // A name in apposition first, then nationality adjectives and compounds, then
        // possessors, then prepositional modifiers.
        let mut next: Vec<(u8, usize)> = s
            .kids(x)
            .iter()
            .filter_map(|&c| {
                let rank = match (s.base_rel(c), s.rel(c)) {
                    ("appos", _) | ("flat", _) => 0,
                    ("amod", _) | ("compound", _) => 1,
                    (_, "nmod:poss") => 2,
                    // Not a location: "an inferno near Mecca" is no Saudi actor.
                    ("nmod", _) | ("obl", _)
                        if s.case(c).is_some_and(|p| words().locative().contains(p)) =>
                    {
                        return None
                    }
                    ("nmod", _) | ("obl", _) | ("det", _) => 3,
                    (_, "acl") if s.xpos(c) != "VBG" => 4,
                    _ => return None,
                };
                Some((rank, c))
            })
            .collect();
        next.sort();
        queue.extend(next.into_iter().map(|(_, c)| (c, d + 1)));
    }
    // A name cut off from its title by the parse ("Palestinian leader | Yasser Arafat
    // defended ..."): the coded title mention ending right before the name.
    if s.upos(head) == "PROPN" {
        let mut first = head;
        while first > 0 && s.upos(first - 1) == "PROPN" && covering(first - 1).is_none() {
            first -= 1;
        }
        if first > 0 && matches!(s.upos(first - 1), "NOUN" | "PROPN") {
            if let Some(m) = covering(first - 1) {
                if input.mentions[m].end <= s.tokens[first].start {
                    return Some(m);
                }
            }
        }
    }
    None
}

/// The token of a mention whose head lies outside it (the mention's syntactic head).
pub(super) fn mention_head(input: &EventInput, s: &Sent, m: usize) -> Option<usize> {
    let (ms, me) = (input.mentions[m].start, input.mentions[m].end);
    let inside = |t: usize| ms <= s.tokens[t].start && s.tokens[t].end <= me;
    (0..s.len()).find(|&t| inside(t) && s.head(t).is_none_or(|h| !inside(h)))
}

pub(super) fn coded_mention(m: &aras_actors::Mention) -> bool {
    !m.code.is_empty() || m.country.as_deref().is_some_and(|c| !c.is_empty())
}

/// Whether mention `m` speaks for an organised political actor, so that what it says is
/// a statement event and not the attribution of a fact: a country, a named person, a
/// single office holder ("a senior Syrian official", "the spokesman"), a government body
/// or an international organisation; not a plural of unnamed people ("officials",
/// "diplomats", "sources", "witnesses") and not the press, civilians, business, doctors
/// or police reporting what happened.
pub(super) fn speaks_for_actor(input: &EventInput, m: usize) -> bool {
    use aras_actors::Kind;
    let x = &input.mentions[m];
    if !coded_mention(x) {
        return false;
    }
    let sector = x.sector.as_deref().unwrap_or("");
    if matches!(
        sector,
        "MED" | "CVL" | "BUS" | "HLH" | "EDU" | "REF" | "LAB" | "AGR" | "CRM" | "UAF" | "COP"
    ) {
        return false;
    }
    let last = x.text.split_whitespace().last().unwrap_or("");
    let plural_unnamed = x.name.is_none()
        && last.chars().next().is_some_and(char::is_lowercase)
        && last.ends_with('s');
    match x.kind {
        Kind::Country => true,
        Kind::Person => x.name.is_some() || x.role.is_some(),
        Kind::Organization => !plural_unnamed,
        Kind::Group | Kind::Place => false,
    }
}

/// The target of a statement without an addressee: the first actor the statement's
/// complement (`content`, clause heads) names of another country than the speaker's, else
/// of the speaker's country but another actor; `None` when it names no other actor.
pub(super) fn statement_target(
    input: &EventInput,
    s: &Sent,
    speaker: usize,
    content: &[usize],
    quote: Option<usize>,
) -> Option<usize> {
    let me = role(input, speaker);
    let mut same_country = None;
    for k in 0..s.len() {
        if !content.iter().any(|&d| s.dominates(d, k)) {
            continue;
        }
        let Some(m) = resolve(input, s, k, quote, 0) else {
            continue;
        };
        if m == speaker || input.mentions[m].kind == aras_actors::Kind::Place {
            continue;
        }
        let r = role(input, m);
        if r.country != me.country && !r.country.is_empty() {
            return Some(m);
        }
        if r.code != me.code && same_country.is_none() {
            same_country = Some(m);
        }
    }
    same_country
}

/// Codes whose object may be an event rather than an actor: criticism ("condemned the
/// attack") and pessimistic comment ("deplored the violence").
pub(super) fn criticises(code: CameoCode) -> bool {
    code.root().number() == 11 || code.as_str() == "012"
}

/// "Erakat condemned the attack", "the ICRC deplored the raid": an object that is an event
/// noun names an event the document has told before, and the actor who did it is the one
/// criticised. The latest earlier event of the noun's root (any use of force for a force
/// noun), not negated, whose source is
/// not the critic; none when the document told no such event.
pub(super) fn author_of_event_object(
    lexicon: &Lexicon,
    s: &Sent,
    heads: &[usize],
    events: &[Event],
    critics: &[usize],
    input: &EventInput,
) -> Option<usize> {
    let critics: Vec<String> = critics.iter().map(|&m| role(input, m).code).collect();
    heads.iter().find_map(|&h| {
        if s.upos(h) != "NOUN" {
            return None;
        }
        let entry = best_noun(s, h, lexicon.noun_entries(s.noun_lemma(lexicon, h)))?;
        let root = entry.code.root().number();
        // Force of any kind is told in other words later: "bombed" ... "the attack".
        let force = |r: u8| (18..=20).contains(&r);
        events
            .iter()
            .rev()
            .filter(|e| {
                let r = e.root().number();
                (r == root || (force(r) && force(root))) && !e.negated
            })
            .filter_map(|e| e.source.as_ref())
            .find(|r| !critics.contains(&r.code))
            .map(|r| r.mention)
    })
}

/// The first mention covering the bytes `start..end` of sentence `s`. Mentions come sorted
/// by start (aras-actors), so only those starting between the sentence's start and `start`
/// are looked at: a scan over every mention of the document for each word made a long
/// document quadratic (issue 16: a 5 MB "sentence" ran past any time budget).
pub(super) fn covering_mention(
    input: &EventInput,
    s: &Sent,
    start: usize,
    end: usize,
) -> Option<usize> {
    let ms = input.mentions;
    let sentence_start = s.tokens.first().map_or(start, |t| t.start).min(start);
    let lo = ms.partition_point(|m| m.start < sentence_start);
    let hi = ms.partition_point(|m| m.start <= start);
    (lo..hi).find(|&j| end <= ms[j].end)
}
