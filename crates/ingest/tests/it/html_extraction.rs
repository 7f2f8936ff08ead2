//! Issue 16: how much of an article a web page's text keeps, and how much of the page
//! around it leaks in, on pages of `tests/fixtures/html/` (written for aras: our own
//! article prose and boilerplate, in the layouts users meet). Each `NAME.html` has a
//! `NAME.expected`: `+ sentence` of the article (must be kept), `- sentence` of the page
//! furniture (must stay out); headlines, bylines and captions are in neither list.

use std::path::Path;

use aras_ingest::{parse_bytes, Format};

/// Every page of the fixture folder, with the floors each must hold:
/// (page, recall floor, leak ceiling). Measured: every page keeps all its article
/// sentences and leaks none of its boilerplate (the extractor before issue 16 leaked
/// 90 of 108); a page may lose one sentence in ten or leak one in ten before this fails.
const PAGES: &[(&str, f64, f64)] = &[
    ("sidebar_most_read", 0.9, 0.1),
    ("story_body_link_heavy", 0.9, 0.1),
    ("article_share_related", 0.9, 0.1),
    ("liveblog", 0.9, 0.1),
    ("comments_cookie", 0.9, 0.1),
    ("table_layout", 0.9, 0.1),
    ("main_split_body", 0.9, 0.1),
    // Written after the scoring was tuned on the pages above, as a check; they showed two
    // faults, which were fixed (see the README), so they are no longer unseen.
    ("wordpress_widgets", 0.9, 0.1),
    ("short_brief_ticker", 0.9, 0.1),
    ("article_text_blocks", 0.9, 0.1),
];

/// Floors over all pages: share of article sentences kept (48 of 48 measured), share of
/// boilerplate leaked (0 of 108 measured).
const RECALL_FLOOR: f64 = 0.98;
const LEAK_CEILING: f64 = 0.03;

struct Expected {
    article: Vec<String>,
    boilerplate: Vec<String>,
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn expected(path: &Path) -> Expected {
    let text = std::fs::read_to_string(path).expect("expected file reads");
    let mut e = Expected {
        article: Vec::new(),
        boilerplate: Vec::new(),
    };
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        match line.split_at(2) {
            ("+ ", s) => e.article.push(collapse(s)),
            ("- ", s) => e.boilerplate.push(collapse(s)),
            _ => panic!("{}: bad line {line:?}", path.display()),
        }
    }
    e
}

#[derive(Default)]
struct Count {
    kept: usize,
    article: usize,
    leaked: usize,
    boilerplate: usize,
}

impl Count {
    fn recall(&self) -> f64 {
        self.kept as f64 / self.article.max(1) as f64
    }
    fn leak(&self) -> f64 {
        self.leaked as f64 / self.boilerplate.max(1) as f64
    }
}

#[test]
fn issue16_html_extraction_recall_and_boilerplate() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html");
    let mut total = Count::default();
    let mut failures = Vec::new();
    println!("page                     recall          boilerplate leaked");
    for &(page, recall_floor, leak_ceiling) in PAGES {
        let html = std::fs::read(dir.join(format!("{page}.html"))).expect("page reads");
        let exp = expected(&dir.join(format!("{page}.expected")));
        let out = parse_bytes(&format!("{page}.html"), Format::Html, &html);
        let doc = out[0].as_ref().expect("a document");
        // Sentences may wrap over lines in the source; the text keeps one line per block.
        let text = collapse(&doc.text);
        let mut c = Count {
            article: exp.article.len(),
            boilerplate: exp.boilerplate.len(),
            ..Count::default()
        };
        for s in &exp.article {
            if text.contains(s.as_str()) {
                c.kept += 1;
            } else {
                println!("  {page}: lost    {s}");
            }
        }
        for s in &exp.boilerplate {
            if text.contains(s.as_str()) {
                c.leaked += 1;
                println!("  {page}: leaked  {s}");
            }
        }
        println!(
            "{page:<24} {:.3} ({:>2}/{:>2})   {:.3} ({:>2}/{:>2})",
            c.recall(),
            c.kept,
            c.article,
            c.leak(),
            c.leaked,
            c.boilerplate
        );
        if c.recall() < recall_floor || c.leak() > leak_ceiling {
            failures.push(page);
        }
        total.kept += c.kept;
        total.article += c.article;
        total.leaked += c.leaked;
        total.boilerplate += c.boilerplate;
    }
    println!(
        "{:<24} {:.3} ({}/{})   {:.3} ({}/{})",
        "overall",
        total.recall(),
        total.kept,
        total.article,
        total.leak(),
        total.leaked,
        total.boilerplate
    );
    assert!(failures.is_empty(), "below their floors: {failures:?}");
    assert!(
        total.recall() >= RECALL_FLOOR,
        "recall {:.3}",
        total.recall()
    );
    assert!(total.leak() <= LEAK_CEILING, "leak {:.3}", total.leak());
}
