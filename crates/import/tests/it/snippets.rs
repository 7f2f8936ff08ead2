//! Table-driven tests on small snippets written for these tests (invented
//! names and codes, in the TABARI/PETRARCH formats).

use aras_import::{import, import_verbs, read_verb_dictionary, DictKind, Format};

/// (name, format, kind, input, expected output lines (without the header
/// comment), expected rejections as (line, reason fragment)).
type Case = (
    &'static str,
    Format,
    DictKind,
    &'static str,
    &'static [&'static str],
    &'static [(usize, &'static str)],
);

const CASES: &[Case] = &[
    (
        "single actor",
        Format::Petrarch,
        DictKind::Actors,
        "NORLAND_ [NRL]\n",
        &["NRL\torganization\tNorland"],
        &[],
    ),
    (
        "country with synonyms and comments",
        Format::Petrarch,
        DictKind::Actors,
        "# a comment\nKAZAKHSTAN_  [KAZ]  # trailing\n+KAZAKH_\n+ASTANA_\n\n",
        &["KAZ\tcountry\tKazakhstan|Kazakh|Astana"],
        &[],
    ),
    (
        "tabari comment and alternation",
        Format::Tabari,
        DictKind::Actors,
        "VESTRIAN_ { PIKEMEN | ARCHERS }  [VSTMIL] ;xy 01 Jan 2001\n",
        &["VSTMIL\torganization\tVestrian Pikemen|Vestrian Archers"],
        &[],
    ),
    (
        "person with PETRARCH date restrictions and default",
        Format::Petrarch,
        DictKind::Actors,
        "TOMAS_VERLANDER_  [NRLELI]  # note\n+VERLANDER_\n\t[NRLGOV 990101-050630]\n\t[NRLOPP >20070101]\n",
        &[
            "NRLELI\tperson\tTomas Verlander|Verlander\tto=1999-01-01",
            "NRLGOV\tperson\tTomas Verlander|Verlander\tfrom=1999-01-01;to=2005-06-30",
            "NRLELI\tperson\tTomas Verlander|Verlander\tfrom=2005-06-30;to=2007-01-01",
            "NRLOPP\tperson\tTomas Verlander|Verlander\tfrom=2007-01-01",
        ],
        &[],
    ),
    (
        "TABARI restrictions on the primary line, null default",
        Format::Tabari,
        DictKind::Actors,
        "KARIM_OSTALI  [EGYGOV <891231] [---] ;ab\n",
        &[
            "EGYGOV\tperson\tKarim Ostali\tcountry=EGY;to=1989-12-31",
            "-\tperson\tKarim Ostali\tfrom=1989-12-31",
        ],
        &[],
    ),
    (
        "codeless phrases on adjacent lines share the next codes",
        Format::Petrarch,
        DictKind::Actors,
        "ANNA_BEKOVA_\nPRESIDENT_BEKOVA_\n\t[AZEGOV >20200101]\n",
        &["AZEGOV\tperson\tAnna Bekova|President Bekova\tcountry=AZE;from=2020-01-01"],
        &[],
    ),
    (
        "ethnic group and place",
        Format::Tabari,
        DictKind::Actors,
        "VESTRIANS_ [vst]\nGORNAYA_ [RUS]\n",
        &["VST\tgroup\tVestrians", "RUS\tplace\tGornaya"],
        &[],
    ),
    (
        "malformed actor lines",
        Format::Tabari,
        DictKind::Actors,
        "+ORPHAN_\n\t[ABC >990101]\nX_ [ABC/DEF]\nY_ [ABC\nZ_ [###]\nW_ [ABC 990231-000101]\nV_ [ABC 050101-040101]\nU_\n\nT_ [A$C]\n[ABC]\n",
        &[],
        &[
            (1, "synonym without a preceding entry"),
            (2, "date restriction without a preceding entry"),
            (3, "compound code"),
            (4, "unclosed '['"),
            (5, "discard code"),
            (6, "day 31"),
            (7, "end date"),
            (8, "no code"),
            (10, "invalid characters"),
            (11, "no phrase"),
        ],
    ),
    (
        "TABARI word-list sections are not actors",
        Format::Tabari,
        DictKind::Actors,
        "<NOUN>\nBLOCKADE\n</NOUN>\nNORLAND [NRL]\n",
        &["NRL\torganization\tNorland"],
        &[(2, "word list")],
    ),
    (
        "agents with plurals",
        Format::Petrarch,
        DictKind::Agents,
        "MILITIA_COMMANDER [~MIL]\nNAVY [~MIL]\nRIOT_POLICE {} [~COP]\nSHEPHERD_CHIEF {SHEPHERD_CHIEVES} [~AGR]\nWITNESS [~CVL]\nRELIEF_BODY [NGO~]\n",
        &[
            "MIL\tagent\tmilitia commander|militia commanders\tsector=MIL",
            "MIL\tagent\tnavy|navies\tsector=MIL",
            "COP\tagent\triot police\tsector=COP",
            "AGR\tagent\tshepherd chief|shepherd chieves\tsector=AGR",
            "CVL\tagent\twitness|witnesses\tsector=CVL",
            "NGO\tagent\trelief body|relief bodies\tsector=NGO;note=prefix code",
        ],
        &[],
    ),
    (
        "agent substitution markers",
        Format::Petrarch,
        DictKind::Agents,
        "!WORKER! = HAND, HANDS\nFARM!WORKER! [~AGR]\n",
        &["AGR\tagent\tfarmhand|farmhands\tsector=AGR"],
        &[],
    ),
    (
        "malformed agent lines",
        Format::Tabari,
        DictKind::Agents,
        "SENTRY\nGUARD [~MIL}\nWARDEN [MIL]\nBOSUN {BOSUNS [~MIL]\nDOCK!PERSON! [~BUS]\n",
        &[],
        &[
            (1, "without a [code]"),
            (2, "unclosed"),
            (3, "no '~'"),
            (4, "missing '}'"),
            (5, "undefined substitution marker"),
        ],
    ),
];

#[test]
fn table() {
    for (name, format, kind, input, want, want_rej) in CASES {
        let r = import(input, *format, *kind);
        let got: Vec<&str> = r.output.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(&got, want, "{name}: output");
        let rej: Vec<(usize, &str)> = r
            .rejected
            .iter()
            .map(|x| (x.line, x.reason.as_str()))
            .collect();
        assert_eq!(rej.len(), want_rej.len(), "{name}: rejections {rej:?}");
        for ((line, reason), (wl, wr)) in rej.iter().zip(want_rej.iter()) {
            assert_eq!(line, wl, "{name}: rejection line ({reason})");
            assert!(
                reason.contains(wr),
                "{name}: line {line}: {reason:?} lacks {wr:?}"
            );
        }
        assert_eq!(
            r.lines_read,
            r.lines_loaded + r.lines_ignored + r.rejected.len(),
            "{name}: accounting"
        );
        assert_eq!(r.lines_read, input.lines().count(), "{name}: lines_read");
    }
}

#[test]
fn tabari_verbs_with_patterns() {
    let text = "\
ASSIST  [040] ;xy 1 Jan 2001
- * REFUGEES  [073]
- + WAS * BY_ $  [---] ;comment
SHIELD {SHIELDS SHIELDED SHIELDING}  [---]
- * { CITY | TOWN } FROM +  [0874]
- * BAD  [08!]
~~FINISH
";
    let (verbs, rej) = import_verbs(text, Format::Tabari);
    assert_eq!(verbs.len(), 2);
    assert_eq!(verbs[0].verb, "ASSIST");
    assert_eq!(verbs[0].code.as_deref(), Some("040"));
    assert_eq!(verbs[0].patterns.len(), 2);
    assert_eq!(verbs[0].patterns[0].text, "* REFUGEES");
    assert_eq!(verbs[0].patterns[0].code, "073");
    assert_eq!(verbs[0].patterns[1].code, "---");
    assert_eq!(verbs[0].patterns[1].comment.as_deref(), Some("comment"));
    assert_eq!(verbs[1].code, None);
    assert_eq!(verbs[1].forms, vec!["SHIELDS", "SHIELDED", "SHIELDING"]);
    assert_eq!(verbs[1].patterns[0].text, "* { CITY | TOWN } FROM +");
    assert_eq!(rej.len(), 1);
    assert_eq!(rej[0].line, 6);
}

#[test]
fn petrarch_verb_blocks_synsets_transformations() {
    let text = "\
<!-- header
 spanning lines -->
&HARBOUR_
+PORT
+DOCK_YARD

--- SHELTER [040] ---
SHELTER
HARBOR [042] {HARBORS HARBORED HARBORING}
WIRE_+TAP
- * (FOR {POLITICAL REFUGEES}) [073] # SHELTER
- * &HARBOUR [---]
~ a (a b WILL_ATTACK) SAY = a b 138
- no code here
";
    let d = read_verb_dictionary(text, Format::Petrarch);
    assert_eq!(d.synsets.len(), 1);
    assert_eq!(d.synsets[0].name, "&HARBOUR");
    assert!(d.synsets[0].no_plurals);
    assert_eq!(d.synsets[0].members, vec!["PORT", "DOCK YARD"]);
    assert_eq!(d.verbs.len(), 1);
    let v = &d.verbs[0];
    assert_eq!(v.verb, "SHELTER");
    assert_eq!(v.block.as_deref(), Some("SHELTER"));
    assert_eq!(v.code.as_deref(), Some("040"));
    assert_eq!(v.synonyms.len(), 2);
    assert_eq!(v.synonyms[0].code.as_deref(), Some("042"));
    assert_eq!(v.synonyms[1].verb, "WIRE TAP");
    assert_eq!(v.synonyms[1].head, "TAP");
    assert_eq!(v.synonyms[1].code.as_deref(), Some("040"));
    assert_eq!(v.patterns.len(), 2);
    assert_eq!(v.patterns[0].text, "* (FOR {POLITICAL REFUGEES})");
    assert_eq!(d.transformations.len(), 1);
    assert_eq!(d.rejected.len(), 1);
    assert!(d.rejected[0].reason.contains("without a [code]"));
    assert_eq!(
        d.lines_read,
        d.lines_loaded + d.lines_ignored + d.rejected.len()
    );
}

#[test]
fn detection() {
    assert_eq!(Format::detect("x/CAMEO.ECS.120522.actors"), Format::Tabari);
    assert_eq!(Format::detect("Phoenix.agents.txt"), Format::Petrarch);
    assert_eq!(DictKind::detect("Phoenix.agents.txt", ""), DictKind::Agents);
    assert_eq!(
        DictKind::detect("x.txt", "POLICE [~COP]\nARMY [~MIL]\n"),
        DictKind::Agents
    );
    assert_eq!(
        DictKind::detect("x.txt", "GO [040]\n- * HOME [042]\n"),
        DictKind::Verbs
    );
    assert_eq!(
        DictKind::detect("x.txt", "NORLAND [NRL]\n"),
        DictKind::Actors
    );
}

#[test]
fn issue4_a_doubtful_keds_code_keeps_its_code() {
    let d = aras_import::read_verb_dictionary(
        "--- SAYS  [023?]  ---\nSAY\n- * WAS LIE [141]\n",
        aras_import::Format::Petrarch,
    );
    assert!(d.rejected.is_empty(), "{:?}", d.rejected);
    assert_eq!(d.verbs[0].code.as_deref(), Some("023"));
}
