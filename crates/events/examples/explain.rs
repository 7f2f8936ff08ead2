//! Prints the parse, actor mentions, times and coded events of each sentence of a text
//! (a debugging aid for lexicon and coder work).
//!
//! ```text
//! cargo run -p aras-events --example explain -- "Germany did not attack France."
//! cargo run -p aras-events --example explain -- --file article.txt [--line N]
//! ```
use aras_events::{code, EventInput, Lexicon};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut text = String::new();
    let mut line: Option<usize> = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--file" => {
                let raw = std::fs::read_to_string(&args[i + 1])?;
                text = match raw
                    .strip_prefix("---\n")
                    .and_then(|r| r.find("\n---\n").map(|e| r[e + 5..].to_string()))
                {
                    Some(b) => b,
                    None => raw,
                };
                i += 1;
            }
            "--line" => {
                line = Some(args[i + 1].parse()?);
                i += 1;
            }
            t => text = t.to_string(),
        }
        i += 1;
    }
    let body = text.as_str();
    let model = aras_nlp::model::Model::from_bytes(&std::fs::read("models/en_ewt.model")?)?;
    let sentences = aras_text::segment(body);
    let syntax: Vec<_> = sentences
        .iter()
        .map(|s| model.analyze(&s.tokens.iter().map(|t| t.text(body)).collect::<Vec<_>>()))
        .collect();
    let dict = aras_dict::Dictionary::builtin()?;
    let date = Some("2025-06-18");
    let mentions = aras_actors::extract(
        body,
        &sentences,
        Some(&syntax),
        &aras_actors::ActorContext {
            dictionary: &dict,
            document_date: date,
        },
    );
    let times = aras_time::extract(
        body,
        &sentences,
        &aras_time::TimeContext {
            document_date: date.map(String::from),
        },
    );
    let quotes = aras_quotes::extract(body, &sentences, None);
    let lex = Lexicon::builtin()?;
    let input = EventInput {
        text: body,
        sentences: &sentences,
        syntax: &syntax,
        mentions: &mentions,
        times: &times,
        quotes: &quotes,
        document_date: date,
    };
    let events = code(&lex, &input);
    for (si, s) in sentences.iter().enumerate() {
        let ln = body[..s.start].matches('\n').count();
        if line.is_some_and(|l| l != ln) {
            continue;
        }
        println!("== line {ln}: {}", &body[s.start..s.end]);
        for (k, (t, w)) in s.tokens.iter().zip(&syntax[si].words).enumerate() {
            let m = mentions
                .iter()
                .position(|m| m.start <= t.start && t.end <= m.end);
            let m = m
                .map(|m| format!("m{m}:{}", mentions[m].code))
                .unwrap_or_default();
            println!(
                "  {:>3} {:<16} {:<12} {:<5} {:<4} {:>3} {:<12} {}",
                k + 1,
                t.text(body),
                w.lemma,
                w.upos,
                w.xpos,
                w.head,
                w.deprel,
                m
            );
        }
        for t in times
            .iter()
            .filter(|t| t.start >= s.start && t.end <= s.end)
        {
            println!("  time {:?} = {}", t.text, t.value);
        }
        for e in events.iter().filter(|e| e.evidence.start == s.start) {
            println!(
                "  EVENT {} {} -> {} [{}] neg={} {:?} date={:?}/{:?} q={:?}",
                e.cameo,
                e.source.as_ref().map_or("-", |r| r.code.as_str()),
                e.target.as_ref().map_or("-", |r| r.code.as_str()),
                &body[e.trigger.start..e.trigger.end],
                e.negated,
                e.modality,
                e.date,
                e.date_source,
                e.quote
            );
        }
    }
    Ok(())
}
