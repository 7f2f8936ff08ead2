//! Word clusters induced from unlabelled text, for the parser's features: words that occur
//! in similar contexts share a class, so that what the treebank teaches about one word
//! carries over to the words of news text the treebank never saw (Koo et al. 2008 used
//! Brown clusters this way).
//!
//! The classes come from the exchange algorithm (Kneser & Ney 1993; Martin et al. 1998):
//! each word in turn moves to the class that most raises the likelihood of a class bigram
//! model of the text, for a fixed number of passes. It is deterministic (initial classes by
//! frequency rank, words visited in that order, ties to the lower class), linear in the
//! text per pass, and needs no hierarchy, unlike Brown clustering.

use crate::perceptron::hash_bytes;
use rustc_hash::FxHashMap;

/// Settings for [`WordClusters::induce`].
#[derive(Debug, Clone)]
pub struct ClusterOptions {
    /// Number of classes (one of them holds the sentence boundary).
    pub classes: usize,
    /// Words seen fewer times than this share one "rare word" entry.
    pub min_count: usize,
    /// Passes over the vocabulary.
    pub passes: usize,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            classes: 256,
            min_count: 3,
            passes: 10,
        }
    }
}

/// A class per known word (lowercased, digits as `0`), keyed by the word's hash.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordClusters {
    classes: FxHashMap<u64, u16>,
    /// The class of words not in `classes` (that of the pooled rare words).
    rare: u16,
}

/// A clusters block that does not read back.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("word clusters block is truncated or corrupt")]
pub struct ClustersFormatError;

/// The key a word is clustered under: its lowercased form with every digit as `0`.
pub(crate) fn cluster_key(word: &str, buf: &mut String) -> u64 {
    if word
        .bytes()
        .all(|b| !(b.is_ascii_uppercase() || b.is_ascii_digit() || b >= 0x80))
    {
        return hash_bytes(word.as_bytes());
    }
    buf.clear();
    buf.extend(word.chars().flat_map(char::to_lowercase).map(|c| {
        if c.is_ascii_digit() {
            '0'
        } else {
            c
        }
    }));
    hash_bytes(buf.as_bytes())
}

impl WordClusters {
    /// The class of `word` (any word has one: unknown words get the rare words' class).
    pub fn class_of(&self, word: &str, buf: &mut String) -> u16 {
        self.class_of_key(cluster_key(word, buf))
    }

    pub(crate) fn class_of_key(&self, key: u64) -> u16 {
        self.classes.get(&key).copied().unwrap_or(self.rare)
    }

    /// Number of words with a class of their own.
    pub fn len(&self) -> usize {
        self.classes.len()
    }

    /// Whether no words are known (no clusters were induced).
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// Induces classes from sentences of tokens with the exchange algorithm.
    pub fn induce<S: AsRef<str>>(sentences: &[Vec<S>], opts: &ClusterOptions) -> WordClusters {
        let k = opts.classes.max(2);
        // Vocabulary: 0 is the sentence boundary, 1 the pooled rare words.
        let mut buf = String::new();
        let mut counts: FxHashMap<u64, (usize, String)> = FxHashMap::default();
        for s in sentences {
            for w in s {
                let key = cluster_key(w.as_ref(), &mut buf);
                let e = counts.entry(key).or_insert_with(|| (0, String::new()));
                if e.0 == 0 {
                    e.1 = w.as_ref().to_lowercase();
                }
                e.0 += 1;
            }
        }
        let mut vocab: Vec<(usize, String, u64)> = counts
            .into_iter()
            .filter(|(_, (c, _))| *c >= opts.min_count.max(1))
            .map(|(key, (c, form))| (c, form, key))
            .collect();
        // By frequency, then form, then key: an order that does not depend on hashing.
        vocab.sort_unstable_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| a.1.cmp(&b.1))
                .then(a.2.cmp(&b.2))
        });
        let index: FxHashMap<u64, u32> = vocab
            .iter()
            .enumerate()
            .map(|(i, v)| (v.2, i as u32 + 2))
            .collect();
        let n_words = vocab.len() + 2;
        // Word bigram counts, boundary to boundary.
        let mut bigrams: FxHashMap<(u32, u32), u64> = FxHashMap::default();
        for s in sentences {
            let mut prev = 0u32;
            for w in s {
                let key = cluster_key(w.as_ref(), &mut buf);
                let cur = index.get(&key).copied().unwrap_or(1);
                *bigrams.entry((prev, cur)).or_default() += 1;
                prev = cur;
            }
            *bigrams.entry((prev, 0)).or_default() += 1;
        }
        let mut pairs: Vec<((u32, u32), u64)> = bigrams.into_iter().collect();
        pairs.sort_unstable();
        let mut succ: Vec<Vec<(u32, u64)>> = vec![Vec::new(); n_words];
        let mut pred: Vec<Vec<(u32, u64)>> = vec![Vec::new(); n_words];
        let mut selfc = vec![0u64; n_words];
        let mut n_left = vec![0u64; n_words];
        let mut n_right = vec![0u64; n_words];
        for &((a, b), c) in &pairs {
            n_left[a as usize] += c;
            n_right[b as usize] += c;
            if a == b {
                selfc[a as usize] += c;
            } else {
                succ[a as usize].push((b, c));
                pred[b as usize].push((a, c));
            }
        }
        // Initial classes: boundary alone in class 0, words by frequency rank round robin.
        let mut class: Vec<u32> = (0..n_words)
            .map(|w| {
                if w == 0 {
                    0
                } else {
                    1 + (w as u32 - 1) % (k as u32 - 1)
                }
            })
            .collect();
        let mut ex = Exchange::new(k, &class, &pairs, &n_left, &n_right);
        let mut r = vec![0u64; k];
        let mut l = vec![0u64; k];
        for _ in 0..opts.passes {
            let mut moved = 0usize;
            for w in 1..n_words {
                let a = class[w] as usize;
                // Class counts of w's neighbours (self bigrams apart).
                let mut touched_r: Vec<usize> = Vec::new();
                for &(v, c) in &succ[w] {
                    let cv = class[v as usize] as usize;
                    if r[cv] == 0 {
                        touched_r.push(cv);
                    }
                    r[cv] += c;
                }
                let mut touched_l: Vec<usize> = Vec::new();
                for &(u, c) in &pred[w] {
                    let cu = class[u as usize] as usize;
                    if l[cu] == 0 {
                        touched_l.push(cu);
                    }
                    l[cu] += c;
                }
                let word = Word {
                    r: &r,
                    l: &l,
                    touched_r: &touched_r,
                    touched_l: &touched_l,
                    selfc: selfc[w],
                    n_left: n_left[w],
                    n_right: n_right[w],
                };
                ex.apply(a, &word, -1);
                let mut best = (ex.gain(a, &word), a);
                for b in 1..k {
                    if b == a {
                        continue;
                    }
                    let g = ex.gain(b, &word);
                    if g > best.0 + 1e-9 {
                        best = (g, b);
                    }
                }
                ex.apply(best.1, &word, 1);
                if best.1 != a {
                    class[w] = best.1 as u32;
                    moved += 1;
                }
                for &c in &touched_r {
                    r[c] = 0;
                }
                for &c in &touched_l {
                    l[c] = 0;
                }
            }
            if moved == 0 {
                break;
            }
        }
        let classes = vocab
            .iter()
            .enumerate()
            .map(|(i, v)| (v.2, class[i + 2] as u16))
            .collect();
        WordClusters {
            classes,
            rare: class[1] as u16,
        }
    }

    /// Serialises the clusters: keys sorted and delta-coded, then classes.
    pub fn write(&self, out: &mut Vec<u8>) {
        let mut entries: Vec<(u64, u16)> = self.classes.iter().map(|(&k, &c)| (k, c)).collect();
        entries.sort_unstable();
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.rare.to_le_bytes());
        let mut prev = 0u64;
        for &(k, _) in &entries {
            crate::parser::write_varint(out, k - prev);
            prev = k;
        }
        for &(_, c) in &entries {
            out.extend_from_slice(&c.to_le_bytes());
        }
    }

    /// Reads what [`WordClusters::write`] wrote, advancing `input` past it.
    pub fn read(input: &mut &[u8]) -> Result<WordClusters, ClustersFormatError> {
        let take = |input: &mut &[u8], n: usize| -> Result<Vec<u8>, ClustersFormatError> {
            if input.len() < n {
                return Err(ClustersFormatError);
            }
            let (h, rest) = input.split_at(n);
            *input = rest;
            Ok(h.to_vec())
        };
        let n = u32::from_le_bytes(
            take(input, 4)?
                .try_into()
                .map_err(|_| ClustersFormatError)?,
        ) as usize;
        let rare = u16::from_le_bytes(
            take(input, 2)?
                .try_into()
                .map_err(|_| ClustersFormatError)?,
        );
        // Every word takes at least 1 key byte and 2 class bytes.
        if n > input.len() / 3 {
            return Err(ClustersFormatError);
        }
        let mut keys = Vec::with_capacity(n);
        let mut prev = 0u64;
        for _ in 0..n {
            let d = crate::parser::read_varint(input).map_err(|_| ClustersFormatError)?;
            prev = prev.checked_add(d).ok_or(ClustersFormatError)?;
            keys.push(prev);
        }
        let raw = take(input, 2 * n)?;
        let classes = keys
            .into_iter()
            .zip(raw.chunks_exact(2))
            .map(|(k, c)| (k, u16::from_le_bytes([c[0], c[1]])))
            .collect();
        Ok(WordClusters { classes, rare })
    }
}

/// One word's class-bigram counts while it is being moved.
struct Word<'a> {
    /// Bigrams w → class c (other words), by class.
    r: &'a [u64],
    /// Bigrams class c → w (other words), by class.
    l: &'a [u64],
    touched_r: &'a [usize],
    touched_l: &'a [usize],
    selfc: u64,
    n_left: u64,
    n_right: u64,
}

/// Class bigram and marginal counts of the exchange algorithm.
struct Exchange {
    k: usize,
    /// `n[g * k + h]`: bigrams of a class-g word followed by a class-h word.
    n: Vec<u64>,
    left: Vec<u64>,
    right: Vec<u64>,
}

#[inline]
fn xlogx(x: u64) -> f64 {
    if x == 0 {
        0.0
    } else {
        let x = x as f64;
        x * x.ln()
    }
}

impl Exchange {
    fn new(
        k: usize,
        class: &[u32],
        pairs: &[((u32, u32), u64)],
        n_left: &[u64],
        n_right: &[u64],
    ) -> Self {
        let mut ex = Exchange {
            k,
            n: vec![0; k * k],
            left: vec![0; k],
            right: vec![0; k],
        };
        for &((a, b), c) in pairs {
            ex.n[class[a as usize] as usize * k + class[b as usize] as usize] += c;
        }
        for (w, &c) in class.iter().enumerate() {
            ex.left[c as usize] += n_left[w];
            ex.right[c as usize] += n_right[w];
        }
        ex
    }

    /// Adds (`sign` 1) or removes (-1) the word's counts to or from class `b`.
    fn apply(&mut self, b: usize, w: &Word, sign: i64) {
        let k = self.k;
        let add = |x: &mut u64, d: u64| {
            *x = if sign > 0 { *x + d } else { *x - d };
        };
        for &c in w.touched_r {
            add(&mut self.n[b * k + c], w.r[c]);
        }
        for &c in w.touched_l {
            add(&mut self.n[c * k + b], w.l[c]);
        }
        add(&mut self.n[b * k + b], w.selfc);
        add(&mut self.left[b], w.n_left);
        add(&mut self.right[b], w.n_right);
    }

    /// The change in log-likelihood if the word (currently in no class) joins class `b`.
    fn gain(&self, b: usize, w: &Word) -> f64 {
        let k = self.k;
        let mut g = 0.0;
        let mut bb = w.selfc;
        for &c in w.touched_r {
            if c == b {
                bb += w.r[c];
            } else {
                let x = self.n[b * k + c];
                g += xlogx(x + w.r[c]) - xlogx(x);
            }
        }
        for &c in w.touched_l {
            if c == b {
                bb += w.l[c];
            } else {
                let x = self.n[c * k + b];
                g += xlogx(x + w.l[c]) - xlogx(x);
            }
        }
        let x = self.n[b * k + b];
        g += xlogx(x + bb) - xlogx(x);
        g -= xlogx(self.left[b] + w.n_left) - xlogx(self.left[b]);
        g -= xlogx(self.right[b] + w.n_right) - xlogx(self.right[b]);
        g
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_class() {
        let mut sents: Vec<Vec<&str>> = Vec::new();
        for _ in 0..20 {
            for (det, noun, verb) in [
                ("the", "cat", "sleeps"),
                ("a", "dog", "runs"),
                ("the", "dog", "sleeps"),
                ("a", "cat", "runs"),
            ] {
                sents.push(vec![det, noun, verb, "."]);
            }
        }
        let opts = ClusterOptions {
            classes: 5,
            min_count: 1,
            passes: 10,
        };
        let c = WordClusters::induce(&sents, &opts);
        let mut buf = String::new();
        let mut class = |w: &str| c.class_of(w, &mut buf);
        assert_eq!(class("cat"), class("Dog"));
        assert_eq!(class("sleeps"), class("runs"));
        assert_ne!(class("cat"), class("runs"));
        assert_eq!(class("the"), class("a"));
        // Deterministic, and it reads back.
        assert_eq!(WordClusters::induce(&sents, &opts), c);
        let mut bytes = Vec::new();
        c.write(&mut bytes);
        assert_eq!(WordClusters::read(&mut bytes.as_slice()), Ok(c.clone()));
        for cut in 0..bytes.len() {
            assert!(WordClusters::read(&mut &bytes[..cut]).is_err() || cut == bytes.len());
        }
    }

    #[test]
    fn digits_share_a_key() {
        let mut buf = String::new();
        assert_eq!(cluster_key("1995", &mut buf), cluster_key("2003", &mut buf));
        assert_eq!(
            cluster_key("Paris", &mut buf),
            cluster_key("paris", &mut buf)
        );
    }
}
