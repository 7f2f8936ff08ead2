//! CoNLL-U for raw text (`aras parse FILE`): what a linguist checks the parser with.
//! Each token's byte span in the document body goes in MISC as `TokenRange=start:end`
//! (the convention UDPipe uses), so rows point back into the text like every aras record.

use std::fmt::Write as _;

use crate::AnalyzedDocument;

/// Appends the document as CoNLL-U: `# newdoc id`, then per sentence `# sent_id` and
/// `# text` and one row per token.
pub fn write_conllu(a: &AnalyzedDocument<'_, '_>, out: &mut String) {
    let body = a.doc.text.as_str();
    let _ = writeln!(out, "# newdoc id = {}", a.doc.id);
    for (n, (s, syntax)) in a.sentences.iter().zip(&a.syntax).enumerate() {
        let _ = writeln!(out, "# sent_id = {}-{}", a.doc.id, n + 1);
        let text: String = body[s.start..s.end]
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        let _ = writeln!(out, "# text = {text}");
        for (i, tok) in s.tokens.iter().enumerate() {
            let w = &syntax.words[i];
            let space_after = s.tokens.get(i + 1).is_none_or(|next| next.start > tok.end);
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\tTokenRange={}:{}{}",
                i + 1,
                tok.text(body),
                blank(&w.lemma),
                blank(w.upos),
                blank(w.xpos),
                w.head,
                blank(w.deprel),
                tok.start,
                tok.end,
                if space_after { "" } else { "|SpaceAfter=No" }
            );
        }
        out.push('\n');
    }
}

fn blank(s: &str) -> &str {
    if s.is_empty() {
        "_"
    } else {
        s
    }
}
