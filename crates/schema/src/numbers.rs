//! Numbers as precise as they are, no more (issue 16: `confidence` printed as 0.90000004
//! and a Goldstein sum as 27.200000286102295).
//!
//! Goldstein values and confidences are `f32` in the records. Widening an `f32` with
//! `f64::from` keeps its binary error (`7.4f32` becomes 7.400000095367432), and sums of
//! such values carry it into every output. [`widen`] gives the `f64` of the decimal the
//! `f32` stands for, and [`round`] cuts sums back to the decimals their terms have.

/// Decimals of a Goldstein value (the scale is written to tenths), and so of their sums.
pub const GOLDSTEIN_DECIMALS: i32 = 1;

/// Decimals of an event's `confidence` (the coder adds steps of 0.05).
pub const CONFIDENCE_DECIMALS: i32 = 2;

/// Decimals of a quotient (a Goldstein mean, a share, a balance): `9.2 / 5` is
/// 1.8399999999999999 in binary, and no reading needs more than six decimals.
pub const RATIO_DECIMALS: i32 = 6;

/// The `f64` nearest to the shortest decimal that reads back as `x` (`7.4f32` → `7.4`),
/// rather than `x`'s exact binary value.
pub fn widen(x: f32) -> f64 {
    if !x.is_finite() {
        return f64::from(x);
    }
    x.to_string().parse().unwrap_or_else(|_| f64::from(x))
}

/// `x` rounded to `decimals` decimal places (half away from zero).
pub fn round(x: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    let r = (x * scale).round() / scale;
    if r == 0.0 {
        0.0 // never -0.0
    } else {
        r
    }
}

/// An `f32` rounded to `decimals` decimal places: the `f32` nearest to that decimal, which
/// prints as it (`0.90000004` → `0.9`).
pub fn round_f32(x: f32, decimals: i32) -> f32 {
    round(f64::from(x), decimals) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue16_numbers_keep_only_the_precision_they_have() {
        let widened: [(f32, f64); 4] = [(7.4, 7.4), (-2.2, -2.2), (0.9, 0.9), (10.0, 10.0)];
        for (x, want) in widened {
            assert_eq!(widen(x), want, "{x}");
        }
        assert_ne!(f64::from(7.4f32), 7.4, "the error widen removes");
        let sum: f64 = [8.0f32, 7.4, 3.4, 1.9, 3.4, 1.9, 1.2]
            .iter()
            .map(|&x| widen(x))
            .sum();
        assert_eq!(round(sum, GOLDSTEIN_DECIMALS).to_string(), "27.2");
        let confidence = 0.4f32 + 0.2 + 0.2 + 0.1;
        assert_eq!(confidence.to_string(), "0.90000004");
        assert_eq!(
            round_f32(confidence, CONFIDENCE_DECIMALS).to_string(),
            "0.9"
        );
        assert_eq!(round(-0.04, 1).to_string(), "0");
        assert_eq!(round(9.2 / 5.0, RATIO_DECIMALS).to_string(), "1.84");
        assert_eq!(round(2.0 / 3.0, RATIO_DECIMALS).to_string(), "0.666667");
    }
}
