//! Trains the shipped model (jackknifed tagger + parser) and writes it.
//! `cargo run --release -p aras-nlp --example train_model -- TRAIN.conllu [OUT] [--dev DEV.conllu] [--folds K] [--epochs N] [--tagger-epochs N] [--ensemble N]`
//! OUT defaults to models/en_ewt.model. Prints timings, sizes and (with --dev) accuracy.

use aras_nlp::conllu;
use aras_nlp::model::{evaluate, train, Model, TrainOptions};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut pos = Vec::new();
    let mut opts = TrainOptions::default();
    let mut dev = None;
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--dev" => dev = Some(val()?),
            "--folds" => opts.folds = val()?.parse()?,
            "--epochs" => opts.parser.epochs = val()?.parse()?,
            "--tagger-epochs" => opts.tagger.epochs = val()?.parse()?,
            "--min-weight" => opts.parser.min_weight = val()?.parse()?,
            "--ensemble" => opts.parser.ensemble = val()?.parse()?,
            _ => pos.push(a),
        }
    }
    let train_path = pos
        .first()
        .ok_or("usage: train_model TRAIN [OUT] [--dev DEV]")?;
    let out_path = pos
        .get(1)
        .cloned()
        .unwrap_or_else(|| "models/en_ewt.model".to_string());
    let sents = conllu::parse(&std::fs::read_to_string(train_path)?)?;
    let t = Instant::now();
    let model = train(&sents, &[], &opts, &mut |m| {
        eprintln!("[{:6.1}s] {m}", t.elapsed().as_secs_f64())
    });
    let train_secs = t.elapsed().as_secs_f64();
    let bytes = model.to_bytes();
    if let Some(dir) = std::path::Path::new(&out_path).parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&out_path, &bytes)?;
    println!(
        "trained in {train_secs:.1}s; wrote {out_path}: {:.1} MB ({} parser weights)",
        bytes.len() as f64 / 1e6,
        model.parser.n_weights()
    );
    let t = Instant::now();
    let model = Model::from_bytes(&bytes)?;
    println!("load: {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    if let Some(dev) = dev {
        let gold = conllu::parse(&std::fs::read_to_string(&dev)?)?;
        let mut pred = gold.clone();
        let t = Instant::now();
        let mut scratch = Default::default();
        for s in &mut pred {
            model.annotate_with(s, &mut scratch);
        }
        let secs = t.elapsed().as_secs_f64();
        let s = evaluate(&gold, &pred);
        println!(
            "{dev}: UPOS {:.2} XPOS {:.2} UAS {:.2} LAS {:.2} ({} words, {:.0} tokens/s tag+parse)",
            s.upos,
            s.xpos,
            s.uas,
            s.las,
            s.words,
            s.words as f64 / secs
        );
    }
    Ok(())
}
