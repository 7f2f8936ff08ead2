//! Evaluation on PolNeAR (Newell, Margolin & Ruths, LREC 2018): attributions with
//! source, cue and content spans, in brat standoff over the article texts.
//!
//! What is scored, and how:
//! - Articles: those of the chosen compartment in `metadata.tsv` (`dev` for
//!   [`polnear`]); of several annotators' copies of an article, the first by file name.
//! - Gold quotes: attributions whose content contains a double quotation mark (`“ ” "`),
//!   i.e. direct or partly direct quotes. PolNeAR does not mark directness itself; its
//!   content spans are whole attributed clauses, quote marks included.
//! - Recall: a gold quote is found when one of our quotes overlaps its content.
//! - Precision: one of our quotes is right when it overlaps the content of any gold
//!   attribution (direct or not). Reported for all our quotes and for those with a speaker.
//! - Speaker accuracy, on found gold quotes with a source span: our quote with the
//!   largest overlap has a speaker, and either its mention overlaps the gold source, or
//!   the gold source's head word (its last capitalised word, possessive removed, or its
//!   last word when it has no capital) is one of the words of our resolved name. When
//!   the gold source is a pronoun, its head word is that of the nearest earlier gold
//!   source in the article that is not a pronoun (the annotators' coreference stand-in).

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::Path;

/// Figures for one run over a PolNeAR compartment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PolnearScores {
    pub articles: usize,
    /// Gold attributions whose content holds a quote mark.
    pub gold_quotes: usize,
    pub gold_found: usize,
    pub predicted: usize,
    pub predicted_correct: usize,
    pub predicted_with_speaker: usize,
    pub predicted_with_speaker_correct: usize,
    /// Found gold quotes that have a gold source.
    pub speaker_scored: usize,
    pub speaker_correct: usize,
    /// Examples of wrong speakers: (our name, gold source, context), for reading.
    pub speaker_errors: Vec<(String, String, String)>,
}

impl PolnearScores {
    pub fn recall(&self) -> f64 {
        ratio(self.gold_found, self.gold_quotes)
    }
    pub fn precision(&self) -> f64 {
        ratio(self.predicted_correct, self.predicted)
    }
    pub fn precision_with_speaker(&self) -> f64 {
        ratio(
            self.predicted_with_speaker_correct,
            self.predicted_with_speaker,
        )
    }
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_correct, self.speaker_scored)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores the `dev` compartment of PolNeAR in `dir` (the folder with `metadata.tsv`,
/// `text/` and `attributions/`).
pub fn polnear(dir: &Path) -> io::Result<PolnearScores> {
    polnear_split(dir, "dev")
}

/// Scores one compartment (`train`, `dev`, …).
pub fn polnear_split(dir: &Path, split: &str) -> io::Result<PolnearScores> {
    let meta = fs::read_to_string(dir.join("metadata.tsv"))?;
    let mut lines = meta.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name);
    let (Some(cc), Some(fc)) = (col("compartment"), col("filename")) else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "metadata.tsv: no compartment/filename columns",
        ));
    };
    let names: Vec<String> = lines
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.get(cc) == Some(&split))
                .then(|| f.get(fc).map(|s| s.to_string()))
                .flatten()
        })
        .collect();
    let mut anns: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for e in fs::read_dir(dir.join("attributions"))? {
        let name = e?.file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".ann") {
            if let Some((article, _)) = stem.rsplit_once('_') {
                anns.entry(article.to_string())
                    .or_default()
                    .push(name.clone());
            }
        }
    }
    let mut sc = PolnearScores::default();
    for name in names {
        let Ok(text) = fs::read_to_string(dir.join("text").join(format!("{name}.txt"))) else {
            continue;
        };
        let Some(files) = anns.get_mut(&name) else {
            continue;
        };
        files.sort();
        let ann = fs::read_to_string(dir.join("attributions").join(&files[0]))?;
        score_article(&text, &ann, &mut sc);
    }
    Ok(sc)
}

#[derive(Debug, Default, Clone)]
struct Attribution {
    content: Vec<(usize, usize)>,
    source: Vec<(usize, usize)>,
}

/// Parses brat standoff into attributions with byte spans.
fn parse_ann(text: &str, ann: &str) -> Vec<Attribution> {
    let mut byte_of: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_of.push(text.len());
    let to_byte = |c: usize| byte_of.get(c).copied().unwrap_or(text.len());
    let mut spans: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    let mut out = Vec::new();
    for line in ann.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 2 {
            continue;
        }
        if f[0].starts_with('T') {
            let Some((_, sp)) = f[1].split_once(' ') else {
                continue;
            };
            let v: Vec<(usize, usize)> = sp
                .split(';')
                .filter_map(|p| {
                    let (a, b) = p.trim().split_once(' ')?;
                    Some((to_byte(a.parse().ok()?), to_byte(b.parse().ok()?)))
                })
                .collect();
            spans.insert(f[0], v);
        } else if f[0].starts_with('E') {
            let mut at = Attribution::default();
            for part in f[1].split_whitespace() {
                let Some((role, id)) = part.split_once(':') else {
                    continue;
                };
                let s = spans.get(id).cloned().unwrap_or_default();
                match role {
                    "Content" => at.content = s,
                    "Source" => at.source = s,
                    _ => {}
                }
            }
            out.push(at);
        }
    }
    out
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn is_pronoun(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "he" | "she" | "it" | "they" | "we" | "i" | "him" | "her" | "them" | "us" | "you"
    )
}

/// The head word of a source text: its last capitalised word (possessive removed), or
/// its last word.
fn head_word(s: &str) -> Option<String> {
    let words: Vec<String> = s
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .map(|w| {
            w.trim_end_matches("'s")
                .trim_end_matches("’s")
                .trim_matches(['\'', '’'])
                .to_string()
        })
        .filter(|w| !w.is_empty())
        .collect();
    words
        .iter()
        .rev()
        .find(|w| w.chars().next().is_some_and(char::is_uppercase) && w.len() > 1)
        .or(words.last())
        .map(|w| w.to_lowercase())
}

fn score_article(text: &str, ann: &str, sc: &mut PolnearScores) {
    let atts = parse_ann(text, ann);
    let sentences = aras_text::segment(text);
    let ours = crate::extract(text, &sentences, None);
    sc.articles += 1;
    sc.predicted += ours.len();
    for q in &ours {
        let ok = atts
            .iter()
            .any(|a| a.content.iter().any(|&c| overlap(c, (q.start, q.end)) > 0));
        sc.predicted_correct += ok as usize;
        if q.speaker.is_some() {
            sc.predicted_with_speaker += 1;
            sc.predicted_with_speaker_correct += ok as usize;
        }
    }
    let src_text = |a: &Attribution| {
        a.source
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect::<Vec<_>>()
            .join(" ")
    };
    // Gold sources in text order, for pronoun antecedents.
    let mut sources: Vec<(usize, String)> = atts
        .iter()
        .filter(|a| !a.source.is_empty())
        .map(|a| (a.source[0].0, src_text(a)))
        .collect();
    sources.sort();
    for a in &atts {
        let direct = a
            .content
            .iter()
            .any(|&(s, e)| text[s..e].contains(['“', '”', '"']));
        if !direct {
            continue;
        }
        sc.gold_quotes += 1;
        let best = ours
            .iter()
            .map(|q| {
                (
                    a.content
                        .iter()
                        .map(|&c| overlap(c, (q.start, q.end)))
                        .sum::<usize>(),
                    q,
                )
            })
            .filter(|(o, _)| *o > 0)
            .max_by_key(|(o, _)| *o);
        let Some((_, q)) = best else { continue };
        sc.gold_found += 1;
        if a.source.is_empty() {
            continue;
        }
        sc.speaker_scored += 1;
        let gold = src_text(a);
        let mut head = head_word(&gold);
        if gold.split_whitespace().count() == 1 && is_pronoun(gold.trim()) {
            let pos = a.source[0].0;
            head = sources
                .iter()
                .rev()
                .filter(|(p, s)| *p < pos && !is_pronoun(s.trim()))
                .find_map(|(_, s)| head_word(s))
                .or(head);
        }
        let ok = q.speaker.as_ref().is_some_and(|sp| {
            a.source.iter().any(|&s| overlap(s, (sp.start, sp.end)) > 0)
                || head.as_ref().is_some_and(|h| {
                    sp.name
                        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                        .any(|w| {
                            w.to_lowercase() == *h
                                || w.to_lowercase().trim_end_matches('s') == h.trim_end_matches('s')
                        })
                })
        });
        if ok {
            sc.speaker_correct += 1;
        } else if sc.speaker_errors.len() < 2000 {
            let ours = q
                .speaker
                .as_ref()
                .map_or("(none)".to_string(), |s| s.name.clone());
            let mut a = q.start.saturating_sub(150);
            while !text.is_char_boundary(a) {
                a -= 1;
            }
            let mut b = (q.end + 100).min(text.len());
            while !text.is_char_boundary(b) {
                b += 1;
            }
            sc.speaker_errors
                .push((ours, gold, text[a..b].replace('\n', " / ")));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brat_spans_are_bytes() {
        let text = "“Go,” she said. ’Tis.";
        let ann = "T1\tSource 6 9\tshe\nT2\tContent 0 5\t“Go,”\nE1\tAttribution:T3 Content:T2 Source:T1\n";
        let a = parse_ann(text, ann);
        assert_eq!(a.len(), 1);
        assert_eq!(&text[a[0].source[0].0..a[0].source[0].1], "she");
        assert_eq!(&text[a[0].content[0].0..a[0].content[0].1], "“Go,”");
    }

    #[test]
    fn heads() {
        assert_eq!(
            head_word("Spokeswoman Haley Morris").as_deref(),
            Some("morris")
        );
        assert_eq!(
            head_word("O’Malley’s campaign").as_deref(),
            Some("o’malley")
        );
        assert_eq!(head_word("the campaign").as_deref(), Some("campaign"));
    }
}
