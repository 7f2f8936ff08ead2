//! Measuring the splitter and tokenizer against gold treebanks.
//!
//! * Sentence boundaries against GUM news documents (`*.conllu` with `# newpar` and
//!   `# text` comments): the raw text is rebuilt by joining sentences with a space
//!   inside a paragraph and a newline between paragraphs, and predicted sentence ends
//!   are compared with gold ones.
//! * Tokenisation against UD EWT: each sentence's `# text` is tokenised and compared
//!   with its gold syntactic words.

use std::fs;
use std::io;
use std::path::Path;

use crate::{segment, tokenize};

/// Precision, recall and F1 of sentence end offsets.
#[derive(Debug, Clone, Default)]
pub struct BoundaryScores {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Per document, in file-name order.
    pub files: Vec<FileBoundaryScores>,
}

/// Boundary counts for one document, with the errors in context (for debugging rules).
#[derive(Debug, Clone, Default)]
pub struct FileBoundaryScores {
    pub name: String,
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
    /// Gold ends the splitter missed, as `left⟦|⟧right` snippets.
    pub missed: Vec<String>,
    /// Predicted ends that are not gold, as snippets.
    pub spurious: Vec<String>,
}

/// A GUM document rebuilt as raw text, with its gold sentence end offsets.
#[derive(Debug, Clone, Default)]
pub struct GoldDocument {
    pub text: String,
    pub sentence_ends: Vec<usize>,
}

/// Rebuilds a document's text from CoNLL-U `# text` lines: sentences joined by a space
/// inside a paragraph and by a newline where a `# newpar...` comment starts one.
pub fn gold_document(conllu: &str) -> GoldDocument {
    let mut doc = GoldDocument::default();
    let mut new_paragraph = false;
    for line in conllu.lines() {
        if line.starts_with("# newpar") {
            new_paragraph = true;
        } else if let Some(sentence) = line.strip_prefix("# text = ") {
            let sentence = sentence.trim();
            if sentence.is_empty() {
                continue;
            }
            if !doc.text.is_empty() {
                doc.text.push(if new_paragraph { '\n' } else { ' ' });
            }
            doc.text.push_str(sentence);
            doc.sentence_ends.push(doc.text.len());
            new_paragraph = false;
        }
    }
    doc
}

/// Sentence-boundary precision/recall/F1 of [`segment`] over every `*.conllu` in `gum_dir`.
pub fn sentence_boundary_scores(gum_dir: &Path) -> io::Result<BoundaryScores> {
    let mut paths: Vec<_> = fs::read_dir(gum_dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    paths.sort();
    let mut scores = BoundaryScores::default();
    for path in paths {
        let doc = gold_document(&fs::read_to_string(&path)?);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let file = score_document(name, &doc);
        scores.gold += file.gold;
        scores.predicted += file.predicted;
        scores.correct += file.correct;
        scores.files.push(file);
    }
    (scores.precision, scores.recall, scores.f1) =
        prf(scores.correct, scores.predicted, scores.gold);
    Ok(scores)
}

/// Scores one rebuilt document.
pub fn score_document(name: String, doc: &GoldDocument) -> FileBoundaryScores {
    let text = doc.text.as_str();
    let predicted: Vec<usize> = segment(text)
        .iter()
        .map(|s| text[..s.end].trim_end().len())
        .collect();
    let gold = &doc.sentence_ends;
    let snippet = |at: usize| {
        let mut a = at.saturating_sub(40);
        while !text.is_char_boundary(a) {
            a -= 1;
        }
        let mut z = (at + 40).min(text.len());
        while !text.is_char_boundary(z) {
            z += 1;
        }
        format!("{}⟦|⟧{}", &text[a..at], &text[at..z]).replace('\n', "⏎")
    };
    let mut file = FileBoundaryScores {
        name,
        gold: gold.len(),
        predicted: predicted.len(),
        ..Default::default()
    };
    let (mut g, mut p) = (0, 0);
    while g < gold.len() || p < predicted.len() {
        match (gold.get(g), predicted.get(p)) {
            (Some(a), Some(b)) if a == b => {
                file.correct += 1;
                g += 1;
                p += 1;
            }
            (Some(&a), Some(&b)) if a < b => {
                file.missed.push(snippet(a));
                g += 1;
            }
            (Some(&a), None) => {
                file.missed.push(snippet(a));
                g += 1;
            }
            (_, Some(&b)) => {
                file.spurious.push(snippet(b));
                p += 1;
            }
            (None, None) => break,
        }
    }
    file
}

fn prf(correct: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let p = ratio(correct, predicted);
    let r = ratio(correct, gold);
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Agreement of [`tokenize`] with gold UD word segmentation.
#[derive(Debug, Clone, Default)]
pub struct TokenScores {
    /// Sentences compared.
    pub sentences: usize,
    /// Sentences skipped: a multiword token whose words are not substrings of it
    /// (`wanna` is fine, `its` → `it` `s`... is too), or forms that do not match the text.
    pub skipped: usize,
    /// Sentences whose tokenisation matches gold exactly.
    pub exact: usize,
    pub gold_tokens: usize,
    pub predicted_tokens: usize,
    /// Predicted tokens whose span equals a gold word's span.
    pub correct_tokens: usize,
    /// Every sentence that did not match: its text, gold forms and predicted forms.
    pub mismatches: Vec<TokenMismatch>,
}

/// One sentence tokenised differently from gold.
#[derive(Debug, Clone)]
pub struct TokenMismatch {
    pub text: String,
    pub gold: Vec<String>,
    pub predicted: Vec<String>,
}

impl TokenScores {
    /// Share of compared sentences tokenised exactly like gold.
    pub fn sentence_accuracy(&self) -> f64 {
        prf(self.exact, self.sentences, self.sentences).0
    }

    /// Token-span F1 against gold words.
    pub fn token_f1(&self) -> f64 {
        prf(self.correct_tokens, self.predicted_tokens, self.gold_tokens).2
    }
}

/// Tokenises every sentence's `# text` in a CoNLL-U file and compares with gold words.
pub fn tokenization_scores(conllu_path: &Path) -> io::Result<TokenScores> {
    let data = fs::read_to_string(conllu_path)?;
    let mut scores = TokenScores::default();
    for block in data.split("\n\n") {
        let Some(sentence) = gold_words(block) else {
            if block.contains("# text = ") {
                scores.skipped += 1;
            }
            continue;
        };
        let (text, gold) = sentence;
        let predicted = tokenize(text);
        let gold_spans = match locate(text, &gold) {
            Some(spans) => spans,
            None => {
                scores.skipped += 1;
                continue;
            }
        };
        scores.sentences += 1;
        scores.gold_tokens += gold_spans.len();
        scores.predicted_tokens += predicted.len();
        let (mut g, mut p) = (0, 0);
        while g < gold_spans.len() && p < predicted.len() {
            let (a, b) = (gold_spans[g], (predicted[p].start, predicted[p].end));
            if a == b {
                scores.correct_tokens += 1;
                g += 1;
                p += 1;
            } else if a.1 <= b.1 {
                g += 1;
            } else {
                p += 1;
            }
        }
        let same = predicted.len() == gold_spans.len()
            && predicted
                .iter()
                .zip(&gold_spans)
                .all(|(t, &(a, b))| t.start == a && t.end == b);
        if same {
            scores.exact += 1;
        } else {
            scores.mismatches.push(TokenMismatch {
                text: text.to_string(),
                gold: gold.iter().map(|s| s.to_string()).collect(),
                predicted: predicted.iter().map(|t| t.text(text).to_string()).collect(),
            });
        }
    }
    Ok(scores)
}

/// A sentence's text and gold syntactic word forms, or `None` when a multiword token's
/// words do not spell it out (so the words are not substrings of the text).
fn gold_words(block: &str) -> Option<(&str, Vec<&str>)> {
    let mut text = None;
    let mut words = Vec::new();
    // Multiword token being checked: (last word id, surface form, words so far).
    let mut mwt: Option<(usize, &str, String)> = None;
    for line in block.lines() {
        if let Some(t) = line.strip_prefix("# text = ") {
            text = Some(t);
            continue;
        }
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let id = cols.next()?;
        let form = cols.next()?;
        if let Some((a, b)) = id.split_once('-') {
            let (_, b) = (a.parse::<usize>().ok()?, b.parse::<usize>().ok()?);
            mwt = Some((b, form, String::new()));
            continue;
        }
        if id.contains('.') {
            continue; // empty node
        }
        let id: usize = id.parse().ok()?;
        words.push(form);
        if let Some((last, surface, spelled)) = mwt.as_mut() {
            spelled.push_str(form);
            if id == *last {
                if spelled != surface {
                    return None;
                }
                mwt = None;
            }
        }
    }
    Some((text?, words))
}

/// Byte spans of `forms` laid out in order over `text`, whitespace between them.
fn locate(text: &str, forms: &[&str]) -> Option<Vec<(usize, usize)>> {
    let mut spans = Vec::with_capacity(forms.len());
    let mut pos = 0;
    for form in forms {
        let rest = &text[pos..];
        let skipped = rest.len() - rest.trim_start().len();
        pos += skipped;
        if !text[pos..].starts_with(form) || form.is_empty() {
            return None;
        }
        spans.push((pos, pos + form.len()));
        pos += form.len();
    }
    text[pos..].trim().is_empty().then_some(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuilds_paragraphs() {
        let conllu = "# newpar\n# text = Head line\n1\tHead\n\n# newpar\n# text = One.\n1\tOne\n\n# text = Two.\n1\tTwo\n";
        let doc = gold_document(conllu);
        assert_eq!(doc.text, "Head line\nOne. Two.");
        assert_eq!(doc.sentence_ends, vec![9, 14, 19]);
        let file = score_document("x".into(), &doc);
        assert_eq!((file.gold, file.predicted, file.correct), (3, 3, 3));
    }

    #[test]
    fn gold_words_split_contiguous_multiword_tokens() {
        let block = "# text = I can't go\n1\tI\n2-3\tcan't\t_\n2\tca\n3\tn't\n4\tgo\n";
        let (text, words) = gold_words(block).unwrap();
        assert_eq!(text, "I can't go");
        assert_eq!(words, ["I", "ca", "n't", "go"]);
        assert!(gold_words("# text = its\n1-2\tits\n1\tit\n2\t's\n").is_none());
    }
}
