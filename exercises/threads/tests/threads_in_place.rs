//! Tests for `threads_in_place`. `cargo grade threads_in_place` runs them
//! against your `exercises/threads/threads_in_place.rs`.

use exercise::update_in_place;
use exercise_support::{Current, Rendezvous};
use std::ops::Range;
use std::sync::Mutex;

/// What the tests' `update` sees of one run of `update_in_place`.
struct Probe {
    /// Where the caller's numbers are in memory.
    numbers: Range<usize>,
    /// Each call: where its piece starts in the caller's numbers (`None`: it
    /// is not part of them, it was copied) and its length.
    calls: Mutex<Vec<(Option<usize>, usize)>>,
    meeting: Option<Rendezvous>,
}

static PROBE: Current<Probe> = Current::new();

/// The `update` the tests pass in: records where its piece is, waits for the
/// other threads (when the test asks for it), then doubles every number.
fn probed_double(piece: &mut [u64]) {
    let probe = PROBE.get();
    let start = piece.as_ptr() as usize;
    let offset = probe
        .numbers
        .contains(&start)
        .then(|| (start - probe.numbers.start) / size_of::<u64>());
    probe.calls.lock().unwrap().push((offset, piece.len()));
    if let Some(meeting) = &probe.meeting {
        meeting.meet();
    }
    for number in piece {
        *number *= 2;
    }
}

/// Runs `update_in_place(numbers, threads)` with the probe; returns the calls.
/// `meet`: how many pieces must be updated at the same time.
fn probe_run(
    numbers: &mut [u64],
    threads: usize,
    meet: Option<usize>,
) -> Vec<(Option<usize>, usize)> {
    let range = numbers.as_ptr_range();
    let probe = PROBE.install(Probe {
        numbers: range.start as usize..range.end as usize,
        calls: Mutex::new(Vec::new()),
        meeting: meet.map(|n| Rendezvous::new(n, "pieces", "being updated")),
    });
    update_in_place(numbers, threads, probed_double);
    std::mem::take(&mut *probe.calls.lock().unwrap())
}

fn numbered(len: u64) -> Vec<u64> {
    (0..len).collect()
}

fn doubled(len: u64) -> Vec<u64> {
    (0..len).map(|n| 2 * n).collect()
}

#[test]
fn every_number_is_updated_in_place_once() {
    for (len, threads) in [(12, 4), (10_003, 4), (10, 3), (7, 1), (100, 16)] {
        let mut numbers = numbered(len);
        probe_run(&mut numbers, threads, None);
        assert!(
            numbers == doubled(len),
            "{len} numbers on {threads} threads: `update` doubles each number, but afterwards the \
             caller's numbers are not all doubled (first ones: {:?}). Was a piece copied, or a \
             number updated twice or never?",
            &numbers[..numbers.len().min(6)]
        );
    }
}

#[test]
fn the_pieces_are_updated_at_the_same_time() {
    // 1,200 numbers on 4 threads: 4 pieces of 300.
    let mut numbers = numbered(1_200);
    probe_run(&mut numbers, 4, Some(4));
    assert!(
        numbers == doubled(1_200),
        "the numbers were not all doubled"
    );
}

#[test]
fn each_piece_is_a_mut_borrow_of_the_callers_numbers() {
    let mut numbers = numbered(10_000);
    let calls = probe_run(&mut numbers, 4, None);
    assert!(
        calls.iter().all(|(offset, _)| offset.is_some()),
        "a piece given to `update` is not part of the caller's numbers: it was copied. \
         Hand out `&mut` pieces of `numbers` itself (`chunks_mut`)"
    );
}

#[test]
fn at_most_threads_pieces_each_updated_once() {
    for (len, threads) in [(10_003, 4), (12, 5), (10, 4)] {
        let mut numbers = numbered(len);
        let calls = probe_run(&mut numbers, threads, None);
        assert!(
            calls.len() <= threads,
            "{len} numbers on {threads} threads: `update` was called {} times, once per piece; \
             make at most {threads} pieces",
            calls.len()
        );
        assert_eq!(
            calls.iter().map(|(_, piece_len)| piece_len).sum::<usize>(),
            len as usize,
            "{len} numbers on {threads} threads: the pieces given to `update` do not add up to \
             the numbers"
        );
    }
}

#[test]
fn no_numbers_or_fewer_numbers_than_threads() {
    let mut none: Vec<u64> = Vec::new();
    probe_run(&mut none, 3, None);
    let mut three = vec![5, 6, 7];
    probe_run(&mut three, 5, None);
    assert_eq!(three, [10, 12, 14], "3 numbers on 5 threads");
}
