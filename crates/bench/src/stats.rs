//! Samples to the figures the CSV keeps: median and quartiles, and the
//! interleaving of variants (A B A B …) that every benchmark uses.

use std::time::{Duration, Instant};

/// The median and the 25th and 75th percentiles of `values` (linear
/// interpolation between the two nearest samples).
pub fn summary(values: &mut [f64]) -> (f64, f64, f64) {
    assert!(!values.is_empty(), "no samples");
    values.sort_by(f64::total_cmp);
    let at = |q: f64| {
        let position = (values.len() - 1) as f64 * q;
        let (low, high) = (position.floor() as usize, position.ceil() as usize);
        values[low] + (values[high] - values[low]) * (position - low as f64)
    };
    (at(0.5), at(0.25), at(0.75))
}

/// A value with 4 significant digits, in plain notation: the one way the CSV
/// writes a number, so that the same figures always give the same bytes.
pub fn fmt4(value: f64) -> String {
    if value == 0.0 || !value.is_finite() {
        return format!("{value}");
    }
    let digits = value.abs().log10().floor() as i32;
    let decimals = (3 - digits).max(0) as usize;
    let scale = 10f64.powi(digits - 3);
    let rounded = if digits >= 3 {
        (value / scale).round() * scale
    } else {
        value
    };
    format!("{rounded:.decimals$}")
}

/// One benchmark variant: a name and a run that returns how long its timed
/// part took and how many units of work it did (iterations, messages…).
pub struct Variant<'a> {
    pub name: String,
    pub threads: usize,
    pub run: Box<dyn FnMut() -> (Duration, f64) + 'a>,
}

/// Runs every variant once to warm up, then `reps` rounds of all of them in
/// turn (A B C A B C …), and returns each variant's samples, in nanoseconds
/// per unit of work.
pub fn interleave(variants: &mut [Variant<'_>], reps: usize) -> Vec<Vec<f64>> {
    for variant in variants.iter_mut() {
        (variant.run)();
    }
    let mut samples = vec![Vec::with_capacity(reps); variants.len()];
    for _ in 0..reps {
        for (variant, samples) in variants.iter_mut().zip(&mut samples) {
            let (took, units) = (variant.run)();
            samples.push(took.as_nanos() as f64 / units);
        }
    }
    samples
}

/// Times `f`: how long it took, and what it returned.
pub fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let value = f();
    (start.elapsed(), value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_significant_digits() {
        assert_eq!(fmt4(0.853_21), "0.8532");
        assert_eq!(fmt4(46_123.9), "46120");
        assert_eq!(fmt4(12.345_67), "12.35");
        assert_eq!(fmt4(1234.4), "1234");
    }

    #[test]
    fn quartiles_interpolate() {
        let mut values = [5.0, 1.0, 4.0, 2.0, 3.0];
        assert_eq!(summary(&mut values), (3.0, 2.0, 4.0));
        let mut values = [4.0, 1.0, 2.0, 3.0];
        assert_eq!(summary(&mut values), (2.5, 1.75, 3.25));
    }
}
