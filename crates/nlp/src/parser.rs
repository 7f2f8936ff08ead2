//! Labelled dependency parsing: a greedy arc-eager transition parser (Nivre 2003) scored by
//! an averaged perceptron over the rich non-local features of Zhang & Nivre (2011), trained
//! with the dynamic oracle of Goldberg & Nivre (2012).
//!
//! Why this design: greedy transition parsing is linear-time and allocation-free per
//! sentence, which is what a 250k tokens/s budget on one core allows; the dynamic oracle
//! trains the model on the configurations its own mistakes lead to (≈ +1 LAS over a static
//! oracle, at no runtime cost), and the non-local features (heads, children, valencies and
//! label sets of the stack top and buffer front) close most of the gap to beam search
//! without its cost. Transitions carry the label (LEFT-l / RIGHT-l), so one classifier
//! decides both; the weights are sparse per feature (see [`weights`]), which keeps training
//! memory and the model file small despite ~90 classes.
//!
//! Non-projective gold trees are projectivised by lifting for training (EWT is ~99%
//! projective, so the parser cannot recover the rest anyway). The root takes exactly one
//! child, and words left without a head at the end are attached to it.
//!
//! Beyond Zhang & Nivre: UPOS beside XPOS, 3-character suffixes, the number of punctuation
//! marks between s0 and n0, and s2 (together +0.8 UAS on EWT dev with predicted tags).
//! The shipped parser averages an ensemble of two perceptrons into one table (parsing
//! costs the same as for one, since a transition looks up the same features). They differ
//! in their seed and in their training tags: one learns from tags jackknifed over
//! interleaved folds, the other over contiguous ones (which keep documents together and
//! are as noisy as tags on new text: 95.0 UPOS vs 96.4), so that the pair has seen two
//! kinds of tagging error. Against one model: EWT dev +0.1 UAS / +0.2 LAS, test
//! +0.4 UAS / +0.6 LAS, GUM news +0.4 UAS / +0.4 LAS (two members with the same tags:
//! +0.1 / +0.15 on dev and test; four members, with or without the two tag views: no
//! better than two on dev, and twice the training time).
//!
//! Word classes (256, from the exchange algorithm over the treebank's words and the
//! 26,000 sentences of the AFP/Xinhua articles, see [`crate::clusters`]) stand in for
//! words in thirteen templates (s0, n0, n1, their heads and children, s1): EWT dev
//! +0.29 UAS, test +0.58.
//!
//! Speed (parsing is memory-bound: ~80 weight rows per transition):
//! - the features of tags, labels and distances alone are filed in a small hot region of
//!   the weight table (see [`weights`]); their long rows are half floats, summed in
//!   registers;
//! - the tables sit in 2 MB pages, since nearly every lookup would otherwise also miss
//!   the TLB (+7%);
//! - the weight table is kept mostly empty in memory (1/4 full for lexical keys, 1/8 for
//!   hot ones), so a key nearly always sits in the cache line its prefetch fetched (at
//!   3/4 full, 31% of hot lookups ran on into a second line, a dependent miss): +25%;
//! - a dense row starts on a cache line and leaves its first two classes to the slot,
//!   so the parser's rows are three lines instead of four or five (+3%);
//! - a feature with a word never seen in training cannot have weights, so it is not
//!   looked up at all ([`gate`], +3.5% on news); nor is a lexical combination a small
//!   Bloom filter rules out (+2 to 4%);
//! - the buffer-front features are scored once per front rather than once per
//!   transition, and forced SHIFTs are not scored at all;
//! - thirteen templates whose removal cost nothing on EWT dev were dropped (the words of
//!   the second children of s0; s0 and n0 words with valencies, label sets or distance;
//!   the s0 word with the n0 UPOS; the s0 suffix with the n0 tag; the tag and label of
//!   s0's second right child): about 7% faster, dev UAS 86.11 before and 86.09 after
//!   retraining.
//!
//! Tried without gain on dev: ambiguity-class features, more s1/s0-head word pairs, mixing
//! gold-tag and jackknifed training copies, exploring with probability 0.5, dropping
//! the single-root constraint, 20 epochs instead of 15 (-0.3 UAS), contiguous instead of
//! interleaved jackknife folds (held-out tag accuracy 95.0 instead of 96.4, i.e. as noisy
//! as at run time, yet -0.2 UAS dev / +0.2 test: a wash), pruning harder at load
//! (|w| < 1.5: -0.3 UAS; < 2.5: -1.1 UAS, though 35% faster), the distance from n0 to
//! the next punctuation mark (meant for appositions; -0.25 UAS dev), and caching the slots
//! of one-word features per sentence. Tried without speed gain: long rows as `i8` with a
//! scale per row (half the bytes, but slower: more conversion work), skipping the LEFT
//! columns of long rows when LEFT is illegal, and whole-program (fat) LTO.

mod repair;
mod system;
pub(crate) mod weights;

use crate::clusters::{cluster_key, WordClusters};
use crate::conllu;
use crate::perceptron::{hash_bytes, mix};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use system::{Classes, Move, State, NONE};
pub(crate) use weights::{read_varint, write_varint};
use weights::{SparseTrainer, SparseWeights, HOT};

/// Training settings; the defaults are the ones tuned on EWT dev.
#[derive(Debug, Clone)]
pub struct ParserOptions {
    pub epochs: usize,
    pub seed: u64,
    /// From this epoch on (0-based), follow the model's own (possibly wrong) prediction.
    pub explore_from: usize,
    /// Probability of following a wrong prediction once exploring.
    pub explore_prob: f64,
    /// Averaged weights smaller than this are dropped (model size vs accuracy).
    pub min_weight: f32,
    /// Label subtypes (`nsubj:pass`) seen fewer times than this are mapped to their base.
    pub min_subtype_count: usize,
    /// Perceptrons trained with different seeds (and, through [`crate::model::train`],
    /// different jackknifed tags) whose averaged weights are averaged into the one table
    /// (inference cost unchanged, the table grows a little).
    pub ensemble: usize,
}

impl Default for ParserOptions {
    fn default() -> Self {
        ParserOptions {
            epochs: 15,
            seed: 0x5eed,
            explore_from: 1,
            explore_prob: 0.9,
            // Halves the weights (and the model file) and speeds parsing by ~30% for
            // -0.1 LAS on dev.
            min_weight: 1.0,
            min_subtype_count: 100,
            ensemble: 2,
        }
    }
}

/// A trained parser.
#[derive(Debug, Clone, PartialEq)]
pub struct Parser {
    labels: Vec<String>,
    root_label: u16,
    /// Label for words the parser left without a head.
    extra_label: u16,
    /// Word classes from unlabelled text (see [`crate::clusters`]); empty when trained
    /// without, which makes the cluster features constant.
    clusters: WordClusters,
    /// Hashes of the (lowercased) words seen in training. A feature with any other word
    /// in it cannot have weights, so parsing does not look it up (see [`gate`]).
    vocab: FxHashSet<u64>,
    /// Label ids for [`repair::appositive_subjects`].
    repair: repair::RepairLabels,
    weights: SparseWeights,
}

/// One parsed word: its head (0 = root) and label id (see [`Parser::label`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arc {
    pub head: u32,
    pub label: u16,
}

/// Reusable buffers for [`Parser::parse_into`]: parse many sentences without allocating.
#[derive(Default)]
pub struct ParseScratch {
    state: State,
    word: Vec<u64>,
    tag: Vec<u64>,
    upos: Vec<u64>,
    suffix: Vec<u64>,
    /// Running count of punctuation words up to each position.
    punct: Vec<u64>,
    /// Word class hash per position.
    cluster: Vec<u64>,
    /// Whether the word at each position was seen in training.
    known: Vec<bool>,
    feats: Vec<u64>,
    scores: Scores,
    /// Scores of the buffer-front features for the current front.
    front_scores: Scores,
    lower: String,
}

/// Score buffer indexed by a `u8` class.
struct Scores([f32; 256]);

impl Default for Scores {
    fn default() -> Self {
        Scores([0.0; 256])
    }
}

/// A parser block that does not read back.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ParserFormatError {
    #[error("not a parser block (bad magic)")]
    BadMagic,
    #[error("parser format version {0} is not supported")]
    UnsupportedVersion(u32),
    #[error("parser block is truncated")]
    Truncated,
    #[error("parser block is corrupt: {0}")]
    Corrupt(&'static str),
}

const MAGIC: &[u8; 4] = b"APAR";
const VERSION: u32 = 5;

/// Hash values for the positions that are not words.
const ROOT_WORD: u64 = 0x726f_6f74_776f_7264;
const NONE_WORD: u64 = 0x6e6f_6e65_776f_7264;

impl Parser {
    /// Trains on sentences whose UPOS/XPOS columns hold the tags to use as features
    /// (predicted tags, for a parser that will see predicted tags). Sentences without a
    /// complete, well-formed tree are skipped.
    pub fn train(sents: &[conllu::Sentence], opts: &ParserOptions) -> Parser {
        Self::train_with_log(sents, opts, &mut |_| {})
    }

    /// [`Parser::train`], reporting progress per epoch.
    pub fn train_with_log(
        sents: &[conllu::Sentence],
        opts: &ParserOptions,
        log: &mut dyn FnMut(&str),
    ) -> Parser {
        Self::train_views(&[sents], &WordClusters::default(), opts, log)
    }

    /// [`Parser::train_with_log`] where ensemble member `k` learns from
    /// `views[k % views.len()]`: the same sentences and trees with differently predicted
    /// tags, so that the members see different tagging errors. Labels come from `views[0]`.
    pub(crate) fn train_views(
        views: &[&[conllu::Sentence]],
        clusters: &WordClusters,
        opts: &ParserOptions,
        log: &mut dyn FnMut(&str),
    ) -> Parser {
        let labels = choose_labels(
            views.first().copied().unwrap_or(&[]),
            opts.min_subtype_count,
        );
        let label_id: FxHashMap<&str, u16> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (l.as_str(), i as u16))
            .collect();
        let root_label = label_id.get("root").copied().unwrap_or(0);
        let extra_label = label_id
            .get("parataxis")
            .or_else(|| label_id.get("dep"))
            .copied()
            .unwrap_or(root_label);
        let classes = Classes {
            n_labels: labels.len(),
        };

        // Per sentence: word and tag hashes (with root and sentinel), gold heads, labels.
        let mut datas: Vec<Vec<TrainSentence>> = Vec::new();
        let mut vocab = FxHashSet::default();
        let mut lifted = 0;
        let mut scratch = ParseScratch::default();
        for sents in views {
            let mut data = Vec::new();
            lifted = 0;
            for s in sents.iter() {
                let n = s.words.len();
                if n == 0 {
                    continue;
                }
                let mut heads = vec![0u32; n + 1];
                let mut ok = true;
                for (i, w) in s.words.iter().enumerate() {
                    match w.head {
                        Some(h) if (h as usize) <= n && h as usize != i + 1 => heads[i + 1] = h,
                        _ => ok = false,
                    }
                }
                if !ok || !system::is_tree(&heads) {
                    continue;
                }
                lifted += system::projectivize(&mut heads);
                let mut gl = vec![0u16; n + 1];
                for (i, w) in s.words.iter().enumerate() {
                    gl[i + 1] = label_id
                        .get(map_label(&w.deprel, &label_id))
                        .copied()
                        .unwrap_or(extra_label);
                }
                let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                let upos: Vec<&str> = s.words.iter().map(|w| w.upos.as_str()).collect();
                let xpos: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
                scratch.prepare(&forms, clusters, None, |i| (upos[i], xpos[i]));
                vocab.extend(&scratch.word[1..=n]);
                let lex = [
                    scratch.word.clone(),
                    scratch.tag.clone(),
                    scratch.upos.clone(),
                    scratch.suffix.clone(),
                    scratch.punct.clone(),
                    scratch.cluster.clone(),
                ];
                data.push((lex, heads, gl));
            }
            datas.push(data);
        }
        log(&format!(
            "parser: {} sentences, {} labels, {} arcs lifted, {} tag views",
            datas.first().map_or(0, |d| d.len()),
            labels.len(),
            lifted,
            datas.len()
        ));

        let none_label = labels.len() as u16;
        // Ensemble members differ in their seed (shuffling and exploration); member 0 is
        // the single model. They train in parallel and do not depend on the thread count.
        let members: Vec<(SparseTrainer, Vec<String>)> = (0..opts.ensemble.max(1))
            .into_par_iter()
            .map(|k| {
                let seed = opts.seed ^ (k as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
                let data = &datas[k % datas.len().max(1)];
                train_member(data, classes, root_label, none_label, opts, seed)
            })
            .collect();
        for (k, (_, lines)) in members.iter().enumerate() {
            for l in lines {
                log(&format!("member {k}: {l}"));
            }
        }
        let trainers: Vec<&SparseTrainer> = members.iter().map(|m| &m.0).collect();
        let weights = SparseTrainer::finish_mean(&trainers, opts.min_weight);
        log(&format!(
            "parser: {} features, {} weights kept",
            weights.n_features(),
            weights.n_weights()
        ));
        Parser {
            repair: repair::RepairLabels::new(&labels),
            labels,
            root_label,
            extra_label,
            clusters: clusters.clone(),
            vocab,
            weights,
        }
    }

    /// Label names, indexed by [`Arc::label`].
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The name of a label id (`"dep"` style fallback for ids out of range).
    pub fn label(&self, id: u16) -> &str {
        self.labels.get(id as usize).map_or("dep", |s| s.as_str())
    }

    /// Number of stored (feature, class) weights.
    pub fn n_weights(&self) -> usize {
        self.weights.n_weights()
    }

    /// Parses one sentence: head (0 = root) and label name per word. Convenience wrapper
    /// over [`Parser::parse_into`]; `xpos` may be empty strings when only UPOS is known.
    pub fn parse(&self, words: &[&str], upos: &[&str], xpos: &[&str]) -> Vec<(u32, &str)> {
        let mut scratch = ParseScratch::default();
        let mut out = Vec::new();
        self.parse_into(words, upos, xpos, &mut scratch, &mut out);
        out.iter().map(|a| (a.head, self.label(a.label))).collect()
    }

    /// The fast path: parses into `out` (cleared first) reusing `scratch`. `upos` and
    /// `xpos` must be as long as `words` (missing entries count as unknown tags).
    pub fn parse_into(
        &self,
        words: &[&str],
        upos: &[&str],
        xpos: &[&str],
        scratch: &mut ParseScratch,
        out: &mut Vec<Arc>,
    ) {
        let tag = |i: usize| {
            (
                upos.get(i).copied().unwrap_or(""),
                xpos.get(i).copied().unwrap_or(""),
            )
        };
        self.parse_into_with(words, tag, scratch, out)
    }

    /// [`Parser::parse_into`] with the (UPOS, XPOS) of word `i` from a function, so a
    /// caller holding tag ids need not build string slices.
    pub fn parse_into_with<'t>(
        &self,
        words: &[&str],
        tag: impl Fn(usize) -> (&'t str, &'t str),
        scratch: &mut ParseScratch,
        out: &mut Vec<Arc>,
    ) {
        out.clear();
        if words.is_empty() {
            return;
        }
        let tag_of = tag;
        scratch.prepare(words, &self.clusters, Some(&self.vocab), &tag_of);
        let classes = Classes {
            n_labels: self.labels.len(),
        };
        let nc = classes.count();
        let ParseScratch {
            state: st,
            word,
            tag,
            upos,
            suffix,
            punct,
            cluster,
            known,
            feats,
            scores,
            front_scores,
            ..
        } = scratch;
        let lex = Lex {
            w: word,
            p: tag,
            u: upos,
            sf: suffix,
            pc: punct,
            c: cluster,
            k: known,
        };
        let scores = &mut scores.0;
        let front_scores = &mut front_scores.0;
        st.init(words.len(), self.labels.len() as u16);
        let mut front = u32::MAX;
        while !st.done() {
            let legal = st.legal();
            if legal == [true, false, false, false] {
                // Only SHIFT is possible: nothing to score.
                st.apply(Move::Shift, 0);
                continue;
            }
            if st.b != front {
                front = st.b;
                feats.clear();
                extract_buffer(st, &lex, feats);
                front_scores[..nc].iter_mut().for_each(|x| *x = 0.0);
                self.weights.score(feats, front_scores);
            }
            feats.clear();
            extract_stack(st, &lex, feats);
            scores[..nc].copy_from_slice(&front_scores[..nc]);
            self.weights.score(feats, scores);
            let s0 = st.s0() as usize;
            let best = best_legal(scores, &legal, s0, classes.n_labels, self.root_label);
            let (m, l) = classes.decode(best);
            st.apply(m, l);
        }
        st.finish(self.root_label, self.extra_label);
        out.extend((1..=words.len()).map(|d| Arc {
            head: st.head[d],
            label: st.label[d],
        }));
        repair::appositive_subjects(words, |i| tag_of(i).0, out, &self.repair);
    }

    /// Serialises the parser (uncompressed; the model container compresses).
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(self.labels.len() as u32).to_le_bytes());
        for l in &self.labels {
            out.extend_from_slice(&(l.len() as u16).to_le_bytes());
            out.extend_from_slice(l.as_bytes());
        }
        out.extend_from_slice(&self.root_label.to_le_bytes());
        out.extend_from_slice(&self.extra_label.to_le_bytes());
        self.clusters.write(out);
        let mut vocab: Vec<u64> = self.vocab.iter().copied().collect();
        vocab.sort_unstable();
        write_varint(out, vocab.len() as u64);
        let mut prev = 0;
        for h in vocab {
            write_varint(out, h - prev);
            prev = h;
        }
        self.weights.write(out);
    }

    /// Reads what [`Parser::write`] wrote, advancing `input` past it.
    pub fn read(input: &mut &[u8]) -> Result<Parser, ParserFormatError> {
        use weights::{take, take_array};
        let tr = |_| ParserFormatError::Truncated;
        if take(input, 4).map_err(tr)? != MAGIC {
            return Err(ParserFormatError::BadMagic);
        }
        let version = u32::from_le_bytes(take_array(input).map_err(tr)?);
        if version != VERSION {
            return Err(ParserFormatError::UnsupportedVersion(version));
        }
        let n = u32::from_le_bytes(take_array(input).map_err(tr)?) as usize;
        if n == 0 || n > 126 {
            return Err(ParserFormatError::Corrupt("label count out of range"));
        }
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            let len = u16::from_le_bytes(take_array(input).map_err(tr)?) as usize;
            let bytes = take(input, len).map_err(tr)?;
            let s = std::str::from_utf8(bytes)
                .map_err(|_| ParserFormatError::Corrupt("label is not UTF-8"))?;
            labels.push(s.to_string());
        }
        let root_label = u16::from_le_bytes(take_array(input).map_err(tr)?);
        let extra_label = u16::from_le_bytes(take_array(input).map_err(tr)?);
        if root_label as usize >= n || extra_label as usize >= n {
            return Err(ParserFormatError::Corrupt("label id out of range"));
        }
        let clusters =
            WordClusters::read(input).map_err(|_| ParserFormatError::Corrupt("word clusters"))?;
        let n_vocab = read_varint(input).map_err(tr)? as usize;
        // Each word takes at least one byte: a corrupt count must not allocate wildly.
        if n_vocab > input.len() {
            return Err(ParserFormatError::Truncated);
        }
        let mut vocab = FxHashSet::with_capacity_and_hasher(n_vocab, Default::default());
        let mut prev = 0u64;
        for _ in 0..n_vocab {
            prev = prev
                .checked_add(read_varint(input).map_err(tr)?)
                .ok_or(ParserFormatError::Corrupt("vocabulary"))?;
            vocab.insert(prev);
        }
        let weights = SparseWeights::read(input).map_err(|e| match e {
            weights::WeightsError::Truncated => ParserFormatError::Truncated,
            weights::WeightsError::BadClass => ParserFormatError::Corrupt("class out of range"),
        })?;
        if weights.n_classes() != (Classes { n_labels: n }).count() {
            return Err(ParserFormatError::Corrupt(
                "class count does not match labels",
            ));
        }
        Ok(Parser {
            repair: repair::RepairLabels::new(&labels),
            labels,
            root_label,
            extra_label,
            clusters,
            vocab,
            weights,
        })
    }
}

/// Lexical hashes, gold heads and gold labels of one training sentence.
type TrainSentence = ([Vec<u64>; 6], Vec<u32>, Vec<u16>);

/// Trains one perceptron with the dynamic oracle; returns it and per-epoch log lines.
fn train_member(
    data: &[TrainSentence],
    classes: Classes,
    root_label: u16,
    none_label: u16,
    opts: &ParserOptions,
    seed: u64,
) -> (SparseTrainer, Vec<String>) {
    let mut log = Vec::new();
    let nc = classes.count();
    let mut trainer = SparseTrainer::new(nc);
    let mut rng = SplitMix(seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut st = State::default();
    let mut feats = Vec::with_capacity(128);
    let mut scores = vec![0f32; nc];
    let mut costs = vec![u32::MAX; nc];
    // Every training word is known.
    let longest = data.iter().map(|d| d.1.len()).max().unwrap_or(0);
    let known = vec![true; longest + 1];
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        let (mut correct, mut total) = (0usize, 0usize);
        for &si in &order {
            let (lex, gh, gl) = &data[si];
            let lex = Lex {
                w: &lex[0],
                p: &lex[1],
                u: &lex[2],
                sf: &lex[3],
                pc: &lex[4],
                c: &lex[5],
                k: &known,
            };
            st.init(gh.len() - 1, none_label);
            while !st.done() {
                feats.clear();
                extract_buffer(&st, &lex, &mut feats);
                extract_stack(&st, &lex, &mut feats);
                scores.iter_mut().for_each(|x| *x = 0.0);
                trainer.score(&feats, &mut scores);
                let legal = st.legal();
                let mc = st.move_costs(gh);
                let s0 = st.s0() as usize;
                let b = st.b as usize;
                let mut best = (f32::NEG_INFINITY, 0usize);
                let mut min_cost = u32::MAX;
                for (c, cost) in costs.iter_mut().enumerate() {
                    *cost = u32::MAX;
                    let (m, l) = classes.decode(c);
                    if !class_legal(&legal, m, l, s0, root_label) {
                        continue;
                    }
                    let mut k = mc[m as usize];
                    match m {
                        Move::Left if gh[s0] as usize == b && gl[s0] != l => k += 1,
                        Move::Right if gh[b] as usize == s0 && gl[b] != l => k += 1,
                        _ => {}
                    }
                    *cost = k;
                    min_cost = min_cost.min(k);
                    if scores[c] > best.0 {
                        best = (scores[c], c);
                    }
                }
                let guess = best.1;
                let mut truth = (f32::NEG_INFINITY, guess);
                for (c, &k) in costs.iter().enumerate() {
                    if k == min_cost && scores[c] > truth.0 {
                        truth = (scores[c], c);
                    }
                }
                let truth = truth.1;
                let guess_ok = costs[guess] == min_cost;
                if !guess_ok {
                    trainer.update(&feats, truth, guess);
                }
                trainer.tick();
                correct += usize::from(guess_ok);
                total += 1;
                let follow = if guess_ok
                    || (epoch >= opts.explore_from && rng.next_f64() < opts.explore_prob)
                {
                    guess
                } else {
                    truth
                };
                let (m, l) = classes.decode(follow);
                st.apply(m, l);
            }
        }
        log.push(format!(
            "parser epoch {}: {:.2}% zero-cost moves, {} features",
            epoch + 1,
            100.0 * correct as f64 / total.max(1) as f64,
            trainer.n_features()
        ));
    }
    (trainer, log)
}

/// The best-scoring legal class, scanning the label ranges without decoding each class.
#[inline]
fn best_legal(scores: &[f32], legal: &[bool; 4], s0: usize, n_labels: usize, root: u16) -> usize {
    let mut best = (f32::NEG_INFINITY, 0usize);
    let mut consider = |c: usize| {
        if scores[c] > best.0 {
            best = (scores[c], c);
        }
    };
    if legal[0] {
        consider(0);
    }
    if legal[1] {
        consider(1);
    }
    let root = root as usize;
    if legal[2] {
        (2..2 + n_labels)
            .filter(|&c| c != 2 + root)
            .for_each(&mut consider);
    }
    if legal[3] {
        let base = 2 + n_labels;
        if s0 == 0 {
            consider(base + root);
        } else {
            (base..base + n_labels)
                .filter(|&c| c != base + root)
                .for_each(&mut consider);
        }
    }
    best.1
}

/// Whether a labelled class is allowed: the root takes only `root`, nothing else does.
#[inline]
fn class_legal(legal: &[bool; 4], m: Move, l: u16, s0: usize, root_label: u16) -> bool {
    match m {
        Move::Shift | Move::Reduce => legal[m as usize],
        Move::Left => legal[2] && l != root_label,
        Move::Right => legal[3] && ((s0 == 0) == (l == root_label)),
    }
}

/// The label inventory: every base label, plus subtypes seen at least `min_count` times.
fn choose_labels(sents: &[conllu::Sentence], min_count: usize) -> Vec<String> {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for s in sents {
        for w in &s.words {
            if !w.deprel.is_empty() {
                *counts.entry(w.deprel.as_str()).or_default() += 1;
            }
        }
    }
    let mut labels: Vec<String> = counts
        .iter()
        .map(|(&l, &c)| {
            let base = l.split(':').next().unwrap_or(l);
            if c >= min_count {
                l.to_string()
            } else {
                base.to_string()
            }
        })
        .chain(["root".to_string(), "dep".to_string()])
        .collect();
    labels.sort();
    labels.dedup();
    labels.truncate(126);
    labels
}

/// The training label for a gold relation: itself if kept, else its base.
fn map_label<'a>(deprel: &'a str, kept: &FxHashMap<&str, u16>) -> &'a str {
    if kept.contains_key(deprel) {
        deprel
    } else {
        deprel.split(':').next().unwrap_or(deprel)
    }
}

impl ParseScratch {
    /// Hashes words (lowercased) and tags once per sentence; index 0 is the root, index
    /// `len` the "none" sentinel.
    /// Without a `vocab`, every word counts as known (training).
    fn prepare<'t>(
        &mut self,
        words: &[&str],
        clusters: &WordClusters,
        vocab: Option<&FxHashSet<u64>>,
        tag: impl Fn(usize) -> (&'t str, &'t str),
    ) {
        for v in [
            &mut self.word,
            &mut self.tag,
            &mut self.upos,
            &mut self.suffix,
            &mut self.cluster,
        ] {
            v.clear();
            v.push(ROOT_WORD);
        }
        self.punct.clear();
        self.punct.push(0);
        self.known.clear();
        self.known.push(true);
        for (i, w) in words.iter().enumerate() {
            let wh = if w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
                self.lower.clear();
                self.lower.extend(w.chars().flat_map(char::to_lowercase));
                hash_bytes(self.lower.as_bytes())
            } else {
                hash_bytes(w.as_bytes())
            };
            self.word.push(wh);
            self.known.push(vocab.is_none_or(|v| v.contains(&wh)));
            let lw = if self.lower.is_empty() {
                w
            } else {
                self.lower.as_str()
            };
            let cut = lw.char_indices().rev().nth(2).map_or(0, |(at, _)| at);
            self.suffix
                .push(mix(0x5f, hash_bytes(&lw.as_bytes()[cut..])));
            let class = clusters.class_of_key(cluster_key(w, &mut self.lower));
            self.cluster.push(mix(0xc1a55, class as u64));
            self.lower.clear();
            let (u, x) = tag(i);
            let t = if x.is_empty() || x == "_" { u } else { x };
            self.tag.push(mix(0x7a6, hash_bytes(t.as_bytes())));
            self.upos.push(mix(0x0b0, hash_bytes(u.as_bytes())));
            let is_punct =
                u == "PUNCT" || (!w.is_empty() && w.bytes().all(|b| b.is_ascii_punctuation()));
            let last = self.punct.last().copied().unwrap_or(0);
            self.punct.push(last + u64::from(is_punct));
        }
        let last = self.punct.last().copied().unwrap_or(0);
        self.punct.push(last);

        self.known.push(true);
        for v in [
            &mut self.word,
            &mut self.tag,
            &mut self.upos,
            &mut self.suffix,
            &mut self.cluster,
        ] {
            v.push(NONE_WORD);
        }
    }
}

#[inline]
fn h2(t: u64, a: u64) -> u64 {
    mix(t, a)
}
#[inline]
fn h3(t: u64, a: u64, b: u64) -> u64 {
    mix(mix(t, a), b)
}
#[inline]
fn h4(t: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(mix(mix(t, a), b), c)
}

/// Per-position hashes of one sentence (root at 0, sentinel at the end).
struct Lex<'a> {
    w: &'a [u64],
    p: &'a [u64],
    u: &'a [u64],
    sf: &'a [u64],
    pc: &'a [u64],
    c: &'a [u64],
    /// Whether each word was seen in training (see [`gate`]).
    k: &'a [bool],
}

/// A key that no model holds (its weights would need a feature seen in training).
const ABSENT: u64 = 0x0bad_f00d_0bad_f00d;

/// `key` if all of its words were seen in training, else [`ABSENT`]: a feature with an
/// unseen word has no weights, so there is no point probing the table for it (a probe
/// is a cache miss, and these are a fifth of the lexical probes on news text). ABSENT
/// itself is probed, but always the same slot, which stays in cache.
#[inline(always)]
fn gate(known: bool, key: u64) -> u64 {
    if known {
        key
    } else {
        ABSENT
    }
}

/// Distance buckets: 1, 2, 3, 4, 5-6, 7-9, 10+.
#[inline]
fn dist_bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// The features of the buffer front alone (words, tags and classes of n0, n1, n2),
/// appended to `f`: they stay the same until the front moves, so parsing scores them once
/// per front (about every other transition) instead of once per transition.
fn extract_buffer(st: &State, lex: &Lex, f: &mut Vec<u64>) {
    let (w, p, sf, c) = (lex.w, lex.p, lex.sf, lex.c);
    let len = st.len;
    let b = st.b as usize;
    let n0 = if b < len { b } else { len };
    let n1 = if b + 1 < len { b + 1 } else { len };
    let n2 = if b + 2 < len { b + 2 } else { len };
    let (n0w, n0p, n1w, n1p, n2w, n2p) = (w[n0], p[n0], w[n1], p[n1], w[n2], p[n2]);
    let n0wp = mix(n0w, n0p);
    let (k0, k1, k2) = (lex.k[n0], lex.k[n1], lex.k[n2]);
    let lexical = f.len();
    f.extend_from_slice(&[
        gate(k0, h2(4, n0w)),
        gate(k0, h2(6, n0wp)),
        gate(k1, h2(7, n1w)),
        gate(k1, h2(9, mix(n1w, n1p))),
        gate(k2, h2(10, n2w)),
        gate(k2, h2(12, mix(n2w, n2p))),
        h2(86, sf[n0]),
        gate(k0 & k1, h3(91, n0w, n1w)),
    ]);
    for x in &mut f[lexical..] {
        *x &= !HOT;
    }
    let hot = f.len();
    f.extend_from_slice(&[
        h2(5, n0p),
        h2(8, n1p),
        h2(11, n2p),
        h3(20, n0p, n1p),
        h4(21, n0p, n1p, n2p),
        h2(96, c[n0]),
        h2(97, c[n1]),
        h3(101, c[n0], c[n1]),
        // The bias.
        h2(73, 0),
    ]);
    for x in &mut f[hot..] {
        *x |= HOT;
    }
}

/// The rest of the Zhang & Nivre (2011) feature set (plus s1, s2 and a bias), with our
/// additions, appended to `f`.
fn extract_stack(st: &State, lex: &Lex, f: &mut Vec<u64>) {
    let (w, p, u, sf, c) = (lex.w, lex.p, lex.u, lex.sf, lex.c);
    let len = st.len;
    let ix = |x: u32| if x == NONE { len } else { x as usize };
    let s0 = st.s0() as usize;
    let b = st.b as usize;
    let n0 = if b < len { b } else { len };
    let n1 = if b + 1 < len { b + 1 } else { len };
    let s1 = if st.stack.len() >= 2 {
        st.stack[st.stack.len() - 2] as usize
    } else {
        len
    };
    let s2 = if st.stack.len() >= 3 {
        st.stack[st.stack.len() - 3] as usize
    } else {
        len
    };
    let pb = if n0 < len {
        (lex.pc[n0 - 1] - lex.pc[s0]).min(3)
    } else {
        0
    };
    let s0h = ix(st.head[s0]);
    let s0h2 = ix(st.head[s0h]);
    let (s0l, s0l2, s0r, s0r2) = (ix(st.l1[s0]), ix(st.l2[s0]), ix(st.r1[s0]), ix(st.r2[s0]));
    let (n0l, n0l2) = (ix(st.l1[n0]), ix(st.l2[n0]));
    let lab = |x: usize| st.label[x] as u64;
    let d = if n0 < len { dist_bucket(n0 - s0) } else { 0 };
    let (s0w, s0p, n0w, n0p) = (w[s0], p[s0], w[n0], p[n0]);
    let n1p = p[n1];
    let s0wp = mix(s0w, s0p);
    let n0wp = mix(n0w, n0p);
    let (vl0, vr0, vln) = (st.vl[s0] as u64, st.vr[s0] as u64, st.vl[n0] as u64);
    // Features with a word or suffix in them: many rows, each read rarely, filed in the
    // weight table's cold region.
    let lexical = f.len();
    let k = lex.k;
    let (ks0, kn0) = (k[s0], k[n0]);
    f.extend_from_slice(&[
        gate(ks0, h2(1, s0w)),
        gate(ks0, h2(3, s0wp)),
        gate(k[s0h], h2(39, w[s0h])),
        gate(k[s0l], h2(42, w[s0l])),
        gate(k[s0r], h2(45, w[s0r])),
        gate(k[n0l], h2(48, w[n0l])),
        gate(k[s0h2], h2(51, w[s0h2])),
        gate(k[n0l2], h2(60, w[n0l2])),
        gate(ks0 & kn0, h3(13, s0wp, n0wp)),
        gate(ks0 & kn0, h3(14, s0wp, n0w)),
        gate(ks0 & kn0, h3(15, s0w, n0wp)),
        gate(ks0, h3(16, s0wp, n0p)),
        gate(kn0, h3(17, s0p, n0wp)),
        gate(ks0 & kn0, h3(18, s0w, n0w)),
        gate(ks0, h3(27, s0w, d)),
        gate(ks0 & kn0, h4(31, s0w, n0w, d)),
        gate(k[s1] & ks0, h3(76, w[s1], s0w)),
        gate(kn0, h3(82, u[s0], n0w)),
        h3(84, p[s0], sf[n0]),
        h3(85, sf[s0], sf[n0]),
        gate(ks0, h3(92, s0w, n1p)),
    ]);
    for x in &mut f[lexical..] {
        *x &= !HOT;
    }
    // Features of tags, labels, valencies and distances only: few rows, read by every
    // transition, filed in the weight table's hot region.
    let hot = f.len();
    f.extend_from_slice(&[
        h2(2, s0p),
        h3(19, s0p, n0p),
        h4(22, s0p, n0p, n1p),
        h4(23, p[s0h], s0p, n0p),
        h4(24, s0p, p[s0l], n0p),
        h4(25, s0p, p[s0r], n0p),
        h4(26, s0p, n0p, p[n0l]),
        h3(28, s0p, d),
        h3(30, n0p, d),
        h4(32, s0p, n0p, d),
        h3(34, s0p, vr0),
        h3(36, s0p, vl0),
        h3(38, n0p, vln),
        h2(40, p[s0h]),
        h2(41, lab(s0)),
        h2(43, p[s0l]),
        h2(44, lab(s0l)),
        h2(46, p[s0r]),
        h2(47, lab(s0r)),
        h2(49, p[n0l]),
        h2(50, lab(n0l)),
        h2(52, p[s0h2]),
        h2(53, lab(s0h)),
        h2(55, p[s0l2]),
        h2(56, lab(s0l2)),
        h2(61, p[n0l2]),
        h2(62, lab(n0l2)),
        h4(63, s0p, p[s0l], p[s0l2]),
        h4(64, s0p, p[s0r], p[s0r2]),
        h4(65, s0p, p[s0h], p[s0h2]),
        h4(66, n0p, p[n0l], p[n0l2]),
        h3(68, s0p, st.rs[s0]),
        h3(70, s0p, st.ls[s0]),
        h3(72, n0p, st.ls[n0]),
        h2(74, p[s1]),
        h4(75, p[s1], s0p, n0p),
        h3(77, u[s0], u[n0]),
        h4(78, u[s0], u[n0], u[n1]),
        h4(79, u[s1], u[s0], u[n0]),
        h4(80, u[s0h], u[s0], u[n0]),
        h4(87, s0p, n0p, pb),
        h3(88, lab(s0), pb),
        h2(89, p[s2]),
        h4(90, p[s2], p[s1], s0p),
        h4(93, lab(s0), s0p, n0p),
        h4(94, p[s0h], lab(s0), n0p),
        // Word classes from unlabelled news (see `crate::clusters`).
        h2(95, c[s0]),
        h3(98, c[s0], c[n0]),
        h3(99, c[s0], n0p),
        h3(100, s0p, c[n0]),
        h3(102, c[s0h], c[s0]),
        h3(103, c[s1], c[s0]),
        h3(104, c[s0l], c[s0]),
        h3(105, c[s0r], c[s0]),
        h3(106, c[n0l], c[n0]),
        h4(107, c[s0], c[n0], d),
    ]);
    for x in &mut f[hot..] {
        *x |= HOT;
    }
}

/// SplitMix64: a tiny seeded generator, so training is reproducible without a crate.
struct SplitMix(u64);

impl SplitMix {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: &str = "\
1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tsold\tsell\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tcar\tcar\tNOUN\tNN\t_\t2\tobj\t_\t_
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tbought\tbuy\tVERB\tVBD\t_\t0\troot\t_\t_
3\ta\ta\tDET\tDT\t_\t5\tdet\t_\t_
4\tred\tred\tADJ\tJJ\t_\t5\tamod\t_\t_
5\thouse\thouse\tNOUN\tNN\t_\t2\tobj\t_\t_

";

    /// Skipping the lookups of features with unseen words must not change any parse:
    /// the same parser with every word of the test sentences in its vocabulary (so that
    /// nothing is skipped) parses them identically.
    #[test]
    fn skipping_features_of_unseen_words_changes_no_parse() {
        let sents = conllu::parse(TINY).unwrap();
        let opts = ParserOptions {
            epochs: 10,
            min_subtype_count: 1,
            min_weight: 0.0,
            ..ParserOptions::default()
        };
        let gated = Parser::train(&sents, &opts);
        assert!(gated.vocab.contains(&hash_bytes(b"sold")));
        assert!(!gated.vocab.contains(&hash_bytes(b"zebra")));
        let mut open = gated.clone();
        let tests: [&[&str]; 3] = [
            &["She", "sold", "the", "zebra", "."],
            &["Zebras", "bought", "a", "red", "car"],
            &["He", "sold", "the", "red", "house", "."],
        ];
        let tags = |w: &[&str]| -> Vec<&'static str> {
            w.iter()
                .map(|w| match *w {
                    "She" | "He" => "PRP",
                    "sold" | "bought" => "VBD",
                    "the" | "a" => "DT",
                    "red" => "JJ",
                    "." => ".",
                    _ => "NN",
                })
                .collect()
        };
        for words in tests {
            for w in words {
                open.vocab.insert(hash_bytes(w.to_lowercase().as_bytes()));
            }
        }
        for words in tests {
            let t = tags(words);
            assert_eq!(
                gated.parse(words, &t, &t),
                open.parse(words, &t, &t),
                "{words:?}"
            );
        }
        // The vocabulary is part of the model file.
        let mut bytes = Vec::new();
        gated.write(&mut bytes);
        assert_eq!(Parser::read(&mut bytes.as_slice()).unwrap(), gated);
    }
}
