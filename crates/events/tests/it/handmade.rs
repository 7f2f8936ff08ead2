//! The mechanisms on hand-written parses: independent of the trained model, so these hold
//! whatever the parser does. One sentence a case; actors are the capitalised words with a
//! code given in the case.
use aras_actors::{Kind, Mention, ResolvedBy};
use aras_events::{code, DateSource, Event, EventInput, Lexicon, Modality};
use aras_nlp::model::{Analysis, AnalyzedWord};
use aras_text::{Sentence, Token};
use aras_time::{TimeExpr, TimeKind};

/// `word/lemma/UPOS/XPOS/head/deprel` tokens separated by spaces.
struct Case<'a> {
    parses: &'a [&'a str],
    actors: &'a [(&'a str, &'a str)],
    times: &'a [(&'a str, &'a str)],
}

fn run(case: &Case) -> (String, Vec<Event>) {
    let mut text = String::new();
    let mut sentences = Vec::new();
    let mut syntax = Vec::new();
    for (k, parse) in case.parses.iter().enumerate() {
        if k > 0 {
            text.push(' ');
        }
        let mut tokens = Vec::new();
        let mut words = Vec::new();
        for (i, w) in parse.split(' ').enumerate() {
            let f: Vec<&'static str> = w
                .split('/')
                .map(|x| &*Box::leak(x.to_string().into_boxed_str()))
                .collect();
            assert_eq!(f.len(), 6, "{w}");
            if i > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(f[0]);
            tokens.push(Token {
                start,
                end: text.len(),
            });
            words.push(AnalyzedWord {
                upos: f[2],
                xpos: f[3],
                lemma: f[1].to_string(),
                head: f[4].parse().unwrap(),
                deprel: f[5],
            });
        }
        sentences.push(Sentence {
            start: tokens[0].start,
            end: tokens[tokens.len() - 1].end,
            tokens,
        });
        syntax.push(Analysis { words });
    }
    let find_all = |needle: &str| -> Vec<(usize, usize)> {
        text.match_indices(needle)
            .filter(|(i, _)| {
                let before = text[..*i]
                    .chars()
                    .last()
                    .is_none_or(|c| !c.is_alphanumeric());
                let after = text[i + needle.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                before && after
            })
            .map(|(i, _)| (i, i + needle.len()))
            .collect()
    };
    let mut mentions: Vec<Mention> = Vec::new();
    for (name, c) in case.actors {
        for (start, end) in find_all(name) {
            mentions.push(Mention {
                start,
                end,
                text: name.to_string(),
                code: c.to_string(),
                country: Some(c[..3].to_string()),
                sector: None,
                kind: Kind::Country,
                name: None,
                role: None,
                resolved_by: ResolvedBy::Dictionary,
                antecedent: None,
            });
        }
    }
    mentions.sort_by_key(|m| m.start);
    let times: Vec<TimeExpr> = case
        .times
        .iter()
        .flat_map(|(t, v)| {
            find_all(t).into_iter().map(|(start, end)| TimeExpr {
                start,
                end,
                text: t.to_string(),
                value: v.to_string(),
                kind: TimeKind::Date,
                anchor: None,
                anchored_to_document: false,
            })
        })
        .collect();
    let lex = Lexicon::builtin().unwrap();
    let events = code(
        &lex,
        &EventInput {
            text: &text,
            sentences: &sentences,
            syntax: &syntax,
            mentions: &mentions,
            times: &times,
            quotes: &[],
            document_date: Some("2025-06-18"),
        },
    );
    (text, events)
}

fn pair(e: &Event) -> String {
    let c =
        |r: &Option<aras_events::Role>| r.as_ref().map_or("-".to_string(), |r| r.country.clone());
    format!("{} {}>{}", e.root(), c(&e.source), c(&e.target))
}

const DE_FR: &[(&str, &str)] = &[
    ("Germany", "DEU"),
    ("France", "FRA"),
    ("Italy", "ITA"),
    ("Russia", "RUS"),
];

#[test]
fn active_negated_and_modal() {
    let (_, ev) = run(&Case {
        parses: &["Germany/Germany/PROPN/NNP/2/nsubj attacked/attack/VERB/VBD/0/root France/France/PROPN/NNP/2/obj"],
        actors: DE_FR,
        times: &[],
    });
    assert_eq!(ev.len(), 1);
    assert_eq!(pair(&ev[0]), "19 DEU>FRA");
    assert!(ev[0].is_factual());
    assert_eq!(ev[0].date_source, DateSource::Document);
    assert_eq!(ev[0].date, None);

    let (_, ev) = run(&Case {
        parses: &["Germany/Germany/PROPN/NNP/4/nsubj did/do/AUX/VBD/4/aux not/not/PART/RB/4/advmod attack/attack/VERB/VB/0/root France/France/PROPN/NNP/4/obj"],
        actors: DE_FR,
        times: &[],
    });
    assert_eq!(pair(&ev[0]), "19 DEU>FRA");
    assert!(ev[0].negated);

    let (_, ev) = run(&Case {
        parses: &["Germany/Germany/PROPN/NNP/3/nsubj may/may/AUX/MD/3/aux attack/attack/VERB/VB/0/root France/France/PROPN/NNP/3/obj"],
        actors: DE_FR,
        times: &[],
    });
    assert_eq!(ev[0].modality, Modality::Hypothetical);
}

#[test]
fn passive_and_coordination() {
    let (_, ev) = run(&Case {
        parses: &["France/France/PROPN/NNP/3/nsubj:pass was/be/AUX/VBD/3/aux:pass attacked/attack/VERB/VBN/0/root by/by/ADP/IN/5/case Germany/Germany/PROPN/NNP/3/obl:agent and/and/CCONJ/CC/7/cc Italy/Italy/PROPN/NNP/5/conj"],
        actors: DE_FR,
        times: &[],
    });
    let mut pairs: Vec<String> = ev.iter().map(pair).collect();
    pairs.sort();
    assert_eq!(pairs, ["19 DEU>FRA", "19 ITA>FRA"]);
}

#[test]
fn reported_speech_keeps_the_content_actors() {
    let (_, ev) = run(&Case {
        parses: &["Russia/Russia/PROPN/NNP/2/nsubj said/say/VERB/VBD/0/root Germany/Germany/PROPN/NNP/4/nsubj attacked/attack/VERB/VBD/2/ccomp France/France/PROPN/NNP/4/obj"],
        actors: DE_FR,
        times: &[],
    });
    let attack = ev.iter().find(|e| e.root() == "19").expect("attack");
    assert_eq!(pair(attack), "19 DEU>FRA");
    assert_eq!(attack.modality, Modality::Reported);
    let said = ev.iter().find(|e| e.root() == "01").expect("statement");
    assert_eq!(pair(said), "01 RUS>-");
    assert!(!ev.iter().any(|e| pair(e) == "19 RUS>FRA"));
}

#[test]
fn denial_threat_and_intention() {
    let (_, ev) = run(&Case {
        parses: &["Germany/Germany/PROPN/NNP/2/nsubj denied/deny/VERB/VBD/0/root attacking/attack/VERB/VBG/2/xcomp France/France/PROPN/NNP/3/obj"],
        actors: DE_FR,
        times: &[],
    });
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].modality, Modality::Denied);

    let (_, ev) = run(&Case {
        parses: &["Germany/Germany/PROPN/NNP/2/nsubj threatened/threaten/VERB/VBD/0/root to/to/PART/TO/4/mark attack/attack/VERB/VB/2/xcomp France/France/PROPN/NNP/4/obj"],
        actors: DE_FR,
        times: &[],
    });
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].cameo, "138");
    assert_eq!(pair(&ev[0]), "13 DEU>FRA");

    let (_, ev) = run(&Case {
        parses: &["Germany/Germany/PROPN/NNP/2/nsubj wants/want/VERB/VBZ/0/root to/to/PART/TO/4/mark attack/attack/VERB/VB/2/xcomp France/France/PROPN/NNP/4/obj"],
        actors: DE_FR,
        times: &[],
    });
    assert_eq!(ev[0].modality, Modality::Intended);
    assert!(!ev[0].is_factual());
}

#[test]
fn nominal_roles_and_text_dates() {
    // "Israel's barrage targeting Iranian sites continued on June 13."
    let (text, ev) = run(&Case {
        parses: &["Israel/Israel/PROPN/NNP/3/nmod:poss 's/'s/PART/POS/1/case barrage/barrage/NOUN/NN/7/nsubj targeting/target/VERB/VBG/3/acl Iranian/Iranian/ADJ/JJ/6/amod sites/site/NOUN/NNS/4/obj continued/continue/VERB/VBD/0/root on/on/ADP/IN/9/case June/June/PROPN/NNP/7/obl 13/13/NUM/CD/9/nummod"],
        actors: &[("Israel", "ISR"), ("Iranian", "IRN")],
        times: &[("June 13", "2025-06-13")],
    });
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(pair(&ev[0]), "19 ISR>IRN");
    assert_eq!(ev[0].cameo, "195");
    assert_eq!(&text[ev[0].trigger.start..ev[0].trigger.end], "barrage");
    assert_eq!(ev[0].date.as_deref(), Some("2025-06-13"));
    assert_eq!(ev[0].date_precision.map(|p| p.as_str()), Some("day"));
    assert_eq!(ev[0].date_source, DateSource::Text);
}

#[test]
fn discourse_dates_and_denial_of_the_previous_sentence() {
    // "In 2012 Germany met France. Italy attacked Russia." -> the second is dated by discourse.
    let (_, ev) = run(&Case {
        parses: &[
            "In/in/ADP/IN/2/case 2012/2012/NUM/CD/4/obl Germany/Germany/PROPN/NNP/4/nsubj met/meet/VERB/VBD/0/root France/France/PROPN/NNP/4/obj",
            "Italy/Italy/PROPN/NNP/2/nsubj attacked/attack/VERB/VBD/0/root Russia/Russia/PROPN/NNP/2/obj",
            "That/that/PRON/DT/5/nsubj has/have/AUX/VBZ/5/aux never/never/ADV/RB/5/advmod been/be/AUX/VBN/5/cop true/true/ADJ/JJ/0/root",
        ],
        actors: DE_FR,
        times: &[("2012", "2012")],
    });
    let meet = ev.iter().find(|e| e.root() == "04").unwrap();
    assert_eq!(
        (meet.date.as_deref(), meet.date_source),
        (Some("2012"), DateSource::Text)
    );
    let attack = ev.iter().find(|e| e.root() == "19").unwrap();
    assert_eq!(
        (attack.date.as_deref(), attack.date_source),
        (Some("2012"), DateSource::Discourse)
    );
    assert_eq!(attack.modality, Modality::Denied);
    assert_eq!(meet.modality, Modality::Asserted);
}
