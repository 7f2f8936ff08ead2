//! The verb pattern converter, table-driven, with real lines of PETRARCH2's
//! `CAMEO.2.0.txt` (line numbers of that file in the comments).

use aras_import::{
    convert_verb_dictionary, read_verb_dictionary, CodeTable, Conversion, ConvertOptions, Format,
    SkipReason, TsvHeader,
};

/// A block of verbs the cases may refer to: verbs of the dictionary (`to VERB`
/// complements), some of which (`COURT`, `HEAD`, `PRESS`) it also writes as nouns.
const CONTEXT: &str = "\
--- CONTEXT [---] ---
CONGRATULATE
DEMONSTRATE
WITHDRAW
COURT
HEAD
PRESS
- * COURT (OF APPEAL) [---]
- * {PRESS RELEASE} [---]
- * HEAD [---]
";

const SYNSETS: &str = "\
&CURRENCY
+MONEY
+CURRENCY
+CASH_
+DOLLARS
+DOLLAR

";

fn convert_with(text: &str, opts: &ConvertOptions) -> Conversion {
    let dict = read_verb_dictionary(text, Format::Petrarch);
    assert!(dict.rejected.is_empty(), "{:?}", dict.rejected);
    convert_verb_dictionary(&dict, opts)
}

fn convert(text: &str) -> Conversion {
    convert_with(text, &ConvertOptions::new(CodeTable::builtin()))
}

/// The lines of one lemma as `pattern<TAB>code`.
fn lines_of(conv: &Conversion, lemma: &str) -> Vec<String> {
    conv.lines
        .iter()
        .filter(|l| l.lemma == lemma)
        .map(|l| format!("{}\t{}", l.pattern, l.code))
        .collect()
}

/// One pattern of a block of the verb `verb` (the block has the null code, so that no
/// bare pattern is written): the lines it gives, or why it is skipped.
type Case<'a> = (&'a str, &'a str, Result<&'a [&'a str], SkipReason>);

#[test]
fn patterns() {
    let cases: &[Case] = &[
        // 1805: a word after the verb is a literal; the null code survives.
        (
            "ABANDON",
            "- * PLAN [---] # ABANDON",
            Ok(&["SUBJ _ plan\t---"]),
        ),
        // 1809: a group right after the verb keeps its preposition (a dependent's
        // dependent of the verb); compounds give their words.
        (
            "EVACUATE",
            "- * (FOR {MEDICAL TREATMENT})                         [074]         # EVACUATE",
            Ok(&["SUBJ _ for medical treatment\t074"]),
        ),
        // 1863: after a noun the group's preposition is dropped (three levels down).
        (
            "PRESENT",
            "- * LETTER (OF CREDENCE)                              [051]         # PRESENT",
            Ok(&["SUBJ _ letter credence\t051"]),
        ),
        // 5857: plurals become singular; a code pair is kept.
        (
            "HAIL",
            "- * RELATIONS                                         [051:051]     # HAIL",
            Ok(&["SUBJ _ relation\t051:051"]),
        ),
        // 7589: a preposition directly before + is a prepositional slot.
        (
            "BLAME",
            "- * ATTACK ON +                                       [112]         # BLAME",
            Ok(&["SUBJ _ attack on OBJ\t112"]),
        ),
        // 1950: an empty group followed by + is that group's slot.
        (
            "FILE",
            "- * CLAIM (AGAINST) +                                 [115]         # FILE",
            Ok(&["SUBJ _ claim against OBJ\t115"]),
        ),
        // 1524: an empty group alone is a slot too (PETRARCH finds the target there).
        (
            "EXPORT",
            "- * (TO)                                              [061]         # EXPORT",
            Ok(&["SUBJ _ to OBJ\t061"]),
        ),
        // 4765: `* +` is the object slot.
        (
            "MOCK",
            "- * +                                                 [111]         # MOCK",
            Ok(&["SUBJ _ OBJ\t111"]),
        ),
        // 4962: a preposition ending the pattern is a slot.
        (
            "PLAN",
            "- * COUP AGAINST                                      [138]         # PLAN",
            Ok(&["SUBJ _ coup against OBJ\t138"]),
        ),
        // 6404: particles are literals and keep the verb's reach.
        (
            "GO",
            "- * BACK TO                                           [042:043]     # HEAD",
            Ok(&["SUBJ _ back to OBJ\t042:043"]),
        ),
        // 5491, 5255: TO + a verb of the dictionary directly on the verb: a complement.
        (
            "CALL",
            "- * TO CONGRATULATE                                   [013]         # CALL",
            Ok(&["SUBJ _ to congratulate\t013"]),
        ),
        (
            "GATHER",
            "- * (TO DEMONSTRATE)                                  [141]         # GATHER",
            Ok(&["SUBJ _ to demonstrate\t141"]),
        ),
        // 4214, 5542: a word the dictionary also writes as a noun is a literal (`to` is
        // dropped: before a word our language reads it as an infinitive).
        (
            "APPLY",
            "- * (TO COURT)                                        [1322]        # APPLY",
            Ok(&["SUBJ _ court\t1322"]),
        ),
        (
            "CALL",
            "- * (TO PRESS)                                        [041]         # CALL",
            Ok(&["SUBJ _ press\t041"]),
        ),
        // 7638: after a noun the infinitive may hang from the noun: literals.
        (
            "SHELVE",
            "- * PLAN (TO WITHDRAW)                                [1246]        # SHELVE",
            Ok(&["SUBJ _ plan withdraw\t1246"]),
        ),
        // 2477: the object slot, then TO HEAD (HEAD is also a noun here: a literal).
        (
            "APPOINT",
            "- * + TO HEAD                                         [060]         # APPOINT",
            Ok(&["SUBJ _ OBJ head\t060"]),
        ),
        // 6735, 6736: synonym sets expand (plurals that repeat a phrase once).
        (
            "APPROVE",
            "- * {&CURRENCY AID}                                   [0331]        # APPROVE",
            Ok(&[
                "SUBJ _ money aid\t0331",
                "SUBJ _ currency aid\t0331",
                "SUBJ _ cash aid\t0331",
                "SUBJ _ dollar aid\t0331",
            ]),
        ),
        // 5256: A/B alternatives expand; `to` before a word is left out.
        (
            "GATHER",
            "- * (TO/FOR PROTEST)                                  [141]         # GATHER",
            Ok(&["SUBJ _ protest\t141", "SUBJ _ for protest\t141"]),
        ),
        // 2733: articles are dropped.
        (
            "RAISE",
            "- * (THE STAKES)                                      [012]         # RAISE",
            Ok(&["SUBJ _ stake\t012"]),
        ),
        // 1535: a 4-digit code the table lacks, kept under its parent 121.
        (
            "DISMISS",
            "- * {JUDGE ORDER}                                     [1213]        # DISMISS",
            Ok(&["SUBJ _ judge order\t1213"]),
        ),
        // 823
        (
            "SET",
            "- * OUT VIEWS                                         [010]         ",
            Ok(&["SUBJ _ out view\t010"]),
        ),
        // Skipped, with reasons.
        (
            "THWART",
            "- + * ROCKET                                          [193]         # THWART",
            Err(SkipReason::BeforeVerb),
        ),
        (
            "ADD",
            "- * (TO {BANNED PARTIES}) $                           [1722]        # ADD",
            Err(SkipReason::Marker),
        ),
        (
            "READY",
            "- * HELP +                                            [033]         # READY",
            Err(SkipReason::TargetAfterNoun),
        ),
        (
            "UPGRADE",
            "- * + MISSION                                         [050]         # UPGRADE",
            Err(SkipReason::WordAfterTarget),
        ),
        (
            "MOVE",
            "- * (INTO + POSIT)                                    [192]         # MOVE",
            Err(SkipReason::WordAfterTarget),
        ),
        (
            "STAGE",
            "- * STRIKES (UNTIL)                                   [143]         # STAGE",
            Err(SkipReason::NoSlot),
        ),
        (
            "CLASH",
            "- * SINCE                                             [---]         # CLASH",
            Err(SkipReason::NoSlot),
        ),
        (
            "BRAND",
            "- * &FIGHT_CRIM                                       [1124]        # BRAND",
            Err(SkipReason::UndefinedSynset),
        ),
        (
            "RECOMMEND",
            "- * {U.N. MISSION}                                    [0255]        # RECOMMEND",
            Err(SkipReason::UnreadableWord),
        ),
        (
            "GAIN",
            "- * RECOGNITION (FROM) +                              [:054]        # GAIN",
            Err(SkipReason::ReverseOnly),
        ),
        (
            "HACK",
            "- * COMPUTER                                          [176]         # HACK",
            Err(SkipReason::UnknownCode),
        ),
        (
            "MAKE",
            "- * VENTURE (WITH VISIT)                              VISIT)[042:043]  # MAKE",
            Err(SkipReason::Malformed),
        ),
    ];
    for (verb, pattern, want) in cases {
        let text = format!("{SYNSETS}{CONTEXT}\n--- CASE [---] ---\n{verb}\n{pattern}\n");
        let conv = convert(&text);
        let report = conv
            .patterns
            .iter()
            .find(|p| p.line == text.lines().count())
            .expect("the case's pattern is reported");
        let lemma = verb.split('_').next().unwrap().to_lowercase();
        match want {
            Ok(lines) => {
                assert!(report.outcome.is_ok(), "{pattern}: {:?}", report.outcome);
                assert_eq!(lines_of(&conv, &lemma), *lines, "{pattern}");
            }
            Err(reason) => {
                let got = report.outcome.as_ref().map(|_| ()).unwrap_err().reason;
                assert_eq!(got, *reason, "{pattern}: {:?}", report.outcome);
                assert!(lines_of(&conv, &lemma).is_empty(), "{pattern}");
            }
        }
    }
}

#[test]
fn verbs_of_a_block() {
    // 8807, 8843 (KIDNAPPED_AND_KILLED), 9091, 8875 (SHOT_AND), 2035 (STIR_UP), 5339
    // (GO_TO), 3412 (IS_DETERMINED), in blocks of their own.
    let text = "\
--- ABDUCT [181] ---
ABDUCT
+KIDNAPPED_AND_KILLED {} [180] 
- * ENVOY                                             [180]         # KIDNAPPED_AND_KILLED

--- SHOOT [190] ---
SHOOT  {SHOOTS SHOOTING SHOT }  # SHAN   9/6/93
+SHOT_AND {} [193]# pas 15.04.29 I don't think we ever see irregular forms of this

--- INCITE [---] ---
INCITE
+STIR_UP {+STIRS_UP +STIRRING_UP +STIRRED_UP } [1411]
- * (TO)                                              [042:043]     # RUSH

--- VISIT [042] ---
+GO_TO {+GOES_TO +GOING_TO +WENT_TO } 
- * (TO)                                              [042:043]     # RUSH

--- DETERMINE [---] ---
+IS_DETERMINED {+WAS_DETERMINED , +BE_DETERMINED , +ARE_DETERMINED} [030]
";
    let conv = convert(text);
    // Every verb of a block gets its patterns, and its bare pattern with its own code,
    // else the block's; the other words of a multi-word verb are literals.
    assert_eq!(
        lines_of(&conv, "abduct"),
        ["SUBJ _ envoy\t180", "SUBJ _ OBJ\t181"]
    );
    assert_eq!(
        lines_of(&conv, "kidnap"),
        ["SUBJ _ envoy and kill\t180", "SUBJ _ OBJ and kill\t180"]
    );
    // An inflected head becomes the lemma of the verb that lists it among its forms.
    assert_eq!(
        lines_of(&conv, "shoot"),
        ["SUBJ _ OBJ\t190", "SUBJ _ OBJ and\t193"]
    );
    // The null-coded block verb gets its patterns but no bare pattern.
    assert_eq!(lines_of(&conv, "incite"), ["SUBJ _ to OBJ\t042:043"]);
    assert_eq!(
        lines_of(&conv, "stir"),
        ["SUBJ _ up to OBJ\t042:043", "SUBJ _ OBJ up\t1411"]
    );
    // `to` of a multi-word verb: last, where our language reads it as a literal; left
    // out where the slot says it already.
    assert_eq!(
        lines_of(&conv, "go"),
        ["SUBJ _ to OBJ\t042:043", "SUBJ _ OBJ to\t042"]
    );
    // An auxiliary head: the parse makes the other word the head.
    let det = conv
        .verbs
        .iter()
        .find(|v| v.verb == "IS DETERMINED")
        .unwrap();
    assert_eq!(
        det.lemma.as_ref().unwrap_err().reason,
        SkipReason::AuxiliaryVerb
    );
    assert!(lines_of(&conv, "be").is_empty());
}

#[test]
fn duplicates_shadowing_and_order() {
    // ABANDON is in two blocks (1805 and 6674 both have `* PLAN [---]`); its bare
    // patterns differ in code.
    let text = "\
--- FLEE [075] ---
FLEE
ABANDON
- * PLAN                                              [---]         # ABANDON
- * ATTEMPT                                           [080]         # ABANDON

--- ABANDON [080] ---
ABANDON
- * PLAN                                              [---]         # ABANDON
- * ATTEMPT                                           [087]         # ABANDON
";
    let conv = convert(text);
    assert_eq!(
        lines_of(&conv, "abandon"),
        ["SUBJ _ plan\t---", "SUBJ _ attempt\t080", "SUBJ _ OBJ\t075"]
    );
    assert_eq!(conv.duplicates, 1);
    // The second block's `attempt` (087) and bare pattern (080) could never win.
    assert_eq!(conv.shadowed.len(), 2);
    // Sorted by lemma, dictionary order within a lemma.
    let lemmas: Vec<&str> = conv.lines.iter().map(|l| l.lemma.as_str()).collect();
    assert_eq!(
        lemmas,
        ["abandon", "abandon", "abandon", "flee", "flee", "flee"]
    );
    // The report counts every pattern.
    assert_eq!(conv.patterns.len(), 4);
    assert_eq!(conv.converted(), 4);
    assert_eq!(conv.patterns[2].lines, 0);
}

#[test]
fn synonym_sets_are_capped_with_a_note() {
    let text = format!(
        "{SYNSETS}--- APPROVE [---] ---\nAPPROVE\n- * &CURRENCY                                         [0331]        # APPROVE\n"
    );
    let mut opts = ConvertOptions::new(CodeTable::builtin());
    opts.synset_cap = 2;
    let conv = convert_with(&text, &opts);
    assert_eq!(
        lines_of(&conv, "approve"),
        ["SUBJ _ money\t0331", "SUBJ _ currency\t0331"]
    );
    let notes = conv.patterns[0].outcome.as_ref().unwrap();
    assert_eq!(
        notes,
        &["synonym set capped: &CURRENCY expanded to its first 2 of 4 phrases"]
    );
    opts.synset_cap = 10;
    opts.expansion_cap = 3;
    let conv = convert_with(&text, &opts);
    assert_eq!(lines_of(&conv, "approve").len(), 3);
    assert_eq!(conv.notes_by_kind(), [("expansion capped".to_string(), 1)]);
}

#[test]
fn codes_checked_against_the_table() {
    let table =
        CodeTable::from_cameo_tsv("# c\n19\tFight\tASSAULT\t4\t-10\n190\tx\tASSAULT\t4\t-10\n");
    let text = "--- FIGHT [19] ---\nFIGHT\n- * WAR [1901]\n- * WAR [191]\n- * BATTLE [190:19]\n- * TRUCE [---]\n- * DUEL [:190]\n";
    let conv = convert_with(text, &ConvertOptions::new(table));
    assert_eq!(
        lines_of(&conv, "fight"),
        [
            "SUBJ _ war\t1901",
            "SUBJ _ battle\t190:19",
            "SUBJ _ truce\t---",
            "SUBJ _ OBJ\t19"
        ]
    );
    let reasons: Vec<_> = conv
        .patterns
        .iter()
        .filter_map(|p| p.outcome.as_ref().err().map(|s| s.reason))
        .collect();
    assert_eq!(reasons, [SkipReason::UnknownCode, SkipReason::ReverseOnly]);
    assert_eq!(conv.added_codes.iter().collect::<Vec<_>>(), ["1901"]);
}

#[test]
fn header_names_source_command_and_licence() {
    let text = "# The MIT License (MIT)\n# Copyright (c) 2015 Open Event Data Alliance\n# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM\n--- FLEE [075] ---\nFLEE\n";
    let conv = convert(text);
    let header = TsvHeader::new(
        "CAMEO.2.0.txt",
        Format::Petrarch,
        Some("cameo-verbs.tsv"),
        text,
    );
    let tsv = conv.to_tsv(&header);
    assert_eq!(
        tsv,
        "# Generated from CAMEO.2.0.txt by aras-import's verb converter: do not edit.\n\
         # Command: aras dict import --format petrarch CAMEO.2.0.txt --out cameo-verbs.tsv\n\
         # CAMEO.2.0.txt: The MIT License (MIT)\n\
         # CAMEO.2.0.txt: Copyright (c) 2015 Open Event Data Alliance\n\
         # 0 patterns: 0 converted, 0 skipped; 1 lines (0 duplicate and 0 shadowed lines not written), 1 lemmas\n\
         # lemma\tpattern\tcameo  (format: lexicon/README.md)\n\
         flee\tSUBJ _ OBJ\t075\n"
    );
}
