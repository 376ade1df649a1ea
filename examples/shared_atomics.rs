//! Atomics: a counter with `fetch_add`, a maximum kept with `compare_exchange`,
//! data published behind an `AtomicBool` with `Release` and `Acquire`, and two
//! flags that need `SeqCst`.
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::thread;

fn main() {
    // ANCHOR: counter
    let hits = AtomicUsize::new(0);
    thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for _ in 0..1000 {
                    // One indivisible read-add-write. Relaxed: only the count
                    // matters, it orders no other memory.
                    hits.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    // Joining the threads (the end of the scope) makes all their writes visible.
    println!("hits: {}", hits.load(Ordering::Relaxed));
    // ANCHOR_END: counter

    // ANCHOR: max
    let highest = AtomicU64::new(0);
    thread::scope(|s| {
        for reading in [17u64, 42, 8, 23] {
            let highest = &highest;
            s.spawn(move || {
                let mut current = highest.load(Ordering::Relaxed);
                // Store `reading` only if the value is still `current`; if
                // another thread changed it in between, retry with its value.
                while reading > current {
                    match highest.compare_exchange(
                        current,
                        reading,
                        Ordering::Relaxed,
                        Ordering::Relaxed,
                    ) {
                        Ok(_) => break,
                        Err(now) => current = now,
                    }
                }
            });
        }
    });
    println!("highest: {}", highest.load(Ordering::Relaxed));
    // ANCHOR_END: max

    // ANCHOR: publish
    let data = AtomicU64::new(0);
    let ready = AtomicBool::new(false);
    thread::scope(|s| {
        s.spawn(|| {
            data.store(1234, Ordering::Relaxed);
            // Release: every write above is visible to whoever sees `true`
            // with an Acquire load.
            ready.store(true, Ordering::Release);
        });
        s.spawn(|| {
            while !ready.load(Ordering::Acquire) {
                thread::yield_now(); // a demonstration: real code would block
            }
            println!("reader sees {}", data.load(Ordering::Relaxed));
        });
    });
    // ANCHOR_END: publish

    // ANCHOR: seqcst
    // Each thread raises its own flag, then looks at the other's. SeqCst puts
    // all four operations in one order that both threads agree on: whichever
    // store comes first in it, the other thread's load comes after it.
    let (left_in, right_in) = (AtomicBool::new(false), AtomicBool::new(false));
    let (left_saw, right_saw) = thread::scope(|s| {
        let left = s.spawn(|| {
            left_in.store(true, Ordering::SeqCst);
            right_in.load(Ordering::SeqCst)
        });
        let right = s.spawn(|| {
            right_in.store(true, Ordering::SeqCst);
            left_in.load(Ordering::SeqCst)
        });
        (left.join().unwrap(), right.join().unwrap())
    });
    // Release stores and Acquire loads would allow both to see `false`.
    println!("one saw the other's flag: {}", left_saw || right_saw);
    // ANCHOR_END: seqcst
}
