//! Table-driven tests, one table per mechanism: sentences written for these tests
//! → expected (text, code, kind, resolved_by) among the mentions.

use aras_actors::{extract, ActorContext, Kind, Mention, ResolvedBy};
use aras_dict::Dictionary;
use std::sync::OnceLock;

fn dict() -> &'static Dictionary {
    static D: OnceLock<Dictionary> = OnceLock::new();
    D.get_or_init(|| Dictionary::builtin().unwrap())
}

fn run(text: &str) -> Vec<Mention> {
    let ctx = ActorContext {
        dictionary: dict(),
        document_date: Some("2025-06-18"),
    };
    extract(text, &aras_text::segment(text), None, &ctx)
}

type Row = (&'static str, &'static str, &'static str, Kind, ResolvedBy);

fn check(rows: &[Row]) {
    for &(text, mention, code, kind, by) in rows {
        let ms = run(text);
        let found = ms.iter().find(|m| m.text == mention);
        let Some(m) = found else {
            panic!(
                "{text:?}: no mention {mention:?} in {:#?}",
                ms.iter().map(|m| (&m.text, &m.code)).collect::<Vec<_>>()
            );
        };
        assert_eq!(
            (m.code.as_str(), m.kind, m.resolved_by),
            (code, kind, by),
            "{text:?}: {mention:?} → {m:#?}"
        );
    }
}

/// No mention overlapping `span` has a code starting with `prefix`.
fn check_never(rows: &[(&str, &str, &str)]) {
    for &(text, span, prefix) in rows {
        let ms = run(text);
        let s = text.find(span).unwrap();
        let e = s + span.len();
        for m in &ms {
            assert!(
                !(m.start < e && s < m.end && m.code.starts_with(prefix)),
                "{text:?}: {:?} coded {} inside {span:?}",
                m.text,
                m.code
            );
        }
    }
}

use Kind::*;
use ResolvedBy::*;

#[test]
fn dictionary_matches() {
    check(&[
        ("Talks in Baku ended.", "Baku", "AZE", Country, Dictionary),
        (
            "The Kremlin denied it.",
            "Kremlin",
            "RUS",
            Country,
            Dictionary,
        ),
        (
            "Ilham Aliyev spoke.",
            "Ilham Aliyev",
            "AZEGOV",
            Person,
            Dictionary,
        ),
        (
            "Mossad agents were seen.",
            "Mossad",
            "ISRSPY",
            Organization,
            Dictionary,
        ),
        (
            "Fighting spread to Tabriz.",
            "Tabriz",
            "IRN",
            Place,
            Dictionary,
        ),
        (
            "NATO met in Brussels.",
            "NATO",
            "IGONAT",
            Organization,
            Dictionary,
        ),
        // Out of office on the document date: the country only.
        ("Joe Biden said so.", "Joe Biden", "USA", Person, Dictionary),
    ]);
}

#[test]
fn composition() {
    check(&[
        (
            "Azerbaijani police arrested two men.",
            "Azerbaijani police",
            "AZECOP",
            Organization,
            Dictionary,
        ),
        (
            "Iran's Foreign Ministry protested.",
            "Iran's Foreign Ministry",
            "IRNGOV",
            Organization,
            Dictionary,
        ),
        (
            "He met Britain’s foreign secretary.",
            "Britain’s foreign secretary",
            "GBRGOV",
            Person,
            Dictionary,
        ),
        (
            "Later the Israeli military struck.",
            "Israeli military",
            "ISRMIL",
            Organization,
            Dictionary,
        ),
        (
            "Russian troops crossed the river.",
            "Russian troops",
            "RUSMIL",
            Organization,
            Dictionary,
        ),
        (
            "The US ambassador left.",
            "US ambassador",
            "USAGOV",
            Person,
            Dictionary,
        ),
        (
            "They blamed the Iranian government.",
            "Iranian government",
            "IRNGOV",
            Organization,
            Dictionary,
        ),
        (
            "Tehran has warned the government in Baku.",
            "government in Baku",
            "AZEGOV",
            Organization,
            Dictionary,
        ),
        (
            "The president of Georgia resigned.",
            "president of Georgia",
            "GEOGOV",
            Person,
            Dictionary,
        ),
        (
            "Turkey's newly appointed defence minister arrived.",
            "Turkey's newly appointed defence minister",
            "TURGOV",
            Person,
            Dictionary,
        ),
        (
            "Aliyev's military advanced.",
            "Aliyev's military",
            "AZEMIL",
            Organization,
            Dictionary,
        ),
        (
            "A retired IDF general spoke.",
            "IDF general",
            "ISRMIL",
            Person,
            Dictionary,
        ),
    ]);
}

#[test]
fn agents_alone_take_context() {
    check(&[
        // Definite description → the last compatible mention.
        (
            "Azerbaijan’s Foreign Ministry issued a statement. The next day, the ministry said it was concerned.",
            "ministry",
            "AZEGOV",
            Organization,
            Coreference,
        ),
        (
            "Iran's president visited Armenia. Later the president flew home.",
            "president",
            "IRNGOV",
            Person,
            Coreference,
        ),
        // No antecedent: the nearest country before it in the sentence.
        ("In Georgia, police detained protesters.", "police", "GEOCOP", Organization, Context),
        // Else the document's main country.
        (
            "Armenia and Armenia's allies met. Armenia voted. Officials declined to comment.",
            "Officials",
            "ARMGOV",
            Organization,
            Context,
        ),
        // Possessive pronoun + agent.
        ("Baku said it rebuilt its armed forces.", "its armed forces", "AZEMIL", Organization, Coreference),
    ]);
}

#[test]
fn titles() {
    check(&[
        (
            "Azerbaijani Foreign Minister Jalil Mammadov met reporters.",
            "Azerbaijani Foreign Minister Jalil Mammadov",
            "AZEGOV",
            Person,
            Title,
        ),
        // Unqualified title: the nearest country in the sentence.
        (
            "In Iran, Defence Minister Karim Tavassoli said the drills would go on.",
            "Defence Minister Karim Tavassoli",
            "IRNGOV",
            Person,
            Title,
        ),
        (
            "Gen. Arif Hasanov inspected Azerbaijani units.",
            "Gen. Arif Hasanov",
            "AZEMIL",
            Person,
            Title,
        ),
        (
            "The ministry said Foreign Minister Ceyhun Bayramov had called.",
            "Foreign Minister Ceyhun Bayramov",
            "AZEGOV",
            Person,
            Dictionary,
        ),
        (
            "The former Iranian foreign minister Javad Rahimi said so.",
            "Iranian foreign minister Javad Rahimi",
            "IRN",
            Person,
            Title,
        ),
    ]);
}

#[test]
fn appositions_and_relative_clauses() {
    check(&[
        (
            "Mammadov met his Iranian counterpart, Reza Tavakoli, in Tehran.",
            "Reza Tavakoli",
            "IRNGOV",
            Person,
            Apposition,
        ),
        (
            "“No,” said Lena Brandt, an expert on the Caucasus at the Carnegie Russia Eurasia Center.",
            "Lena Brandt",
            "",
            Person,
            Apposition,
        ),
        (
            "“Yes,” said Paul Mercer, who served as US ambassador to Armenia in 2001.",
            "Paul Mercer",
            "USA",
            Person,
            Relative,
        ),
        (
            "The plan was described by Dan Amit, the former head of the Israeli spy agency Mossad.",
            "Dan Amit",
            "ISR",
            Person,
            Apposition,
        ),
        (
            "The talks were led by Britain’s foreign secretary, Tom Hale, and others.",
            "Tom Hale",
            "GBRGOV",
            Person,
            Apposition,
        ),
    ]);
}

#[test]
fn surnames_and_pronouns() {
    check(&[
        (
            "“Yes,” said Paul Mercer, who served as US ambassador to Armenia. Mercer said more.",
            "Mercer",
            "USA",
            Person,
            Coreference,
        ),
        (
            "Ilham Aliyev arrived. He said nothing.",
            "He",
            "AZEGOV",
            Person,
            Coreference,
        ),
        (
            "Azerbaijani police announced that they had arrested two men.",
            "they",
            "AZECOP",
            Organization,
            Coreference,
        ),
        (
            "Iran is large. The country is dry.",
            "The country",
            "IRN",
            Country,
            Coreference,
        ),
        (
            "Azerbaijan said it was not part of the conflict.",
            "it",
            "AZE",
            Country,
            Coreference,
        ),
    ]);
    // Pronoun antecedents are earlier mentions.
    let ms = run("Ilham Aliyev arrived. He said his country was safe.");
    let he = ms.iter().position(|m| m.text == "He").unwrap();
    assert_eq!(ms[he].antecedent, Some(0));
    // Pleonastic "it" is not a mention.
    let ms = run("Iran spoke. It is in the interest of Iran to wait.");
    assert!(!ms.iter().any(|m| m.text == "It"));
}

#[test]
fn disambiguation() {
    check(&[
        (
            "Troops from Georgia joined the NATO drill.",
            "Georgia",
            "GEO",
            Country,
            Dictionary,
        ),
        (
            "He flew from Atlanta to Savannah, Georgia, on Monday.",
            "Georgia",
            "USA",
            Place,
            Dictionary,
        ),
        (
            "The state of Georgia sued.",
            "Georgia",
            "USA",
            Place,
            Dictionary,
        ),
        (
            "Jordan closed its airspace.",
            "Jordan",
            "JOR",
            Country,
            Dictionary,
        ),
        (
            "Ethnic groups: ethnic Azeris live in Iran.",
            "ethnic Azeris",
            "",
            Group,
            Dictionary,
        ),
        ("Many Azeris live in Iran.", "Azeris", "", Group, Dictionary),
        (
            "Shi’ites dominate in Azerbaijan.",
            "Shi’ites",
            "MOSSHI",
            Group,
            Dictionary,
        ),
        (
            "Iran’s ethnic Azeri population grew.",
            "ethnic Azeri",
            "",
            Group,
            Dictionary,
        ),
        (
            "A report by the Bank of England came out.",
            "Bank of England",
            "",
            Organization,
            Context,
        ),
        (
            "Staff at the Iran Policy Institute agreed.",
            "Iran Policy Institute",
            "",
            Organization,
            Context,
        ),
        (
            "Middle East tensions rose in the Middle East.",
            "Middle East",
            "MEA",
            Place,
            Dictionary,
        ),
    ]);
    check_never(&[
        (
            "said an expert at the Carnegie Russia Eurasia Center.",
            "Carnegie Russia Eurasia Center",
            "RUS",
        ),
        (
            "Staff at the Iran Policy Institute agreed.",
            "Iran Policy Institute",
            "IRN",
        ),
        (
            "Troops from Georgia joined the NATO drill.",
            "Georgia",
            "USA",
        ),
        (
            "We ate turkey with the Turkish ambassador.",
            "turkey",
            "TUR",
        ),
        ("Many Azeris live in Iran.", "Azeris", "AZE"),
        ("Shi’ites dominate in Azerbaijan.", "Shi’ites", "IRN"),
    ]);
    // Jordan as part of a person's name, then alone: a person, never the country
    // (an unknown person may take the country of the text's places).
    let ms = run("Michael Jordan visited Chicago. Jordan said he liked it.");
    assert!(
        ms.iter()
            .filter(|m| m.text.contains("Jordan"))
            .all(|m| m.kind == Person && !m.code.starts_with("JOR")),
        "{ms:#?}"
    );
}
