//! Part-of-speech tagging (UPOS + XPOS) and lemmas.
//!
//! A greedy left-to-right averaged perceptron predicts the (UPOS, XPOS) pair as one class
//! (only pairs seen in training exist, so the two tags never disagree). Frequent words
//! with a single tag skip the classifier through a tag dictionary; that is both faster and
//! as accurate. Lemmas come from a (lowercase form, XPOS) exception table learned from
//! the treebank, falling back to English inflection rules (see [`lemma`]).

mod features;
mod lemma;
mod weights;

use crate::conllu::Sentence;
use crate::perceptron::{hash_bytes, mix, Trainer};
use features::{extract, WordHashes};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;
use weights::FastWeights;

/// Training settings. The defaults are what the shipped model uses.
#[derive(Debug, Clone, PartialEq)]
pub struct TaggerOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the sentence shuffle (the only randomness in training).
    pub seed: u64,
    /// Averaged weights smaller than this are dropped (smaller model, same accuracy).
    pub min_abs: f32,
    /// A word enters the tag dictionary when seen at least this often...
    pub dict_min_count: u32,
    /// ...with one class at least this share of the time.
    pub dict_min_share: f64,
    /// Words seen at least this often may only get classes seen with them (0 = off).
    pub restrict_min_count: u32,
    /// Words (lowercased) seen at least this often get an ambiguity-class feature.
    pub amb_min_count: u32,
}

impl Default for TaggerOptions {
    fn default() -> Self {
        TaggerOptions {
            epochs: 10,
            seed: 0x7a66_e7a1,
            min_abs: 0.5,
            dict_min_count: 20,
            dict_min_share: 0.995,
            restrict_min_count: 0,
            amb_min_count: 1,
        }
    }
}

/// A trained tagger: weights, tag tables and lemma tables.
#[derive(Clone, PartialEq)]
pub struct Tagger {
    upos_names: Vec<String>,
    xpos_names: Vec<String>,
    /// Class id → (UPOS id, XPOS id).
    classes: Vec<(u8, u8)>,
    /// Form hash → class, for frequent unambiguous words.
    dict: FxHashMap<u64, u16>,
    /// Form hash → range of `cand_classes`: the classes a known word may take.
    cands: FxHashMap<u64, (u32, u32)>,
    cand_classes: Vec<u16>,
    /// Lowercase hash → ambiguity class hash (see [`WordHashes::amb`]).
    ambiguity: FxHashMap<u64, u64>,
    /// `mix(lowercase hash, XPOS id)` → lemma, where the rules would get it wrong.
    lemma_exceptions: FxHashMap<u64, String>,
    /// Hashes of lowercase lemmas seen in training (lets the rules pick "use" over "us").
    lexicon: FxHashSet<u64>,
    weights: FastWeights,
}

impl std::fmt::Debug for Tagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tagger")
            .field("upos", &self.upos_names.len())
            .field("xpos", &self.xpos_names.len())
            .field("classes", &self.classes.len())
            .field("dict", &self.dict.len())
            .field("ambiguity", &self.ambiguity.len())
            .field("lemma_exceptions", &self.lemma_exceptions.len())
            .field("features", &self.weights.n_rows())
            .field("weights", &self.weights.n_weights())
            .finish()
    }
}

/// Tags for one sentence. Ids index [`Tagger::upos_name`] / [`Tagger::xpos_name`].
/// Reuse one `Tagged` across sentences with [`Tagger::tag_into`] to avoid allocation.
#[derive(Debug, Clone, Default)]
pub struct Tagged {
    pub upos: Vec<u8>,
    pub xpos: Vec<u8>,
    lemma_text: String,
    lemma_ends: Vec<u32>,
    scratch: Scratch,
}

#[derive(Debug, Clone, Default)]
struct Scratch {
    hashes: Vec<WordHashes>,
    classes: Vec<u16>,
    feats: Vec<u64>,
    /// 256 long, as [`FastWeights::score`] wants.
    scores: Vec<f32>,
    lower: String,
}

impl Tagged {
    pub fn len(&self) -> usize {
        self.upos.len()
    }

    pub fn is_empty(&self) -> bool {
        self.upos.is_empty()
    }

    /// The lemma of word `i`.
    pub fn lemma(&self, i: usize) -> &str {
        let start = if i == 0 {
            0
        } else {
            self.lemma_ends[i - 1] as usize
        };
        &self.lemma_text[start..self.lemma_ends[i] as usize]
    }

    pub fn lemmas(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.lemma(i))
    }
}

/// Bytes that do not read as a tagger block.
#[derive(Debug, thiserror::Error)]
pub enum TaggerFormatError {
    #[error("not a tagger block (bad magic)")]
    BadMagic,
    #[error("unsupported tagger block version {0}")]
    Version(u32),
    #[error("tagger block is truncated")]
    Truncated,
    #[error("tagger block has invalid UTF-8 in a name or lemma")]
    Utf8,
    #[error("tagger block is inconsistent: {0}")]
    Invalid(&'static str),
}

const MAGIC: &[u8; 4] = b"ATG2";
const VERSION: u32 = 1;

/// SplitMix64: our own PRNG, so a seed means the same shuffle everywhere.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

fn lemma_key(lower: u64, xpos: u8) -> u64 {
    mix(lower, xpos as u64)
}

/// Hashes `words` into `hashes` with two pads on each side.
fn hash_sentence<'a>(
    words: impl Iterator<Item = &'a str>,
    hashes: &mut Vec<WordHashes>,
    lower: &mut String,
) {
    hashes.clear();
    hashes.push(WordHashes::pad(0));
    hashes.push(WordHashes::pad(0));
    for w in words {
        hashes.push(WordHashes::compute(w, lower));
    }
    hashes.push(WordHashes::pad(1));
    hashes.push(WordHashes::pad(1));
}

/// Looks up the ambiguity class of every (unpadded) word.
fn fill_ambiguity(ambiguity: &FxHashMap<u64, u64>, hashes: &mut [WordHashes]) {
    let n = hashes.len();
    for h in &mut hashes[2..n - 2] {
        if let Some(&a) = ambiguity.get(&h.lower) {
            h.amb = a;
        }
    }
}

impl Tagger {
    /// Trains on `sents` (gold UPOS and XPOS; lemmas for the lemma table).
    /// Deterministic: the same data and options give the same bytes.
    pub fn train(sents: &[Sentence], opts: &TaggerOptions) -> Tagger {
        // Tag inventories, sorted by name so ids do not depend on data order.
        let mut upos_set = BTreeMap::new();
        let mut xpos_set = BTreeMap::new();
        for w in sents.iter().flat_map(|s| &s.words) {
            upos_set.insert(w.upos.as_str(), 0u8);
            xpos_set.insert(w.xpos.as_str(), 0u8);
        }
        // Ids are u8: a treebank with more than 256 tags is not one we know how to use.
        let upos_names: Vec<String> = upos_set.keys().take(256).map(|s| s.to_string()).collect();
        let xpos_names: Vec<String> = xpos_set.keys().take(256).map(|s| s.to_string()).collect();
        for (i, v) in upos_set.values_mut().enumerate() {
            *v = i.min(255) as u8;
        }
        for (i, v) in xpos_set.values_mut().enumerate() {
            *v = i.min(255) as u8;
        }
        let mut class_set = BTreeMap::new();
        for w in sents.iter().flat_map(|s| &s.words) {
            class_set.insert((upos_set[w.upos.as_str()], xpos_set[w.xpos.as_str()]), 0u16);
        }
        for (i, v) in class_set.values_mut().enumerate() {
            *v = i as u16;
        }
        let classes: Vec<(u8, u8)> = class_set.keys().copied().collect();
        let n_classes = classes.len().max(1);

        // Per-sentence hashes and gold classes, computed once for all epochs.
        let mut lower = String::new();
        let mut data: Vec<(Vec<WordHashes>, Vec<u16>)> = Vec::with_capacity(sents.len());
        for s in sents {
            let mut hashes = Vec::with_capacity(s.words.len() + 4);
            hash_sentence(
                s.words.iter().map(|w| w.form.as_str()),
                &mut hashes,
                &mut lower,
            );
            let gold = s
                .words
                .iter()
                .map(|w| class_set[&(upos_set[w.upos.as_str()], xpos_set[w.xpos.as_str()])])
                .collect();
            data.push((hashes, gold));
        }

        // Tag dictionary and candidate sets, from per-form class counts.
        let mut form_counts: FxHashMap<u64, BTreeMap<u16, u32>> = FxHashMap::default();
        for (hashes, gold) in &data {
            for (h, &c) in hashes[2..hashes.len() - 2].iter().zip(gold) {
                *form_counts.entry(h.form).or_default().entry(c).or_default() += 1;
            }
        }
        let mut form_keys: Vec<u64> = form_counts.keys().copied().collect();
        form_keys.sort_unstable();
        let mut dict = FxHashMap::default();
        let mut cands = FxHashMap::default();
        let mut cand_classes = Vec::new();
        for key in form_keys {
            let counts = &form_counts[&key];
            let total: u32 = counts.values().sum();
            let (&best, &n_best) = counts
                .iter()
                .max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))
                .expect("a counted form has a class");
            if total >= opts.dict_min_count && n_best as f64 >= opts.dict_min_share * total as f64 {
                dict.insert(key, best);
            } else if opts.restrict_min_count > 0 && total >= opts.restrict_min_count {
                let start = cand_classes.len() as u32;
                cand_classes.extend(counts.keys().copied());
                cands.insert(key, (start, cand_classes.len() as u32));
            }
        }

        // Ambiguity classes, by lowercase form. Training sentences get theirs from the
        // other folds only: otherwise a rare word's class would always contain its gold
        // tag, and the model would trust the feature more than it deserves on new text.
        const FOLDS: usize = 5;
        let mut total: FxHashMap<u64, BTreeMap<u16, u32>> = FxHashMap::default();
        let mut per_fold: Vec<FxHashMap<u64, BTreeMap<u16, u32>>> =
            vec![FxHashMap::default(); FOLDS];
        for (s, (hashes, gold)) in data.iter().enumerate() {
            for (h, &c) in hashes[2..hashes.len() - 2].iter().zip(gold) {
                *total.entry(h.lower).or_default().entry(c).or_default() += 1;
                *per_fold[s % FOLDS]
                    .entry(h.lower)
                    .or_default()
                    .entry(c)
                    .or_default() += 1;
            }
        }
        let amb_of = |counts: &mut dyn Iterator<Item = (u16, u32)>| -> Option<u64> {
            let mut sum = 0;
            let mut h = 0x0a3b_u64;
            for (c, n) in counts {
                if n > 0 {
                    sum += n;
                    h = mix(h, c as u64);
                }
            }
            (sum >= opts.amb_min_count.max(1)).then_some(h)
        };
        let mut ambiguity = FxHashMap::default();
        for (&key, counts) in &total {
            if let Some(a) = amb_of(&mut counts.iter().map(|(&c, &n)| (c, n))) {
                ambiguity.insert(key, a);
            }
        }
        for (s, (hashes, _)) in data.iter_mut().enumerate() {
            let fold = &per_fold[s % FOLDS];
            let n = hashes.len();
            for h in &mut hashes[2..n - 2] {
                let mine = &fold[&h.lower];
                let mut rest = total[&h.lower]
                    .iter()
                    .map(|(&c, &n)| (c, n - mine.get(&c).copied().unwrap_or(0)));
                h.amb = amb_of(&mut rest).unwrap_or(features::AMB_UNKNOWN);
            }
        }

        let (lemma_exceptions, lexicon) = learn_lemmas(sents, &xpos_set);

        let mut tagger = Tagger {
            upos_names,
            xpos_names,
            classes,
            dict,
            cands,
            cand_classes,
            ambiguity,
            lemma_exceptions,
            lexicon,
            weights: FastWeights::from_weights(&Trainer::new(n_classes).finish(0.0)),
        };

        let mut trainer = Trainer::new(n_classes);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = SplitMix(opts.seed);
        let mut feats = Vec::with_capacity(64);
        let mut scores = vec![0.0f32; n_classes];
        for _ in 0..opts.epochs {
            rng.shuffle(&mut order);
            for &s in &order {
                let (hashes, gold) = &data[s];
                let (mut t1, mut t2) = (0u64, 0u64);
                for (i, &truth) in gold.iter().enumerate() {
                    let guess = match tagger.dict.get(&hashes[i + 2].form) {
                        Some(&c) => c,
                        None => {
                            extract(hashes, i + 2, t1, t2, None, &mut feats);
                            scores.fill(0.0);
                            trainer.score(&feats, &mut scores);
                            let g = tagger.best(hashes[i + 2].form, &scores);
                            trainer.update(&feats, truth as usize, g as usize);
                            trainer.tick();
                            g
                        }
                    };
                    t2 = t1;
                    t1 = guess as u64 + 1;
                }
            }
        }
        tagger.weights = FastWeights::from_weights(&trainer.finish(opts.min_abs));
        tagger
    }

    /// The highest-scoring class for one word, among its candidates if it has any.
    #[inline]
    fn best(&self, form: u64, scores: &[f32]) -> u16 {
        if let Some(&(s, e)) = self.cands.get(&form) {
            let mut best = self.cand_classes[s as usize];
            for &c in &self.cand_classes[s as usize + 1..e as usize] {
                if scores[c as usize] > scores[best as usize] {
                    best = c;
                }
            }
            return best;
        }
        let mut best = 0;
        for (c, &v) in scores.iter().enumerate() {
            if v > scores[best] {
                best = c;
            }
        }
        best as u16
    }

    /// Whether training showed this word often enough to give it a tag dictionary entry,
    /// a candidate set or an ambiguity class (case-insensitively for the last).
    pub fn knows(&self, word: &str) -> bool {
        if self.dict.contains_key(&hash_bytes(word.as_bytes()))
            || self.cands.contains_key(&hash_bytes(word.as_bytes()))
        {
            return true;
        }
        if !word.chars().any(char::is_uppercase) {
            return self.ambiguity.contains_key(&hash_bytes(word.as_bytes()));
        }
        let mut lower = String::with_capacity(word.len());
        lemma::push_lower(word, &mut lower);
        self.ambiguity.contains_key(&hash_bytes(lower.as_bytes()))
    }

    /// An irregular past tense or participle ("froze", "swore", "fled") that training
    /// never showed: its suffix features say noun ("The EU froze aid": froze/NN), but
    /// the word can only be a verb form. `lower` is scratch space.
    fn is_unseen_irregular_past(&self, word: &str, lower: &mut String) -> bool {
        lower.clear();
        lemma::push_lower(word, lower);
        lemma::irregular_past(lower).is_some()
            && !self.cands.contains_key(&hash_bytes(word.as_bytes()))
            && !self.ambiguity.contains_key(&hash_bytes(lower.as_bytes()))
    }

    /// The highest-scoring class among the past tags the form can have (`lower`, from
    /// [`lemma::irregular_past_tags`]: VBD, VBN or both), falling back to the overall best
    /// if the tag set has none of them.
    fn best_past(&self, lower: &str, scores: &[f32]) -> u16 {
        let allowed = lemma::irregular_past_tags(lower);
        let mut best: Option<usize> = None;
        // UPOS VERB only: the treebank also has a rare X/VBD class, which the parser
        // does not read as a clause's verb.
        for (c, &(u, x)) in self.classes.iter().enumerate().take(scores.len()) {
            if allowed.contains(&self.xpos_name(x))
                && self.upos_name(u) == "VERB"
                && best.is_none_or(|b| scores[c] > scores[b])
            {
                best = Some(c);
            }
        }
        match best {
            Some(b) => b as u16,
            None => self.best(0, scores),
        }
    }

    /// Tags one sentence of word forms.
    pub fn tag(&self, words: &[&str]) -> Tagged {
        let mut out = Tagged::default();
        self.tag_into(words, &mut out);
        out
    }

    /// Tags one sentence into `out`, reusing its buffers (no allocation once warm).
    pub fn tag_into(&self, words: &[&str], out: &mut Tagged) {
        let sc = &mut out.scratch;
        hash_sentence(words.iter().copied(), &mut sc.hashes, &mut sc.lower);
        fill_ambiguity(&self.ambiguity, &mut sc.hashes);
        sc.scores.resize(256, 0.0);
        let n_classes = self.classes.len().max(1);
        sc.classes.clear();
        let (mut t1, mut t2) = (0u64, 0u64);
        for (i, word) in words.iter().enumerate() {
            let form = sc.hashes[i + 2].form;
            let c = match self.dict.get(&form) {
                Some(&c) => c,
                None => {
                    extract(&sc.hashes, i + 2, t1, t2, None, &mut sc.feats);
                    let scores: &mut [f32; 256] = (&mut sc.scores[..256])
                        .try_into()
                        .expect("resized to 256 above");
                    scores[..n_classes].fill(0.0);
                    self.weights.score(&sc.feats, scores);
                    if self.is_unseen_irregular_past(word, &mut sc.lower) {
                        self.best_past(&sc.lower, &scores[..n_classes])
                    } else {
                        self.best(form, &scores[..n_classes])
                    }
                }
            };
            sc.classes.push(c);
            t2 = t1;
            t1 = c as u64 + 1;
        }

        out.upos.clear();
        out.xpos.clear();
        out.lemma_text.clear();
        out.lemma_ends.clear();
        let known = |s: &str| self.lexicon.contains(&hash_bytes(s.as_bytes()));
        for (i, &c) in sc.classes.iter().enumerate() {
            let (u, x) = self.classes.get(c as usize).copied().unwrap_or((0, 0));
            out.upos.push(u);
            out.xpos.push(x);
            match self
                .lemma_exceptions
                .get(&lemma_key(sc.hashes[i + 2].lower, x))
            {
                Some(l) => out.lemma_text.push_str(l),
                None => lemma::rule_lemma(words[i], self.xpos_name(x), &known, &mut out.lemma_text),
            }
            out.lemma_ends.push(out.lemma_text.len() as u32);
        }
    }

    /// The UPOS tag with this id (empty if out of range).
    pub fn upos_name(&self, id: u8) -> &str {
        self.upos_names.get(id as usize).map_or("", |s| s.as_str())
    }

    /// The XPOS tag with this id (empty if out of range or the treebank has none).
    pub fn xpos_name(&self, id: u8) -> &str {
        self.xpos_names.get(id as usize).map_or("", |s| s.as_str())
    }

    /// The id of a UPOS tag, e.g. to build parser features from gold tags.
    pub fn upos_id(&self, name: &str) -> Option<u8> {
        self.upos_names
            .iter()
            .position(|n| n == name)
            .map(|i| i as u8)
    }

    /// The id of an XPOS tag.
    pub fn xpos_id(&self, name: &str) -> Option<u8> {
        self.xpos_names
            .iter()
            .position(|n| n == name)
            .map(|i| i as u8)
    }

    pub fn n_upos(&self) -> usize {
        self.upos_names.len()
    }

    pub fn n_xpos(&self) -> usize {
        self.xpos_names.len()
    }

    /// Serialises the tagger (tables, then the weights block); sorted, so deterministic.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(MAGIC);
        put_u32(out, VERSION);
        for names in [&self.upos_names, &self.xpos_names] {
            put_u32(out, names.len() as u32);
            for n in names {
                put_str(out, n);
            }
        }
        put_u32(out, self.classes.len() as u32);
        for &(u, x) in &self.classes {
            out.extend_from_slice(&[u, x]);
        }
        let mut dict: Vec<(u64, u16)> = self.dict.iter().map(|(&k, &v)| (k, v)).collect();
        dict.sort_unstable();
        put_u32(out, dict.len() as u32);
        for (k, c) in dict {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&c.to_le_bytes());
        }
        let mut cands: Vec<(u64, (u32, u32))> = self.cands.iter().map(|(&k, &v)| (k, v)).collect();
        cands.sort_unstable();
        put_u32(out, cands.len() as u32);
        for (k, (s, e)) in cands {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&((e - s) as u16).to_le_bytes());
            for c in &self.cand_classes[s as usize..e as usize] {
                out.extend_from_slice(&c.to_le_bytes());
            }
        }
        let mut amb: Vec<(u64, u64)> = self.ambiguity.iter().map(|(&k, &v)| (k, v)).collect();
        amb.sort_unstable();
        put_u32(out, amb.len() as u32);
        for (k, v) in amb {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&v.to_le_bytes());
        }
        let mut lemmas: Vec<(&u64, &String)> = self.lemma_exceptions.iter().collect();
        lemmas.sort_unstable();
        put_u32(out, lemmas.len() as u32);
        for (k, l) in lemmas {
            out.extend_from_slice(&k.to_le_bytes());
            put_str(out, l);
        }
        let mut lexicon: Vec<u64> = self.lexicon.iter().copied().collect();
        lexicon.sort_unstable();
        put_u32(out, lexicon.len() as u32);
        for k in lexicon {
            out.extend_from_slice(&k.to_le_bytes());
        }
        self.weights.write(out);
    }

    /// Reads what [`Tagger::write`] wrote, advancing `input` past it.
    pub fn read(input: &mut &[u8]) -> Result<Tagger, TaggerFormatError> {
        if take(input, 4)? != MAGIC {
            return Err(TaggerFormatError::BadMagic);
        }
        let version = get_u32(input)?;
        if version != VERSION {
            return Err(TaggerFormatError::Version(version));
        }
        let mut names = [Vec::new(), Vec::new()];
        for list in &mut names {
            let n = get_u32(input)? as usize;
            if n > 256 {
                return Err(TaggerFormatError::Invalid("more than 256 tags"));
            }
            for _ in 0..n {
                list.push(get_str(input)?);
            }
        }
        let [upos_names, xpos_names] = names;
        let n_classes = get_u32(input)? as usize;
        let mut classes = Vec::with_capacity(n_classes.min(input.len() / 2));
        for _ in 0..n_classes {
            let b = take(input, 2)?;
            if b[0] as usize >= upos_names.len() || b[1] as usize >= xpos_names.len() {
                return Err(TaggerFormatError::Invalid("class refers to an unknown tag"));
            }
            classes.push((b[0], b[1]));
        }
        let check_class = |c: u16| {
            if (c as usize) < n_classes {
                Ok(c)
            } else {
                Err(TaggerFormatError::Invalid("class id out of range"))
            }
        };
        let n = get_u32(input)? as usize;
        let mut dict = FxHashMap::default();
        dict.reserve(n.min(input.len() / 10));
        for _ in 0..n {
            let k = get_u64(input)?;
            dict.insert(k, check_class(get_u16(input)?)?);
        }
        let n = get_u32(input)? as usize;
        let mut cands = FxHashMap::default();
        let mut cand_classes = Vec::new();
        for _ in 0..n {
            let k = get_u64(input)?;
            let len = get_u16(input)?;
            let start = cand_classes.len() as u32;
            for _ in 0..len {
                cand_classes.push(check_class(get_u16(input)?)?);
            }
            if len == 0 {
                return Err(TaggerFormatError::Invalid("empty candidate set"));
            }
            cands.insert(k, (start, cand_classes.len() as u32));
        }
        let n = get_u32(input)? as usize;
        let mut ambiguity = FxHashMap::default();
        ambiguity.reserve(n.min(input.len() / 16));
        for _ in 0..n {
            let k = get_u64(input)?;
            ambiguity.insert(k, get_u64(input)?);
        }
        let n = get_u32(input)? as usize;
        let mut lemma_exceptions = FxHashMap::default();
        for _ in 0..n {
            let k = get_u64(input)?;
            lemma_exceptions.insert(k, get_str(input)?);
        }
        let n = get_u32(input)? as usize;
        let mut lexicon = FxHashSet::default();
        lexicon.reserve(n.min(input.len() / 8));
        for _ in 0..n {
            lexicon.insert(get_u64(input)?);
        }
        let weights = FastWeights::read(input)?;
        if weights.n_classes() != classes.len().max(1) {
            return Err(TaggerFormatError::Invalid(
                "weights disagree with the class count",
            ));
        }
        Ok(Tagger {
            upos_names,
            xpos_names,
            classes,
            dict,
            cands,
            cand_classes,
            ambiguity,
            lemma_exceptions,
            lexicon,
            weights,
        })
    }
}

/// Learns the lemma exception table and lexicon from gold lemmas.
fn learn_lemmas(
    sents: &[Sentence],
    xpos_ids: &BTreeMap<&str, u8>,
) -> (FxHashMap<u64, String>, FxHashSet<u64>) {
    let mut lexicon = FxHashSet::default();
    let mut lower = String::new();
    for w in sents.iter().flat_map(|s| &s.words) {
        if !w.lemma.is_empty() && w.lemma.chars().any(|c| c.is_alphabetic()) {
            lower.clear();
            lemma::push_lower(&w.lemma, &mut lower);
            lexicon.insert(hash_bytes(lower.as_bytes()));
        }
    }
    let known = |s: &str| lexicon.contains(&hash_bytes(s.as_bytes()));
    // Per key: how often the rules are right, and how often each lemma occurs.
    let mut stats: FxHashMap<u64, (u32, BTreeMap<&str, u32>)> = FxHashMap::default();
    let mut guess = String::new();
    for w in sents.iter().flat_map(|s| &s.words) {
        if w.lemma.is_empty() {
            continue;
        }
        lower.clear();
        lemma::push_lower(&w.form, &mut lower);
        let x = xpos_ids[w.xpos.as_str()];
        let key = lemma_key(hash_bytes(lower.as_bytes()), x);
        guess.clear();
        lemma::rule_lemma(&w.form, &w.xpos, &known, &mut guess);
        let e = stats.entry(key).or_default();
        e.0 += (guess == w.lemma) as u32;
        *e.1.entry(w.lemma.as_str()).or_default() += 1;
    }
    let mut exceptions = FxHashMap::default();
    for (key, (rule_right, lemmas)) in stats {
        let (best, n) = lemmas
            .iter()
            .max_by_key(|(l, n)| (**n, std::cmp::Reverse(**l)))
            .expect("a counted key has a lemma");
        if *n > rule_right {
            exceptions.insert(key, best.to_string());
        }
    }
    (exceptions, lexicon)
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u32(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

fn take<'a>(input: &mut &'a [u8], n: usize) -> Result<&'a [u8], TaggerFormatError> {
    if input.len() < n {
        return Err(TaggerFormatError::Truncated);
    }
    let (head, rest) = input.split_at(n);
    *input = rest;
    Ok(head)
}

fn get_u16(input: &mut &[u8]) -> Result<u16, TaggerFormatError> {
    let b = take(input, 2)?;
    Ok(u16::from_le_bytes([b[0], b[1]]))
}

fn get_u32(input: &mut &[u8]) -> Result<u32, TaggerFormatError> {
    let b = take(input, 4)?;
    Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn get_u64(input: &mut &[u8]) -> Result<u64, TaggerFormatError> {
    let mut b = [0u8; 8];
    b.copy_from_slice(take(input, 8)?);
    Ok(u64::from_le_bytes(b))
}

fn get_str(input: &mut &[u8]) -> Result<String, TaggerFormatError> {
    let n = get_u32(input)? as usize;
    let b = take(input, n)?;
    String::from_utf8(b.to_vec()).map_err(|_| TaggerFormatError::Utf8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu;

    /// A toy treebank: enough structure for the tagger to learn something.
    fn toy() -> Vec<Sentence> {
        let mut text = String::new();
        let rows: [&[(&str, &str, &str, &str)]; 3] = [
            &[
                ("The", "the", "DET", "DT"),
                ("dogs", "dog", "NOUN", "NNS"),
                ("barked", "bark", "VERB", "VBD"),
                (".", ".", "PUNCT", "."),
            ],
            &[
                ("A", "a", "DET", "DT"),
                ("cat", "cat", "NOUN", "NN"),
                ("went", "go", "VERB", "VBD"),
                ("home", "home", "ADV", "RB"),
                (".", ".", "PUNCT", "."),
            ],
            &[
                ("Kim", "Kim", "PROPN", "NNP"),
                ("runs", "run", "VERB", "VBZ"),
                ("fast", "fast", "ADV", "RB"),
                (".", ".", "PUNCT", "."),
            ],
        ];
        for _ in 0..10 {
            for s in rows {
                for (i, (f, l, u, x)) in s.iter().enumerate() {
                    text.push_str(&format!("{}\t{f}\t{l}\t{u}\t{x}\t_\t0\t_\t_\t_\n", i + 1));
                }
                text.push('\n');
            }
        }
        conllu::parse(&text).unwrap()
    }

    fn small_opts() -> TaggerOptions {
        TaggerOptions {
            epochs: 5,
            ..TaggerOptions::default()
        }
    }

    #[test]
    fn learns_toy_data_with_lemmas() {
        let t = Tagger::train(&toy(), &small_opts());
        let out = t.tag(&["The", "cat", "went", "home", "."]);
        let upos: Vec<&str> = out.upos.iter().map(|&u| t.upos_name(u)).collect();
        let xpos: Vec<&str> = out.xpos.iter().map(|&x| t.xpos_name(x)).collect();
        assert_eq!(upos, ["DET", "NOUN", "VERB", "ADV", "PUNCT"]);
        assert_eq!(xpos, ["DT", "NN", "VBD", "RB", "."]);
        let lemmas: Vec<&str> = out.lemmas().collect();
        assert_eq!(lemmas, ["the", "cat", "go", "home", "."]);
        assert!(t.tag(&[]).is_empty());
    }

    #[test]
    fn training_is_deterministic() {
        let (a, b) = (
            Tagger::train(&toy(), &small_opts()),
            Tagger::train(&toy(), &small_opts()),
        );
        let (mut x, mut y) = (Vec::new(), Vec::new());
        a.write(&mut x);
        b.write(&mut y);
        assert_eq!(x, y);
    }

    #[test]
    fn write_read_round_trip() {
        let opts = TaggerOptions {
            restrict_min_count: 2,
            dict_min_count: 1000,
            ..small_opts()
        };
        let t = Tagger::train(&toy(), &opts);
        let mut bytes = Vec::new();
        t.write(&mut bytes);
        bytes.extend_from_slice(b"NEXT");
        let mut input = bytes.as_slice();
        let back = Tagger::read(&mut input).unwrap();
        assert!(back == t, "round trip changed the tagger");
        assert_eq!(input, b"NEXT");
        let words = ["Kim", "barked", "."];
        assert_eq!(back.tag(&words).upos, t.tag(&words).upos);
    }

    #[test]
    fn truncated_or_foreign_bytes_are_errors() {
        let t = Tagger::train(&toy(), &small_opts());
        let mut bytes = Vec::new();
        t.write(&mut bytes);
        for cut in 0..bytes.len() {
            assert!(Tagger::read(&mut &bytes[..cut]).is_err(), "cut at {cut}");
        }
        assert!(matches!(
            Tagger::read(&mut &b"APW1xxxx"[..]),
            Err(TaggerFormatError::BadMagic)
        ));
    }

    proptest::proptest! {
        /// Any input, however odd, gets one tag and one lemma per word and no panic.
        #[test]
        fn arbitrary_words_are_tagged(words in proptest::collection::vec(".{0,30}", 0..12)) {
            let t = Tagger::train(&toy(), &small_opts());
            let refs: Vec<&str> = words.iter().map(|w| w.as_str()).collect();
            let out = t.tag(&refs);
            proptest::prop_assert_eq!(out.len(), words.len());
            proptest::prop_assert_eq!(out.xpos.len(), words.len());
            proptest::prop_assert_eq!(out.lemmas().count(), words.len());
        }
    }

    #[test]
    fn reused_buffers_give_the_same_answer() {
        let t = Tagger::train(&toy(), &small_opts());
        let mut out = Tagged::default();
        t.tag_into(
            &["A", "very", "long", "sentence", "of", "unknown", "words"],
            &mut out,
        );
        t.tag_into(&["Kim", "runs", "."], &mut out);
        let fresh = t.tag(&["Kim", "runs", "."]);
        assert_eq!(out.upos, fresh.upos);
        assert_eq!(
            out.lemmas().collect::<Vec<_>>(),
            fresh.lemmas().collect::<Vec<_>>()
        );
        assert_eq!(out.lemma(1), "run");
    }
}
