//! The invented Caucasus fixture (`common.rs`): dyads, signs, timeline, chart, balance
//! and hedging end to end.

use crate::common;

use aras_relations::{
    balance, dyads, render_balance_table, render_dyads_table, render_timeline_svg,
    render_timeline_table, timeline, timeline_with, BalanceOptions, Bucket, DyadOptions, Level,
    MixedPolicy, Sign, TriadKind,
};
use quick_xml::events::Event;
use unicode_width::UnicodeWidthStr;

fn focus(actor: &str) -> DyadOptions {
    DyadOptions {
        focus: Some(actor.into()),
        ..DyadOptions::default()
    }
}

#[test]
fn issue5_relations_aze_lists_isr_irn_arm_with_signs() {
    let rows = common::rows();
    let list = dyads(&rows, &focus("AZE"));
    let signs: Vec<(&str, &str, Sign)> = list
        .iter()
        .map(|d| (d.a.as_str(), d.b.as_str(), d.sign))
        .collect();
    assert_eq!(
        signs,
        [
            ("AZE", "IRN", Sign::Mixed),
            ("AZE", "ARM", Sign::Hostile),
            ("AZE", "ISR", Sign::Cooperative),
        ]
    );
    let isr = &list[2];
    // The hypothetical downgrade is not counted; cluster 1 has three reports.
    assert_eq!((isr.events, isr.clusters, isr.reports), (4, 4, 6));
    assert_eq!((isr.forward, isr.backward), (2, 2));
    assert_eq!(
        isr.quad_counts(),
        [3, 1, 0, 0],
        "three verbal, one material cooperation"
    );
    assert_eq!(isr.first, Some(jiff::civil::date(2024, 1, 15)));
    assert_eq!(isr.last, Some(jiff::civil::date(2024, 3, 20)));
    assert!((isr.goldstein_sum - (8.0 + 7.4 + 3.4 + 1.9)).abs() < 1e-5);
    assert_eq!(isr.share_cooperative, 1.0);
    let irn = &list[0];
    assert_eq!(irn.quad_counts(), [3, 0, 1, 1]);
    assert!((irn.cooperation_share() - 18.4 / 27.6).abs() < 1e-5);
    insta::assert_json_snapshot!("dyads_aze", list);
}

#[test]
fn nonfactual_events_only_on_request() {
    let rows = common::rows();
    let with = DyadOptions {
        include_nonfactual: true,
        ..focus("AZE")
    };
    let isr = |list: Vec<aras_relations::Dyad>| list.into_iter().find(|d| d.b == "ISR").unwrap();
    assert_eq!(isr(dyads(&rows, &focus("AZE"))).events, 4);
    assert_eq!(isr(dyads(&rows, &with)).events, 5);
    // The denied Israeli strike on Iran stays out by default.
    let all = dyads(&rows, &DyadOptions::default());
    let pair = all.iter().find(|d| d.joins("IRN", "ISR")).unwrap();
    assert_eq!(pair.events, 3);
}

#[test]
fn directed_and_actor_level_views() {
    let rows = common::rows();
    let directed = dyads(
        &rows,
        &DyadOptions {
            directed: true,
            ..DyadOptions::default()
        },
    );
    let count = |a: &str, b: &str| {
        directed
            .iter()
            .find(|d| d.a == a && d.b == b)
            .map_or(0, |d| d.events)
    };
    assert_eq!((count("AZE", "ISR"), count("ISR", "AZE")), (2, 2));
    assert_eq!((count("ARM", "AZE"), count("AZE", "ARM")), (3, 1));
    assert!(directed.iter().all(|d| d.directed && d.backward == 0));

    let actors = dyads(
        &rows,
        &DyadOptions {
            level: Level::Actor,
            focus: Some("AZEGOV".into()),
            ..DyadOptions::default()
        },
    );
    let names: Vec<&str> = actors.iter().map(|d| d.b.as_str()).collect();
    assert_eq!(names, ["IRNGOV", "ARMGOV", "ISRGOV", "IRNMIL"]);
    // The army's drone delivery is AZEMIL's, not the government's.
    assert_eq!(actors[2].events, 3);
}

#[test]
fn timeline_fills_gaps_and_keeps_evidence() {
    let rows = common::rows();
    let months = timeline(&rows, "AZE", "IRN", Bucket::Month);
    let labels: Vec<&str> = months.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["2024-01", "2024-02", "2024-03"]);
    assert_eq!(months[1].cluster_ids, [7, 8]);
    assert_eq!(months[1].quad_counts(), [0, 0, 1, 1]);
    assert_eq!((months[1].a_to_b, months[1].b_to_a), (1, 1));
    assert!((months[1].goldstein_mean.unwrap() - (-4.6)).abs() < 1e-5);

    let weeks = timeline(&rows, "AZE", "IRN", Bucket::Week);
    assert_eq!(weeks.first().unwrap().label, "2024-W03");
    assert_eq!(weeks.last().unwrap().label, "2024-W11");
    assert_eq!(weeks.len(), 9, "empty weeks are filled");
    assert_eq!(weeks.iter().filter(|p| p.events == 0).count(), 4);
    assert!(weeks
        .iter()
        .filter(|p| p.events == 0)
        .all(|p| p.goldstein_mean.is_none() && p.cluster_ids.is_empty()));

    let one_way = timeline_with(
        &rows,
        "IRN",
        "AZE",
        Bucket::Year,
        &DyadOptions {
            directed: true,
            ..DyadOptions::default()
        },
    );
    assert_eq!(one_way.len(), 1);
    assert_eq!(one_way[0].events, 3);
    assert!(timeline(&rows, "AZE", "USA", Bucket::Day).is_empty());
}

/// Parses `xml` to the end with quick-xml; returns the element names seen.
fn parse_xml(xml: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut names = Vec::new();
    let mut depth = 0i32;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                depth += 1;
                names.push(String::from_utf8(e.name().as_ref().to_vec()).unwrap());
            }
            Ok(Event::Empty(e)) => {
                names.push(String::from_utf8(e.name().as_ref().to_vec()).unwrap())
            }
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Text(t)) => {
                t.decode().expect("text decodes");
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed at {}: {e}", reader.buffer_position()),
        }
    }
    assert_eq!(depth, 0, "every element closed");
    names
}

#[test]
fn timeline_chart_is_well_formed_svg() {
    let rows = common::rows();
    let points = timeline(&rows, "AZE", "IRN", Bucket::Week);
    let svg = render_timeline_svg(&points, "AZE – IRN by week <mixed & \"hedged\">");
    let names = parse_xml(&svg);
    assert_eq!(names[0], "svg");
    // One bar group per non-empty week, one segment per quad class present.
    assert_eq!(names.iter().filter(|n| *n == "g").count(), 5);
    assert_eq!(names.iter().filter(|n| *n == "circle").count(), 5);
    assert!(svg.contains("&lt;mixed &amp; &quot;hedged&quot;&gt;"));
    insta::assert_snapshot!("timeline_aze_irn_week_svg", svg);

    let empty = render_timeline_svg(&[], "nothing");
    parse_xml(&empty);
    assert!(empty.contains("no dated events"));
}

#[test]
fn balance_finds_the_triangle_and_the_hedger() {
    let rows = common::rows();
    let report = balance(&rows, &BalanceOptions::default());
    assert_eq!(report.edges.len(), 4);
    assert_eq!(report.triads.len(), 1);
    let triad = &report.triads[0];
    assert_eq!(triad.actors, ["AZE", "IRN", "ISR"].map(String::from));
    assert_eq!(triad.signs, [Sign::Mixed, Sign::Hostile, Sign::Cooperative]);
    assert_eq!(triad.kind, TriadKind::Ambiguous);
    assert_eq!(triad.events, [5, 3, 4]);
    assert_eq!(report.balance_ratio, None);

    assert_eq!(report.hedging.len(), 1);
    let hedge = &report.hedging[0];
    assert_eq!(hedge.actor, "AZE");
    assert_eq!(hedge.between, ["IRN", "ISR"].map(String::from));
    assert!((hedge.score - 18.4 / 27.6).abs() < 1e-5, "{}", hedge.score);
    assert_eq!(hedge.hostility, 1.0);
    assert_eq!(hedge.leans_to.as_deref(), Some("ISR"));

    // Read as a friend, Iran makes the triangle unbalanced; as an enemy, balanced.
    for (policy, kind) in [
        (MixedPolicy::Positive, Some(TriadKind::Unbalanced)),
        (MixedPolicy::Negative, Some(TriadKind::Balanced)),
        (MixedPolicy::Ignore, None),
    ] {
        let r = balance(
            &rows,
            &BalanceOptions {
                mixed: policy,
                ..BalanceOptions::default()
            },
        );
        assert_eq!(r.triads.first().map(|t| t.kind), kind, "{policy:?}");
    }
    insta::assert_json_snapshot!("balance_report", report);
}

#[test]
fn tables_fit_the_terminal() {
    let rows = common::rows();
    let list = dyads(&rows, &focus("AZE"));
    let points = timeline(&rows, "AZE", "IRN", Bucket::Month);
    let report = balance(&rows, &BalanceOptions::default());
    for width in [40, 80, 140] {
        for text in [
            render_dyads_table(&list, width),
            render_timeline_table(&points, width),
            render_balance_table(&report, width),
        ] {
            for line in text.lines() {
                assert!(
                    line.width() <= width,
                    "{width}: {line:?} is {} wide",
                    line.width()
                );
            }
        }
    }
    insta::assert_snapshot!("dyads_table_80", render_dyads_table(&list, 80));
    insta::assert_snapshot!("dyads_table_140", render_dyads_table(&list, 140));
    insta::assert_snapshot!("timeline_table_80", render_timeline_table(&points, 80));
    insta::assert_snapshot!("balance_table_100", render_balance_table(&report, 100));
}
