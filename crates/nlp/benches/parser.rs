//! Parser throughput on EWT dev with the shipped model's tagger output as features.
//! Skips (with a message) when the model file or the shared data is absent.

use aras_nlp::conllu;
use aras_nlp::model::Model;
use aras_nlp::parser::{Arc, ParseScratch};
use aras_nlp::tagger::Tagged;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let model_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/en_ewt.model");
    let dev_path = aras_testkit::shared_location().join("data/ud/en_ewt-ud-dev.conllu");
    let (Ok(bytes), Ok(text)) = (
        std::fs::read(model_path),
        std::fs::read_to_string(&dev_path),
    ) else {
        eprintln!(
            "skipping parser bench: need {model_path} and {}",
            dev_path.display()
        );
        return;
    };
    let model = match Model::from_bytes(&bytes) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("skipping parser bench: {e}");
            return;
        }
    };
    let Ok(sents) = conllu::parse(&text) else {
        eprintln!(
            "skipping parser bench: {} does not parse",
            dev_path.display()
        );
        return;
    };
    let sents: Vec<Vec<&str>> = sents.iter().take(500).map(|s| s.forms()).collect();
    let mut tagged = Tagged::default();
    let tags: Vec<(Vec<&str>, Vec<&str>)> = sents
        .iter()
        .map(|f| {
            model.tagger.tag_into(f, &mut tagged);
            (
                tagged
                    .upos
                    .iter()
                    .map(|&u| model.tagger.upos_name(u))
                    .collect(),
                tagged
                    .xpos
                    .iter()
                    .map(|&x| model.tagger.xpos_name(x))
                    .collect(),
            )
        })
        .collect();
    let n: usize = sents.iter().map(|s| s.len()).sum();
    let mut g = c.benchmark_group("parser");
    g.throughput(Throughput::Elements(n as u64));
    let mut scratch = ParseScratch::default();
    let mut out: Vec<Arc> = Vec::new();
    g.bench_function("parse_ewt_dev_500_sentences", |b| {
        b.iter(|| {
            for (f, (u, x)) in sents.iter().zip(&tags) {
                model.parser.parse_into(f, u, x, &mut scratch, &mut out);
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
