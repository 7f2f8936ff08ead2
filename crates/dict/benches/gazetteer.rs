//! `cargo bench -p aras-dict --bench gazetteer`: building the builtin gazetteer
//! (`dict/places.tsv`) and finding places in a ~100 KB article.
use aras_dict::Gazetteer;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn article() -> String {
    let para = "Police fired tear gas at demonstrators in Nairobi on Tuesday, while farmers \
blocked highways across France and thousands of protesters marched through Santiago. In \
Tabriz and Isfahan, Iranian officials met delegations from Baku; talks in Geneva and Vienna \
stalled. Mobile phones were seized in Reading, officials in Washington said. ";
    let mut s = String::new();
    while s.len() < 100_000 {
        s.push_str(para);
    }
    s
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("gazetteer");
    g.sample_size(10);
    g.bench_function("builtin", |b| b.iter(|| Gazetteer::builtin().unwrap()));
    let gaz = Gazetteer::builtin().unwrap();
    let text = article();
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("find 100KB", |b| b.iter(|| gaz.find(black_box(&text))));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
