// expect: failed
// message: every item must come back
// Parallel, but forgets what is left of the other half once one half runs
// out: items go missing.

use std::cmp::Ordering;

pub const SEQUENTIAL_BELOW: usize = 64;

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
    let (left, right) = items.split_at(items.len() / 2);
    let (left, right) = rayon::join(
        || merge_sort_by(left, compare),
        || merge_sort_by(right, compare),
    );
    let mut merged = Vec::with_capacity(items.len());
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        if compare(&left[i], &right[j]) != Ordering::Greater {
            merged.push(left[i].clone());
            i += 1;
        } else {
            merged.push(right[j].clone());
            j += 1;
        }
    }
    merged.extend_from_slice(&left[i..]);
    merged
}
