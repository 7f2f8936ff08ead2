//! Candidate triggers: which verbs and event nouns of a sentence start an event, with the
//! code and the heads of their roles. Decides what is one event: a complement its pattern
//! takes ("threatened to attack" is the threat, not an attack too), a participle or
//! infinitive merged into its event noun, a noun that is its verb's argument ("hit by
//! strikes"); which statement nouns count ("issued a statement"); bare speech acts kept for
//! later; retaliation.

use super::arguments::{noun_roles, objects, prep_dependents, subjects};
use super::filters::idiom;
use super::patterns::{best_noun, governed_by, match_verb, Match};
use super::sentence::Sent;
use crate::lexicon::{Lexicon, Slot};
use crate::CameoCode;
use aras_lex::words;

/// A candidate event before roles are resolved to mentions.
pub(super) struct Cand {
    pub(super) sent: usize,
    pub(super) trigger: usize,
    pub(super) code: CameoCode,
    pub(super) sources: Vec<usize>,
    pub(super) targets: Vec<usize>,
    pub(super) verbal: bool,
    pub(super) retaliation: bool,
    /// For a bare speech act (a verb of saying with no addressee): the heads of its
    /// complement clauses, where the events it reports are ("Russia said Germany attacked
    /// France").
    pub(super) speech: Option<Vec<usize>>,
    /// The pattern's target slot is prepositional (`fire _ at OBJ`).
    pub(super) prep_slot: bool,
    /// The pattern has a target slot (`OBJ`, `PREP OBJ`): where the parse leaves it empty,
    /// the coder may read the target off the surface; with the slot's preposition.
    pub(super) slot: Option<Option<String>>,
    /// `targets` are candidates in order: the first that holds an actor is the target
    /// (with its conjuncts).
    pub(super) first_target_only: bool,
    /// The code of the reverse event (target to source), if the pattern has one.
    pub(super) reverse_code: Option<CameoCode>,
    /// A bare pattern of the second tier (a CAMEO dictionary verb's default code, no
    /// words or complement of its own): the event stands only between two actors, since
    /// the default codes of a verb block are coarse ("take" 171 is no seizure in "took
    /// part").
    pub(super) bare_fallback: bool,
    /// An event noun whose governing verb its lexicon entries name ("called a strike"):
    /// that verb lends the source and is part of the event, not a governor of it.
    pub(super) named_governor: bool,
}

/// The event candidates of a sentence.
pub(super) fn candidates(lex: &Lexicon, s: &Sent, si: usize) -> Vec<Cand> {
    let n = s.len();
    let mut consumed = vec![false; n];
    let mut verb_matches: Vec<(usize, Match)> = Vec::new();
    for v in 0..n {
        if !matches!(s.upos(v), "VERB") && !s.xpos(v).starts_with("VB") {
            continue;
        }
        if let Some(m) = match_verb(lex, s, v, 0) {
            if idiom(s, v, m.pattern.code) {
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
        let mut sources = if m.pattern.source {
            subjects(s, v)
        } else {
            Vec::new()
        };
        if sources.is_empty() && m.pattern.source && s.is_passive(v) {
            // "killed in an Israeli air strike", "wounded during a Taliban raid": a
            // passive without its agent was done by whoever carried out the force it
            // happened in (the noun's own source, or the actor in its phrase).
            sources = s
                .kids(v)
                .iter()
                .copied()
                .filter(|&c| {
                    s.base_rel(c) == "obl"
                        && matches!(s.case(c), Some("in" | "during"))
                        && s.upos(c) == "NOUN"
                        && best_noun(s, c, lex.noun_entries(s.noun_lemma(lex, c)))
                            .is_some_and(|e| e.code.root().number() >= 18)
                })
                .collect();
        }
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
            slot: match &m.pattern.target {
                Slot::Object => Some(None),
                Slot::Prep(p) => Some(Some(p.clone())),
                Slot::None | Slot::Phrase => None,
            },
            first_target_only: m.first_target_only,
            reverse_code: m.pattern.reverse_code,
            named_governor: false,
            bare_fallback: m.fallback
                && m.pattern.literals.is_empty()
                && m.pattern.complement.is_none()
                && m.pattern.surface.is_none(),
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
        // A governing verb one of the noun's entries names ("went on strike").
        let named_governor = entries
            .iter()
            .flat_map(|x| &x.literals)
            .any(|l| governed_by(s, i, l));
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
                let (_, noun_targets) = noun_roles(s, i, e, named_governor);
                for t in noun_targets {
                    if !out[v].targets.contains(&t) {
                        out[v].targets.push(t);
                    }
                }
            }
            continue;
        }
        let (sources, mut targets) = noun_roles(s, i, e, named_governor);
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
            slot: None,
            first_target_only: false,
            reverse_code: None,
            bare_fallback: false,
            named_governor,
        });
    }
    out
}
