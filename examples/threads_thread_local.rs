//! `thread_local!` gives every thread its own copy of a static, created on first use.
//! No lock is needed: no other thread can ever reach this thread's copy.
use std::cell::Cell;
use std::thread;

thread_local! {
    // Each thread that touches REQUESTS_SEEN gets a fresh counter starting at 0.
    static REQUESTS_SEEN: Cell<u32> = const { Cell::new(0) };
}

fn handle_request() {
    // A thread-local is a shared static, so changing it needs a Cell (or RefCell).
    REQUESTS_SEEN.set(REQUESTS_SEEN.get() + 1);
}

fn serve(requests: u32) -> u32 {
    for _ in 0..requests {
        handle_request();
    }
    REQUESTS_SEEN.get()
}

fn main() {
    handle_request(); // main counts one request of its own
    let handles: Vec<_> = [3, 5]
        .into_iter()
        .map(|requests| thread::spawn(move || serve(requests)))
        .collect();
    for (worker, handle) in handles.into_iter().enumerate() {
        println!(
            "worker {worker} counted {} requests",
            handle.join().unwrap()
        );
    }
    // The workers' counting never touched main's copy.
    println!("main counted {} request", REQUESTS_SEEN.get());
}
