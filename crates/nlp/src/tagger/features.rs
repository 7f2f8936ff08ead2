//! Per-word hashes (computed once per sentence) and the tagger's feature templates
//! (each a `mix` of a template id with those hashes), so the hot path never allocates.

use crate::perceptron::{hash_bytes, mix};

/// Everything the templates need to know about one word, as hashes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordHashes {
    /// The form as written (case kept): the tag dictionary key.
    pub form: u64,
    /// The lowercased form: the lemma table key and the main lexical feature.
    pub lower: u64,
    /// Prefixes of 1..=3 characters of the lowercased form.
    pub pre: [u64; 3],
    /// Suffixes of 1..=4 characters of the lowercased form.
    pub suf: [u64; 4],
    /// Character classes with runs capped at 3 (`Xxxx` → `Xxxx`, `1984` → `ddd`).
    pub shape: u64,
    /// Character classes with runs collapsed (`Xx`, `d.d`).
    pub short_shape: u64,
    /// Hyphen / digit / upper-case / all-upper bits, as one value.
    pub flags: u64,
    /// The set of classes the word had in training (its "ambiguity class"), as a hash;
    /// [`AMB_UNKNOWN`] for rare words. Gives right context a tag-like signal without a
    /// second pass.
    pub amb: u64,
}

/// Ambiguity class of words too rare in training to have one.
pub(crate) const AMB_UNKNOWN: u64 = 0x0a3b_0000_0000_0001;

/// Longest prefix or suffix used, in characters.
const MAX_AFFIX: usize = 4;
/// Shapes look at this many characters at most (long tokens are URLs and noise anyway).
const MAX_SHAPE: usize = 24;

impl WordHashes {
    /// The stand-in for positions before the start (`side` 0) or after the end (1).
    pub fn pad(side: u64) -> Self {
        let h = mix(0x5041_4400, side);
        WordHashes {
            form: h,
            lower: h,
            pre: [h; 3],
            suf: [h; 4],
            shape: h,
            short_shape: h,
            flags: h,
            amb: h,
        }
    }

    /// Hashes `form`; `lower` is scratch space (cleared and left holding the lowercase).
    pub fn compute(form: &str, lower: &mut String) -> Self {
        lower.clear();
        super::lemma::push_lower(form, lower);
        let l = lower.as_str();

        // Affix boundaries by characters, not bytes, so multibyte text hashes whole letters.
        let mut char_ends = [0usize; MAX_AFFIX];
        let mut n_front = 0;
        for (i, c) in l.char_indices() {
            if n_front == MAX_AFFIX {
                break;
            }
            char_ends[n_front] = i + c.len_utf8();
            n_front += 1;
        }
        let mut char_starts = [0usize; MAX_AFFIX];
        let mut n_back = 0;
        for (i, _) in l.char_indices().rev() {
            if n_back == MAX_AFFIX {
                break;
            }
            char_starts[n_back] = i;
            n_back += 1;
        }
        let mut pre = [0u64; 3];
        for (k, p) in pre.iter_mut().enumerate() {
            let end = char_ends[k.min(n_front.saturating_sub(1))];
            *p = mix(k as u64 + 1, hash_bytes(&l.as_bytes()[..end]));
        }
        let mut suf = [0u64; 4];
        for (k, s) in suf.iter_mut().enumerate() {
            let start = char_starts[k.min(n_back.saturating_sub(1))];
            *s = mix(k as u64 + 11, hash_bytes(&l.as_bytes()[start..]));
        }

        let mut shape = [0u8; MAX_SHAPE];
        let mut short = [0u8; MAX_SHAPE];
        let (mut n_shape, mut n_short, mut run) = (0usize, 0usize, 0usize);
        let (mut hyphen, mut digit, mut upper, mut lower_seen) = (false, false, false, false);
        for c in form.chars().take(MAX_SHAPE) {
            let class = if c.is_uppercase() {
                upper = true;
                b'X'
            } else if c.is_lowercase() {
                lower_seen = true;
                b'x'
            } else if c.is_ascii_digit() {
                digit = true;
                b'd'
            } else if c.is_ascii() {
                hyphen |= c == '-';
                c as u8
            } else if c.is_alphabetic() {
                b'a'
            } else {
                b'*'
            };
            if n_short == 0 || short[n_short - 1] != class {
                short[n_short] = class;
                n_short += 1;
                run = 0;
            }
            run += 1;
            if run <= 3 {
                shape[n_shape] = class;
                n_shape += 1;
            }
        }
        let flags = (hyphen as u64)
            | (digit as u64) << 1
            | (upper as u64) << 2
            | ((upper && !lower_seen) as u64) << 3;

        WordHashes {
            form: hash_bytes(form.as_bytes()),
            lower: hash_bytes(l.as_bytes()),
            pre,
            suf,
            shape: mix(21, hash_bytes(&shape[..n_shape])),
            short_shape: mix(22, hash_bytes(&short[..n_short])),
            flags: mix(23, flags),
            amb: AMB_UNKNOWN,
        }
    }
}

// Template ids: any distinct constants; changing them invalidates trained models.
const T_BIAS: u64 = 101;
const T_LOWER: u64 = 102;
const T_FORM: u64 = 103;
const T_PRE: u64 = 104;
const T_SUF: u64 = 105;
const T_SHAPE: u64 = 106;
const T_SHORT_FLAGS: u64 = 107;
const T_W_M1: u64 = 108;
const T_W_M2: u64 = 109;
const T_W_P1: u64 = 110;
const T_W_P2: u64 = 111;
const T_SUF_M1: u64 = 112;
const T_SUF_P1: u64 = 113;
const T_SUF2_P1: u64 = 114;
const T_T1: u64 = 115;
const T_T2: u64 = 116;
const T_T1_T2: u64 = 117;
const T_T1_W: u64 = 118;
const T_WM1_W: u64 = 119;
const T_W_WP1: u64 = 120;
const T_SHAPE_M1: u64 = 121;
const T_SHAPE_P1: u64 = 122;
const T_T1_SUF: u64 = 123;
const T_FIRST_SHAPE: u64 = 124;
const T_AMB: u64 = 125;
const T_AMB_P1: u64 = 126;
const T_AMB_P2: u64 = 127;
const T_AMB_M1: u64 = 128;
const T_T1_AMB: u64 = 129;
const T_AMB_AMB_P1: u64 = 135;
const T_T1_AMB_P1: u64 = 136;
const T_N1: u64 = 130;
const T_N2: u64 = 131;
const T_N1_N2: u64 = 132;
const T_T1_N1: u64 = 133;
const T_N1_W: u64 = 134;

/// Fills `feats` for the word at `i` in `w` (which has two pads on each side, so `i` is
/// the padded index). `t1`/`t2` are the previous two predicted classes + 1 (0 = none);
/// `right`, in the second pass, the next two first-pass classes + 1.
#[inline]
pub(crate) fn extract(
    w: &[WordHashes],
    i: usize,
    t1: u64,
    t2: u64,
    right: Option<(u64, u64)>,
    feats: &mut Vec<u64>,
) {
    let cur = &w[i];
    let (m1, m2, p1, p2) = (&w[i - 1], &w[i - 2], &w[i + 1], &w[i + 2]);
    feats.clear();
    feats.extend_from_slice(&[
        T_BIAS,
        mix(T_LOWER, cur.lower),
        mix(T_FORM, cur.form),
        mix(T_PRE, cur.pre[0]),
        mix(T_PRE, cur.pre[1]),
        mix(T_PRE, cur.pre[2]),
        mix(T_SUF, cur.suf[0]),
        mix(T_SUF, cur.suf[1]),
        mix(T_SUF, cur.suf[2]),
        mix(T_SUF, cur.suf[3]),
        mix(T_SHAPE, cur.shape),
        mix(mix(T_SHORT_FLAGS, cur.short_shape), cur.flags),
        mix(T_W_M1, m1.lower),
        mix(T_W_M2, m2.lower),
        mix(T_W_P1, p1.lower),
        mix(T_W_P2, p2.lower),
        mix(T_SUF_M1, m1.suf[2]),
        mix(T_SUF_P1, p1.suf[2]),
        mix(T_SUF2_P1, p1.suf[1]),
        mix(T_T1, t1),
        mix(T_T2, t2),
        mix(mix(T_T1_T2, t1), t2),
        mix(mix(T_T1_W, t1), cur.lower),
        mix(mix(T_WM1_W, m1.lower), cur.lower),
        mix(mix(T_W_WP1, cur.lower), p1.lower),
        mix(T_SHAPE_M1, m1.short_shape),
        mix(T_SHAPE_P1, p1.short_shape),
        mix(mix(T_T1_SUF, t1), cur.suf[2]),
        mix(T_AMB, cur.amb),
        mix(T_AMB_P1, p1.amb),
        mix(T_AMB_P2, p2.amb),
        mix(T_AMB_M1, m1.amb),
        mix(mix(T_T1_AMB, t1), cur.amb),
        mix(mix(T_AMB_AMB_P1, cur.amb), p1.amb),
        mix(mix(T_T1_AMB_P1, t1), p1.amb),
    ]);
    if i == 2 {
        feats.push(mix(T_FIRST_SHAPE, cur.shape));
    }
    if let Some((n1, n2)) = right {
        feats.extend_from_slice(&[
            mix(T_N1, n1),
            mix(T_N2, n2),
            mix(mix(T_N1_N2, n1), n2),
            mix(mix(T_T1_N1, t1), n1),
            mix(mix(T_N1_W, n1), cur.lower),
        ]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(form: &str) -> WordHashes {
        WordHashes::compute(form, &mut String::new())
    }

    #[test]
    fn shapes_group_like_tokens() {
        assert_eq!(h("Paris").shape, h("Lyonn").shape);
        assert_ne!(h("Paris").shape, h("paris").shape);
        assert_eq!(h("Paris").short_shape, h("Washington").short_shape);
        assert_eq!(h("Paris").shape, h("Washington").shape); // runs capped at 3
        assert_ne!(h("Paris").shape, h("Pam").shape);
        assert_eq!(h("1984").shape, h("2024").shape);
        assert_eq!(h("1984").short_shape, h("7").short_shape);
        assert_ne!(h("1984").short_shape, h("3.5").short_shape);
        assert_eq!(h("well-known").flags, h("so-called").flags);
        assert_ne!(h("NATO").flags, h("Nato").flags);
    }

    #[test]
    fn affixes_are_lowercase_and_character_based() {
        assert_eq!(h("Running").suf, h("running").suf);
        assert_eq!(h("Running").lower, h("running").lower);
        assert_ne!(h("Running").form, h("running").form);
        assert_eq!(h("studying").suf[2], h("playing").suf[2]); // "ing"
        assert_ne!(h("studying").suf[3], h("walking").suf[3]); // "ying" vs "king"
        let e = h("café");
        assert_eq!(e.suf[0], mix(11, hash_bytes("é".as_bytes())));
        // Shorter words repeat their whole form rather than panic.
        let a = h("a");
        assert_eq!(a.suf[3], mix(14, hash_bytes(b"a")));
        let empty = h("");
        assert_eq!(empty.pre[2], mix(3, hash_bytes(b"")));
    }

    #[test]
    fn extract_is_fixed_size_and_deterministic() {
        let mut w = vec![WordHashes::pad(0), WordHashes::pad(0)];
        for t in ["The", "cat", "sat"] {
            w.push(h(t));
        }
        w.extend([WordHashes::pad(1), WordHashes::pad(1)]);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        extract(&w, 3, 5, 0, None, &mut a);
        extract(&w, 3, 5, 0, None, &mut b);
        assert_eq!(a, b);
        let n = a.len();
        extract(&w, 2, 0, 0, None, &mut a);
        assert_eq!(a.len(), n + 1); // sentence-initial shape
        extract(&w, 4, 5, 6, Some((1, 2)), &mut a);
        assert_eq!(a.len(), n + 5);
    }
}
