//! CPU-friendly timing of `Dictionary::builtin()` and `find` (criterion's
//! `benches/find.rs` is the reference; this one is quick to run on a busy box):
//!
//! `cargo run --release -p aras-dict --example dict_timing -- build|find [N] [FILE]`
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = args.first().map(String::as_str).unwrap_or("find");
    let n: u32 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(50);
    let para = match args.get(2) {
        Some(path) => std::fs::read_to_string(path).expect("readable file"),
        None => "Azerbaijan’s Foreign Ministry said Baku would not let its territory be used \
                 against Iran. The Kremlin, the White House, NATO and the EU urged restraint; \
                 the Carnegie Russia Eurasia Center and SIPRI were cited. Azerbaijani police and \
                 Iranian intelligence, Shi’ite clerics in Qom and ethnic Azeris in Tabriz. "
            .to_string(),
    };
    let mut text = String::new();
    while text.len() < 100_000 {
        text.push_str(&para);
    }
    let dict = aras_dict::Dictionary::builtin().expect("builtin dictionaries load");
    let t = Instant::now();
    let mut k = 0;
    for _ in 0..n {
        k += match mode {
            // `builtin()` compiles once per process: time the compilation.
            "build" => aras_dict::Dictionary::from_sources(aras_dict::BUILTIN_SOURCES)
                .expect("loads")
                .len(),
            _ => dict.find(&text).len(),
        };
    }
    println!(
        "{mode}: {:?} per call over {} bytes; {} entries, {} patterns, {} results per call",
        t.elapsed() / n,
        text.len(),
        dict.len(),
        dict.pattern_count(),
        k / n as usize
    );
}
