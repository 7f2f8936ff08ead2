//! Runs the stages before event coding on a text, with the trained model when present.
#![allow(dead_code)]

use aras_events::{code, Event, EventInput, Lexicon};
use aras_nlp::model::Model;
use std::path::PathBuf;
use std::sync::OnceLock;

pub fn model_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models/en_ewt.model")
}

/// The trained model, or `None` (with a message) when the file is absent.
pub fn model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| {
            let p = model_path();
            match std::fs::read(&p) {
                Ok(bytes) => Some(Model::from_bytes(&bytes).expect("model file loads")),
                Err(_) => {
                    eprintln!("skipping: no model at {} (train it with crates/nlp/examples/train_model.rs)", p.display());
                    None
                }
            }
        })
        .as_ref()
}

pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::builtin().expect("builtin lexicon"))
}

/// Codes one document; `None` when there is no model.
pub fn run(text: &str) -> Option<Vec<Event>> {
    let model = model()?;
    let sentences = aras_text::segment(text);
    let syntax: Vec<_> = sentences
        .iter()
        .map(|s| model.analyze(&s.tokens.iter().map(|t| t.text(text)).collect::<Vec<_>>()))
        .collect();
    static DICT: OnceLock<aras_dict::Dictionary> = OnceLock::new();
    let dict = DICT.get_or_init(|| aras_dict::Dictionary::builtin().expect("builtin dictionary"));
    let date = Some("2025-06-18");
    let mentions = aras_actors::extract(
        text,
        &sentences,
        Some(&syntax),
        &aras_actors::ActorContext {
            dictionary: dict,
            document_date: date,
        },
    );
    let times = aras_time::extract(
        text,
        &sentences,
        &aras_time::TimeContext {
            document_date: date.map(String::from),
        },
    );
    let quotes = aras_quotes::extract(text, &sentences, None);
    Some(code(
        lexicon(),
        &EventInput {
            text,
            sentences: &sentences,
            syntax: &syntax,
            mentions: &mentions,
            times: &times,
            quotes: &quotes,
            document_date: date,
        },
    ))
}

/// One line per event: `195 ISR->IRN "barrage" asserted date=2025-06-13/text`.
pub fn summary(text: &str, events: &[Event]) -> String {
    let mut out = String::new();
    for e in events {
        let r =
            |r: &Option<aras_events::Role>| r.as_ref().map_or("-".to_string(), |r| r.code.clone());
        out.push_str(&format!(
            "  {} {}->{} {:?} {}{} date={}/{}{}\n",
            e.cameo,
            r(&e.source),
            r(&e.target),
            &text[e.trigger.start..e.trigger.end],
            if e.negated { "negated " } else { "" },
            e.modality.as_str(),
            e.date.as_deref().unwrap_or("null"),
            e.date_source.as_str(),
            if e.quote.is_some() { " quoted" } else { "" },
        ));
    }
    out
}
