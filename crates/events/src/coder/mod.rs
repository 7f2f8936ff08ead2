//! The coder: verb patterns and event nouns over the dependency parse.
//!
//! [`code`] reads a document sentence by sentence and decides which candidate events
//! become events: their roles resolved to actor mentions, the roles each kind of event
//! needs, statements to the press and bare speech acts left out, coordinated sources of a
//! cooperative event made each other's targets, one event per sentence, pair, root and
//! factuality, reverse events ("left for" is also a hosting). The modules hold the steps:
//!
//! | module | what it decides |
//! |---|---|
//! | `sentence` | the sentence as the coder reads it: `aras-lex`'s view plus lemma candidates; passive voice, conjuncts |
//! | `candidates` | which verbs and event nouns are candidate triggers, with their code and role heads |
//! | `patterns` | which verb pattern (dependency or surface) matches a verb, which entry an event noun takes |
//! | `arguments` | the heads of a trigger's roles in the parse: subjects, objects, prepositional slots, a noun's source and target |
//! | `roles` | a role's head resolved to an actor mention, and the event's `Role`s |
//! | `factuality` | negation and modality from the chain of governors ("threatened to attack": an intended attack) |
//! | `dates` | the date of an event: the time expression governing it, else the paragraph's |
//! | `filters` | sports reports skipped, idioms of force verbs, duplicate tellings merged |
//!
//! The closed word lists these steps read (governors, light verbs, idiom objects, sports
//! words, ...) are data: `lexicon/words.txt`, through `aras_lex::words()`.

mod arguments;
mod candidates;
mod dates;
mod factuality;
mod filters;
mod patterns;
mod roles;
mod sentence;
mod surface;

use crate::lexicon::Lexicon;
use crate::{DatePrecision, DateSource, Event, EventInput, Modality, Role, Span};
use aras_lex::words;
use aras_schema::{ActorKind, ActorResolution};
use arguments::frames_clause;
use candidates::candidates;
use dates::{attached_times, date_of};
use factuality::{denies_previous, factuality};
use filters::{merge_duplicates, sports_sentences};
use roles::{
    author_of_event_object, criticises, mention_head, resolve, retaliation_target, role,
    speaks_for_actor, statement_target, with_coordinated_countries,
};
use sentence::Sent;

/// Codes the events of one document.
pub fn code(lexicon: &Lexicon, input: &EventInput) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    // Sentence index of each event, for denial of the previous sentence.
    let mut event_sent: Vec<usize> = Vec::new();
    let sports = sports_sentences(input);
    // Where the current paragraph starts, kept up to date sentence by sentence (a search
    // back to the previous line break for every event made one long paragraph quadratic).
    let (mut para_start, mut scanned) = (0, 0);
    for (si, sentence) in input.sentences.iter().enumerate() {
        if let Some(p) = input
            .text
            .get(scanned..sentence.start)
            .and_then(|gap| gap.rfind('\n'))
        {
            para_start = scanned + p + 1;
        }
        scanned = scanned.max(sentence.start);
        // Sports reports: "beat Uruguay 1-0", "struck 10 aces", "fought back" are games.
        if sports[si] {
            continue;
        }
        let Some(an) = input.syntax.get(si) else {
            break;
        };
        if an.words.len() != sentence.tokens.len() || an.words.is_empty() {
            continue;
        }
        let s = Sent::new(input.text, &sentence.tokens, &an.words);
        let cands = candidates(lexicon, &s, si);
        let times = attached_times(input, &s);
        // An event noun standing for its agent in another event's role ("the barrage
        // threatens ...", "hit by Israeli strikes"): its own source heads.
        let noun_sources: Vec<(usize, Vec<usize>)> = cands
            .iter()
            .filter(|c| !c.verbal)
            .map(|c| (c.trigger, c.sources.clone()))
            .collect();
        // Speech acts last: whether they report an event is known once the others are coded.
        let mut cands = cands;
        cands.sort_by_key(|c| c.speech.is_some());
        // Trigger and source code of each event coded in this sentence so far.
        let mut emitted: Vec<(usize, Option<String>)> = Vec::new();
        for c in cands {
            let Some(info) = lexicon.cameo(c.code) else {
                continue;
            };
            let framing = !c.verbal && frames_clause(&s, c.trigger, c.code);
            let (negated, mut modality) = factuality(&s, c.trigger, framing, c.named_governor);
            let tok = s.tokens[c.trigger];
            let quote = input
                .quotes
                .iter()
                .position(|q| q.start <= tok.start && tok.end <= q.end);
            if quote.is_some() && modality == Modality::Asserted {
                modality = Modality::Reported;
            }
            let resolve_all = |heads: &[usize]| -> Vec<usize> {
                let mut out: Vec<usize> = Vec::new();
                for &h in heads {
                    // An apposition describes the one word it hangs from, not the words
                    // coordinated with it: "Israel -- a supplier of arms -- and Tehran".
                    let one = s.rel(c.trigger) == "appos" && s.head(c.trigger) == Some(h);
                    let group = if one { vec![h] } else { s.with_conjuncts(h) };
                    for h in group {
                        let mut found = resolve(input, &s, h, quote, 0);
                        if found.is_none() {
                            if let Some((_, hs)) = noun_sources
                                .iter()
                                .find(|(t, _)| *t == h && *t != c.trigger)
                            {
                                found = hs.iter().find_map(|&x| resolve(input, &s, x, quote, 0));
                            }
                        }
                        if let Some(m) = found {
                            if !out.contains(&m) {
                                out.push(m);
                            }
                        }
                    }
                }
                out
            };
            let mut srcs = resolve_all(&c.sources);
            // Roles the parse lost, read off the surface (`surface`): only where the parse
            // gave the slot no word at all, never in place of a word it did give.
            if srcs.is_empty()
                && c.sources.is_empty()
                && c.verbal
                && !s.is_passive(c.trigger)
                && matches!(s.xpos(c.trigger), "VBD" | "VBZ" | "VBP")
            {
                srcs.extend(surface::source_before(input, &s, c.trigger));
            }
            let tgts = if c.first_target_only {
                // The first candidate holding an actor; then that actor's own head word
                // with its conjuncts ("ties with Mordor, Rohan and Bree").
                c.targets
                    .iter()
                    .find_map(|&h| resolve(input, &s, h, quote, 0))
                    .map(|m| match mention_head(input, &s, m) {
                        Some(t) => resolve_all(&[t]),
                        None => vec![m],
                    })
                    .unwrap_or_default()
            } else {
                resolve_all(&c.targets)
            };
            let mut tgts = tgts;
            if tgts.is_empty() && criticises(c.code) {
                tgts.extend(author_of_event_object(
                    lexicon, &s, &c.targets, &events, &srcs, input,
                ));
            }
            // Not for acts done to persons (abduction 181, assault 182, assassination 186):
            // "Russian agents assassinated an exile in Germany" was not done to Germany.
            let against_persons = ["181", "182", "186"]
                .iter()
                .any(|p| c.code.as_str().starts_with(p));
            if tgts.is_empty() && c.code.root().number() >= 18 && !against_persons {
                tgts.extend(violence_place(input, &s, &c, quote, &srcs));
            }
            let mut statement_about = None;
            if let (true, true, Some(prep)) = (tgts.is_empty(), c.targets.is_empty(), &c.slot) {
                tgts.extend(surface::target_after(input, &s, c.trigger, prep.as_deref()));
                tgts.retain(|t| !srcs.contains(t));
            }
            if let (Some(content), true) = (&c.speech, tgts.is_empty()) {
                // A bare "said" that introduces a direct quote is the quote's attribution
                // (a quote record), not an event; one that reports an event in indirect
                // speech is a statement event.
                let in_quote = |t: usize| {
                    let k = s.tokens[t];
                    input
                        .quotes
                        .iter()
                        .any(|q| q.start <= k.start && k.end <= q.end)
                };
                // An actor telling of its own action ("the ministry said the minister
                // had spoken with ...", "police announced they had arrested ...") gives
                // one event, the action; the telling is an event when it reports others.
                let speakers: Vec<String> = srcs.iter().map(|&m| role(input, m).code).collect();
                let reports = emitted.iter().any(|(t, src)| {
                    !in_quote(*t)
                        && content.iter().any(|&d| s.dominates(d, *t))
                        && src.as_ref().is_none_or(|c| !speakers.contains(c))
                });
                let own_action = emitted.iter().any(|(t, src)| {
                    content.iter().any(|&d| s.dominates(d, *t))
                        && src.as_ref().is_some_and(|c| speakers.contains(c))
                });
                if quote.is_some() || own_action {
                    continue;
                }
                if !reports {
                    // A statement in its own right when an organised actor speaks: its
                    // target is the actor the statement is about, if it names one.
                    // Only verbs whose own code is a statement (01): "said", "stated".
                    let Some(&speaker) = srcs.first() else {
                        continue;
                    };
                    let attribution = c
                        .sources
                        .iter()
                        .any(|&h| words().attribution_nouns().contains(s.lemma(h)));
                    if c.code.root().number() != 1
                        || attribution
                        || !speaks_for_actor(input, speaker)
                    {
                        continue;
                    }
                    // "'...,' he said": the verb hangs from the quoted clause it attributes.
                    let quoted: Vec<usize>;
                    let content = if content.is_empty() && s.rel(c.trigger) == "parataxis" {
                        quoted = s.head(c.trigger).into_iter().collect();
                        &quoted
                    } else {
                        content
                    };
                    statement_about = statement_target(input, &s, speaker, content, quote);
                }
            }
            let tgts = match statement_about {
                Some(t) if tgts.is_empty() => vec![t],
                _ => tgts,
            };
            // "The barrage threatens to destabilize ...": an event, not an actor, as the
            // subject of a threat verb states a risk, not a threat someone made.
            if c.code.root().number() == 13
                && c.sources
                    .iter()
                    .any(|h| noun_sources.iter().any(|(t, _)| t == h))
            {
                modality = modality.max(Modality::Hypothetical);
            }
            // "Israel and the UAE signed an agreement": coordinated sources of a
            // cooperative event without a target act with each other.
            let (srcs, tgts) = if tgts.is_empty()
                && srcs.len() >= 2
                && (matches!(c.code.root().number(), 3..=6)
                    || c.code.as_str() == "0871"
                    || words().reciprocal().contains(s.lemma(c.trigger)))
            {
                (vec![srcs[0]], srcs[1..].to_vec())
            } else {
                (srcs, tgts)
            };
            let srcs: Vec<Option<Role>> = if srcs.is_empty() {
                vec![None]
            } else {
                with_coordinated_countries(input, &s, &srcs)
                    .into_iter()
                    .map(Some)
                    .collect()
            };
            let tgts: Vec<Option<Role>> = if tgts.is_empty() {
                vec![None]
            } else {
                with_coordinated_countries(input, &s, &tgts)
                    .into_iter()
                    .map(Some)
                    .collect()
            };
            let (date, date_source) = date_of(input, &s, sentence, c.trigger, &times, para_start);
            let communication = c.code.root().number() <= 2;
            for src in &srcs {
                for tgt in &tgts {
                    if src.is_none() && tgt.is_none() {
                        continue;
                    }
                    let source = src.clone();
                    let mut target = tgt.clone();
                    if let (Some(a), Some(b)) = (&source, &target) {
                        if a.mention == b.mention
                            || (a.code == b.code && !distinct_named(input, a.mention, b.mention))
                        {
                            continue;
                        }
                    }
                    if c.retaliation && target.is_none() {
                        if let Some(a) = &source {
                            target = retaliation_target(&events, &a.country, input);
                        }
                    }
                    // An event noun with a single actor ("Iranian exports", "the
                    // Nagorno-Karabakh conflict") names a state of affairs more often than
                    // an event: nominal events need both roles, except statements and appeals.
                    // Which roles an event needs: always a coded source (an event is
                    // something an actor does); a target too for event nouns and for the
                    // directed codes of roots 03-13 (cooperation with, criticism of, threats
                    // to someone); statements and appeals (01, 02) and material conflict
                    // (14-20: protests, mobilization, attacks on an uncoded target) may lack one.
                    // Stances without an addressee ("agreed to extend the mandate",
                    // "rejected the plan", "threatened to resign", "demanded a recount") are
                    // events of their verb's root; cooperation, aid and criticism need one.
                    let stance = c.verbal
                        && matches!(c.code.root().number(), 3 | 8 | 10 | 12 | 13)
                        && s.head(c.trigger).is_none_or(|_| {
                            matches!(s.rel(c.trigger), "conj" | "ccomp" | "parataxis")
                        });
                    let directed = !communication && c.code.root().number() < 14 && !stance;
                    // A prepositional slot licenses the reading only when it holds an
                    // actor ("fired at protesters", not "fired a salute at noon").
                    // A protest needs no target even as a noun ("farmers staged a protest").
                    let protest = c.code.root().number() == 14;
                    let needs_target = directed
                        || (!c.verbal && !communication && !protest)
                        || c.prep_slot
                        || c.bare_fallback;
                    if source.is_none() || (target.is_none() && needs_target) {
                        // "the day Israel started its campaign": an event noun with its
                        // source but no target names an event the document already coded
                        // (same source and root); it dates that event when it is undated.
                        if let (Some(src), None, false, Some(d)) =
                            (&source, &target, c.verbal, date.as_ref())
                        {
                            // The first telling (a report's lead) of that event.
                            // Campaigns, attacks and offensives only: other nouns are too
                            // often a new event of the same kind ("his third trip").
                            let campaign = c.code.root().number() >= 18;
                            let earlier = events.iter_mut().find(|e| {
                                campaign
                                    && e.root() == c.code.root()
                                    && e.source.as_ref().is_some_and(|r| r.code == src.code)
                                    && e.target.is_some()
                                    && e.date.is_none()
                            });
                            if let Some(e) = earlier {
                                if date_source == DateSource::Text {
                                    e.date = Some(d.clone());
                                    e.date_precision = DatePrecision::of_date(d);
                                    e.date_source = DateSource::Discourse;
                                }
                            }
                        }
                        continue;
                    }
                    // "Troops marched into the town": a demonstration verb without a
                    // target is a protest only when a crowd, not a state force, does it.
                    if c.verbal && c.code.root().number() == 14 && target.is_none() {
                        let sector = source
                            .as_ref()
                            .and_then(|r| input.mentions[r.mention].sector.as_deref());
                        if sector.is_some_and(|x| words().state_force_sectors().contains(x)) {
                            continue;
                        }
                    }
                    // A statement to the press is the attribution of what follows, not an event.
                    if communication
                        && target.as_ref().is_some_and(|t| {
                            t.code.ends_with("MED")
                                || input.mentions[t.mention].sector.as_deref() == Some("MED")
                        })
                    {
                        continue;
                    }
                    // One event per sentence, pair, root and factuality ("a source of oil
                    // for Israel, supplying half of its imports").
                    let duplicate = events.iter().zip(&event_sent).any(|(e, &es)| {
                        es == si
                            && e.root() == c.code.root()
                            && e.negated == negated
                            && e.modality == modality
                            && e.source.as_ref().map(|r| &r.code)
                                == source.as_ref().map(|r| &r.code)
                            && e.target.as_ref().map(|r| &r.code)
                                == target.as_ref().map(|r| &r.code)
                    });
                    if duplicate {
                        continue;
                    }
                    let confidence = 0.4
                        + if source.is_some() { 0.2 } else { 0.0 }
                        + if target.is_some() { 0.2 } else { 0.0 }
                        + if c.verbal { 0.1 } else { 0.05 };
                    events.push(Event {
                        source,
                        target,
                        cameo: c.code,
                        plover: info.plover,
                        quad_class: info.quad_class,
                        goldstein: info.goldstein,
                        date_precision: date.as_deref().and_then(DatePrecision::of_date),
                        date: date.clone(),
                        date_source,
                        negated,
                        modality,
                        trigger: Span::new(tok.start, tok.end),
                        evidence: Span::new(sentence.start, sentence.end),
                        quote,
                        confidence,
                        location: None,
                    });
                    event_sent.push(c.sent);
                    emitted.push((
                        c.trigger,
                        events
                            .last()
                            .and_then(|e| e.source.as_ref().map(|r| r.code.clone())),
                    ));
                    // "left for Minas Tirith" is a visit, and the reverse a hosting.
                    let reverse = c.reverse_code.and_then(|r| {
                        let (s0, t0) = (
                            events.last()?.source.clone()?,
                            events.last()?.target.clone()?,
                        );
                        Some((r, lexicon.cameo(r)?, t0, s0))
                    });
                    if let Some((r, rinfo, rs, rt)) = reverse {
                        let mut e = events[events.len() - 1].clone();
                        e.source = Some(rs);
                        e.target = Some(rt);
                        e.cameo = r;
                        e.plover = rinfo.plover;
                        e.quad_class = rinfo.quad_class;
                        e.goldstein = rinfo.goldstein;
                        events.push(e);
                        event_sent.push(c.sent);
                    }
                }
            }
        }
        if denies_previous(&s) && si > 0 {
            let prev = &input.sentences[si - 1];
            let same_paragraph = input
                .text
                .get(prev.end..sentence.start)
                .is_some_and(|gap| !gap.contains('\n'));
            if same_paragraph {
                for (e, &es) in events.iter_mut().zip(&event_sent) {
                    if es == si - 1 {
                        e.modality = Modality::Denied;
                    }
                }
            }
        }
    }
    merge_duplicates(events, &event_sent)
}

/// Two differently named people or organisations: "Abbas called on Fatah" is an event
/// though both are PSEGOV; "the army said the army" (a coreferent or a sector noun) is not.
fn distinct_named(input: &EventInput, a: usize, b: usize) -> bool {
    let key = |mut i: usize| -> Option<String> {
        for _ in 0..input.mentions.len() {
            match input.mentions.get(i)?.antecedent {
                Some(j) if j != i => i = j,
                _ => break,
            }
        }
        let m = input.mentions.get(i)?;
        let named = matches!(m.kind, ActorKind::Person | ActorKind::Organization)
            && matches!(
                m.resolved_by,
                ActorResolution::Dictionary | ActorResolution::Title
            );
        named.then(|| m.name.as_deref().unwrap_or(&m.text).to_lowercase())
    };
    matches!((key(a), key(b)), (Some(x), Some(y)) if x != y)
}

/// The place a violent act (roots 18-20) with no actor for a target was done in, taken as
/// its target when it is another country's than every source's: "Israel launched airstrikes
/// in Syria", "bombing targets in Gaza". A place in the source's own country says nothing
/// of whom it was done to ("gunmen opened fire in Baghdad"). The place hangs from the
/// trigger, from a word in its object slot, or from the light verb of an event noun.
fn violence_place(
    input: &EventInput,
    s: &Sent,
    c: &candidates::Cand,
    quote: Option<usize>,
    srcs: &[usize],
) -> Option<usize> {
    use aras_actors::Kind;
    let source_countries: Vec<&str> = srcs
        .iter()
        .filter_map(|&m| input.mentions[m].country.as_deref())
        .collect();
    if source_countries.is_empty() {
        return None;
    }
    let mut heads = vec![c.trigger];
    heads.extend(c.targets.iter().copied());
    if !c.verbal && s.rel(c.trigger) == "obj" {
        heads.extend(s.head(c.trigger));
    }
    heads.iter().find_map(|&h| {
        s.kids(h).iter().find_map(|&k| {
            let place_phrase = matches!(s.base_rel(k), "obl" | "nmod")
                && s.case(k)
                    .is_some_and(|p| matches!(p, "in" | "inside" | "across" | "throughout"));
            if !place_phrase {
                return None;
            }
            let m = roles::resolve(input, s, k, quote, 0)?;
            let mention = &input.mentions[m];
            let country = mention.country.as_deref()?;
            (matches!(mention.kind, Kind::Country | Kind::Place)
                && !source_countries.contains(&country))
            .then_some(m)
        })
    })
}
