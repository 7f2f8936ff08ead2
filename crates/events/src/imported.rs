//! Coding with outside verb dictionaries: TABARI/PETRARCH verbs and patterns (read by
//! `aras-import`) turned into [`VerbPattern`]s with a [`Surface`].
//!
//! How a dictionary pattern is read:
//! - `*` is the verb; words before it must occur before the verb in the sentence, words
//!   after it after the verb, in order, with gaps allowed;
//! - `_` glues two items: no word may come between them (`IN_*`, `*_OUT`);
//! - `&NAME` is any phrase of the synonym set (nested sets expanded; plurals of the last
//!   word match unless the set's label ends with `_`);
//! - `+` marks where the target is (the first actor after the items before it); `$`, `%`
//!   and `^` (source, compound and skipped phrases) are not used for matching;
//! - PETRARCH-2 groupings `(FOR AID)` and `{FINANCIAL AID}` are read as words in order;
//! - a code pair `032:033` codes the event and, target to source, the reverse event;
//!   the null code `---` means the match makes no event.
//!
//! Every verb of a PETRARCH synonym block shares the block's patterns; a multi-word verb
//! (`WIRE_+TAP`, `+BREAK_DOWN`) adds its other words glued to the verb. The bare verb codes
//! with its own code (else the block's) when no pattern matches; a verb with the null code
//! makes an event only through a pattern. Without a pattern `+`, the target is the first
//! actor of the verb phrase ([`Slot::Phrase`]).

use std::collections::HashMap;

use aras_import::{Synset, VerbDictionary};

use crate::lexicon::{CameoInfo, Lexicon, Slot, Surface, SurfaceItem, VerbPattern};

/// What [`Lexicon::from_verb_dictionary`] made of a dictionary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportedVerbs {
    /// Verb lemmas (heads of verbs and synonyms) that got patterns.
    pub verbs: usize,
    /// Patterns made (including one bare-verb pattern per coded verb).
    pub patterns: usize,
    /// Codes the CAMEO table lacked, added with the facts of their nearest known parent.
    pub added_codes: Vec<String>,
    /// Dictionary patterns not used, with reasons (line, reason).
    pub skipped: Vec<(usize, String)>,
}

enum Element {
    Verb,
    Target,
    Item(SurfaceItem),
}

impl Lexicon {
    /// A lexicon that codes with an outside verb dictionary: `base`'s CAMEO table (codes
    /// the dictionary uses that the table lacks are added), the dictionary's verbs and
    /// patterns, and no event nouns (TABARI and PETRARCH code verbs only).
    pub fn from_verb_dictionary(base: &Lexicon, dict: &VerbDictionary) -> (Lexicon, ImportedVerbs) {
        let mut lex = Lexicon {
            cameo: base.cameo.clone(),
            verbs: HashMap::new(),
            nouns: HashMap::new(),
            verb_forms: HashMap::new(),
        };
        let report = lex.add_verb_dictionary(dict);
        (lex, report)
    }

    /// Adds an outside verb dictionary's verbs beside this lexicon's own patterns (the
    /// most specific matching pattern of either wins).
    pub fn merge_verb_dictionary(&mut self, dict: &VerbDictionary) -> ImportedVerbs {
        self.add_verb_dictionary(dict)
    }

    fn add_verb_dictionary(&mut self, dict: &VerbDictionary) -> ImportedVerbs {
        let mut report = ImportedVerbs::default();
        let synsets: HashMap<&str, &Synset> =
            dict.synsets.iter().map(|s| (s.name.as_str(), s)).collect();
        let mut lemmas = std::collections::BTreeSet::new();
        for entry in &dict.verbs {
            // Patterns once per entry; each verb of the block reuses them.
            let mut parsed: Vec<(Vec<Element>, String, Option<String>)> = Vec::new();
            for p in &entry.patterns {
                match parse_surface(&p.text, &synsets) {
                    Ok(elements) => match split_code(&p.code) {
                        Some((code, reverse)) => parsed.push((elements, code, reverse)),
                        None => report
                            .skipped
                            .push((p.line, format!("unusable code {:?}", p.code))),
                    },
                    Err(why) => report.skipped.push((p.line, why)),
                }
            }
            let verbs = std::iter::once((&entry.verb, &entry.head, &entry.code, &entry.forms))
                .chain(
                    entry
                        .synonyms
                        .iter()
                        .map(|s| (&s.verb, &s.head, &s.code, &s.forms)),
                );
            for (verb, head, code, forms) in verbs {
                let words: Vec<String> = verb.split(' ').map(str::to_lowercase).collect();
                let head = head.to_lowercase();
                let Some(hp) = words.iter().position(|w| *w == head) else {
                    continue;
                };
                for form in forms {
                    let fw: Vec<&str> = form.split(' ').collect();
                    if let Some(f) = fw.get(hp.min(fw.len().saturating_sub(1))) {
                        let f = f.to_lowercase();
                        if f != head {
                            self.verb_forms.insert(f, head.clone());
                        }
                    }
                }
                let glue_before: Vec<SurfaceItem> =
                    words[..hp].iter().rev().map(|w| glued(w)).collect();
                let glue_after: Vec<SurfaceItem> =
                    words[hp + 1..].iter().map(|w| glued(w)).collect();
                let mut make = |elements: Option<&[Element]>, code: &str, reverse: Option<&str>| {
                    let mut surface = Surface {
                        before: glue_before.clone(),
                        after: glue_after.clone(),
                        target_after: None,
                    };
                    if let Some(elements) = elements {
                        fill(&mut surface, elements);
                    }
                    self.ensure_code(code, &mut report);
                    if let Some(r) = reverse {
                        self.ensure_code(r, &mut report);
                    }
                    self.verbs
                        .entry(head.clone())
                        .or_default()
                        .push(VerbPattern {
                            lemma: head.clone(),
                            source: true,
                            target: Slot::Phrase,
                            literals: Vec::new(),
                            complement: None,
                            code: code.to_string(),
                            surface: Some(surface),
                            reverse_code: reverse.map(str::to_string),
                        });
                    report.patterns += 1;
                };
                for (elements, pcode, reverse) in &parsed {
                    make(Some(elements), pcode, reverse.as_deref());
                }
                if let Some((c, r)) = code.as_deref().and_then(split_code) {
                    make(None, &c, r.as_deref());
                }
                lemmas.insert(head);
            }
        }
        report.verbs = lemmas.len();
        report
    }

    /// Adds a code the table lacks with the facts of its longest known prefix (`1010` →
    /// `101`), else as an uncategorised code.
    fn ensure_code(&mut self, code: &str, report: &mut ImportedVerbs) {
        if code == "---" || self.cameo.contains_key(code) {
            return;
        }
        let parent = (2..code.len())
            .rev()
            .find_map(|n| code.get(..n).and_then(|p| self.cameo.get(p)))
            .cloned();
        let info = match parent {
            Some(p) => CameoInfo {
                name: format!("{} (imported code {code})", p.name),
                ..p
            },
            None => CameoInfo {
                name: format!("imported code {code}"),
                plover: "OTHER".into(),
                quad_class: 0,
                goldstein: 0.0,
            },
        };
        self.cameo.insert(code.to_string(), info);
        report.added_codes.push(code.to_string());
    }
}

fn glued(word: &str) -> SurfaceItem {
    SurfaceItem {
        phrases: vec![vec![word.to_string()]],
        plurals: false,
        adjacent: true,
    }
}

/// `032:033` → ("032", Some("033")); `---` stays the null code; codes shorter than two
/// characters are unusable.
fn split_code(code: &str) -> Option<(String, Option<String>)> {
    let mut parts = code.split(':');
    let first = parts.next()?.trim().to_string();
    let reverse = parts
        .next()
        .map(|r| r.trim().to_string())
        .filter(|r| r != "---" && r.len() >= 2);
    (first.len() >= 2 && first.is_ascii()).then_some((first, reverse))
}

/// Appends a parsed pattern's items to the surface (after any multi-word verb glue).
fn fill(surface: &mut Surface, elements: &[Element]) {
    let Some(v) = elements.iter().position(|e| matches!(e, Element::Verb)) else {
        return;
    };
    for e in elements[..v].iter().rev() {
        if let Element::Item(i) = e {
            surface.before.push(i.clone());
        }
    }
    for e in &elements[v + 1..] {
        match e {
            Element::Item(i) => surface.after.push(i.clone()),
            Element::Target => {
                if surface.target_after.is_none() {
                    surface.target_after = Some(surface.after.len());
                }
            }
            Element::Verb => {}
        }
    }
}

/// Reads a pattern's text into elements; `adjacent` on an item means glued to its
/// neighbour nearer the verb.
fn parse_surface(text: &str, synsets: &HashMap<&str, &Synset>) -> Result<Vec<Element>, String> {
    // (element, glued to the previous element)
    let mut flat: Vec<(Option<Element>, bool)> = Vec::new();
    for token in text.split_whitespace() {
        let token = token.trim_matches(|c| matches!(c, '(' | ')' | '{' | '}'));
        for (k, piece) in token.split('_').enumerate() {
            let piece = piece.trim_matches(|c| matches!(c, '(' | ')' | '{' | '}'));
            if piece.is_empty() {
                continue;
            }
            let el = match piece {
                "*" => Some(Element::Verb),
                "+" => Some(Element::Target),
                "$" | "%" | "^" => None,
                p if p.starts_with('&') => {
                    let phrases = expand(p, synsets, 0)?;
                    let plurals = synsets.get(p).is_some_and(|s| !s.no_plurals);
                    Some(Element::Item(SurfaceItem {
                        phrases,
                        plurals,
                        adjacent: false,
                    }))
                }
                p if p
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '-' | '.' | ',')) =>
                {
                    Some(Element::Item(SurfaceItem {
                        phrases: vec![vec![p.to_lowercase()]],
                        plurals: false,
                        adjacent: false,
                    }))
                }
                p => return Err(format!("unreadable pattern word {p:?}")),
            };
            flat.push((el, k > 0));
        }
    }
    let v = flat
        .iter()
        .position(|(e, _)| matches!(e, Some(Element::Verb)))
        .ok_or_else(|| "no * (the verb)".to_string())?;
    // Glue: a before-item is adjacent when glued to the element after it; an after-item
    // when glued to the element before it.
    let n = flat.len();
    let glue_next: Vec<bool> = (0..n)
        .map(|i| flat.get(i + 1).is_some_and(|(_, g)| *g))
        .collect();
    let mut out = Vec::new();
    for (i, (el, glued_prev)) in flat.into_iter().enumerate() {
        match el {
            Some(Element::Item(mut item)) => {
                item.adjacent = if i < v { glue_next[i] } else { glued_prev };
                out.push(Element::Item(item));
            }
            Some(e) => out.push(e),
            None => {}
        }
    }
    Ok(out)
}

fn expand(
    name: &str,
    synsets: &HashMap<&str, &Synset>,
    depth: u8,
) -> Result<Vec<Vec<String>>, String> {
    let set = synsets
        .get(name)
        .ok_or_else(|| format!("undefined synonym set {name}"))?;
    if depth > 4 {
        return Err(format!("synonym sets nested too deep at {name}"));
    }
    let mut out = Vec::new();
    for m in &set.members {
        if m.starts_with('&') {
            out.extend(expand(m.trim(), synsets, depth + 1)?);
        } else {
            out.push(m.split_whitespace().map(str::to_lowercase).collect());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_glue_synsets_and_code_pairs() {
        let dict = aras_import::read_verb_dictionary(
            "&TIES\n+MILITARY\n+ECONOMIC_AID\n\n--- ABANDON [345] ---\nABANDON\nKLM_+RST [002]\n- * &TIES TIES [902]\n- IN_* [075]\n- * + WITH [032:033]\n",
            aras_import::Format::Petrarch,
        );
        let (lex, report) = Lexicon::from_verb_dictionary(&Lexicon::builtin().unwrap(), &dict);
        assert!(report.skipped.is_empty(), "{:?}", report.skipped);
        let p = lex.verb_patterns("abandon");
        assert_eq!(p.len(), 4);
        let sf = p[0].surface.as_ref().unwrap();
        assert_eq!(
            sf.after[0].phrases,
            vec![
                vec!["military".to_string()],
                vec!["economic".into(), "aid".into()]
            ]
        );
        assert!(sf.after[0].plurals && !sf.after[0].adjacent);
        assert_eq!(p[1].surface.as_ref().unwrap().before, vec![glued("in")]);
        assert_eq!(p[2].code, "032");
        assert_eq!(p[2].reverse_code.as_deref(), Some("033"));
        assert_eq!(p[2].surface.as_ref().unwrap().target_after, Some(0));
        assert_eq!(p[3].code, "345");
        // The multi-word synonym: its own code, the block's patterns, "klm" glued before.
        let rst = lex.verb_patterns("rst");
        assert_eq!(rst.last().unwrap().code, "002");
        assert_eq!(rst[0].surface.as_ref().unwrap().before[0], glued("klm"));
        assert!(lex.cameo("902").is_some() && lex.cameo("345").is_some());
    }
}
