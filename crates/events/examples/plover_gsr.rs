//! PLOVER event-type accuracy on the PLOVER gold-standard records
//! (`shared/data/corpora/events_plover_gsr/PLOVER_GSR_CAMEO.json`): the share of records
//! for which an event aras codes in the text has the record's event type.
//!
//! ```text
//! cargo run --release -p aras-events --example plover_gsr -- PLOVER_GSR_CAMEO.json [-v]
//! ```
//! The GSR uses the later PLOVER types; a coded CAMEO root is compared through this map:
//! 02/10 DEMAND, 03 AGREE, 04 CONSULT, 05 SUPPORT, 06 COOPERATE, 07 AID, 08 CONCEDE or
//! RETREAT, 09 INVESTIGATE, 11 DISAPPROVE, 12 REJECT, 13 THREATEN, 14 PROTEST, 15 MOBILIZE,
//! 16 SANCTION, 17 COERCE, 18/20 ASSAULT, 19 FIGHT.
use aras_events::{code, EventInput, Lexicon};

fn types(root: &str) -> &'static [&'static str] {
    match root {
        "02" | "10" => &["DEMAND"],
        "03" => &["AGREE"],
        "04" => &["CONSULT"],
        "05" => &["SUPPORT"],
        "06" => &["COOPERATE"],
        "07" => &["AID"],
        "08" => &["CONCEDE", "RETREAT"],
        "09" => &["INVESTIGATE"],
        "11" => &["DISAPPROVE"],
        "12" => &["REJECT"],
        "13" => &["THREATEN"],
        "14" => &["PROTEST"],
        "15" => &["MOBILIZE"],
        "16" => &["SANCTION"],
        "17" => &["COERCE"],
        "18" | "20" => &["ASSAULT"],
        "19" => &["FIGHT"],
        _ => &[],
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().ok_or("usage: plover_gsr FILE.json [-v]")?;
    let verbose = args.iter().any(|a| a == "-v");
    let records: Vec<serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let model = aras_nlp::model::Model::from_bytes(&std::fs::read("models/en_ewt.model")?)?;
    let dict = aras_dict::Dictionary::builtin()?;
    let lex = Lexicon::builtin()?;
    let (mut n, mut hit, mut coded) = (0usize, 0usize, 0usize);
    for r in &records {
        let gold = r["event"].as_str().unwrap_or("");
        let Some(text) = r["text"].as_str() else {
            continue;
        };
        if gold == "DOCUMENT" {
            continue;
        }
        let date = r["date"].as_str().map(String::from);
        let sentences = aras_text::segment(text);
        let syntax: Vec<_> = sentences
            .iter()
            .map(|s| model.analyze(&s.tokens.iter().map(|t| t.text(text)).collect::<Vec<_>>()))
            .collect();
        let mentions = aras_actors::extract(
            text,
            &sentences,
            Some(&syntax),
            &aras_actors::ActorContext {
                dictionary: &dict,
                document_date: date.as_deref(),
            },
        );
        let times = aras_time::extract(
            text,
            &sentences,
            &aras_time::TimeContext {
                document_date: date.clone(),
            },
        );
        let quotes = aras_quotes::extract(text, &sentences, None);
        let events = code(
            &lex,
            &EventInput {
                text,
                sentences: &sentences,
                syntax: &syntax,
                mentions: &mentions,
                times: &times,
                quotes: &quotes,
                document_date: date.as_deref(),
            },
        );
        n += 1;
        coded += usize::from(!events.is_empty());
        let ok = events.iter().any(|e| types(&e.root).contains(&gold));
        hit += usize::from(ok);
        if verbose && !ok {
            let got: Vec<String> = events
                .iter()
                .map(|e| format!("{}:{}", e.cameo, types(&e.root).join("/")))
                .collect();
            println!("MISS {gold}: {text}\n    got {got:?}");
        }
    }
    println!(
        "records={n} with_an_event={coded} type_accuracy={:.3} ({hit}/{n})",
        hit as f64 / n.max(1) as f64
    );
    Ok(())
}
