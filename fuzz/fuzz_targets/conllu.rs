//! `aras_nlp::conllu::parse` (`aras parse --conllu`, `aras train`): a CoNLL-U file.
//! Must not panic; a parsed sentence must be writable again and the written text must
//! parse back to the same sentences.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match aras_nlp::conllu::parse(text) {
        Ok(sentences) => {
            let mut out = String::new();
            for s in &sentences {
                let _ = s.forms();
                s.write_to(&mut out);
            }
            let again = aras_nlp::conllu::parse(&out)
                .unwrap_or_else(|e| panic!("written CoNLL-U does not parse back: {e}\n{out}"));
            assert_eq!(
                again.len(),
                sentences.len(),
                "sentences lost on a round trip"
            );
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
