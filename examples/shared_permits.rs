//! A counting semaphore from a `Mutex` and a `Condvar` (std has none), whose
//! permit is given back by `Drop`: even when the thread holding it panics.
use std::sync::{Condvar, Mutex, PoisonError};
use std::thread;

// ANCHOR: main
struct Semaphore {
    free: Mutex<usize>,
    freed: Condvar,
}

/// Holding one is holding a permit; dropping it gives the permit back.
struct Permit<'a>(&'a Semaphore);

impl Semaphore {
    fn new(permits: usize) -> Self {
        Semaphore {
            free: Mutex::new(permits),
            freed: Condvar::new(),
        }
    }

    fn acquire(&self) -> Permit<'_> {
        let free = self.free.lock().unwrap();
        let mut free = self.freed.wait_while(free, |free| *free == 0).unwrap();
        *free -= 1;
        Permit(self)
    }
}

impl Drop for Permit<'_> {
    // Runs when the permit goes out of scope, and while a panic unwinds.
    fn drop(&mut self) {
        // Never panic in `drop`: a second panic during unwinding aborts the
        // whole process. So no `unwrap` here, even on a poisoned lock.
        let mut free = self.0.free.lock().unwrap_or_else(PoisonError::into_inner);
        *free += 1;
        self.0.freed.notify_one();
    }
}
// ANCHOR_END: main

fn main() {
    // ANCHOR: use
    let downloads = Semaphore::new(2);
    let active = Mutex::new((0, 0)); // (holding a permit now, most at once)

    let failed = thread::scope(|s| {
        let handles: Vec<_> = (0..5)
            .map(|job| {
                let (downloads, active) = (&downloads, &active);
                s.spawn(move || {
                    let _permit = downloads.acquire();
                    {
                        let mut active = active.lock().unwrap();
                        active.0 += 1;
                        active.1 = active.1.max(active.0);
                    }
                    active.lock().unwrap().0 -= 1;
                    if job == 3 {
                        panic!("download {job} failed"); // _permit is dropped anyway
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join())
            .filter(Result::is_err)
            .count()
    });
    println!("5 downloads, {failed} failed");
    println!(
        "never more than 2 at once: {}",
        active.lock().unwrap().1 <= 2
    );
    println!(
        "permits free at the end: {}",
        *downloads.free.lock().unwrap()
    );
    // ANCHOR_END: use
}
