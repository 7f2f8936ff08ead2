//! The shipped model: tagger and parser in one file, and the training pipeline.
//!
//! File layout: `ARASNLP\0`, format version (u32 LE), block count, then per block a
//! 4-byte tag (`TAGR`, `PARS`), the raw length, the compressed length and a hash of the raw
//! bytes (all u64 LE), then the zstd-compressed bytes. zstd because it decompresses
//! several times faster than deflate (load time is a budget); the hash turns silent
//! corruption into a clear error instead of a model that parses badly.
//!
//! Training jackknifes the tagger (k-fold: each fold is tagged by a tagger trained on the
//! others) so the parser learns from tags as noisy as the ones it will see at run time;
//! that is worth about a point of LAS over training on gold tags. For a parser ensemble a
//! second jackknife over contiguous folds gives the second member differently wrong tags
//! (see [`crate::parser`]).

use crate::clusters::{ClusterOptions, WordClusters};
use crate::conllu::Sentence;
use crate::parser::{Arc, ParseScratch, Parser, ParserFormatError, ParserOptions};
use crate::perceptron::hash_bytes;
use crate::spelling;
use crate::tagger::{Tagged, Tagger, TaggerFormatError, TaggerOptions};
use rayon::prelude::*;
use std::time::Instant;

const MAGIC: &[u8; 8] = b"ARASNLP\0";
const VERSION: u32 = 1;
const TAGGER_BLOCK: &[u8; 4] = b"TAGR";
const PARSER_BLOCK: &[u8; 4] = b"PARS";
/// Refuse to inflate a block beyond this (a corrupt length must not exhaust memory).
const MAX_BLOCK: u64 = 1 << 30;

/// Tagger and parser, trained together.
///
/// The repository ships one, `models/en_ewt.model` (rebuilt by `aras train`); load it and
/// analyse a tokenised sentence:
///
/// ```
/// use aras_nlp::model::Model;
///
/// // Doc tests run in crates/nlp; the model sits at the workspace root.
/// let bytes = std::fs::read("../../models/en_ewt.model")?;
/// let model = Model::from_bytes(&bytes)?;
///
/// let words = ["Azerbaijan", "signed", "a", "deal", "with", "Israel", "."];
/// let analysis = model.analyze(&words);
/// assert_eq!(analysis.words.len(), words.len());
/// let signed = &analysis.words[1];
/// assert_eq!((signed.upos, signed.head, signed.deprel), ("VERB", 0, "root"));
/// let azerbaijan = &analysis.words[0];
/// assert_eq!((azerbaijan.upos, azerbaijan.head, azerbaijan.deprel), ("PROPN", 2, "nsubj"));
/// assert_eq!(analysis.words[3].lemma, "deal");
///
/// // A model file that is not one is an error, not a panic.
/// assert!(Model::from_bytes(b"not a model").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Model {
    pub tagger: Tagger,
    pub parser: Parser,
}

/// A model file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not an aras model file (bad magic)")]
    BadMagic,
    #[error("model format version {0} is not supported by this build (expected {VERSION})")]
    UnsupportedVersion(u32),
    #[error("model file is truncated")]
    Truncated,
    #[error("model file is corrupt: {0}")]
    Corrupt(String),
    #[error("model file lacks the {0} block")]
    MissingBlock(&'static str),
    #[error("tagger block: {0}")]
    Tagger(#[from] TaggerFormatError),
    #[error("parser block: {0}")]
    Parser(#[from] ParserFormatError),
}

/// One analysed word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalyzedWord<'m> {
    pub upos: &'m str,
    pub xpos: &'m str,
    pub lemma: String,
    /// 1-based index of the head word, 0 for the root.
    pub head: u32,
    pub deprel: &'m str,
}

/// The analysis of one sentence, word by word.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Analysis<'m> {
    pub words: Vec<AnalyzedWord<'m>>,
}

/// Reusable buffers for [`Model::analyze_with`].
#[derive(Default)]
pub struct AnalyzeScratch {
    tagged: Tagged,
    parse: ParseScratch,
    arcs: Vec<Arc>,
}

/// Training settings for the whole pipeline.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub seed: u64,
    /// Jackknife folds for the parser's training tags (0 or 1 = train on gold tags).
    pub folds: usize,
    pub tagger: TaggerOptions,
    pub parser: ParserOptions,
    /// Word clusters for the parser, induced from the treebank's words and the
    /// unlabelled text given to [`train`].
    pub clusters: ClusterOptions,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            seed: 0x5eed,
            folds: 5,
            tagger: TaggerOptions::default(),
            parser: ParserOptions::default(),
            clusters: ClusterOptions::default(),
        }
    }
}

impl Model {
    /// Reads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut input = bytes;
        let magic = take(&mut input, 8)?;
        if magic != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let version = u32::from_le_bytes(take(&mut input, 4)?.try_into().expect("4 bytes"));
        if version != VERSION {
            return Err(ModelError::UnsupportedVersion(version));
        }
        let n_blocks = u32_le(&mut input)?;
        let mut blocks: Vec<([u8; 4], &[u8], u64, u64)> = Vec::new();
        for _ in 0..n_blocks.min(16) {
            let mut tag = [0u8; 4];
            tag.copy_from_slice(take(&mut input, 4)?);
            let raw_len = u64_le(&mut input)?;
            let comp_len = u64_le(&mut input)?;
            let hash = u64_le(&mut input)?;
            if raw_len > MAX_BLOCK {
                return Err(ModelError::Corrupt(format!("block length {raw_len}")));
            }
            let comp = take(
                &mut input,
                usize::try_from(comp_len).map_err(|_| ModelError::Truncated)?,
            )?;
            blocks.push((tag, comp, raw_len, hash));
        }
        let find = |tag: &[u8; 4], name: &'static str| {
            blocks
                .iter()
                .find(|b| &b.0 == tag)
                .map(|b| (b.1, b.2, b.3))
                .ok_or(ModelError::MissingBlock(name))
        };
        let tb = find(TAGGER_BLOCK, "tagger")?;
        let pb = find(PARSER_BLOCK, "parser")?;
        // Decompress and build the two halves in parallel: load time is a budget.
        let (tagger, parser) = rayon::join(
            || -> Result<Tagger, ModelError> {
                let raw = inflate(tb)?;
                Ok(Tagger::read(&mut raw.as_slice())?)
            },
            || -> Result<Parser, ModelError> {
                let raw = inflate(pb)?;
                Ok(Parser::read(&mut raw.as_slice())?)
            },
        );
        Ok(Model {
            tagger: tagger?,
            parser: parser?,
        })
    }

    /// Writes the model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut t = Vec::new();
        self.tagger.write(&mut t);
        let mut p = Vec::new();
        self.parser.write(&mut p);
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&2u32.to_le_bytes());
        for (tag, raw) in [(TAGGER_BLOCK, &t), (PARSER_BLOCK, &p)] {
            // Level 19: the file is written once and read often; decompression speed does
            // not depend on the level.
            let comp = zstd::bulk::compress(raw, 19).unwrap_or_default();
            out.extend_from_slice(tag);
            out.extend_from_slice(&(raw.len() as u64).to_le_bytes());
            out.extend_from_slice(&(comp.len() as u64).to_le_bytes());
            out.extend_from_slice(&hash_bytes(raw).to_le_bytes());
            out.extend_from_slice(&comp);
        }
        out
    }

    /// Tags, lemmatises and parses one sentence of words.
    pub fn analyze(&self, words: &[&str]) -> Analysis<'_> {
        self.analyze_with(words, &mut AnalyzeScratch::default())
    }

    /// [`Model::analyze`] reusing buffers across sentences.
    pub fn analyze_with(&self, words: &[&str], scratch: &mut AnalyzeScratch) -> Analysis<'_> {
        self.run(words, scratch);
        let AnalyzeScratch { tagged, arcs, .. } = scratch;
        Analysis {
            words: (0..words.len())
                .map(|i| AnalyzedWord {
                    upos: self.tagger.upos_name(tagged.upos[i]),
                    xpos: self.tagger.xpos_name(tagged.xpos[i]),
                    lemma: tagged.lemma(i).to_string(),
                    head: arcs[i].head,
                    deprel: self.parser.label(arcs[i].label),
                })
                .collect(),
        }
    }

    /// Tags and parses into the scratch buffers.
    fn run(&self, words: &[&str], scratch: &mut AnalyzeScratch) {
        let AnalyzeScratch {
            tagged,
            parse,
            arcs,
        } = scratch;
        // British spellings the model does not know are read as their American twins
        // (see `spelling`): one pass over the words; the common case, no such word,
        // allocates nothing.
        let mut twins: Vec<(usize, String)> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if spelling::may_be_british(w) && !self.tagger.knows(w) {
                if let Some(twin) = spelling::american_twin(w, |t| self.tagger.knows(t)) {
                    twins.push((i, twin));
                }
            }
        }
        let respelled: Option<Vec<&str>> = (!twins.is_empty()).then(|| {
            let mut v = words.to_vec();
            for (i, twin) in &twins {
                v[*i] = twin;
            }
            v
        });
        let words: &[&str] = respelled.as_deref().unwrap_or(words);
        self.tagger.tag_into(words, tagged);
        let t = &*tagged;
        self.parser.parse_into_with(
            words,
            |i| {
                (
                    self.tagger.upos_name(t.upos[i]),
                    self.tagger.xpos_name(t.xpos[i]),
                )
            },
            parse,
            arcs,
        );
    }

    /// Fills UPOS, XPOS, LEMMA, HEAD and DEPREL, keeping ID, FORM, the other columns and
    /// the passthrough lines (for `aras parse --conllu`).
    pub fn annotate(&self, sent: &mut Sentence) {
        self.annotate_with(sent, &mut AnalyzeScratch::default());
    }

    /// [`Model::annotate`] reusing buffers across sentences.
    pub fn annotate_with(&self, sent: &mut Sentence, scratch: &mut AnalyzeScratch) {
        let forms: Vec<&str> = sent.words.iter().map(|w| w.form.as_str()).collect();
        self.run(&forms, scratch);
        let AnalyzeScratch { tagged, arcs, .. } = scratch;
        // Overwrite in place: the columns usually have the capacity already.
        let set = |dst: &mut String, src: &str| {
            dst.clear();
            dst.push_str(src);
        };
        for (i, w) in sent.words.iter_mut().enumerate() {
            set(&mut w.upos, self.tagger.upos_name(tagged.upos[i]));
            set(&mut w.xpos, self.tagger.xpos_name(tagged.xpos[i]));
            set(&mut w.lemma, tagged.lemma(i));
            w.head = Some(arcs[i].head);
            set(&mut w.deprel, self.parser.label(arcs[i].label));
        }
    }
}

fn inflate((comp, raw_len, hash): (&[u8], u64, u64)) -> Result<Vec<u8>, ModelError> {
    let raw = zstd::bulk::decompress(comp, raw_len as usize)
        .map_err(|e| ModelError::Corrupt(format!("decompression failed: {e}")))?;
    if raw.len() as u64 != raw_len || hash_bytes(&raw) != hash {
        return Err(ModelError::Corrupt("block checksum mismatch".into()));
    }
    Ok(raw)
}

fn take<'a>(input: &mut &'a [u8], n: usize) -> Result<&'a [u8], ModelError> {
    if input.len() < n {
        return Err(ModelError::Truncated);
    }
    let (head, rest) = input.split_at(n);
    *input = rest;
    Ok(head)
}

fn u32_le(input: &mut &[u8]) -> Result<u32, ModelError> {
    Ok(u32::from_le_bytes(
        take(input, 4)?.try_into().expect("4 bytes"),
    ))
}

fn u64_le(input: &mut &[u8]) -> Result<u64, ModelError> {
    Ok(u64::from_le_bytes(
        take(input, 8)?.try_into().expect("8 bytes"),
    ))
}

/// Trains tagger and parser: the tagger on all of `train`; the parser on `train` re-tagged
/// by jackknifing (see [`jackknife`]; with an ensemble, also over contiguous folds).
///
/// `unlabelled` (sentences of tokens, e.g. news articles) feeds the parser's word clusters
/// together with the treebank's own words; it may be empty.
pub fn train(
    train: &[Sentence],
    unlabelled: &[Vec<String>],
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Model {
    let t0 = Instant::now();
    // The clusters are induced while the taggers train (one thread each way).
    let (clusters, (jackknifed, lines)) = rayon::join(
        || {
            let mut text: Vec<Vec<String>> = train
                .iter()
                .map(|s| s.words.iter().map(|w| w.form.clone()).collect())
                .collect();
            text.extend(unlabelled.iter().cloned());
            WordClusters::induce(&text, &opts.clusters)
        },
        || {
            let mut lines = Vec::new();
            let out = jackknife(train, opts, &mut |m| lines.push(m.to_string()));
            (out, lines)
        },
    );
    let (tagger, retagged) = jackknifed;
    for l in &lines {
        log(l);
    }
    log(&format!(
        "clusters: {} words in {} classes from {} unlabelled sentences",
        clusters.len(),
        opts.clusters.classes,
        unlabelled.len()
    ));
    let mut popts = opts.parser.clone();
    popts.seed ^= opts.seed;
    // A second tag view for ensembles: jackknifed over contiguous folds, so the members
    // learn from different tagging errors.
    let second = (opts.parser.ensemble >= 2 && opts.folds >= 2)
        .then(|| jackknife_folds(train, opts, true, log).1);
    let mut views: Vec<&[Sentence]> = vec![&retagged];
    views.extend(second.as_deref());
    let t1 = Instant::now();
    let parser = Parser::train_views(&views, &clusters, &popts, log);
    log(&format!(
        "parser trained in {:.1}s (total {:.1}s)",
        t1.elapsed().as_secs_f64(),
        t0.elapsed().as_secs_f64()
    ));
    Model { tagger, parser }
}

/// The tagger trained on all of `train`, and `train` with UPOS/XPOS replaced by
/// jackknifed predictions: each of `opts.folds` folds (sentence `i` is in fold `i % k`) is
/// tagged by a tagger trained on the other folds. With fewer than 2 folds the tags stay
/// gold. Fold taggers and the final tagger train in parallel (rayon); the result does not
/// depend on the number of threads.
pub fn jackknife(
    train: &[Sentence],
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> (Tagger, Vec<Sentence>) {
    let (tagger, retagged) = jackknife_folds(train, opts, false, log);
    let tagger = tagger.unwrap_or_else(|| {
        let mut topts = opts.tagger.clone();
        topts.seed ^= opts.seed;
        Tagger::train(train, &topts)
    });
    (tagger, retagged)
}

/// [`jackknife`] with interleaved folds (sentence `i` in fold `i % k`, with the final
/// tagger) or contiguous ones (without it).
fn jackknife_folds(
    train: &[Sentence],
    opts: &TrainOptions,
    contiguous: bool,
    log: &mut dyn FnMut(&str),
) -> (Option<Tagger>, Vec<Sentence>) {
    let t0 = Instant::now();
    let k = opts.folds;
    let mut topts = opts.tagger.clone();
    topts.seed ^= opts.seed;
    let n = train.len().max(1);
    let fold = |i: usize| if contiguous { i * k / n } else { i % k };
    // Job 0 is the final tagger; job f+1 tags fold f.
    let first = usize::from(contiguous && k >= 2);
    let jobs: Vec<usize> = if k >= 2 {
        (first..=k).collect()
    } else {
        vec![0]
    };
    let results: Vec<(usize, Tagger)> = jobs
        .par_iter()
        .map(|&j| {
            let sents: Vec<Sentence> = if j == 0 {
                train.to_vec()
            } else {
                train
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| fold(i) != j - 1)
                    .map(|(_, s)| s.clone())
                    .collect()
            };
            (j, Tagger::train(&sents, &topts))
        })
        .collect();
    log(&format!(
        "tagger: {} taggers trained in {:.1}s",
        results.len(),
        t0.elapsed().as_secs_f64()
    ));
    let mut tagger = None;
    let mut retagged: Vec<Sentence> = train.to_vec();
    let mut tagged = Tagged::default();
    let (mut right, mut total) = (0usize, 0usize);
    for (j, t) in results {
        if j == 0 {
            tagger = Some(t);
            continue;
        }
        for (i, s) in retagged.iter_mut().enumerate() {
            if fold(i) != j - 1 {
                continue;
            }
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            t.tag_into(&forms, &mut tagged);
            for (wi, w) in s.words.iter_mut().enumerate() {
                let u = t.upos_name(tagged.upos[wi]);
                right += usize::from(u == w.upos);
                total += 1;
                w.upos = u.to_string();
                w.xpos = t.xpos_name(tagged.xpos[wi]).to_string();
            }
        }
    }
    if total > 0 {
        log(&format!(
            "jackknife: {k} {} folds, UPOS {:.2}% on held-out folds",
            if contiguous {
                "contiguous"
            } else {
                "interleaved"
            },
            100.0 * right as f64 / total as f64
        ));
    }
    (tagger, retagged)
}

/// Accuracy figures in percent over all syntactic words, computed as
/// `shared/tools/conllu_eval.py` does (LAS compares the universal part before any ':').
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scores {
    pub words: usize,
    pub upos: f64,
    pub xpos: f64,
    pub uas: f64,
    pub las: f64,
}

/// Scores predicted sentences against gold ones with the same words (pairs beyond the
/// shorter list, or words beyond the shorter sentence, are ignored).
pub fn evaluate(gold: &[Sentence], pred: &[Sentence]) -> Scores {
    let base = |l: &str| l.split(':').next().unwrap_or("").to_string();
    let (mut n, mut upos, mut xpos, mut uas, mut las) = (0usize, 0, 0, 0, 0);
    for (g, p) in gold.iter().zip(pred) {
        for (gw, pw) in g.words.iter().zip(&p.words) {
            n += 1;
            upos += usize::from(gw.upos == pw.upos);
            xpos += usize::from(gw.xpos == pw.xpos);
            if gw.head == pw.head {
                uas += 1;
                las += usize::from(base(&gw.deprel) == base(&pw.deprel));
            }
        }
    }
    let pct = |k: usize| 100.0 * k as f64 / n.max(1) as f64;
    Scores {
        words: n,
        upos: pct(upos),
        xpos: pct(xpos),
        uas: pct(uas),
        las: pct(las),
    }
}
