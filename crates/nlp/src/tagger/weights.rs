//! The tagger's read-only weights, laid out for cache misses rather than generality.
//!
//! Scoring is memory-bound: each of ~35 features per word is a random probe into a table
//! of ~100k rows. [`crate::perceptron::Weights`] uses a general hash map plus separate
//! class and value arrays (up to four cache misses per feature); here one open-addressing
//! slot holds the key and its entry range, and each entry packs class and value together,
//! so a feature costs about two misses. Probing all features before accumulating lets
//! the CPU overlap those misses.

use super::TaggerFormatError;
use crate::perceptron::Weights;

#[inline(always)]
fn prefetch<T>(p: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is a hint that never faults; `p` is a valid reference anyway.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
            (p as *const T).cast::<i8>(),
        );
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Slot {
    key: u64,
    start: u32,
    /// Row length in the low 16 bits; above them, 1 + the row's dense copy, if any.
    len: u32,
}

impl Slot {
    #[inline(always)]
    fn n(&self) -> u32 {
        self.len & 0xffff
    }
}

/// Rows longer than this (the hot context features, tens of classes each) also get a
/// dense copy, added with SIMD instead of one scattered add per class.
const DENSE_MIN: usize = 12;

const EMPTY: Slot = Slot {
    key: 0,
    start: 0,
    len: 0,
};

#[derive(Clone, Copy, Debug, PartialEq)]
struct Entry {
    value: f32,
    class: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FastWeights {
    n_classes: usize,
    /// Power-of-two open-addressing table; `len == 0` marks an empty slot.
    slots: Vec<Slot>,
    entries: Vec<Entry>,
    /// Dense copies of the long rows, `n_classes` weights each.
    dense: Vec<f32>,
    /// Rows in insertion (= key) order, for writing.
    n_rows: usize,
}

const MAGIC: &[u8; 4] = b"ATW1";

impl FastWeights {
    /// Converts learned weights, through their documented serialisation
    /// (magic, n_classes, n_features, then key, count, (class u16, value f32) pairs).
    pub fn from_weights(w: &Weights) -> Self {
        let mut bytes = Vec::new();
        w.write(&mut bytes);
        let mut input = &bytes[4..];
        Self::read_rows(&mut input).expect("Weights::write output follows its documented layout")
    }

    fn with_capacity(n_classes: usize, n_rows: usize) -> Self {
        let cap = (n_rows.max(1) * 2).next_power_of_two();
        FastWeights {
            n_classes,
            slots: vec![EMPTY; cap],
            entries: Vec::new(),
            dense: Vec::new(),
            n_rows: 0,
        }
    }

    #[inline]
    fn home(&self, key: u64) -> usize {
        // Keys are already well-mixed hashes: the high bits index directly.
        (key >> 40) as usize & (self.slots.len() - 1)
    }

    fn insert(&mut self, key: u64, row: &[(u16, f32)]) {
        if row.is_empty() {
            return;
        }
        let start = self.entries.len() as u32;
        self.entries.extend(row.iter().map(|&(c, v)| Entry {
            value: v,
            class: c as u32,
        }));
        let mut len = row.len() as u32 & 0xffff;
        if row.len() > DENSE_MIN && self.dense.len() / self.n_classes.max(1) < 0xffff {
            let d = self.dense.len() / self.n_classes;
            self.dense.resize(self.dense.len() + self.n_classes, 0.0);
            for &(c, v) in row {
                self.dense[d * self.n_classes + c as usize] = v;
            }
            len |= (d as u32 + 1) << 16;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        while self.slots[i].len != 0 {
            if self.slots[i].key == key {
                // A repeated key replaces the earlier row (cannot happen from Weights).
                self.slots[i].start = start;
                self.slots[i].len = len;
                return;
            }
            i = (i + 1) & mask;
        }
        self.slots[i] = Slot { key, start, len };
        self.n_rows += 1;
    }

    #[inline]
    fn find(&self, key: u64) -> Option<&Slot> {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let s = &self.slots[i];
            if s.len == 0 {
                return None;
            }
            if s.key == key {
                return Some(s);
            }
            i = (i + 1) & mask;
        }
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    pub fn n_rows(&self) -> usize {
        self.n_rows
    }

    pub fn n_weights(&self) -> usize {
        self.entries.len()
    }

    /// Adds the weights of `feats` into `scores`; `found` is scratch space.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32], found: &mut Vec<(u32, u32)>) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU supports AVX2 (checked just above).
            unsafe { self.score_avx2(feats, scores, found) };
            return;
        }
        self.score_plain(feats, scores, found);
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn score_avx2(&self, feats: &[u64], scores: &mut [f32], found: &mut Vec<(u32, u32)>) {
        self.score_plain(feats, scores, found);
    }

    #[inline(always)]
    fn score_plain(&self, feats: &[u64], scores: &mut [f32], found: &mut Vec<(u32, u32)>) {
        found.clear();
        // Prefetch every feature's home slot, then each found row, before reading any:
        // the misses overlap instead of following one another.
        for &f in feats {
            prefetch(&self.slots[self.home(f)]);
        }
        let nc = self.n_classes;
        for &f in feats {
            if let Some(s) = self.find(f) {
                let d = (s.len >> 16) as usize;
                if d > 0 {
                    if let Some(x) = self.dense.get((d - 1) * nc) {
                        prefetch(x);
                    }
                } else if let Some(e) = self.entries.get(s.start as usize) {
                    prefetch(e);
                }
                found.push((s.start, s.len));
            }
        }
        for &(start, len) in found.iter() {
            let d = (len >> 16) as usize;
            if d > 0 && scores.len() >= nc {
                let row = &self.dense[(d - 1) * nc..d * nc];
                for (x, w) in scores[..nc].iter_mut().zip(row) {
                    *x += w;
                }
                continue;
            }
            let (s, e) = (start as usize, start as usize + (len & 0xffff) as usize);
            for en in &self.entries[s..e] {
                if let Some(x) = scores.get_mut(en.class as usize) {
                    *x += en.value;
                }
            }
        }
    }

    /// Magic, n_classes, n_rows, then per row (in key order) key, count, (class, value).
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.n_classes as u32).to_le_bytes());
        out.extend_from_slice(&(self.n_rows as u32).to_le_bytes());
        let mut rows: Vec<&Slot> = self.slots.iter().filter(|s| s.len != 0).collect();
        rows.sort_unstable_by_key(|s| s.key);
        for s in rows {
            out.extend_from_slice(&s.key.to_le_bytes());
            out.extend_from_slice(&(s.n() as u16).to_le_bytes());
            for e in &self.entries[s.start as usize..(s.start + s.n()) as usize] {
                out.extend_from_slice(&(e.class as u16).to_le_bytes());
                out.extend_from_slice(&e.value.to_le_bytes());
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
        let n_rows = super::get_u32(input)? as usize;
        // Each row takes at least 10 bytes: do not let a corrupt count allocate wildly.
        if n_rows > input.len() / 10 {
            return Err(TaggerFormatError::Truncated);
        }
        let mut w = Self::with_capacity(n_classes, n_rows);
        let mut row = Vec::with_capacity(n_classes);
        for _ in 0..n_rows {
            let key = super::get_u64(input)?;
            let len = super::get_u16(input)?;
            row.clear();
            for _ in 0..len {
                let class = super::get_u16(input)?;
                if class as usize >= n_classes {
                    return Err(TaggerFormatError::Invalid("weight class out of range"));
                }
                let b = super::take(input, 4)?;
                row.push((class, f32::from_le_bytes([b[0], b[1], b[2], b[3]])));
            }
            w.insert(key, &row);
        }
        Ok(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perceptron::Trainer;

    #[test]
    fn scores_like_the_general_weights_and_round_trips() {
        let mut t = Trainer::new(4);
        for k in 0..500u64 {
            t.update(
                &[k * 7919, k * 104_729 + 1],
                (k % 4) as usize,
                ((k + 1) % 4) as usize,
            );
            t.tick();
        }
        let w = t.finish(0.0);
        let fast = FastWeights::from_weights(&w);
        assert_eq!(fast.n_rows(), w.n_features());
        let mut found = Vec::new();
        for k in 0..600u64 {
            let feats = [k * 7919, k * 104_729 + 1, 12345];
            let (mut a, mut b) = ([0.0f32; 4], [0.0f32; 4]);
            w.score(&feats, &mut a);
            fast.score(&feats, &mut b, &mut found);
            assert_eq!(a, b);
        }
        let mut bytes = Vec::new();
        fast.write(&mut bytes);
        let back = FastWeights::read(&mut bytes.as_slice()).unwrap();
        let mut again = Vec::new();
        back.write(&mut again);
        assert_eq!(bytes, again);
    }

    #[test]
    fn dense_rows_score_like_sparse_ones() {
        // Feature 99 is updated for all 40 classes: a dense row.
        let mut t = Trainer::new(40);
        for k in 0..200u64 {
            let c = (k % 40) as usize;
            t.update(&[99, k], c, (c + 7) % 40);
            t.tick();
        }
        let w = t.finish(0.0);
        let fast = FastWeights::from_weights(&w);
        assert!(!fast.dense.is_empty());
        let mut found = Vec::new();
        let (mut a, mut b) = ([0.0f32; 40], [0.0f32; 40]);
        w.score(&[99, 3, 5], &mut a);
        fast.score(&[99, 3, 5], &mut b, &mut found);
        for c in 0..40 {
            assert!(
                (a[c] - b[c]).abs() < 1e-4,
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
