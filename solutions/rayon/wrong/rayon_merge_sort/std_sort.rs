// expect: failed
// message: only 1 of 2 halves were being sorted at the same time
// Sorted, stable, and on one thread: the standard library's sort_by.

use std::cmp::Ordering;

pub const SEQUENTIAL_BELOW: usize = 64;

pub fn merge_sort_by<T, F>(items: &[T], compare: &F) -> Vec<T>
where
    T: Clone + Send + Sync,
    F: Fn(&T, &T) -> Ordering + Sync,
{
    let mut sorted = items.to_vec();
    sorted.sort_by(compare);
    sorted
}
