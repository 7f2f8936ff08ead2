//! Trains the parser alone on the tags found in a CoNLL-U file (gold tags) and scores it
//! on another: the quick loop for parser experiments.
//! `cargo run --release -p aras-nlp --example parser_gold -- TRAIN DEV [EPOCHS] [EXPLORE_PROB] [MIN_WEIGHT]`

use aras_nlp::conllu;
use aras_nlp::parser::{Arc, ParseScratch, Parser, ParserOptions};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        return Err("usage: parser_gold TRAIN DEV [EPOCHS] [EXPLORE_PROB] [MIN_WEIGHT]".into());
    }
    let train = conllu::parse(&std::fs::read_to_string(&args[1])?)?;
    let dev = conllu::parse(&std::fs::read_to_string(&args[2])?)?;
    let mut opts = ParserOptions::default();
    if let Some(e) = args.get(3) {
        opts.epochs = e.parse()?;
    }
    if let Some(p) = args.get(4) {
        opts.explore_prob = p.parse()?;
    }
    if let Some(m) = args.get(5) {
        opts.min_weight = m.parse()?;
    }
    let t = Instant::now();
    let parser = Parser::train_with_log(&train, &opts, &mut |m| eprintln!("{m}"));
    eprintln!("trained in {:.1}s", t.elapsed().as_secs_f64());
    let mut bytes = Vec::new();
    parser.write(&mut bytes);
    eprintln!("parser block: {:.1} MB", bytes.len() as f64 / 1e6);
    let mut scratch = ParseScratch::default();
    let mut out: Vec<Arc> = Vec::new();
    let (mut n, mut uas, mut las) = (0usize, 0usize, 0usize);
    let t = Instant::now();
    let mut all = Vec::new();
    for s in &dev {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let upos: Vec<&str> = s.words.iter().map(|w| w.upos.as_str()).collect();
        let xpos: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
        all.push((forms, upos, xpos));
    }
    let mut results = Vec::new();
    for (f, u, x) in &all {
        parser.parse_into(f, u, x, &mut scratch, &mut out);
        results.push(out.clone());
    }
    // Timed passes after the warm-up one above.
    let reps = 3;
    let cpu0 = cpu_ns();
    for _ in 0..reps {
        for (f, u, x) in &all {
            parser.parse_into(f, u, x, &mut scratch, &mut out);
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let cpu_secs = (cpu_ns() - cpu0) as f64 / 1e9;
    let words: usize = all.iter().map(|a| a.0.len()).sum();
    eprintln!(
        "parse: {:.0} tokens/s CPU time",
        (reps * words) as f64 / cpu_secs
    );
    for (s, res) in dev.iter().zip(&results) {
        for (w, a) in s.words.iter().zip(res) {
            n += 1;
            if w.head == Some(a.head) {
                uas += 1;
                let base = |l: &str| l.split(':').next().unwrap_or("").to_string();
                if base(&w.deprel) == base(parser.label(a.label)) {
                    las += 1;
                }
            }
        }
    }
    println!(
        "UAS {:.2} LAS {:.2} ({} words, {:.0} tokens/s)",
        100.0 * uas as f64 / n as f64,
        100.0 * las as f64 / n as f64,
        n,
        n as f64 / secs
    );
    Ok(())
}

/// On-CPU nanoseconds of this thread (Linux; 0 elsewhere): speed on one core, whatever
/// else the machine runs.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}
