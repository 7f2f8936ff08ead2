//! Rule-based English lemmas by Penn XPOS, for words the training table never saw.
//!
//! Irregular forms (went, children, better) come from the learned exception table in
//! the tagger; these rules only need to cover regular inflection. Where a stem is
//! ambiguous between "stop"/"stope" style readings, a lexicon of lemmas seen in training
//! decides first and a spelling heuristic second.

/// Appends the lemma of `form` (tagged `xpos`) to `out`, allocation-free once `out` has
/// capacity. `known` says whether a lowercase string is a lemma seen in training.
pub(crate) fn rule_lemma(form: &str, xpos: &str, known: &dyn Fn(&str) -> bool, out: &mut String) {
    let start = out.len();
    match xpos {
        // Proper nouns keep their spelling; plural ones lose the plural.
        "NNP" => out.push_str(form),
        "NNPS" => {
            out.push_str(form);
            plural(out, start, known);
        }
        _ => {
            push_lower(form, out);
            match xpos {
                "NNS" => plural(out, start, known),
                "VBZ" => third_person(out, start),
                "VBD" | "VBN" => suffix_ed(out, start, known),
                "VBG" => suffix_ing(out, start, known),
                "JJR" | "RBR" => comparative(out, start, "er", known),
                "JJS" | "RBS" => comparative(out, start, "est", known),
                _ => {}
            }
        }
    }
}

/// Lowercases into `out` (ASCII fast path).
pub(crate) fn push_lower(form: &str, out: &mut String) {
    if form.is_ascii() {
        for b in form.bytes() {
            out.push(b.to_ascii_lowercase() as char);
        }
    } else {
        for c in form.chars() {
            out.extend(c.to_lowercase());
        }
    }
}

fn ends(out: &str, start: usize, suffix: &str) -> bool {
    let t = &out.as_bytes()[start..];
    t.len() >= suffix.len() && t[t.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

fn replace_suffix(out: &mut String, drop: usize, add: &str) {
    let keep = out.len() - drop;
    if out.is_char_boundary(keep) {
        out.truncate(keep);
        out.push_str(add);
    }
}

fn stem_len(out: &str, start: usize) -> usize {
    out.len() - start
}

/// cats → cat, studies → study, boxes → box, women → woman.
fn plural(out: &mut String, start: usize, known: &dyn Fn(&str) -> bool) {
    let n = stem_len(out, start);
    if n < 3 {
        return;
    }
    if ends(out, start, "ies") && n > 4 {
        replace_suffix(out, 3, "y");
    } else if ["sses", "xes", "zzes", "ches", "shes"]
        .iter()
        .any(|s| ends(out, start, s))
    {
        replace_suffix(out, 2, "");
    } else if ["ss", "us", "is"].iter().any(|s| ends(out, start, s)) {
    } else if ends(out, start, "men") && n > 4 {
        replace_suffix(out, 3, "man");
    } else if ends(out, start, "s") {
        replace_suffix(out, 1, "");
        // "buses"/"cases": prefer what the lexicon knows.
        if ends(out, start, "se") && !known(&out[start..]) {
            let t = &out[start..out.len() - 1];
            if known(t) {
                out.pop();
            }
        }
    }
}

/// goes → go, tries → try, watches → watch, says → say.
fn third_person(out: &mut String, start: usize) {
    let n = stem_len(out, start);
    if n < 3 {
        return;
    }
    if ends(out, start, "ies") && n > 4 {
        replace_suffix(out, 3, "y");
    } else if ["sses", "xes", "zzes", "ches", "shes", "oes"]
        .iter()
        .any(|s| ends(out, start, s))
    {
        replace_suffix(out, 2, "");
    } else if ends(out, start, "ss") {
    } else if ends(out, start, "s") {
        replace_suffix(out, 1, "");
    }
}

/// stopped → stop, tried → try, agreed → agree, used → use, called → call.
fn suffix_ed(out: &mut String, start: usize, known: &dyn Fn(&str) -> bool) {
    let n = stem_len(out, start);
    if n < 4 || !ends(out, start, "ed") {
        return;
    }
    if ends(out, start, "ied") && n > 4 {
        replace_suffix(out, 3, "y");
    } else if ends(out, start, "eed") {
        replace_suffix(out, 1, "");
    } else {
        replace_suffix(out, 2, "");
        restore_stem(out, start, known);
    }
}

/// running → run, making → make, calling → call.
fn suffix_ing(out: &mut String, start: usize, known: &dyn Fn(&str) -> bool) {
    let n = stem_len(out, start);
    if n < 5 || !ends(out, start, "ing") {
        return;
    }
    replace_suffix(out, 3, "");
    restore_stem(out, start, known);
}

/// bigger → big, happiest → happy, larger → large.
fn comparative(out: &mut String, start: usize, suffix: &str, known: &dyn Fn(&str) -> bool) {
    let n = stem_len(out, start);
    if n < suffix.len() + 3 || !ends(out, start, suffix) {
        return;
    }
    replace_suffix(out, suffix.len(), "");
    if ends(out, start, "i") {
        replace_suffix(out, 1, "y");
        return;
    }
    restore_stem(out, start, known);
}

/// After stripping -ed/-ing/-er: undoubles a final consonant (stopp → stop) or restores
/// a silent e (us → use), consulting the lexicon before the spelling heuristics.
fn restore_stem(out: &mut String, start: usize, known: &dyn Fn(&str) -> bool) {
    if known(&out[start..]) && !ends_double(out, start) {
        return;
    }
    if ends_double(out, start) {
        if known(&out[start..]) {
            return; // add, pass
        }
        let b = out.as_bytes()[out.len() - 1];
        if b"bdgmnprtvz".contains(&b) {
            out.pop();
        }
        return;
    }
    out.push('e');
    if known(&out[start..]) {
        return;
    }
    out.pop();
    if needs_e(&out.as_bytes()[start..]) {
        out.push('e');
    }
}

fn ends_double(out: &str, start: usize) -> bool {
    let t = &out.as_bytes()[start..];
    let n = t.len();
    n >= 3 && t[n - 1] == t[n - 2] && !is_vowel(t[n - 1]) && t[n - 1].is_ascii_alphabetic()
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Spelling guess for an unknown stem: does it want its silent e back?
fn needs_e(t: &[u8]) -> bool {
    let n = t.len();
    if n < 2 {
        return false;
    }
    let last = t[n - 1];
    let prev = t[n - 2];
    // consonant + single vowel + last, e.g. "us", "nam", "shap".
    // ("qu" counts as a consonant: requir, acquir.)
    let single_vowel = is_vowel(prev)
        && (n < 3 || !is_vowel(t[n - 3]) || (t[n - 3] == b'u' && n >= 4 && t[n - 4] == b'q'));
    match last {
        b'v' | b'c' | b'u' => true,
        b'z' => prev != b'z',
        b'l' => b"bcdfgkptz".contains(&prev) || (single_vowel && matches!(prev, b'i' | b'u')),
        b'g' => {
            matches!(prev, b'd' | b'r')
                || (n >= 3 && &t[n - 3..] == b"ang")
                || (n >= 3 && &t[n - 3..] == b"eng")
        }
        b's' => single_vowel,
        b'r' => single_vowel && prev != b'e',
        b'm' | b'k' | b'd' => single_vowel,
        b'n' => single_vowel && matches!(prev, b'i' | b'u'),
        b't' => single_vowel && matches!(prev, b'a' | b'u' | b'o'),
        b'p' => single_vowel && prev == b'a',
        b'b' => single_vowel && matches!(prev, b'i' | b'o'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lemma(form: &str, xpos: &str, lexicon: &[&str]) -> String {
        let known = |s: &str| lexicon.contains(&s);
        let mut out = String::from("prefix:");
        rule_lemma(form, xpos, &known, &mut out);
        out.strip_prefix("prefix:").unwrap().to_string()
    }

    #[test]
    fn rules_without_lexicon() {
        let cases = [
            ("studies", "NNS", "study"),
            ("cats", "NNS", "cat"),
            ("boxes", "NNS", "box"),
            ("churches", "NNS", "church"),
            ("classes", "NNS", "class"),
            ("women", "NNS", "woman"),
            ("crisis", "NN", "crisis"),
            ("Americans", "NNPS", "American"),
            ("Obama", "NNP", "Obama"),
            ("The", "DT", "the"),
            ("stopped", "VBD", "stop"),
            ("planned", "VBN", "plan"),
            ("tried", "VBD", "try"),
            ("agreed", "VBD", "agree"),
            ("called", "VBN", "call"),
            ("used", "VBN", "use"),
            ("announced", "VBD", "announce"),
            ("involved", "VBN", "involve"),
            ("named", "VBN", "name"),
            ("located", "VBN", "locate"),
            ("wanted", "VBD", "want"),
            ("visited", "VBD", "visit"),
            ("offered", "VBD", "offer"),
            ("required", "VBN", "require"),
            ("handled", "VBD", "handle"),
            ("judged", "VBD", "judge"),
            ("changed", "VBD", "change"),
            ("running", "VBG", "run"),
            ("making", "VBG", "make"),
            ("calling", "VBG", "call"),
            ("providing", "VBG", "provide"),
            ("talking", "VBG", "talk"),
            ("goes", "VBZ", "go"),
            ("watches", "VBZ", "watch"),
            ("tries", "VBZ", "try"),
            ("says", "VBZ", "say"),
            ("bigger", "JJR", "big"),
            ("happiest", "JJS", "happy"),
            ("smaller", "JJR", "small"),
            ("STOPPED", "VBD", "stop"),
            ("Ärzte", "NN", "ärzte"),
        ];
        for (form, xpos, want) in cases {
            assert_eq!(lemma(form, xpos, &[]), want, "{form}/{xpos}");
        }
    }

    #[test]
    fn lexicon_decides_ambiguous_stems() {
        assert_eq!(lemma("created", "VBD", &["create"]), "create");
        assert_eq!(lemma("treated", "VBD", &["treat"]), "treat");
        assert_eq!(lemma("added", "VBD", &["add"]), "add");
        assert_eq!(lemma("larger", "JJR", &["large"]), "large");
        assert_eq!(lemma("houses", "NNS", &["house"]), "house");
        assert_eq!(lemma("buses", "NNS", &["bus"]), "bus");
    }

    #[test]
    fn short_and_odd_forms_do_not_panic() {
        for form in ["", "s", "ed", "ing", "ées", "ñed", "xx", "’s"] {
            for xpos in [
                "NNS", "NNPS", "VBZ", "VBD", "VBN", "VBG", "JJR", "JJS", "RBR",
            ] {
                let _ = lemma(form, xpos, &[]);
            }
        }
    }
}
