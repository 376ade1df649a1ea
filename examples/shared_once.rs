//! One-time initialisation: `Once` runs a closure once, `OnceLock` holds a value
//! set once, `LazyLock` builds a static on first use. Four threads race for each.
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, Once, OnceLock};
use std::thread;

static SETUP: Once = Once::new();
static SETUP_RUNS: AtomicUsize = AtomicUsize::new(0);

// ANCHOR: main
static SETTINGS: OnceLock<Vec<String>> = OnceLock::new();

fn settings() -> &'static Vec<String> {
    // The first caller runs the closure; callers that arrive meanwhile wait for
    // it, and every later call returns the stored value.
    SETTINGS.get_or_init(|| {
        println!("loading settings (once)");
        vec!["verbose".to_string(), "color".to_string()]
    })
}

static PRICES: LazyLock<HashMap<&str, u32>> = LazyLock::new(|| {
    println!("building the price table (once)");
    HashMap::from([("apple", 3), ("pear", 4)])
});
// ANCHOR_END: main

fn main() {
    thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                SETUP.call_once(|| {
                    SETUP_RUNS.fetch_add(1, Ordering::Relaxed);
                });
                assert_eq!(settings().len(), 2);
                assert_eq!(PRICES["pear"], 4);
            });
        }
    });
    println!("setup ran {} time(s)", SETUP_RUNS.load(Ordering::Relaxed));
    println!("settings: {}", settings().join(", "));
    println!("apple costs {}", PRICES["apple"]);
}
