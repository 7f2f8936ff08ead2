//! `code` never panics, whatever the parse: arbitrary words, tags, heads (cycles and
//! self-loops included), relations, mentions, times and quotes of valid shape.
use aras_actors::{Kind, Mention, ResolvedBy};
use aras_events::{code, EventInput, Lexicon};
use aras_nlp::model::{Analysis, AnalyzedWord};
use aras_quotes::Quote;
use aras_text::{Sentence, Token};
use aras_time::{TimeExpr, TimeKind};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "Israel",
    "Iran",
    "’s",
    "attack",
    "attacked",
    "strikes",
    "barrage",
    "targeting",
    "on",
    "against",
    "with",
    "by",
    "not",
    "never",
    "no",
    "may",
    "would",
    "if",
    "said",
    "say",
    "denied",
    "threatened",
    "to",
    "meet",
    "talks",
    "which",
    "who",
    "whom",
    "that",
    "we",
    "it",
    "its",
    "and",
    "sanctions",
    "arrest",
    "support",
    "supplier",
    "of",
    "urge",
    "call",
    "for",
    "refused",
    "fears",
    "true",
    "retaliatory",
    ",",
    ".",
    "“",
    "”",
    "é",
    "北京",
];
const UPOS: &[&str] = &[
    "NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADP", "PART", "PRON", "DET", "CCONJ", "SCONJ", "PUNCT",
    "ADV", "NUM", "X",
];
const XPOS: &[&str] = &[
    "NN", "NNS", "NNP", "VB", "VBD", "VBN", "VBG", "VBZ", "JJ", "IN", "TO", "PRP", "PRP$", "WDT",
    "MD", "RB", "POS", ",",
];
const DEPREL: &[&str] = &[
    "root",
    "nsubj",
    "nsubj:pass",
    "obj",
    "iobj",
    "obl",
    "obl:agent",
    "obl:tmod",
    "nmod",
    "nmod:poss",
    "amod",
    "compound",
    "conj",
    "cc",
    "case",
    "mark",
    "advmod",
    "aux",
    "aux:pass",
    "cop",
    "det",
    "xcomp",
    "ccomp",
    "advcl",
    "acl",
    "acl:relcl",
    "appos",
    "parataxis",
    "flat",
    "punct",
    "compound:prt",
    "csubj",
];
const CODES: &[&str] = &["ISR", "IRN", "ISRMIL", "", "AZEGOV", "IGOUNO"];
const VALUES: &[&str] = &[
    "2025-06-13",
    "2023",
    "199X",
    "P35Y",
    "2016/2021",
    "XXXX-06-13",
    "2021-10",
    "PRESENT_REF",
    "",
];

#[derive(Debug, Clone)]
struct Doc {
    words: Vec<(usize, usize, usize, usize, u32, usize)>,
    breaks: Vec<usize>,
    mentions: Vec<(usize, usize, usize, bool)>,
    times: Vec<(usize, usize, usize)>,
    quotes: Vec<(usize, usize, bool, usize, usize)>,
}

fn doc() -> impl Strategy<Value = Doc> {
    (1usize..40).prop_flat_map(|n| {
        (
            prop::collection::vec(
                (
                    0..WORDS.len(),
                    0..UPOS.len(),
                    0..XPOS.len(),
                    0..DEPREL.len(),
                    0..=(n as u32 + 1),
                    0..WORDS.len(),
                ),
                n,
            ),
            prop::collection::vec(0..n, 0..4),
            prop::collection::vec((0..n, 0..4usize, 0..CODES.len(), any::<bool>()), 0..8),
            prop::collection::vec((0..n, 0..4usize, 0..VALUES.len()), 0..4),
            prop::collection::vec((0..n, 0..12usize, any::<bool>(), 0..n, 0..3usize), 0..3),
        )
            .prop_map(|(words, breaks, mentions, times, quotes)| Doc {
                words,
                breaks,
                mentions,
                times,
                quotes,
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn code_never_panics(d in doc()) {
        let lex = Lexicon::builtin().unwrap();
        // Text: the words separated by spaces, newlines at some breaks.
        let mut text = String::new();
        let mut tokens = Vec::new();
        for (i, w) in d.words.iter().enumerate() {
            if i > 0 {
                text.push(if d.breaks.contains(&i) { '\n' } else { ' ' });
            }
            let start = text.len();
            text.push_str(WORDS[w.0]);
            tokens.push(Token { start, end: text.len() });
        }
        // Sentences split at the breaks; one analysis each (one with a wrong length).
        let mut cuts: Vec<usize> = d.breaks.clone();
        cuts.push(0);
        cuts.push(tokens.len());
        cuts.sort();
        cuts.dedup();
        let mut sentences = Vec::new();
        let mut syntax = Vec::new();
        for (k, w) in cuts.windows(2).enumerate() {
            let toks: Vec<Token> = tokens[w[0]..w[1]].to_vec();
            let n = toks.len() as u32;
            let mut words: Vec<AnalyzedWord<'static>> = d.words[w[0]..w[1]]
                .iter()
                .map(|x| AnalyzedWord {
                    upos: UPOS[x.1],
                    xpos: XPOS[x.2],
                    lemma: WORDS[x.5].to_lowercase(),
                    head: x.4.min(n + 1),
                    deprel: DEPREL[x.3],
                })
                .collect();
            if k == 1 {
                words.pop();
            }
            sentences.push(Sentence { start: toks[0].start, end: toks[toks.len() - 1].end, tokens: toks });
            syntax.push(Analysis { words });
        }
        let span = |a: usize, len: usize| {
            let b = (a + len).min(tokens.len() - 1);
            (tokens[a].start, tokens[b].end)
        };
        let mentions: Vec<Mention> = d.mentions.iter().map(|&(a, len, c, has_country)| {
            let (start, end) = span(a, len);
            Mention {
                start, end, text: text[start..end].to_string(), code: CODES[c].to_string(),
                country: (has_country && !CODES[c].is_empty()).then(|| CODES[c][..3].to_string()),
                sector: None, kind: Kind::Country, name: None, role: None,
                resolved_by: ResolvedBy::Dictionary, antecedent: None,
            }
        }).collect();
        let times: Vec<TimeExpr> = d.times.iter().map(|&(a, len, v)| {
            let (start, end) = span(a, len);
            TimeExpr {
                start, end, text: text[start..end].to_string(), value: VALUES[v].to_string(),
                kind: if VALUES[v].starts_with('P') { TimeKind::Duration } else { TimeKind::Date },
                anchor: None, anchored_to_document: false,
            }
        }).collect();
        let quotes: Vec<Quote> = d.quotes.iter().map(|&(a, len, partial, sa, slen)| {
            let (start, end) = span(a, len);
            let (ss, se) = span(sa, slen);
            Quote {
                start, end, text: text[start..end].to_string(),
                speaker: Some(aras_quotes::Speaker { start: ss, end: se, name: text[ss..se].to_string(), resolved_by: aras_quotes::ResolvedBy::Verb }),
                partial,
            }
        }).collect();
        let input = EventInput {
            text: &text, sentences: &sentences, syntax: &syntax, mentions: &mentions,
            times: &times, quotes: &quotes, document_date: Some("2025-06-18"),
        };
        let events = code(&lex, &input);
        for e in &events {
            prop_assert!(e.source.is_some() || e.target.is_some());
            prop_assert!(e.trigger.start < e.trigger.end && e.trigger.end <= text.len());
            prop_assert!(e.evidence.start <= e.trigger.start && e.trigger.end <= e.evidence.end);
            // Codes are valid by construction; the table's quad class must agree with the root.
            prop_assert_eq!(e.quad_class, e.cameo.quad_class());
        }
    }
}
