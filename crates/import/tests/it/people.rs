//! Every line of dict/people.tsv has the shape of the aras dictionary format.

use std::collections::HashSet;

const KINDS: &[&str] = &[
    "country",
    "agent",
    "organization",
    "person",
    "group",
    "place",
];
const ROLES: &[&str] = &[
    "name",
    "short",
    "historical",
    "adj",
    "demonym",
    "capital",
    "metonym",
    "acronym",
    "surname",
    "title",
    "city",
];
const KEYS: &[&str] = &[
    "country",
    "sector",
    "from",
    "to",
    "role",
    "case",
    "ambiguous",
    "note",
];

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, valid; returns (earliest, latest) day
/// it can denote as `YYYYMMDD` numbers for ordering.
fn date_span(s: &str) -> Option<(u32, u32)> {
    let parts: Vec<&str> = s.split('-').collect();
    if parts.is_empty() || parts.len() > 3 || parts[0].len() != 4 {
        return None;
    }
    let y: u32 = parts[0].parse().ok()?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    let dim = |m: u32| match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    match parts.len() {
        1 => Some((y * 10000 + 101, y * 10000 + 1231)),
        _ => {
            if parts[1].len() != 2 {
                return None;
            }
            let m: u32 = parts[1].parse().ok()?;
            if !(1..=12).contains(&m) {
                return None;
            }
            if parts.len() == 2 {
                return Some((y * 10000 + m * 100 + 1, y * 10000 + m * 100 + dim(m)));
            }
            if parts[2].len() != 2 {
                return None;
            }
            let d: u32 = parts[2].parse().ok()?;
            if d == 0 || d > dim(m) {
                return None;
            }
            let v = y * 10000 + m * 100 + d;
            Some((v, v))
        }
    }
}

#[test]
fn people_tsv_shape() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../dict/people.tsv");
    let text = std::fs::read_to_string(path).expect("dict/people.tsv");
    let mut seen = HashSet::new();
    let mut people = 0usize;
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut err = |m: String| errors.push(format!("line {n}: {m}: {line:?}"));
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 4 {
            err(format!("{} columns, want 4", cols.len()));
            continue;
        }
        let (code, kind, forms, attrs) = (cols[0], cols[1], cols[2], cols[3]);
        if code.len() < 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
            err(format!("code {code:?} is not 3+ upper-case letters"));
        }
        if !KINDS.contains(&kind) {
            err(format!("kind {kind:?}"));
        }
        if kind == "person" {
            people += 1;
        }
        for form in forms.split('|') {
            let (text, role) = form.split_once('@').unwrap_or((form, "name"));
            if text.trim().is_empty() || text != text.trim() || text.contains("  ") {
                err(format!("bad form {form:?}"));
            }
            if !ROLES.contains(&role) {
                err(format!("bad role in {form:?}"));
            }
        }
        let mut from = None;
        let mut to = None;
        let mut has_role = false;
        for kv in attrs.split(';') {
            let Some((k, v)) = kv.split_once('=') else {
                err(format!("attribute {kv:?} is not key=value"));
                continue;
            };
            if !KEYS.contains(&k) {
                err(format!("unknown attribute key {k:?}"));
            }
            match k {
                "from" => from = Some(v),
                "to" => to = Some(v),
                "role" => has_role = !v.trim().is_empty(),
                "country" if v.len() != 3 || !code.starts_with(v) => {
                    err(format!("country={v} does not match code {code}"))
                }
                _ => {}
            }
        }
        if kind == "person" && !has_role {
            err("person without role=".to_string());
        }
        let f = from.map(|v| (v, date_span(v)));
        let t = to.map(|v| (v, date_span(v)));
        if let Some((v, None)) = f {
            err(format!("invalid from date {v:?}"));
        }
        if let Some((v, None)) = t {
            err(format!("invalid to date {v:?}"));
        }
        if let (Some((_, Some(a))), Some((_, Some(b)))) = (f, t) {
            if a.0 > b.1 {
                err("from is after to".to_string());
            }
        }
        if !seen.insert(line.to_string()) {
            err("duplicate line".to_string());
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(people >= 100, "only {people} person lines");
}
