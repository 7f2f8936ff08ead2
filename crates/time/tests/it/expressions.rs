//! Table-driven tests: (text, document date) → [(text, value, kind)], one table per
//! expression family, with the negative cases next to the positive ones.

use aras_time::{extract, TimeContext, TimeExpr, TimeKind};
use TimeKind::{Date as D, Duration as Du, Range as R, Set as S};

const DOC: &str = "2025-06-18"; // a Wednesday

fn run(text: &str, doc: Option<&str>) -> Vec<TimeExpr> {
    let ctx = TimeContext {
        document_date: doc.map(str::to_string),
    };
    extract(text, &aras_text::segment(text), &ctx)
}

/// (expected text, value, kind) of one expression.
type Want<'a> = (&'a str, &'a str, TimeKind);

fn check(cases: &[(&str, &[Want])], doc: Option<&str>) {
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got: Vec<(String, String, TimeKind)> = run(text, doc)
            .into_iter()
            .map(|t| (t.text, t.value, t.kind))
            .collect();
        let want: Vec<(String, String, TimeKind)> = want
            .iter()
            .map(|(t, v, k)| (t.to_string(), v.to_string(), *k))
            .collect();
        if got != want {
            failures.push(format!("{text:?}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn explicit_and_partial_dates() {
    check(
        &[
            (
                "The talks ended on June 13.",
                &[("June 13", "2025-06-13", D)],
            ),
            (
                "It was signed on 13 June 2025 in Baku.",
                &[("13 June 2025", "2025-06-13", D)],
            ),
            (
                "It was signed on June 13, 2024.",
                &[("June 13, 2024", "2024-06-13", D)],
            ),
            ("Prices rose in June 2025.", &[("June 2025", "2025-06", D)]),
            (
                "The drone was shown in October 2021.",
                &[("October 2021", "2021-10", D)],
            ),
            (
                "Filed 2025-06-13 in court.",
                &[("2025-06-13", "2025-06-13", D)],
            ),
            ("Filed on 06/13/2025.", &[("06/13/2025", "2025-06-13", D)]),
            ("Filed on 13/06/2025.", &[("13/06/2025", "2025-06-13", D)]),
            // ambiguous day/month: left alone
            ("Filed on 06/07/2025.", &[]),
            (
                "It happened on Sept. 12, 2001.",
                &[("Sept. 12, 2001", "2001-09-12", D)],
            ),
            (
                "It happened on the 5th of May.",
                &[("the 5th of May", "2025-05-05", D)],
            ),
            (
                "They met on Tuesday, June 17.",
                &[("Tuesday, June 17", "2025-06-17", D)],
            ),
            // a past month more than a month after the document date is last year's
            (
                "The deal collapsed in December.",
                &[("December", "2024-12", D)],
            ),
            // ... unless the sentence looks ahead
            (
                "The summit will be held in December.",
                &[("December", "2025-12", D)],
            ),
            ("Elections were held in May.", &[("May", "2025-05", D)]),
            ("The vote is on May 5.", &[("May 5", "2025-05-05", D)]),
            (
                "Inflation peaked in May 2024.",
                &[("May 2024", "2024-05", D)],
            ),
        ],
        Some(DOC),
    );
}

#[test]
fn month_names_that_are_not_dates() {
    check(
        &[
            ("Iran may retaliate.", &[]),
            ("May God protect us, he said.", &[]),
            ("Protesters march through the capital.", &[]),
            ("March on, they shouted.", &[]),
            ("June Carter sang.", &[]),
        ],
        Some(DOC),
    );
}

#[test]
fn years() {
    check(
        &[
            (
                "In 2012, police arrested several people.",
                &[("2012", "2012", D)],
            ),
            ("Relations have grown since 2006.", &[("2006", "2006", D)]),
            ("The plan must be finished by 2030.", &[("2030", "2030", D)]),
            ("The campaign ended in 2023.", &[("2023", "2023", D)]),
            ("He won the 2016 Olympics.", &[("2016", "2016", D)]),
            ("Sales rose in mid-2024.", &[("mid-2024", "2024", D)]),
            ("Sales rose in early 2024.", &[("early 2024", "2024", D)]),
            (
                "It ended at the end of 2012.",
                &[("the end of 2012", "2012", D)],
            ),
            ("Profit in fiscal 1998 fell.", &[("1998", "1998", D)]),
        ],
        Some(DOC),
    );
}

#[test]
fn numbers_that_are_not_years() {
    check(
        &[
            ("The US sent 2,500 troops.", &[]),
            ("The index fell 1,200 points.", &[]),
            ("They deployed 2000 troops.", &[]),
            ("Call 555-2012 for details.", &[]),
            ("Call +1 202 555 2012 now.", &[("now", "PRESENT_REF", D)]),
            ("It costs $2000 dollars.", &[]),
            ("About 1950 people came.", &[]),
        ],
        Some(DOC),
    );
}

#[test]
fn decades_and_centuries() {
    check(
        &[
            (
                "He served in the late 1990s.",
                &[("the late 1990s", "199X", D)],
            ),
            ("Ties began in the 1990s.", &[("the 1990s", "199X", D)]),
            (
                "Losses in the early 2000s hurt.",
                &[("the early 2000s", "200X", D)],
            ),
            ("Music of the '80s returned.", &[("the '80s", "198X", D)]),
            (
                "It was built in the mid-1990s.",
                &[("the mid-1990s", "199X", D)],
            ),
            (
                "Borders were drawn in the 20th century.",
                &[("the 20th century", "19XX", D)],
            ),
        ],
        Some(DOC),
    );
}

#[test]
fn ranges() {
    check(
        &[
            (
                "Between 2016 and 2021, Israel supplied most arms.",
                &[("Between 2016 and 2021", "2016/2021", R)],
            ),
            (
                "From 2016 to 2021 imports grew.",
                &[("From 2016 to 2021", "2016/2021", R)],
            ),
            (
                "Imports grew in 2016-2021.",
                &[("2016-2021", "2016/2021", R)],
            ),
            (
                "The 1998-99 season was long.",
                &[("1998-99", "1998/1999", R)],
            ),
            (
                "It ran from May to July 2024.",
                &[("from May to July 2024", "2025-05/2024-07", R)],
            ),
        ],
        Some(DOC),
    );
}

#[test]
fn durations() {
    check(
        &[
            (
                "They fought two wars in the past 35 years.",
                &[("the past 35 years", "P35Y", Du)],
            ),
            (
                "The ceasefire lasted 35 years.",
                &[("35 years", "P35Y", Du)],
            ),
            ("Talks lasted 48 hours.", &[("48 hours", "PT48H", Du)]),
            ("A 48-hour truce began.", &[("48-hour", "PT48H", Du)]),
            ("He was held for three days.", &[("three days", "P3D", Du)]),
            ("The war lasted two weeks.", &[("two weeks", "P2W", Du)]),
            ("Talks took six months.", &[("six months", "P6M", Du)]),
            ("He waited for a year.", &[("a year", "P1Y", Du)]),
            (
                "The siege went on for several weeks.",
                &[("several weeks", "PXW", Du)],
            ),
            (
                "Prices rose over the past year.",
                &[("the past year", "P1Y", Du)],
            ),
            ("A decade of war ended.", &[]),
            ("The 35-year-old minister resigned.", &[]),
            ("The minister, 35 years old, resigned.", &[]),
        ],
        Some(DOC),
    );
}

#[test]
fn sets() {
    check(
        &[
            (
                "They meet every Monday.",
                &[("every Monday", "XXXX-WXX-1", S)],
            ),
            (
                "The report is published annually.",
                &[("annually", "P1Y", S)],
            ),
            ("Patrols run every day.", &[("every day", "P1D", S)]),
            (
                "Inspectors visit twice a year.",
                &[("twice a year", "P1Y", S)],
            ),
            ("They met weekly.", &[("weekly", "P1W", S)]),
            ("The daily newspaper closed.", &[("daily", "P1D", S)]),
            ("The annual report came out.", &[]),
        ],
        Some(DOC),
    );
}

#[test]
fn document_relative() {
    check(
        &[
            (
                "Iran fired missiles yesterday.",
                &[("yesterday", "2025-06-17", D)],
            ),
            ("Talks resume today.", &[("today", "2025-06-18", D)]),
            ("Talks resume tomorrow.", &[("tomorrow", "2025-06-19", D)]),
            ("He spoke last year.", &[("last year", "2024", D)]),
            ("Prices rose this year.", &[("this year", "2025", D)]),
            (
                "Prices rose earlier this year.",
                &[("earlier this year", "2025", D)],
            ),
            ("Prices fell last month.", &[("last month", "2025-05", D)]),
            ("Talks resume next month.", &[("next month", "2025-07", D)]),
            (
                "Talks took place this week.",
                &[("this week", "2025-W25", D)],
            ),
            (
                "Talks took place last week.",
                &[("last week", "2025-W24", D)],
            ),
            ("He visited two years ago.", &[("two years ago", "2023", D)]),
            (
                "He visited three days ago.",
                &[("three days ago", "2025-06-15", D)],
            ),
            (
                "The drought last summer was severe.",
                &[("last summer", "2024-SU", D)],
            ),
            (
                "Profit rose in the first quarter of 2024.",
                &[("the first quarter of 2024", "2024-Q1", D)],
            ),
            (
                "Profit rose in the first quarter.",
                &[("the first quarter", "2025-Q1", D)],
            ),
            (
                "Third-quarter profit rose.",
                &[("Third-quarter", "2024-Q3", D)],
            ),
            (
                "Third-quarter profit will rise.",
                &[("Third-quarter", "2025-Q3", D)],
            ),
            ("Nothing has changed now.", &[("now", "PRESENT_REF", D)]),
            (
                "It happened this morning.",
                &[("this morning", "2025-06-18", D)],
            ),
        ],
        Some(DOC),
    );
}

#[test]
fn weekdays() {
    // 2025-06-18 is a Wednesday
    check(
        &[
            (
                "Iran said on Tuesday that it would respond.",
                &[("Tuesday", "2025-06-17", D)],
            ),
            (
                "Iran said on Wednesday that it would respond.",
                &[("Wednesday", "2025-06-18", D)],
            ),
            (
                "Iran said on Thursday that it would respond.",
                &[("Thursday", "2025-06-12", D)],
            ),
            (
                "The ministers will meet on Thursday.",
                &[("Thursday", "2025-06-19", D)],
            ),
            (
                "The ministers will meet on Tuesday.",
                &[("Tuesday", "2025-06-24", D)],
            ),
            ("They met last Friday.", &[("last Friday", "2025-06-13", D)]),
            (
                "Fighting resumed Sunday night.",
                &[("Sunday night", "2025-06-15", D)],
            ),
        ],
        Some(DOC),
    );
}

#[test]
fn discourse_relative() {
    let text = "Azerbaijan issued a statement on June 13. The next day, the ministry spoke. \
                In 2021 the drone was shown. Two years later, Azerbaijan took control. \
                A year earlier, talks failed.";
    let got = run(text, Some(DOC));
    let v: Vec<(&str, &str, Option<usize>)> = got
        .iter()
        .map(|t| (t.text.as_str(), t.value.as_str(), t.anchor))
        .collect();
    assert_eq!(
        v,
        [
            ("June 13", "2025-06-13", None),
            ("The next day", "2025-06-14", Some(0)),
            ("2021", "2021", None),
            ("Two years later", "2023", Some(2)),
            ("A year earlier", "2022", Some(3)),
        ]
    );
    assert!(got[0].anchored_to_document);
    assert!(!got[1].anchored_to_document);

    // with no day-precise expression before it, "the following day" uses the document date
    let got = run(
        "In 2021 talks began. The following day, they ended.",
        Some(DOC),
    );
    assert_eq!(got[1].value, "2025-06-19");
    assert_eq!(got[1].anchor, None);
    assert!(got[1].anchored_to_document);

    // month precision anchors a year shift at year precision
    let got = run(
        "It was shown in October 2021. Two years later it was used.",
        Some(DOC),
    );
    assert_eq!(got[1].value, "2023");
    assert_eq!(got[1].anchor, Some(0));

    // a year shift of a quarter stays a quarter
    let got = run(
        "Profit rose in the third quarter of 1998, up from a year earlier.",
        Some(DOC),
    );
    assert_eq!(got[1].value, "1997-Q3");

    check(
        &[
            (
                "On June 2 they met. A day later, they signed.",
                &[
                    ("June 2", "2025-06-02", D),
                    ("A day later", "2025-06-03", D),
                ],
            ),
            (
                "On June 2 they met. The day before, they argued.",
                &[
                    ("June 2", "2025-06-02", D),
                    ("The day before", "2025-06-01", D),
                ],
            ),
            (
                "On June 2 they met. That day, they signed.",
                &[("June 2", "2025-06-02", D), ("That day", "2025-06-02", D)],
            ),
        ],
        Some(DOC),
    );
}

#[test]
fn without_a_document_date() {
    check(
        &[
            (
                "The talks ended on June 13.",
                &[("June 13", "XXXX-06-13", D)],
            ),
            (
                "Iran fired missiles yesterday.",
                &[("yesterday", "XXXX-XX-XX", D)],
            ),
            ("He spoke last year.", &[("last year", "XXXX", D)]),
            ("They met on Tuesday.", &[("Tuesday", "XXXX-WXX-2", D)]),
            ("In 2012 police arrested them.", &[("2012", "2012", D)]),
            (
                "In 2021 it began. Two years later it ended.",
                &[("2021", "2021", D), ("Two years later", "2023", D)],
            ),
        ],
        None,
    );
}

#[test]
fn offsets_point_at_the_text() {
    let text = "Baku’s “statement” on June 13 — the next day — came.";
    for t in run(text, Some(DOC)) {
        assert_eq!(&text[t.start..t.end], t.text);
    }
}
