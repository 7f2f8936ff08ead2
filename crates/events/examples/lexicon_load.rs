//! Times `Lexicon::builtin()` (the budget is 30 ms in a release build): the first load
//! and the minimum, median and maximum of RUNS loads.
//!
//! ```text
//! cargo run --release -p aras-events --example lexicon_load [-- RUNS]
//! ```
use std::time::Instant;

use aras_events::Lexicon;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runs: usize = match std::env::args().nth(1) {
        Some(n) => n.parse()?,
        None => 20,
    };
    let mut ms = Vec::with_capacity(runs);
    let mut sizes = (0, 0, 0);
    let mut fallback = (0, 0);
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let lex = Lexicon::builtin()?;
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
        sizes = lex.sizes();
        fallback = lex.fallback_sizes();
    }
    let first = ms[0];
    ms.sort_by(f64::total_cmp);
    println!(
        "Lexicon::builtin(): first {first:.2} ms, min {:.2} ms, median {:.2} ms, max {:.2} ms over {} runs; {} codes, {} verb patterns, {} noun entries; second tier: {} verb patterns of {} lemmas",
        ms[0],
        ms[ms.len() / 2],
        ms[ms.len() - 1],
        ms.len(),
        sizes.0,
        sizes.1,
        sizes.2,
        fallback.0,
        fallback.1
    );
    Ok(())
}
