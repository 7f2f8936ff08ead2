//! `cargo bench -p aras-dict`: building the builtin dictionary and finding
//! mentions in a ~100 KB article.
use aras_dict::Dictionary;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn article() -> String {
    let para = "Azerbaijan’s Foreign Ministry said on Tuesday that Baku would not allow its \
territory to be used against Iran, after Israeli strikes on Iranian nuclear sites. The \
Kremlin and the White House urged restraint, while NATO and the EU called for talks. \
Analysts at the Carnegie Russia Eurasia Center and the Stockholm International Peace \
Research Institute said Israel supplied most of Azerbaijan's weapons imports. Azerbaijani \
police detained several people; Iranian intelligence accused the Mossad of plotting with \
ethnic Azeris in Tabriz. Shi’ite clerics in Qom and Turkish officials in Ankara weighed in, \
and the UN Security Council met in New York. ";
    let mut s = String::new();
    while s.len() < 100_000 {
        s.push_str(para);
    }
    s
}

fn bench(c: &mut Criterion) {
    // `builtin()` compiles once per process and then clones: bench the compilation.
    c.bench_function("builtin", |b| {
        b.iter(|| Dictionary::from_sources(aras_dict::BUILTIN_SOURCES).unwrap())
    });
    let dict = Dictionary::builtin().unwrap();
    let text = article();
    let mut g = c.benchmark_group("find");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("100KB", |b| b.iter(|| dict.find(black_box(&text))));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
