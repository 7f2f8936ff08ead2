//! The builtin gazetteer (`dict/places.tsv`): it loads whole, and finds the
//! places of the policy in `tools/gazetteer/README.md`.

use aras_dict::{parse_line, Gazetteer, Kind, BUILTIN_PLACES};
use proptest::prelude::*;

fn gaz() -> &'static Gazetteer {
    use std::sync::OnceLock;
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::builtin().expect("dict/places.tsv loads"))
}

#[test]
fn the_file_parses_with_no_rejected_line() {
    let (name, text) = BUILTIN_PLACES;
    let mut entries = 0;
    let mut stops = 0;
    let mut rejected = Vec::new();
    for (i, line) in text.lines().enumerate() {
        match parse_line(name, i + 1, line) {
            Ok(Some(e)) if e.kind == Kind::Place => entries += 1,
            Ok(Some(e)) if e.is_stop() => stops += 1,
            Ok(Some(e)) => rejected.push(format!("{}: kind {}", e.source, e.kind)),
            Ok(None) => {}
            Err(e) => rejected.push(e.to_string()),
        }
    }
    assert!(rejected.is_empty(), "{}", rejected.join("\n"));
    assert_eq!(
        gaz().len(),
        entries,
        "every entry is a place or a stop phrase"
    );
    assert_eq!(gaz().stop_phrases(), stops);
    assert!(entries > 30_000, "{entries} places");
    let header = text.lines().take(3).collect::<Vec<_>>().join("\n");
    assert!(header.contains("GENERATED") && header.contains("build_places.py"));
}

#[test]
fn places_are_sound() {
    let g = gaz();
    let mut last_pop = u64::MAX;
    for p in g.places() {
        assert_eq!(p.country.len(), 3, "{}: country {:?}", p.name, p.country);
        assert!((-90.0..=90.0).contains(&p.lat) && (-180.0..=180.0).contains(&p.lon));
        assert!(p.geonames.is_some(), "{}: no GeoNames id", p.name);
        if p.region {
            assert!(p.population.is_none() && p.admin1.is_some(), "{}", p.name);
        } else {
            // Populated places come largest first (the file order).
            let pop = p.population.expect("a populated place has pop=");
            assert!(pop <= last_pop, "{} is out of order", p.name);
            last_pop = pop;
        }
        if !p.ambiguous.is_empty() {
            assert!(p.ambiguous.contains(&p.country), "{}", p.name);
            assert!(p.ambiguous.len() >= 2, "{}", p.name);
        }
    }
}

/// (matched text, candidate countries, name of the first candidate).
type Found = (String, Vec<String>, String);

fn found(text: &str) -> Vec<Found> {
    gaz()
        .find(text)
        .iter()
        .map(|m| {
            (
                m.text(text).to_string(),
                m.countries().iter().map(|c| c.to_string()).collect(),
                m.place().name.clone(),
            )
        })
        .collect()
}

fn f(text: &str, countries: &[&str], name: &str) -> Found {
    (
        text.to_string(),
        countries.iter().map(|c| c.to_string()).collect(),
        name.to_string(),
    )
}

#[test]
fn table() {
    let cases: Vec<(&str, Vec<Found>)> = vec![
        (
            "Police fired tear gas at demonstrators in Nairobi.",
            vec![f("Nairobi", &["KEN"], "Nairobi")],
        ),
        // Santiago: Chile's capital is 44 times larger than the next Santiago
        // of another country (Santiago de Cuba is named in full).
        (
            "Thousands of protesters marched through Santiago",
            vec![f("Santiago", &["CHL"], "Santiago")],
        ),
        (
            "Santiago de Cuba",
            vec![f("Santiago de Cuba", &["CUB"], "Santiago de Cuba")],
        ),
        // A common English word is not a place.
        ("Mobile phones were seized.", vec![]),
        ("Reading the report, he said", vec![]),
        ("He moved to Reading.", vec![]),
        ("Split the difference; a nice day", vec![]),
        ("Farmers blocked highways across France", vec![]),
        // Capitalisation is required.
        ("nairobi", vec![]),
        ("NAIROBI", vec![f("NAIROBI", &["KEN"], "Nairobi")]),
        ("Tabriz", vec![f("Tabriz", &["IRN"], "Tabriz")]),
        // Several countries with places of comparable size: all candidates,
        // largest first.
        ("Tripoli", vec![f("Tripoli", &["LBY", "LBN"], "Tripoli")]),
        (
            "Hyderabad",
            vec![f("Hyderabad", &["IND", "PAK"], "Hyderabad")],
        ),
        // Much larger than any namesake elsewhere.
        ("Alexandria", vec![f("Alexandria", &["EGY"], "Alexandria")]),
        // Person names.
        ("Jackson and Lincoln said", vec![]),
        // Overrides: the capital, the city.
        (
            "officials in Washington",
            vec![f("Washington", &["USA"], "Washington")],
        ),
        (
            "New York and Washington state",
            vec![
                f("New York", &["USA"], "New York City"),
                f("Washington state", &["USA"], "Washington state"),
            ],
        ),
        // Alternate names attested in English; diacritics and all-caps text.
        ("Kiev", vec![f("Kiev", &["UKR"], "Kyiv")]),
        ("Bombay", vec![f("Bombay", &["IND"], "Mumbai")]),
        (
            "Sao Paulo, São Paulo and SÃO PAULO",
            vec![
                f("Sao Paulo", &["BRA"], "São Paulo"),
                f("São Paulo", &["BRA"], "São Paulo"),
                f("SÃO PAULO", &["BRA"], "São Paulo"),
            ],
        ),
        ("Gaza City", vec![f("Gaza City", &["PSE"], "Gaza")]),
        ("Pristina", vec![f("Pristina", &["KSV"], "Pristina")]),
        // A country's name is the actor dictionary's, not a place; a name in
        // dict/ shadows the place inside it.
        ("Georgia and Singapore", vec![]),
        ("Hong Kong, Sri Lanka and the Dominican Republic", vec![]),
        ("Bissau-Guinean troops", vec![]),
        ("Bissau", vec![f("Bissau", &["GNB"], "Bissau")]),
        ("a Hong Kong court", vec![]),
        ("Texas", vec![f("Texas", &["USA"], "Texas")]),
        (
            "Mexico City",
            vec![f("Mexico City", &["MEX"], "Mexico City")],
        ),
        ("Nairobi’s", vec![f("Nairobi", &["KEN"], "Nairobi")]),
    ];
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = found(text);
        if got != want {
            failures.push(format!("{text:?}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_match_carries_coordinates_and_population() {
    let text = "Clashes erupted in Tabriz on Friday.";
    let m = &gaz().find(text)[0];
    let p = m.place();
    assert_eq!((m.text(text), m.country()), ("Tabriz", Some("IRN")));
    assert!((p.lat - 38.08).abs() < 0.01 && (p.lon - 46.29).abs() < 0.01);
    assert!(p.population.unwrap() > 1_000_000);
    assert!(!m.is_ambiguous());
    let t = &gaz().find("Tripoli")[0];
    assert!(t.is_ambiguous() && t.country().is_none());
    assert_eq!(t.place().ambiguous, ["LBY", "LBN"]);
    let texas = &gaz().lookup("Texas")[0];
    assert!(texas.region && texas.population.is_none());
    assert_eq!(texas.admin1.as_deref(), Some("TX"));
}

#[test]
fn lookup_by_name() {
    let g = gaz();
    let p = g.lookup("nairobi");
    assert_eq!(p.len(), 1);
    assert_eq!(
        (p[0].name.as_str(), p[0].country.as_str()),
        ("Nairobi", "KEN")
    );
    assert_eq!(g.lookup(" Kiev ")[0].name, "Kyiv");
    let tripoli: Vec<&str> = g
        .lookup("Tripoli")
        .iter()
        .map(|p| p.country.as_str())
        .collect();
    assert_eq!(tripoli, ["LBY", "LBN"]);
    assert!(g.lookup("Mobile").is_empty());
    assert!(g.lookup("").is_empty());
    assert!(g.lookup("in Nairobi").is_empty());
    assert_eq!(g.place(p[0].id), p[0]);
}

#[test]
fn a_custom_file_is_checked() {
    let ok = Gazetteer::from_sources(&[(
        "p.tsv",
        "# places\nKEN\tplace\tNairobi|Nairoby\tlat=-1.28;lon=36.82;note=x\n",
    )])
    .unwrap();
    assert_eq!(ok.find("Nairoby")[0].place().population, None);
    for (line, msg) in [
        (
            "KEN\tcountry\tKenya\tlat=1;lon=2",
            "every entry must be a `place`",
        ),
        ("KEN\tplace\tNairobi\tlon=2", "missing lat="),
        (
            "KEN\tplace\tNairobi\tlat=91;lon=2",
            "lat=91 is not a number",
        ),
        ("KEN\tplace\tNairobi\tlat=1;lon=2;pop=many", "pop=many"),
        (
            "KEN\tplace\tNairobi\tlat=1;lon=2;ambiguous=KEN,x",
            "alpha-3",
        ),
        ("KEN\tplace", "expected 3 or 4"),
        ("COP\tagent\tpolice", "every entry must be a `place`"),
    ] {
        let err = Gazetteer::from_sources(&[("p.tsv", line)]).unwrap_err();
        assert_eq!(err.line(), 1, "{line:?}");
        assert!(err.to_string().contains(msg), "{line:?}: {err}");
    }
    let err = Gazetteer::from_path("/nonexistent/places.tsv").unwrap_err();
    assert!(err.to_string().contains("cannot read"), "{err}");
}

#[test]
fn gazetteer_is_a_shareable_value() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<Gazetteer>();
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_span_slices_the_text(s in "\\PC{0,200}") {
        check(&s);
    }

    #[test]
    fn every_span_slices_mixed_place_text(parts in proptest::collection::vec(prop_oneof![
        Just("Nairobi"), Just("’s"), Just(" "), Just("São Paulo"), Just("SÃO"), Just("Ş"),
        Just("İzmir"), Just("Tripoli"), Just("-"), Just("New"), Just(" York"), Just("é"),
        Just("Santiago"), Just(" de Cuba"), Just("日本"), Just("\n"), Just("Kiev"), Just("x"),
    ], 0..30)) {
        check(&parts.concat());
    }
}

fn check(s: &str) {
    let mut last = 0;
    for m in gaz().find(s) {
        assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
        assert!(
            m.start < m.end && m.start >= last,
            "overlap or order in {s:?}"
        );
        last = m.end;
        let text = m.text(s);
        assert!(
            !s[..m.start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric),
            "{s:?} {text:?}"
        );
        assert!(
            !s[m.end..].chars().next().is_some_and(char::is_alphanumeric),
            "{s:?} {text:?}"
        );
        assert!(!m.candidates.is_empty());
        // The matched text is one of the place's spellings.
        assert!(
            gaz().lookup(text).iter().any(|p| p.id == m.place().id),
            "{s:?}: {text:?} is not a form of {}",
            m.place().name
        );
    }
}
