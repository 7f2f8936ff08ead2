//! Prints the sentences (one per line, tokens separated by `·`) of a file or of stdin.
//!
//! `cargo run -p aras-text --example segment -- FILE`

use std::io::Read;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    match std::env::args_os().nth(1) {
        Some(path) => text = std::fs::read_to_string(path)?,
        None => {
            std::io::stdin().read_to_string(&mut text)?;
        }
    }
    for sentence in aras_text::segment(&text) {
        let forms: Vec<&str> = sentence.tokens.iter().map(|t| t.text(&text)).collect();
        println!("{}", forms.join("·"));
    }
    Ok(())
}
