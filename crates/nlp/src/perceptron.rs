//! An averaged multi-class perceptron over hashed features: the learner behind both the
//! tagger and the parser. Features are `u64` hashes made with [`mix`] and [`hash_bytes`]
//! (our own stable functions, so a model file never depends on a crate's hasher), which
//! keeps feature extraction allocation-free: hash each word once per sentence, then
//! combine hashes per template.

use rustc_hash::FxHashMap;

/// The finaliser of SplitMix64: a cheap, well-mixing bijection on `u64`.
#[inline]
fn finalize(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Combines two hashes (order matters): `mix(mix(TEMPLATE, a), b)` builds a feature.
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    finalize(a.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ b)
}

/// Hashes a byte string, stable across platforms and releases.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = 0x243f_6a88_85a3_08d3_u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(word));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(word));
    }
    mix(h, bytes.len() as u64)
}

/// Weights being learned. Rows are dense over classes (fast to score and update); the
/// running sums implement averaging without touching every weight at every step
/// (avg = w - acc / c, Daumé's trick).
pub struct Trainer {
    n_classes: usize,
    rows: FxHashMap<u64, u32>,
    w: Vec<f32>,
    acc: Vec<f64>,
    c: f64,
}

impl Trainer {
    pub fn new(n_classes: usize) -> Self {
        Trainer {
            n_classes,
            rows: FxHashMap::default(),
            w: Vec::new(),
            acc: Vec::new(),
            c: 1.0,
        }
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Adds the current weights of `feats` into `scores` (length `n_classes`).
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        let n = self.n_classes;
        for f in feats {
            if let Some(&row) = self.rows.get(f) {
                let base = row as usize * n;
                for (s, w) in scores.iter_mut().zip(&self.w[base..base + n]) {
                    *s += *w;
                }
            }
        }
    }

    /// Promotes `truth` and demotes `guess` on every feature (no-op when they agree).
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let n = self.n_classes;
        for &f in feats {
            let next = self.rows.len() as u32;
            let row = *self.rows.entry(f).or_insert(next);
            if row == next {
                self.w.resize(self.w.len() + n, 0.0);
                self.acc.resize(self.acc.len() + n, 0.0);
            }
            let base = row as usize * n;
            self.w[base + truth] += 1.0;
            self.acc[base + truth] += self.c;
            self.w[base + guess] -= 1.0;
            self.acc[base + guess] -= self.c;
        }
    }

    /// Marks the end of one training instance (advances the averaging clock).
    pub fn tick(&mut self) {
        self.c += 1.0;
    }

    /// The averaged weights, without entries whose magnitude is below `min_abs`.
    pub fn finish(&self, min_abs: f32) -> Weights {
        let n = self.n_classes;
        let mut keys: Vec<(u64, u32)> = self.rows.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable();
        let mut b = WeightsBuilder::new(n);
        let mut row_buf = Vec::with_capacity(n);
        for (key, row) in keys {
            row_buf.clear();
            let base = row as usize * n;
            for k in 0..n {
                let avg = self.w[base + k] as f64 - self.acc[base + k] / self.c;
                let avg = avg as f32;
                if avg.abs() >= min_abs && avg != 0.0 {
                    row_buf.push((k as u16, avg));
                }
            }
            b.push(key, &row_buf);
        }
        b.build()
    }
}

/// Learned weights for prediction: sparse rows (most features speak for few classes).
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    n_classes: usize,
    index: FxHashMap<u64, (u32, u32)>,
    classes: Vec<u16>,
    values: Vec<f32>,
}

struct WeightsBuilder {
    w: Weights,
}

impl WeightsBuilder {
    fn new(n_classes: usize) -> Self {
        WeightsBuilder {
            w: Weights {
                n_classes,
                index: FxHashMap::default(),
                classes: Vec::new(),
                values: Vec::new(),
            },
        }
    }

    fn push(&mut self, key: u64, entries: &[(u16, f32)]) {
        if entries.is_empty() {
            return;
        }
        let start = self.w.classes.len() as u32;
        for &(c, v) in entries {
            self.w.classes.push(c);
            self.w.values.push(v);
        }
        self.w
            .index
            .insert(key, (start, self.w.classes.len() as u32));
    }

    fn build(self) -> Weights {
        self.w
    }
}

/// A model file that does not read as weights.
#[derive(Debug, thiserror::Error)]
pub enum WeightsFormatError {
    #[error("not a weights block (bad magic)")]
    BadMagic,
    #[error("weights block is truncated")]
    Truncated,
    #[error("class {class} out of range (model has {n_classes})")]
    ClassOutOfRange { class: u16, n_classes: usize },
}

const MAGIC: &[u8; 4] = b"APW1";

impl Weights {
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of features with at least one weight.
    pub fn n_features(&self) -> usize {
        self.index.len()
    }

    /// Number of stored (feature, class) weights.
    pub fn n_weights(&self) -> usize {
        self.values.len()
    }

    /// Adds the weights of `feats` into `scores` (length `n_classes`).
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        for f in feats {
            if let Some(&(s, e)) = self.index.get(f) {
                let (s, e) = (s as usize, e as usize);
                for (c, v) in self.classes[s..e].iter().zip(&self.values[s..e]) {
                    scores[*c as usize] += *v;
                }
            }
        }
    }

    /// Serialises as: magic, n_classes, n_features, then per feature (sorted by key)
    /// key, entry count, (class, value) pairs; little-endian throughout.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.n_classes as u32).to_le_bytes());
        out.extend_from_slice(&(self.index.len() as u32).to_le_bytes());
        let mut keys: Vec<(u64, (u32, u32))> = self.index.iter().map(|(&k, &v)| (k, v)).collect();
        keys.sort_unstable();
        for (key, (s, e)) in keys {
            out.extend_from_slice(&key.to_le_bytes());
            out.extend_from_slice(&((e - s) as u16).to_le_bytes());
            for k in s as usize..e as usize {
                out.extend_from_slice(&self.classes[k].to_le_bytes());
                out.extend_from_slice(&self.values[k].to_le_bytes());
            }
        }
    }

    /// Reads what [`Weights::write`] wrote, advancing `input` past it.
    pub fn read(input: &mut &[u8]) -> Result<Self, WeightsFormatError> {
        if take(input, 4)? != MAGIC {
            return Err(WeightsFormatError::BadMagic);
        }
        let n_classes = u32_le(input)? as usize;
        let n_features = u32_le(input)? as usize;
        let mut b = WeightsBuilder::new(n_classes);
        b.w.index.reserve(n_features.min(input.len() / 10));
        let mut entries = Vec::with_capacity(n_classes);
        for _ in 0..n_features {
            let key = u64::from_le_bytes(take(input, 8)?.try_into().expect("8 bytes"));
            let len = u16::from_le_bytes(take(input, 2)?.try_into().expect("2 bytes"));
            entries.clear();
            for _ in 0..len {
                let class = u16::from_le_bytes(take(input, 2)?.try_into().expect("2 bytes"));
                if class as usize >= n_classes {
                    return Err(WeightsFormatError::ClassOutOfRange { class, n_classes });
                }
                let value = f32::from_le_bytes(take(input, 4)?.try_into().expect("4 bytes"));
                entries.push((class, value));
            }
            b.push(key, &entries);
        }
        Ok(b.build())
    }
}

fn take<'a>(input: &mut &'a [u8], n: usize) -> Result<&'a [u8], WeightsFormatError> {
    if input.len() < n {
        return Err(WeightsFormatError::Truncated);
    }
    let (head, rest) = input.split_at(n);
    *input = rest;
    Ok(head)
}

fn u32_le(input: &mut &[u8]) -> Result<u32, WeightsFormatError> {
    Ok(u32::from_le_bytes(
        take(input, 4)?.try_into().expect("4 bytes"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two classes separated by one feature each: the learner must get them right.
    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        let (a, b, bias) = (hash_bytes(b"a"), hash_bytes(b"b"), hash_bytes(b"bias"));
        let data = [(vec![a, bias], 0usize), (vec![b, bias], 1usize)];
        let mut t = Trainer::new(2);
        for _ in 0..5 {
            for (feats, truth) in &data {
                let mut s = [0.0f32; 2];
                t.score(feats, &mut s);
                let guess = if s[1] > s[0] { 1 } else { 0 };
                t.update(feats, *truth, guess);
                t.tick();
            }
        }
        let w = t.finish(0.0);
        for (feats, truth) in &data {
            let mut s = [0.0f32; 2];
            w.score(feats, &mut s);
            let guess = if s[1] > s[0] { 1 } else { 0 };
            assert_eq!(guess, *truth);
        }
        let mut bytes = Vec::new();
        w.write(&mut bytes);
        let back = Weights::read(&mut bytes.as_slice()).unwrap();
        assert_eq!(back, w);
    }

    #[test]
    fn rejects_truncated_and_foreign_bytes() {
        assert!(matches!(
            Weights::read(&mut &b"XXXX"[..]),
            Err(WeightsFormatError::BadMagic)
        ));
        let mut t = Trainer::new(3);
        t.update(&[1, 2], 0, 2);
        let mut bytes = Vec::new();
        t.finish(0.0).write(&mut bytes);
        for cut in 0..bytes.len() {
            assert!(Weights::read(&mut &bytes[..cut]).is_err());
        }
    }

    #[test]
    fn hashing_is_stable() {
        // Model files store these values: changing the functions invalidates models.
        assert_eq!(hash_bytes(b""), hash_bytes(b""));
        assert_ne!(hash_bytes(b"ab"), hash_bytes(b"ba"));
        assert_ne!(mix(1, 2), mix(2, 1));
        assert_eq!(hash_bytes(b"Azerbaijan"), 10921822834901483402);
    }
}
