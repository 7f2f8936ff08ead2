//! Trains the tagger on UD English EWT train and prints UPOS / XPOS / lemma accuracy on
//! EWT dev and test and on the GUM news files, plus train time, speed and model size.
//!
//! cargo run --release -p aras-nlp --example tagger_eval -- [--epochs N] [--min-abs X]
//!     [--restrict N] [--dict N] [--amb N] [--seed N] [--save PATH]
//!
//! The shared data directory is `$ARAS_SHARED` or `../shared` next to the repository.

use aras_nlp::conllu::{self, Sentence};
use aras_nlp::tagger::{Tagged, Tagger, TaggerOptions};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn load(path: &Path) -> Result<Vec<Sentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    conllu::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

struct Score {
    words: usize,
    upos: usize,
    xpos: usize,
    lemma: usize,
}

fn evaluate(t: &Tagger, sents: &[Sentence]) -> Score {
    let mut s = Score {
        words: 0,
        upos: 0,
        xpos: 0,
        lemma: 0,
    };
    let mut out = Tagged::default();
    for sent in sents {
        let forms = sent.forms();
        t.tag_into(&forms, &mut out);
        for (i, w) in sent.words.iter().enumerate() {
            s.words += 1;
            s.upos += (t.upos_name(out.upos[i]) == w.upos) as usize;
            s.xpos += (t.xpos_name(out.xpos[i]) == w.xpos) as usize;
            s.lemma += (out.lemma(i) == w.lemma) as usize;
            if std::env::var_os("TAGGER_LEMMA_ERRORS").is_some() && out.lemma(i) != w.lemma {
                eprintln!(
                    "LEMMA\t{}\t{}\t{}\t{}",
                    w.form,
                    w.xpos,
                    w.lemma,
                    out.lemma(i)
                );
            }
        }
    }
    s
}

fn print(name: &str, s: &Score) {
    let pct = |n: usize| 100.0 * n as f64 / s.words.max(1) as f64;
    println!(
        "{name:<10} words {:>6}  UPOS {:.2}  XPOS {:.2}  lemma {:.2}",
        s.words,
        pct(s.upos),
        pct(s.xpos),
        pct(s.lemma)
    );
}

/// This thread's CPU time (Linux), so speed figures survive a busy shared machine.
fn thread_cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() -> Result<(), String> {
    let mut opts = TaggerOptions::default();
    let mut save = None;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = || it.next().ok_or(format!("{a} needs a value"));
        let bad = |e: &dyn std::fmt::Display| format!("{a}: {e}");
        match a.as_str() {
            "--epochs" => opts.epochs = val()?.parse().map_err(|e| bad(&e))?,
            "--seed" => opts.seed = val()?.parse().map_err(|e| bad(&e))?,
            "--min-abs" => opts.min_abs = val()?.parse().map_err(|e| bad(&e))?,
            "--restrict" => opts.restrict_min_count = val()?.parse().map_err(|e| bad(&e))?,
            "--amb" => opts.amb_min_count = val()?.parse().map_err(|e| bad(&e))?,
            "--dict" => opts.dict_min_count = val()?.parse().map_err(|e| bad(&e))?,
            "--save" => save = Some(val()?.clone()),
            _ => return Err(format!("unknown argument {a}")),
        }
    }
    let ud = aras_testkit::shared_location().join("data/ud");
    let train = load(&ud.join("en_ewt-ud-train.conllu"))?;
    let dev = load(&ud.join("en_ewt-ud-dev.conllu"))?;
    let test = load(&ud.join("en_ewt-ud-test.conllu"))?;
    let mut gum = Vec::new();
    let mut gum_files: Vec<PathBuf> = std::fs::read_dir(ud.join("gum-news"))
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    gum_files.sort();
    for f in &gum_files {
        gum.extend(load(f)?);
    }

    println!("{opts:?}");
    let t0 = Instant::now();
    let tagger = Tagger::train(&train, &opts);
    println!("trained in {:.1} s: {tagger:?}", t0.elapsed().as_secs_f64());
    let mut bytes = Vec::new();
    tagger.write(&mut bytes);
    println!("tagger block: {} bytes", bytes.len());
    if let Some(p) = save {
        std::fs::write(&p, &bytes).map_err(|e| format!("{p}: {e}"))?;
    }

    print("dev", &evaluate(&tagger, &dev));
    print("test", &evaluate(&tagger, &test));
    print("gum-news", &evaluate(&tagger, &gum));

    // Speed: tag dev + test repeatedly on this one thread.
    let sents: Vec<Vec<&str>> = dev.iter().chain(&test).map(|s| s.forms()).collect();
    let n_tokens: usize = sents.iter().map(|s| s.len()).sum();
    let mut out = Tagged::default();
    let mut rounds = 0;
    let cpu0 = thread_cpu_secs();
    let t0 = Instant::now();
    while t0.elapsed().as_secs_f64() < 3.0 {
        for s in &sents {
            tagger.tag_into(s, &mut out);
        }
        rounds += 1;
    }
    let secs = t0.elapsed().as_secs_f64();
    let cpu = cpu0.and_then(|c0| Some(thread_cpu_secs()? - c0));
    println!(
        "speed: {:.0} tokens/s wall, {} ({} rounds of {} tokens)",
        (rounds * n_tokens) as f64 / secs,
        cpu.map_or("no CPU clock".to_string(), |c| format!(
            "{:.0} tokens/s of CPU time",
            (rounds * n_tokens) as f64 / c
        )),
        rounds,
        n_tokens
    );
    Ok(())
}
