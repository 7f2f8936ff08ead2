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

use aras_schema::CameoCode;

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
    /// Dictionary codes that are not CAMEO codes (the KEDS/WEIS-era codes of PETRARCH's
    /// unit tests: `904`, `345`, `174L`), each with the unused CAMEO code that stands in
    /// for it while coding (see [`Lexicon::from_verb_dictionary`]).
    pub stand_ins: Vec<(String, CameoCode)>,
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
            fallback: Default::default(),
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
            #[allow(clippy::type_complexity)]
            let mut parsed: Vec<(Vec<Element>, Option<CameoCode>, Option<CameoCode>)> = Vec::new();
            for p in &entry.patterns {
                match parse_surface(&p.text, &synsets) {
                    Ok(elements) => match split_code(&p.code) {
                        Some((code, reverse)) => {
                            let code = code.map(|c| self.resolve_code(c, &mut report));
                            let reverse = reverse.map(|c| self.resolve_code(c, &mut report));
                            parsed.push((elements, code, reverse))
                        }
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
                let own = code.as_deref().and_then(split_code).map(|(c, r)| {
                    (
                        c.map(|c| self.resolve_code(c, &mut report)),
                        r.map(|r| self.resolve_code(r, &mut report)),
                    )
                });
                let mut make = |elements: Option<&[Element]>,
                                code: Option<CameoCode>,
                                reverse: Option<CameoCode>| {
                    let mut surface = Surface {
                        before: glue_before.clone(),
                        after: glue_after.clone(),
                        target_after: None,
                    };
                    if let Some(elements) = elements {
                        fill(&mut surface, elements);
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
                            code,
                            surface: Some(surface),
                            reverse_code: reverse,
                        });
                    report.patterns += 1;
                };
                for (elements, pcode, reverse) in &parsed {
                    make(Some(elements), *pcode, *reverse);
                }
                if let Some((c, r)) = own {
                    make(None, c, r);
                }
                lemmas.insert(head);
            }
        }
        report.verbs = lemmas.len();
        report
    }

    /// The CAMEO code a dictionary code codes as: itself when it is a CAMEO code (added to
    /// the table with its parent's facts if missing), else a stand-in.
    fn resolve_code(&mut self, raw: &str, report: &mut ImportedVerbs) -> CameoCode {
        match raw.parse::<CameoCode>() {
            Ok(code) => {
                self.ensure_code(code, report);
                code
            }
            Err(_) => self.stand_in(raw, report),
        }
    }

    /// A code outside CAMEO gets an unused four-digit code whose root makes the coder's
    /// root rules treat it as they treated the raw string: its own root where the first
    /// two characters are one (`174L` → root 17), else root 07 for codes that sort before
    /// `09` (`002`: a directed, non-statement code) and root 16 for the rest (`904`, `345`:
    /// undirected, not a campaign). The facts (PLOVER type, quad class, Goldstein) are the
    /// root's.
    fn stand_in(&mut self, raw: &str, report: &mut ImportedVerbs) -> CameoCode {
        if let Some((_, code)) = report.stand_ins.iter().find(|(r, _)| r == raw) {
            return *code;
        }
        let root = raw
            .get(..2)
            .and_then(|p| p.parse::<aras_schema::Root>().ok())
            .unwrap_or_else(|| {
                let n = if raw < "09" { 7 } else { 16 };
                aras_schema::Root::new(n).expect("a root")
            });
        let code = (0..100u8)
            .rev()
            .filter_map(|k| format!("{}{k:02}", root).parse::<CameoCode>().ok())
            .find(|c| !self.cameo.contains_key(c))
            .expect("a root has unused four-digit codes");
        let facts = self
            .cameo
            .get(&root.code())
            .cloned()
            .expect("every root is in the table");
        self.cameo.insert(
            code,
            CameoInfo {
                code,
                name: format!("stand-in for the imported code {raw}"),
                ..facts
            },
        );
        report.stand_ins.push((raw.to_string(), code));
        code
    }

    /// Adds a code the table lacks with the facts of its longest known prefix (`1010` →
    /// `101`; every root is in the table).
    fn ensure_code(&mut self, code: CameoCode, report: &mut ImportedVerbs) {
        if self.cameo.contains_key(&code) {
            return;
        }
        let s = code.as_str();
        let parent = (2..s.len())
            .rev()
            .find_map(|n| s[..n].parse().ok().and_then(|p| self.cameo.get(&p)))
            .cloned();
        let Some(p) = parent else { return };
        let info = CameoInfo {
            code,
            name: format!("{} (imported code {code})", p.name),
            ..p
        };
        self.cameo.insert(code, info);
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

/// `032:033` → (`032`, `033`); `---` is the null code (`None`); a code shorter than two
/// characters or not ASCII is unusable (`None` overall).
fn split_code(code: &str) -> Option<(Option<&str>, Option<&str>)> {
    let mut parts = code.split(':');
    let first = parts.next()?.trim();
    let reverse = parts
        .next()
        .map(str::trim)
        .filter(|r| *r != "---" && r.len() >= 2);
    if first.len() < 2 || !first.is_ascii() {
        return None;
    }
    Some(((first != "---").then_some(first), reverse))
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
            "&TIES\n+MILITARY\n+ECONOMIC_AID\n\n--- ABANDON [1245] ---\nABANDON\nKLM_+RST [0121]\n- * &TIES TIES [0879]\n- IN_* [075]\n- * + WITH [032:033]\n- * THINGS [902]\n",
            aras_import::Format::Petrarch,
        );
        let (lex, report) = Lexicon::from_verb_dictionary(&Lexicon::builtin().unwrap(), &dict);
        assert!(report.skipped.is_empty(), "{:?}", report.skipped);
        let p = lex.verb_patterns("abandon");
        assert_eq!(p.len(), 5);
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
        assert_eq!(p[2].code.unwrap(), "032");
        assert_eq!(p[2].reverse_code.unwrap(), "033");
        assert_eq!(p[2].surface.as_ref().unwrap().target_after, Some(0));
        assert_eq!(p[4].code.unwrap(), "1245");
        // The multi-word synonym: its own code, the block's patterns, "klm" glued before.
        let rst = lex.verb_patterns("rst");
        assert_eq!(rst.last().unwrap().code.unwrap(), "0121");
        assert_eq!(rst[0].surface.as_ref().unwrap().before[0], glued("klm"));
        // Codes the table lacks come in with their parent's facts.
        let added = |c: &str| lex.cameo(c.parse().unwrap()).cloned().unwrap();
        assert_eq!(added("0879").quad_class, added("087").quad_class);
        assert_eq!(added("1245").plover, added("124").plover);
        assert_eq!(report.added_codes, ["0879", "0121"]);
        // 902 is no CAMEO code (root 90): it codes as a stand-in of root 16, and the
        // report says which.
        let (raw, stand_in) = &report.stand_ins[0];
        assert_eq!((raw.as_str(), stand_in.root().number()), ("902", 16));
        assert_eq!(p[3].code, Some(*stand_in));
    }
}
