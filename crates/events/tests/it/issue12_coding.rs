//! Issue 12, wire-news phrasings the coder must read: one row a case, the trained model
//! parses each text (skipped without it). `want` lists `SOURCE>TARGET CODE-PREFIX` that
//! must appear among the factual events (countries; `-` for no target), `never` codes that
//! must not appear at all.
use crate::common;

use aras_events::Event;

fn codes(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .filter(|e| e.is_factual())
        .map(|e| {
            format!(
                "{}>{} {}",
                e.source.as_ref().map_or("-", |r| r.country.as_str()),
                e.target.as_ref().map_or("-", |r| r.country.as_str()),
                e.cameo
            )
        })
        .collect()
}

struct Row {
    text: &'static str,
    want: &'static [&'static str],
    never: &'static [&'static str],
}

const ROWS: &[Row] = &[
    // A passive without its agent was done by whoever carried out the force it happened in.
    Row {
        text: "Two Afghan soldiers were killed in a Taliban attack on Monday.",
        want: &["AFG>AFG 19"],
        never: &[],
    },
    Row {
        text: "One militant was killed Wednesday in an Israeli air strike on a car in Gaza.",
        want: &["ISR>PSE 19"],
        never: &[],
    },
    // ... but a place is not an agent.
    Row {
        text: "Two American soldiers were killed in Iraq on Monday.",
        want: &[],
        never: &["IRQ>USA"],
    },
    // A light verb with an event noun: the noun codes the event, the dictionary verb does
    // not add military cooperation.
    Row {
        text: "The Nigerian army carried out air strikes on rebels on Monday.",
        want: &["NGA>NGA 19"],
        never: &["06"],
    },
    // Criticism of an event the text told: its author is the one criticised.
    Row {
        text: "Israeli aircraft bombed a house in Gaza on Monday. \
               Palestinian negotiator Saeb Erakat condemned the attack.",
        want: &["ISR>- 18", "PSE>ISR 111"],
        never: &[],
    },
    // Protests: crowds, unions and students placed by a city, with no target.
    Row {
        text:
            "Thousands of protesters marched through Santiago on Friday to demand higher pensions.",
        want: &["CHL>- 14"],
        never: &[],
    },
    Row {
        text: "Hundreds of farmers staged a protest in Paris on Monday.",
        want: &["FRA>- 14"],
        never: &[],
    },
    Row {
        text: "Opposition supporters rallied in Nairobi on Monday.",
        want: &["KEN>- 14"],
        never: &["02"],
    },
    // ... but troops on the march and a show of resolve are no protest.
    Row {
        text: "Russian troops marched into the town on Monday.",
        want: &[],
        never: &["14"],
    },
    Row {
        text: "Iran demonstrated its resolve on Monday.",
        want: &[],
        never: &["14"],
    },
    // Crowd control is repression, not chemical warfare; sanctions are not an assault.
    Row {
        text: "Kenyan police fired tear gas at demonstrators in Nairobi on Monday.",
        want: &["KEN>KEN 175"],
        never: &["20", "19"],
    },
    Row {
        text: "China used trade sanctions against Lithuania on Monday.",
        want: &[],
        never: &["19"],
    },
];

#[test]
fn issue12_wire_phrasings() {
    let mut failures = Vec::new();
    for row in ROWS {
        let Some(events) = common::run(row.text) else {
            return;
        };
        let got = codes(&events);
        for w in row.want {
            let (pair, prefix) = w.split_once(' ').unwrap();
            if !got.iter().any(|g| {
                g.split_once(' ')
                    .is_some_and(|(p, c)| p == pair && c.starts_with(prefix))
            }) {
                failures.push(format!("{:?}: want {w}, got {got:?}", row.text));
            }
        }
        for n in row.never {
            if got.iter().any(|g| g.contains(n)) {
                failures.push(format!("{:?}: never {n}, got {got:?}", row.text));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
