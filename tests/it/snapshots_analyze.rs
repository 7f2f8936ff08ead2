//! Whole-document output of `aras analyze` on the articles in `examples/`, snapshot-tested
//! (insta): any change to a record shows up as a reviewed diff.

use std::process::Command;

fn analyze(path: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_aras"))
        .args(["analyze", "--quiet", path])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("aras runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn baku_ceasefire_article() {
    insta::assert_snapshot!(analyze("examples/baku-ceasefire.txt"));
}

#[test]
fn jsonl_feed_of_two_articles() {
    insta::assert_snapshot!(analyze("examples/feeds.jsonl"));
}
