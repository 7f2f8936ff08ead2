//! A small invented world of event rows: Azerbaijan cooperative with Israel, mixed with
//! Iran and hostile to Armenia, Israel and Iran hostile to each other. The sentences are
//! our own, written for this fixture.

#![allow(dead_code)]

use aras_relations::EventRow;
use aras_schema::{DatePrecision, DateSource, QuadClass};
use jiff::civil::Date;

/// One fixture event: cluster, source code, target code, CAMEO code, quad class,
/// Goldstein, date, modality, sentence.
pub struct Spec {
    pub cluster: i64,
    pub source: &'static str,
    pub target: &'static str,
    pub cameo: &'static str,
    pub quad: u8,
    pub goldstein: f32,
    pub date: &'static str,
    pub modality: &'static str,
    pub sentence: &'static str,
}

// One argument per table column keeps the table below readable.
#[allow(clippy::too_many_arguments)]
const fn spec(
    cluster: i64,
    source: &'static str,
    target: &'static str,
    cameo: &'static str,
    quad: u8,
    goldstein: f32,
    date: &'static str,
    modality: &'static str,
    sentence: &'static str,
) -> Spec {
    Spec {
        cluster,
        source,
        target,
        cameo,
        quad,
        goldstein,
        date,
        modality,
        sentence,
    }
}

#[rustfmt::skip]
pub const WORLD: &[Spec] = &[
    // Azerbaijan and Israel: cooperative.
    spec(1, "AZEGOV", "ISRGOV", "057", 1, 8.0, "2024-01-15", "asserted", "Azerbaijan and Israel signed an agreement on water technology in Baku."),
    spec(2, "ISRGOV", "AZEMIL", "062", 2, 7.4, "2024-02-03", "reported", "Israel delivered a batch of surveillance drones to the Azerbaijani army, officials said."),
    spec(3, "AZEGOV", "ISRGOV", "051", 1, 3.4, "2024-03-10", "asserted", "The Azerbaijani foreign minister praised Israel for its support."),
    spec(4, "ISRGOV", "AZEGOV", "042", 1, 1.9, "2024-03-20", "asserted", "The Israeli president arrived in Baku for a two-day visit."),
    spec(5, "AZEGOV", "ISRGOV", "161", 4, -4.0, "2024-04-02", "hypothetical", "Azerbaijan could downgrade its ties with Israel if the talks fail."),
    // Azerbaijan and Iran: mixed.
    spec(6, "IRNGOV", "AZEGOV", "046", 1, 7.0, "2024-01-20", "asserted", "Iranian and Azerbaijani negotiators met in Tehran to discuss a transport corridor."),
    spec(7, "AZEGOV", "IRNGOV", "112", 3, -2.0, "2024-02-01", "asserted", "Azerbaijan accused Iran of shielding the men behind an attack on its embassy."),
    spec(8, "IRNMIL", "AZEGOV", "150", 4, -7.2, "2024-02-10", "reported", "Iran massed troops for exercises near the Azerbaijani border, the ministry said."),
    spec(9, "AZEGOV", "IRNGOV", "057", 1, 8.0, "2024-03-05", "asserted", "Azerbaijan and Iran signed a deal to reopen the embassy."),
    spec(10, "IRNGOV", "AZEGOV", "051", 1, 3.4, "2024-03-15", "asserted", "Tehran commended Baku for staying neutral."),
    // Azerbaijan and Armenia: hostile.
    spec(11, "AZEMIL", "ARMMIL", "194", 4, -10.0, "2024-01-10", "asserted", "Azerbaijani artillery shelled Armenian positions overnight."),
    spec(12, "ARMGOV", "AZEGOV", "111", 3, -2.0, "2024-01-11", "asserted", "Armenia condemned the Azerbaijani shelling."),
    spec(13, "ARMGOV", "AZEGOV", "100", 3, -5.0, "2024-01-12", "asserted", "Armenia demanded that Azerbaijan pull back its troops."),
    spec(14, "ARMGOV", "AZEGOV", "020", 1, 3.0, "2024-02-20", "asserted", "Armenia called on Azerbaijan to return to the negotiating table."),
    // Israel and Iran: hostile.
    spec(15, "IRNGOV", "ISRGOV", "138", 3, -7.0, "2024-01-25", "asserted", "Iran warned Israel of a crushing response."),
    spec(16, "ISRMIL", "IRNMIL", "195", 4, -10.0, "2024-02-15", "reported", "Israeli jets struck an Iranian depot, a monitor reported."),
    spec(17, "IRNMIL", "ISRGOV", "195", 4, -10.0, "2024-04-13", "asserted", "Iran launched drones and missiles toward Israel."),
    spec(18, "ISRGOV", "IRNGOV", "190", 4, -10.0, "2024-04-19", "denied", "Israel denied that it had attacked the Iranian air base."),
];

fn date(text: &str) -> Date {
    text.parse().expect("fixture date")
}

/// The fixture as rows, one per cluster; cluster 1 is reported three times in two
/// publications.
pub fn rows() -> Vec<EventRow> {
    WORLD.iter().map(row).collect()
}

pub fn row(s: &Spec) -> EventRow {
    let country = |code: &str| Some(code[..3].to_string());
    let text = |code: &str| {
        match &code[..3] {
            "AZE" => Some("Azerbaijan"),
            "ISR" => Some("Israel"),
            "IRN" => Some("Iran"),
            "ARM" => Some("Armenia"),
            _ => None,
        }
        .map(str::to_string)
    };
    let n_reports = if s.cluster == 1 { 3 } else { 1 };
    EventRow {
        cluster_id: s.cluster,
        n_reports,
        n_documents: n_reports,
        n_sources: if s.cluster == 1 { 2 } else { 1 },
        doc_id: format!("doc{:02}", s.cluster),
        event_id: "e1".into(),
        source_code: Some(s.source.into()),
        source_country: country(s.source),
        source_text: text(s.source),
        target_code: Some(s.target.into()),
        target_country: country(s.target),
        target_text: text(s.target),
        cameo: s.cameo.parse().expect("fixture code"),
        root: s.cameo[..2].parse().expect("fixture root"),
        plover: None,
        quad_class: QuadClass::from_number(s.quad).expect("fixture quad class"),
        goldstein: s.goldstein,
        date_text: Some(s.date.into()),
        date: Some(date(s.date)),
        date_precision: Some(DatePrecision::Day),
        date_source: DateSource::Text,
        published: Some(date(s.date)),
        publication: Some("Fixture Wire".into()),
        negated: false,
        modality: s.modality.parse().expect("fixture modality"),
        trigger: String::new(),
        evidence: s.sentence.into(),
        evidence_start: 0,
        evidence_end: s.sentence.len() as u32,
        confidence: 0.9,
        url: None,
        title: None,
        location_text: None,
        location_country: None,
        location_lat: None,
        location_lon: None,
    }
}
