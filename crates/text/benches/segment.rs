//! Throughput of `tokenize` and `segment` on ~100 KB of news text.
//!
//! Uses the seed article from `../shared` (or `$ARAS_SHARED`) when present, else a
//! built-in paragraph; criterion reports tokens per second.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

/// A paragraph in the style of the seed article, used when `../shared` is absent.
const FALLBACK: &str = "Azerbaijan’s president stood before cameras of the state TV broadcaster, \
grinning alongside an Israeli attack drone newly acquired for his country’s growing arsenals. \
“Aliyev needs to stay on the good side of both Israel -- a continued supplier of weapons -- and \
Tehran,” said Richard Kauzlarich, who served as U.S. ambassador to Azerbaijan in the late 1990s. \
Between 2016 and 2021, Israel was the source for 69 percent of Baku’s weapons imports, according \
to the Stockholm International Peace Research Institute (SIPRI). Gen. Smith didn't comment on \
June 18, 2025; see https://www.rferl.org/a/azerbaijan for details.\n";

fn corpus() -> String {
    let seed =
        std::fs::read_to_string(aras_testkit::shared_location().join("corpus/seed/article.txt"))
            .unwrap_or_else(|_| FALLBACK.to_string());
    let mut text = String::with_capacity(110_000);
    while text.len() < 100_000 {
        text.push_str(&seed);
        text.push('\n');
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let tokens = aras_text::tokenize(&text).len() as u64;
    let mut group = c.benchmark_group("news_100k");
    group.throughput(Throughput::Elements(tokens));
    group.bench_function("tokenize", |b| {
        b.iter(|| aras_text::tokenize(black_box(&text)))
    });
    group.bench_function("segment", |b| {
        b.iter(|| aras_text::segment(black_box(&text)))
    });
    let mut buf = Vec::new();
    group.bench_function("tokenize_into_reused", |b| {
        b.iter(|| {
            buf.clear();
            aras_text::tokenize_into(black_box(&text), &mut buf);
            buf.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
