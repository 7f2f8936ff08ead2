//! Relation graphs for Gephi and other network tools: GEXF 1.3 and GraphML.
//!
//! Nodes are the actors (countries by default) of the dyads, labelled with a name when
//! one is given ([`node_labels`]: the country's name for a country code, the code and its
//! most frequent mention otherwise); edges are the dyads. Both formats carry the same attributes:
//!
//! | attribute | on | type | meaning |
//! |---|---|---|---|
//! | `label` | node | string | actor name (or code) |
//! | `events` | node | integer | counted events on the node's edges |
//! | `degree` | node | integer | counterparts |
//! | `start`, `end` | node, edge | date | first and last event date (GEXF: the element's time interval) |
//! | `weight` | edge | double | distinct event clusters (Gephi's edge weight) |
//! | `events`, `clusters`, `reports` | edge | integer | as in [`Dyad`] |
//! | `verbal_cooperation` … `material_conflict` | edge | integer | counts by quad class |
//! | `goldstein_mean`, `goldstein_sum` | edge | double | |
//! | `cooperation_share`, `balance` | edge | double | Goldstein-weighted, see aras-relations |
//! | `sign` | edge | string | `cooperative`, `mixed`, `hostile`, `neutral` |
//!
//! GEXF graphs are `mode="dynamic"` with `timeformat="date"`, so Gephi's timeline can
//! play the relations as they appear; edges without any dated event are static.

use std::collections::BTreeMap;
use std::io::Write;

use aras_relations::{escape_xml as esc, party_labels, Dyad, EventRow, Level, Sign};
use jiff::civil::Date;

use crate::ExportError;

/// Node labels for the parties of `rows` at `level`: the country's name for a country
/// code (`GBR` → "United Kingdom", from `dict/countries.tsv`), else the code and the
/// party's most frequent mention (`IGOUNOWHO (WHO)`, `ISRMIL (Israeli army)`).
///
/// Issue 16: labels were once the most frequent mention alone, which named Britain
/// "Sunak" and the United States "Police".
pub fn node_labels(rows: &[EventRow], level: Level) -> BTreeMap<String, String> {
    let countries = aras_dict::country_names();
    let mut labels: BTreeMap<String, String> = party_labels(rows, level)
        .into_iter()
        .map(|(party, mention)| {
            let label = match countries.get(&party) {
                Some(name) => name.clone(),
                None => format!("{party} ({mention})"),
            };
            (party, label)
        })
        .collect();
    // A country named only by codes (no mention text) still gets its name.
    for row in rows {
        for party in [level.source(row), level.target(row)].into_iter().flatten() {
            if !labels.contains_key(party) {
                if let Some(name) = countries.get(party) {
                    labels.insert(party.to_string(), name.clone());
                }
            }
        }
    }
    labels
}

/// Names and title for a graph export.
#[derive(Debug, Clone, Default)]
pub struct GraphOptions {
    /// Node labels by actor code (e.g. from [`node_labels`]); the code itself when
    /// absent.
    pub labels: BTreeMap<String, String>,
    /// Graph description.
    pub title: Option<String>,
}

#[derive(Clone, Copy)]
enum Kind {
    Integer,
    Double,
    Text,
}

impl Kind {
    fn gexf(self) -> &'static str {
        match self {
            Kind::Integer => "integer",
            Kind::Double => "double",
            Kind::Text => "string",
        }
    }

    fn graphml(self) -> &'static str {
        match self {
            Kind::Integer => "int",
            Kind::Double => "double",
            Kind::Text => "string",
        }
    }
}

type EdgeValue = fn(&Dyad) -> String;

/// Edge attributes in both formats (weight and dates are handled apart in GEXF).
const EDGE_ATTRIBUTES: &[(&str, Kind, EdgeValue)] = &[
    ("events", Kind::Integer, |d| d.events.to_string()),
    ("clusters", Kind::Integer, |d| d.clusters.to_string()),
    ("reports", Kind::Integer, |d| d.reports.to_string()),
    ("verbal_cooperation", Kind::Integer, |d| {
        d.verbal_cooperation.to_string()
    }),
    ("material_cooperation", Kind::Integer, |d| {
        d.material_cooperation.to_string()
    }),
    ("verbal_conflict", Kind::Integer, |d| {
        d.verbal_conflict.to_string()
    }),
    ("material_conflict", Kind::Integer, |d| {
        d.material_conflict.to_string()
    }),
    ("goldstein_mean", Kind::Double, |d| number(d.goldstein_mean)),
    ("goldstein_sum", Kind::Double, |d| number(d.goldstein_sum)),
    ("cooperation_share", Kind::Double, |d| {
        number(d.cooperation_share())
    }),
    ("balance", Kind::Double, |d| number(d.balance)),
    ("sign", Kind::Text, |d| sign_name(d.sign).to_string()),
];

fn number(x: f64) -> String {
    if x.is_finite() {
        let s = format!("{x:.4}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        if s == "-0" {
            "0".into()
        } else {
            s.into()
        }
    } else {
        "0".into()
    }
}

fn sign_name(sign: Sign) -> &'static str {
    match sign {
        Sign::Cooperative => "cooperative",
        Sign::Mixed => "mixed",
        Sign::Hostile => "hostile",
        Sign::Neutral => "neutral",
    }
}

struct Node<'d> {
    id: &'d str,
    events: u64,
    degree: u32,
    start: Option<Date>,
    end: Option<Date>,
}

fn nodes(dyads: &[Dyad]) -> Vec<Node<'_>> {
    let mut by_id: BTreeMap<&str, Node<'_>> = BTreeMap::new();
    for d in dyads {
        for id in [d.a.as_str(), d.b.as_str()] {
            let node = by_id.entry(id).or_insert(Node {
                id,
                events: 0,
                degree: 0,
                start: None,
                end: None,
            });
            node.events += u64::from(d.events);
            node.degree += 1;
            node.start = min_date(node.start, d.first);
            node.end = max_date(node.end, d.last);
        }
    }
    by_id.into_values().collect()
}

fn min_date(x: Option<Date>, y: Option<Date>) -> Option<Date> {
    match (x, y) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn max_date(x: Option<Date>, y: Option<Date>) -> Option<Date> {
    match (x, y) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

fn interval(start: Option<Date>, end: Option<Date>) -> String {
    match (start, end) {
        (Some(s), Some(e)) => format!(r#" start="{s}" end="{e}""#),
        _ => String::new(),
    }
}

fn edge_type(dyads: &[Dyad]) -> &'static str {
    if dyads.first().is_some_and(|d| d.directed) {
        "directed"
    } else {
        "undirected"
    }
}

/// Writes `dyads` as a GEXF 1.3 document (dynamic, dates as intervals).
pub fn write_gexf<W: Write>(
    dyads: &[Dyad],
    options: &GraphOptions,
    out: W,
) -> Result<(), ExportError> {
    let mut w = std::io::BufWriter::new(out);
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
    )?;
    writeln!(w, "  <meta>")?;
    writeln!(w, "    <creator>aras</creator>")?;
    if let Some(title) = &options.title {
        writeln!(w, "    <description>{}</description>", esc(title))?;
    }
    writeln!(w, "  </meta>")?;
    writeln!(
        w,
        r#"  <graph mode="dynamic" defaultedgetype="{}" timeformat="date">"#,
        edge_type(dyads)
    )?;
    writeln!(w, r#"    <attributes class="node" mode="static">"#)?;
    writeln!(
        w,
        r#"      <attribute id="events" title="events" type="integer"/>"#
    )?;
    writeln!(
        w,
        r#"      <attribute id="degree" title="degree" type="integer"/>"#
    )?;
    writeln!(w, "    </attributes>")?;
    writeln!(w, r#"    <attributes class="edge" mode="static">"#)?;
    for (name, kind, _) in EDGE_ATTRIBUTES {
        writeln!(
            w,
            r#"      <attribute id="{name}" title="{name}" type="{}"/>"#,
            kind.gexf()
        )?;
    }
    writeln!(w, "    </attributes>")?;

    writeln!(w, "    <nodes>")?;
    for node in nodes(dyads) {
        let label = options.labels.get(node.id).map_or(node.id, String::as_str);
        writeln!(
            w,
            r#"      <node id="{}" label="{}"{}>"#,
            esc(node.id),
            esc(label),
            interval(node.start, node.end)
        )?;
        writeln!(
            w,
            r#"        <attvalues><attvalue for="events" value="{}"/><attvalue for="degree" value="{}"/></attvalues>"#,
            node.events, node.degree
        )?;
        writeln!(w, "      </node>")?;
    }
    writeln!(w, "    </nodes>")?;

    writeln!(w, "    <edges>")?;
    for (i, d) in dyads.iter().enumerate() {
        writeln!(
            w,
            r#"      <edge id="{i}" source="{}" target="{}" label="{}" weight="{}"{}>"#,
            esc(&d.a),
            esc(&d.b),
            sign_name(d.sign),
            d.clusters,
            interval(d.first, d.last)
        )?;
        write!(w, "        <attvalues>")?;
        for (name, _, value) in EDGE_ATTRIBUTES {
            write!(w, r#"<attvalue for="{name}" value="{}"/>"#, esc(&value(d)))?;
        }
        writeln!(w, "</attvalues>")?;
        writeln!(w, "      </edge>")?;
    }
    writeln!(w, "    </edges>")?;
    writeln!(w, "  </graph>")?;
    writeln!(w, "</gexf>")?;
    w.flush()?;
    Ok(())
}

/// Writes `dyads` as GraphML with typed `<key>` definitions for every attribute.
pub fn write_graphml<W: Write>(
    dyads: &[Dyad],
    options: &GraphOptions,
    out: W,
) -> Result<(), ExportError> {
    let mut w = std::io::BufWriter::new(out);
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    let key = |w: &mut std::io::BufWriter<W>, id: &str, target: &str, kind: Kind| {
        writeln!(
            w,
            r#"  <key id="{target}_{id}" for="{target}" attr.name="{id}" attr.type="{}"/>"#,
            kind.graphml()
        )
    };
    key(&mut w, "label", "node", Kind::Text)?;
    key(&mut w, "events", "node", Kind::Integer)?;
    key(&mut w, "degree", "node", Kind::Integer)?;
    key(&mut w, "start", "node", Kind::Text)?;
    key(&mut w, "end", "node", Kind::Text)?;
    key(&mut w, "weight", "edge", Kind::Double)?;
    for (name, kind, _) in EDGE_ATTRIBUTES {
        key(&mut w, name, "edge", *kind)?;
    }
    key(&mut w, "start", "edge", Kind::Text)?;
    key(&mut w, "end", "edge", Kind::Text)?;
    if let Some(title) = &options.title {
        writeln!(w, "  <desc>{}</desc>", esc(title))?;
    }
    writeln!(
        w,
        r#"  <graph id="aras" edgedefault="{}">"#,
        edge_type(dyads)
    )?;
    let dates = |start: Option<Date>, end: Option<Date>, target: &str| match (start, end) {
        (Some(s), Some(e)) => {
            format!(r#"<data key="{target}_start">{s}</data><data key="{target}_end">{e}</data>"#)
        }
        _ => String::new(),
    };
    for node in nodes(dyads) {
        let label = options.labels.get(node.id).map_or(node.id, String::as_str);
        writeln!(
            w,
            r#"    <node id="{}"><data key="node_label">{}</data><data key="node_events">{}</data><data key="node_degree">{}</data>{}</node>"#,
            esc(node.id),
            esc(label),
            node.events,
            node.degree,
            dates(node.start, node.end, "node")
        )?;
    }
    for (i, d) in dyads.iter().enumerate() {
        write!(
            w,
            r#"    <edge id="e{i}" source="{}" target="{}"><data key="edge_weight">{}</data>"#,
            esc(&d.a),
            esc(&d.b),
            d.clusters
        )?;
        for (name, _, value) in EDGE_ATTRIBUTES {
            write!(w, r#"<data key="edge_{name}">{}</data>"#, esc(&value(d)))?;
        }
        writeln!(w, "{}</edge>", dates(d.first, d.last, "edge"))?;
    }
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")?;
    w.flush()?;
    Ok(())
}
