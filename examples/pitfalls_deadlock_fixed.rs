//! The same two transfers with one lock order for everybody (a before b, whichever way
//! the money goes): no thread can hold b while it waits for a, so no cycle can form.
use std::sync::{Arc, Barrier, Mutex};
use std::thread;

// ANCHOR: main
fn main() {
    let a = Arc::new(Mutex::new(100));
    let b = Arc::new(Mutex::new(100));
    let start_together = Arc::new(Barrier::new(2));

    let mut handles = Vec::new();
    for (name, a_pays) in [("left", true), ("right", false)] {
        let (a, b, start_together) = (Arc::clone(&a), Arc::clone(&b), Arc::clone(&start_together));
        handles.push(thread::spawn(move || {
            start_together.wait();
            // Always a first, then b: the direction decides who pays, not the order.
            let mut a = a.lock().unwrap();
            let mut b = b.lock().unwrap();
            let (from, to, route) = if a_pays {
                (&mut *a, &mut *b, "a to b")
            } else {
                (&mut *b, &mut *a, "b to a")
            };
            *from -= 10;
            *to += 10;
            println!("{name}: moved 10 from {route}");
        }));
    }
    for handle in handles {
        handle.join().unwrap();
    }
    println!("a = {}, b = {}", a.lock().unwrap(), b.lock().unwrap());
}
// ANCHOR_END: main
