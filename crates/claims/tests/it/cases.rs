//! Table-driven cases, one sentence each, written for these tests.

use aras_claims::{extract, Claim, Direction, Quantity};

fn claims(text: &str) -> Vec<Claim> {
    extract(text, &aras_text::segment(text), None)
}

fn one(text: &str) -> Claim {
    let cs = claims(text);
    assert_eq!(cs.len(), 1, "{text}: {cs:#?}");
    cs.into_iter().next().unwrap()
}

fn subject(text: &str, c: &Claim) -> Option<String> {
    c.subject_span.map(|(a, b)| text[a..b].to_string())
}

#[test]
fn quantity_families() {
    let pct = |v| Quantity::Percent(v);
    let money = |a, c: &str| Quantity::Money {
        amount: a,
        currency: c.into(),
    };
    let count = |n, u: &str| Quantity::Count { n, unit: u.into() };
    let cases: Vec<(&str, &str, Quantity)> = vec![
        (
            "Turnout reached 71 percent in the capital.",
            "71 percent",
            pct(71.0),
        ),
        ("The party won 38% of the seats.", "38 percent", pct(38.0)),
        (
            "Inflation is now 3.5 per cent a year.",
            "3.5 percent",
            pct(3.5),
        ),
        (
            "The central bank lifted its rate by 2 percentage points.",
            "2 percentage points",
            Quantity::Change {
                direction: Direction::Up,
                by: Box::new(Quantity::PercentagePoints(2.0)),
            },
        ),
        (
            "Half of the fishermen have sold their boats.",
            "Half",
            Quantity::Fraction(0.5),
        ),
        (
            "A third of the budget goes to defence.",
            "A third",
            Quantity::Fraction(1.0 / 3.0),
        ),
        (
            "Two-thirds of the deputies backed the plan.",
            "Two-thirds",
            Quantity::Fraction(2.0 / 3.0),
        ),
        (
            "A quarter of the wells are dry.",
            "A quarter",
            Quantity::Fraction(0.25),
        ),
        (
            "One in four voters stayed at home.",
            "One in four",
            Quantity::Fraction(0.25),
        ),
        (
            "The ministry signed a US$ 1.5 billion contract.",
            "US$ 1.5 billion",
            money(1.5e9, "USD"),
        ),
        (
            "The port cost $300 million to build.",
            "$300 million",
            money(3e8, "USD"),
        ),
        ("The rescue fund holds €2bn.", "€2bn", money(2e9, "EUR")),
        (
            "Farmers received 40 million ringgit in aid.",
            "40 million ringgit",
            money(4e7, "MYR"),
        ),
        (
            "The club paid 12 million pounds for the striker.",
            "12 million pounds",
            money(1.2e7, "GBP"),
        ),
        (
            "The deal is worth 3 billion Hong Kong dollars.",
            "3 billion Hong Kong dollars",
            money(3e9, "HKD"),
        ),
        (
            "The army sent 2,500 troops to the border.",
            "2,500 troops",
            count(2500.0, "troops"),
        ),
        (
            "The camp shelters 100,000 refugees.",
            "100,000 refugees",
            count(100_000.0, "refugees"),
        ),
        (
            "The field pumps 580,000 barrels a day.",
            "580,000 barrels a day",
            count(580_000.0, "barrels a day"),
        ),
        (
            "Investors traded 162.178 million shares.",
            "162.178 million shares",
            count(162_178_000.0, "shares"),
        ),
        (
            "The island has three small airports.",
            "three small airports",
            count(3.0, "small airports"),
        ),
        (
            "The city has a population of 4 million.",
            "4 million",
            count(4e6, ""),
        ),
    ];
    for (text, value, q) in cases {
        let c = one(text);
        assert_eq!(c.value, value, "{text}");
        assert_eq!(c.quantity, q, "{text}");
        assert_eq!(
            &text[c.value_span.0..c.value_span.1]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .replace('%', " percent")
                .replace("per cent", "percent"),
            value,
            "{text}"
        );
    }
}

#[test]
fn ranges_and_changes() {
    let c = one("Between 10 and 20 percent of the harvest was lost.");
    assert_eq!(c.value, "Between 10 and 20 percent");
    assert_eq!(
        c.quantity,
        Quantity::Range {
            low: Box::new(Quantity::Percent(10.0)),
            high: Box::new(Quantity::Percent(20.0))
        }
    );
    assert_eq!(c.measure.as_deref(), Some("the harvest"));

    let c = one("Estimates range from 30-40 percent.");
    assert!(matches!(c.quantity, Quantity::Range { .. }), "{c:?}");

    let c = one("Copper prices were up 3 percent on Monday.");
    assert_eq!(
        c.quantity,
        Quantity::Change {
            direction: Direction::Up,
            by: Box::new(Quantity::Percent(3.0))
        }
    );

    let c = one("The shilling fell 1.1 percent against the dollar.");
    assert_eq!(
        c.quantity,
        Quantity::Change {
            direction: Direction::Down,
            by: Box::new(Quantity::Percent(1.1))
        }
    );
    assert_eq!(c.measure.as_deref(), Some("The shilling"));

    let c = one("Exports dropped by more than 5 percent last year.");
    assert_eq!(c.qualifier.as_deref(), Some("more than"));
    assert!(matches!(
        c.quantity,
        Quantity::Change {
            direction: Direction::Down,
            ..
        }
    ));
}

#[test]
fn qualifiers() {
    let cases = [
        ("More than 300 students signed the letter.", "more than"),
        ("About 40 percent of the land is forest.", "about"),
        ("Nearly half of the staff quit.", "nearly"),
        ("At least 17 people drowned.", "at least"),
        ("The ferry carries up to 900 passengers.", "up to"),
        ("Some 6,000 workers joined the strike.", "some"),
        ("Roughly $2 million went missing.", "roughly"),
        ("Almost two-thirds of the villages have no road.", "almost"),
    ];
    for (text, q) in cases {
        let c = one(text);
        assert_eq!(c.qualifier.as_deref(), Some(q), "{text}");
        assert!(c.value.to_lowercase().starts_with(q), "{text}: {}", c.value);
    }
}

#[test]
fn sources_by_cue() {
    let cases = [
        ("Unemployment stood at 9 percent, according to the statistics office.", "statistics office", "according to"),
        ("According to the Coastal Research Institute, 60 percent of the reef has bleached.", "Coastal Research Institute", "according to"),
        ("Some 4,000 homes were damaged, according to figures from the Red Crescent.", "Red Crescent", "according to"),
        ("The rebels control 70 percent of the province, the governor said.", "governor", "said"),
        ("The minister says 12 percent of pupils leave school early.", "minister", "says"),
        ("The union estimates that 5,000 jobs will go.", "union", "estimates"),
        ("Analysts at Norvik Bank estimate 2 million barrels a day are missing from the market.", "Analysts at Norvik Bank", "estimate"),
        ("The agency reported 230 new infections.", "agency", "reported"),
        ("A survey by the Harlow Institute found that 45 percent of renters are behind on payments.", "Harlow Institute", "survey by"),
        ("Customs data from the finance ministry show imports of $4 billion.", "finance ministry", "data from"),
        ("The central bank's data show deposits fell 2 percent.", "central bank", "data show"),
        ("Wheat output will rise 4 percent, said Lena Ortiz, an analyst at Farmwise.", "Lena Ortiz", "said"),
        ("Researchers found that a quarter of the samples were fake.", "Researchers", "found"),
    ];
    for (text, name, cue) in cases {
        let cs = claims(text);
        assert!(!cs.is_empty(), "{text}");
        let s = cs[0]
            .source
            .as_ref()
            .unwrap_or_else(|| panic!("no source: {text} {cs:#?}"));
        assert_eq!((s.name.as_str(), s.cue.as_str()), (name, cue), "{text}");
        assert_eq!(&text[s.start..s.end], s.name, "{text}");
    }
    // an event verb with the quantity as its object is not a citation
    let c = one("Police found 20 rifles in the truck.");
    assert_eq!(c.source, None);
}

#[test]
fn subject_and_measure() {
    let text = "Between 2010 and 2015, Norway was the source for 30 percent of Poland’s gas imports, according to the energy agency.";
    let c = one(text);
    assert_eq!(subject(text, &c).as_deref(), Some("Norway"));
    assert_eq!(c.measure.as_deref(), Some("Poland’s gas imports"));
    assert_eq!(
        c.text,
        "Norway was the source for 30 percent of Poland’s gas imports"
    );

    let text = "Since the treaty, Chile has become a major buyer of grain from Peru, taking more than half of its exports.";
    let c = one(text);
    assert_eq!(subject(text, &c).as_deref(), Some("Chile"));
    assert_eq!(c.measure.as_deref(), Some("its exports"));

    // the quantity is the subject: the subject is the measure's possessor, possessive dropped
    let text = "About 40 percent of Kenya's tea exports go to Pakistan.";
    let c = one(text);
    assert_eq!(subject(text, &c).as_deref(), Some("Kenya"));
    assert_eq!(c.measure.as_deref(), Some("Kenya's tea exports"));

    // a change: the clause subject is what is measured
    let text = "Brazil’s coffee exports rose 6 percent in May.";
    let c = one(text);
    assert_eq!(c.measure.as_deref(), Some("Brazil’s coffee exports"));
    assert_eq!(subject(text, &c).as_deref(), Some("Brazil"));

    let text = "The mill, which employs 1,200 workers, will close.";
    let c = one(text);
    assert_eq!(subject(text, &c).as_deref(), Some("The mill"));

    let text = "Officials put the cost of the storm at $80 million.";
    let c = one(text);
    assert_eq!(c.measure.as_deref(), Some("the cost of the storm"));
}

#[test]
fn negatives() {
    let cases = [
        "The treaty was signed in 1994 and renewed in 2009.",
        "The talks began on June 13 and ended on 2 July.",
        "The meeting starts at 10:30 and ends at 4 p.m.",
        "Elena Marsh, 47, leads the committee.",
        "The 62-year-old senator retired.",
        "It is the country's second-largest city.",
        "See page 12 of the report.",
        "Call +44 20 7946 0958 for tickets.",
        "He is one of the most senior generals.",
        "One cable described a secret deal.",
        "They found a 2,000-year-old coin.",
        "The two countries share a border.",
        "The rebels held the town for three weeks.",
        "The vote follows Resolution 1701 of the council.",
        "She finished 3rd in the race.",
        "The war lasted 35 years.",
        "In the first half of the year, sales were flat.",
        "The party seeks a third term.",
    ];
    for text in cases {
        let cs = claims(text);
        assert!(cs.is_empty(), "{text}: {cs:#?}");
    }
}

#[test]
fn subject_from_syntax() {
    use aras_nlp::model::{Analysis, AnalyzedWord};
    // "Officially , Chile supplied 40 percent of Peru 's wheat ."
    let text = "Officially, Chile supplied 40 percent of Peru's wheat.";
    let sentences = aras_text::segment(text);
    let forms: Vec<&str> = sentences[0].tokens.iter().map(|t| t.text(text)).collect();
    assert_eq!(
        forms,
        [
            "Officially",
            ",",
            "Chile",
            "supplied",
            "40",
            "percent",
            "of",
            "Peru",
            "'s",
            "wheat",
            "."
        ]
    );
    let arcs: [(u32, &str); 11] = [
        (4, "advmod"),
        (4, "punct"),
        (4, "nsubj"),
        (0, "root"),
        (6, "nummod"),
        (4, "obj"),
        (10, "case"),
        (10, "nmod:poss"),
        (8, "case"),
        (6, "nmod"),
        (4, "punct"),
    ];
    let analysis = Analysis {
        words: arcs
            .iter()
            .map(|&(head, deprel)| AnalyzedWord {
                upos: "X",
                xpos: "X",
                lemma: String::new(),
                head,
                deprel,
            })
            .collect(),
    };
    let cs = extract(text, &sentences, Some(std::slice::from_ref(&analysis)));
    assert_eq!(cs.len(), 1);
    assert_eq!(subject(text, &cs[0]).as_deref(), Some("Chile"));
    assert_eq!(cs[0].measure.as_deref(), Some("Peru's wheat"));
    // a misaligned analysis is ignored, not trusted
    let short = Analysis {
        words: analysis.words[..3].to_vec(),
    };
    let cs = extract(text, &sentences, Some(std::slice::from_ref(&short)));
    assert_eq!(subject(text, &cs[0]).as_deref(), Some("Chile"));
}
