//! Tests for `threads_scoped_sum`. `cargo grade threads_scoped_sum` runs them
//! against your `exercises/threads/threads_scoped_sum.rs`.

use exercise::sum_borrowed;
use exercise_support::{Current, Rendezvous};
use std::ops::Range;
use std::sync::Mutex;

/// What the tests' `sum_slice` sees of one run of `sum_borrowed`.
struct Probe {
    /// Where the caller's numbers are in memory.
    numbers: Range<usize>,
    /// Each call: where its piece starts in the caller's numbers (`None`: it
    /// is not part of them, it was copied) and its length.
    calls: Mutex<Vec<(Option<usize>, usize)>>,
    meeting: Option<Rendezvous>,
}

static PROBE: Current<Probe> = Current::new();

fn probed_sum(piece: &[u64]) -> u64 {
    let probe = PROBE.get();
    let start = piece.as_ptr() as usize;
    let offset = (probe.numbers.contains(&start) || piece.is_empty() && start == probe.numbers.end)
        .then(|| (start - probe.numbers.start) / size_of::<u64>());
    probe.calls.lock().unwrap().push((offset, piece.len()));
    if let Some(meeting) = &probe.meeting {
        meeting.meet();
    }
    piece.iter().sum()
}

/// Runs `sum_borrowed(numbers, threads)` with the probe; returns the total
/// and the calls. With `meet`, the threads must all be summing at once.
fn probe_run(numbers: &[u64], threads: usize, meet: bool) -> (u64, Vec<(Option<usize>, usize)>) {
    let range = numbers.as_ptr_range();
    let probe = PROBE.install(Probe {
        numbers: range.start as usize..range.end as usize,
        calls: Mutex::new(Vec::new()),
        meeting: meet.then(|| Rendezvous::new(threads, "pieces", "being summed")),
    });
    let total = sum_borrowed(numbers, threads, probed_sum);
    let calls = std::mem::take(&mut *probe.calls.lock().unwrap());
    (total, calls)
}

fn numbered(len: u64) -> Vec<u64> {
    (0..len).collect()
}

#[test]
fn adds_up_with_any_number_of_threads() {
    let numbers = numbered(100_003);
    for threads in [1, 2, 3, 4, 7, 16] {
        let (total, _) = probe_run(&numbers, threads, false);
        assert_eq!(
            total,
            100_003 * 100_002 / 2,
            "wrong total with {threads} threads"
        );
    }
}

#[test]
fn the_pieces_are_summed_at_the_same_time() {
    let numbers = numbered(50_000);
    for threads in [2, 3, 6] {
        let (total, _) = probe_run(&numbers, threads, true);
        assert_eq!(
            total,
            50_000 * 49_999 / 2,
            "wrong total with {threads} threads"
        );
    }
}

/// Fails if a piece was copied instead of borrowed.
fn assert_borrowed(calls: &[(Option<usize>, usize)]) {
    assert!(
        calls
            .iter()
            .all(|(offset, len)| offset.is_some() || *len == 0),
        "a piece given to `sum_slice` is not part of the caller's numbers: it was copied. \
         Borrow pieces like `&numbers[a..b]` instead"
    );
}

#[test]
fn the_pieces_are_borrowed_not_copied() {
    let numbers = numbered(10_000);
    let (_, calls) = probe_run(&numbers, 4, false);
    assert_borrowed(&calls);
}

#[test]
fn each_number_is_in_exactly_one_of_exactly_threads_pieces() {
    // 12 numbers in 5 pieces: slices of 12.div_ceil(5) = 3 make only 4.
    for (len, threads) in [(10_000, 4), (12, 5), (3, 5), (0, 3)] {
        let numbers = numbered(len);
        let (total, mut calls) = probe_run(&numbers, threads, false);
        assert_eq!(
            total,
            len * len.saturating_sub(1) / 2,
            "wrong total for {len} numbers"
        );
        assert_eq!(
            calls.len(),
            threads,
            "{len} numbers on {threads} threads: `sum_slice` was called {} times; call it once per thread \
             (some pieces may be empty)",
            calls.len()
        );
        assert_borrowed(&calls);
        calls.retain(|(_, piece_len)| *piece_len > 0);
        calls.sort();
        let mut next = 0;
        for (offset, piece_len) in calls {
            assert_eq!(
                offset,
                Some(next),
                "{len} numbers on {threads} threads: the pieces do not fit together end to start"
            );
            next += piece_len;
        }
        assert_eq!(
            next as u64, len,
            "{len} numbers on {threads} threads: the pieces hold {next} numbers"
        );
    }
}

#[test]
fn more_threads_than_numbers_still_run_together() {
    let (total, _) = probe_run(&[5, 6, 7], 5, true);
    assert_eq!(total, 18);
}
