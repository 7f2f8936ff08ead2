//! Issue 12 item 4: each event's location, where the text gives one. Sentences we wrote
//! for this table, one document each: the rules of `aras_events::locate` (a place governed
//! by a preposition of place in the event's clause, in a clause governing it, a wire
//! dateline for statements) and its traps (a place as an actor, inside another name, in
//! another clause, where a statement was made rather than what it reports).

use aras_ingest::{Document, Origin};
use aras_pipeline::{read, records, Engine};
use aras_schema::Record;

use crate::common::engine;

/// (place as written, country, precision, resolved_by).
type Expected = Option<(&'static str, &'static str, &'static str, &'static str)>;

/// (sentence, trigger, the location of every event with that trigger).
const CASES: &[(&str, &str, Expected)] = &[
    (
        "Troops shelled villages near Kherson on Monday.",
        "shelled",
        Some(("Kherson", "UKR", "place", "clause")),
    ),
    (
        "Protesters marched in Santiago on Sunday.",
        "marched",
        Some(("Santiago", "CHL", "place", "clause")),
    ),
    (
        "Police arrested twelve men in Tabriz.",
        "arrested",
        Some(("Tabriz", "IRN", "place", "clause")),
    ),
    (
        "Rebels attacked army posts in the north of Mali.",
        "attacked",
        Some(("Mali", "MLI", "country", "clause")),
    ),
    (
        "Gunmen attacked a convoy outside Kabul.",
        "attacked",
        Some(("Kabul", "AFG", "place", "clause")),
    ),
    (
        "Government forces clashed with rebels along the border of Chad.",
        "clashed",
        Some(("Chad", "TCD", "country", "clause")),
    ),
    (
        "Kenyan police fired tear gas at demonstrators in Nairobi.",
        "fired",
        Some(("Nairobi", "KEN", "place", "clause")),
    ),
    (
        "Israeli jets bombed Hezbollah positions across southern Lebanon.",
        "bombed",
        Some(("Lebanon", "LBN", "country", "clause")),
    ),
    (
        "The Iranian president met the Iraqi prime minister in Geneva on Tuesday.",
        "met",
        Some(("Geneva", "CHE", "place", "clause")),
    ),
    (
        "Turkey's foreign minister held talks with his Iranian counterpart in Ankara.",
        "talks",
        Some(("Ankara", "TUR", "place", "clause")),
    ),
    (
        "Syrian troops shelled rebel positions in Syria's Idlib province.",
        "shelled",
        Some(("Idlib", "SYR", "place", "clause")),
    ),
    (
        "Somali troops clashed with al-Shabaab fighters in Mogadishu.",
        "clashed",
        Some(("Mogadishu", "SOM", "place", "clause")),
    ),
    (
        "Demonstrators protested outside the US embassy in Jakarta.",
        "protested",
        Some(("Jakarta", "IDN", "place", "clause")),
    ),
    (
        "Russia condemned Israel for the attacks in Syria.",
        "condemned",
        None,
    ),
    (
        "Turkish troops attacked Kurdish fighters in Syria.",
        "attacked",
        Some(("Syria", "SYR", "country", "clause")),
    ),
    (
        "Kenyan police arrested ten protesters in Eldoret.",
        "arrested",
        Some(("Eldoret", "KEN", "place", "clause")),
    ),
    (
        "Israeli troops raided homes in the West Bank.",
        "raided",
        Some(("West Bank", "PSE", "region", "clause")),
    ),
    (
        "Police arrested 20 protesters in Texas.",
        "arrested",
        Some(("Texas", "USA", "region", "clause")),
    ),
    (
        "Rebels attacked a military base on the border of Chad.",
        "attacked",
        Some(("Chad", "TCD", "country", "clause")),
    ),
    ("Russia launched an attack on Kyiv.", "attack", None),
    ("Police arrested ten people in March.", "arrested", None),
    (
        "Protesters clashed with police in central London.",
        "clashed",
        Some(("London", "GBR", "place", "clause")),
    ),
    (
        "Nigerian troops killed 20 militants in the city of Maiduguri.",
        "killed",
        Some(("Maiduguri", "NGA", "place", "clause")),
    ),
    ("Moscow accused Washington of lying.", "accused", None),
    (
        "Kyiv accused Moscow of shelling civilians.",
        "accused",
        None,
    ),
    (
        "France urged China to honour the Paris Agreement.",
        "urged",
        None,
    ),
    (
        "The Iranian foreign minister criticised Israel in the Washington Post.",
        "criticised",
        None,
    ),
    (
        "Afghan police arrested two men after a bombing in Kabul.",
        "arrested",
        None,
    ),
    (
        "Egypt condemned Israel, which had bombed targets in Rafah.",
        "condemned",
        None,
    ),
    (
        "The minister said in Geneva that Russia had attacked Ukraine.",
        "attacked",
        None,
    ),
    (
        "The minister said in Geneva that Russia had attacked Ukraine.",
        "said",
        Some(("Geneva", "CHE", "place", "clause")),
    ),
    (
        "Thousands of protesters gathered in Santiago and clashed with police.",
        "clashed",
        Some(("Santiago", "CHL", "place", "sentence")),
    ),
    (
        "Ukrainian troops moved into Kherson to attack Russian positions.",
        "moved",
        Some(("Kherson", "UKR", "place", "clause")),
    ),
    (
        "Ukrainian troops moved into Kherson to attack Russian positions.",
        "attack",
        Some(("Kherson", "UKR", "place", "sentence")),
    ),
    (
        "KABUL, March 3 (AFP) - Afghanistan's foreign ministry condemned Pakistan on Sunday.",
        "condemned",
        Some(("KABUL", "AFG", "place", "dateline")),
    ),
    (
        "KABUL, March 3 (AFP) - Afghan troops attacked Pakistani border posts on Sunday.",
        "attacked",
        None,
    ),
    (
        "BEIJING, Jan. 5 (Xinhua) -- China urged Japan to respect the ceasefire.",
        "urged",
        Some(("BEIJING", "CHN", "place", "dateline")),
    ),
    (
        "BEIJING, Jan. 5 (Xinhua) -- Brazil criticised Argentina on Monday.",
        "criticised",
        None,
    ),
    (
        "Iran's foreign minister met his Turkish counterpart in Ankara.",
        "met",
        Some(("Ankara", "TUR", "place", "clause")),
    ),
    (
        "Police in Lagos arrested a journalist.",
        "arrested",
        Some(("Lagos", "NGA", "place", "clause")),
    ),
    ("Russian forces attacked Kyiv.", "attacked", None),
    (
        "Israeli forces clashed with Palestinian protesters in Hebron.",
        "clashed",
        Some(("Hebron", "PSE", "place", "clause")),
    ),
    (
        "France criticised China for breaching the Paris Agreement.",
        "criticised",
        None,
    ),
    // Deeper place phrases place their own noun; "on" through a noun places only deeds;
    // a verb of saying takes no place from the quote it attributes.
    (
        "Turkish troops invaded northern Cyprus in the wake of a coup in Nicosia.",
        "invaded",
        None,
    ),
    (
        "France agreed with Germany on the future of Ukraine.",
        "agreed",
        None,
    ),
    (
        "\"Thousands of pilgrims gathered in Bethlehem,\" the Palestinian foreign minister said.",
        "said",
        None,
    ),
    (
        "Rebels attacked a base on the outskirts of Aleppo.",
        "attacked",
        Some(("Aleppo", "SYR", "place", "clause")),
    ),
];

/// The location of each event of `text` whose trigger is `trigger`, as the records write it.
fn locations(
    engine: &Engine,
    text: &str,
    trigger: &str,
) -> Vec<Option<aras_schema::LocationRecord>> {
    let mut doc = Document::new("loc", text, Origin::default());
    doc.date = Some("2024-05-01".into());
    let reading = read(engine, &doc);
    records::records(&reading)
        .into_iter()
        .filter_map(|r| match r {
            Record::Event(e) if e.trigger.text == trigger => Some(e.location),
            _ => None,
        })
        .collect()
}

#[test]
fn issue12_event_location_table() {
    let Some(engine) = engine() else { return };
    let mut wrong = Vec::new();
    for &(text, trigger, want) in CASES {
        let got = locations(&engine, text, trigger);
        if got.is_empty() {
            wrong.push(format!("{text}: no event with trigger {trigger:?}"));
            continue;
        }
        for loc in got {
            let have = loc.as_ref().map(|l| {
                (
                    l.text.as_str(),
                    l.country.as_str(),
                    l.precision.as_str(),
                    l.resolved_by.as_str(),
                )
            });
            if have != want {
                wrong.push(format!("{text}: {trigger} at {have:?}, want {want:?}"));
            }
            if let Some(l) = loc {
                // The span is the place as written; coordinates only for gazetteer places.
                assert_eq!(&text[l.start..l.end], l.text, "{text}");
                assert_eq!(l.lat.is_some(), l.lon.is_some(), "{text}");
                assert_eq!(l.geonames.is_some(), l.lat.is_some(), "{text}");
                if l.precision.as_str() == "place" {
                    assert!(l.lat.is_some(), "a town has coordinates: {text}");
                }
                if l.precision.as_str() == "country" {
                    assert_eq!(
                        (l.lat, l.lon),
                        (None, None),
                        "no centroid is made up: {text}"
                    );
                }
            }
        }
    }
    assert!(CASES.len() >= 30);
    assert!(
        wrong.is_empty(),
        "{} of {} wrong:\n{}",
        wrong.len(),
        CASES.len(),
        wrong.join("\n")
    );
}

#[test]
fn issue12_event_location_in_the_jsonl() {
    let Some(engine) = engine() else { return };
    let text = "Protesters marched in Santiago on Sunday.\n\nMoscow accused Washington of lying.";
    let doc = Document::new("loc", text, Origin::default());
    let mut out = String::new();
    records::write_jsonl(&read(&engine, &doc), &mut out);
    let events: Vec<&str> = out
        .lines()
        .filter(|l| l.contains(r#""type":"event""#))
        .collect();
    assert_eq!(events.len(), 2, "{out}");
    assert!(
        events[0].ends_with(r#""location":{"text":"Santiago","start":22,"end":30,"country":"CHL","lat":-33.45694,"lon":-70.64827,"precision":"place","geonames":3871336,"mention":"m2","resolved_by":"clause"}}"#),
        "{}",
        events[0]
    );
    assert!(events[1].ends_with(r#""location":null}"#), "{}", events[1]);
}
