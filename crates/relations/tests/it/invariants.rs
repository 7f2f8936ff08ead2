//! Properties that hold for any rows: counts add up, timelines are contiguous, scores
//! stay in range, charts stay well-formed whatever the title, tables fit whatever the
//! text.

use crate::common;

use aras_relations::{
    balance, dyads, render_table, render_timeline_svg, timeline, BalanceOptions, Bucket, Column,
    DyadOptions, EventRow,
};
use jiff::ToSpan;
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

const PARTIES: [&str; 5] = ["AZE", "ISR", "IRN", "ARM", ""];

fn arbitrary_row() -> impl Strategy<Value = EventRow> {
    (
        0usize..5,
        0usize..5,
        1u8..=4,
        -10.0f32..=10.0,
        proptest::option::of(0i64..800),
        0usize..5,
        any::<bool>(),
        0i64..40,
        1u32..5,
    )
        .prop_map(
            |(s, t, quad, goldstein, day, modality, negated, cluster, reports)| {
                let mut row = common::row(&common::WORLD[0]);
                let party = |i: usize| Some(PARTIES[i].to_string()).filter(|p| !p.is_empty());
                row.source_country = party(s);
                row.target_country = party(t);
                row.quad_class = aras_schema::QuadClass::from_number(quad).unwrap();
                row.goldstein = goldstein;
                let date =
                    day.map(|d| jiff::civil::date(2023, 1, 1).checked_add(d.days()).unwrap());
                row.date = date;
                row.published = None;
                row.modality = aras_schema::Modality::ALL[modality];
                row.negated = negated;
                row.cluster_id = cluster;
                row.n_reports = reports;
                row
            },
        )
}

proptest! {
    #[test]
    fn counts_add_up(rows in proptest::collection::vec(arbitrary_row(), 0..80)) {
        let options = DyadOptions::default();
        let counted = rows.iter().filter(|r| options.counts(r)).count() as u32;
        let undirected = dyads(&rows, &options);
        let directed = dyads(&rows, &DyadOptions { directed: true, ..DyadOptions::default() });
        prop_assert_eq!(undirected.iter().map(|d| d.events).sum::<u32>(), counted);
        prop_assert_eq!(directed.iter().map(|d| d.events).sum::<u32>(), counted);
        for d in &undirected {
            prop_assert!(d.a < d.b);
            prop_assert_eq!(d.forward + d.backward, d.events);
            prop_assert!(d.clusters <= d.events && d.clusters >= 1);
            prop_assert!(d.quad_counts().iter().sum::<u32>() <= d.events);
            prop_assert!((-1.0..=1.0).contains(&d.balance));
            prop_assert!(d.first <= d.last);
        }
        // Every counterpart of AZE in the undirected list appears in the focus list.
        let focus = dyads(&rows, &DyadOptions { focus: Some("AZE".into()), ..DyadOptions::default() });
        let touching: u32 = undirected.iter().filter(|d| d.a == "AZE" || d.b == "AZE").map(|d| d.events).sum();
        prop_assert_eq!(focus.iter().map(|d| d.events).sum::<u32>(), touching);
        prop_assert!(focus.iter().all(|d| d.a == "AZE"));
    }

    #[test]
    fn timelines_are_contiguous(rows in proptest::collection::vec(arbitrary_row(), 0..80)) {
        let options = DyadOptions::default();
        let pair = |r: &EventRow| {
            (r.source_country.as_deref() == Some("AZE") && r.target_country.as_deref() == Some("IRN"))
                || (r.source_country.as_deref() == Some("IRN") && r.target_country.as_deref() == Some("AZE"))
        };
        let dated = rows.iter().filter(|r| options.counts(r) && pair(r) && r.when().is_some()).count() as u32;
        for bucket in [Bucket::Day, Bucket::Week, Bucket::Month, Bucket::Year] {
            let points = timeline(&rows, "AZE", "IRN", bucket);
            prop_assert_eq!(points.iter().map(|p| p.events).sum::<u32>(), dated);
            for w in points.windows(2) {
                prop_assert_eq!(bucket.next(w[0].start), Some(w[1].start));
            }
            if let (Some(first), Some(last)) = (points.first(), points.last()) {
                prop_assert!(first.events > 0 && last.events > 0);
            }
        }
    }

    #[test]
    fn balance_scores_stay_in_range(rows in proptest::collection::vec(arbitrary_row(), 0..120)) {
        let report = balance(&rows, &BalanceOptions::default());
        prop_assert_eq!(
            (report.balanced + report.unbalanced + report.ambiguous) as usize,
            report.triads.len()
        );
        for h in &report.hedging {
            prop_assert!(h.score > 0.0 && h.score <= 1.0);
            prop_assert!(h.hostility >= 0.75 - 1e-9, "the pair is hostile");
        }
    }

    #[test]
    fn charts_are_well_formed_for_any_title(title in any::<String>()) {
        let rows = common::rows();
        let svg = render_timeline_svg(&timeline(&rows, "AZE", "ISR", Bucket::Month), &title);
        let mut reader = quick_xml::Reader::from_str(&svg);
        reader.config_mut().check_end_names = true;
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => return Err(TestCaseError::fail(format!("{e}"))),
            }
        }
    }

    /// Latin, accents as combining marks, CJK, flags and other emoji, tabs and newlines:
    /// whatever the text, every line fits the width and every row stays one line.
    #[test]
    fn tables_fit_whatever_the_text(
        rows in proptest::collection::vec(
            proptest::collection::vec("[a-zA-Z0-9 .,é\u{301}\u{308}日本語한국🇦🇿🇮🇷🙂👍🏽\t\n-]{0,50}", 3),
            0..6,
        ),
        width in 20usize..120,
    ) {
        let columns = [Column::text("who"), Column::number("n").optional(1), Column::text("evidence")];
        let out = render_table(&columns, &rows, width);
        prop_assert_eq!(out.lines().count(), rows.len() + 2, "{}", out);
        for line in out.lines() {
            prop_assert!(line.width() <= width, "{}: {:?} is {} wide", width, line, line.width());
        }
    }
}
