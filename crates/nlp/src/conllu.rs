//! Reading and writing CoNLL-U, keeping everything we do not predict exactly as it was:
//! comments, multiword-token range lines and empty nodes pass through untouched, so that
//! `aras parse --conllu` output lines up with the gold file token for token.

use std::fmt::Write as _;

/// One syntactic word (a line whose ID is an integer).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    pub id: u32,
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 0 is the root; `None` where the file has `_`.
    pub head: Option<u32>,
    pub deprel: String,
    pub deps: String,
    pub misc: String,
}

/// A sentence: its comment lines, its words, and the lines we only pass through.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentence {
    /// Comment lines without the leading `#` stripped (kept verbatim).
    pub comments: Vec<String>,
    pub words: Vec<Word>,
    /// Range (`1-2`) and empty-node (`3.1`) lines, each with the index of the word it precedes.
    pub passthrough: Vec<(usize, String)>,
}

/// What went wrong reading CoNLL-U, with the 1-based line.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {what}")]
pub struct ConlluError {
    pub line: usize,
    pub what: String,
}

impl Sentence {
    /// The value of a `# key = value` comment, e.g. `text` or `sent_id`.
    pub fn comment_value(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let rest = c.strip_prefix('#')?.trim_start();
            let rest = rest.strip_prefix(key)?.trim_start();
            Some(rest.strip_prefix('=')?.trim())
        })
    }

    /// The word forms, in order.
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }

    /// Appends the sentence in CoNLL-U, ending with the blank line.
    pub fn write_to(&self, out: &mut String) {
        for c in &self.comments {
            out.push_str(c);
            out.push('\n');
        }
        let mut extra = self.passthrough.iter().peekable();
        for (i, w) in self.words.iter().enumerate() {
            while let Some((_, line)) = extra.next_if(|(at, _)| *at <= i) {
                out.push_str(line);
                out.push('\n');
            }
            let head = w.head.map_or_else(|| "_".to_string(), |h| h.to_string());
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                w.id,
                or_blank(&w.form),
                or_blank(&w.lemma),
                or_blank(&w.upos),
                or_blank(&w.xpos),
                or_blank(&w.feats),
                head,
                or_blank(&w.deprel),
                or_blank(&w.deps),
                or_blank(&w.misc)
            );
        }
        for (_, line) in extra {
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
    }
}

fn or_blank(s: &str) -> &str {
    if s.is_empty() {
        "_"
    } else {
        s
    }
}

fn field(s: &str) -> String {
    if s == "_" {
        String::new()
    } else {
        s.to_string()
    }
}

/// Parses a whole CoNLL-U text into sentences.
pub fn parse(text: &str) -> Result<Vec<Sentence>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            if !cur.words.is_empty() || !cur.comments.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            cur.comments.push(line.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(ConlluError {
                line: line_no,
                what: format!("expected 10 tab-separated columns, found {}", cols.len()),
            });
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            cur.passthrough.push((cur.words.len(), line.to_string()));
            continue;
        }
        let id: u32 = cols[0].parse().map_err(|_| ConlluError {
            line: line_no,
            what: format!("bad word ID {:?}", cols[0]),
        })?;
        let head = match cols[6] {
            "_" => None,
            h => Some(h.parse().map_err(|_| ConlluError {
                line: line_no,
                what: format!("bad HEAD {h:?}"),
            })?),
        };
        cur.words.push(Word {
            id,
            // A literal underscore form is a real token ("_"), not a blank.
            form: cols[1].to_string(),
            lemma: field(cols[2]),
            upos: field(cols[3]),
            xpos: field(cols[4]),
            feats: field(cols[5]),
            head,
            deprel: field(cols[7]),
            deps: field(cols[8]),
            misc: field(cols[9]),
        });
    }
    if !cur.words.is_empty() || !cur.comments.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = a-1\n# text = I can't go.\n1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tca\tcan\tAUX\tMD\t_\t4\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn round_trips_comments_ranges_and_fields() {
        let sents = parse(SAMPLE).unwrap();
        assert_eq!(sents.len(), 1);
        assert_eq!(sents[0].comment_value("text"), Some("I can't go."));
        assert_eq!(sents[0].forms(), ["I", "ca", "n't", "go", "."]);
        assert_eq!(sents[0].words[3].head, Some(0));
        let mut out = String::new();
        sents[0].write_to(&mut out);
        assert_eq!(out, SAMPLE);
    }

    #[test]
    fn reports_the_line_of_a_bad_row() {
        let err = parse("1\tI\tI\n").unwrap_err();
        assert_eq!(err.line, 1);
        let err = parse("# c\nx\ta\tb\tc\td\te\tf\tg\th\ti\n").unwrap_err();
        assert_eq!(err.line, 2);
    }
}
