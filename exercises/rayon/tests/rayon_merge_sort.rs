//! Tests for `rayon_merge_sort`. `cargo grade rayon_merge_sort` runs them
//! against your `exercises/rayon/rayon_merge_sort.rs`.

use exercise::merge_sort_by;
use exercise_support::Rendezvous;
use std::cell::Cell;

/// `count` reproducible pseudo-random numbers below `below`.
fn numbers(count: u32, below: u32) -> Vec<u32> {
    (0..count)
        .map(|i| i.wrapping_mul(2_654_435_761) % below)
        .collect()
}

#[test]
fn it_sorts_like_the_standard_library() {
    for count in [0, 1, 2, 63, 64, 65, 1_000, 10_007] {
        let items = numbers(count, 1_000);
        let sorted = merge_sort_by(&items, &|a: &u32, b: &u32| a.cmp(b));
        assert_eq!(
            sorted.len(),
            items.len(),
            "every item must come back: {count} items went in"
        );
        let mut expected = items.clone();
        expected.sort();
        assert_eq!(
            sorted, expected,
            "{count} numbers, sorted in ascending order"
        );
    }
}

#[test]
fn it_sorts_by_the_order_given() {
    let items = numbers(5_000, 1_000_000);
    let sorted = merge_sort_by(&items, &|a: &u32, b: &u32| b.cmp(a));
    let mut expected = items.clone();
    expected.sort_by(|a, b| b.cmp(a));
    assert_eq!(sorted.len(), items.len(), "every item must come back");
    assert_eq!(
        sorted, expected,
        "a descending `compare` gives a descending order"
    );
}

#[test]
fn items_that_compare_equal_keep_their_order() {
    // (key, position in the input); compared by key only.
    let items: Vec<(u32, usize)> = numbers(5_000, 10).into_iter().zip(0..).collect();
    let sorted = merge_sort_by(&items, &|a: &(u32, usize), b: &(u32, usize)| a.0.cmp(&b.0));
    let mut expected = items.clone();
    expected.sort_by_key(|item| item.0);
    assert_eq!(sorted.len(), items.len(), "every item must come back");
    assert!(
        sorted == expected,
        "items that compare equal must keep their order (the sort must be stable): \
         the first misplaced item is {:?}",
        sorted
            .iter()
            .zip(&expected)
            .find(|(got, want)| got != want)
            .map(|(got, _)| got)
    );
}

#[test]
fn the_halves_are_sorted_in_parallel() {
    thread_local! {
        static MET: Cell<bool> = const { Cell::new(false) };
    }
    // Each of the pool's two threads meets the other in its first comparison:
    // the sort gets past it only if both threads are comparing at once.
    let meeting = Rendezvous::new(2, "halves", "being sorted");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    let items = numbers(10_000, 1_000);
    let sorted = pool.install(|| {
        merge_sort_by(&items, &|a: &u32, b: &u32| {
            if !MET.replace(true) {
                meeting.meet();
            }
            a.cmp(b)
        })
    });
    let mut expected = items.clone();
    expected.sort();
    assert_eq!(sorted, expected, "10 000 numbers, sorted");
}
