//! Dictionary matches turned into atoms: one entry chosen per match (dates, evidence
//! for ambiguous names), aligned to tokens.

use aras_dict::{Dictionary, Entry, FormRole, Kind as DKind};

use crate::words::STOP_CAPS;
use aras_lex::Doc;

/// One dictionary match with its chosen entry.
#[derive(Clone, Debug)]
pub(crate) struct Atom<'d> {
    pub start: usize,
    pub end: usize,
    /// Token range [t0, t1).
    pub t0: usize,
    pub t1: usize,
    pub entry: &'d Entry,
    pub role: FormRole,
    /// A person whose dated office is over on the document date.
    pub former: bool,
}

impl Atom<'_> {
    pub fn kind(&self) -> DKind {
        self.entry.kind
    }
    pub fn is_agent(&self) -> bool {
        self.entry.kind == DKind::Agent && !self.entry.code.is_empty()
    }
    pub fn is_title(&self) -> bool {
        self.is_agent() && self.role == FormRole::Title
    }
    pub fn sector(&self) -> Option<&str> {
        self.entry.sector.as_deref()
    }
    /// The country this atom stands for or belongs to.
    pub fn country(&self) -> Option<&str> {
        match self.entry.kind {
            DKind::Group | DKind::Agent => None,
            _ => self.entry.country.as_deref(),
        }
    }
}

/// Finds the atoms of the document.
pub(crate) fn find<'d>(doc: &Doc, dict: &'d Dictionary, date: Option<&str>) -> Vec<Atom<'d>> {
    let matches = dict.find(doc.text);
    let mut atoms: Vec<Atom<'d>> = Vec::with_capacity(matches.len());
    let mut ambiguous: Vec<(usize, Vec<(&'d Entry, FormRole)>)> = Vec::new();
    for m in &matches {
        let t0 = doc.tok_at(m.start);
        let t1 = doc.tok_after(m.end);
        if t0 >= t1 || t0 >= doc.toks.len() {
            continue;
        }
        // A match must not cross a sentence boundary.
        if doc.toks[t0].sent != doc.toks[t1 - 1].sent {
            continue;
        }
        let cands: Vec<(&'d Entry, FormRole)> = m
            .entries
            .iter()
            .zip(&m.roles)
            .map(|(&id, &r)| (dict.entry(id), r))
            .collect();
        // Date limits: keep the entries active on the document date.
        let active: Vec<(&'d Entry, FormRole)> = cands
            .iter()
            .copied()
            .filter(|(e, _)| date.is_none_or(|d| e.active_on(d)))
            .collect();
        let (chosen, former) = if let Some(&first) = active.first() {
            (first, false)
        } else if let Some(&p) = cands.iter().rev().find(|(e, _)| e.kind == DKind::Person) {
            // Out of office on the document date: the latest office names the person.
            (p, true)
        } else {
            // Only dated non-person entries, none active (the Soviet Union in 2025
            // text): still the same country, coded as the dictionary says.
            (cands[0], false)
        };
        if chosen.0.kind == DKind::Agent && chosen.0.code.is_empty() {
            continue; // stop phrase
        }
        let idx = atoms.len();
        if active.len() > 1
            && active
                .iter()
                .any(|(e, _)| e.country != chosen.0.country && e.kind != DKind::Person)
        {
            ambiguous.push((idx, active.clone()));
        }
        atoms.push(Atom {
            start: m.start,
            end: m.end,
            t0,
            t1,
            entry: chosen.0,
            role: chosen.1,
            former,
        });
    }
    for (idx, cands) in ambiguous {
        if let Some(alt) = evidence_for_alternative(doc, &atoms, idx, &cands) {
            atoms[idx].entry = alt.0;
            atoms[idx].role = alt.1;
        }
    }
    drop_name_parts(doc, &mut atoms);
    atoms
}

/// An ambiguous match (Georgia: GEO and the US state) keeps its first entry unless
/// the text gives evidence for another: a city or place of the other entry's country
/// in the same or a neighbouring sentence ("Atlanta, Georgia"), "state of X", "X
/// state", or "X's governor".
fn evidence_for_alternative<'d>(
    doc: &Doc,
    atoms: &[Atom<'d>],
    idx: usize,
    cands: &[(&'d Entry, FormRole)],
) -> Option<(&'d Entry, FormRole)> {
    let a = &atoms[idx];
    let sent = doc.toks[a.t0].sent;
    for &(alt, role) in &cands[1..] {
        let Some(c) = alt.country.as_deref() else {
            continue;
        };
        if Some(c) == a.entry.country.as_deref() {
            continue;
        }
        let near = atoms.iter().enumerate().any(|(j, b)| {
            j != idx
                && doc.toks[b.t0].sent.abs_diff(sent) <= 1
                && b.entry.country.as_deref() == Some(c)
                && (b.role == FormRole::City || b.entry.kind == DKind::Place)
                && !is_ambiguous_place(b)
        });
        let prev = |k: usize| a.t0.checked_sub(k).map(|i| doc.toks[i].lower());
        let next = |k: usize| doc.toks.get(a.t1 + k - 1).map(|t| t.lower());
        let state_of = prev(1).as_deref() == Some("of") && prev(2).as_deref() == Some("state");
        let x_state = next(1).as_deref() == Some("state");
        let governor = doc.toks.get(a.t1).is_some_and(|t| t.is_possessive())
            && matches!(
                next(2).as_deref(),
                Some("governor" | "legislature" | "senator")
            );
        if near || state_of || x_state || governor {
            return Some((alt, role));
        }
    }
    None
}

fn is_ambiguous_place(a: &Atom) -> bool {
    a.entry.ambiguous().is_some() && a.entry.kind == DKind::Place
}

/// A country or city name glued to an unknown capitalised word is part of a
/// person's name ("Michael Jordan", "Jordan Peterson", "Chad Smith"): dropped here, so
/// that the name is found as a person.
fn drop_name_parts(doc: &Doc, atoms: &mut Vec<Atom>) {
    let mut in_atom = vec![false; doc.toks.len()];
    for a in atoms.iter() {
        for c in &mut in_atom[a.t0..a.t1] {
            *c = true;
        }
    }
    let unknown_cap = |t: usize, _atoms: &[Atom]| {
        doc.toks.get(t).is_some_and(|x| {
            x.cap()
                && x.is_word()
                && !x.is(STOP_CAPS)
                && !in_atom[t]
                && x.text.chars().any(char::is_lowercase)
        })
    };
    let mut drop = Vec::new();
    for (i, a) in atoms.iter().enumerate() {
        if a.entry.kind != DKind::Country
            || !matches!(
                a.role,
                FormRole::Name | FormRole::Short | FormRole::Capital | FormRole::City
            )
            || a.t1 - a.t0 != 1
        {
            continue;
        }
        let tok = &doc.toks[a.t0];
        if !tok.text.chars().any(char::is_lowercase) {
            continue;
        }
        let same_sent = |t: usize| doc.toks.get(t).is_some_and(|x| x.sent == tok.sent);
        let before = a.t0 > 0 && same_sent(a.t0 - 1) && unknown_cap(a.t0 - 1, atoms);
        let after = same_sent(a.t1) && unknown_cap(a.t1, atoms);
        if before || after {
            drop.push(i);
        }
    }
    for i in drop.into_iter().rev() {
        atoms.remove(i);
    }
}
