// Store buffering, counted: two threads each store their own flag, then load
// the other's, a million times per ordering; both loads seeing `false` is allowed
// with Release/Acquire (and happens on x86), never with SeqCst.
use std::hint::spin_loop;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::thread;

const TRIALS: u32 = 1_000_000;

/// The two flags, and what each thread's load saw.
struct Litmus {
    flags: [AtomicBool; 2],
    saw: [AtomicBool; 2],
    /// How far each thread has got, two steps per trial: see `meet`.
    reached: [AtomicU32; 2],
}

fn main() {
    for (name, store, load) in [
        ("Release/Acquire", Ordering::Release, Ordering::Acquire),
        ("SeqCst", Ordering::SeqCst, Ordering::SeqCst),
    ] {
        let both_false = count_both_false(store, load);
        println!("{name}: both loads saw false in {both_false} of {TRIALS} trials");
    }
}

// ANCHOR: main
/// Runs every trial on two threads and counts the ones in which neither
/// thread's load saw the other's store.
fn count_both_false(store: Ordering, load: Ordering) -> u32 {
    let litmus = Litmus {
        flags: [AtomicBool::new(false), AtomicBool::new(false)],
        saw: [AtomicBool::new(false), AtomicBool::new(false)],
        reached: [AtomicU32::new(0), AtomicU32::new(0)],
    };
    thread::scope(|s| {
        let other = s.spawn(|| run_side(&litmus, 1, store, load));
        let mine = run_side(&litmus, 0, store, load);
        other.join().unwrap();
        mine
    })
}

/// One thread's side of every trial: meet the other thread (spinning, not
/// sleeping, so that both start the trial at nearly the same moment), store
/// my flag, load the other's, meet again, count.
fn run_side(litmus: &Litmus, me: usize, store: Ordering, load: Ordering) -> u32 {
    let other = 1 - me;
    let mut both_false = 0;
    for trial in 0..TRIALS {
        meet(litmus, me, 2 * trial + 1);
        litmus.flags[me].store(true, store);
        let seen = litmus.flags[other].load(load);
        litmus.saw[me].store(seen, Ordering::Relaxed);
        // After this meeting both loads are done, and each thread's `saw`
        // is visible to the other (Release, then Acquire, in `meet`).
        meet(litmus, me, 2 * trial + 2);
        let neither =
            !litmus.saw[0].load(Ordering::Relaxed) && !litmus.saw[1].load(Ordering::Relaxed);
        if me == 0 && neither {
            both_false += 1;
        }
        // Reset before the next meeting, which makes it visible.
        litmus.flags[me].store(false, Ordering::Relaxed);
    }
    both_false
}

/// Marks that this thread has reached `step`, and spins until the other has
/// (letting other threads run now and then, in case the two share a core).
fn meet(litmus: &Litmus, me: usize, step: u32) {
    litmus.reached[me].store(step, Ordering::Release);
    let mut spins = 0_u32;
    while litmus.reached[1 - me].load(Ordering::Acquire) < step {
        spins += 1;
        if spins.is_multiple_of(4096) {
            thread::yield_now();
        } else {
            spin_loop();
        }
    }
}
// ANCHOR_END: main
