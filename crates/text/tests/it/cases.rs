//! Table-driven tests: input → expected token forms / sentence texts.

use aras_text::{segment, tokenize};

fn forms(text: &str) -> Vec<&str> {
    tokenize(text).iter().map(|t| t.text(text)).collect()
}

#[test]
fn tokenizer_cases() {
    let cases: &[(&str, &[&str])] = &[
        // Clitics are separate syntactic words, with straight or curly apostrophes.
        ("can't", &["ca", "n't"]),
        ("don't", &["do", "n't"]),
        ("won't", &["wo", "n't"]),
        ("Didn’t", &["Did", "n’t"]),
        ("CAN'T", &["CA", "N'T"]),
        ("Azerbaijan’s", &["Azerbaijan", "’s"]),
        ("they're", &["they", "'re"]),
        (
            "I'm I'll we've she'd",
            &["I", "'m", "I", "'ll", "we", "'ve", "she", "'d"],
        ),
        ("Let's", &["Let", "'s"]),
        ("parents' house", &["parents", "'", "house"]),
        (
            "gonna wanna cannot",
            &["gon", "na", "wan", "na", "can", "not"],
        ),
        (
            "O'Neill Shi’ite o'clock",
            &["O'Neill", "Shi’ite", "o'clock"],
        ),
        (
            "the 1970s and '60s and 70's",
            &["the", "1970s", "and", "'60s", "and", "70's"],
        ),
        ("Azerbaijan 's", &["Azerbaijan", "'s"]),
        // Punctuation.
        ("Israel -- a supplier", &["Israel", "--", "a", "supplier"]),
        (
            "significant-- relations",
            &["significant", "--", "relations"],
        ),
        ("war—and peace", &["war", "—", "and", "peace"]),
        ("wait... what…", &["wait", "...", "what", "…"]),
        ("Really?! No!!!", &["Really", "?!", "No", "!!!"]),
        (
            "(due to) [sic] {x}",
            &["(", "due", "to", ")", "[", "sic", "]", "{", "x", "}"],
        ),
        (
            "“We will win,” he said.",
            &["“", "We", "will", "win", ",", "”", "he", "said", "."],
        ),
        (
            "\"Yes.\" 'No.'",
            &["\"", "Yes", ".", "\"", "'", "No", ".", "'"],
        ),
        ("end.The next", &["end", ".", "The", "next"]),
        ("yet...?", &["yet", "...", "?"]),
        // Abbreviations keep their period; a text-final one gives it up, as EWT does.
        ("U.S. officials", &["U.S.", "officials"]),
        (
            "Gen. Smith and Dr. Who",
            &["Gen.", "Smith", "and", "Dr.", "Who"],
        ),
        (
            "Jan. 5, Mr. X, Inc. and e.g. this",
            &[
                "Jan.", "5", ",", "Mr.", "X", ",", "Inc.", "and", "e.g.", "this",
            ],
        ),
        ("J. R. R. Tolkien", &["J.", "R.", "R.", "Tolkien"]),
        ("at 5 p.m. today", &["at", "5", "p.m.", "today"]),
        ("in the U.S.", &["in", "the", "U.S", "."]),
        (
            "lions, tigers, etc.",
            &["lions", ",", "tigers", ",", "etc", "."],
        ),
        ("Acme Inc..", &["Acme", "Inc.", "."]),
        ("Dr.Michael", &["Dr.", "Michael"]),
        // Numbers.
        (
            "1,189.42 and 3.5 and 10,000",
            &["1,189.42", "and", "3.5", "and", "10,000"],
        ),
        (
            "69% of $5 and €3",
            &["69", "%", "of", "$", "5", "and", "€", "3"],
        ),
        ("on 2025-06-18 at 7:30", &["on", "2025-06-18", "at", "7:30"]),
        ("7:30PM 5pm 3.5bn", &["7:30", "PM", "5", "pm", "3.5", "bn"]),
        ("the 21st and 3rd", &["the", "21st", "and", "3rd"]),
        ("6/18/2025 and 9/11", &["6/18/2025", "and", "9/11"]),
        (
            "call 713-853-3989 or 853-3989",
            &["call", "713-853-3989", "or", "853-3989"],
        ),
        (
            "from 1990-1995, 3-4 times",
            &["from", "1990", "-", "1995", ",", "3", "-", "4", "times"],
        ),
        ("+44 20", &["+44", "20"]),
        ("F-16 M16 3G", &["F", "-", "16", "M16", "3G"]),
        // Hyphens: split as EWT does, except after common prefixes.
        ("long-standing", &["long", "-", "standing"]),
        ("Nagorno-Karabakh", &["Nagorno", "-", "Karabakh"]),
        (
            "e-mails pre-war anti-secrecy co-workers",
            &["e-mails", "pre-war", "anti-secrecy", "co-workers"],
        ),
        // Slashes, ampersands.
        ("and/or RFE/RL", &["and", "/", "or", "RFE", "/", "RL"]),
        (
            "AT&T and PG&E, Smith & Wesson",
            &["AT&T", "and", "PG&E", ",", "Smith", "&", "Wesson"],
        ),
        ("b/c w/ him", &["b/c", "w/", "him"]),
        // URLs, e-mail, handles.
        (
            "see https://example.com/a_b?x=1&y=2.",
            &["see", "https://example.com/a_b?x=1&y=2", "."],
        ),
        ("(www.rferl.org)", &["(", "www.rferl.org", ")"]),
        (
            "mail john.doe@example.co.uk, now",
            &["mail", "john.doe@example.co.uk", ",", "now"],
        ),
        (
            "Amazon.com and bbc.co.uk.",
            &["Amazon.com", "and", "bbc.co.uk", "."],
        ),
        ("#istandwithahmed @NASA", &["#istandwithahmed", "@NASA"]),
        ("great :) really :-(", &["great", ":)", "really", ":-("]),
        // Unicode.
        ("café naïve Zürich", &["café", "naïve", "Zürich"]),
        ("cafe\u{301} ok", &["cafe\u{301}", "ok"]),
        ("Москва, 18 июня", &["Москва", ",", "18", "июня"]),
        ("peace 👍🏽 now", &["peace", "👍🏽", "now"]),
        ("a\u{a0}b\u{3000}c", &["a", "b", "c"]),
        ("", &[]),
        ("   \n\t ", &[]),
    ];
    let mut failures = Vec::new();
    for &(input, expected) in cases {
        let got = forms(input);
        if got != expected {
            failures.push(format!(
                "{input:?}\n   expected {expected:?}\n   got      {got:?}"
            ));
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
fn sentence_cases() {
    let cases: &[(&str, &[&str])] = &[
        ("He left. She stayed.", &["He left.", "She stayed."]),
        ("Why? Because! Fine.", &["Why?", "Because!", "Fine."]),
        // Abbreviations and initials.
        (
            "Gen. Smith met Lt. Col. Jones in St. Louis.",
            &["Gen. Smith met Lt. Col. Jones in St. Louis."],
        ),
        (
            "It happened on Jan. 5 in Baku.",
            &["It happened on Jan. 5 in Baku."],
        ),
        (
            "Mr. and Ms. Smith of Acme Corp. said no.",
            &["Mr. and Ms. Smith of Acme Corp. said no."],
        ),
        (
            "J. R. R. Tolkien wrote it. George W. Bush read it.",
            &["J. R. R. Tolkien wrote it.", "George W. Bush read it."],
        ),
        (
            "It rose in the U.S. The president said so.",
            &["It rose in the U.S.", "The president said so."],
        ),
        (
            "U.S. President Joe Biden spoke.",
            &["U.S. President Joe Biden spoke."],
        ),
        (
            "He lives in the U.S. He works.",
            &["He lives in the U.S.", "He works."],
        ),
        ("Room No. 5 is open.", &["Room No. 5 is open."]),
        (
            "Shares rose 3.5 percent. Prices fell.",
            &["Shares rose 3.5 percent.", "Prices fell."],
        ),
        (
            "It was in 2015. 300 people came.",
            &["It was in 2015.", "300 people came."],
        ),
        // Ellipses.
        (
            "Wait... what happened? He paused… We left.",
            &["Wait... what happened?", "He paused…", "We left."],
        ),
        // Quotations.
        (
            "“We will win,” said X. Then he left.",
            &["“We will win,” said X.", "Then he left."],
        ),
        (
            "He said: “We will win.” Then he left.",
            &["He said: “We will win.”", "Then he left."],
        ),
        (
            "\"We will win.\" He left.",
            &["\"We will win.\"", "He left."],
        ),
        ("“Why?” he asked.", &["“Why?” he asked."]),
        (
            "“Is Baku safe?” Shiriyev said. “Yes.”",
            &["“Is Baku safe?” Shiriyev said.", "“Yes.”"],
        ),
        ("(See below.) Next one.", &["(See below.)", "Next one."]),
        (
            "He left. “Good,” she said.",
            &["He left.", "“Good,” she said."],
        ),
        // Datelines stay whole.
        (
            "BAKU, June 18 (AFP) - Azerbaijan said it would stay out.",
            &["BAKU, June 18 (AFP) - Azerbaijan said it would stay out."],
        ),
        (
            "KUALA LUMPUR, April 1 , 1997 (AFP) - Talks began.",
            &["KUALA LUMPUR, April 1 , 1997 (AFP) - Talks began."],
        ),
        // Lines: headlines and paragraphs are units; continuing lines are not.
        (
            "On The Banks Of The Aras\nAzerbaijan’s ties are mixed.",
            &["On The Banks Of The Aras", "Azerbaijan’s ties are mixed."],
        ),
        (
            "Monday, May 18, 2015\nOn Friday, they left.",
            &["Monday, May 18, 2015", "On Friday, they left."],
        ),
        (
            "One paragraph.\n\nAnother one",
            &["One paragraph.", "Another one"],
        ),
        (
            "a line that goes\non in lowercase.",
            &["a line that goes\non in lowercase."],
        ),
        (
            "Officials said,\nThe talks failed.",
            &["Officials said,\nThe talks failed."],
        ),
        (
            "BAKU, June 18 (AFP) -\nAzerbaijan said no.",
            &["BAKU, June 18 (AFP) -\nAzerbaijan said no."],
        ),
        (
            "Windows line\r\nNext line.",
            &["Windows line", "Next line."],
        ),
        ("No final punctuation", &["No final punctuation"]),
        ("", &[]),
    ];
    let mut failures = Vec::new();
    for &(input, expected) in cases {
        let got: Vec<&str> = segment(input).iter().map(|s| s.text(input)).collect();
        if got != expected {
            failures.push(format!(
                "{input:?}\n   expected {expected:?}\n   got      {got:?}"
            ));
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
fn hard_wrapped_text_ignores_single_newlines() {
    let text = "The minister said on Tuesday that the\ngovernment would not allow its territory\nto be used for attacks. Officials in Baku\nrepeated the position on Wednesday, and\nthe ministry issued a statement.\n";
    let got: Vec<&str> = segment(text).iter().map(|s| s.text(text)).collect();
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(got[1].starts_with("Officials in Baku\nrepeated"));
}

#[test]
fn sentence_final_abbreviation_gives_up_its_period() {
    let text = "It rose in the U.S. The president said so.";
    let sentences = segment(text);
    let first: Vec<&str> = sentences[0].tokens.iter().map(|t| t.text(text)).collect();
    assert_eq!(first, ["It", "rose", "in", "the", "U.S", "."]);
    assert_eq!(sentences[0].text(text), "It rose in the U.S.");
}

#[test]
fn offsets_point_into_the_body() {
    let text = "Azerbaijan’s president—grinning—said “no.”";
    for t in tokenize(text) {
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        assert_eq!(t.text(text), &text[t.start..t.end]);
    }
    let s = &segment(text)[0];
    assert_eq!((s.start, s.end), (0, text.len()));
}
