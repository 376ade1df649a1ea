//! `rayon::join(a, b)` runs two closures, possibly in parallel, and returns
//! both results: divide and conquer, here a sum split in halves.

// ANCHOR: main
/// Below this many numbers, splitting costs more than it saves.
const SEQUENTIAL_BELOW: usize = 10_000;

fn sum(numbers: &[u64]) -> u64 {
    if numbers.len() < SEQUENTIAL_BELOW {
        return numbers.iter().sum();
    }
    let (left, right) = numbers.split_at(numbers.len() / 2);
    // join offers `right` to idle threads and runs `left` itself; if nobody
    // took `right`, it runs it too. Both halves borrow from the caller.
    let (a, b) = rayon::join(|| sum(left), || sum(right));
    a + b
}

/// How many pieces the recursion cuts a slice of `len` numbers into.
fn pieces(len: usize) -> usize {
    if len < SEQUENTIAL_BELOW {
        1
    } else {
        pieces(len / 2) + pieces(len - len / 2)
    }
}

fn main() {
    let numbers: Vec<u64> = (1..=1_000_000).collect();
    println!("sum of 1..=1000000: {}", sum(&numbers));
    println!(
        "cut into {} pieces of fewer than {SEQUENTIAL_BELOW}",
        pieces(numbers.len())
    );

    // The two closures may return different types.
    let (count, longest) = rayon::join(
        || numbers.iter().filter(|&&n| n.is_multiple_of(7)).count(),
        || numbers.iter().map(|n| n.to_string().len()).max(),
    );
    println!("multiples of 7: {count}; most digits: {longest:?}");
}
// ANCHOR_END: main
