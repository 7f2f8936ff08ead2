//! Loads a model, annotates a CoNLL-U file (its tokens are kept), writes the prediction
//! for `shared/tools/conllu_eval.py`, and prints load time, speed and accuracy.
//! `cargo run --release -p aras-nlp --example eval_model -- MODEL GOLD.conllu PRED.conllu`

use aras_nlp::conllu;
use aras_nlp::model::{evaluate, AnalyzeScratch, Model};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, model_path, gold_path, pred_path] = args.as_slice() else {
        return Err("usage: eval_model MODEL GOLD.conllu PRED.conllu".into());
    };
    let bytes = std::fs::read(model_path)?;
    let t = Instant::now();
    let model = Model::from_bytes(&bytes)?;
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    let gold = conllu::parse(&std::fs::read_to_string(gold_path)?)?;
    let mut pred = gold.clone();
    let mut scratch = AnalyzeScratch::default();
    // Warm-up pass, then the timed one (caches and page faults of the first pass are a
    // one-off cost per process).
    for s in pred.iter_mut().take(200) {
        model.annotate_with(s, &mut scratch);
    }
    let c = cpu_ns();
    for s in &mut pred {
        model.annotate_with(s, &mut scratch);
    }
    let secs = (cpu_ns() - c) as f64 / 1e9;
    // Parser alone, on the predicted tags.
    let forms: Vec<Vec<&str>> = pred.iter().map(|s| s.forms()).collect();
    let tags: Vec<(Vec<&str>, Vec<&str>)> = pred
        .iter()
        .map(|s| {
            (
                s.words.iter().map(|w| w.upos.as_str()).collect(),
                s.words.iter().map(|w| w.xpos.as_str()).collect(),
            )
        })
        .collect();
    let mut ps = Default::default();
    let mut arcs = Vec::new();
    let c = cpu_ns();
    for (f, (u, x)) in forms.iter().zip(&tags) {
        model.parser.parse_into(f, u, x, &mut ps, &mut arcs);
    }
    let parse_secs = (cpu_ns() - c) as f64 / 1e9;
    let mut out = String::new();
    for s in &pred {
        s.write_to(&mut out);
    }
    std::fs::write(pred_path, out)?;
    let s = evaluate(&gold, &pred);
    println!(
        "load {load_ms:.0} ms; {} words: tag+parse {:.0} tokens/s, parse alone {:.0} tokens/s (CPU time, one thread)",
        s.words,
        s.words as f64 / secs,
        s.words as f64 / parse_secs
    );
    println!(
        "UPOS {:.2} XPOS {:.2} UAS {:.2} LAS {:.2}",
        s.upos, s.xpos, s.uas, s.las
    );
    Ok(())
}

/// On-CPU nanoseconds of this thread (Linux): speed on one core, whatever else the
/// machine runs.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}
