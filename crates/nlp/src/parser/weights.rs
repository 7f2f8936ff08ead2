//! Sparse perceptron weights for the parser. The shared [`crate::perceptron::Trainer`]
//! keeps rows dense over classes, which with ~90 labelled transitions and a few million
//! features would need gigabytes while training; here each row holds only the classes it
//! was ever updated for (usually a handful), so training memory stays proportional to the
//! number of distinct updates and scoring costs the same as at inference.

use rustc_hash::FxHashMap;

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    w: f32,
    /// Daumé's running sum for averaging: avg = w - acc / c.
    acc: f64,
}

/// Averaged perceptron being trained, sparse rows.
pub(crate) struct SparseTrainer {
    n_classes: usize,
    index: FxHashMap<u64, u32>,
    rows: Vec<Vec<Entry>>,
    c: f64,
}

impl SparseTrainer {
    pub(crate) fn new(n_classes: usize) -> Self {
        SparseTrainer {
            n_classes,
            index: FxHashMap::default(),
            rows: Vec::new(),
            c: 1.0,
        }
    }

    pub(crate) fn n_features(&self) -> usize {
        self.rows.len()
    }

    pub(crate) fn score(&self, feats: &[u64], scores: &mut [f32]) {
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for e in &self.rows[r as usize] {
                    scores[e.class as usize] += e.w;
                }
            }
        }
    }

    /// Promotes `truth` and demotes `guess` on every feature.
    pub(crate) fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let c = self.c;
        for &f in feats {
            let next = self.rows.len() as u32;
            let r = *self.index.entry(f).or_insert(next);
            if r == next {
                self.rows.push(Vec::with_capacity(2));
            }
            let row = &mut self.rows[r as usize];
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
                let class = class as u16;
                match row.iter_mut().find(|e| e.class == class) {
                    Some(e) => {
                        e.w += delta;
                        e.acc += c * delta as f64;
                    }
                    None => row.push(Entry {
                        class,
                        w: delta,
                        acc: c * delta as f64,
                    }),
                }
            }
        }
    }

    pub(crate) fn tick(&mut self) {
        self.c += 1.0;
    }

    /// The averaged weights, dropping entries with magnitude below `min_abs`.
    #[cfg(test)]
    pub(crate) fn finish(&self, min_abs: f32) -> SparseWeights {
        Self::finish_mean(&[self], min_abs)
    }

    /// The mean of the averaged weights of several trainers (an ensemble merged into one
    /// table: scoring costs the same as for one model), dropping entries with magnitude
    /// below `min_abs`.
    pub(crate) fn finish_mean(trainers: &[&SparseTrainer], min_abs: f32) -> SparseWeights {
        let n_classes = trainers.first().map_or(0, |t| t.n_classes);
        let mut keys: Vec<u64> = trainers
            .iter()
            .flat_map(|t| t.index.keys().copied())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let k = trainers.len().max(1) as f64;
        // First the surviving rows, so the table is sized exactly as a reader sizes it.
        let mut kept: Vec<(u64, usize, usize)> = Vec::new();
        let mut flat: Vec<(u8, f32)> = Vec::new();
        let mut acc = vec![0f64; n_classes.max(1)];
        let mut seen = vec![false; n_classes.max(1)];
        for key in keys {
            let start = flat.len();
            for t in trainers {
                if let Some(&r) = t.index.get(&key) {
                    for e in &t.rows[r as usize] {
                        acc[e.class as usize] += e.w as f64 - e.acc / t.c;
                        seen[e.class as usize] = true;
                    }
                }
            }
            for c in 0..n_classes {
                if seen[c] {
                    let avg = (acc[c] / k) as f32;
                    if avg != 0.0 && avg.abs() >= min_abs {
                        flat.push((c as u8, avg));
                    }
                    acc[c] = 0.0;
                    seen[c] = false;
                }
            }
            if flat.len() > start {
                kept.push((key, start, flat.len()));
            }
        }
        let n_hot = kept.iter().filter(|&&(key, _, _)| region(key) == 1).count();
        let mut w = SparseWeights::with_rows(
            n_classes,
            [kept.len() - n_hot, n_hot],
            DenseRows::FromClass2,
        );
        // Insert in table order (see `table_order`), exactly as `read` will.
        let bits = w.bits();
        kept.sort_unstable_by_key(|&(key, _, _)| {
            (region(key), table_order(key, bits[region(key)]))
        });
        for (key, s, e) in kept {
            w.push(key, &flat[s..e]);
        }
        w
    }
}

/// Weights for prediction, laid out for cache misses rather than generality: an
/// open-addressing table of 16-byte slots (4 per cache line) holding 32 check bits of the
/// key, the row's first two (class, weight) pairs inline, and where the row is longer a
/// pointer to the rest in one array. Most rows that miss the cache are rare lexical
/// features with one or two weights, so a feature usually costs a single memory read,
/// prefetched for all features of a transition before any is used. Parsing is
/// memory-bound, so this is where the speed comes from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SparseWeights {
    n_classes: usize,
    /// (key, packed) per row in insertion (= key) order, for writing the weights out.
    rows: Vec<(u64, u32)>,
    /// (first slot, mask) of the two regions of `slots`: 0 for keys of lexical features,
    /// 1 for keys with [`HOT`] set (features of tags, labels and distances only). The
    /// hot rows are few and read by every transition; packed in a table of their own
    /// they stay in the core's cache instead of sharing cache lines with rare words.
    regions: [(usize, usize); 2],
    /// log2 of each region's key order (see [`table_order`]): fixed by the model file,
    /// independent of the regions' sizes in memory.
    order_bits: [u32; 2],
    slots: Vec<Slot>,
    entries: Vec<Packed>,
    /// Long rows (the hot tag and label features, tens of classes each) again as dense
    /// rows of `stride` weights, added with SIMD instead of one scattered add per class:
    /// they make up ~90% of the weights a transition sums (~46 rows per transition), so
    /// they are stored as IEEE half floats (11 significant bits; the weights lie within
    /// ±100), which halves the memory a transition streams through.
    ///
    /// A dense row holds classes `dense_base..dense_base + stride` and starts on a cache
    /// line: with the first two classes (SHIFT and REDUCE in the parser) kept inline in
    /// the slot, the parser's 98 classes leave 96 in the row, exactly three lines where an
    /// unaligned row of all 98 touched four or five (dense rows are most of the lines a
    /// transition reads).
    dense: Vec<Line>,
    /// Halves per dense row, a multiple of 32 (one line).
    stride: usize,
    /// The first class a dense row holds: 2 (classes 0 and 1 inline), or 0 for tables
    /// with so many classes that `2 + stride` would not fit the 256 scores.
    dense_base: usize,
    /// A blocked Bloom filter over the keys of region 0 (two bits of one word per key,
    /// about 4 bits per key): a lexical feature whose words were all seen in training
    /// may still be a combination never seen (a quarter of lexical lookups on news), and
    /// the filter turns most of those probes of a large table into a read of a small one.
    filter: Vec<u64>,
}

/// One cache line of a dense row: 32 half floats, aligned so rows never straddle lines.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[repr(C, align(64))]
struct Line([u16; 32]);

/// Halves in a [`Line`].
const LINE: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[repr(C, align(16))]
struct Slot {
    check: u32,
    /// The first two entries (`Packed`, 0 = none); `inline[0] == 0` marks an empty slot.
    inline: [u32; 2],
    /// (start << 8) | len of the entries after the first two (len 0 = none), or
    /// (dense row << 8) | 0xff for a row kept dense.
    rest: u32,
}

/// A weight and its class in 4 bytes: the class lives in the low 8 mantissa bits of the
/// f32 (15 mantissa bits of precision remain, far more than averaging needs), halving the
/// memory the scoring loop streams through.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Packed(u32);

impl Packed {
    /// Class `class` with weight -0.0: adds nothing, but unlike 0 it does not read as an
    /// empty slot (it stands in for a missing class 0 or 1 of a dense row).
    const fn nothing(class: u8) -> Self {
        Packed(0x8000_0000 | class as u32)
    }

    #[inline(always)]
    fn new(class: u8, value: f32) -> Self {
        // Round to nearest at the 8 dropped bits (ties away), keep the sign.
        let bits = value.to_bits();
        let rounded = (bits & 0x8000_0000) | ((bits & 0x7fff_ffff).saturating_add(0x80) & !0xff);
        Packed(rounded | class as u32)
    }
    #[inline(always)]
    fn class(self) -> u8 {
        self.0 as u8
    }
    #[inline(always)]
    fn value(self) -> f32 {
        f32::from_bits(self.0 & !0xff)
    }
}

/// The key bit that files a feature in the hot region (see `SparseWeights::regions`).
pub(crate) const HOT: u64 = 1 << 63;

/// The region of a key: 1 for hot features, 0 for the rest.
#[inline(always)]
fn region(key: u64) -> usize {
    (key >> 63) as usize
}

/// Rows beyond 2^24 weights cannot be addressed by a slot and are dropped.
const MAX_ENTRIES: usize = (1 << 24) - 256;
/// A row with more entries than this beyond its two inline ones is also kept dense.
const DENSE_MIN: usize = 12;
/// `Slot::rest` length marking a dense row (rows have at most 254 entries).
const DENSE: u32 = 0xff;

/// Weights that do not read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum WeightsError {
    Truncated,
    BadClass,
}

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

/// A vector of `n` default values in memory the kernel is asked to back with 2 MB pages.
fn huge_vec<T: Default + Clone>(n: usize) -> Vec<T> {
    let mut v = huge_capacity(n);
    v.resize(n, T::default());
    v
}

/// An empty vector with room for `n` values, in memory the kernel is asked to back with
/// 2 MB pages (Linux, where transparent huge pages are on or on request).
///
/// Why: every feature probes a random slot of a table of tens of megabytes, so with 4 kB
/// pages nearly every probe also misses the TLB, and in a virtual machine a page walk
/// costs several more memory reads. Asking before the pages are first touched (the
/// allocation is fresh and untouched) lets the kernel fault them in as huge pages: +7%
/// parsing speed measured on AFP/Xinhua. Elsewhere, or if the kernel declines, this is an
/// ordinary allocation.
fn huge_capacity<T>(n: usize) -> Vec<T> {
    let mut v: Vec<T> = Vec::with_capacity(n);
    #[cfg(target_os = "linux")]
    {
        const HUGE: usize = 2 << 20;
        let p = v.as_mut_ptr() as usize;
        let start = p.next_multiple_of(HUGE);
        let end = (p + n * std::mem::size_of::<T>()) & !(HUGE - 1);
        if end > start {
            // SAFETY: [start, end) lies inside this vector's own allocation and is
            // page-aligned; MADV_HUGEPAGE only changes how the kernel backs it (a failure
            // is harmless and ignored).
            unsafe {
                libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
            }
        }
    }
    v
}

impl SparseWeights {
    fn with_rows(n_classes: usize, n_rows: [usize; 2], layout: DenseRows) -> Self {
        let order_bits = n_rows.map(|n| order_capacity(n).trailing_zeros());
        Self::with_order(n_classes, n_rows, order_bits, layout)
    }

    /// An empty table for `n_rows` rows per region, stored in the order `order_bits` gives.
    fn with_order(
        n_classes: usize,
        n_rows: [usize; 2],
        order_bits: [u32; 2],
        layout: DenseRows,
    ) -> Self {
        let (dense_base, stride) = dense_layout(n_classes, layout);
        let cap = [0, 1].map(|r| slot_capacity(n_rows[r], r));
        SparseWeights {
            n_classes,
            rows: Vec::with_capacity(n_rows[0] + n_rows[1]),
            order_bits,
            regions: [(0, cap[0] - 1), (cap[0], cap[1] - 1)],
            slots: huge_vec(cap[0] + cap[1]),
            entries: Vec::new(),
            dense: Vec::new(),
            stride,
            dense_base,
            // About 4 bits per key: a quarter megabyte that stays in cache.
            filter: vec![0; (n_rows[0] / 16).next_power_of_two()],
        }
    }

    fn push(&mut self, key: u64, entries: &[(u8, f32)]) {
        if entries.is_empty() || self.entries.len() + entries.len() > MAX_ENTRIES {
            return;
        }
        let start = self.entries.len() as u32;
        self.entries.extend(
            entries
                .iter()
                .map(|&(c, v)| Packed::new(c, v))
                // A weight that rounds to zero could read as an empty slot: drop it.
                .filter(|p| p.value() != 0.0),
        );
        let len = self.entries.len() as u32 - start;
        if len == 0 {
            return;
        }
        let check = (key >> 32) as u32;
        let (base, mask) = self.regions[region(key)];
        let mut i = key as usize & mask;
        while self.slots[base + i].inline[0] != 0 {
            if self.slots[base + i].check == check {
                // Same key twice in 32 + table bits: keep the first row (hash collision,
                // harmless).
                self.entries.truncate(start as usize);
                return;
            }
            i = (i + 1) & mask;
        }
        let i = base + i;
        if region(key) == 0 {
            let (word, bits) = self.filter_bits(key);
            self.filter[word] |= bits;
        }
        let e = &self.entries[start as usize..];
        let (inline, rest) = if len as usize > 2 + DENSE_MIN {
            let d = self.dense.len() * LINE / self.stride;
            let base = self.dense_base;
            let mut row = vec![0f32; self.stride];
            let inline = if base == 2 {
                let mut inline = [Packed::nothing(0).0, Packed::nothing(1).0];
                for p in e {
                    match p.class() {
                        c @ (0 | 1) => inline[c as usize] = p.0,
                        c => row[c as usize - 2] += p.value(),
                    }
                }
                inline
            } else {
                for p in &e[2..] {
                    row[p.class() as usize] += p.value();
                }
                [e[0].0, e[1].0]
            };
            self.dense.extend(row.chunks_exact(LINE).map(|c| {
                let mut line = Line::default();
                for (h, &v) in line.0.iter_mut().zip(c) {
                    *h = f32_to_f16(v);
                }
                line
            }));
            (inline, ((d as u32) << 8) | DENSE)
        } else if len > 2 {
            ([e[0].0, e[1].0], ((start + 2) << 8) | (len - 2))
        } else {
            ([e[0].0, e.get(1).map_or(0, |p| p.0)], 0)
        };
        self.slots[i] = Slot {
            check,
            inline,
            rest,
        };
        self.rows.push((key, (start << 8) | len));
    }

    /// A table from rows given in any order, `(key, [(class, weight)])` with classes below
    /// `n_classes` (at most 256): the layout the tagger scores with, too.
    pub(crate) fn from_rows(
        n_classes: usize,
        mut rows: Vec<(u64, Vec<(u8, f32)>)>,
        layout: DenseRows,
    ) -> Self {
        let n_hot = rows.iter().filter(|(key, _)| region(*key) == 1).count();
        let mut w = SparseWeights::with_rows(n_classes, [rows.len() - n_hot, n_hot], layout);
        let bits = w.bits();
        rows.sort_unstable_by_key(|&(key, _)| (region(key), table_order(key, bits[region(key)])));
        for (key, row) in &rows {
            w.push(*key, row);
        }
        w
    }

    /// Every stored row as (key, weights), in table order; the weights as scored (their
    /// last 8 mantissa bits hold the class, see `Packed`).
    pub(crate) fn rows(&self) -> impl Iterator<Item = (u64, impl Iterator<Item = (u8, f32)> + '_)> {
        self.rows.iter().map(|&(key, p)| {
            let (s, n) = ((p >> 8) as usize, (p & 0xff) as usize);
            (
                key,
                self.entries[s..s + n]
                    .iter()
                    .map(|e| (e.class(), e.value())),
            )
        })
    }

    /// The dense rows as one run of half floats.
    fn halves(&self) -> &[u16] {
        // SAFETY: `Line` is `repr(C)` around `[u16; 32]`, 64 bytes with no padding, so the
        // lines are `32 * len` initialised, suitably aligned `u16`s.
        unsafe { std::slice::from_raw_parts(self.dense.as_ptr().cast(), self.dense.len() * LINE) }
    }

    /// The slot of `key`, or an empty one.
    #[inline(always)]
    fn find(&self, key: u64) -> Slot {
        let check = (key >> 32) as u32;
        let (base, mask) = self.regions[region(key)];
        let mut i = key as usize & mask;
        loop {
            let s = self.slots[base + i];
            if s.inline[0] == 0 || s.check == check {
                return s;
            }
            i = (i + 1) & mask;
        }
    }

    /// The index of the home slot of `key`.
    #[inline(always)]
    fn home(&self, key: u64) -> usize {
        let (base, mask) = self.regions[region(key)];
        base + (key as usize & mask)
    }

    /// The filter word of `key` and the two bits it sets there.
    #[inline(always)]
    fn filter_bits(&self, key: u64) -> (usize, u64) {
        // Keys are hashes already; the multiply decorrelates the filter from the slot
        // index (the key's low bits) and the check (its high bits).
        let h = key.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let word = (h >> 32) as usize & (self.filter.len() - 1);
        (word, 1 << (h & 63) | 1 << ((h >> 6) & 63))
    }

    /// False only if `key` has no row (hot keys are not filtered: nearly all have one).
    #[inline(always)]
    fn may_hold(&self, key: u64) -> bool {
        if region(key) == 1 {
            return true;
        }
        let (word, bits) = self.filter_bits(key);
        self.filter[word] & bits == bits
    }

    /// log2 of each region's key order.
    fn bits(&self) -> [u32; 2] {
        self.order_bits
    }

    pub(crate) fn n_features(&self) -> usize {
        self.rows.len()
    }

    pub(crate) fn n_classes(&self) -> usize {
        self.n_classes
    }

    pub(crate) fn n_weights(&self) -> usize {
        self.entries.len()
    }

    /// Adds the weights of `feats` into `scores`; 256 slots so that a `u8` class needs no
    /// bounds check (classes >= `n_classes` never occur: checked when built or read).
    #[inline]
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [f32; 256]) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2")
            && std::arch::is_x86_feature_detected!("f16c")
        {
            // SAFETY: the CPU supports AVX2 and F16C (checked just above).
            unsafe { self.score_avx2(feats, scores) };
            return;
        }
        self.score_plain(feats, scores, add_dense_plain);
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,f16c")]
    unsafe fn score_avx2(&self, feats: &[u64], scores: &mut [f32; 256]) {
        // A closure here inherits this function's target features, so the kernel inlines.
        self.score_plain(feats, scores, |acc, dense, stride, rows| {
            add_dense_f16c(acc, dense, stride, rows)
        });
    }

    /// All slots are prefetched before any is read (parsing is memory-bound: the reads
    /// then overlap), and the rows beyond the inline pairs likewise before they are summed.
    #[inline(always)]
    fn score_plain(
        &self,
        feats: &[u64],
        scores: &mut [f32; 256],
        add_dense: impl Fn(&mut [f32], &[u16], usize, &[u32]),
    ) {
        const CHUNK: usize = 128;
        for feats in feats.chunks(CHUNK) {
            // The keys that may have rows, their slots prefetched (a filtered-out key
            // prefetches slot 0, which stays cached, instead of branching).
            let mut keys = [0u8; CHUNK];
            let mut n_keys = 0;
            for (k, &f) in feats.iter().enumerate() {
                let pass = self.may_hold(f);
                keys[n_keys] = k as u8;
                n_keys += usize::from(pass);
                prefetch(&self.slots[if pass { self.home(f) } else { 0 }]);
            }
            // Rows to add after the slots are read: dense ones from the front, the rest of
            // sparse ones from the back (together at most one per feature).
            let mut rows = [0u32; CHUNK];
            let (mut n_dense, mut n_sparse) = (0, 0);
            for &k in &keys[..n_keys] {
                let s = self.find(feats[k as usize]);
                for x in s.inline {
                    // An empty inline entry is 0: class 0, weight +0.0, a no-op.
                    let e = Packed(x);
                    scores[e.class() as usize] += e.value();
                }
                if s.rest & 0xff == DENSE {
                    let row = (s.rest >> 8) as usize * self.stride / LINE;
                    for line in &self.dense[row..row + self.stride / LINE] {
                        prefetch(line);
                    }
                    rows[n_dense] = s.rest >> 8;
                    n_dense += 1;
                } else if s.rest != 0 {
                    prefetch(&self.entries[(s.rest >> 8) as usize]);
                    n_sparse += 1;
                    rows[CHUNK - n_sparse] = s.rest;
                }
            }
            let (dense, sparse) = rows.split_at(CHUNK - n_sparse);
            // In the order found (float sums depend on order; see `DenseRows::AllClasses`).
            for &p in sparse.iter().rev() {
                let (s, n) = ((p >> 8) as usize, (p & 0xff) as usize);
                for e in &self.entries[s..s + n] {
                    scores[e.class() as usize] += e.value();
                }
            }
            add_dense(
                &mut scores[self.dense_base..],
                self.halves(),
                self.stride,
                &dense[..n_dense],
            );
        }
    }

    /// Column layout (keys, run lengths, classes, values) so that a general-purpose
    /// compressor finds the redundancy: sorted keys are delta-coded as varints.
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.n_classes as u32).to_le_bytes());
        out.extend_from_slice(&(self.rows.len() as u64).to_le_bytes());
        let n_hot = self.rows.iter().filter(|&&(k, _)| region(k) == 1).count();
        out.extend_from_slice(&(n_hot as u64).to_le_bytes());
        let bits = self.bits();
        out.extend(bits.map(|b| b as u8));
        // Rows are in (region, table order); the delta coding restarts with each region.
        let mut prev = (0usize, 0u64);
        for &(k, _) in &self.rows {
            let r = table_order(k, bits[region(k)]);
            if region(k) != prev.0 {
                prev = (region(k), 0);
            }
            write_varint(out, r.wrapping_sub(prev.1));
            prev.1 = r;
        }
        let run = |p: u32| {
            let s = (p >> 8) as usize;
            s..s + (p & 0xff) as usize
        };
        for &(_, p) in &self.rows {
            out.push((p & 0xff) as u8);
        }
        for &(_, p) in &self.rows {
            out.extend(self.entries[run(p)].iter().map(|e| e.class()));
        }
        for &(_, p) in &self.rows {
            for e in &self.entries[run(p)] {
                out.extend_from_slice(&e.value().to_le_bytes());
            }
        }
    }

    /// A table as [`write`](Self::write) left it, laid out for the parser
    /// ([`DenseRows::FromClass2`]): the file does not record a layout, and the tagger
    /// builds its table with [`from_rows`](Self::from_rows) instead.
    pub(crate) fn read(input: &mut &[u8]) -> Result<Self, WeightsError> {
        let n_classes = u32::from_le_bytes(take_array(input)?) as usize;
        let n = u64::from_le_bytes(take_array(input)?) as usize;
        // Every feature needs at least 1 key byte + 1 length byte + 1 class + 4 value bytes.
        if n > input.len() / 7 || n_classes > 256 {
            return Err(WeightsError::Truncated);
        }
        let n_hot = u64::from_le_bytes(take_array(input)?) as usize;
        if n_hot > n {
            return Err(WeightsError::Truncated);
        }
        let counts = [n - n_hot, n_hot];
        let bits = take_array::<2>(input)?.map(u32::from);
        // Each region's order is wider than its rows and at most twice what `with_rows`
        // would choose: a corrupt width must not make rows collide in the order.
        for (&b, &count) in bits.iter().zip(&counts) {
            let max_cap = 2 * order_capacity(count);
            if !(4..=40).contains(&b) || (1usize << b) <= count || (1usize << b) > max_cap {
                return Err(WeightsError::Truncated);
            }
        }
        let mut keys = Vec::with_capacity(n);
        let mut prev = 0u64;
        for i in 0..n {
            let r = usize::from(i >= counts[0]);
            if i == counts[0] {
                prev = 0;
            }
            prev = prev.wrapping_add(read_varint(input)?);
            let key = prev.rotate_left(bits[r]);
            if region(key) != r {
                return Err(WeightsError::Truncated);
            }
            keys.push(key);
        }
        let lens = take(input, n)?;
        let total: usize = lens.iter().map(|&l| l as usize).sum();
        let classes = take(input, total)?;
        if classes.iter().any(|&c| c as usize >= n_classes) {
            return Err(WeightsError::BadClass);
        }
        let raw = take(input, total * 4)?;
        let mut w = SparseWeights::with_order(n_classes, counts, bits, DenseRows::FromClass2);
        w.entries = huge_capacity(total);
        let n_dense = lens.iter().filter(|&&l| l as usize > 2 + DENSE_MIN).count();
        w.dense = huge_capacity(n_dense * w.stride / LINE);
        let mut buf = Vec::with_capacity(256);
        let (mut at, mut values) = (0usize, raw.chunks_exact(4));
        for (&k, &l) in keys.iter().zip(lens) {
            buf.clear();
            for &c in &classes[at..at + l as usize] {
                let v = values.next().ok_or(WeightsError::Truncated)?;
                buf.push((c, f32::from_le_bytes([v[0], v[1], v[2], v[3]])));
            }
            at += l as usize;
            w.push(k, &buf);
        }
        Ok(w)
    }
}

/// `acc += row` for each dense row (half floats, `stride` long) in `rows`.
fn add_dense_plain(acc: &mut [f32], dense: &[u16], stride: usize, rows: &[u32]) {
    for &r in rows {
        let row = &dense[r as usize * stride..][..stride];
        for (a, &w) in acc.iter_mut().zip(row) {
            *a += f16_to_f32(w);
        }
    }
}

/// [`add_dense_plain`] with F16C conversions: up to 64 classes at a time are summed over
/// all rows in registers, so the scores are loaded and stored once per call rather than
/// once per row (about 4% of parsing time).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,f16c")]
fn add_dense_f16c(acc: &mut [f32], dense: &[u16], stride: usize, rows: &[u32]) {
    assert!(stride.is_multiple_of(8) && stride <= acc.len());
    assert!(rows
        .iter()
        .all(|&r| (r as usize + 1) * stride <= dense.len()));
    let groups = stride / 8;
    let mut g = 0;
    while g < groups {
        let n = (groups - g).min(8);
        // SAFETY: column groups g..g + n lie within the stride (asserted above), and so
        // within `acc` and within every row.
        unsafe {
            match n {
                8 => add_block::<8>(acc, dense, stride, rows, g),
                7 => add_block::<7>(acc, dense, stride, rows, g),
                6 => add_block::<6>(acc, dense, stride, rows, g),
                5 => add_block::<5>(acc, dense, stride, rows, g),
                4 => add_block::<4>(acc, dense, stride, rows, g),
                3 => add_block::<3>(acc, dense, stride, rows, g),
                2 => add_block::<2>(acc, dense, stride, rows, g),
                _ => add_block::<1>(acc, dense, stride, rows, g),
            }
        }
        g += n;
    }
}

/// Column groups `g..g + N` (8 classes each) of every row, summed in `N` registers.
///
/// # Safety
/// `(g + N) * 8 <= stride <= acc.len()`, every row `r` has `(r + 1) * stride <=
/// dense.len()`, and the CPU has AVX2 and F16C.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,f16c")]
#[inline]
unsafe fn add_block<const N: usize>(
    acc: &mut [f32],
    dense: &[u16],
    stride: usize,
    rows: &[u32],
    g: usize,
) {
    use std::arch::x86_64::*;
    let at = acc.as_mut_ptr().add(g * 8);
    let mut sum = [_mm256_setzero_ps(); N];
    for (k, s) in sum.iter_mut().enumerate() {
        *s = _mm256_loadu_ps(at.add(8 * k));
    }
    for &r in rows {
        let row = dense.as_ptr().add(r as usize * stride + g * 8);
        for (k, s) in sum.iter_mut().enumerate() {
            let h = _mm_loadu_si128(row.add(8 * k).cast());
            *s = _mm256_add_ps(*s, _mm256_cvtph_ps(h));
        }
    }
    for (k, s) in sum.iter().enumerate() {
        _mm256_storeu_ps(at.add(8 * k), *s);
    }
}

/// IEEE 754 binary16 from f32, rounding to nearest even (overflow to infinity, tiny
/// values to zero: parser weights lie far inside the range).
fn f32_to_f16(v: f32) -> u16 {
    let bits = v.to_bits();
    let sign = ((bits >> 16) & 0x8000) as u16;
    let exp = ((bits >> 23) & 0xff) as i32 - 127 + 15;
    let man = bits & 0x7f_ffff;
    if v.is_nan() {
        return sign | 0x7e00;
    }
    if exp >= 31 {
        return sign | 0x7c00;
    }
    if exp <= 0 {
        return sign;
    }
    // Round the 23-bit mantissa to 10 bits, to nearest even; a carry bumps the exponent.
    let half = (exp as u32) << 10 | (man >> 13);
    let rest = man & 0x1fff;
    let round = u32::from(rest > 0x1000 || (rest == 0x1000 && half & 1 == 1));
    let h = half + round;
    if h >= 0x7c00 {
        sign | 0x7c00
    } else {
        sign | h as u16
    }
}

/// f32 from IEEE 754 binary16 (normal numbers, zero, infinity; [`f32_to_f16`] makes no
/// subnormals, so none are decoded).
#[inline(always)]
fn f16_to_f32(h: u16) -> f32 {
    let sign = ((h & 0x8000) as u32) << 16;
    let exp = ((h >> 10) & 0x1f) as u32;
    let man = (h & 0x3ff) as u32;
    let bits = match exp {
        0 => sign,
        31 => sign | 0x7f80_0000 | (man << 13),
        _ => sign | ((exp + 127 - 15) << 23) | (man << 13),
    };
    f32::from_bits(bits)
}

/// What the slot of a long row keeps inline, and so where its dense row starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DenseRows {
    /// Classes 0 and 1; the row holds classes 2.. (the parser: its 98 classes then fill
    /// exactly three cache lines).
    FromClass2,
    /// The row's first two weights, whatever their classes; the row holds every class.
    /// The tagger scores this way: jackknifed training tags come from its scores, and
    /// moving a weight from inline (15 bits) to the row (half float) would change a few
    /// of them, so `aras train` would no longer reproduce the shipped model. With ~50
    /// classes its rows are two lines either way.
    AllClasses,
}

/// (first class, halves) of the dense rows for `n_classes` classes (see
/// `SparseWeights::dense`).
fn dense_layout(n_classes: usize, layout: DenseRows) -> (usize, usize) {
    let stride = n_classes.saturating_sub(2).div_ceil(LINE).max(1) * LINE;
    if layout == DenseRows::FromClass2 && 2 + stride <= 256 {
        (2, stride)
    } else {
        (0, n_classes.div_ceil(LINE).max(1) * LINE)
    }
}

/// The width of a region's key order for `n_rows` rows (written in the model file): a
/// power of two, more than 4/3 of the rows.
fn order_capacity(n_rows: usize) -> usize {
    (n_rows * 4 / 3 + 1).next_power_of_two().max(16)
}

/// Slots for `n_rows` rows of `region` in memory: a power of two, at most 1/4 full for
/// the lexical region and 1/8 for the hot one.
///
/// Why so sparse: a key found past the end of its home cache line costs a second,
/// dependent memory read that the prefetch did not cover. At 3/4 full that happened
/// to 31% of the hot lookups (about 40 per word on news); at 1/8 full to 4%, for +25%
/// parsing speed at the price of ~66 MB more memory (46 MB the parser's table, 20 MB the
/// tagger's).
fn slot_capacity(n_rows: usize, region: usize) -> usize {
    (n_rows * [4, 8][region]).next_power_of_two().max(16)
}

/// The order rows are inserted and stored in (within a region): by the key's low `bits`
/// bits, so that loading fills the table roughly front to back instead of at random
/// (several times faster), with the key rotated so the sorted values still delta-code
/// into small varints.
#[inline]
fn table_order(key: u64, bits: u32) -> u64 {
    key.rotate_right(bits)
}

pub(crate) fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

pub(crate) fn read_varint(input: &mut &[u8]) -> Result<u64, WeightsError> {
    let mut v = 0u64;
    for shift in (0..70).step_by(7) {
        let b = *take(input, 1)?.first().ok_or(WeightsError::Truncated)?;
        if shift == 63 && b > 1 {
            return Err(WeightsError::Truncated);
        }
        v |= ((b & 0x7f) as u64) << shift;
        if b < 0x80 {
            return Ok(v);
        }
    }
    Err(WeightsError::Truncated)
}

pub(crate) fn take<'a>(input: &mut &'a [u8], n: usize) -> Result<&'a [u8], WeightsError> {
    if input.len() < n {
        return Err(WeightsError::Truncated);
    }
    let (head, rest) = input.split_at(n);
    *input = rest;
    Ok(head)
}

pub(crate) fn take_array<const N: usize>(input: &mut &[u8]) -> Result<[u8; N], WeightsError> {
    let mut a = [0u8; N];
    a.copy_from_slice(take(input, N)?);
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_round_trips_and_rejects_truncation() {
        let mut t = SparseTrainer::new(3);
        for _ in 0..3 {
            t.update(&[1, 2], 0, 2);
            t.tick();
            t.update(&[3, 2], 1, 0);
            t.tick();
        }
        let w = t.finish(0.0);
        let mut s = [0.0f32; 256];
        w.score(&[1], &mut s);
        assert!(s[0] > s[2]);
        // Hot keys live in their own region and come back like the others.
        let mut t = SparseTrainer::new(3);
        t.update(&[1, 2 | HOT, 5 | HOT], 0, 2);
        t.tick();
        let w2 = t.finish(0.0);
        assert_eq!(w2.bits(), [4, 4]);
        let mut s = [0.0f32; 256];
        w2.score(&[2 | HOT], &mut s);
        assert!(s[0] > s[2]);
        let mut bytes = Vec::new();
        w2.write(&mut bytes);
        assert_eq!(SparseWeights::read(&mut bytes.as_slice()).unwrap(), w2);
        let mut bytes = Vec::new();
        w.write(&mut bytes);
        let back = SparseWeights::read(&mut bytes.as_slice()).unwrap();
        assert_eq!(back, w);
        for cut in 0..bytes.len() {
            assert!(SparseWeights::read(&mut &bytes[..cut]).is_err());
        }
    }

    #[test]
    fn dense_rows_score_like_sparse_ones() {
        // Feature 7 is updated for all 40 classes (a dense row), feature 8 for two.
        let mut t = SparseTrainer::new(40);
        for c in 0..40 {
            t.update(&[7, 8], c, (c + 1) % 40);
            t.update(&[7], c, (c + 3) % 40);
            t.tick();
        }
        let w = t.finish(0.0);
        assert!(!w.dense.is_empty());
        let mut got = [0.0f32; 256];
        w.score(&[7, 8, 9], &mut got);
        assert_scores_close(&got, &summed_row_by_row(&w, &[7, 8]));
        let mut bytes = Vec::new();
        w.write(&mut bytes);
        assert_eq!(SparseWeights::read(&mut bytes.as_slice()).unwrap(), w);
    }

    /// The scores of `keys` summed entry by entry from the stored rows, the way the
    /// table's layout (inline pairs, dense rows, filter) must reproduce.
    fn summed_row_by_row(w: &SparseWeights, keys: &[u64]) -> [f32; 256] {
        let mut want = [0.0f32; 256];
        for (key, row) in w.rows() {
            if keys.contains(&key) {
                for (c, v) in row {
                    want[c as usize] += v;
                }
            }
        }
        want
    }

    fn assert_scores_close(got: &[f32; 256], want: &[f32; 256]) {
        for c in 0..256 {
            assert!(
                (got[c] - want[c]).abs() <= 1e-4 + want[c].abs() / 1024.0,
                "class {c}: {} vs {}",
                got[c],
                want[c]
            );
        }
    }

    #[test]
    fn dense_rows_without_the_inline_classes_score_like_sparse_ones() {
        // Row `a` has weights only for classes 2..40: its dense row has nothing for the
        // two classes kept inline, which must then add nothing, and its slot must still
        // read as taken, or `b` (same home slot, probed after it) would be lost.
        let (a, b) = (0x1_0000_0005, 0x2_0000_0005);
        let w = SparseWeights::from_rows(
            40,
            vec![
                (b, vec![(1, 5.0)]),
                (a, (2..40).map(|c| (c, c as f32 - 20.5)).collect()),
            ],
            DenseRows::FromClass2,
        );
        assert_eq!(w.dense_base, 2);
        assert_eq!(w.dense.len(), 2, "one dense row of 38 classes: two lines");
        let mut got = [0.0f32; 256];
        w.score(&[a], &mut got);
        assert_eq!((got[0], got[1]), (0.0, 0.0));
        assert_scores_close(&got, &summed_row_by_row(&w, &[a]));
        let mut got = [0.0f32; 256];
        w.score(&[b], &mut got);
        assert_eq!(got[1], 5.0);
        assert_scores_close(&got, &summed_row_by_row(&w, &[b]));
    }

    #[test]
    fn tables_with_many_classes_keep_dense_rows_from_class_0() {
        // 250 classes: two inline classes plus 248 rounded up to whole lines would not
        // fit the 256 scores, so rows hold every class.
        assert_eq!(dense_layout(250, DenseRows::FromClass2), (0, 256));
        assert_eq!(dense_layout(98, DenseRows::FromClass2), (2, 96));
        assert_eq!(dense_layout(40, DenseRows::FromClass2), (2, 64));
        assert_eq!(dense_layout(98, DenseRows::AllClasses), (0, 128));
        assert_eq!(dense_layout(50, DenseRows::AllClasses), (0, 64));
        let mut t = SparseTrainer::new(250);
        for c in 0..250 {
            t.update(&[7], c, (c + 7) % 250);
            t.tick();
        }
        let w = t.finish(0.0);
        assert_eq!(w.dense_base, 0);
        assert!(!w.dense.is_empty());
        let mut got = [0.0f32; 256];
        w.score(&[7], &mut got);
        assert_scores_close(&got, &summed_row_by_row(&w, &[7]));
        let mut bytes = Vec::new();
        w.write(&mut bytes);
        assert_eq!(SparseWeights::read(&mut bytes.as_slice()).unwrap(), w);
    }

    #[test]
    fn the_tagger_layout_keeps_a_long_rows_first_two_weights_exact() {
        // `aras train` reproduces the shipped model only if the tagger scores exactly as
        // it did when the model was made: a long row's first two weights (here classes 3
        // and 4, with more bits than a half float holds) stay inline at full precision.
        let row: Vec<(u8, f32)> = (3..40).map(|c| (c, 1.0 + c as f32 / 4096.0)).collect();
        let w = SparseWeights::from_rows(40, vec![(9, row)], DenseRows::AllClasses);
        assert_eq!(w.dense_base, 0);
        let mut got = [0.0f32; 256];
        w.score(&[9], &mut got);
        assert_eq!(got[3], Packed::new(3, 1.0 + 3.0 / 4096.0).value());
        assert_eq!(got[4], Packed::new(4, 1.0 + 4.0 / 4096.0).value());
        assert_ne!(got[3], f16_to_f32(f32_to_f16(got[3])));
        assert_eq!(got[5], f16_to_f32(f32_to_f16(1.0 + 5.0 / 4096.0)));
    }

    #[test]
    fn the_filter_never_rules_out_a_stored_key() {
        let mut gen = crate::parser::SplitMix(7);
        let mut rng = move || gen.next_u64();
        let rows: Vec<(u64, Vec<(u8, f32)>)> = (0..5000)
            .map(|i| (rng() & !HOT, vec![(i as u8 % 3, 1.0 + i as f32)]))
            .collect();
        let w = SparseWeights::from_rows(3, rows.clone(), DenseRows::FromClass2);
        for (key, _) in &rows {
            assert!(w.may_hold(*key), "{key:#x}");
        }
        // And it rules out most keys that are not there (about 4 bits per key).
        let absent = (0..10_000).filter(|_| !w.may_hold(rng() & !HOT)).count();
        assert!(
            absent > 7_000,
            "only {absent} of 10,000 absent keys ruled out"
        );
        // Hot keys are never filtered.
        assert!((0..100).all(|_| w.may_hold(rng() | HOT)));
    }

    #[test]
    fn tables_in_memory_stay_sparse_whatever_the_file_order() {
        // (rows, region) -> slots: at most 1/4 full for lexical keys, 1/8 for hot ones.
        for (rows, region, slots) in [
            (0, 0, 16),
            (3, 1, 32),
            (494_000, 0, 1 << 21),
            (185_000, 1, 1 << 21),
            (1 << 20, 0, 1 << 22),
        ] {
            assert_eq!(
                slot_capacity(rows, region),
                slots,
                "{rows} rows, region {region}"
            );
        }
        // The file's key order is the old, 3/4-full width, so models read and write the
        // same bytes as before the tables grew.
        assert_eq!(order_capacity(185_000), 1 << 18);
        let mut t = SparseTrainer::new(3);
        t.update(&[1, 2 | HOT, 5 | HOT], 0, 2);
        let w = t.finish(0.0);
        assert_eq!(w.bits(), [4, 4]);
        assert_eq!(w.regions, [(0, 15), (16, 15)]);
    }

    #[test]
    fn half_floats_round_trip_within_their_precision() {
        for v in [
            0.0f32, 1.0, -1.0, 1.5, 88.228516, -37.1, 0.33333, 1e-3, 65504.0,
        ] {
            let back = f16_to_f32(f32_to_f16(v));
            assert!((back - v).abs() <= v.abs() / 1024.0, "{v} -> {back}");
        }
        assert_eq!(f32_to_f16(1.0), 0x3c00);
        assert_eq!(f32_to_f16(-2.0), 0xc000);
        assert_eq!(f16_to_f32(0x7c00), f32::INFINITY);
        assert_eq!(f32_to_f16(1e6), 0x7c00);
    }

    #[test]
    fn varints_round_trip() {
        for v in [0u64, 1, 127, 128, 300, u64::MAX, 1 << 63] {
            let mut out = Vec::new();
            write_varint(&mut out, v);
            assert_eq!(read_varint(&mut out.as_slice()), Ok(v));
        }
    }
}
