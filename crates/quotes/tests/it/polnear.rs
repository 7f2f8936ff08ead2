//! PolNeAR (dev split) and the seed article, when `../shared` is present.

#[test]
fn polnear_dev() {
    let dir = aras_testkit::require_shared!("data/corpora/quotes_polnear");
    // ARAS_QUOTES_SPLIT=train scores another compartment (for development; floors below are for dev).
    let split = std::env::var("ARAS_QUOTES_SPLIT").unwrap_or_else(|_| "dev".into());
    let sc = aras_quotes::eval::polnear_split(&dir, &split).expect("polnear");
    if split != "dev" {
        eprintln!(
            "{split}: recall {:.3} precision {:.3} speaker {:.3} ({}/{})",
            sc.recall(),
            sc.precision(),
            sc.speaker_accuracy(),
            sc.speaker_correct,
            sc.speaker_scored
        );
        for (ours, gold, q) in &sc.speaker_errors {
            eprintln!("  ours {ours:?} gold {gold:?} :: {q}");
        }
        return;
    }
    eprintln!(
        "PolNeAR dev: {} articles, {} gold direct quotes, recall {:.3}, precision {:.3} ({} predicted), precision with speaker {:.3} ({}), speaker accuracy {:.3} ({}/{})",
        sc.articles,
        sc.gold_quotes,
        sc.recall(),
        sc.precision(),
        sc.predicted,
        sc.precision_with_speaker(),
        sc.predicted_with_speaker,
        sc.speaker_accuracy(),
        sc.speaker_correct,
        sc.speaker_scored
    );
    if std::env::var_os("ARAS_QUOTES_ERRORS").is_some() {
        for (ours, gold, q) in &sc.speaker_errors {
            eprintln!("  ours {ours:?} gold {gold:?} :: {q}");
        }
    }
    assert!(sc.articles >= 50);
    assert!(sc.recall() >= RECALL_FLOOR, "recall {}", sc.recall());
    assert!(
        sc.precision() >= PRECISION_FLOOR,
        "precision {}",
        sc.precision()
    );
    assert!(
        sc.speaker_accuracy() >= SPEAKER_FLOOR,
        "speaker accuracy {}",
        sc.speaker_accuracy()
    );
}

const RECALL_FLOOR: f64 = 0.95;
const PRECISION_FLOOR: f64 = 0.88;
const SPEAKER_FLOOR: f64 = 0.78;

#[test]
fn seed_article() {
    let article = aras_testkit::require_shared!("corpus/seed/article.txt");
    let raw = std::fs::read_to_string(article).expect("the seed article reads");
    // The body after the front matter.
    let body = match raw
        .strip_prefix("---\n")
        .and_then(|r| r.split_once("\n---\n"))
    {
        Some((_, body)) => body,
        None => raw.as_str(),
    };
    let sentences = aras_text::segment(body);
    let quotes = aras_quotes::extract(body, &sentences, None);
    for q in &quotes {
        let line = body[..q.start].matches('\n').count() + 1;
        let sp = q.speaker.as_ref().map_or("-".to_string(), |s| {
            format!(
                "{} [{:?}: {:?}]",
                s.name,
                s.resolved_by,
                &body[s.start..s.end]
            )
        });
        eprintln!(
            "line {line:>2} partial={:<5} {:<60} <- {sp}",
            q.partial,
            format!("{:?}", q.text.chars().take(58).collect::<String>())
        );
    }
    assert!(!quotes.is_empty());
}
