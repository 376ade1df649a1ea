// `RefCell` tracks its borrows without atomic instructions, so it is not `Sync`:
// threads may not share one, not even scoped threads.
// expect-error: E0277
use std::cell::RefCell;
use std::thread;

fn main() {
    let log = RefCell::new(Vec::new());
    let log_ref = &log;
    thread::scope(|s| {
        for name in ["first", "second"] {
            s.spawn(move || log_ref.borrow_mut().push(name));
        }
    });
    println!("log: {}", log.into_inner().join(", "));
}
