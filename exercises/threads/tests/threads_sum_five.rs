//! Tests for `threads_sum_five`. `cargo grade threads_sum_five` runs them
//! against your `exercises/threads/threads_sum_five.rs`.

use exercise::sum_in_five_threads;
use exercise_support::{Current, Rendezvous};
use std::sync::Mutex;
use std::thread::{self, ThreadId};

/// What one call of `sum_slice` saw.
struct Call {
    first: Option<u64>,
    len: usize,
    contiguous: bool,
    thread: ThreadId,
}

/// Records every call of `sum_slice`; optionally makes the calls meet.
struct Probe {
    calls: Mutex<Vec<Call>>,
    meeting: Option<Rendezvous>,
}

static PROBE: Current<Probe> = Current::new();

/// The `sum_slice` the tests pass in: records the call, waits for the other
/// threads (when the test asks for it), then sums.
fn probed_sum(slice: &[u64]) -> u64 {
    let probe = PROBE.get();
    probe.calls.lock().unwrap().push(Call {
        first: slice.first().copied(),
        len: slice.len(),
        contiguous: slice.windows(2).all(|pair| pair[1] == pair[0] + 1),
        thread: thread::current().id(),
    });
    if let Some(meeting) = &probe.meeting {
        meeting.meet();
    }
    slice.iter().sum()
}

fn probe(meet: bool) -> Probe {
    Probe {
        calls: Mutex::new(Vec::new()),
        meeting: meet.then(|| Rendezvous::new(5, "slices", "being summed")),
    }
}

/// 0, 1, 2, … so that every number says where it came from.
fn numbered(len: u64) -> Vec<u64> {
    (0..len).collect()
}

#[test]
fn adds_up_a_large_vector() {
    let _probe = PROBE.install(probe(false));
    let n = 1_000_000;
    assert_eq!(
        sum_in_five_threads(numbered(n), probed_sum),
        n * (n - 1) / 2,
        "wrong total for the numbers 0..1_000_000"
    );
}

#[test]
fn counts_the_numbers_left_over_when_the_length_is_not_a_multiple_of_five() {
    let _probe = PROBE.install(probe(false));
    let n = 1_000_003;
    assert_eq!(
        sum_in_five_threads(numbered(n), probed_sum),
        n * (n - 1) / 2,
        "wrong total for the numbers 0..1_000_003: are the last few numbers summed?"
    );
}

#[test]
fn a_short_vector_is_still_cut_into_five_slices() {
    let probe = PROBE.install(probe(false));
    assert_eq!(
        sum_in_five_threads(numbered(7), probed_sum),
        21,
        "wrong total for the numbers 0..7: are the last few numbers summed?"
    );
    let calls = probe.calls.lock().unwrap().len();
    assert_eq!(
        calls, 5,
        "a short vector of 7 numbers: `sum_slice` was called {calls} times; cut it into five \
         slices too, one per thread (`chunks(len.div_ceil(5))` makes only four)"
    );
}

#[test]
fn the_five_slices_are_summed_at_the_same_time() {
    let _probe = PROBE.install(probe(true));
    let n = 100_000;
    assert_eq!(
        sum_in_five_threads(numbered(n), probed_sum),
        n * (n - 1) / 2
    );
}

#[test]
fn each_slice_is_summed_once_on_its_own_worker_thread() {
    let probe = PROBE.install(probe(false));
    let n = 1_000_003;
    sum_in_five_threads(numbered(n), probed_sum);
    let mut calls = std::mem::take(&mut *probe.calls.lock().unwrap());
    assert_eq!(
        calls.len(),
        5,
        "`sum_slice` was called {} times: call it once per slice, five times",
        calls.len()
    );
    let main = thread::current().id();
    assert!(
        calls.iter().all(|call| call.thread != main),
        "the calling thread summed a slice itself: leave all five to the worker threads"
    );
    let threads: std::collections::HashSet<_> = calls.iter().map(|call| call.thread).collect();
    assert_eq!(
        threads.len(),
        5,
        "the five slices were not summed on five different threads"
    );
    assert!(
        calls.iter().all(|call| call.contiguous),
        "a slice was not a contiguous piece of the vector"
    );
    // Put the slices back in order: together they must be the whole vector.
    calls.retain(|call| call.len > 0);
    calls.sort_by_key(|call| call.first);
    let mut next = 0;
    for call in &calls {
        assert_eq!(
            call.first,
            Some(next),
            "the slices do not fit together: one starts at {:?}, where {next} was expected",
            call.first
        );
        next += call.len as u64;
    }
    assert_eq!(
        next, n,
        "the slices hold {next} numbers; the vector has {n}"
    );
}
