//! One case per behaviour: input paragraphs → (quote start, speaker name, resolved_by, partial).

use super::*;

type Expect = (&'static str, Option<(&'static str, ResolvedBy)>, bool);

fn run(text: &str) -> Vec<Quote> {
    extract(text, &aras_text::segment(text), None)
}

fn check(name: &str, text: &str, want: &[Expect]) {
    let got = run(text);
    let show = |q: &Quote| {
        format!(
            "{:?} by {:?} partial={}",
            q.text,
            q.speaker.as_ref().map(|s| (&s.name, s.resolved_by)),
            q.partial
        )
    };
    let all: Vec<String> = got.iter().map(show).collect();
    assert_eq!(got.len(), want.len(), "{name}: {all:#?}");
    for (q, (starts, sp, partial)) in got.iter().zip(want) {
        assert!(
            q.text.starts_with(starts),
            "{name}: {} does not start with {starts:?}",
            show(q)
        );
        let sp_got = q.speaker.as_ref().map(|s| (s.name.as_str(), s.resolved_by));
        assert_eq!(sp_got, *sp, "{name}: {}", show(q));
        assert_eq!(q.partial, *partial, "{name}: {}", show(q));
        assert_eq!(&text[q.start..q.end], q.text);
    }
}

use ResolvedBy::*;

#[test]
fn table() {
    let cases: &[(&str, &str, &[Expect])] = &[
        (
            "curly quote, verb after",
            "“The bridge will open in May,” Maria Lopez said.",
            &[("The bridge will open", Some(("Maria Lopez", Verb)), false)],
        ),
        (
            "straight quote, verb before with colon",
            "Transport Minister Olaf Brandt told reporters: \"We are behind schedule.\"",
            &[("We are behind schedule.", Some(("Olaf Brandt", Verb)), false)],
        ),
        (
            "inverted order drops the relative clause",
            "“Nobody expected this,” said Tomas Ferreira, who chaired the inquiry until 2019.",
            &[("Nobody expected this", Some(("Tomas Ferreira", Verb)), false)],
        ),
        (
            "inverted order drops the apposition",
            "“It is a fragile truce,” said Amina Yusuf, a researcher at the Lakeside Policy Institute.",
            &[("It is a fragile truce", Some(("Amina Yusuf", Verb)), false)],
        ),
        (
            "quote across sentences is one record",
            "“We tried. We failed. We will try again,” Ingrid Holm added.",
            &[("We tried. We failed.", Some(("Ingrid Holm", Verb)), false)],
        ),
        (
            "interrupted quote gives two records, same speaker",
            "Peter Okafor chairs the board.\n“The numbers are clear,” Okafor said, “and nobody disputes them.”",
            &[("The numbers are clear", Some(("Peter Okafor", Verb)), false), ("and nobody disputes", Some(("Peter Okafor", Verb)), false)],
        ),
        (
            "second quote in the paragraph with no verb of its own",
            "“Prices will fall,” said Lena Novak, an economist. “Not this year, though.”",
            &[("Prices will fall", Some(("Lena Novak", Verb)), false), ("Not this year", Some(("Lena Novak", Verb)), false)],
        ),
        (
            "pronoun resolves to the last person speaker",
            "Jorge Almeida, the harbour master, spoke on Monday.\n“The port is safe,” he said.",
            &[("The port is safe", Some(("Jorge Almeida", Pronoun)), false)],
        ),
        (
            "she after an earlier named speaker",
            "“We need more nurses,” said Dr. Priya Raman. “The wards are full,” she added.",
            &[("We need more nurses", Some(("Priya Raman", Verb)), false), ("The wards are full", Some(("Priya Raman", Pronoun)), false)],
        ),
        (
            "organisation as speaker and 'the ministry' resolved",
            "Norway’s Health Ministry issued new guidance on Friday.\nThe ministry said it was “deeply worried” about the outbreak.",
            &[("deeply worried", Some(("Norway’s Health Ministry", Pronoun)), true)],
        ),
        (
            "partial quote: reporting subject of the sentence",
            "The Central Bank of Ruritania released a statement on Tuesday saying inflation was “firmly under control” this year.",
            &[("firmly under control", Some(("Central Bank of Ruritania", Verb)), true)],
        ),
        (
            "partial quote after a participle of reporting",
            "Governor Ann Blake later met the union leaders, expressing “deep regret over the closure of the mill.”",
            &[("deep regret over", Some(("Ann Blake", Verb)), true)],
        ),
        (
            "according to",
            "According to Carla Mendes, “the vote was rigged from the start.”",
            &[("the vote was rigged", Some(("Carla Mendes", According)), true)],
        ),
        (
            "quote-only paragraph continues the previous paragraph's speaker",
            "The union issued a statement saying workers were “betrayed” by the deal.\n\"We will strike until the contract is honoured.\"",
            &[("betrayed", Some(("The union", Verb)), true), ("We will strike", Some(("The union", Paragraph)), false)],
        ),
        (
            "scare quote has no speaker",
            "The army bought several of the so-called “kamikaze drones” last spring.",
            &[("kamikaze drones", None, true)],
        ),
        (
            "apostrophes are not quotes",
            "Iran's ports and the states’ budgets don’t matter in the ’90s.",
            &[],
        ),
        (
            "single-quote pair",
            "‘We have no choice,’ said Hugh Tenby.",
            &[("We have no choice", Some(("Hugh Tenby", Verb)), false)],
        ),
        (
            "multi-paragraph quote: one record per paragraph, same speaker",
            "Commander Ruth Adeyemi described the rescue.\n\n“We reached the ship at dawn. The sea was rough.\n\n“By noon every sailor was safe,” she said.",
            &[("We reached the ship", Some(("Ruth Adeyemi", Paragraph)), false), ("By noon every sailor", Some(("Ruth Adeyemi", Pronoun)), false)],
        ),
        (
            "surname resolved to the full name",
            "Foreign Minister Karl Stenberg arrived in Oslo.\n“We are ready to talk,” Stenberg told journalists.",
            &[("We are ready to talk", Some(("Karl Stenberg", Verb)), false)],
        ),
        (
            "it resolves to the last organisation",
            "The Harbour Authority closed the docks on Monday. “Safety comes first,” it said.",
            &[("Safety comes first", Some(("Harbour Authority", Pronoun)), false)],
        ),
        (
            "mixed curly and straight marks",
            "“Is this the end?” Vera Kuznetsova asked. “Yes, for now.\"",
            &[("Is this the end?", Some(("Vera Kuznetsova", Verb)), false), ("Yes, for now.", Some(("Vera Kuznetsova", Verb)), false)],
        ),
        (
            "verb of saying with a spokesman",
            "“The talks will resume,” spokesman Ivo Petrov said on Wednesday.",
            &[("The talks will resume", Some(("Ivo Petrov", Verb)), false)],
        ),
        (
            "warned, with an apposition before the verb",
            "Omar Haddad, the head of the relief agency, warned: “Food will run out within a week.”",
            &[("Food will run out", Some(("Omar Haddad", Verb)), false)],
        ),
    ];
    for (name, text, want) in cases {
        check(name, text, want);
    }
}

#[test]
fn empty_and_markless() {
    assert!(run("").is_empty());
    assert!(run("No quotes here at all.").is_empty());
}
