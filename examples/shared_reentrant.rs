//! Rust has no re-entrant lock (Python's `RLock`): a method that holds the lock
//! calls a helper that takes the data itself, `&mut Vec`, instead of locking again.
use std::sync::Mutex;

// ANCHOR: main
struct Inventory {
    items: Mutex<Vec<String>>,
}

impl Inventory {
    fn add(&self, item: &str) {
        let mut items = self.items.lock().unwrap();
        add_locked(&mut items, item);
    }

    fn add_many(&self, new: &[&str]) {
        // One lock for the whole batch. Calling self.add() here would lock
        // the same Mutex again on this thread, and that lock() never returns.
        let mut items = self.items.lock().unwrap();
        for item in new {
            add_locked(&mut items, item);
        }
    }
}

/// Works on data whose lock the caller already holds: the `&mut` proves it.
fn add_locked(items: &mut Vec<String>, item: &str) {
    if !items.iter().any(|i| i == item) {
        items.push(item.to_string());
    }
}
// ANCHOR_END: main

fn main() {
    let inventory = Inventory {
        items: Mutex::new(Vec::new()),
    };
    inventory.add("apple");
    inventory.add_many(&["pear", "apple", "plum"]);
    println!("items: {}", inventory.items.lock().unwrap().join(", "));
}
