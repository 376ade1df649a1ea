//! Samples to the figures the CSV keeps: median and quartiles, written with
//! four significant digits; and the stopwatch every Rust variant uses.

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
