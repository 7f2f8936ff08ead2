//! Factuality: whether an event is negated, and its modality, from the chain of words that
//! govern its trigger (stopping at relative clauses and presupposed adjuncts). This is
//! where "threatened to attack" makes the attack intended, "refused to meet" negates the
//! meeting, "denied attacking" denies it, "fears of an attack" make it hypothetical and
//! "said Israel attacked" reports it; and where "That has never been true" denies the
//! sentence before. (The threat itself is the `threaten SUBJ _ to VERB:19` pattern,
//! `patterns`, with the attack taken into it, `candidates`.)

use super::sentence::Sent;
use crate::Modality;
use aras_lex::words;

/// Negation and modality of the event at `t`, from the chain of governing words. A
/// `framing` meeting ("will seek support during a trip") shares its clause's modality
/// rather than being presupposed by its preposition. With `governor_in_event` the verb
/// governing the trigger is part of the event its noun entry names ("called a strike" is
/// the strike called, not a call for one), so its meaning does not make it intended.
pub(super) fn factuality(
    s: &Sent,
    t: usize,
    framing: bool,
    governor_in_event: bool,
) -> (bool, Modality) {
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
                "amod" if x == t && words().plan_adj().contains(l) => {
                    modality = modality.max(Modality::Intended)
                }
                // "ahead of a visit", "prior to the talks": not yet happened.
                "case" | "advmod" if words().ahead_case().contains(l) => {
                    modality = modality.max(Modality::Intended)
                }
                "parataxis" if words().event_speech().contains(l) => {
                    modality = modality.max(Modality::Reported)
                }
                _ => {}
            }
        }
        if is_to_be_planned(s, x) {
            modality = modality.max(Modality::Intended);
        }
        let Some(h) = s.head(x) else { break };
        let rel = s.rel(x);
        if rel == "acl:relcl" || rel == "parataxis" || rel == "appos" {
            break;
        }
        if s.base_rel(x) == "obl"
            && !(framing && x == t)
            && s.case(x).is_some_and(|c| words().presup_case().contains(c))
        {
            break;
        }
        let hl = s.lemma(h);
        let base = s.base_rel(x);
        let clausal = matches!(base, "ccomp" | "xcomp" | "advcl" | "csubj" | "acl");
        if governor_in_event && x == t {
            // The governing verb is the event's own ("went on strike", "called a strike").
        } else if words().deny().contains(hl) && (clausal || base == "obj") {
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
        } else if words().intent().contains(hl)
            && base == "nmod"
            && s.upos(h) == "NOUN"
            && s.case(x).is_some_and(|c| c == "of")
        {
            // "pledges of aid", "an offer of talks": promised, not given.
            modality = modality.max(Modality::Intended);
        } else if words().ahead_case().contains(hl) {
            // "just ahead of a visit": the noun hangs off "ahead".
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
        } else if base == "ccomp"
            && s.kids(h).iter().any(|&k| {
                k < x
                    && matches!(s.base_rel(k), "obl" | "obj" | "nmod")
                    && s.upos(k) == "NOUN"
                    && words().intent().contains(s.lemma(k))
            })
        {
            // The same for demands and calls: "bend to Western demands that it renounce
            // violence" with the clause on "bend".
            modality = modality.max(Modality::Intended);
        }
        if base == "acl"
            && s.upos(h) == "NOUN"
            && s.kids(x)
                .iter()
                .any(|&k| s.base_rel(k) == "mark" && s.lemma(k) == "to")
        {
            // An infinitive on a noun ("progress in efforts to resume talks", "the
            // decision to attack"): purpose or plan, not yet done.
            modality = modality.max(Modality::Intended);
        }
        from_conj = rel == "conj";
        x = h;
    }
    (negated, modality)
}

/// "Olmert is to be received", "X was to meet Y": a plan (be + to-infinitive, the "be"
/// not a passive auxiliary).
fn is_to_be_planned(s: &Sent, x: usize) -> bool {
    let kids = s.kids(x);
    let to = kids
        .iter()
        .find(|&&c| s.rel(c) == "mark" && s.lemma(c) == "to");
    let Some(&to) = to else { return false };
    kids.iter()
        .any(|&c| c < to && s.lemma(c) == "be" && matches!(s.rel(c), "cop" | "aux"))
}

/// "That has never been true", "the claims are false": denies the previous sentence.
pub(super) fn denies_previous(s: &Sent) -> bool {
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
