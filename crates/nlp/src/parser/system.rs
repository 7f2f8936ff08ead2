//! The arc-eager transition system (Nivre 2003) with a single-root constraint, and the
//! dynamic oracle of Goldberg & Nivre (2012): arc-eager is arc-decomposable, so the cost of
//! a transition is the number of gold arcs that were still reachable and no longer are
//! (plus one for a wrong label), computable in O(stack + buffer).
//!
//! Positions: 0 is the artificial root, words are 1..len. Every per-position array has one
//! extra slot at index `len` (the "none" sentinel) so feature extraction needs no branches.

/// "No word" in head and child arrays.
pub(crate) const NONE: u32 = u32::MAX;

/// The four moves; labelled classes are `SHIFT`, `REDUCE`, `LEFT + l`, `LEFT + L + l`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Move {
    Shift,
    Reduce,
    Left,
    Right,
}

/// Class layout for `n_labels` labels.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Classes {
    pub n_labels: usize,
}

impl Classes {
    pub(crate) fn count(&self) -> usize {
        2 + 2 * self.n_labels
    }
    pub(crate) fn decode(&self, c: usize) -> (Move, u16) {
        match c {
            0 => (Move::Shift, 0),
            1 => (Move::Reduce, 0),
            c if c < 2 + self.n_labels => (Move::Left, (c - 2) as u16),
            c => (Move::Right, (c - 2 - self.n_labels) as u16),
        }
    }
}

/// A parser configuration plus the bookkeeping the features need.
#[derive(Default)]
pub(crate) struct State {
    /// Number of positions including the root (words + 1).
    pub len: usize,
    pub stack: Vec<u32>,
    /// Front of the buffer; the buffer is always the contiguous range `b..len`.
    pub b: u32,
    pub head: Vec<u32>,
    pub label: Vec<u16>,
    /// Leftmost / second-leftmost left child, rightmost / second-rightmost right child.
    pub l1: Vec<u32>,
    pub l2: Vec<u32>,
    pub r1: Vec<u32>,
    pub r2: Vec<u32>,
    pub vl: Vec<u8>,
    pub vr: Vec<u8>,
    /// Bitsets of the labels of left / right children (labels >= 64 share bit 63).
    pub ls: Vec<u64>,
    pub rs: Vec<u64>,
    pub root_child: u32,
}

fn reset<T: Clone>(v: &mut Vec<T>, n: usize, x: T) {
    v.clear();
    v.resize(n, x);
}

impl State {
    /// Starts a sentence of `n_words` words: root on the stack, all words in the buffer.
    pub(crate) fn init(&mut self, n_words: usize, none_label: u16) {
        let len = n_words + 1;
        self.len = len;
        self.stack.clear();
        self.stack.push(0);
        self.b = 1;
        reset(&mut self.head, len + 1, NONE);
        reset(&mut self.label, len + 1, none_label);
        reset(&mut self.l1, len + 1, NONE);
        reset(&mut self.l2, len + 1, NONE);
        reset(&mut self.r1, len + 1, NONE);
        reset(&mut self.r2, len + 1, NONE);
        reset(&mut self.vl, len + 1, 0);
        reset(&mut self.vr, len + 1, 0);
        reset(&mut self.ls, len + 1, 0);
        reset(&mut self.rs, len + 1, 0);
        self.root_child = NONE;
    }

    pub(crate) fn done(&self) -> bool {
        self.b as usize >= self.len
    }

    pub(crate) fn s0(&self) -> u32 {
        *self.stack.last().unwrap_or(&0)
    }

    /// Which moves are legal: [shift, reduce, left, right].
    pub(crate) fn legal(&self) -> [bool; 4] {
        if self.done() {
            return [false; 4];
        }
        let s = self.s0();
        let s_headed = self.head[s as usize] != NONE;
        [
            true,
            s != 0 && s_headed,
            s != 0 && !s_headed,
            s != 0 || self.root_child == NONE,
        ]
    }

    fn add_arc(&mut self, h: u32, d: u32, label: u16) {
        let (hu, du) = (h as usize, d as usize);
        self.head[du] = h;
        self.label[du] = label;
        let bit = 1u64 << (label.min(63));
        if d < h {
            // Arc-eager adds left children right to left: each is the new leftmost.
            self.l2[hu] = self.l1[hu];
            self.l1[hu] = d;
            self.vl[hu] = self.vl[hu].saturating_add(1);
            self.ls[hu] |= bit;
        } else {
            self.r2[hu] = self.r1[hu];
            self.r1[hu] = d;
            self.vr[hu] = self.vr[hu].saturating_add(1);
            self.rs[hu] |= bit;
        }
        if h == 0 {
            self.root_child = d;
        }
    }

    /// Applies a legal move.
    pub(crate) fn apply(&mut self, m: Move, label: u16) {
        match m {
            Move::Shift => {
                self.stack.push(self.b);
                self.b += 1;
            }
            Move::Reduce => {
                self.stack.pop();
            }
            Move::Left => {
                let s = self.stack.pop().unwrap_or(0);
                self.add_arc(self.b, s, label);
            }
            Move::Right => {
                let s = self.s0();
                self.add_arc(s, self.b, label);
                self.stack.push(self.b);
                self.b += 1;
            }
        }
    }

    /// Attaches every word left without a head: to the root's child when there is one
    /// (with `extra_label`), else the first such word becomes the root.
    pub(crate) fn finish(&mut self, root_label: u16, extra_label: u16) {
        for d in 1..self.len as u32 {
            if self.head[d as usize] == NONE {
                if self.root_child == NONE {
                    self.add_arc(0, d, root_label);
                } else {
                    let r = self.root_child;
                    self.head[d as usize] = r;
                    self.label[d as usize] = extra_label;
                }
            }
        }
    }

    /// Costs of the four moves against a projective gold tree (`gold_head[d]` for
    /// positions 1..len). Label costs are added by the caller.
    pub(crate) fn move_costs(&self, gold_head: &[u32]) -> [u32; 4] {
        let s = self.s0();
        let b = self.b;
        let len = self.len as u32;
        // A gold head on the stack is still reachable unless it is the root and the root
        // already has its one child.
        let reach_stack = |h: u32| h != 0 || self.root_child == NONE;
        let in_buffer_after = |x: u32| x > b && x < len;
        let gh = |d: u32| gold_head[d as usize];
        // Gold dependents of `x` still in the buffer from `from` on.
        let deps_in_buffer = |x: u32, from: u32| (from..len).filter(|&d| gh(d) == x).count() as u32;
        // Headless stack words (from the top, `skip` excluded) whose gold head is `x`.
        let headless_stack_deps = |x: u32| {
            self.stack
                .iter()
                .filter(|&&d| d != 0 && self.head[d as usize] == NONE && gh(d) == x)
                .count() as u32
        };
        let b_head_in_stack = |skip_top: bool| {
            let n = self.stack.len() - usize::from(skip_top);
            let h = gh(b);
            self.stack[..n].contains(&h) && reach_stack(h)
        };
        let shift = u32::from(b_head_in_stack(false)) + headless_stack_deps(b);
        let reduce = if s == 0 { 0 } else { deps_in_buffer(s, b) };
        let left = if s == 0 {
            0
        } else {
            u32::from(in_buffer_after(gh(s))) + deps_in_buffer(s, b)
        };
        let right = {
            let h = gh(b);
            let head_lost = h != s && (b_head_in_stack(true) || in_buffer_after(h));
            // The root takes one child: giving it the wrong one loses the gold root arc.
            let root_lost = s == 0 && h != 0 && (b + 1..len).any(|r| gh(r) == 0);
            u32::from(head_lost) + u32::from(root_lost) + headless_stack_deps(b)
        };
        [shift, reduce, left, right]
    }
}

/// Whether the arc `head[d] -> d` is projective: every word between them is dominated by
/// the head.
fn is_projective_arc(head: &[u32], d: usize) -> bool {
    let h = head[d] as usize;
    let (lo, hi) = if h < d { (h, d) } else { (d, h) };
    (lo + 1..hi).all(|k| dominated_by(head, k, h))
}

fn dominated_by(head: &[u32], mut k: usize, h: usize) -> bool {
    // Bounded walk: a malformed (cyclic) tree must not loop forever.
    for _ in 0..head.len() {
        if k == h {
            return true;
        }
        if k == 0 {
            return false;
        }
        k = head[k] as usize;
        if k >= head.len() {
            return false;
        }
    }
    false
}

/// Makes a tree projective by lifting (Nivre & Nilsson 2005, without label encoding):
/// repeatedly reattach the dependent of the shortest non-projective arc to its
/// grandparent. `head[0]` is ignored; returns the number of lifts.
pub(crate) fn projectivize(head: &mut [u32]) -> usize {
    let mut lifts = 0;
    loop {
        let mut best: Option<(usize, usize)> = None;
        for d in 1..head.len() {
            if head[d] == 0 || head[d] as usize >= head.len() {
                continue;
            }
            if !is_projective_arc(head, d) {
                let span = (head[d] as usize).abs_diff(d);
                if best.is_none_or(|(s, _)| span < s) {
                    best = Some((span, d));
                }
            }
        }
        match best {
            Some((_, d)) if lifts < 4 * head.len() => {
                head[d] = head[head[d] as usize];
                lifts += 1;
            }
            _ => return lifts,
        }
    }
}

/// Whether `head` (positions 1.., `head[0]` ignored) is a tree: one root child, no cycles.
pub(crate) fn is_tree(head: &[u32]) -> bool {
    let n = head.len();
    let roots = head.iter().skip(1).filter(|&&h| h == 0).count();
    roots == 1 && (1..n).all(|d| head[d] as usize != d && dominated_by(head, d, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows the first zero-cost move in the order LEFT, RIGHT, REDUCE, SHIFT, with the
    /// gold label: the static oracle derived from the dynamic one.
    pub(crate) fn oracle_parse(gold: &[u32], labels: &[u16]) -> (Vec<u32>, Vec<u16>, Vec<Move>) {
        let mut st = State::default();
        st.init(gold.len() - 1, 99);
        let mut moves = Vec::new();
        while !st.done() {
            let legal = st.legal();
            let costs = st.move_costs(gold);
            let m = [Move::Left, Move::Right, Move::Reduce, Move::Shift]
                .into_iter()
                .find(|&m| legal[m as usize] && costs[m as usize] == 0)
                .expect("a zero-cost move always exists for a projective tree");
            let l = match m {
                Move::Left => labels[st.s0() as usize],
                Move::Right => labels[st.b as usize],
                _ => 0,
            };
            st.apply(m, l);
            moves.push(m);
        }
        st.finish(0, 98);
        (
            st.head[..st.len].to_vec(),
            st.label[..st.len].to_vec(),
            moves,
        )
    }

    // Heads for positions 0..=n (index 0 unused), labels likewise.
    const TREES: &[(&[u32], &[u16])] = &[
        // "She sold it": 1 <- 2 -> 3, 2 root
        (&[0, 2, 0, 2], &[0, 1, 0, 2]),
        // one word
        (&[0, 0], &[0, 0]),
        // "The old man left early ." : 1<-3, 2<-3, 3<-4, 4 root, 5<-4, 6<-4
        (&[0, 3, 3, 4, 0, 4, 4], &[0, 3, 4, 1, 0, 5, 6]),
        // right-branching chain: 1 root, 2<-1, 3<-2, 4<-3
        (&[0, 0, 1, 2, 3], &[0, 0, 7, 7, 7]),
        // root in the middle with a reduce needed: 1<-2, 2 root, 3<-2, 4<-3, 5<-2
        (&[0, 2, 0, 2, 3, 2], &[0, 1, 0, 2, 3, 4]),
    ];

    #[test]
    fn oracle_reproduces_gold_trees() {
        for (gold, labels) in TREES {
            let (heads, labs, _) = oracle_parse(gold, labels);
            assert_eq!(&heads[1..], &gold[1..], "heads for {gold:?}");
            assert_eq!(&labs[1..], &labels[1..], "labels for {gold:?}");
        }
    }

    #[test]
    fn oracle_sequence_is_the_expected_one() {
        let (_, _, moves) = oracle_parse(TREES[0].0, TREES[0].1);
        use Move::*;
        assert_eq!(moves, [Shift, Left, Right, Right]);
    }

    #[test]
    fn legal_moves() {
        let mut st = State::default();
        st.init(3, 99);
        // Root on the stack: only SHIFT and RIGHT (to the root) are allowed.
        assert_eq!(st.legal(), [true, false, false, true]);
        st.apply(Move::Shift, 0);
        // Headless word on top: LEFT, not REDUCE.
        assert_eq!(st.legal(), [true, false, true, true]);
        st.apply(Move::Left, 1);
        st.apply(Move::Right, 0);
        assert_eq!(st.root_child, 2);
        // Headed word on top: REDUCE, not LEFT.
        assert_eq!(st.legal(), [true, true, false, true]);
        st.apply(Move::Reduce, 0);
        // The root already has its child: no second RIGHT from it.
        assert_eq!(st.legal(), [true, false, false, false]);
        st.apply(Move::Shift, 0);
        assert!(st.done());
        assert_eq!(st.legal(), [false; 4]);
        st.finish(0, 7);
        assert_eq!(&st.head[1..4], &[2, 0, 2]);
        assert_eq!(st.label[3], 7);
    }

    #[test]
    fn dynamic_oracle_costs_on_hand_made_configurations() {
        // Gold: 1<-2, 2 root, 3<-2, 4<-3.
        let gold = [0, 2, 0, 2, 3];
        let mut st = State::default();
        st.init(4, 99);
        // Stack [0], buffer 1..: SHIFT free; RIGHT(0->1) loses 1's head and the root arc.
        assert_eq!(st.move_costs(&gold), [0, 0, 0, 2]);
        st.apply(Move::Shift, 0);
        // Stack [0 1], b=2: LEFT(2->1) free; SHIFT loses 1<-2 and 2's root arc; so does
        // RIGHT(1->2).
        let c = st.move_costs(&gold);
        assert_eq!((c[0], c[2], c[3]), (2, 0, 2));
        // A mistake: SHIFT.
        st.apply(Move::Shift, 0);
        // Stack [0 1 2], b=3: 2's root arc and 1<-2 are already lost. RIGHT(2->3) is free;
        // SHIFT loses 3<-2; LEFT(3->2) loses 3<-2 too (2 leaves the stack).
        let c = st.move_costs(&gold);
        assert_eq!((c[0], c[2], c[3]), (1, 1, 0));
    }

    #[test]
    fn projectivize_lifts_crossing_arcs() {
        // 1<-3? Build: 2 root; 1<-2; 4<-1 crosses 3<-2 (3 between 1 and 4 not dominated by 1).
        let mut head = vec![0, 2, 0, 2, 1];
        assert!(is_tree(&head));
        assert!(!is_projective_arc(&head, 4));
        let lifts = projectivize(&mut head);
        assert_eq!(lifts, 1);
        assert_eq!(head, [0, 2, 0, 2, 2]);
        assert!(is_tree(&head));
        assert!((1..head.len()).all(|d| is_projective_arc(&head, d)));
        // A projective tree is left alone.
        let mut p = vec![0, 2, 0, 2];
        assert_eq!(projectivize(&mut p), 0);
        assert!(!is_tree(&[0, 2, 1]));
        assert!(!is_tree(&[0, 0, 0]));
    }

    /// Every projectivised EWT training tree comes back exactly from the oracle.
    #[test]
    fn oracle_reproduces_ewt() {
        let path = aras_testkit::require_shared!("data/ud/en_ewt-ud-dev.conllu");
        let text = std::fs::read_to_string(&path).expect("EWT dev reads");
        let sents = crate::conllu::parse(&text).expect("EWT dev parses");
        let mut checked = 0;
        for s in &sents {
            let mut head: Vec<u32> = std::iter::once(0)
                .chain(s.words.iter().map(|w| w.head.unwrap_or(0)))
                .collect();
            if !is_tree(&head) {
                continue;
            }
            projectivize(&mut head);
            let labels = vec![1u16; head.len()];
            let (got, _, _) = oracle_parse(&head, &labels);
            assert_eq!(&got[1..], &head[1..]);
            checked += 1;
        }
        assert!(checked > 1000);
    }
}
