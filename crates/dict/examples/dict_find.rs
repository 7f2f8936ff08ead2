//! Prints the dictionary matches in a file (or stdin), one a line:
//! `cargo run -p aras-dict --example dict_find -- FILE`
use std::io::Read;

fn main() {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => text = std::fs::read_to_string(path).expect("readable file"),
        None => {
            std::io::stdin().read_to_string(&mut text).expect("stdin");
        }
    }
    let dict = aras_dict::Dictionary::builtin().expect("builtin dictionaries load");
    for m in dict.find(&text) {
        let codes: Vec<String> = m
            .entries
            .iter()
            .zip(&m.roles)
            .map(|(&id, role)| {
                let e = dict.entry(id);
                let code = if e.code.is_empty() { "-" } else { &e.code };
                format!("{code}/{}/{role}", e.kind)
            })
            .collect();
        println!(
            "{}..{}\t{}\t{}",
            m.start,
            m.end,
            m.text(&text),
            codes.join(" ")
        );
    }
}
