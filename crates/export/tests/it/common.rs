//! Synthetic event rows for export tests and the benchmark: deterministic, with the
//! awkward values real data has (leading zeros, missing parties and dates, quotes,
//! commas, newlines, non-Latin text).

#![allow(dead_code)]

use aras_relations::EventRow;
use aras_schema::{DatePrecision, DateSource, PloverType, QuadClass};
use jiff::civil::{date, Date};
use jiff::ToSpan;

const CODES: [&str; 6] = ["AZEGOV", "ISRGOV", "IRNMIL", "ARMGOV", "USAGOV", ""];
const NAMES: [&str; 6] = [
    "Azerbaijan",
    "Israel",
    "Iran's army",
    "Armenia",
    "Washington",
    "",
];
/// (cameo, quad class, goldstein)
const EVENTS: [(&str, u8, f32); 8] = [
    ("042", 1, 1.9),
    ("057", 1, 8.0),
    ("010", 1, 0.0),
    ("062", 2, 7.4),
    ("1056", 3, -5.0),
    ("112", 3, -2.0),
    ("150", 4, -7.2),
    ("195", 4, -10.0),
];
const EVIDENCE: [&str; 4] = [
    "Officials said the talks were \"constructive\", adding nothing more.",
    "The minister, speaking in Baku,\nsaid: <we will respond> & more.",
    "Bakı və Təhran arasında danışıqlar; 日本語のテキスト.",
    "Plain sentence.",
];
/// Titles with what breaks tab- and comma-separated files: tabs, newlines, quotes.
const TITLES: [&str; 4] = [
    "Azerbaijan and Israel sign\tdeals",
    "Talks, \"constructive\"\r\nsays minister",
    "Bakı və Təhran",
    "Plain title",
];

/// A missing party is `None`, never "".
fn some(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// A tiny deterministic generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }
}

/// `n` synthetic rows.
pub fn rows(n: usize, seed: u64) -> Vec<EventRow> {
    let mut rng = Rng::new(seed);
    let start = date(2020, 1, 1);
    (0..n)
        .map(|i| {
            let s = rng.below(CODES.len());
            let mut t = rng.below(CODES.len());
            if t == s {
                t = (t + 1) % CODES.len();
            }
            let (cameo, quad, goldstein) = EVENTS[rng.below(EVENTS.len())];
            let day: Option<Date> = (rng.below(10) != 0)
                .then(|| start.checked_add((rng.below(1500) as i64).days()).unwrap());
            let published = day.map(|d| d.checked_add(1.day()).unwrap());
            let n_reports = 1 + rng.below(5) as u32;
            let evidence = EVIDENCE[rng.below(EVIDENCE.len())];
            let modality = ["asserted", "reported", "hypothetical", "denied"][rng.below(4)];
            let located = rng.below(3) == 0;
            EventRow {
                cluster_id: (i / 2) as i64,
                n_reports,
                n_documents: n_reports,
                n_sources: 1 + n_reports / 2,
                doc_id: format!("doc-{i:06}"),
                event_id: format!("e{}", i % 7),
                source_code: some(CODES[s]),
                source_country: CODES[s].get(..3).and_then(some),
                source_text: some(NAMES[s]),
                target_code: some(CODES[t]),
                target_country: CODES[t].get(..3).and_then(some),
                target_text: some(NAMES[t]),
                cameo: cameo.parse().unwrap(),
                root: cameo[..2].parse().unwrap(),
                plover: (quad == 4).then_some(PloverType::Assault),
                quad_class: QuadClass::from_number(quad).unwrap(),
                goldstein,
                date_text: day.map(|d| d.to_string()),
                date: day,
                date_precision: day.map(|_| DatePrecision::Day),
                date_source: DateSource::ALL[rng.below(3)],
                published,
                publication: (rng.below(3) != 0).then(|| "Wire, \"Daily\"".to_string()),
                negated: rng.below(8) == 0,
                modality: modality.parse().unwrap(),
                trigger: "said".into(),
                evidence: evidence.into(),
                evidence_start: (i * 10) as u32,
                evidence_end: (i * 10 + evidence.len()) as u32,
                confidence: 0.5 + (rng.below(50) as f32) / 100.0,
                url: (rng.below(4) != 0).then(|| format!("https://news.example/{i}?a=1&b=\"2\"")),
                title: (rng.below(4) != 0).then(|| TITLES[rng.below(TITLES.len())].to_string()),
                location_text: located.then(|| "Nakhchivan, \"the\"\tcity".to_string()),
                location_country: located.then(|| "AZE".to_string()),
                location_lat: located.then_some(39.2089),
                location_lon: located.then_some(45.4122),
            }
        })
        .collect()
}
