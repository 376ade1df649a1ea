//! The Rust half of the benchmark: one file per group, each building its
//! variants (pools and runtimes before the timed part) for `rounds`, which
//! runs them in turn with the Python ones.

mod channels;
mod counter;
mod cpu;
mod echo;
mod oversubscribed;
mod sizes;
mod spawn;
mod startup;

use std::time::Duration;

pub use cpu::spin;

/// How big each benchmark is: the full run, or the smoke test's few seconds.
#[derive(Clone, Copy)]
pub struct Scale {
    pub smoke: bool,
    pub cores: usize,
}

impl Scale {
    fn pick(&self, full: u64, smoke: u64) -> u64 {
        if self.smoke { smoke } else { full }
    }
}

/// One benchmark variant: what the CSV calls it, and a run that returns how
/// long its timed part took and how many units of work it did.
pub struct Variant {
    pub name: String,
    pub threads: usize,
    /// The amount of work of one run (iterations, messages, elements…).
    pub size: u64,
    pub unit: &'static str,
    pub run: Box<dyn FnMut() -> (Duration, f64)>,
}

impl Variant {
    fn new(
        name: impl Into<String>,
        threads: usize,
        size: u64,
        unit: &'static str,
        run: impl FnMut() -> (Duration, f64) + 'static,
    ) -> Variant {
        Variant {
            name: name.into(),
            threads,
            size,
            unit,
            run: Box::new(run),
        }
    }
}

/// The Rust variants of the group `name` (with its argument, such as the
/// input size of `sizes`); none for a group that only Python measures.
pub fn variants(name: &str, arg: Option<&str>, scale: Scale) -> Vec<Variant> {
    match (name, arg) {
        ("cpu", _) => cpu::variants(scale),
        ("channel", _) => channels::variants(scale),
        ("spawn", _) => spawn::variants(scale),
        ("counter", Some(threads)) => {
            counter::variants(scale, threads.parse().expect("a thread count"))
        }
        ("echo", _) => echo::variants(scale),
        ("sizes", Some(size)) => sizes::variants(scale, size.parse().expect("a size")),
        ("startup", _) => startup::variants(scale),
        ("oversubscribed", _) => oversubscribed::variants(scale),
        _ => Vec::new(),
    }
}

/// 1, 2, …, up to the cores measured (never more).
pub fn thread_counts(cores: usize) -> Vec<usize> {
    let mut counts = vec![1, 2, cores];
    counts.retain(|&t| t <= cores);
    counts.sort();
    counts.dedup();
    counts
}

/// The input sizes of the `sizes` group.
pub fn sizes(scale: Scale) -> Vec<u64> {
    if scale.smoke {
        vec![10, 100_000]
    } else {
        vec![10, 100, 1_000, 10_000, 100_000, 1_000_000]
    }
}

/// The pool sizes of the `oversubscribed` group: one thread per core, two,
/// and eight (groups.py's `pool_sizes` is the same list).
pub fn pool_sizes(cores: usize) -> [usize; 3] {
    [cores, 2 * cores, 8 * cores]
}
