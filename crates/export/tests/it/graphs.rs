//! GEXF and GraphML parsed back with quick-xml: counts, attribute definitions, values.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};

use aras_export::{export, write_gexf, write_graphml, ExportOptions, Format, GraphOptions};
use aras_relations::{dyads, DyadOptions};
use quick_xml::events::{BytesStart, Event};

/// One element as parsed: name and unescaped attributes.
#[derive(Debug)]
struct Element {
    name: String,
    attributes: BTreeMap<String, String>,
    /// Text directly inside (for GraphML `<data>`).
    text: String,
}

fn element(e: &BytesStart) -> Element {
    Element {
        name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
        attributes: e
            .attributes()
            .map(|a| {
                let a = a.unwrap();
                (
                    String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                    a.unescape_value().unwrap().into_owned(),
                )
            })
            .collect(),
        text: String::new(),
    }
}

/// Every element of a well-formed document, in document order.
fn parse(xml: &str) -> Vec<Element> {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut out: Vec<Element> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                out.push(element(&e));
                open.push(out.len() - 1);
            }
            Event::Empty(e) => out.push(element(&e)),
            Event::End(_) => {
                open.pop();
            }
            Event::Text(t) => {
                if let Some(&i) = open.last() {
                    out[i].text.push_str(&t.decode().unwrap());
                }
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_xml_entity(&r.decode().unwrap())
                        .unwrap()
                        .to_string(),
                };
                if let Some(&i) = open.last() {
                    out[i].text.push_str(&c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(open.is_empty(), "every element closed");
    out
}

fn graph_of_rows() -> (Vec<aras_relations::Dyad>, GraphOptions) {
    let rows = common::rows(2_000, 19);
    let list = dyads(&rows, &DyadOptions::default());
    let options = GraphOptions {
        labels: aras_export::node_labels(&rows, aras_relations::Level::Country),
        title: Some("Relations <test> & \"quotes\"".into()),
    };
    (list, options)
}

#[test]
fn gexf_has_every_actor_and_dyad_with_attributes_and_intervals() {
    let (list, options) = graph_of_rows();
    let mut buffer = Vec::new();
    write_gexf(&list, &options, &mut buffer).unwrap();
    let xml = String::from_utf8(buffer).unwrap();
    let elements = parse(&xml);
    let named = |n: &'static str| elements.iter().filter(move |e| e.name == n);

    let gexf = named("gexf").next().unwrap();
    assert_eq!(gexf.attributes["version"], "1.3");
    let graph = named("graph").next().unwrap();
    assert_eq!(graph.attributes["mode"], "dynamic");
    assert_eq!(graph.attributes["defaultedgetype"], "undirected");
    assert_eq!(
        named("description").next().unwrap().text,
        "Relations <test> & \"quotes\""
    );

    let actors: BTreeSet<&str> = list
        .iter()
        .flat_map(|d| [d.a.as_str(), d.b.as_str()])
        .collect();
    let nodes: Vec<&Element> = named("node").collect();
    assert_eq!(nodes.len(), actors.len());
    let iran = nodes.iter().find(|n| n.attributes["id"] == "IRN").unwrap();
    assert_eq!(iran.attributes["label"], "Iran");
    assert!(iran.attributes.contains_key("start"));

    let edges: Vec<&Element> = named("edge").collect();
    assert_eq!(edges.len(), list.len());
    let defined: BTreeSet<&str> = named("attribute")
        .map(|a| a.attributes["id"].as_str())
        .collect();
    assert!(defined.contains("goldstein_mean") && defined.contains("sign"));
    for value in named("attvalue") {
        assert!(defined.contains(value.attributes["for"].as_str()));
    }
    // The first edge is the first dyad: check its values.
    let first = &list[0];
    assert_eq!(edges[0].attributes["source"], first.a);
    assert_eq!(edges[0].attributes["target"], first.b);
    assert_eq!(edges[0].attributes["weight"], first.clusters.to_string());
    assert_eq!(
        edges[0].attributes["start"],
        first.first.unwrap().to_string()
    );
    let values: BTreeMap<&str, &str> = elements
        .iter()
        .skip_while(|e| e.name != "edge")
        .skip(1)
        .take_while(|e| e.name != "edge")
        .filter(|e| e.name == "attvalue")
        .map(|e| (e.attributes["for"].as_str(), e.attributes["value"].as_str()))
        .collect();
    assert_eq!(values["events"], first.events.to_string());
    assert_eq!(
        values["material_conflict"],
        first.material_conflict.to_string()
    );
    let mean: f64 = values["goldstein_mean"].parse().unwrap();
    assert!((mean - first.goldstein_mean).abs() < 1e-4);
}

#[test]
fn graphml_defines_every_key_it_uses() {
    let (list, options) = graph_of_rows();
    let mut buffer = Vec::new();
    write_graphml(&list, &options, &mut buffer).unwrap();
    let xml = String::from_utf8(buffer).unwrap();
    let elements = parse(&xml);
    let named = |n: &'static str| elements.iter().filter(move |e| e.name == n);
    let keys: BTreeMap<&str, (&str, &str)> = named("key")
        .map(|k| {
            (
                k.attributes["id"].as_str(),
                (
                    k.attributes["for"].as_str(),
                    k.attributes["attr.type"].as_str(),
                ),
            )
        })
        .collect();
    assert_eq!(keys["edge_weight"], ("edge", "double"));
    assert_eq!(keys["edge_sign"], ("edge", "string"));
    assert_eq!(keys["node_events"], ("node", "int"));
    for data in named("data") {
        assert!(
            keys.contains_key(data.attributes["key"].as_str()),
            "{data:?}"
        );
    }
    assert_eq!(named("node").count(), 5);
    assert_eq!(named("edge").count(), list.len());
    let signs: Vec<&str> = named("data")
        .filter(|d| d.attributes["key"] == "edge_sign")
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(signs.len(), list.len());
    assert!(signs
        .iter()
        .all(|s| ["cooperative", "mixed", "hostile", "neutral"].contains(s)));
    let label = named("data")
        .find(|d| d.attributes["key"] == "node_label" && d.text.starts_with("Iran"))
        .unwrap();
    assert_eq!(label.text, "Iran");
}

#[test]
fn export_builds_directed_graphs_on_request() {
    let rows = common::rows(300, 23);
    let options = ExportOptions {
        dyads: DyadOptions {
            directed: true,
            ..DyadOptions::default()
        },
        title: None,
        header: false,
    };
    let mut buffer = Vec::new();
    export(&rows, Format::Gexf, &options, &mut buffer).unwrap();
    let xml = String::from_utf8(buffer).unwrap();
    let elements = parse(&xml);
    let graph = elements.iter().find(|e| e.name == "graph").unwrap();
    assert_eq!(graph.attributes["defaultedgetype"], "directed");
    let edges = elements.iter().filter(|e| e.name == "edge").count();
    assert_eq!(edges, aras_export::graph_dyads(&rows, &options).len());
    assert!(edges > 10);

    let mut empty = Vec::new();
    write_graphml(&[], &GraphOptions::default(), &mut empty).unwrap();
    parse(&String::from_utf8(empty).unwrap());
}

/// Issue 16: node labels are the country's name for a country code (not the most frequent
/// mention: "Sunak" for GBR, "Police" for USA), the code and its mention otherwise.
#[test]
fn issue16_graph_labels_name_the_country() {
    let base = common::rows(1, 1).remove(0);
    let row = |source: &str, source_text: &str, target: &str, target_text: &str| {
        let mut r = base.clone();
        r.source_code = Some(source.to_string());
        r.source_country = source.get(..3).map(str::to_string);
        r.source_text = Some(source_text.to_string());
        r.target_code = Some(target.to_string());
        r.target_country = target.get(..3).map(str::to_string);
        r.target_text = Some(target_text.to_string());
        r
    };
    let rows = vec![
        row("GBRGOV", "Sunak", "USACOP", "Police"),
        row("GBRGOV", "Sunak", "USACOP", "Police"),
        row("GBR", "Britain", "AZE", "Baku"),
        row("IGOUNOWHO", "WHO", "AZE", "Baku"),
    ];
    // (level, party, label)
    let cases = [
        (aras_relations::Level::Country, "GBR", "United Kingdom"),
        (aras_relations::Level::Country, "USA", "United States"),
        (aras_relations::Level::Country, "AZE", "Azerbaijan"),
        (aras_relations::Level::Actor, "USACOP", "USACOP (Police)"),
        (aras_relations::Level::Actor, "GBR", "United Kingdom"),
        (aras_relations::Level::Actor, "IGOUNOWHO", "IGOUNOWHO (WHO)"),
    ];
    for (level, party, want) in cases {
        let labels = aras_export::node_labels(&rows, level);
        assert_eq!(
            labels.get(party).map(String::as_str),
            Some(want),
            "{level:?} {party}"
        );
    }
}
