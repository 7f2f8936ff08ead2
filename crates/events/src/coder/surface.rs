//! Roles read off the surface where the parse lost them. A greedy parser attaches a long
//! name to the wrong head now and then ("Modi met Japanese Prime Minister Fumio Kishida in
//! Tokyo" with the object hung from the full stop); when a verb's pattern has a slot and
//! the parse gives it nothing, the actor right after the verb (after the slot's
//! preposition) in the same clause fills it, and an actor right before the verb fills a
//! missing subject. The window ends at the clause's edge (a finite verb, a subordinator,
//! a relative pronoun, a comma or stronger punctuation) and never takes a place named
//! after a locative preposition ("arrested ten people in Nairobi" has no target).

use super::sentence::Sent;
use crate::EventInput;
use aras_actors::Kind;
use aras_lex::words;

/// Tokens a clause window stops at.
fn clause_edge(s: &Sent, k: usize) -> bool {
    let w = s.lower(k);
    matches!(s.upos(k), "SCONJ")
        || (s.upos(k) == "PUNCT"
            && matches!(w, "." | "," | ";" | ":" | "?" | "!" | "--" | "(" | ")"))
        || (matches!(s.upos(k), "VERB" | "AUX") && !matches!(s.xpos(k), "VBG" | "VBN"))
        || words().relative().contains(w)
        || matches!(
            w,
            "while" | "whereas" | "after" | "before" | "because" | "when" | "since"
        )
}

/// The coded, non-place mention covering token `k`, if any.
fn actor_at(input: &EventInput, s: &Sent, k: usize) -> Option<usize> {
    let t = s.tokens[k];
    input
        .mentions
        .iter()
        .position(|m| m.start <= t.start && t.end <= m.end)
        .filter(|&m| {
            let x = &input.mentions[m];
            x.kind != Kind::Place && super::roles::coded_mention(x)
        })
}

/// The first actor after verb `v` in its clause; after the preposition `prep` when the
/// slot has one. Skips words introduced by a locative preposition.
pub(super) fn target_after(
    input: &EventInput,
    s: &Sent,
    v: usize,
    prep: Option<&str>,
) -> Option<usize> {
    let end = (v + 12).min(s.len());
    let mut k = v + 1;
    if let Some(p) = prep {
        k = (k..end).find(|&j| s.lower(j) == p && !clause_edge(s, j))? + 1;
    }
    let mut after_locative = false;
    while k < end {
        if clause_edge(s, k) {
            return None;
        }
        if s.upos(k) == "ADP" {
            // Only the slot's own preposition leads to the target.
            after_locative = prep != Some(s.lower(k));
        }
        if !after_locative {
            if let Some(m) = actor_at(input, s, k) {
                return Some(m);
            }
        }
        k += 1;
    }
    None
}

/// The nearest actor before verb `v` in its clause (for an active verb whose subject the
/// parse lost); places are skipped, so "Police in Nairobi arrested" is the police.
pub(super) fn source_before(input: &EventInput, s: &Sent, v: usize) -> Option<usize> {
    let start = v.saturating_sub(12);
    for k in (start..v).rev() {
        if clause_edge(s, k) {
            return None;
        }
        if let Some(m) = actor_at(input, s, k) {
            return Some(m);
        }
    }
    None
}
