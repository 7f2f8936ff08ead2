//! The coder: verb patterns and event nouns over the dependency parse.

use crate::lexicon::{Lexicon, NounEntry, Slot, Surface, VerbPattern};
use crate::{
    CameoCode, DatePrecision, DateSource, Event, EventInput, Modality, QuadClass, Role, Span,
};
use aras_lex::words;
use aras_nlp::model::AnalyzedWord;
use aras_text::Token;
use std::ops::Deref;

/// One parsed sentence: the shared view of `aras-lex` (tokens, lowercase forms, lemmas,
/// syntax and children), with the lexicon's lemma candidates of each word.
struct Sent<'a> {
    view: aras_lex::Sent<'a>,
    /// Lemma candidates: the model's lemma, then the word form and its suffix-stripped
    /// variants (the model's lemmatizer misses some: "expelled" -> "expell").
    forms: Vec<Vec<String>>,
}

impl<'a> Deref for Sent<'a> {
    type Target = aras_lex::Sent<'a>;

    fn deref(&self) -> &aras_lex::Sent<'a> {
        &self.view
    }
}

impl<'a> Sent<'a> {
    fn new(text: &'a str, tokens: &'a [Token], words: &'a [AnalyzedWord<'a>]) -> Sent<'a> {
        let view = aras_lex::Sent::new(text, tokens, Some(words));
        let forms = (0..view.len())
            .map(|i| lemma_candidates(view.lemma(i), view.lower(i)))
            .collect();
        Sent { view, forms }
    }
    /// Whether `l` is one of the word's lemma candidates.
    fn has_lemma(&self, i: usize, l: &str) -> bool {
        self.forms[i].iter().any(|f| f == l)
    }
    /// The first lemma candidate with verb patterns.
    fn verb_lemma<'x>(&'x self, lex: &'x Lexicon, i: usize) -> &'x str {
        if let Some(l) = lex.verb_form(self.norm(i)) {
            return l;
        }
        self.forms[i]
            .iter()
            .find(|f| !lex.verb_patterns(f).is_empty())
            .map_or(self.lemma(i), String::as_str)
    }
    /// The first lemma candidate with noun entries.
    fn noun_lemma<'x>(&'x self, lex: &'x Lexicon, i: usize) -> &'x str {
        self.forms[i]
            .iter()
            .find(|f| !lex.noun_entries(f).is_empty())
            .map_or(self.lemma(i), String::as_str)
    }
    /// Passive voice: a passive auxiliary, a passive subject with a `by` agent, or a
    /// reduced passive participle ("people arrested by police") that is not a misparsed
    /// main clause.
    fn is_passive(&self, v: usize) -> bool {
        let has = |f: &dyn Fn(usize) -> bool| self.kids(v).iter().any(|&c| f(c));
        let aux_pass = has(&|c| self.rel(c) == "aux:pass");
        let agent = has(&|c| {
            self.rel(c) == "obl:agent" && self.case(c) == Some("by")
                || self.base_rel(c) == "obl" && self.case(c) == Some("by")
        });
        let subj_pass = has(&|c| matches!(self.rel(c), "nsubj:pass" | "csubj:pass"));
        if aux_pass || (subj_pass && agent) {
            return true;
        }
        self.xpos(v) == "VBN"
            && self.rel(v) == "acl"
            && !has(&|c| matches!(self.base_rel(c), "nsubj" | "obj"))
            && !self.main_clause_participle(v)
    }
    /// "Brazilian police investigated Paraguay" parsed as a noun root with a participle
    /// modifier right after it: the participle is the main verb.
    fn main_clause_participle(&self, v: usize) -> bool {
        self.rel(v) == "acl"
            && self.head(v).is_some_and(|h| {
                self.head(h).is_none()
                    && h + 1 == v
                    && !self
                        .kids(h)
                        .iter()
                        .any(|&c| matches!(self.base_rel(c), "cop" | "nsubj"))
            })
            && !self
                .kids(v)
                .iter()
                .any(|&c| self.base_rel(c) == "obl" && self.case(c) == Some("by"))
    }
    /// Word `i` and the words coordinated with it.
    fn with_conjuncts(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() && out.len() < 16 {
            let x = out[k];
            for c in self.kids_rel(x, "conj") {
                if !out.contains(&c)
                    && matches!(
                        self.upos(c),
                        "NOUN" | "PROPN" | "PRON" | "ADJ" | "NUM" | "X"
                    )
                {
                    out.push(c);
                }
            }
            k += 1;
        }
        out
    }
}

/// A candidate event before roles are resolved to mentions.
struct Cand {
    sent: usize,
    trigger: usize,
    code: CameoCode,
    sources: Vec<usize>,
    targets: Vec<usize>,
    verbal: bool,
    retaliation: bool,
    /// For a bare speech act (a verb of saying with no addressee): the heads of its
    /// complement clauses, where the events it reports are ("Russia said Germany attacked
    /// France").
    speech: Option<Vec<usize>>,
    /// The pattern's target slot is prepositional (`fire _ at OBJ`).
    prep_slot: bool,
    /// `targets` are candidates in order: the first that holds an actor is the target
    /// (with its conjuncts).
    first_target_only: bool,
    /// The code of the reverse event (target to source), if the pattern has one.
    reverse_code: Option<CameoCode>,
}

fn lemma_candidates(lemma: &str, word: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let mut push = |w: String| {
        if !w.is_empty() && !out.contains(&w) {
            out.push(w);
        }
    };
    push(word.to_string());
    let doubled = |stem: &str| {
        let b = stem.as_bytes();
        (b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] && !b"aeiouls".contains(&b[b.len() - 1]))
            .then(|| stem[..stem.len() - 1].to_string())
    };
    for (suffix, repl) in [
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
    ] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.len() >= 2 {
                let stem_doubled = doubled(stem);
                push(format!("{stem}{repl}"));
                if let Some(d) = stem_doubled {
                    if repl.is_empty() {
                        push(d);
                    }
                }
            }
        }
    }
    out
}

/// Codes the events of one document.
pub fn code(lexicon: &Lexicon, input: &EventInput) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    // Sentence index of each event, for denial of the previous sentence.
    let mut event_sent: Vec<usize> = Vec::new();
    let sports = sports_sentences(input);
    for (si, sentence) in input.sentences.iter().enumerate() {
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
            let (negated, mut modality) = factuality(&s, c.trigger);
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
            let srcs = resolve_all(&c.sources);
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
                if quote.is_some() || !reports {
                    continue;
                }
            }
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
            let (date, date_source) = date_of(input, &s, sentence, c.trigger, &times);
            let communication = c.code.root().number() <= 2;
            for src in &srcs {
                for tgt in &tgts {
                    if src.is_none() && tgt.is_none() {
                        continue;
                    }
                    let source = src.clone();
                    let mut target = tgt.clone();
                    if let (Some(a), Some(b)) = (&source, &target) {
                        if a.mention == b.mention || a.code == b.code {
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
                    let needs_target = directed || (!c.verbal && !communication) || c.prep_slot;
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

/// The same event told twice in a row (a lead and its elaboration: same source, target,
/// code and factuality in the same or the next sentence) is one event; the telling with
/// the higher confidence, else the one dated by the text, else the first, is kept.
fn merge_duplicates(events: Vec<Event>, sent: &[usize]) -> Vec<Event> {
    let key = |e: &Event| {
        (
            e.source.as_ref().map(|r| r.code.clone()),
            e.target.as_ref().map(|r| r.code.clone()),
            e.cameo,
            e.negated,
            e.modality,
        )
    };
    let better = |a: &Event, b: &Event| {
        b.confidence > a.confidence
            || (b.confidence == a.confidence
                && b.date_source == DateSource::Text
                && a.date_source != DateSource::Text)
    };
    let mut kept: Vec<(Event, usize)> = Vec::new();
    for (e, &si) in events.into_iter().zip(sent) {
        let twin = kept
            .iter()
            .rposition(|(k, ks)| si <= ks + 1 && key(k) == key(&e));
        match twin {
            Some(i) => {
                if better(&kept[i].0, &e) {
                    kept[i] = (e, si);
                } else {
                    kept[i].1 = si;
                }
            }
            None => kept.push((e, si)),
        }
    }
    kept.into_iter().map(|(e, _)| e).collect()
}

/// Which sentences are sports reporting: a score ("1-0", "15-2") or two words only sports
/// use; in a document with two such sentences, also any sentence with a sports word.
fn sports_sentences(input: &EventInput) -> Vec<bool> {
    let cues = |sentence: &aras_text::Sentence| -> (bool, usize, usize) {
        let words: Vec<String> = sentence
            .tokens
            .iter()
            .map(|t| input.text.get(t.start..t.end).unwrap_or("").to_lowercase())
            .collect();
        let score = words.iter().any(|w| is_score(w));
        // Two-word cues ("world cup") compared in place, without joining every pair.
        let pairs = words
            .windows(2)
            .filter(|p| {
                aras_lex::words().sports_strong().iter().any(|cue| {
                    cue.split_once('-')
                        .is_some_and(|(a, b)| a == p[0] && b == p[1])
                })
            })
            .count();
        let strong = pairs
            + words
                .iter()
                .filter(|w| aras_lex::words().sports_strong().contains(w.as_str()))
                .count();
        let weak = words
            .iter()
            .filter(|w| aras_lex::words().sports_weak().contains(w.as_str()))
            .count();
        (score, strong, weak)
    };
    let found: Vec<(bool, usize, usize)> = input.sentences.iter().map(cues).collect();
    // A score alone is no game: "the Security Council voted 15-0". It needs a sports word
    // beside it.
    let sure = |&(score, strong, weak): &(bool, usize, usize)| {
        (score && strong + weak >= 1) || strong >= 2
    };
    let sports_doc = found.iter().filter(|c| sure(c) || c.1 >= 1).count() >= 2;
    found
        .iter()
        .map(|c| sure(c) || (sports_doc && (c.1 + c.2) >= 1))
        .collect()
}

/// A game score: "1-0", "15-2", "3-1" (not a year range, not a ratio in a vote).
fn is_score(w: &str) -> bool {
    let Some((a, b)) = w.split_once('-') else {
        return false;
    };
    let small = |x: &str| !x.is_empty() && x.len() <= 2 && x.bytes().all(|c| c.is_ascii_digit());
    small(a) && small(b) && a.parse::<u32>().is_ok_and(|x| x <= 30)
}

/// The roles of resolved mentions, plus one per country coordinated with the country of a
/// composed actor: "the ambassadors of Arnor, Osgiliath and Gondor" are three countries'
/// ambassadors (ARNGOV, OSGGOV, GONGOV), "lawmakers in Fornost and Gondor" two.
fn with_coordinated_countries(input: &EventInput, s: &Sent, found: &[usize]) -> Vec<Role> {
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
                let Some(other) = input
                    .mentions
                    .iter()
                    .position(|x| x.start <= k.start && k.end <= x.end)
                else {
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

fn role(input: &EventInput, m: usize) -> Role {
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

fn retaliation_target(events: &[Event], country: &str, input: &EventInput) -> Option<Role> {
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
fn resolve(
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
        input
            .mentions
            .iter()
            .position(|m| m.start <= t.start && t.end <= m.end)
            .filter(|&m| coded(m))
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
fn mention_head(input: &EventInput, s: &Sent, m: usize) -> Option<usize> {
    let (ms, me) = (input.mentions[m].start, input.mentions[m].end);
    let inside = |t: usize| ms <= s.tokens[t].start && s.tokens[t].end <= me;
    (0..s.len()).find(|&t| inside(t) && s.head(t).is_none_or(|h| !inside(h)))
}

fn coded_mention(m: &aras_actors::Mention) -> bool {
    !m.code.is_empty() || m.country.as_deref().is_some_and(|c| !c.is_empty())
}

/// The event candidates of a sentence.
fn candidates(lex: &Lexicon, s: &Sent, si: usize) -> Vec<Cand> {
    let n = s.len();
    let mut consumed = vec![false; n];
    let mut verb_matches: Vec<(usize, Match)> = Vec::new();
    for v in 0..n {
        if !matches!(s.upos(v), "VERB") && !s.xpos(v).starts_with("VB") {
            continue;
        }
        if let Some(m) = match_verb(lex, s, v, 0) {
            // "struck a chord", "hit the winner", "beat the deadline": no force used.
            if m.pattern.code.is_some_and(|c| c.root().number() >= 17)
                && objects(s, v)
                    .iter()
                    .any(|&o| words().idiom_objects().contains(s.lemma(o)))
            {
                continue;
            }
            if let Some(c) = m.complement {
                consumed[c] = true;
            }
            for &l in &m.literal_tokens {
                consumed[l] = true;
            }
            verb_matches.push((v, m));
        }
    }
    // A participle or infinitive modifying an event noun of the same root is part of the
    // nominal event ("barrage targeting ...", "campaign to pummel ..."): the noun codes it.
    for (v, m) in &verb_matches {
        if s.base_rel(*v) != "acl" || s.rel(*v) == "acl:relcl" {
            continue;
        }
        if let Some(h) = s.head(*v) {
            let noun_root =
                best_noun(s, h, lex.noun_entries(s.noun_lemma(lex, h))).map(|e| e.code.root());
            if noun_root.is_some()
                && noun_root == m.pattern.code.map(|c| c.root())
                && s.upos(h) == "NOUN"
            {
                consumed[*v] = true;
            }
        }
    }
    let mut out = Vec::new();
    for (v, m) in verb_matches {
        // The null code of an imported dictionary: the match makes no event.
        let Some(code) = m.pattern.code else { continue };
        if consumed[v] {
            continue;
        }
        let sources = if m.pattern.source {
            subjects(s, v)
        } else {
            Vec::new()
        };
        let mut targets = m.targets.clone();
        if targets.is_empty() {
            if let Some(c) = m.complement {
                // "refused to negotiate with Colombia", "threatened to attack France".
                targets = objects(s, c);
                if targets.is_empty() {
                    targets = prep_dependents(
                        s,
                        c,
                        &["with", "against", "on", "to", "at", "into", "between"],
                    );
                }
            } else if m.pattern.target == Slot::None && !m.pattern.literals.is_empty() {
                // A pattern without a slot but with a literal still has its object as the
                // target ("expelled Russian diplomats" with `expel SUBJ _ diplomat`); a
                // speech verb's object is what is said, not a target.
                targets = objects(s, v);
            }
        }
        if targets.is_empty() && matches!(code.root().number(), 3 | 8 | 10 | 12 | 13) {
            // A stance's addressee is the one its complement acts on: "threatened to
            // sanction Turkey", "demanded that Serbia release ...".
            for &c in s.kids(v) {
                let clause = matches!(s.base_rel(c), "xcomp" | "ccomp")
                    || (s.base_rel(c) == "advcl"
                        && s.kids(c)
                            .iter()
                            .any(|&k| s.base_rel(k) == "mark" && s.lemma(k) == "to"));
                if clause && targets.is_empty() {
                    targets = if s.base_rel(c) == "ccomp" {
                        s.kids_rel(c, "nsubj").collect()
                    } else {
                        objects(s, c)
                    };
                }
            }
        }

        let retaliation = s
            .kids(v)
            .iter()
            .any(|&c| words().retaliation().contains(s.lemma(c)));
        out.push(Cand {
            sent: si,
            trigger: v,
            code,
            sources,
            targets,
            verbal: true,
            retaliation,
            // Bare speech acts are kept (in `code`) when their complement clause reports an event.
            speech: (words().event_speech().contains(s.lemma(v)) && m.pattern.literals.is_empty())
                .then(|| {
                    s.kids(v)
                        .iter()
                        .copied()
                        .filter(|&d| matches!(s.base_rel(d), "ccomp" | "xcomp"))
                        .collect()
                }),
            prep_slot: matches!(m.pattern.target, Slot::Prep(_)),
            first_target_only: m.first_target_only,
            reverse_code: m.pattern.reverse_code,
        });
    }
    let verbal = out.len();
    for (i, &used) in consumed.iter().enumerate() {
        // A noun used as a modifier ("an attack drone") is not an event.
        if used || !matches!(s.upos(i), "NOUN" | "PROPN") || s.base_rel(i) == "compound" {
            continue;
        }
        let entries = lex.noun_entries(s.noun_lemma(lex, i));
        let Some(e) = best_noun(s, i, entries) else {
            continue;
        };
        // The same event as a verb's: "hit by Israeli strikes", "fought two wars".
        let same_as_verb = out[..verbal].iter().position(|c: &Cand| {
            c.code.root() == e.code.root()
                && s.head(i) == Some(c.trigger)
                && (c.sources.contains(&i) || c.targets.contains(&i) || s.rel(i) == "obj")
        });
        if let Some(v) = same_as_verb {
            // "Israeli strikes on Tabriz killed ten people": the noun's own target is the
            // verb's last resort when the verb's objects hold no actor.
            if out[v].sources.contains(&i) {
                let (_, noun_targets) = noun_roles(s, i, e);
                for t in noun_targets {
                    if !out[v].targets.contains(&t) {
                        out[v].targets.push(t);
                    }
                }
            }
            continue;
        }
        let (sources, mut targets) = noun_roles(s, i, e);
        // A statement or appeal noun without a target is an event when something is done
        // with it ("issued a statement"), not when merely mentioned ("his comments echoed").
        let done = s.head(i).is_some_and(|h| {
            matches!(s.rel(i), "obj" | "nsubj:pass" | "xcomp")
                && words().light().contains(s.lemma(h))
        });
        let communication = e.code.root().number() <= 2;
        if communication && targets.is_empty() && !done {
            continue;
        }
        if targets.is_empty() {
            // The target of a merged participle or infinitive: "campaign to pummel Iran".
            for &c in s.kids(i) {
                if s.base_rel(c) == "acl" && consumed[c] {
                    targets.extend(objects(s, c));
                }
            }
        }
        let retaliation = words().retaliation().contains(s.lemma(i))
            || s.kids(i)
                .iter()
                .any(|&c| words().retaliation().contains(s.lemma(c)));
        out.push(Cand {
            sent: si,
            trigger: i,
            code: e.code,
            sources,
            targets,
            verbal: false,
            retaliation,
            speech: None,
            prep_slot: false,
            first_target_only: false,
            reverse_code: None,
        });
    }
    out
}

struct Match<'l> {
    pattern: &'l VerbPattern,
    targets: Vec<usize>,
    complement: Option<usize>,
    literal_tokens: Vec<usize>,
    first_target_only: bool,
}

fn match_verb<'l>(lex: &'l Lexicon, s: &Sent, v: usize, depth: u8) -> Option<Match<'l>> {
    let mut best: Option<(u32, Match)> = None;
    for p in lex.verb_patterns(s.verb_lemma(lex, v)) {
        if let Some(sf) = &p.surface {
            let Some((literal_tokens, anchor)) = surface_match(s, v, sf) else {
                continue;
            };
            let targets = match anchor {
                Some(a) => (a..s.len())
                    .filter(|&t| matches!(s.upos(t), "NOUN" | "PROPN" | "PRON"))
                    .collect(),
                None => phrase_targets(s, v),
            };
            let score = p.specificity() * 2 + 1;
            if best.as_ref().is_none_or(|(b, _)| score > *b) {
                best = Some((
                    score,
                    Match {
                        pattern: p,
                        targets,
                        complement: None,
                        literal_tokens,
                        first_target_only: true,
                    },
                ));
            }
            continue;
        }
        // Literals: dependents (or their dependents) with that lemma.
        let mut literal_tokens = Vec::new();
        let mut ok = true;
        for lit in &p.literals {
            let found = s
                .kids(v)
                .iter()
                .copied()
                .chain(s.kids(v).iter().flat_map(|&c| s.kids(c).iter().copied()))
                .find(|&c| s.has_lemma(c, lit));
            match found {
                Some(c) => literal_tokens.push(c),
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if !ok {
            continue;
        }
        let mut complement = None;
        if let Some(cp) = &p.complement {
            let comp = s.kids(v).iter().copied().find(|&c| {
                let r = s.rel(c);
                (r == "xcomp" || ((r == "ccomp" || r == "advcl") && s.case(c) == Some("to")))
                    && (s.upos(c) == "VERB" || s.xpos(c).starts_with("VB"))
                    && cp.lemma.as_deref().is_none_or(|l| s.has_lemma(c, l))
            });
            let Some(c) = comp else { continue };
            if let Some(root) = cp.root {
                if depth >= 3 {
                    continue;
                }
                let code = match_verb(lex, s, c, depth + 1).and_then(|m| m.pattern.code);
                if code.is_none_or(|code| code.root() != root) {
                    continue;
                }
            }
            complement = Some(c);
        }
        let targets = match &p.target {
            Slot::None => Vec::new(),
            Slot::Object => objects(s, v),
            Slot::Prep(prep) => prep_dependents(s, v, &[prep.as_str()]),
            Slot::Phrase => phrase_targets(s, v),
        };
        // A clause in the prepositional slot ("called for coordinating with Azerbaijan"):
        // the target is found inside it, and the match counts less than a noun phrase.
        let mut clause_slot = false;
        let targets = match (&p.target, targets.is_empty()) {
            (Slot::Prep(prep), true) => {
                clause_slot = true;
                s.kids(v)
                    .iter()
                    .copied()
                    .filter(|&c| s.base_rel(c) == "advcl" && s.case(c) == Some(prep.as_str()))
                    .take(1)
                    .collect()
            }
            _ => targets,
        };
        if matches!(p.target, Slot::Prep(_)) && targets.is_empty() {
            continue;
        }
        let score = if clause_slot {
            0
        } else {
            p.specificity() * 2 + u32::from(!targets.is_empty())
        };
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((
                score,
                Match {
                    pattern: p,
                    targets,
                    complement,
                    literal_tokens,
                    first_target_only: p.target == Slot::Phrase,
                },
            ));
        }
    }
    best.map(|(_, m)| m)
}

/// Whether the words of `phrase` stand at `start` (the last word also as a plural).
fn phrase_at(s: &Sent, start: usize, phrase: &[String], plurals: bool) -> bool {
    if start + phrase.len() > s.len() {
        return false;
    }
    phrase.iter().enumerate().all(|(k, w)| {
        let got = s.norm(start + k);
        got == w.as_str() || (plurals && k + 1 == phrase.len() && is_plural_of(got, w))
    })
}

/// `got` is `w` + s, `w` + es, or `w` with y → ies; compared in place, since this runs
/// for every position of every imported pattern.
fn is_plural_of(got: &str, w: &str) -> bool {
    got.strip_suffix('s').is_some_and(|g| g == w)
        || got.strip_suffix("es").is_some_and(|g| g == w)
        || match (got.strip_suffix("ies"), w.strip_suffix('y')) {
            (Some(g), Some(stem)) => g == stem,
            _ => false,
        }
}

/// Matches a surface pattern around the verb at `v`: the tokens matched, and where the
/// target starts when the pattern marks it.
fn surface_match(s: &Sent, v: usize, sf: &Surface) -> Option<(Vec<usize>, Option<usize>)> {
    let mut used = Vec::new();
    // Before the verb, outward: each item ends before the one matched nearer the verb.
    let mut limit = v;
    for item in &sf.before {
        let mut found = None;
        'ends: for end in (0..limit).rev() {
            for ph in &item.phrases {
                if ph.is_empty() || end + 1 < ph.len() {
                    continue;
                }
                let st = end + 1 - ph.len();
                if phrase_at(s, st, ph, item.plurals) {
                    found = Some((st, end + 1));
                    break 'ends;
                }
            }
            if item.adjacent {
                break;
            }
        }
        let (st, en) = found?;
        used.extend(st..en);
        limit = st;
    }
    let mut from = v + 1;
    let mut anchor = None;
    for (k, item) in sf.after.iter().enumerate() {
        if sf.target_after == Some(k) {
            anchor = Some(from);
        }
        let mut found = None;
        'starts: for st in from..s.len() {
            for ph in &item.phrases {
                if !ph.is_empty() && phrase_at(s, st, ph, item.plurals) {
                    found = Some((st, st + ph.len()));
                    break 'starts;
                }
            }
            if item.adjacent {
                break;
            }
        }
        let (st, en) = found?;
        used.extend(st..en);
        from = en;
    }
    if sf.target_after == Some(sf.after.len()) {
        anchor = Some(from);
    }
    Some((used, anchor))
}

/// Target candidates in the verb's phrase, in order: the object (the subject in the
/// passive), then nominal dependents after the verb and inside them, then the subject of
/// a complement clause ("believes Dagolath can cope"). Adverbial clauses, relative
/// clauses and the passive agent are not part of it.
fn phrase_targets(s: &Sent, v: usize) -> Vec<usize> {
    let mut out = objects(s, v);
    let mut stack: Vec<usize> = s.kids(v).to_vec();
    let mut inside = Vec::new();
    while let Some(x) = stack.pop() {
        let r = s.rel(x);
        let skip = matches!(
            s.base_rel(x),
            "nsubj" | "csubj" | "advcl" | "parataxis" | "punct" | "conj" | "cc" | "mark" | "aux"
        ) || r == "acl:relcl"
            || r == "obl:agent"
            || (s.is_passive(v)
                && s.base_rel(x) == "obl"
                && s.case(x) == Some("by")
                && s.head(x) == Some(v));
        if skip && s.head(x) == Some(v) {
            continue;
        }
        if matches!(s.base_rel(x), "advcl" | "acl" | "parataxis") || r == "acl:relcl" {
            continue;
        }
        if x > v || s.head(x) != Some(v) {
            inside.push(x);
        }
        stack.extend(s.kids(x).iter().copied());
    }
    inside.sort_unstable();
    for x in inside {
        if !out.contains(&x) && matches!(s.upos(x), "NOUN" | "PROPN" | "PRON" | "ADJ") {
            out.push(x);
        }
    }
    // The subject of a complement clause.
    for &c in s.kids(v) {
        if matches!(s.base_rel(c), "ccomp" | "xcomp") {
            for sub in s.kids_rel(c, "nsubj") {
                if !out.contains(&sub) {
                    out.push(sub);
                }
            }
        }
    }
    out
}

/// Dependents of `v` introduced by one of `preps`; when there are none, such phrases
/// attached one level down, to the verb's object or adjunct (a frequent attachment error:
/// "used to devastating effect against Armenia").
fn prep_dependents(s: &Sent, v: usize, preps: &[&str]) -> Vec<usize> {
    let is_slot = |c: usize| {
        matches!(s.base_rel(c), "obl" | "nmod" | "obj" | "iobj")
            && s.case(c).is_some_and(|p| preps.contains(&p))
    };
    let direct: Vec<usize> = s.kids(v).iter().copied().filter(|&c| is_slot(c)).collect();
    if !direct.is_empty() {
        return direct;
    }
    s.kids(v)
        .iter()
        .filter(|&&c| matches!(s.base_rel(c), "obl" | "nmod" | "obj"))
        .flat_map(|&c| s.kids(c).iter().copied())
        .filter(|&g| s.base_rel(g) == "nmod" && is_slot(g))
        .take(1)
        .collect()
}

/// The direct objects of a verb (the passive subject in the passive).
fn objects(s: &Sent, v: usize) -> Vec<usize> {
    if s.is_passive(v) {
        let subj: Vec<usize> = s.kids_rel(v, "nsubj:pass").collect();
        if !subj.is_empty() {
            return subj;
        }
        // A passive participle modifying a noun: "sites hit by strikes".
        if s.rel(v) == "acl" {
            return s.head(v).into_iter().collect();
        }
        if s.rel(v) == "conj" {
            if let Some(h) = s.head(v) {
                return s.kids_rel(h, "nsubj:pass").collect();
            }
        }
        return Vec::new();
    }
    let objs: Vec<usize> = s
        .kids(v)
        .iter()
        .copied()
        .filter(|&c| {
            matches!(s.rel(c), "obj" | "iobj")
                // A `by`-less "agent" of an active verb is a misparsed object.
                || (s.rel(c) == "obl:agent" && s.case(c) != Some("by"))
        })
        .collect();
    if !objs.is_empty() {
        return objs;
    }
    // A quantified object misparsed as an adjunct: "supplying more than half of its imports".
    let bare: Vec<usize> = s
        .kids(v)
        .iter()
        .copied()
        .filter(|&c| {
            s.rel(c) == "obl" && s.case(c).is_none_or(|p| p == "than") && s.upos(c) != "PRON"
        })
        .filter(|&c| {
            !s.kids(c)
                .iter()
                .any(|&k| s.rel(k) == "case" && s.lemma(k) != "than")
        })
        .collect();
    if !bare.is_empty() && s.upos(bare[0]) == "NOUN" && s.case(bare[0]) == Some("than") {
        return bare;
    } // Relative clause with the object gapped: "the drones that X used" is handled by the
      // relative pronoun; "the ship Iran attacked" (no pronoun) takes the head noun.
    if s.rel(v) == "acl:relcl" && s.kids(v).iter().any(|&c| s.base_rel(c) == "nsubj") {
        return s.head(v).into_iter().collect();
    }
    Vec::new()
}

/// The source heads of a verb: the active subject or the passive agent, inherited from a
/// governing clause when the verb has none.
fn subjects(s: &Sent, v: usize) -> Vec<usize> {
    subjects_depth(s, v, 0)
}

fn subjects_depth(s: &Sent, v: usize, depth: u8) -> Vec<usize> {
    if s.is_passive(v) {
        return s
            .kids(v)
            .iter()
            .copied()
            .filter(|&c| {
                s.rel(c) == "obl:agent" || (s.base_rel(c) == "obl" && s.case(c) == Some("by"))
            })
            .collect();
    }
    let own: Vec<usize> = s
        .kids(v)
        .iter()
        .copied()
        // Not passive, so a "passive" subject is the subject.
        .filter(|&c| matches!(s.rel(c), "nsubj" | "csubj" | "nsubj:pass" | "nsubj:outer"))
        .collect();
    if !own.is_empty() || depth > 4 {
        return own;
    }
    // "its campaign to pummel Iran" parsed with the infinitive outside the noun phrase:
    // the possessor of the noun right before "to".
    if let Some(to) = s
        .kids(v)
        .iter()
        .copied()
        .find(|&c| s.base_rel(c) == "mark" && s.lemma(c) == "to")
    {
        if to > 0 && s.upos(to - 1) == "NOUN" && s.head(v) != Some(to - 1) && s.rel(v) != "xcomp" {
            let poss: Vec<usize> = s
                .kids(to - 1)
                .iter()
                .copied()
                .filter(|&c| s.rel(c) == "nmod:poss")
                .collect();
            if !poss.is_empty() {
                return poss;
            }
        }
    }
    let Some(h) = s.head(v) else {
        return Vec::new();
    };
    match s.rel(v) {
        "conj" => subjects_depth(s, h, depth + 1),
        "xcomp" => {
            // Object control ("helped Israel to target", "urged them to stop"), else subject control.
            let objs: Vec<usize> = s.kids_rel(h, "obj").collect();
            if !objs.is_empty() {
                objs
            } else {
                subjects_depth(s, h, depth + 1)
            }
        }
        "advcl"
            if !s.kids(v).iter().any(|&c| {
                s.base_rel(c) == "mark" && words().conditional().contains(s.lemma(c))
            }) =>
        {
            subjects_depth(s, h, depth + 1)
        }
        "acl" if s.main_clause_participle(v) => vec![h],
        "acl" => {
            if matches!(s.upos(h), "NOUN" | "PROPN") {
                let poss: Vec<usize> = s
                    .kids(h)
                    .iter()
                    .copied()
                    .filter(|&c| matches!(s.rel(c), "nmod:poss"))
                    .collect();
                if !poss.is_empty() {
                    poss
                } else if s.xpos(v) == "VBG" {
                    vec![h]
                } else {
                    Vec::new()
                }
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    }
}

fn best_noun<'l>(s: &Sent, i: usize, entries: &'l [NounEntry]) -> Option<&'l NounEntry> {
    let mut best: Option<&NounEntry> = None;
    for e in entries {
        if e.literals
            .iter()
            .all(|l| s.kids(i).iter().any(|&c| s.has_lemma(c, l)))
            && best.is_none_or(|b| e.literals.len() > b.literals.len())
        {
            best = Some(e);
        }
    }
    best
}

/// Source and target heads of an event noun.
fn noun_roles(s: &Sent, i: usize, e: &NounEntry) -> (Vec<usize>, Vec<usize>) {
    let mut sources = Vec::new();
    let mut targets = Vec::new();
    let preps: Vec<&str> = e
        .target_preps
        .iter()
        .map(String::as_str)
        .filter(|p| *p != "targeting")
        .collect();
    for &c in s.kids(i) {
        let r = s.rel(c);
        let case = s.case(c);
        if r == "nmod:poss"
            || ((r == "amod" || r == "compound") && c < i && s.cap(c))
            || (matches!(s.base_rel(c), "nmod" | "obl") && matches!(case, Some("by" | "from")))
        {
            sources.push(c);
        } else if matches!(s.base_rel(c), "nmod" | "obl")
            && case.is_some_and(|p| preps.contains(&p))
        {
            targets.push(c);
        } else if s.base_rel(c) == "acl"
            && s.lemma(c) == "target"
            && e.target_preps.iter().any(|t| t == "targeting")
        {
            let objs: Vec<usize> = s.kids_rel(c, "obj").collect();
            if objs.is_empty() {
                // Misparsed object: the first noun after the participle, before any verb.
                if let Some(k) = (c + 1..s.len())
                    .take_while(|&k| {
                        !matches!(s.upos(k), "VERB" | "AUX") && s.base_rel(k) != "punct"
                    })
                    .find(|&k| matches!(s.upos(k), "NOUN" | "PROPN" | "ADJ"))
                {
                    targets.push(k);
                }
            } else {
                targets.extend(objs);
            }
        }
    }
    if targets.is_empty() {
        // The target phrase attached one level down ("supplier of weaponry to Azerbaijan").
        targets = s
            .kids(i)
            .iter()
            .filter(|&&c| s.base_rel(c) == "nmod")
            .flat_map(|&c| s.kids(c).iter().copied())
            .filter(|&g| s.base_rel(g) == "nmod" && s.case(g).is_some_and(|p| preps.contains(&p)))
            .take(1)
            .collect();
    }
    if targets.is_empty() {
        // The target phrase attached to the governing verb, right after the noun.
        if let Some(h) = s.head(i) {
            for &c in s.kids(h) {
                if c > i
                    && matches!(s.base_rel(c), "obl" | "nmod")
                    && s.case(c).is_some_and(|p| preps.contains(&p))
                {
                    targets.push(c);
                    break;
                }
            }
        }
    }
    if targets.is_empty()
        && e.code.root().number() < 9
        && s.base_rel(i) == "obl"
        && s.case(i) == Some("with")
    {
        // "With support from Turkey, Azerbaijan is angling ...": the help goes to the clause's subject.
        if let Some(h) = s.head(i) {
            targets = subjects(s, h);
        }
    }
    if sources.is_empty() {
        let own_subj: Vec<usize> = s
            .kids(i)
            .iter()
            .copied()
            .filter(|&c| s.base_rel(c) == "nsubj")
            .collect();
        if !own_subj.is_empty() {
            sources = own_subj;
        } else if let Some(p) = surface_possessor(s, i) {
            sources.push(p);
        } else if let Some(h) = s.head(i) {
            match s.rel(i) {
                "appos" => sources.push(h),
                "obj" | "xcomp" | "nsubj:pass" if words().light().contains(s.lemma(h)) => {
                    sources = subjects(s, h)
                }
                _ => {}
            }
        }
    }
    (sources, targets)
}

/// A possessor or nationality adjective right before the noun when the parse attached it
/// elsewhere: "Israel's furious, unprecedented barrage".
fn surface_possessor(s: &Sent, i: usize) -> Option<usize> {
    let mut k = i;
    while k > 0 {
        k -= 1;
        match (s.upos(k), s.lemma(k)) {
            ("PART", "'s") | ("PART", "'") => return (k > 0).then(|| k - 1),
            ("ADJ", _) | ("NOUN", _) | ("PUNCT", ",") | ("ADV", _) => {
                if s.upos(k) == "ADJ" && s.head(k) != Some(i) && s.xpos(k) == "JJ" && s.cap(k) {
                    return Some(k);
                }
            }
            _ => return None,
        }
    }
    None
}

/// Negation and modality of the event at `t`, from the chain of governing words.
fn factuality(s: &Sent, t: usize) -> (bool, Modality) {
    let mut negated = false;
    let mut modality = Modality::Asserted;
    let mut x = t;
    let mut from_conj = false;
    for _ in 0..s.len().max(1) {
        for &c in s.kids(x) {
            let l = s.lemma(c);
            let r = s.base_rel(c);
            match r {
                "advmod" | "neg" | "det" if words().neg_words().contains(l) && !from_conj => {
                    negated = true
                }
                "obj" if matches!(l, "nothing" | "none") && !from_conj => negated = true,
                "aux" if words().modal_aux().contains(l) => {
                    modality = modality.max(Modality::Hypothetical)
                }
                "mark" if words().conditional().contains(l) => {
                    modality = modality.max(Modality::Hypothetical)
                }
                "advmod" if x == t && words().hedge_adv().contains(l) => {
                    modality = modality.max(Modality::Hypothetical)
                }
                "advmod" if words().report_adv().contains(l) => {
                    modality = modality.max(Modality::Reported)
                }
                "amod" if x == t && words().report_adj().contains(l) => {
                    modality = modality.max(Modality::Reported)
                }
                "parataxis" if words().event_speech().contains(l) => {
                    modality = modality.max(Modality::Reported)
                }
                _ => {}
            }
        }
        let Some(h) = s.head(x) else { break };
        let rel = s.rel(x);
        if rel == "acl:relcl" || rel == "parataxis" || rel == "appos" {
            break;
        }
        if s.base_rel(x) == "obl" && s.case(x).is_some_and(|c| words().presup_case().contains(c)) {
            break;
        }
        let hl = s.lemma(h);
        let base = s.base_rel(x);
        let clausal = matches!(base, "ccomp" | "xcomp" | "advcl" | "csubj" | "acl");
        if words().deny().contains(hl) && (clausal || base == "obj") {
            modality = modality.max(Modality::Denied);
        } else if words().neg_governor().contains(hl) && (clausal || base == "obj") {
            negated = true;
        } else if words().fear().contains(hl)
            && (clausal
                || (matches!(base, "obl" | "nmod")
                    && s.case(x)
                        .is_some_and(|c| matches!(c, "of" | "about" | "over"))))
        {
            modality = modality.max(Modality::Hypothetical);
        } else if words().intent().contains(hl)
            && (clausal
                || base == "obj"
                || (base == "obl" && s.case(x).is_some_and(|c| matches!(c, "for" | "on"))))
        {
            modality = modality.max(Modality::Intended);
        } else if words().event_speech().contains(hl)
            && matches!(base, "ccomp" | "xcomp" | "parataxis" | "advcl")
        {
            modality = modality.max(Modality::Reported);
        } else if base == "ccomp"
            && s.kids(h).iter().any(|&k| {
                k < x
                    && matches!(s.base_rel(k), "obl" | "obj" | "nmod")
                    && words().fear().contains(s.lemma(k))
            })
        {
            // A content clause attached to the verb instead of its noun: "based on
            // perceptions in Baku that Israel will remain a supplier".
            modality = modality.max(Modality::Hypothetical);
        }
        from_conj = rel == "conj";
        x = h;
    }
    (negated, modality)
}

/// "That has never been true", "the claims are false": denies the previous sentence.
fn denies_previous(s: &Sent) -> bool {
    (0..s.len()).any(|i| {
        let l = s.lemma(i);
        let has_demo_subj = s.kids(i).iter().any(|&c| {
            s.base_rel(c) == "nsubj"
                && matches!(
                    s.lemma(c),
                    "that"
                        | "this"
                        | "it"
                        | "claim"
                        | "report"
                        | "allegation"
                        | "accusation"
                        | "narrative"
                )
        });
        let negated = s.kids(i).iter().any(|&c| {
            words().neg_words().contains(s.lemma(c)) && matches!(s.base_rel(c), "advmod" | "neg")
        });
        has_demo_subj
            && ((l == "true" && negated)
                || matches!(
                    l,
                    "untrue"
                        | "false"
                        | "baseless"
                        | "groundless"
                        | "unfounded"
                        | "fabricated"
                        | "lie"
                        | "fabrication"
                ))
    })
}

/// Word index a time expression attaches to, for each dated expression in the sentence.
fn attached_times(input: &EventInput, s: &Sent) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (ti, t) in input.times.iter().enumerate() {
        if !is_dated(&t.value) {
            continue;
        }
        let inside: Vec<usize> = (0..s.len())
            .filter(|&i| s.tokens[i].start >= t.start && s.tokens[i].end <= t.end)
            .collect();
        if inside.is_empty() {
            continue;
        }
        let head = inside
            .iter()
            .copied()
            .find(|&i| s.head(i).is_none_or(|h| !inside.contains(&h)));
        if let Some(h) = head {
            if let Some(gov) = s.head(h) {
                out.push((gov, ti));
            }
        }
    }
    out
}

fn is_dated(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() >= 4
        && b[..3].iter().all(u8::is_ascii_digit)
        && (b[3].is_ascii_digit() || b[3] == b'X')
        && !v.contains('/')
}

/// Whether the time expression starting at `start` is the boundary of a span ("until
/// 2024", "since 1995", "by 2030") rather than the time the narrative stands at: such a
/// boundary dates its own clause but does not carry over to the next sentence's events.
fn bounds_a_span(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        word.as_str(),
        "until" | "till" | "since" | "by" | "before" | "after" | "through" | "throughout"
    )
}

/// The event's date: the time expression governing the trigger (or inside its clause),
/// else the last dated expression earlier in the paragraph.
fn date_of(
    input: &EventInput,
    s: &Sent,
    sentence: &aras_text::Sentence,
    trigger: usize,
    times: &[(usize, usize)],
) -> (Option<String>, DateSource) {
    let mut x = trigger;
    for _ in 0..s.len() {
        if let Some(&(_, ti)) = times.iter().find(|(g, _)| *g == x) {
            return (Some(input.times[ti].value.clone()), DateSource::Text);
        }
        if s.rel(x) == "acl:relcl" {
            break;
        }
        match s.head(x) {
            Some(h) => x = h,
            None => break,
        }
    }
    // "on June 13 -- the day Israel started its campaign": a clause with "the day" as its
    // time adjunct, right after a date, happened on that date.
    let mut x = trigger;
    // The trigger's clause and the one governing it.
    for _ in 0..2 {
        for &k in s.kids(x) {
            let the = s
                .kids(k)
                .iter()
                .copied()
                .find(|&d| s.base_rel(d) == "det" && s.lemma(d) == "the");
            // "the day" as the clause's own time adjunct, not a day described by a clause
            // of its own ("January 1, the day Bulgaria joins").
            // ... and the clause starts with it: "the day Israel started".
            let adjunct = s.base_rel(k) == "obl"
                && s.kids(x)
                    .iter()
                    .any(|&d| s.base_rel(d) == "nsubj" && d == k + 1)
                && !s
                    .kids(k)
                    .iter()
                    .any(|&d| s.base_rel(d) == "acl" || s.upos(d) == "VERB");
            let (Some(the), true) = (the, adjunct && words().day_words().contains(s.lemma(k)))
            else {
                continue;
            };
            let mut j = the.min(k);
            while j > 0 && s.upos(j - 1) == "PUNCT" {
                j -= 1;
            }
            if j == 0 || j == the.min(k) {
                continue;
            }
            let end = s.tokens[j - 1].end;
            if let Some(t) = input
                .times
                .iter()
                .find(|t| t.end == end && is_dated(&t.value))
            {
                return (Some(t.value.clone()), DateSource::Text);
            }
        }
        if s.rel(x) == "acl:relcl" {
            break;
        }
        match s.head(x) {
            Some(h) => x = h,
            None => break,
        }
    }
    // A time expression inside the trigger's own phrase or clause.
    if let Some(&(_, ti)) = times.iter().find(|(g, _)| s.dominates(trigger, *g)) {
        return (Some(input.times[ti].value.clone()), DateSource::Text);
    }
    // A sentence-initial time adjunct ("In 2012, police announced that they had arrested
    // ...") scopes over the whole sentence, however the parse attached it.
    let initial = input.times.iter().find(|t| {
        is_dated(&t.value)
            && t.start >= sentence.start
            && t.end <= sentence.end
            && s.tokens.iter().take(3).any(|k| k.start == t.start)
    });
    if let Some(t) = initial {
        return (Some(t.value.clone()), DateSource::Text);
    }
    let para_start = input
        .text
        .get(..sentence.start)
        .unwrap_or("")
        .rfind('\n')
        .map_or(0, |p| p + 1);
    let prior = input
        .times
        .iter()
        .filter(|t| t.start >= para_start && t.end <= sentence.start && is_dated(&t.value))
        .filter(|t| !bounds_a_span(input.text, t.start))
        .max_by_key(|t| t.start);
    match prior {
        Some(t) => (Some(t.value.clone()), DateSource::Discourse),
        None => (None, DateSource::Document),
    }
}

#[cfg(test)]
mod bound_tests {
    use super::bounds_a_span;

    #[test]
    fn span_boundaries_do_not_anchor_the_discourse() {
        let t = "kept troops there until 2024. In 2012 it began.";
        assert!(bounds_a_span(t, t.find("2024").unwrap()));
        assert!(!bounds_a_span(t, t.find("2012").unwrap()));
        assert!(bounds_a_span("Since 1995", 6));
        assert!(!bounds_a_span("2023", 0));
    }
}
