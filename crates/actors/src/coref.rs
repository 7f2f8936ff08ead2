//! Coreference and context, in document order: pronouns, surnames, definite
//! descriptions, "the country", possessive pronouns before agents, and agents with no
//! country.

use aras_dict::FormRole;

use crate::build::{compose_code, Builder, Draft, Need};
use crate::Kind;
use crate::ResolvedBy;

/// How many sentences back a pronoun looks.
const PRONOUN_WINDOW: usize = 3;
/// How many sentences back a definite description looks.
const DEFINITE_WINDOW: usize = 25;

pub(crate) fn resolve(b: &mut Builder) {
    b.drafts.sort_by_key(|d| (d.t0, d.t1));
    let main = main_country(b);
    for k in 0..b.drafts.len() {
        let need = b.drafts[k].need.clone();
        match need {
            Need::Nothing => {
                // A dictionary surname after the full name: same entry, linked.
                let d = &b.drafts[k];
                if d.kind == Kind::Person && d.form_role == Some(FormRole::Surname) {
                    let name = d.name.clone();
                    let ant = (0..k).rev().find(|&j| {
                        b.drafts[j].kind == Kind::Person
                            && b.drafts[j].name == name
                            && b.drafts[j].resolved_by != ResolvedBy::Coreference
                    });
                    b.drafts[k].antecedent = ant;
                }
            }
            Need::Context => {
                let c = context_country(b, k, main.as_deref());
                let d = &mut b.drafts[k];
                let sector = d.sector.clone();
                d.country = c.clone();
                d.code = compose_code(c.as_deref(), sector.as_deref());
                if d.resolved_by != ResolvedBy::Title {
                    d.resolved_by = ResolvedBy::Context;
                }
                if d.former {
                    d.make_former();
                }
            }
            Need::Definite { head } => {
                let ant = definite(b, k, &head);
                match ant {
                    Some(j) => {
                        let src = b.drafts[j].clone();
                        let d = &mut b.drafts[k];
                        d.set_code(src.country.as_deref(), d.sector.clone().as_deref());
                        if src.sector == d.sector {
                            d.code = src.code.clone();
                        }
                        d.antecedent = Some(j);
                        d.resolved_by = ResolvedBy::Coreference;
                        d.name = src.name.clone();
                        if d.role.is_none() {
                            d.role = src.role.clone();
                        }
                    }
                    None => {
                        let c = context_country(b, k, main.as_deref());
                        let d = &mut b.drafts[k];
                        let sector = d.sector.clone();
                        d.country = c.clone();
                        d.code = compose_code(c.as_deref(), sector.as_deref());
                        d.resolved_by = ResolvedBy::Context;
                    }
                }
            }
            Need::PossPron { pron } => match pronoun(b, k, &pron) {
                Some(j) if b.drafts[j].country.is_some() => {
                    let c = b.drafts[j].country.clone();
                    let d = &mut b.drafts[k];
                    let sector = d.sector.clone();
                    d.country = c.clone();
                    d.code = compose_code(c.as_deref(), sector.as_deref());
                    d.antecedent = Some(j);
                    d.resolved_by = ResolvedBy::Coreference;
                }
                _ => {
                    let c = context_country(b, k, main.as_deref());
                    let d = &mut b.drafts[k];
                    let sector = d.sector.clone();
                    d.country = c.clone();
                    d.code = compose_code(c.as_deref(), sector.as_deref());
                    d.resolved_by = ResolvedBy::Context;
                }
            },
            Need::Pronoun { pron } => match pronoun(b, k, &pron) {
                Some(j) => copy_from(b, k, j),
                None => drop(b, k),
            },
            Need::TheCountry => {
                let ant = (0..k).rev().find(|&j| {
                    let d = &b.drafts[j];
                    d.kind == Kind::Country
                        && d.need == Need::Nothing
                        && d.country.is_some()
                        && !matches!(d.form_role, Some(FormRole::Adj | FormRole::Demonym))
                });
                match ant {
                    Some(j) => copy_from(b, k, j),
                    None => drop(b, k),
                }
            }
            Need::Surname => {
                let word = b.doc.toks[b.drafts[k].t0].text.to_string();
                let ant = (0..k).rev().find(|&j| {
                    let d = &b.drafts[j];
                    d.kind == Kind::Person
                        && d.need == Need::Nothing
                        && d.name.as_deref().is_some_and(|n| {
                            let parts: Vec<&str> = n.split_whitespace().collect();
                            parts.len() >= 2 && parts[parts.len() - 1] == word
                        })
                });
                match ant {
                    Some(j) => copy_from(b, k, j),
                    None => {
                        // A surname-like country name with no person before it is
                        // the country after all.
                        if b.drafts[k].kind == Kind::Country {
                            b.drafts[k].need = Need::Nothing;
                        } else {
                            drop(b, k);
                        }
                    }
                }
            }
        }
        b.drafts[k].need = Need::Nothing;
    }
}

fn drop(b: &mut Builder, k: usize) {
    let d = &mut b.drafts[k];
    d.t1 = d.t0;
    d.need = Need::Nothing;
}

/// Copies the actor of draft `j` into draft `k` (a pronoun, surname, "the country").
fn copy_from(b: &mut Builder, k: usize, j: usize) {
    let src = b.drafts[j].clone();
    let d = &mut b.drafts[k];
    d.code = src.code;
    d.country = src.country;
    d.sector = src.sector;
    d.kind = src.kind;
    d.name = src.name;
    d.role = src.role;
    d.plural = src.plural;
    d.form_role = src.form_role;
    d.resolved_by = ResolvedBy::Coreference;
    d.antecedent = Some(j);
    d.need = Need::Nothing;
}

/// The country mentioned most often (ties: the earliest).
fn main_country(b: &Builder) -> Option<String> {
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    for (i, d) in b.drafts.iter().enumerate() {
        if d.need != Need::Nothing || d.kind == Kind::Group {
            continue;
        }
        if let Some(c) = &d.country {
            match counts.iter_mut().find(|(x, _, _)| x == c) {
                Some(e) => e.1 += 1,
                None => counts.push((c.clone(), 1, i)),
            }
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|(c, _, _)| c)
}

/// The nearest country before draft `k` in its sentence, else the main country.
fn context_country(b: &Builder, k: usize, main: Option<&str>) -> Option<String> {
    let (t0, t1) = (b.drafts[k].t0, b.drafts[k].t1);
    let sent = b.doc.toks[t0].sent;
    // The nearest country in the sentence, before or after ("Foreign Minister John Chan
    // said ..., adding that Taiwan had ..."); at equal distance the one before.
    let mut best: Option<(usize, bool, &str)> = None;
    // Drafts are sorted by position (`resolve`), so the sentence's drafts are one run of
    // them, found by binary search: a pass over every draft of the document for each
    // draft made a long document quadratic (issue 16).
    let sent_of = |d: &Draft| b.doc.toks.get(d.t0).map_or(usize::MAX, |t| t.sent);
    let lo = b.drafts.partition_point(|d| sent_of(d) < sent);
    let hi = b.drafts.partition_point(|d| sent_of(d) <= sent);
    for (j, d) in b.drafts.iter().enumerate().take(hi).skip(lo) {
        if j == k || d.t0 >= d.t1 || b.doc.toks[d.t0].sent != sent {
            continue;
        }
        if d.kind == Kind::Group || d.need != Need::Nothing {
            continue;
        }
        let Some(c) = d.country.as_deref() else {
            continue;
        };
        let (dist, after) = if d.t1 <= t0 {
            (t0 - d.t1, false)
        } else if d.t0 >= t1 {
            // After it, a nationality adjective belongs to another party ("a militant was
            // killed in an Israeli air strike"); a name or a place may say where it is.
            if b.doc.toks[d.t0].upos == "ADJ" {
                continue;
            }
            (d.t0 - t1, true)
        } else {
            continue;
        };
        if best.is_none_or(|(bd, ba, _)| (dist, after) < (bd, ba)) {
            best = Some((dist, after, c));
        }
    }
    if let Some((_, _, c)) = best {
        return Some(c.to_string());
    }
    // Then the dateline's country, then the document's.
    b.dateline_country
        .get(sent)
        .cloned()
        .flatten()
        .or_else(|| main.map(str::to_string))
}

/// An earlier mention with the same sector whose text or role has the head word.
fn definite(b: &Builder, k: usize, head: &str) -> Option<usize> {
    let d = &b.drafts[k];
    let sent = b.doc.toks[d.t0].sent;
    // Drafts are sorted by position: the search ends at the first draft beyond the window
    // rather than going on over the whole document (issue 16).
    let in_window = |c: &Draft| c.t0 >= c.t1 || sent - b.doc.toks[c.t0].sent <= DEFINITE_WINDOW;
    (0..k)
        .rev()
        .take_while(|&j| in_window(&b.drafts[j]))
        .find(|&j| {
            let c = &b.drafts[j];
            c.t0 < c.t1
                && sent - b.doc.toks[c.t0].sent <= DEFINITE_WINDOW
                && c.need == Need::Nothing
                && c.country.is_some()
                && c.sector == d.sector
                && (b.doc.span_text(c.t0, c.t1).to_lowercase().contains(head)
                    || c.role
                        .as_deref()
                        .is_some_and(|r| r.to_lowercase().contains(head)))
        })
}

fn compatible(d: &Draft, pron: &str) -> bool {
    if d.t0 >= d.t1 || d.need != Need::Nothing {
        return false;
    }
    match pron {
        "he" | "she" | "him" | "his" | "her" | "hers" | "himself" | "herself" => {
            d.kind == Kind::Person && !d.plural
        }
        "it" | "its" | "itself" => {
            (d.kind == Kind::Country
                && !matches!(d.form_role, Some(FormRole::Adj | FormRole::Demonym)))
                || (d.kind == Kind::Organization && !d.plural)
        }
        _ => d.plural || matches!(d.kind, Kind::Group),
    }
}

/// The antecedent of the pronoun in draft `k`: the nearest compatible mention before
/// it in its sentence, else in the previous sentences (up to three back), preferring
/// a subject (a nominal subject in the parse, else the sentence's first compatible
/// mention).
fn pronoun(b: &Builder, k: usize, pron: &str) -> Option<usize> {
    let d = &b.drafts[k];
    let sent = b.doc.toks[d.t0].sent;
    let mut by_sent: Vec<Vec<usize>> = vec![Vec::new(); PRONOUN_WINDOW + 1];
    for j in (0..k).rev() {
        let c = &b.drafts[j];
        if c.t0 >= c.t1 {
            continue;
        }
        let cs = b.doc.toks[c.t0].sent;
        if sent - cs > PRONOUN_WINDOW {
            break;
        }
        if c.t1 > d.t0 || !compatible(c, pron) {
            continue;
        }
        by_sent[sent - cs].push(j);
    }
    if let Some(&j) = by_sent[0].first() {
        return Some(j);
    }
    for cands in &by_sent[1..] {
        if cands.is_empty() {
            continue;
        }
        let subj = cands.iter().rev().copied().find(|&j| {
            let c = &b.drafts[j];
            (c.t0..c.t1).any(|t| b.doc.toks[t].deprel.starts_with("nsubj"))
        });
        return Some(subj.unwrap_or(*cands.last().expect("not empty")));
    }
    None
}
