//! Probe sentences (`eval/probes.tsv`): single wire-style sentences we wrote, each with
//! the events a careful CAMEO coder codes from it and the ones it must not code. They
//! check the whole pipeline (actors, parse, coder, factuality) on the constructions every
//! wire story has; `aras eval probes` runs them.
//!
//! A line is `EXPECTATIONS<TAB>SENTENCE`; expectations are separated by ` ; `:
//! `SRC>TGT:R1,R2` (a factual event from SRC to TGT with one of the roots), `SRC>-:R`
//! (no target required), `A~B:R` (either direction), `!SRC>TGT:R` (a negative: no factual
//! event of that pair and root; `*` is any country, and `-` after `>` any target).
//! Countries compare as score.py compares them: a role's country, else the first three
//! letters of its code.

use aras_ingest::Document;

use crate::Engine;

/// One expectation of a probe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    pub negative: bool,
    pub symmetric: bool,
    /// `*` is any country.
    pub source: String,
    /// `None`: no target needed (positive) or any target (negative).
    pub target: Option<String>,
    pub roots: Vec<u8>,
}

/// One probe sentence.
#[derive(Debug, Clone)]
pub struct Probe {
    pub line: usize,
    pub text: String,
    pub expect: Vec<Expectation>,
}

/// A malformed probe line.
#[derive(Debug, thiserror::Error)]
#[error("probes line {line}: {message}")]
pub struct ProbeError {
    pub line: usize,
    pub message: String,
}

fn parse_expectation(s: &str) -> Option<Expectation> {
    let s = s.trim();
    let (negative, s) = match s.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (pair, roots) = s.split_once(':')?;
    let roots = roots
        .split(',')
        .map(|r| r.trim().parse::<u8>().ok().filter(|n| (1..=20).contains(n)))
        .collect::<Option<Vec<u8>>>()?;
    let (symmetric, (a, b)) = match pair.split_once('~') {
        Some(ab) => (true, ab),
        None => (false, pair.split_once('>')?),
    };
    Some(Expectation {
        negative,
        symmetric,
        source: a.trim().to_string(),
        target: (b.trim() != "-").then(|| b.trim().to_string()),
        roots,
    })
}

/// Reads a probes file.
pub fn read_probes(text: &str) -> Result<Vec<Probe>, ProbeError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |message: &str| ProbeError {
            line: i + 1,
            message: message.to_string(),
        };
        let (expect, sentence) = line.split_once('\t').ok_or_else(|| bad("no TAB"))?;
        let expect = expect
            .split(" ; ")
            .map(parse_expectation)
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| bad("unreadable expectation"))?;
        out.push(Probe {
            line: i + 1,
            text: sentence.trim().to_string(),
            expect,
        });
    }
    Ok(out)
}

/// What one probe's coding did.
#[derive(Debug, Clone)]
pub struct ProbeOutcome {
    pub line: usize,
    pub text: String,
    /// Positive expectations met, of how many.
    pub found: usize,
    pub wanted: usize,
    /// Negatives violated, of how many.
    pub violated: usize,
    pub negatives: usize,
    /// `SRC->TGT CODE modality` per coded event.
    pub coded: Vec<String>,
}

fn country(r: &Option<aras_events::Role>) -> Option<String> {
    r.as_ref().map(|r| {
        if r.country.is_empty() {
            r.code.chars().take(3).collect()
        } else {
            r.country.clone()
        }
    })
}

/// Codes one probe and checks its expectations.
pub fn run_probe(engine: &Engine, p: &Probe) -> ProbeOutcome {
    let doc = Document {
        id: format!("probe-{}", p.line),
        title: None,
        date: Some("2024-03-04".into()),
        source: None,
        url: None,
        lang: None,
        text: p.text.clone(),
        origin: Default::default(),
    };
    let reading = crate::read(engine, &doc);
    let facts: Vec<(Option<String>, Option<String>, u8)> = reading
        .events
        .iter()
        .filter(|e| e.is_factual())
        .map(|e| (country(&e.source), country(&e.target), e.root().number()))
        .collect();
    let side_ok = |want: &str, got: &Option<String>| want == "*" || got.as_deref() == Some(want);
    let hits = |x: &Expectation| {
        facts.iter().any(|(s, t, r)| {
            if !x.roots.contains(r) {
                return false;
            }
            let forward =
                side_ok(&x.source, s) && x.target.as_deref().is_none_or(|want| side_ok(want, t));
            let backward = x.symmetric
                && x.target.as_deref().is_some_and(|want| side_ok(want, s))
                && side_ok(&x.source, t);
            forward || backward
        })
    };
    let mut o = ProbeOutcome {
        line: p.line,
        text: p.text.clone(),
        found: 0,
        wanted: 0,
        violated: 0,
        negatives: 0,
        coded: reading
            .events
            .iter()
            .map(|e| {
                let side = |r: &Option<aras_events::Role>| {
                    r.as_ref().map_or("-".to_string(), |r| r.code.clone())
                };
                format!(
                    "{}->{} {} {}{}",
                    side(&e.source),
                    side(&e.target),
                    e.cameo,
                    e.modality,
                    if e.negated { " negated" } else { "" }
                )
            })
            .collect(),
    };
    for x in &p.expect {
        if x.negative {
            o.negatives += 1;
            o.violated += usize::from(hits(x));
        } else {
            o.wanted += 1;
            o.found += usize::from(hits(x));
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expectations_parse() {
        let p =
            read_probes("# c\nIND~PAK:19 ; !USA>-:18,20\tIndia and Pakistan clashed.\n").unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!(
            p[0].expect[0],
            Expectation {
                negative: false,
                symmetric: true,
                source: "IND".into(),
                target: Some("PAK".into()),
                roots: vec![19]
            }
        );
        assert!(p[0].expect[1].negative && p[0].expect[1].target.is_none());
        assert_eq!(p[0].expect[1].roots, vec![18, 20]);
        assert!(read_probes("IND>PAK:99\tx\n").is_err());
        assert!(read_probes("IND>PAK:19 no tab\n").is_err());
    }

    #[test]
    fn the_project_probes_file_parses() {
        let text = include_str!("../../../eval/probes.tsv");
        let probes = read_probes(text).unwrap();
        assert!(probes.len() >= 60, "{}", probes.len());
    }
}
