//! Where an event took place: a place the text names in the event's own clause, else in a
//! clause that governs it, else (for statements) the wire dateline of its paragraph.
//!
//! Places are the gazetteer's (`dict/places.tsv`: towns with coordinates) and the actor
//! mentions of kind place or country (the dictionaries' countries, capitals, regions). A
//! place counts only as the object of a preposition of place ([place_preps] in
//! `lexicon/words.txt`: "in", "near", "across"...), directly or through the nouns of its
//! phrase ("in the north of Mali", "in Syria's Idlib province"), never as a subject or an
//! object: "Moscow expelled diplomats" has Moscow as an actor and no location. A place
//! inside another name ("the Washington Post", "the Paris Agreement") is that name's
//! mention, not a place. Nothing is guessed: an event with no such place has none.

use aras_actors::Mention;
use aras_dict::{Dictionary, FormRole, Gazetteer, Kind as DictKind, Place};
use aras_lex::{words, Sent};
use aras_schema::{ActorKind, LocationPrecision, LocationResolution, QuadClass, Span};
use serde::Serialize;

use crate::{Event, EventInput};

/// Where an event took place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Location {
    /// The place as written.
    pub span: Span,
    /// ISO 3166-1 alpha-3 country.
    pub country: String,
    /// WGS84 degrees, for a place of the gazetteer.
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub precision: LocationPrecision,
    /// The GeoNames id, for a place of the gazetteer.
    pub geonames: Option<u32>,
    /// Index of the actor mention that is the place, if the actors stage found one.
    pub mention: Option<usize>,
    pub resolved_by: LocationResolution,
}

/// A place found in the text, before it is chosen for an event.
#[derive(Debug, Clone)]
struct Candidate<'g> {
    span: Span,
    /// The country where the text or the dictionaries settle it; `None` for a gazetteer
    /// name shared by places in several countries.
    country: Option<String>,
    /// The gazetteer's places under that name (one, or one per candidate country).
    places: Vec<&'g Place>,
    /// Precision when no gazetteer place fits: a country, or a region of the dictionary.
    fallback: LocationPrecision,
    mention: Option<usize>,
}

impl Candidate<'_> {
    /// The location this place gives an event whose actors are in `countries`: an
    /// ambiguous name only where one of its countries is an actor's.
    fn resolve(&self, countries: &[&str], how: LocationResolution) -> Option<Location> {
        let place = match &self.country {
            Some(c) => self.places.iter().find(|p| &p.country == c).copied(),
            None => self
                .places
                .iter()
                .find(|p| countries.contains(&p.country.as_str()))
                .copied(),
        };
        let country = self
            .country
            .clone()
            .or_else(|| place.map(|p| p.country.clone()))?;
        Some(Location {
            span: self.span,
            country,
            lat: place.map(|p| p.lat),
            lon: place.map(|p| p.lon),
            precision: match place {
                Some(p) if p.region => LocationPrecision::Region,
                Some(_) => LocationPrecision::Place,
                None => self.fallback,
            },
            geonames: place.and_then(|p| p.geonames),
            mention: self.mention,
            resolved_by: how,
        })
    }

    fn rank(&self) -> u8 {
        match (self.places.is_empty(), self.fallback) {
            (false, _) => 0,
            (true, LocationPrecision::Region) => 1,
            _ => 2,
        }
    }
}

/// A country code as the actor records write it: three capitals, not a CAMEO region
/// (regions carry no country in the mentions, so this only guards odd data).
fn is_country(c: &str) -> bool {
    c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether the place `[a, b)` sits inside the name of mention `m` ("the Washington
/// Post", "Paris Agreement") rather than being named in its own right. A composed actor
/// that names where it is ("protesters in Texas") keeps its place.
fn inside_name(text: &str, m: &Mention, a: usize, b: usize) -> bool {
    let place_like = matches!(m.kind, ActorKind::Place | ActorKind::Country);
    if place_like || (m.start, m.end) == (a, b) || m.end <= a || b <= m.start {
        return false;
    }
    let before = text.get(m.start..a).unwrap_or("");
    let prep = before.split_whitespace().next_back().unwrap_or("");
    !words().place_preps().contains(&prep.to_lowercase())
}

/// Every place named in the sentences `spans` (those that hold an event: a location is
/// only ever looked for in its event's sentence, and searching the whole document cost
/// a tenth of `aras analyze`): the dictionaries' countries, capitals, cities and regions
/// (they settle a shared name: "Tripoli" the capital is Libya's) and the gazetteer's towns,
/// each with the gazetteer's place where it has one; none inside another kind of name.
fn candidates<'g>(
    text: &str,
    spans: &[Span],
    mentions: &[Mention],
    dictionary: &Dictionary,
    gazetteer: &'g Gazetteer,
) -> Vec<Candidate<'g>> {
    let mut out: Vec<Candidate<'g>> = Vec::new();
    for &sentence in spans {
        sentence_candidates(text, sentence, dictionary, gazetteer, &mut out);
    }
    out.retain(|c| {
        !mentions
            .iter()
            .any(|m| inside_name(text, m, c.span.start, c.span.end))
    });
    for c in &mut out {
        let overlaps = |m: &&Mention| m.start < c.span.end && c.span.start < m.end;
        c.mention = mentions
            .iter()
            .position(|m| (m.start, m.end) == (c.span.start, c.span.end))
            .or_else(|| {
                mentions.iter().position(|m| {
                    overlaps(&m) && matches!(m.kind, ActorKind::Place | ActorKind::Country)
                })
            });
    }
    out.sort_by_key(|c| (c.span.start, c.span.end));
    out
}

/// The place candidates of one sentence, appended to `out` with document offsets.
fn sentence_candidates<'g>(
    text: &str,
    sentence: Span,
    dictionary: &Dictionary,
    gazetteer: &'g Gazetteer,
    out: &mut Vec<Candidate<'g>>,
) {
    let Some(slice) = text.get(sentence.start..sentence.end) else {
        return;
    };
    let base = sentence.start;
    let first = out.len();
    for mut m in dictionary.find(slice) {
        m.start += base;
        m.end += base;
        let e = dictionary.entry(m.entries[0]);
        let Some(country) = e.country.clone().filter(|c| is_country(c)) else {
            continue;
        };
        let same_country = m
            .entries
            .iter()
            .all(|&id| dictionary.entry(id).country.as_deref() == Some(country.as_str()));
        let fallback = match (e.kind, m.form_role) {
            (_, FormRole::Adj | FormRole::Demonym | FormRole::Metonym | FormRole::Title) => {
                continue
            }
            (_, FormRole::Surname) => continue,
            (DictKind::Country, _) => LocationPrecision::Country,
            (DictKind::Place, _) => LocationPrecision::Region,
            _ => continue,
        };
        if !same_country {
            continue;
        }
        let name = &text[m.start..m.end];
        let places: Vec<&Place> = gazetteer
            .lookup(name)
            .into_iter()
            .filter(|p| p.country == country)
            .take(1)
            .collect();
        out.push(Candidate {
            span: Span::new(m.start, m.end),
            country: Some(country),
            places,
            fallback,
            mention: None,
        });
    }
    for g in gazetteer.find(slice) {
        let (start, end) = (base + g.start, base + g.end);
        if out[first..]
            .iter()
            .any(|c| c.span.start < end && start < c.span.end)
        {
            continue;
        }
        out.push(Candidate {
            span: Span::new(start, end),
            country: g.country().map(str::to_string),
            places: g.candidates.clone(),
            fallback: LocationPrecision::Region,
            mention: None,
        });
    }
}

/// The place candidate covering word `w` of the sentence, if any.
fn covering<'c, 'g>(cands: &'c [Candidate<'g>], s: &Sent, w: usize) -> Option<&'c Candidate<'g>> {
    let t = s.tokens[w];
    cands
        .iter()
        .find(|c| c.span.start <= t.start && t.end <= c.span.end)
}

/// The place a prepositional phrase headed by `h` names: `h` itself when the
/// preposition puts things there directly ("in Kherson"), else a place among the words
/// that describe `h` ("in the north of Mali", "in Syria's Idlib province", "outside the
/// embassy in Jakarta"), the most precise one, nearest first. A place phrase deeper down
/// places the noun it hangs from, not the event ("in the wake of a coup in Nicosia").
/// Through a noun ("on the border of Chad") only the `of` object counts: "agree on the
/// importance of US-China relations" is about the US, not in it.
fn place_of_phrase<'c, 'g>(
    cands: &'c [Candidate<'g>],
    s: &Sent,
    h: usize,
    direct: bool,
) -> Option<&'c Candidate<'g>> {
    if direct {
        if let Some(c) = covering(cands, s, h) {
            return Some(c);
        }
    }
    let mut found: Vec<(u8, usize, &Candidate)> = Vec::new();
    let mut stack = vec![(h, 0usize)];
    while let Some((x, d)) = stack.pop() {
        if d >= 3 {
            continue;
        }
        // A proper name's compounds belong to the name ("the Paris Agreement").
        let common = s.upos(x) == "NOUN";
        for &k in s.kids(x) {
            let follow = match (s.base_rel(k), s.rel(k), s.case(k)) {
                ("nmod", _, Some("of")) => direct || d == 0,
                _ if !direct => false,
                ("nmod", "nmod:poss", _) => true,
                ("nmod", _, Some(p)) => d == 0 && words().place_preps().contains(p),
                ("compound", _, _) => common,
                ("flat", _, _) | ("appos", _, _) => true,
                _ => false,
            };
            if !follow {
                continue;
            }
            match covering(cands, s, k) {
                Some(c) => found.push((c.rank(), d, c)),
                None if direct => stack.push((k, d + 1)),
                None => {}
            }
        }
    }
    found.sort_by_key(|&(rank, d, c)| (rank, d, c.span.start));
    found.first().map(|&(_, _, c)| c)
}

/// The place phrases hanging from word `w`: each place with its phrase's head. Only a
/// deed is placed through a noun ("attacked a base on the outskirts of Aleppo"); what a
/// statement or an agreement is "on" is its topic ("agreed on the future of Ukraine").
fn places_on<'c, 'g>(
    cands: &'c [Candidate<'g>],
    s: &Sent,
    w: usize,
    deed: bool,
) -> Vec<&'c Candidate<'g>> {
    let mut out = Vec::new();
    for &k in s.kids(w) {
        if !matches!(s.base_rel(k), "obl" | "nmod" | "advmod") {
            continue;
        }
        let Some(p) = s.case(k) else {
            continue;
        };
        let direct = words().place_preps().contains(p);
        if !(direct || deed && words().place_preps_via_noun().contains(p)) {
            continue;
        }
        if let Some(c) = place_of_phrase(cands, s, k, direct) {
            out.push(c);
        }
    }
    out
}

/// The event's clause: the trigger, the verb that carries an event noun ("launched
/// attacks", "clashes broke out"), the trigger's subject and, for a deed, its object
/// ("shelled villages near Kherson"), and `roles`, the head words of the actors whose
/// place is the event's. What a statement is about is not where it was made: "condemned
/// the attacks in Syria" took place wherever the condemning did.
fn clause_words(s: &Sent, t: usize, deed: bool, roles: &[&Mention]) -> Vec<usize> {
    let mut out = vec![t];
    out.extend(light_verb(s, t));
    let preds = out.clone();
    for p in preds {
        out.extend(s.kids(p).iter().copied().filter(|&k| match s.base_rel(k) {
            "nsubj" => true,
            "obj" | "iobj" => deed,
            _ => false,
        }));
    }
    // The roles' head words, wherever the parse put their phrases ("clashed with rebels
    // along the border", "met his counterpart in Ankara").
    for m in roles {
        let inside = |k: usize| m.start <= s.tokens[k].start && s.tokens[k].end <= m.end;
        for k in (0..s.len()).filter(|&k| inside(k) && s.head(k).is_none_or(|h| !inside(h))) {
            out.push(k);
            // A nationality standing for its phrase: "his Turkish counterpart".
            if matches!(s.rel(k), "amod" | "compound" | "nmod:poss") {
                out.extend(s.head(k));
            }
        }
    }
    out
}

/// The verb an event noun is the subject or object of ("launched attacks", "clashes
/// broke out"): it says where the event took place as much as the noun does.
fn light_verb(s: &Sent, t: usize) -> Option<usize> {
    let nominal = matches!(s.upos(t), "NOUN" | "PROPN");
    let h = s.head(t)?;
    (nominal && matches!(s.rel(t), "obj" | "nsubj" | "nsubj:pass") && s.upos(h) == "VERB")
        .then_some(h)
}

/// The predicates that govern the event's clause in its sentence: up through conjuncts,
/// controlled infinitives and adverbial clauses, never out of reported speech (a
/// complement clause) or into a verb of saying ("said in Geneva that ..." places the
/// saying, not what was said).
fn governors(s: &Sent, t: usize) -> Vec<usize> {
    let mut out = Vec::new();
    // A verb of saying hangs from what it attributes as often as it governs it ("'...
    // in Bethlehem,' Khairy said"): where it was said is on the verb or nowhere.
    if words().event_speech().contains(s.lemma(t)) {
        return out;
    }
    let mut x = light_verb(s, t).unwrap_or(t);
    for _ in 0..4 {
        if !matches!(s.base_rel(x), "conj" | "xcomp" | "advcl") {
            break;
        }
        let Some(h) = s.head(x) else {
            break;
        };
        if words().event_speech().contains(s.lemma(h)) {
            break;
        }
        out.push(h);
        x = h;
    }
    out
}

/// The countries of an event's actors, which settle an ambiguous place name.
fn role_countries(e: &Event) -> Vec<&str> {
    [&e.source, &e.target]
        .into_iter()
        .flatten()
        .map(|r| r.country.as_str())
        .filter(|c| !c.is_empty())
        .collect()
}

/// Gives each event the location the text supports, if any ([`Event::location`]).
///
/// `input` is what [`crate::code`] read; `dictionary` the actor dictionary it was read
/// with (countries, capitals, regions); `gazetteer` the places with coordinates
/// (`aras_dict::Gazetteer::builtin()`).
pub fn locate(
    input: &EventInput,
    dictionary: &Dictionary,
    gazetteer: &Gazetteer,
    events: &mut [Event],
) {
    if events.is_empty() {
        return;
    }
    let mut spans: Vec<Span> = Vec::new();
    for e in events.iter() {
        if let Ok(si) = input
            .sentences
            .binary_search_by_key(&e.evidence.start, |s| s.start)
        {
            let s = &input.sentences[si];
            let span = Span::new(s.start, s.end);
            if spans.last() != Some(&span) && !spans.contains(&span) {
                spans.push(span);
            }
        }
    }
    let cands = candidates(input.text, &spans, input.mentions, dictionary, gazetteer);
    let datelines = aras_actors::dateline_places(input.text, input.sentences);
    let mut cached: Option<(usize, Sent)> = None;
    for e in events.iter_mut() {
        let Ok(si) = input
            .sentences
            .binary_search_by_key(&e.evidence.start, |s| s.start)
        else {
            continue;
        };
        let countries = role_countries(e);
        let verbal = matches!(
            e.quad_class,
            QuadClass::VerbalCooperation | QuadClass::VerbalConflict
        );
        let source = e.source.as_ref().map(|r| r.mention);
        // Where the actors of a deed or a meeting are, the event is; not so for what a
        // statement is about ("criticised protesters in Hong Kong").
        let meeting = e.cameo.root().number() == 4;
        let roles: Vec<&Mention> = [&e.source, &e.target]
            .into_iter()
            .flatten()
            .filter(|_| !verbal || meeting)
            .filter_map(|r| input.mentions.get(r.mention))
            .collect();
        let usable = |c: &&Candidate| c.mention.is_none() || c.mention != source;
        let mut found: Option<Location> = None;
        if let (Some(sentence), Some(an)) = (input.sentences.get(si), input.syntax.get(si)) {
            if cached.as_ref().is_none_or(|(i, _)| *i != si)
                && an.words.len() == sentence.tokens.len()
            {
                cached = Some((si, Sent::new(input.text, &sentence.tokens, Some(&an.words))));
            }
        }
        if let Some((_, s)) = cached.as_ref().filter(|(i, s)| *i == si && s.parsed()) {
            if let Some(t) = s.tokens.iter().position(|k| k.start == e.trigger.start) {
                let tiers = [
                    (
                        clause_words(s, t, !verbal, &roles),
                        LocationResolution::Clause,
                    ),
                    (governors(s, t), LocationResolution::Sentence),
                ];
                'tiers: for (ws, how) in tiers {
                    for w in ws {
                        for c in places_on(&cands, s, w, !verbal).into_iter().filter(usable) {
                            if let Some(l) = c.resolve(&countries, how) {
                                found = Some(l);
                                break 'tiers;
                            }
                        }
                    }
                }
            }
        }
        // A statement told from a dateline city by or about that city's country was
        // most likely made there; a deed told from it may have happened anywhere.
        if found.is_none() && verbal {
            found = datelines
                .iter()
                .rev()
                .find(|(ds, _)| *ds <= si)
                .and_then(|&(_, span)| dateline_location(gazetteer, input.text, span))
                .filter(|l| countries.contains(&l.country.as_str()));
        }
        e.location = found;
    }
}

/// The location a dateline's place gives: the gazetteer's place under that name, when the
/// name is not shared by places in several countries.
fn dateline_location(gazetteer: &Gazetteer, text: &str, span: Span) -> Option<Location> {
    let places = gazetteer.lookup(span.text(text));
    let first = *places.first()?;
    if places.iter().any(|p| p.country != first.country) || !is_country(&first.country) {
        return None;
    }
    Some(Location {
        span,
        country: first.country.clone(),
        lat: Some(first.lat),
        lon: Some(first.lon),
        precision: if first.region {
            LocationPrecision::Region
        } else {
            LocationPrecision::Place
        },
        geonames: first.geonames,
        mention: None,
        resolved_by: LocationResolution::Dateline,
    })
}
