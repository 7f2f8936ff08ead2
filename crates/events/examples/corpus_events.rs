//! Codes a JSONL corpus (one `{"id", "date", "text"}` object a line) and reports how many
//! events aras codes per 1,000 sentences, with a random sample of factual events to check
//! by hand.
//!
//! ```text
//! cargo run --release -p aras-events --example corpus_events -- \
//!     ../shared/data/corpora/news_afp_xinhua_te3/articles.jsonl [MAX_DOCS] [SAMPLE]
//! ```
use aras_events::{code, EventInput, Lexicon};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .ok_or("usage: corpus_events FILE.jsonl [MAX_DOCS] [SAMPLE]")?;
    let max_docs: usize = args.get(1).map_or(Ok(usize::MAX), |s| s.parse())?;
    let sample: usize = args.get(2).map_or(Ok(50), |s| s.parse())?;
    let model = aras_nlp::model::Model::from_bytes(&std::fs::read("models/en_ewt.model")?)?;
    let dict = aras_dict::Dictionary::builtin()?;
    let lex = Lexicon::builtin()?;
    let (mut n_sent, mut n_events, mut n_factual) = (0usize, 0usize, 0usize);
    let mut roots = [0usize; 21];
    let mut picked: Vec<String> = Vec::new();
    let mut seen = 0u64;
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    for line in std::fs::read_to_string(path)?.lines().take(max_docs) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let body = v["text"].as_str().unwrap_or("");
        let date = v["date"]
            .as_str()
            .map(|d| d.get(..10).unwrap_or(d).to_string());
        let sentences = aras_text::segment(body);
        let syntax: Vec<_> = sentences
            .iter()
            .map(|s| model.analyze(&s.tokens.iter().map(|t| t.text(body)).collect::<Vec<_>>()))
            .collect();
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
        let input = EventInput {
            text: body,
            sentences: &sentences,
            syntax: &syntax,
            mentions: &mentions,
            times: &times,
            quotes: &quotes,
            document_date: date.as_deref(),
        };
        let events = code(&lex, &input);
        n_sent += sentences.len();
        n_events += events.len();
        for e in events.iter().filter(|e| e.is_factual()) {
            n_factual += 1;
            roots[e.root.parse::<usize>().unwrap_or(0).min(20)] += 1;
            // Reservoir sample.
            seen += 1;
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            let line = format!(
                "{} {}->{} [{}] {} date={:?}\n    {}",
                e.cameo,
                e.source.as_ref().map_or("-", |r| r.code.as_str()),
                e.target.as_ref().map_or("-", |r| r.code.as_str()),
                &body[e.trigger.0..e.trigger.1],
                e.modality.as_str(),
                e.date,
                body[e.evidence.0..e.evidence.1].replace('\n', " ")
            );
            if picked.len() < sample {
                picked.push(line);
            } else if (rng % seen) < sample as u64 {
                picked[(rng % sample as u64) as usize] = line;
            }
        }
    }
    println!(
        "sentences={n_sent} events={n_events} factual={n_factual} events_per_1000_sentences={:.1} factual_per_1000={:.1}",
        1000.0 * n_events as f64 / n_sent.max(1) as f64,
        1000.0 * n_factual as f64 / n_sent.max(1) as f64
    );
    println!("factual by root: {:?}", &roots[1..]);
    for (i, p) in picked.iter().enumerate() {
        println!("{:>2}. {p}", i + 1);
    }
    Ok(())
}
