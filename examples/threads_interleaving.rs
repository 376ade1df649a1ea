//! Lines printed by two threads interleave in an order that changes from run to run.
//! To get a fixed order, let the threads return their lines and print them from one thread.
use std::sync::{Arc, Barrier};
use std::thread;

const STEPS: u32 = 4;

/// Part 1: each thread prints as it goes, so the scheduler picks the order.
fn print_as_you_go() {
    // Both threads wait at the barrier, then start printing at the same moment.
    let start_line = Arc::new(Barrier::new(2));
    let handles: Vec<_> = ["left", "right"]
        .into_iter()
        .map(|name| {
            let start_line = Arc::clone(&start_line);
            thread::spawn(move || {
                start_line.wait();
                for step in 1..=STEPS {
                    println!("{name}: step {step}");
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
}

/// Part 2: each thread builds its lines; main prints them in spawn order.
fn collect_then_print() {
    let handles: Vec<_> = ["left", "right"]
        .into_iter()
        .map(|name| {
            thread::spawn(move || {
                (1..=STEPS)
                    .map(|step| format!("{name}: step {step}"))
                    .collect::<Vec<String>>()
            })
        })
        .collect();
    for handle in handles {
        for line in handle.join().unwrap() {
            println!("{line}");
        }
    }
}

fn main() {
    println!("printed by the threads:");
    print_as_you_go();
    println!("printed by main, in spawn order:");
    collect_then_print();
}
