//! Tagging speed on EWT dev with a tagger trained on a 2,000-sentence slice of EWT train.
//! Needs the shared data (`$ARAS_SHARED` or `../shared` next to the repository); without
//! it the bench prints a note and measures nothing. Full-model speed: see the
//! `tagger_eval` example.

use aras_nlp::conllu::{self, Sentence};
use aras_nlp::tagger::{Tagged, Tagger, TaggerOptions};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn load(path: &Path) -> Option<Vec<Sentence>> {
    conllu::parse(&std::fs::read_to_string(path).ok()?).ok()
}

fn bench(c: &mut Criterion) {
    let ud = aras_testkit::shared_location().join("data/ud");
    let (Some(train), Some(dev)) = (
        load(&ud.join("en_ewt-ud-train.conllu")),
        load(&ud.join("en_ewt-ud-dev.conllu")),
    ) else {
        eprintln!("tagger bench skipped: no UD data under {}", ud.display());
        return;
    };
    let slice = &train[..train.len().min(2000)];
    let tagger = Tagger::train(slice, &TaggerOptions::default());
    let sents: Vec<Vec<&str>> = dev.iter().map(|s| s.forms()).collect();
    let tokens: usize = sents.iter().map(|s| s.len()).sum();
    let mut group = c.benchmark_group("tagger");
    group.throughput(Throughput::Elements(tokens as u64));
    group.sample_size(10);
    let mut out = Tagged::default();
    group.bench_function("tag_ewt_dev", |b| {
        b.iter(|| {
            for s in &sents {
                tagger.tag_into(s, &mut out);
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
