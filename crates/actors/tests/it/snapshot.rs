//! A snapshot of every mention of a fixture article written for this crate (many
//! actors, pronouns, titles, appositions, relative clauses).

use aras_actors::{extract, ActorContext};

#[test]
fn fixture_article() {
    let text = include_str!("../fixtures/article.txt");
    let dict = aras_dict::Dictionary::builtin().unwrap();
    let ctx = ActorContext {
        dictionary: &dict,
        document_date: Some("2025-06-18"),
    };
    let mentions = extract(text, &aras_text::segment(text), None, &ctx);
    let lines: Vec<String> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            format!(
                "{i:>2} {:?} {} {} {}{}{}",
                m.text,
                if m.code.is_empty() { "-" } else { &m.code },
                m.kind.as_str(),
                m.resolved_by.as_str(),
                m.antecedent.map(|a| format!(" ->{a}")).unwrap_or_default(),
                m.role
                    .as_ref()
                    .map(|r| format!(" role={r:?}"))
                    .unwrap_or_default(),
            )
        })
        .collect();
    insta::assert_snapshot!(lines.join("\n"));
}
