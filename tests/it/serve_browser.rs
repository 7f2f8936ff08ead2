//! `aras serve` in a real browser: a store of the 21 shared articles (the seed article and
//! the 20 Wikinews ones) plus one hostile document, served by the `aras` binary and driven
//! over WebDriver (Debian's `chromium` and `chromium-driver`, which `.ci/run` installs).
//!
//! The WebDriver client is a few plain HTTP/1.1 requests (the protocol is JSON over HTTP),
//! so no browser-automation crate is needed. Screenshots of each view are written to
//! `target/tmp/serve-screenshots/`.
//!
//! Skips (passing, with a message on stderr) when ../shared, chromium or chromedriver is
//! missing.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const ARAS: &str = env!("CARGO_BIN_EXE_aras");

fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path).chain([PathBuf::from("/usr/lib/chromium")]) {
        for name in names {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// A child process killed when the test ends, however it ends.
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free port")
}

/// An HTTP answer: status, headers (lowercase names), body.
type Answer = (u16, Vec<(String, String)>, Vec<u8>);

/// One HTTP/1.1 request to 127.0.0.1:port: status, headers (lowercase names), body.
fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> std::io::Result<Answer> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(60)))?;
    let payload = body.map(|b| b.to_string()).unwrap_or_default();
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nAccept: */*\r\n"
    );
    if body.is_some() {
        request.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n",
            payload.len()
        ));
    }
    request.push_str("\r\n");
    request.push_str(&payload);
    stream.write_all(request.as_bytes())?;
    // Read the head, then exactly the body (chromedriver keeps connections open).
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    let split = loop {
        if let Some(p) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break p;
        }
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Err(std::io::Error::other("no header end"));
        }
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut rest = raw[split + 4..].to_vec();
    let mut lines = head.lines();
    let status: u16 = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other("no status"))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let length = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .and_then(|(_, v)| v.parse::<usize>().ok());
    let chunked = headers
        .iter()
        .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"));
    if method == "HEAD" {
        rest.clear();
    } else if let Some(length) = length {
        while rest.len() < length {
            let n = stream.read(&mut buf)?;
            if n == 0 {
                break;
            }
            rest.extend_from_slice(&buf[..n]);
        }
        rest.truncate(length);
    } else if chunked {
        while !rest.ends_with(b"0\r\n\r\n") {
            let n = stream.read(&mut buf)?;
            if n == 0 {
                break;
            }
            rest.extend_from_slice(&buf[..n]);
        }
        rest = dechunk(&rest);
    } else {
        stream.read_to_end(&mut rest)?;
    }
    Ok((status, headers, rest))
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = data.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&data[..end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("0").trim(), 16)
            .unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = end + 2;
        out.extend_from_slice(&data[start..(start + size).min(data.len())]);
        data = &data[(start + size + 2).min(data.len())..];
    }
    out
}

fn get_json(port: u16, path: &str) -> (u16, Value) {
    let (status, _, body) = http(port, "GET", path, None).expect("request failed");
    (
        status,
        serde_json::from_slice(&body).unwrap_or_else(|_| panic!("{path}: not JSON")),
    )
}

fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let digits: Vec<u32> = text.bytes().filter_map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let mut n = 0u32;
        for (i, d) in chunk.iter().enumerate() {
            n |= d << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len().saturating_sub(1)]);
    }
    out
}

/// A WebDriver session.
struct Browser {
    port: u16,
    session: String,
    shots: PathBuf,
}

impl Browser {
    fn command(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("/session/{}{path}", self.session);
        let (status, _, raw) = http(self.port, method, &url, body.as_ref()).expect("webdriver");
        let v: Value = serde_json::from_slice(&raw).expect("webdriver answer is JSON");
        assert!(status == 200, "webdriver {method} {path}: {status} {v}");
        v["value"].clone()
    }

    fn open(&self, base: &str, path: &str) {
        self.command(
            "POST",
            "/url",
            Some(json!({ "url": format!("{base}{path}") })),
        );
    }

    fn js(&self, script: &str) -> Value {
        self.command(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
    }

    /// Waits until `condition` (a JavaScript expression) is true.
    fn wait(&self, what: &str, condition: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if self.js(&format!("return !!({condition});")) == json!(true) {
                return;
            }
            if Instant::now() > deadline {
                self.screenshot(&format!("failed-{}", what.replace(' ', "-")));
                let text = self.js("return document.body.innerText.slice(0, 2000);");
                panic!("timed out waiting for {what} ({condition}); page: {text}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn click(&self, css: &str) {
        let found = self.command(
            "POST",
            "/element",
            Some(json!({ "using": "css selector", "value": css })),
        );
        let id = found["element-6066-11e4-a52e-4f735466cecf"]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {found}"))
            .to_string();
        self.command("POST", &format!("/element/{id}/click"), Some(json!({})));
    }

    fn path(&self) -> String {
        self.js("return location.pathname + location.search;")
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    fn screenshot(&self, name: &str) {
        let png = self.command("GET", "/screenshot", None);
        let bytes = base64_decode(png.as_str().unwrap_or_default());
        let _ = std::fs::write(self.shots.join(format!("{name}.png")), bytes);
    }
}

const HOSTILE_ID: &str = "hostile-1";

fn hostile_document() -> String {
    json!({
        "id": HOSTILE_ID,
        "title": "<script>window.__pwned = 'title'</script>\"><img src=x onerror=\"window.__pwned='img'\"> Azerbaijan hostile",
        "date": "2025-06-20",
        "source": "<b>Evil</b> Press",
        "url": "javascript:window.__pwned='url'",
        "lang": "en",
        "text": "Azerbaijan condemned Israel on Monday. <script>window.__pwned = 'body'</script> \
                 \"><img src=x onerror=\"window.__pwned='img2'\"> \
                 <a href=\"javascript:window.__pwned='link'\">click here</a> \
                 Iran's foreign minister said Tehran would talk to Baku."
    })
    .to_string()
}

#[test]
fn serve_in_a_browser() {
    let seed = aras_testkit::require_shared!("corpus/seed/article.jsonl");
    let wikinews = aras_testkit::require_shared!("corpus/wikinews");
    let Some(chromium) = find_program(&["chromium", "chromium-browser", "google-chrome"]) else {
        eprintln!(
            "skipping the browser test: no chromium (apt-get install chromium chromium-driver)"
        );
        return;
    };
    let Some(driver) = find_program(&["chromedriver"]) else {
        eprintln!("skipping the browser test: no chromedriver (apt-get install chromium-driver)");
        return;
    };
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.db");
    let hostile = dir.path().join("hostile.jsonl");
    std::fs::write(&hostile, hostile_document() + "\n").unwrap();
    let out = Command::new(ARAS)
        .arg("ingest")
        .arg("--db")
        .arg(&db)
        .arg(&seed)
        .arg(&wikinews)
        .arg(&hostile)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "ingest failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("store ingested in {:.1} s", started.elapsed().as_secs_f64());

    let port = free_port();
    let _server = Guard(
        Command::new(ARAS)
            .arg("serve")
            .arg("--db")
            .arg(&db)
            .arg("--addr")
            .arg(format!("127.0.0.1:{port}"))
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let driver_port = free_port();
    let _driver = Guard(
        Command::new(&driver)
            .arg(format!("--port={driver_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    while http(port, "GET", "/api/v1/stats", None).is_err()
        || http(driver_port, "GET", "/status", None).is_err()
    {
        assert!(
            Instant::now() < deadline,
            "server or chromedriver did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }

    api_checks(port);

    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("serve-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let caps = json!({ "capabilities": { "alwaysMatch": { "goog:chromeOptions": {
        "binary": chromium,
        "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1400,1000"]
    }}}});
    let (status, _, raw) = http(driver_port, "POST", "/session", Some(&caps)).unwrap();
    let v: Value = serde_json::from_slice(&raw).unwrap();
    assert_eq!(status, 200, "no browser session: {v}");
    let browser = Browser {
        port: driver_port,
        session: v["value"]["sessionId"].as_str().unwrap().to_string(),
        shots: shots.clone(),
    };
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        browser_checks(&browser, &format!("http://127.0.0.1:{port}"), port)
    }));
    let _ = http(
        driver_port,
        "DELETE",
        &format!("/session/{}", browser.session),
        None,
    );
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
    eprintln!(
        "browser test done in {:.1} s; screenshots in {}",
        started.elapsed().as_secs_f64(),
        shots.display()
    );
}

/// The API routes outside checks call, their headers and their errors.
fn api_checks(port: u16) {
    for path in [
        "/",
        "/documents/seed-azerbaijan-israel-iran",
        "/api/v1/relations?actor=AZE",
        "/api/v1/search?q=ceasefire",
        "/api/v1/documents/seed-azerbaijan-israel-iran",
        "/api/v1/documents/no-such-document",
        "/api/v1/events?limit=0",
        "/no/such/page",
    ] {
        let (_, headers, _) = http(port, "GET", path, None).unwrap();
        let csp = headers
            .iter()
            .find(|(k, _)| k == "content-security-policy")
            .map(|(_, v)| v.as_str());
        assert!(
            csp.is_some_and(|c| c.contains("script-src 'self'") && !c.contains("unsafe-inline")),
            "{path}: CSP {csp:?}"
        );
    }
    let (status, relations) = get_json(port, "/api/v1/relations?actor=AZE");
    assert_eq!(status, 200);
    let pairs: Vec<String> = relations
        .as_array()
        .unwrap()
        .iter()
        .map(|d| format!("{}-{}", d["a"].as_str().unwrap(), d["b"].as_str().unwrap()))
        .collect();
    for want in ["ISR", "IRN"] {
        assert!(
            pairs.iter().any(|p| p.contains("AZE") && p.contains(want)),
            "no AZE–{want} relation in {pairs:?}"
        );
    }
    let (status, doc) = get_json(port, "/api/v1/documents/seed-azerbaijan-israel-iran");
    assert_eq!(status, 200);
    assert!(doc["body"].as_str().unwrap().starts_with("Azerbaijan"));
    assert!(!doc["events"].as_array().unwrap().is_empty());
    let (status, err) = get_json(port, "/api/v1/documents/no-such-document");
    assert_eq!(status, 404);
    assert!(err["error"]["message"]
        .as_str()
        .unwrap()
        .contains("no document"));
    for bad in [
        "/api/v1/events?limit=0",
        "/api/v1/events?limit=100000",
        "/api/v1/events?frm=2020-01-01",
        "/api/v1/events?from=yesterday",
        "/api/v1/search",
        "/api/v1/timeline?a=AZE&b=ISR&by=fortnight",
    ] {
        let (status, err) = get_json(port, bad);
        assert_eq!(status, 400, "{bad}: {err}");
        assert!(err["error"]["message"].is_string(), "{bad}: {err}");
    }
    let (status, _) = get_json(port, "/api/v1/nothing-here");
    assert_eq!(status, 404);
    // Only the embedded assets: no path reaches the disk.
    for path in [
        "/assets/../Cargo.toml",
        "/assets/%2e%2e/Cargo.toml",
        "/etc/passwd",
    ] {
        let (status, _, _) = http(port, "GET", path, None).unwrap();
        assert_eq!(status, 404, "{path}");
    }
    let (status, _, _) = http(port, "POST", "/api/v1/search?q=x", Some(&json!({}))).unwrap();
    assert_eq!(status, 405);
    let (status, hits) = get_json(port, "/api/v1/search?q=Azerbaijan+Israel");
    assert_eq!(status, 200);
    assert!(!hits.as_array().unwrap().is_empty());
}

fn count(b: &Browser, css: &str) -> i64 {
    b.js(&format!(
        "return document.querySelectorAll({}).length;",
        json!(css)
    ))
    .as_i64()
    .unwrap_or(0)
}

fn browser_checks(b: &Browser, base: &str, port: u16) {
    // Network: the AZE–ISR and AZE–IRN edges.
    b.open(base, "/");
    b.wait(
        "network edges",
        "document.querySelector('line.edge[data-pair=\"AZE|ISR\"]')",
    );
    assert!(
        count(b, "line.edge[data-pair=\"AZE|IRN\"]") == 1,
        "no AZE–IRN edge"
    );
    b.screenshot("1-network");

    // Clicking the AZE–ISR edge lists its events.
    b.js("document.querySelector('line.edge[data-pair=\"AZE|ISR\"]').dispatchEvent(new MouseEvent('click', {bubbles: true})); return 1;");
    b.wait(
        "events of AZE–ISR",
        "document.querySelectorAll('#events tr[data-event]').length > 0",
    );
    let events_url = b.path();
    assert!(events_url.starts_with("/events?dyad=AZE"), "{events_url}");
    b.screenshot("2-events");

    // Opening an event shows its document with the evidence highlighted at its offsets.
    b.click("#events tr[data-event] a.doc-link");
    b.wait(
        "document reader",
        "document.querySelector('#body span[data-ann]')",
    );
    let here = b.path();
    let (doc_id, event_id) = {
        let rest = here.strip_prefix("/documents/").expect("a document URL");
        let (d, q) = rest.split_once("?event=").expect("event in URL");
        (d.to_string(), q.to_string())
    };
    let (_, doc) = get_json(port, &format!("/api/v1/documents/{doc_id}"));
    let event = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == json!(event_id))
        .expect("the event is in its document");
    let body = doc["body"].as_str().unwrap().as_bytes();
    let (start, end) = (
        event["evidence"]["start"].as_u64().unwrap() as usize,
        event["evidence"]["end"].as_u64().unwrap() as usize,
    );
    let expected = String::from_utf8_lossy(&body[start..end]).to_string();
    let shown = b.js(&format!(
        "return [...document.querySelectorAll('#body span[data-ann]')].filter(s => s.dataset.ann.split(' ').includes({})).map(s => s.textContent).join('');",
        json!(format!("evidence:{event_id}"))
    ));
    assert_eq!(shown.as_str().unwrap(), expected, "evidence highlight");
    // Its first highlighted piece starts at the evidence's byte offset, and it is focused.
    let first_start = b.js(
        "const s = [...document.querySelectorAll('#body span.hl-focus')]; return s.length ? Number(s[0].dataset.start) : -1;",
    );
    assert_eq!(first_start.as_u64(), Some(start as u64));
    let trigger = &event["trigger"];
    let (ts, te) = (
        trigger["start"].as_u64().unwrap() as usize,
        trigger["end"].as_u64().unwrap() as usize,
    );
    let trigger_shown = b.js(&format!(
        "return [...document.querySelectorAll('#body span.hl-trigger')].filter(s => s.dataset.ann.split(' ').includes({})).map(s => s.textContent).join('');",
        json!(format!("trigger:{event_id}"))
    ));
    assert_eq!(
        trigger_shown.as_str().unwrap(),
        String::from_utf8_lossy(&body[ts..te])
    );
    // Every actor highlight sits at its byte offsets too (multi-byte text before it included).
    let actors_ok = b.js(
        "const enc = new TextEncoder(); const body = document.getElementById('body'); let off = 0, bad = 0; \
         for (const n of body.childNodes) { const t = n.textContent; const len = enc.encode(t).length; \
           if (n.dataset && Number(n.dataset.start) !== off) bad++; off += len; } return bad;",
    );
    assert_eq!(actors_ok, json!(0), "segments out of place");
    b.screenshot("3-document");

    // The back button returns to the events, then to the network.
    b.command("POST", "/back", Some(json!({})));
    b.wait("back to events", "location.pathname === '/events' && document.querySelectorAll('#events tr[data-event]').length > 0");
    assert_eq!(b.path(), events_url);
    b.command("POST", "/back", Some(json!({})));
    b.wait(
        "back to the network",
        "location.pathname === '/' && document.querySelector('line.edge')",
    );

    // A node opens its relations.
    b.js("document.querySelector('g.node[data-actor=\"AZE\"]').dispatchEvent(new MouseEvent('click', {bubbles: true})); return 1;");
    b.wait(
        "relations of AZE",
        "document.querySelectorAll('#relations tr').length > 2",
    );
    assert!(b.path().starts_with("/relations?actor=AZE"));
    b.screenshot("4-relations");

    // A timeline renders bars, and a bar opens its events.
    b.open(base, "/timeline?a=AZE&b=IRN&by=year");
    b.wait(
        "timeline bars",
        "document.querySelectorAll('#timeline rect.bar').length > 0",
    );
    b.screenshot("5-timeline");
    b.js("document.querySelector('#timeline rect.bar').dispatchEvent(new MouseEvent('click', {bubbles: true})); return 1;");
    b.wait("events of a bar", "location.pathname === '/events' && document.querySelectorAll('#events tr[data-event]').length > 0");

    // Balance.
    b.open(base, "/balance?actor=AZE");
    b.wait("balance", "document.querySelector('#hedging, #triads')");
    b.screenshot("6-balance");

    // Search finds a document and leads to it.
    b.open(base, "/search");
    b.wait("search form", "document.getElementById('search-q')");
    let input = b.command(
        "POST",
        "/element",
        Some(json!({ "using": "css selector", "value": "#search-q" })),
    );
    let input = input["element-6066-11e4-a52e-4f735466cecf"]
        .as_str()
        .unwrap()
        .to_string();
    b.command(
        "POST",
        &format!("/element/{input}/value"),
        Some(json!({ "text": "drone Aliyev" })),
    );
    b.click("#search-form button");
    b.wait(
        "search hits",
        "document.querySelectorAll('#hits a.hit').length > 0",
    );
    assert_eq!(b.path(), "/search?q=drone+Aliyev");
    b.screenshot("7-search");
    b.click("#hits a.hit");
    b.wait("a hit's document", "document.getElementById('doc-title')");
    assert!(b
        .path()
        .starts_with("/documents/seed-azerbaijan-israel-iran"));
    b.command("POST", "/back", Some(json!({})));
    b.wait(
        "back to the hits",
        "location.pathname === '/search' && document.querySelectorAll('#hits a.hit').length > 0",
    );

    // The hostile document: shown as text, nothing of it runs.
    b.open(base, "/search?q=hostile");
    b.wait(
        "hostile hit",
        "document.querySelectorAll('#hits a.hit').length > 0",
    );
    b.open(base, &format!("/documents/{HOSTILE_ID}"));
    b.wait("hostile document", "document.getElementById('doc-title')");
    std::thread::sleep(Duration::from_millis(300));
    let title = b.js("return document.getElementById('doc-title').textContent;");
    assert!(title.as_str().unwrap().contains("<script>"), "{title}");
    assert!(b
        .js("return document.getElementById('body').textContent;")
        .as_str()
        .unwrap()
        .contains("onerror="));
    assert_eq!(b.js("return typeof window.__pwned;"), json!("undefined"));
    assert_eq!(
        count(b, "#view img, #view script, a[href^=\"javascript\"]"),
        0
    );
    b.screenshot("8-hostile");
    b.command("POST", "/back", Some(json!({})));
    b.wait(
        "back from the hostile document",
        "location.pathname === '/search'",
    );
    assert_eq!(b.js("return typeof window.__pwned;"), json!("undefined"));
}
