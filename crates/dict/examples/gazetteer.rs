//! The gazetteer from the command line:
//!
//! - `cargo run --release -p aras-dict --example gazetteer -- time [N]`: the build time of
//!   `Gazetteer::builtin()` (best and mean of N, default 10), the number of places, forms
//!   and automaton patterns, the automaton's heap bytes and the process's resident memory
//!   before and after building (Linux);
//! - `... -- jsonl FILE [FIRST] [COUNT]`: the matches in the `text` field of JSON Lines
//!   articles (lines FIRST.. FIRST+COUNT-1, 0-based), one TSV row each: article id,
//!   start, end, matched text, candidate countries, place, lat, lon, population, context;
//! - `... -- FILE`: the matches in a text file (stdin without FILE).
use std::io::Read;
use std::time::{Duration, Instant};

use aras_dict::{Gazetteer, PlaceMatch};

/// CPU time of this thread (Linux), which a busy machine inflates less than wall time.
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(
        s.split_whitespace().next()?.parse().ok()?,
    ))
}

fn rss_kib() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn row(id: &str, text: &str, m: &PlaceMatch<'_>) -> String {
    let p = m.place();
    let lo = text[..m.start]
        .char_indices()
        .rev()
        .nth(59)
        .map_or(0, |(i, _)| i);
    let hi = text[m.end..]
        .char_indices()
        .nth(60)
        .map_or(text.len(), |(i, _)| m.end + i);
    let context = format!(
        "{}[[{}]]{}",
        &text[lo..m.start],
        m.text(text),
        &text[m.end..hi]
    )
    .replace(['\n', '\t'], " ");
    format!(
        "{id}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{context}",
        m.start,
        m.end,
        m.text(text),
        m.countries().join(","),
        p.name,
        p.lat,
        p.lon,
        p.population.map_or("-".to_string(), |n| n.to_string()),
    )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("time") => {
            let n: u32 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(10);
            let before = rss_kib();
            let g = Gazetteer::builtin().expect("builtin gazetteer loads");
            let after = rss_kib();
            let mut best = Duration::MAX;
            let mut total = Duration::ZERO;
            let mut best_cpu = Duration::MAX;
            for _ in 0..n {
                let (t, c) = (Instant::now(), thread_cpu());
                let g2 = Gazetteer::builtin().expect("loads");
                let d = t.elapsed();
                if let (Some(c0), Some(c1)) = (c, thread_cpu()) {
                    best_cpu = best_cpu.min(c1 - c0);
                }
                drop(g2);
                best = best.min(d);
                total += d;
            }
            println!(
                "Gazetteer::builtin(): best {best:?}, mean {:?} over {n} (CPU best {best_cpu:?}); {} places, \
                 {} patterns; automata {} KiB; resident memory {} -> {} KiB",
                total / n,
                g.len(),
                g.pattern_count(),
                g.automaton_bytes() / 1024,
                before.map_or("?".into(), |k| k.to_string()),
                after.map_or("?".into(), |k| k.to_string()),
            );
        }
        Some("jsonl") => {
            let path = args.get(1).expect("jsonl FILE");
            let first: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(0);
            let count: usize = args
                .get(3)
                .and_then(|s| s.parse().ok())
                .unwrap_or(usize::MAX);
            let g = Gazetteer::builtin().expect("builtin gazetteer loads");
            let data = std::fs::read_to_string(path).expect("readable file");
            for line in data.lines().skip(first).take(count) {
                let v: serde_json::Value = serde_json::from_str(line).expect("a JSON object");
                let id = v["id"].as_str().unwrap_or("-");
                let text = v["text"].as_str().unwrap_or("");
                for m in g.find(text) {
                    println!("{}", row(id, text, &m));
                }
            }
        }
        path => {
            let mut text = String::new();
            match path {
                Some(p) => text = std::fs::read_to_string(p).expect("readable file"),
                None => {
                    std::io::stdin().read_to_string(&mut text).expect("stdin");
                }
            }
            let g = Gazetteer::builtin().expect("builtin gazetteer loads");
            for m in g.find(&text) {
                println!("{}", row("-", &text, &m));
            }
        }
    }
}
