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
                "VBD" | "VBN" => match irregular_past(&out[start..]) {
                    Some(base) => replace_suffix(out, out.len() - start, base),
                    None => suffix_ed(out, start, known),
                },
                "VBG" => suffix_ing(out, start, known),
                "JJR" | "RBR" => comparative(out, start, "er", known),
                "JJS" | "RBS" => comparative(out, start, "est", known),
                _ => {}
            }
        }
    }
}

/// Which of VBD and VBN an irregular past form can be: "froze" only a simple past (its
/// participle is "frozen"), "frozen" only a participle, "fled" either. Read only for forms
/// training never showed, whose context features alone picked VBN for "The EU and the US,
/// which consider Hamas a terrorist group, froze aid" and so lost the clause's verb.
pub(crate) fn irregular_past_tags(lower: &str) -> &'static [&'static str] {
    const PAST: &[&str] = &["VBD"];
    const PARTICIPLE: &[&str] = &["VBN"];
    const EITHER: &[&str] = &["VBD", "VBN"];
    match lower {
        "arose" | "ate" | "awoke" | "became" | "began" | "blew" | "broke" | "came" | "chose"
        | "did" | "drank" | "drew" | "drove" | "fell" | "flew" | "forbade" | "foresaw"
        | "forgave" | "forgot" | "froze" | "gave" | "grew" | "hid" | "knew" | "mistook"
        | "outgrew" | "overcame" | "overran" | "overrode" | "oversaw" | "overthrew"
        | "overtook" | "ran" | "rang" | "retook" | "rode" | "rose" | "sang" | "sank" | "saw"
        | "shook" | "shrank" | "slew" | "spoke" | "sprang" | "stole" | "strove" | "swam"
        | "swore" | "threw" | "took" | "tore" | "undertook" | "underwent" | "undid" | "went"
        | "withdrew" | "woke" | "wore" | "wove" | "wrote" => PAST,
        "arisen" | "awoken" | "beaten" | "begun" | "bitten" | "blown" | "borne" | "broken"
        | "chosen" | "done" | "drawn" | "driven" | "eaten" | "fallen" | "flown" | "forbidden"
        | "foreseen" | "forgiven" | "forgotten" | "frozen" | "given" | "gone" | "gotten"
        | "grown" | "hidden" | "known" | "mistaken" | "outgrown" | "overridden" | "overseen"
        | "overtaken" | "overthrown" | "retaken" | "ridden" | "risen" | "rung" | "seen"
        | "shaken" | "shown" | "shrunk" | "slain" | "spoken" | "sprung" | "stolen" | "striven"
        | "sung" | "sunk" | "sworn" | "swum" | "taken" | "thrown" | "torn" | "trodden"
        | "undergone" | "undertaken" | "undone" | "withdrawn" | "woken" | "worn" | "woven"
        | "written" => PARTICIPLE,
        _ => EITHER,
    }
}

/// The base form of an irregular past tense or participle. The tagger's learned table
/// holds only the (form, tag) pairs its training data showed: "fought" occurs there as a
/// participle but never as a past tense, so without this list "Israel fought a war" has
/// the lemma "fought" and no verb rule can read it.
pub(crate) fn irregular_past(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "arisen" => "arise",
        "arose" => "arise",
        "ate" => "eat",
        "awoke" => "awake",
        "awoken" => "awake",
        "beaten" => "beat",
        "became" => "become",
        "began" => "begin",
        "begun" => "begin",
        "bent" => "bend",
        "bit" => "bite",
        "bitten" => "bite",
        "bled" => "bleed",
        "blew" => "blow",
        "blown" => "blow",
        "bore" => "bear",
        "born" => "bear",
        "borne" => "bear",
        "bought" => "buy",
        "bound" => "bind",
        "bred" => "breed",
        "broke" => "break",
        "broken" => "break",
        "brought" => "bring",
        "built" => "build",
        "came" => "come",
        "caught" => "catch",
        "chose" => "choose",
        "chosen" => "choose",
        "clung" => "cling",
        "crept" => "creep",
        "dealt" => "deal",
        "did" => "do",
        "done" => "do",
        "drank" => "drink",
        "drawn" => "draw",
        "drew" => "draw",
        "driven" => "drive",
        "drove" => "drive",
        "drunk" => "drink",
        "dug" => "dig",
        "eaten" => "eat",
        "fallen" => "fall",
        "fed" => "feed",
        "fell" => "fall",
        "felt" => "feel",
        "fled" => "flee",
        "flew" => "fly",
        "flown" => "fly",
        "flung" => "fling",
        "forbade" => "forbid",
        "forbidden" => "forbid",
        "foresaw" => "foresee",
        "foreseen" => "foresee",
        "forgave" => "forgive",
        "forgiven" => "forgive",
        "forgot" => "forget",
        "forgotten" => "forget",
        "fought" => "fight",
        "found" => "find",
        "froze" => "freeze",
        "frozen" => "freeze",
        "gave" => "give",
        "given" => "give",
        "gone" => "go",
        "got" => "get",
        "gotten" => "get",
        "grew" => "grow",
        "grown" => "grow",
        "had" => "have",
        "heard" => "hear",
        "held" => "hold",
        "hid" => "hide",
        "hidden" => "hide",
        "hung" => "hang",
        "kept" => "keep",
        "knelt" => "kneel",
        "knew" => "know",
        "known" => "know",
        "laid" => "lay",
        "lain" => "lie",
        "led" => "lead",
        "left" => "leave",
        "lent" => "lend",
        "lost" => "lose",
        "made" => "make",
        "meant" => "mean",
        "met" => "meet",
        "misled" => "mislead",
        "mistaken" => "mistake",
        "mistook" => "mistake",
        "outgrew" => "outgrow",
        "outgrown" => "outgrow",
        "overcame" => "overcome",
        "overran" => "overrun",
        "overridden" => "override",
        "overrode" => "override",
        "oversaw" => "oversee",
        "overseen" => "oversee",
        "overtaken" => "overtake",
        "overthrew" => "overthrow",
        "overthrown" => "overthrow",
        "overtook" => "overtake",
        "paid" => "pay",
        "ran" => "run",
        "rang" => "ring",
        "rebuilt" => "rebuild",
        "repaid" => "repay",
        "retaken" => "retake",
        "retook" => "retake",
        "ridden" => "ride",
        "risen" => "rise",
        "rode" => "ride",
        "rose" => "rise",
        "rung" => "ring",
        "said" => "say",
        "sang" => "sing",
        "sank" => "sink",
        "sat" => "sit",
        "saw" => "see",
        "seen" => "see",
        "sent" => "send",
        "shaken" => "shake",
        "shone" => "shine",
        "shook" => "shake",
        "shot" => "shoot",
        "shown" => "show",
        "shrank" => "shrink",
        "shrunk" => "shrink",
        "slain" => "slay",
        "slept" => "sleep",
        "slew" => "slay",
        "slid" => "slide",
        "slung" => "sling",
        "sold" => "sell",
        "sought" => "seek",
        "spat" => "spit",
        "sped" => "speed",
        "spent" => "spend",
        "spoke" => "speak",
        "spoken" => "speak",
        "sprang" => "spring",
        "sprung" => "spring",
        "spun" => "spin",
        "stole" => "steal",
        "stolen" => "steal",
        "stood" => "stand",
        "stricken" => "strike",
        "striven" => "strive",
        "strove" => "strive",
        "struck" => "strike",
        "stuck" => "stick",
        "stung" => "sting",
        "sung" => "sing",
        "sunk" => "sink",
        "swam" => "swim",
        "swept" => "sweep",
        "swore" => "swear",
        "sworn" => "swear",
        "swum" => "swim",
        "swung" => "swing",
        "taken" => "take",
        "taught" => "teach",
        "thought" => "think",
        "threw" => "throw",
        "thrown" => "throw",
        "told" => "tell",
        "took" => "take",
        "tore" => "tear",
        "torn" => "tear",
        "trod" => "tread",
        "trodden" => "tread",
        "undergone" => "undergo",
        "understood" => "understand",
        "undertaken" => "undertake",
        "undertook" => "undertake",
        "underwent" => "undergo",
        "undid" => "undo",
        "undone" => "undo",
        "upheld" => "uphold",
        "went" => "go",
        "wept" => "weep",
        "withdrawn" => "withdraw",
        "withdrew" => "withdraw",
        "withheld" => "withhold",
        "withstood" => "withstand",
        "woke" => "wake",
        "woken" => "wake",
        "won" => "win",
        "wore" => "wear",
        "worn" => "wear",
        "wove" => "weave",
        "woven" => "weave",
        "written" => "write",
        "wrote" => "write",
        _ => return None,
    })
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
            ("fought", "VBD", "fight"),
            ("sought", "VBD", "seek"),
            ("fled", "VBD", "flee"),
            ("Struck", "VBN", "strike"),
            ("withdrew", "VBD", "withdraw"),
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
