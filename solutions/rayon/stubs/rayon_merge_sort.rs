//! Exercise `rayon_merge_sort`: a stable merge sort whose two halves are
//! sorted in parallel with `rayon::join`.
//!
//! Grade it: `cargo grade rayon_merge_sort`. Stuck? `cargo grade hint rayon_merge_sort`.

use std::cmp::Ordering;

/// Below this many items, `merge_sort_by` sorts without splitting further.
pub const SEQUENTIAL_BELOW: usize = 64;

/// Returns a sorted copy of `items`, ordered by `compare`, like Python's
/// `sorted(items, key=cmp_to_key(compare))`. The sort is stable: items that
/// compare equal keep their order.
///
/// Split the slice in two halves, sort them with `rayon::join` (the two in
/// parallel), and merge the two sorted halves. Slices shorter than
/// `SEQUENTIAL_BELOW` may be sorted any stable way (`to_vec` then
/// `sort_by` is fine).
pub fn merge_sort_by<T, F>(items: &[T], compare: &F) -> Vec<T>
where
    T: Clone + Send + Sync,
    F: Fn(&T, &T) -> Ordering + Sync,
{
    if items.len() < SEQUENTIAL_BELOW {
        let mut sorted = items.to_vec();
        sorted.sort_by(compare);
        return sorted;
    }
    // Your code: split `items` in two, sort both halves with `rayon::join`,
    // then merge them, taking from the left half when two items compare equal.
    todo!("sort both halves with rayon::join, then merge them")
}
