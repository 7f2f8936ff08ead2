//! Codes the events of one text file and writes the `document` and `event` records of
//! `SCHEMA.md` as JSON Lines (for `shared/tools/score.py`).
//!
//! ```text
//! cargo run -p aras-events --example seed_events -- article.txt [models/en_ewt.model] > out.jsonl
//! ```
use aras_events::{code, EventInput, Lexicon, Role};
use serde_json::{json, Value};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().ok_or("usage: seed_events FILE [MODEL]")?;
    let model_path = args
        .get(1)
        .map(String::as_str)
        .unwrap_or("models/en_ewt.model");
    let raw = std::fs::read_to_string(path)?;
    let (meta, body) = split_front_matter(&raw);
    let doc_id = meta
        .iter()
        .find(|(k, _)| k == "id")
        .map(|(_, v)| v.clone())
        .unwrap_or_else(|| path.clone());
    let date = meta
        .iter()
        .find(|(k, _)| k == "date")
        .map(|(_, v)| v.clone());
    let model = aras_nlp::model::Model::from_bytes(&std::fs::read(model_path)?)?;
    let sentences = aras_text::segment(body);
    let syntax: Vec<_> = sentences
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.tokens.iter().map(|t| t.text(body)).collect();
            model.analyze(&words)
        })
        .collect();
    let dict = aras_dict::Dictionary::builtin()?;
    let mentions = aras_actors::extract(
        body,
        &sentences,
        Some(&syntax),
        &aras_actors::ActorContext {
            dictionary: &dict,
            document_date: date.as_deref(),
        },
    );
    let times = aras_time::extract(
        body,
        &sentences,
        &aras_time::TimeContext {
            document_date: date.clone(),
        },
    );
    let quotes = aras_quotes::extract(body, &sentences, None);
    let lex = Lexicon::builtin()?;
    let events = code(
        &lex,
        &EventInput {
            text: body,
            sentences: &sentences,
            syntax: &syntax,
            mentions: &mentions,
            times: &times,
            quotes: &quotes,
            document_date: date.as_deref(),
        },
    );
    println!(
        "{}",
        json!({"type": "document", "doc_id": doc_id, "date": date, "bytes": body.len(), "sentences": sentences.len()})
    );
    let role = |r: &Option<Role>| -> Value {
        match r {
            Some(r) => {
                json!({"code": r.code, "country": r.country, "text": r.text, "mention": format!("m{}", r.mention)})
            }
            None => Value::Null,
        }
    };
    for (i, e) in events.iter().enumerate() {
        let ev = &body[e.evidence.0..e.evidence.1];
        println!(
            "{}",
            json!({
                "type": "event", "doc_id": doc_id, "id": format!("e{i}"),
                "source": role(&e.source), "target": role(&e.target),
                "cameo": e.cameo, "root": e.root, "plover": e.plover, "quad_class": e.quad_class, "goldstein": e.goldstein,
                "date": e.date, "date_precision": e.date_precision, "date_source": e.date_source.as_str(),
                "negated": e.negated, "modality": e.modality.as_str(),
                "trigger": {"text": &body[e.trigger.0..e.trigger.1], "start": e.trigger.0, "end": e.trigger.1},
                "evidence": {"start": e.evidence.0, "end": e.evidence.1, "text": ev},
                "quote_id": e.quote.map(|q| format!("q{q}")), "confidence": e.confidence,
            })
        );
    }
    Ok(())
}

/// Front matter (`---`, `key: value` lines, `---`) and the body after it.
fn split_front_matter(raw: &str) -> (Vec<(String, String)>, &str) {
    if let Some(rest) = raw.strip_prefix("---\n") {
        if let Some(end) = rest.find("\n---\n") {
            let meta = rest[..end]
                .lines()
                .filter_map(|l| {
                    l.split_once(':')
                        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
                })
                .collect();
            return (meta, &rest[end + 5..]);
        }
    }
    (Vec::new(), raw)
}
