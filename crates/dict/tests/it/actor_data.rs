//! The actor data of the builtin dictionaries: every file loads without a
//! rejected line, people are coded with the office they held on the day
//! (`dict/people.tsv`, ours, before `dict/people-phoenix.tsv`, converted from
//! Phoenix), and media, armed forces and parties carry their country.

use aras_dict::{parse_line, Dictionary, Kind, BUILTIN_SOURCES};

fn dict() -> &'static Dictionary {
    use std::sync::OnceLock;
    static D: OnceLock<Dictionary> = OnceLock::new();
    D.get_or_init(|| Dictionary::builtin().expect("builtin dictionaries load"))
}

/// The codes of the entries whose forms match `text` whole and that are
/// active on `date`, in load order (the actor coder takes the first).
fn codes_on(text: &str, date: &str) -> Vec<String> {
    let d = dict();
    d.find(text)
        .iter()
        .filter(|m| m.start == 0 && m.end == text.len())
        .flat_map(|m| m.entries.iter())
        .map(|&id| d.entry(id))
        .filter(|e| e.active_on(date))
        .map(|e| e.code.clone())
        .collect()
}

/// The code the actor coder would give `text` on `date` (the first active
/// entry), or "" when no entry is active.
fn code_on(text: &str, date: &str) -> String {
    codes_on(text, date).into_iter().next().unwrap_or_default()
}

#[test]
fn every_builtin_file_loads_without_a_rejected_line() {
    for (name, text) in BUILTIN_SOURCES {
        let mut entries = 0;
        let mut errors = Vec::new();
        for (i, line) in text.lines().enumerate() {
            match parse_line(name, i + 1, line) {
                Ok(Some(_)) => entries += 1,
                Ok(None) => {}
                Err(e) => errors.push(e.to_string()),
            }
        }
        assert!(errors.is_empty(), "{name}:\n{}", errors.join("\n"));
        assert!(entries > 0, "{name} has no entry");
    }
    let phoenix = BUILTIN_SOURCES
        .iter()
        .find(|(n, _)| *n == "dict/people-phoenix.tsv")
        .expect("people-phoenix.tsv is builtin");
    let people = phoenix
        .1
        .lines()
        .filter_map(|l| parse_line("p", 1, l).unwrap())
        .filter(|e| e.kind == Kind::Person)
        .count();
    assert!(people > 20_000, "only {people} person lines from Phoenix");
}

#[test]
fn people_by_date() {
    let cases: &[(&str, &str, &str)] = &[
        // Phoenix people (dict/people-phoenix.tsv).
        ("Yasser Arafat", "1997-04-23", "PSEGOV"),
        ("Yasir Arafat", "2001-12-03", "PSEGOV"),
        ("Kofi Annan", "1997-04-15", "IGOUNO"),
        ("Kofi Annan", "2005-11-08", "IGOUNO"),
        ("Madeleine Albright", "1997-04-24", "USAGOV"),
        ("Saddam Hussein", "1995-06-01", "IRQGOV"),
        ("Jiang Zemin", "1997-04-01", "CHNGOV"),
        ("Ryutaro Hashimoto", "1997-04-03", "JPNGOV"),
        ("Romano Prodi", "2006-12-10", "ITAGOV"),
        ("Condoleezza Rice", "2005-11-25", "USAGOV"),
        ("Lien Chan", "1997-04-01", "TWNGOV"),
        ("Gerald Ford", "1975-01-01", "USAGOV"),
        // Out of office: not coded with the office.
        ("Yasser Arafat", "1990-01-01", "PSEELI"),
        ("Kofi Annan", "2008-01-01", "ELI"),
        ("Madeleine Albright", "1990-01-01", "USAELI"),
        ("Madeleine Albright", "2005-01-01", ""),
        ("Saddam Hussein", "2004-01-01", "IRQELI"),
        // Ours (dict/people.tsv) from the first day it knows the person;
        // Phoenix for the years before.
        ("Mahmoud Abbas", "2010-06-01", "PSEGOV"),
        ("Mahmud Abbas", "2005-12-07", "PSEGOV"),
        ("Mahmoud Abbas", "2003-06-01", "PSEGOV"),
        ("Mahmoud Abbas", "2004-06-01", "PSEELI"),
        ("Vladimir Putin", "1998-01-01", "RUSELI"),
        ("Vladimir Putin", "2020-01-01", "RUSGOV"),
    ];
    let mut wrong = Vec::new();
    for (text, date, want) in cases {
        let got = code_on(text, date);
        if got != *want {
            wrong.push(format!(
                "{text} on {date}: {got:?}, want {want:?} (all active: {:?})",
                codes_on(text, date)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn out_of_office_is_never_the_office() {
    // No entry active on a day outside the office carries the office's code.
    for (text, date, office) in [
        ("Madeleine Albright", "2005-06-01", "USAGOV"),
        ("Madeleine Albright", "1990-06-01", "USAGOV"),
        ("Yasser Arafat", "1990-06-01", "PSEGOV"),
        ("Kofi Annan", "1996-06-01", "IGOUNO"),
        ("Kofi Annan", "2010-06-01", "IGOUNO"),
        ("Ryutaro Hashimoto", "2000-06-01", "JPNGOV"),
        ("Gerald Ford", "1990-06-01", "USAGOV"),
    ] {
        let codes = codes_on(text, date);
        assert!(
            !codes.iter().any(|c| c == office),
            "{text} on {date} is still {office}: {codes:?}"
        );
    }
}

#[test]
fn media_armed_forces_and_parties() {
    let cases: &[(&str, &str, &str)] = &[
        ("KCNA", "1997-04-23", "PRKMED"),
        ("Korean Central News Agency", "1997-04-23", "PRKMED"),
        ("Xinhua", "2005-11-05", "CHNMED"),
        ("IRNA", "2005-11-08", "IRNMED"),
        ("Yonhap", "2020-01-01", "KORMED"),
        ("TASS", "2020-01-01", "RUSMED"),
        ("RIA Novosti", "2020-01-01", "RUSMED"),
        ("Anadolu Agency", "2020-01-01", "TURMED"),
        ("SANA", "2020-01-01", "SYRMED"),
        ("WAFA", "2020-01-01", "PSEMED"),
        ("MENA", "2006-11-22", "EGYMED"),
        ("Kyodo", "2020-01-01", "JPNMED"),
        ("Jiji", "1997-04-03", "JPNMED"),
        ("Sankei Shimbun", "1997-04-03", "JPNMED"),
        ("NHK", "2020-01-01", "JPNMED"),
        ("BBC", "2020-01-01", "GBRMED"),
        ("RTE", "2005-12-16", "IRLMED"),
        ("Al-Jazeera", "2020-01-01", "QATMED"),
        ("AFP", "2020-01-01", "FRAMED"),
        ("Reuters", "2020-01-01", "GBRMED"),
        ("Associated Press", "2020-01-01", "USAMED"),
        ("AP", "2020-01-01", "USAMED"),
        ("Voice of Palestine", "1997-04-23", "PSEMED"),
        ("IDF", "2020-01-01", "ISRMIL"),
        ("KPA", "2020-01-01", "PRKMIL"),
        ("Korean People's Army", "2020-01-01", "PRKMIL"),
        ("PLA", "2020-01-01", "CHNMIL"),
        ("Palestine Liberation Army", "1980-01-01", "PSEMIL"),
        ("IRGC", "2020-01-01", "IRNMIL"),
        ("Revolutionary Guards", "2020-01-01", "IRNMIL"),
        ("Tatmadaw", "2020-01-01", "MMRMIL"),
        ("SAF", "2023-05-01", "SDNMIL"),
        ("Singapore Armed Forces", "2023-05-01", "SGPMIL"),
        ("Force 17", "2006-12-14", "PSEMIL"),
        ("Liberal Democratic Party", "1997-04-03", "JPNGOV"),
        ("Liberal Democratic Party", "2010-01-01", "JPNOPP"),
        ("New Frontier Party", "1997-04-03", "JPNOPP"),
        ("Baath party", "2000-01-01", "IRQGOV"),
        ("Baath party", "2006-12-17", "IRQ"),
        ("Awami League", "2006-12-28", "BGDOPP"),
        ("Awami League", "2015-01-01", "BGDGOV"),
        ("Republican Party", "2005-01-01", "USAGOV"),
        ("Democratic Party", "2005-01-01", "USAOPP"),
        ("Labour Party", "2000-01-01", "GBRGOV"),
        ("Likud", "2024-01-01", "ISRGOV"),
        ("Bharatiya Janata Party", "2010-01-01", "INDOPP"),
    ];
    let mut wrong = Vec::new();
    for (text, date, want) in cases {
        let got = code_on(text, date);
        if got != *want {
            wrong.push(format!(
                "{text} on {date}: {got:?}, want {want:?} (all active: {:?})",
                codes_on(text, date)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // A clash stays a clash: MENA in "MENA region" is not the agency.
    let d = dict();
    let text = "growth in the MENA region";
    let m = d.find(text);
    let mena: Vec<_> = m
        .iter()
        .filter(|m| m.text(text).starts_with("MENA"))
        .collect();
    assert_eq!(mena.len(), 1);
    assert_eq!(mena[0].text(text), "MENA region");
    assert!(d.entry(mena[0].entries[0]).code.is_empty());
}
