//! The heads of a trigger's roles in the parse: the subjects of a verb (the passive agent;
//! inherited through conjuncts, control and participles), its objects (the passive
//! subject in the passive), its prepositional slots and phrase, and the source and target
//! phrases of an event noun (possessor, nationality adjective, `by`, listed prepositions,
//! the subject of a light verb). Tolerates the frequent attachment errors.

use super::sentence::Sent;
use crate::lexicon::NounEntry;
use crate::CameoCode;
use aras_lex::words;

/// Target candidates in the verb's phrase, in order: the object (the subject in the
/// passive), then nominal dependents after the verb and inside them, then the subject of
/// a complement clause ("believes Dagolath can cope"). Adverbial clauses, relative
/// clauses and the passive agent are not part of it.
pub(super) fn phrase_targets(s: &Sent, v: usize) -> Vec<usize> {
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
pub(super) fn prep_dependents(s: &Sent, v: usize, preps: &[&str]) -> Vec<usize> {
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
pub(super) fn objects(s: &Sent, v: usize) -> Vec<usize> {
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
pub(super) fn subjects(s: &Sent, v: usize) -> Vec<usize> {
    subjects_depth(s, v, 0)
}

pub(super) fn subjects_depth(s: &Sent, v: usize, depth: u8) -> Vec<usize> {
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

/// The source and target heads of the event noun at `i` read with entry `e`. With
/// `named_governor` the verb governing the noun is named by one of the noun's entries
/// ("called a general strike": `call strike`) and lends the noun its subject, whichever
/// entry codes it.
pub(super) fn noun_roles(
    s: &Sent,
    i: usize,
    e: &NounEntry,
    named_governor: bool,
) -> (Vec<usize>, Vec<usize>) {
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
    if targets.is_empty() && !preps.contains(&"between") {
        // "the war between Israel and Hezbollah", "clashes erupted between police and
        // protesters": the first party is the source, the parties joined to it the targets.
        if let Some((a, others)) = between_parties(s, i) {
            sources = vec![a];
            targets = others;
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
                // A governing verb an entry names ("went on strike") lends its subject.
                _ if named_governor => sources = subjects(s, h),
                // "told Jiang during a visit to China", "is in Hanoi for a state visit to
                // Vietnam", "spoke after talks with Abul Gheit": a meeting or visit framing
                // the clause is its subject's. Only meetings: "condemned Y after the attack
                // on Z" says nothing of who attacked.
                _ if frames_clause(s, i, e.code) => sources = subjects(s, h),
                _ => {}
            }
        }
    }
    (sources, targets)
}

/// A meeting or visit noun in an adjunct that frames its clause ("during a visit to
/// China"): it is the clause subject's and shares the clause's modality.
pub(super) fn frames_clause(s: &Sent, i: usize, code: CameoCode) -> bool {
    code.root().number() == 4
        && matches!(s.base_rel(i), "obl" | "nmod")
        && s.case(i)
            .is_some_and(|c| words().framing_preps().contains(c))
}

/// The parties of a "between A and B" phrase on the noun, or on the verb the noun is the
/// subject of: A and the heads conjoined to it.
fn between_parties(s: &Sent, i: usize) -> Option<(usize, Vec<usize>)> {
    let on_noun = s
        .kids(i)
        .iter()
        .copied()
        .find(|&c| matches!(s.base_rel(c), "nmod" | "obl") && s.case(c) == Some("between"));
    let phrase = on_noun.or_else(|| {
        let h = s.head(i)?;
        if s.base_rel(i) != "nsubj" {
            return None;
        }
        s.kids(h)
            .iter()
            .copied()
            .find(|&c| s.base_rel(c) == "obl" && s.case(c) == Some("between"))
    })?;
    let others: Vec<usize> = s.kids_rel(phrase, "conj").collect();
    (!others.is_empty()).then_some((phrase, others))
}

/// A possessor or nationality adjective right before the noun when the parse attached it
/// elsewhere: "Israel's furious, unprecedented barrage".
pub(super) fn surface_possessor(s: &Sent, i: usize) -> Option<usize> {
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
