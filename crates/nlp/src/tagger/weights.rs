//! The tagger's read-only weights: the parser's cache-conscious table
//! ([`SparseWeights`]: 16-byte slots with a row's first two weights inline, long rows as
//! half floats), since tagging is memory-bound in the same way (each of ~35 features per
//! word is a random probe into a table of ~100k rows, and most rows hold one or two
//! weights). Against a table of key + range slots with rows stored apart (two misses per
//! feature), this cut tagging time by about a third.
//!
//! The on-disk block keeps the plain row layout below; weights are stored as they are
//! scored (15 mantissa bits), so a model reads back bit for bit.

use super::TaggerFormatError;
use crate::parser::weights::{DenseRows, SparseWeights};
use crate::perceptron::Weights;

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FastWeights {
    table: SparseWeights,
}

const MAGIC: &[u8; 4] = b"ATW1";

/// Classes are stored in a byte, and a row's length too.
const MAX_CLASSES: usize = 255;

impl FastWeights {
    /// Converts learned weights, through their documented serialisation
    /// (magic, n_classes, n_features, then key, count, (class u16, value f32) pairs).
    pub fn from_weights(w: &Weights) -> Self {
        let mut bytes = Vec::new();
        w.write(&mut bytes);
        let mut input = &bytes[4..];
        Self::read_rows(&mut input).expect("Weights::write output follows its documented layout")
    }

    pub fn n_classes(&self) -> usize {
        self.table.n_classes()
    }

    pub fn n_rows(&self) -> usize {
        self.table.n_features()
    }

    pub fn n_weights(&self) -> usize {
        self.table.n_weights()
    }

    /// Adds the weights of `feats` into `scores` (classes at and above `n_classes` are
    /// never touched).
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32; 256]) {
        self.table.score(feats, scores);
    }

    /// Magic, n_classes, n_rows, then per row (in key order) key, count, (class, value).
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.n_classes() as u32).to_le_bytes());
        let mut rows: Vec<(u64, Vec<(u8, f32)>)> = self
            .table
            .rows()
            .map(|(key, row)| (key, row.collect()))
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (key, row) in rows {
            out.extend_from_slice(&key.to_le_bytes());
            out.extend_from_slice(&(row.len() as u16).to_le_bytes());
            for (class, value) in row {
                out.extend_from_slice(&u16::from(class).to_le_bytes());
                out.extend_from_slice(&value.to_le_bytes());
            }
        }
    }

    pub fn read(input: &mut &[u8]) -> Result<Self, TaggerFormatError> {
        if super::take(input, 4)? != MAGIC {
            return Err(TaggerFormatError::Invalid("weights block has a bad magic"));
        }
        Self::read_rows(input)
    }

    fn read_rows(input: &mut &[u8]) -> Result<Self, TaggerFormatError> {
        let n_classes = super::get_u32(input)? as usize;
        if n_classes > MAX_CLASSES {
            return Err(TaggerFormatError::Invalid("too many tag classes"));
        }
        let n_rows = super::get_u32(input)? as usize;
        // Each row takes at least 10 bytes: do not let a corrupt count allocate wildly.
        if n_rows > input.len() / 10 {
            return Err(TaggerFormatError::Truncated);
        }
        let mut rows = Vec::with_capacity(n_rows);
        for _ in 0..n_rows {
            let key = super::get_u64(input)?;
            let len = super::get_u16(input)?;
            let mut row = Vec::with_capacity(usize::from(len).min(n_classes));
            for _ in 0..len {
                let class = super::get_u16(input)?;
                if class as usize >= n_classes {
                    return Err(TaggerFormatError::Invalid("weight class out of range"));
                }
                let b = super::take(input, 4)?;
                row.push((class as u8, f32::from_le_bytes([b[0], b[1], b[2], b[3]])));
            }
            rows.push((key, row));
        }
        Ok(FastWeights {
            table: SparseWeights::from_rows(n_classes.max(1), rows, DenseRows::AllClasses),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perceptron::Trainer;

    #[test]
    fn scores_like_the_general_weights_and_round_trips() {
        // Keys are hashes in real use (the table keeps 32 of their top bits to tell them
        // apart), so the test hashes too.
        let key = |x: u64| crate::perceptron::mix(7, x);
        let mut t = Trainer::new(4);
        for k in 0..500u64 {
            t.update(
                &[key(k * 7919), key(k * 104_729 + 1)],
                (k % 4) as usize,
                ((k + 1) % 4) as usize,
            );
            t.tick();
        }
        let w = t.finish(0.0);
        let fast = FastWeights::from_weights(&w);
        assert_eq!(fast.n_rows(), w.n_features());
        for k in 0..600u64 {
            let feats = [key(k * 7919), key(k * 104_729 + 1), key(12345)];
            let (mut a, mut b) = ([0.0f32; 4], [0.0f32; 256]);
            w.score(&feats, &mut a);
            fast.score(&feats, &mut b);
            for c in 0..4 {
                assert!(
                    (a[c] - b[c]).abs() <= a[c].abs() / 16384.0,
                    "{a:?} vs {b:?}"
                );
            }
            assert!(b[4..].iter().all(|&x| x == 0.0));
        }
        let mut bytes = Vec::new();
        fast.write(&mut bytes);
        let back = FastWeights::read(&mut bytes.as_slice()).unwrap();
        let mut again = Vec::new();
        back.write(&mut again);
        assert_eq!(bytes, again);
    }

    #[test]
    fn a_long_rows_first_two_weights_score_at_full_precision() {
        // Jackknifed training tags come from these scores; `aras train` reproduces the
        // shipped model only if they stay as they were when it was made, with a long
        // row's first two weights (here classes 2 and 3: the row has none for 0 and 1)
        // inline at 15 bits rather than in the half-float row.
        let key = |x: u64| crate::perceptron::mix(7, x);
        let mut t = Trainer::new(40);
        for k in 0..380u64 {
            let c = 2 + (k % 38) as usize;
            t.update(&[key(99)], c, 2 + (c + 5) % 38);
            t.tick();
        }
        let w = t.finish(0.0);
        let fast = FastWeights::from_weights(&w);
        let (mut a, mut b) = ([0.0f32; 40], [0.0f32; 256]);
        w.score(&[key(99)], &mut a);
        fast.score(&[key(99)], &mut b);
        for c in [2, 3] {
            assert!(
                (a[c] - b[c]).abs() <= a[c].abs() / 16384.0,
                "class {c}: {} vs {}",
                a[c],
                b[c]
            );
        }
    }

    #[test]
    fn dense_rows_score_like_sparse_ones() {
        // Feature 99 is updated for all 40 classes: a dense row.
        let key = |x: u64| crate::perceptron::mix(7, x);
        let mut t = Trainer::new(40);
        for k in 0..200u64 {
            let c = (k % 40) as usize;
            t.update(&[key(99), key(k)], c, (c + 7) % 40);
            t.tick();
        }
        let w = t.finish(0.0);
        let fast = FastWeights::from_weights(&w);
        let (mut a, mut b) = ([0.0f32; 40], [0.0f32; 256]);
        let feats = [key(99), key(3), key(5)];
        w.score(&feats, &mut a);
        fast.score(&feats, &mut b);
        for c in 0..40 {
            // Long rows are scored from half floats (11 significant bits).
            assert!(
                (a[c] - b[c]).abs() <= 1e-3 + a[c].abs() / 1024.0,
                "class {c}: {} vs {}",
                a[c],
                b[c]
            );
        }
        let mut bytes = Vec::new();
        fast.write(&mut bytes);
        let mut again = Vec::new();
        FastWeights::read(&mut bytes.as_slice())
            .unwrap()
            .write(&mut again);
        assert_eq!(bytes, again);
    }
}
