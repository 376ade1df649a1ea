//! The fix for `Rc` across threads: `Arc` updates its owner count atomically, so it
//! is `Send` and each thread can own a clone pointing at the same data.
use std::sync::Arc;
use std::thread;

fn main() {
    let settings = Arc::new(vec!["verbose", "color"]);
    let handles: Vec<_> = ["reader", "writer"]
        .into_iter()
        .map(|role| {
            // Cloning an Arc copies a pointer and bumps the count; the Vec is not copied.
            let settings = Arc::clone(&settings);
            thread::spawn(move || format!("{role} sees {} settings", settings.len()))
        })
        .collect();
    for handle in handles {
        println!("{}", handle.join().unwrap());
    }
    println!("main sees {} settings", settings.len());
}
