//! Integration tests: one per format and per kind of bad input, on fixtures under
//! `tests/fixtures/` (short fake news text written for these tests), plus the shared corpus
//! when it is present.

use std::io::Write;
use std::path::{Path, PathBuf};

use aras_ingest::{
    parse_bytes, read_inputs, Document, ErrorKind, Format, IngestError, Input, Origin,
    MAX_DOCUMENT_BYTES,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn label(name: &str) -> String {
    fixture(name).to_string_lossy().into_owned()
}

fn read(names: &[&str]) -> Vec<Result<Document, IngestError>> {
    let inputs: Vec<Input> = names.iter().map(|n| Input::Path(fixture(n))).collect();
    read_inputs(&inputs).collect()
}

fn one_doc(name: &str) -> Document {
    let mut out = read(&[name]);
    assert_eq!(out.len(), 1, "{out:?}");
    out.remove(0).expect("a document")
}

fn one_err(name: &str) -> IngestError {
    let mut out = read(&[name]);
    assert_eq!(out.len(), 1, "{out:?}");
    out.remove(0).expect_err("an error")
}

fn origin(name: &str, line: Option<usize>, item: Option<usize>) -> Origin {
    Origin {
        path: label(name),
        line,
        item,
    }
}

#[test]
fn txt_with_front_matter() {
    let doc = one_doc("front_matter.txt");
    assert_eq!(doc.id, "fm-harbour-talks");
    assert_eq!(
        doc.title.as_deref(),
        Some("Harbour talks resume in Port Vale")
    );
    assert_eq!(doc.date.as_deref(), Some("2024-03-05"));
    assert_eq!(doc.source.as_deref(), Some("Aras test wire"));
    assert_eq!(
        doc.url.as_deref(),
        Some("https://example.org/news/harbour-talks")
    );
    assert_eq!(doc.lang.as_deref(), Some("en"));
    assert_eq!(doc.origin, origin("front_matter.txt", None, None));
    // The body is the file from just after the closing `---` line, byte for byte.
    let raw = std::fs::read_to_string(fixture("front_matter.txt")).expect("fixture");
    let body_start = raw.find("\n---\n").expect("closing line") + "\n---\n".len();
    assert_eq!(doc.text, &raw[body_start..]);
    assert!(doc.text.starts_with("Negotiators from Eastland"));
    let offset = doc.text.find("Port Vale").expect("in body");
    assert_eq!(&raw[body_start + offset..][..9], "Port Vale");
}

#[test]
fn txt_without_front_matter_is_all_body() {
    let doc = one_doc("plain.txt");
    let raw = std::fs::read_to_string(fixture("plain.txt")).expect("fixture");
    assert_eq!(doc.id, "plain");
    assert_eq!(doc.text, raw);
    assert_eq!((doc.title, doc.date, doc.lang), (None, None, None));
}

#[test]
fn txt_with_crlf_and_bom() {
    let doc = one_doc("crlf_bom.txt");
    assert_eq!(doc.id, "crlf-doc");
    assert_eq!(doc.title.as_deref(), Some("Storm closes ports"));
    // BOM gone, front matter parsed across \r\n, body's \r\n kept as is.
    assert_eq!(
        doc.text,
        "A storm closed three ports on Friday.\r\nOfficials expect them to reopen on Sunday.\r\n"
    );
}

#[test]
fn jsonl_bad_lines_are_errors_and_reading_continues() {
    let out = read(&["mixed.jsonl"]);
    assert_eq!(out.len(), 4, "{out:?}");

    let first = out[0].as_ref().expect("line 1");
    assert_eq!(first.id, "j1");
    assert_eq!(first.title.as_deref(), Some("Ministers meet"));
    assert_eq!(first.date.as_deref(), Some("2024-02-01"));
    assert_eq!(first.source.as_deref(), Some("Test wire"));
    assert_eq!(first.lang.as_deref(), Some("en"));
    assert_eq!(first.url, None);
    assert_eq!(
        first.text,
        "The foreign ministers of Northia and Southia met on Thursday."
    );
    assert_eq!(first.origin, origin("mixed.jsonl", Some(1), None));

    let broken = out[1].as_ref().expect_err("line 2");
    assert_eq!(broken.line(), Some(2));
    assert!(matches!(broken.kind(), ErrorKind::Json(_)));
    assert_eq!(
        broken.to_string(),
        format!(
            "{}:2: invalid JSON: EOF while parsing an object (the line ends too early)",
            label("mixed.jsonl")
        )
    );

    let no_text = out[2].as_ref().expect_err("line 3");
    assert_eq!(no_text.line(), Some(3));
    assert!(matches!(no_text.kind(), ErrorKind::MissingText(_)));
    assert_eq!(
        no_text.to_string(),
        format!("{}:3: no `text` field", label("mixed.jsonl"))
    );

    // Line 4 is blank and skipped; line 5 has no id, a null title, a numeric date (read as
    // the ISO 8601 basic date it is).
    let last = out[3].as_ref().expect("line 5");
    assert_eq!(last.id, "mixed-5");
    assert_eq!(last.title, None);
    assert_eq!(last.date.as_deref(), Some("2024-02-03"));
    assert_eq!(
        last.text,
        "Southia recalled its ambassador.\nThe move surprised analysts."
    );
    assert_eq!(last.origin, origin("mixed.jsonl", Some(5), None));
}

#[test]
fn json_error_names_the_column() {
    let out = parse_bytes("x.jsonl", Format::Jsonl, b"{\"text\": \"a\" \"id\": 1}\n");
    let err = out[0].as_ref().expect_err("broken");
    assert_eq!(
        err.to_string(),
        "x.jsonl:1: invalid JSON: expected `,` or `}` at column 14"
    );
}

#[test]
fn stdin_style_ids_and_bom_on_first_jsonl_line() {
    let out = parse_bytes(
        "-",
        Format::Jsonl,
        b"\xEF\xBB\xBF{\"text\": \"one\"}\r\n{\"text\": \"two\"}",
    );
    let ids: Vec<_> = out
        .iter()
        .map(|r| r.as_ref().map(|d| d.id.clone()))
        .collect();
    assert_eq!(ids, [Ok("stdin-1".to_string()), Ok("stdin-2".to_string())]);
}

#[test]
fn html_article_without_page_furniture() {
    let doc = one_doc("page.html");
    assert_eq!(doc.id, "page");
    assert_eq!(
        doc.title.as_deref(),
        Some("Dam deal signed by Upland and Lowland")
    );
    assert_eq!(doc.date.as_deref(), Some("2024-04-09"));
    assert_eq!(doc.source.as_deref(), Some("Example News"));
    assert_eq!(
        doc.url.as_deref(),
        Some("https://example.org/2024/04/dam-deal")
    );
    assert_eq!(doc.lang.as_deref(), Some("en-GB"));
    assert_eq!(
        doc.text,
        "Upland and Lowland signed an agreement on Tuesday to share water from the Grey River dam.\n\
         \u{201c}This ends a decade of disputes,\u{201d} said Lowland's energy minister, Tomas Berg.\n\
         Upland gets 55 percent\n\
         Lowland gets 45 percent\n\
         Talks will continue\n\
         in June."
    );
    for junk in [
        "Subscribe",
        "tracking",
        "World",
        "Search",
        "Related",
        "color",
        "By A. Writer",
    ] {
        assert!(!doc.text.contains(junk), "{junk} leaked into the body");
    }
}

#[test]
fn broken_html_still_gives_text() {
    let doc = one_doc("broken.html");
    assert_eq!(doc.title.as_deref(), Some("Broken & unclosed"));
    assert_eq!(
        doc.text,
        "First paragraph with bold nested text\n\
         Second paragraph &unknown; entity <ok>\n\
         cell one cell two\n\
         trailing unclosed"
    );
}

#[test]
fn html_without_text_is_an_error() {
    let out = parse_bytes(
        "blank.html",
        Format::Html,
        b"<html><body><nav>Menu</nav></body></html>",
    );
    let err = out[0].as_ref().expect_err("no text");
    assert_eq!(
        err.to_string(),
        "blank.html: HTML: no text found in the page"
    );
}

#[test]
fn rss_items() {
    let out = read(&["feed.rss"]);
    let docs: Vec<Document> = out.into_iter().map(|r| r.expect("item")).collect();
    assert_eq!(docs.len(), 2);
    let a = &docs[0];
    assert_eq!(a.id, "rss-border-1");
    assert_eq!(a.title.as_deref(), Some("Border crossing reopens"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/border"));
    assert_eq!(a.date.as_deref(), Some("2024-03-05"));
    assert_eq!(a.source.as_deref(), Some("Test Wire World"));
    assert_eq!(a.lang.as_deref(), Some("en-us"));
    // Escaped HTML description: tags become lines, `&amp;amp;` and `&nbsp;` decoded.
    assert_eq!(
        a.text,
        "Officials in Eastland & Westmark reopened the border crossing.\nTrucks queued for hours."
    );
    assert_eq!(a.origin, origin("feed.rss", None, Some(1)));
    let b = &docs[1];
    // No guid: the link is the id; content:encoded wins over description; dc:date.
    assert_eq!(b.id, "https://example.org/election");
    assert_eq!(b.date.as_deref(), Some("2024-03-06"));
    assert_eq!(
        b.text,
        "The election commission of Northia set the vote for June 2.\nOpposition parties welcomed the decision."
    );
    assert_eq!(b.origin, origin("feed.rss", None, Some(2)));
}

#[test]
fn atom_entries() {
    let out = read(&["feed.atom"]);
    assert_eq!(out.len(), 3, "{out:?}");
    let a = out[0].as_ref().expect("entry 1");
    assert_eq!(a.id, "urn:example:entry:1");
    assert_eq!(a.title.as_deref(), Some("Ceasefire holds"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/ceasefire"));
    // `published` wins over `updated`; the day as written in its own offset.
    assert_eq!(a.date.as_deref(), Some("2024-03-07"));
    assert_eq!(a.source.as_deref(), Some("Atom Test Desk"));
    assert_eq!(a.lang.as_deref(), Some("fr"));
    assert_eq!(
        a.text,
        "The ceasefire between Upland and Lowland held overnight.\nMonitors reported no shelling."
    );
    let b = out[1].as_ref().expect("entry 2");
    assert_eq!(b.id, "https://example.org/convoy");
    assert_eq!(b.date.as_deref(), Some("2024-03-08"));
    assert_eq!(b.text, "An aid convoy reached Port Vale.");
    let c = out[2].as_ref().expect_err("entry 3 has no body");
    assert_eq!(c.line(), Some(21));
    assert_eq!(
        c.to_string(),
        format!(
            "{}:21: item 3 has no content, description or summary",
            label("feed.atom")
        )
    );
}

#[test]
fn xml_that_is_not_a_feed() {
    let err = one_err("not_a_feed.xml");
    assert!(matches!(err.kind(), ErrorKind::Feed(_)));
    assert!(
        err.to_string().contains("root element is <catalog>"),
        "{err}"
    );
}

#[test]
fn malformed_feed_keeps_items_before_the_error() {
    let xml = "<rss><channel>\n<item><description>One.</description></item>\n<item><description>Two</oops></item></channel></rss>";
    let out = parse_bytes("bad.rss", Format::Feed, xml.as_bytes());
    assert_eq!(out.len(), 2, "{out:?}");
    assert_eq!(out[0].as_ref().map(|d| d.text.as_str()), Ok("One."));
    let err = out[1].as_ref().expect_err("malformed");
    assert_eq!(err.line(), Some(3));
    assert!(
        err.to_string()
            .starts_with("bad.rss:3: feed: malformed XML"),
        "{err}"
    );
}

#[test]
fn binary_file_is_skipped_with_an_error() {
    let err = one_err("binary.txt");
    assert_eq!(err.kind(), &ErrorKind::Binary);
    assert_eq!(
        err.to_string(),
        format!("{}: binary file, skipped", label("binary.txt"))
    );
}

#[test]
fn invalid_utf8_names_line_and_byte() {
    // The readable part is kept, with a warning naming line and byte (issue 16).
    let out = read(&["invalid_utf8.txt"]);
    assert_eq!(out.len(), 2, "{out:?}");
    let err = out[0].as_ref().expect_err("the warning comes first");
    assert_eq!(err.kind(), &ErrorKind::InvalidUtf8Kept { offset: 48 });
    assert_eq!(err.line(), Some(2));
    assert_eq!(
        err.to_string(),
        format!(
            "{}:2: warning: invalid UTF-8 at byte 48: only the text before it is read",
            label("invalid_utf8.txt")
        )
    );
    let doc = out[1].as_ref().expect("the readable part");
    assert_eq!(
        doc.text,
        "First line is fine.\nSecond line has a bad byte: "
    );
    // Nothing readable before the bad byte: an error and no document.
    let out = parse_bytes("x.txt", Format::Text, b"\xff\xfe rest");
    assert_eq!(out.len(), 1);
    assert_eq!(
        out[0].as_ref().expect_err("unreadable").kind(),
        &ErrorKind::InvalidUtf8 { offset: 0 }
    );
    let out = parse_bytes(
        "x.jsonl",
        Format::Jsonl,
        b"{\"text\":\"a\"}\n{\"text\":\"\xc3\"}\n",
    );
    let err = out[1].as_ref().expect_err("bad line");
    assert_eq!(err.to_string(), "x.jsonl:2: invalid UTF-8 at byte 22");
}

#[test]
fn empty_file_has_no_documents_and_no_error() {
    assert!(read(&["empty.txt"]).is_empty());
    assert!(parse_bytes("e.jsonl", Format::Jsonl, b"\n\n  \n").is_empty());
    assert!(parse_bytes("e.html", Format::Html, b"  \n").is_empty());
}

#[test]
fn missing_and_unsupported_paths_do_not_stop_the_batch() {
    let out = read(&[
        "does-not-exist.txt",
        "tree/notes.csv",
        "binary.txt",
        "plain.txt",
    ]);
    assert_eq!(out.len(), 4, "{out:?}");
    let missing = out[0].as_ref().expect_err("missing");
    assert_eq!(
        missing.to_string(),
        format!("{}: no such file or directory", label("does-not-exist.txt"))
    );
    assert!(matches!(
        out[1].as_ref().map_err(IngestError::kind),
        Err(ErrorKind::UnsupportedFormat(_))
    ));
    assert!(out[2].is_err());
    assert_eq!(out[3].as_ref().map(|d| d.id.as_str()), Ok("plain"));
}

#[test]
fn directories_are_walked_sorted_skipping_hidden_and_unknown() {
    let ids = |out: Vec<Result<Document, IngestError>>| -> Vec<String> {
        out.into_iter()
            .map(|r| r.expect("tree has only good files").id)
            .collect()
    };
    let first = ids(read(&["tree"]));
    assert_eq!(first, ["tree-a", "tree-b1", "b-2", "c", "d-1"]);
    assert_eq!(ids(read(&["tree"])), first, "deterministic");
    // A file without extension named explicitly is read as text.
    let readme = one_doc("tree/README");
    assert_eq!(readme.id, "README");
}

#[test]
fn whole_fixture_directory_yields_every_good_document() {
    let out: Vec<_> = read_inputs(&[Input::Path(fixture(""))]).collect();
    let oks = out.iter().filter(|r| r.is_ok()).count();
    let errs: Vec<String> = out
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(|e| e.to_string())
        .collect();
    // broken, crlf, 2 atom, 2 rss, front matter, 2 jsonl, page, plain, 5 in tree, the
    // readable part of the invalid UTF-8 file, and the 10 pages of html/.
    assert_eq!(oks, 27, "{errs:#?}");
    // binary, atom entry 3, invalid UTF-8 (a warning), 2 bad JSONL lines, not a feed.
    assert_eq!(errs.len(), 6, "{errs:#?}");
}

#[test]
fn huge_jsonl_lines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.jsonl");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
        let body = "a".repeat(50 << 20);
        writeln!(f, "{{\"id\": \"big\", \"text\": \"{body}\"}}").expect("write");
        let over = "b".repeat(MAX_DOCUMENT_BYTES);
        writeln!(f, "{{\"text\": \"{over}\"}}").expect("write");
        writeln!(f, "{{\"text\": \"small\"}}").expect("write");
    }
    let out: Vec<_> = read_inputs(&[Input::Path(path.clone())]).collect();
    assert_eq!(out.len(), 3);
    let big = out[0].as_ref().expect("50 MB line works");
    assert_eq!((big.id.as_str(), big.text.len()), ("big", 50 << 20));
    let err = out[1].as_ref().expect_err("over the limit");
    assert_eq!(
        err.to_string(),
        format!(
            "{}:2: document larger than the 64 MiB limit",
            path.display()
        )
    );
    assert_eq!(out[2].as_ref().map(|d| d.text.as_str()), Ok("small"));
}

#[test]
fn sha256_of_body() {
    let doc = Document::new("x", "abc", Origin::default());
    assert_eq!(
        doc.sha256(),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn input_from_arg() {
    assert_eq!(Input::from_arg("-"), Input::Stdin);
    assert_eq!(Input::from_arg("a.txt"), Input::Path("a.txt".into()));
}

#[test]
fn shared_seed_txt_and_jsonl_agree() {
    let txt = aras_testkit::require_shared!("corpus/seed/article.txt");
    let jsonl = aras_testkit::require_shared!("corpus/seed/article.jsonl");
    let out: Vec<_> = read_inputs(&[Input::Path(txt), Input::Path(jsonl)]).collect();
    assert_eq!(out.len(), 2, "{out:?}");
    let a = out[0].as_ref().expect("seed txt");
    let b = out[1].as_ref().expect("seed jsonl");
    assert_eq!(a.id, "seed-azerbaijan-israel-iran");
    assert_eq!(
        (&a.id, &a.title, &a.date, &a.source, &a.url, &a.lang),
        (&b.id, &b.title, &b.date, &b.source, &b.url, &b.lang)
    );
    assert_eq!(a.text, b.text);
    assert_eq!(a.sha256(), b.sha256());
    assert!(a.text.starts_with("Azerbaijan\u{2019}s president"));
}

#[test]
fn shared_wikinews_front_matter() {
    let dir = aras_testkit::require_shared!("corpus/wikinews");
    let mut n = 0;
    for r in read_inputs(&[Input::Path(dir)]) {
        let doc = r.expect("wikinews file");
        let stem = Path::new(&doc.origin.path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned());
        assert_eq!(Some(doc.id.clone()), stem);
        assert!(doc.title.is_some() && doc.date.is_some() && doc.url.is_some());
        assert!(!doc.text.starts_with("---") && !doc.text.is_empty());
        n += 1;
    }
    assert!(n >= 20, "{n} wikinews documents");
}

#[test]
fn shared_afp_xinhua_jsonl_reads_all() {
    let path = aras_testkit::require_shared!("data/corpora/news_afp_xinhua_te3/articles.jsonl");
    let mut docs = 0;
    for r in read_inputs(&[Input::Path(path)]) {
        let doc = r.expect("every AFP/Xinhua line is good");
        assert!(!doc.text.is_empty() && !doc.id.is_empty());
        docs += 1;
    }
    assert_eq!(docs, 2452);
}

#[test]
fn document_stream_can_move_to_another_thread() {
    fn assert_send<T: Send>(_: &T) {}
    let stream = read_inputs(&[Input::Path(fixture("plain.txt"))]);
    assert_send(&stream);
    let ids = std::thread::spawn(move || {
        stream
            .map(|r| r.map(|d| d.id))
            .collect::<Result<Vec<String>, IngestError>>()
    })
    .join()
    .expect("thread")
    .expect("plain.txt");
    assert_eq!(ids, ["plain"]);
}

/// Issue 16: a NUL byte on line 2 of a JSON Lines file rejected the whole file as binary;
/// now it rejects that line only. A NUL on the first line still marks the file binary.
#[test]
fn issue16_nul_byte_on_line_two_rejects_only_that_line() {
    let mut bytes = b"{\"text\":\"one\"}\n{\"text\":\"t\0wo\"}\n".to_vec();
    for i in 3..=10 {
        bytes.extend(format!("{{\"text\":\"doc {i}\"}}\n").as_bytes());
    }
    let out = parse_bytes("x.jsonl", Format::Jsonl, &bytes);
    assert_eq!(out.len(), 10, "{out:?}");
    assert_eq!(out.iter().filter(|r| r.is_ok()).count(), 9);
    let err = out[1].as_ref().expect_err("line 2");
    assert_eq!(err.line(), Some(2));
    assert_eq!(err.kind(), &ErrorKind::NulByte { offset: 25 });
    let out = parse_bytes(
        "x.jsonl",
        Format::Jsonl,
        b"\0\x01binary\n{\"text\":\"a\"}\n",
    );
    assert_eq!(out.len(), 1);
    assert_eq!(
        out[0].as_ref().expect_err("binary").kind(),
        &ErrorKind::Binary
    );
}

/// Issue 16: `mkfifo d/f.txt; aras analyze d/` blocked forever, the walk opening every
/// entry with a known extension. Non-regular files found by the walk are named and skipped.
#[test]
fn issue16_walk_skips_fifos_without_opening_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), "A good document.").expect("write");
    let fifo = dir.path().join("f.txt");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    std::fs::write(dir.path().join("z.txt"), "Another good one.").expect("write");
    // A symlink loop and a link to the FIFO: named, never followed forever.
    std::os::unix::fs::symlink("loop.txt", dir.path().join("loop.txt")).expect("symlink");
    std::os::unix::fs::symlink(&fifo, dir.path().join("to-fifo.txt")).expect("symlink");
    let out: Vec<_> = read_inputs(&[Input::Path(dir.path().to_path_buf())]).collect();
    let oks: Vec<_> = out
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|d| d.id.clone())
        .collect();
    assert_eq!(oks, ["a", "z"]);
    let errs: Vec<String> = out
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(|e| e.to_string())
        .collect();
    assert_eq!(errs.len(), 3, "{errs:?}");
    assert!(
        errs.iter()
            .any(|e| e.contains("f.txt") && e.contains("FIFO")),
        "{errs:?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.contains("to-fifo.txt") && e.contains("FIFO")),
        "{errs:?}"
    );
    assert!(errs.iter().any(|e| e.contains("loop.txt")), "{errs:?}");
}

/// Issue 16: a publication date is read by jiff in every format: RFC 2822 becomes the ISO
/// day (so "yesterday" can be resolved), and an impossible date is a warning naming the file
/// and line, the document read without a date rather than with the date as written.
#[test]
fn issue16_dates_are_normalised_or_rejected_with_a_warning_in_every_format() {
    // (path, format, input, the document's date, the warning the output starts with)
    type Case<'a> = (&'a str, Format, &'a str, Option<&'a str>, Option<&'a str>);
    let cases: [Case; 8] = [
        (
            "a.jsonl",
            Format::Jsonl,
            "{\"text\": \"x\", \"date\": \"Tue, 17 Jun 2025 09:30:00 +0200\"}\n",
            Some("2025-06-17"),
            None,
        ),
        (
            "b.jsonl",
            Format::Jsonl,
            "{\"text\": \"ok\"}\n{\"text\": \"x\", \"date\": \"2025-02-31\"}\n",
            None,
            Some("b.jsonl:2: warning: date \"2025-02-31\" is not a date"),
        ),
        (
            "c.jsonl",
            Format::Jsonl,
            "{\"text\": \"x\", \"date\": \"not a date\"}\n",
            None,
            Some("c.jsonl:1: warning: date \"not a date\" is not a date"),
        ),
        (
            "d.txt",
            Format::Text,
            "---\ndate: Tue, 17 Jun 2025 09:30:00 +0200\n---\nBody.\n",
            Some("2025-06-17"),
            None,
        ),
        (
            "e.txt",
            Format::Text,
            "---\ndate: 2025-02-31\n---\nBody.\n",
            None,
            Some("e.txt: warning: date \"2025-02-31\" is not a date"),
        ),
        (
            "f.html",
            Format::Html,
            "<html><head><meta property=\"article:published_time\" content=\"2025-13-01\"></head>\
             <body><p>Body text of the page.</p></body></html>",
            None,
            Some("f.html: warning: date \"2025-13-01\" is not a date"),
        ),
        (
            "g.rss",
            Format::Feed,
            "<rss version=\"2.0\"><channel><title>t</title>\n<item><title>x</title>\
             <pubDate>Mon, 31 Feb 2025 10:00:00 GMT</pubDate><description>Body.</description>\
             </item></channel></rss>",
            None,
            Some("g.rss:2: warning: date \"Mon, 31 Feb 2025 10:00:00 GMT\" is not a date"),
        ),
        (
            "h.txt",
            Format::Text,
            "---\ndate: 2025-06\n---\nBody.\n",
            Some("2025-06"),
            None,
        ),
    ];
    for (path, format, input, want_date, want_warning) in cases {
        let out = parse_bytes(path, format, input.as_bytes());
        let doc = out
            .iter()
            .rev()
            .find_map(|r| r.as_ref().ok())
            .unwrap_or_else(|| panic!("{path}: no document in {out:?}"));
        assert_eq!(doc.date.as_deref(), want_date, "{path}");
        let warnings: Vec<&IngestError> = out.iter().filter_map(|r| r.as_ref().err()).collect();
        match want_warning {
            Some(want) => {
                assert_eq!(warnings.len(), 1, "{path}: {warnings:?}");
                assert!(warnings[0].is_warning(), "{path}");
                let got = warnings[0].to_string();
                assert!(got.starts_with(want), "{path}: {got}");
            }
            None => assert!(warnings.is_empty(), "{path}: {warnings:?}"),
        }
    }
}
