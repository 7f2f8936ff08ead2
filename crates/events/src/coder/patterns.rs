//! Pattern matching: which of a lemma's verb patterns matches a verb (dependency patterns
//! with literals, complements and slots; imported surface patterns word by word), the most
//! specific first; and which noun entry an event noun takes.

use super::arguments::{objects, phrase_targets, prep_dependents};
use super::sentence::Sent;
use crate::lexicon::{Lexicon, NounEntry, Slot, Surface, VerbPattern};
use aras_lex::words;

pub(super) struct Match<'l> {
    pub(super) pattern: &'l VerbPattern,
    /// The pattern is of the second tier (the CAMEO verb dictionary), not our own.
    pub(super) fallback: bool,
    pub(super) targets: Vec<usize>,
    pub(super) complement: Option<usize>,
    pub(super) literal_tokens: Vec<usize>,
    pub(super) first_target_only: bool,
}

/// The best-matching pattern for the verb at `v`: our own lexicon's, else (when none of
/// ours matches) the second tier's, the CAMEO verb dictionary converted into our
/// language.
pub(super) fn match_verb<'l>(lex: &'l Lexicon, s: &Sent, v: usize, depth: u8) -> Option<Match<'l>> {
    best_match(
        lex,
        s,
        v,
        depth,
        lex.verb_patterns(s.verb_lemma(lex, v)),
        false,
    )
    .or_else(|| {
        let lemma = s
            .forms(v)
            .iter()
            .find(|f| !lex.fallback_verb_patterns(f).is_empty())?;
        // Verbs whose complement our factuality rules read (want, plan, deny, refuse,
        // fear, say, ...) keep our reading: the dictionary's "want to attack" is a
        // threat (138) where ours is an intended attack.
        let w = words();
        if [
            w.intent(),
            w.deny(),
            w.neg_governor(),
            w.fear(),
            w.event_speech(),
        ]
        .iter()
        .any(|l| l.contains(lemma))
        {
            return None;
        }
        best_match(lex, s, v, depth, lex.fallback_verb_patterns(lemma), true)
    })
}

fn best_match<'l>(
    lex: &'l Lexicon,
    s: &Sent,
    v: usize,
    depth: u8,
    patterns: &'l [VerbPattern],
    fallback: bool,
) -> Option<Match<'l>> {
    // A dictionary verb whose direct object is one of our event nouns is that noun's
    // light verb ("carried out air strikes", "staged a protest"): the noun codes the event.
    if fallback
        && s.kids(v)
            .iter()
            .any(|&c| s.rel(c) == "obj" && !lex.noun_entries(s.noun_lemma(lex, c)).is_empty())
    {
        return None;
    }
    let mut best: Option<(u32, Match)> = None;
    for p in patterns {
        // A dictionary pattern never swallows a complement clause: the complement's own
        // event is coded by our rules ("denied attacking" is a denied attack).
        if fallback && p.complement.is_some() {
            continue;
        }
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
                        fallback,
                        targets,
                        complement: None,
                        literal_tokens,
                        first_target_only: true,
                    },
                ));
            }
            continue;
        }
        // Literals: dependents (or their dependents) with that lemma, or the noun a
        // relative clause hangs from ("the drones that its military used against ...").
        let relative_head = s.head(v).filter(|_| s.rel(v) == "acl:relcl");
        let mut literal_tokens = Vec::new();
        let mut ok = true;
        for lit in &p.literals {
            let found = s
                .kids(v)
                .iter()
                .copied()
                .chain(s.kids(v).iter().flat_map(|&c| s.kids(c).iter().copied()))
                .chain(relative_head)
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
        // Nor does it take one of our own event nouns as a mere word: "started its
        // campaign" is the campaign, coded by the noun.
        let our_noun = |t: usize| !lex.noun_entries(s.noun_lemma(lex, t)).is_empty();
        if fallback
            && literal_tokens
                .iter()
                .any(|&t| our_noun(t) || s.head(t).is_some_and(|h| h != v && our_noun(h)))
        {
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
        // A dictionary verb whose object is one of our event nouns ("imposed sanctions",
        // "launched an offensive") is that noun's light verb: the noun codes the event.
        if fallback
            && targets
                .iter()
                .any(|&t| !lex.noun_entries(s.noun_lemma(lex, t)).is_empty())
        {
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
                    fallback,
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
pub(super) fn phrase_at(s: &Sent, start: usize, phrase: &[String], plurals: bool) -> bool {
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
pub(super) fn is_plural_of(got: &str, w: &str) -> bool {
    got.strip_suffix('s').is_some_and(|g| g == w)
        || got.strip_suffix("es").is_some_and(|g| g == w)
        || match (got.strip_suffix("ies"), w.strip_suffix('y')) {
            (Some(g), Some(stem)) => g == stem,
            _ => false,
        }
}

/// Matches a surface pattern around the verb at `v`: the tokens matched, and where the
/// target starts when the pattern marks it.
pub(super) fn surface_match(
    s: &Sent,
    v: usize,
    sf: &Surface,
) -> Option<(Vec<usize>, Option<usize>)> {
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

/// The noun entry of the noun at `i` whose words are all there, the one with the most
/// words first: each word a dependent of the noun or the verb governing it ("went on
/// strike" is a labour strike, "air strike" an air raid).
pub(super) fn best_noun<'l>(s: &Sent, i: usize, entries: &'l [NounEntry]) -> Option<&'l NounEntry> {
    let mut best: Option<&NounEntry> = None;
    for e in entries {
        if e.literals
            .iter()
            .all(|l| s.kids(i).iter().any(|&c| s.has_lemma(c, l)) || governed_by(s, i, l))
            && best.is_none_or(|b| e.literals.len() > b.literals.len())
        {
            best = Some(e);
        }
    }
    best
}

/// The noun at `i` is the object or oblique of a verb with lemma `lemma` ("went on strike",
/// "called a strike").
pub(super) fn governed_by(s: &Sent, i: usize, lemma: &str) -> bool {
    matches!(s.base_rel(i), "obj" | "obl" | "xcomp")
        && s.head(i)
            .is_some_and(|h| s.upos(h) == "VERB" && s.has_lemma(h, lemma))
}
