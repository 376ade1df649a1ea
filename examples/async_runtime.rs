//! What `#[tokio::main]` stands for: build a runtime, then `block_on` the body.
//! A current-thread runtime runs every task on the calling thread; a multi-thread one on workers.

// ANCHOR: main
use std::thread;

use tokio::runtime::Builder;

/// The thread a piece of code runs on, by name.
fn where_am_i() -> String {
    thread::current().name().unwrap_or("unnamed").to_string()
}

fn main() {
    // `#[tokio::main(flavor = "current_thread")] async fn main() { body }` is this:
    let runtime = Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        println!("current-thread: main's body runs on '{}'", where_am_i());
        let task = tokio::spawn(async { where_am_i() });
        println!(
            "current-thread: a spawned task ran on '{}'",
            task.await.unwrap()
        );
    });

    // Plain `#[tokio::main]` is the multi-thread flavor, one worker per core;
    // two workers here, so that the output is the same on every machine.
    let runtime = Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        println!("multi-thread: main's body runs on '{}'", where_am_i());
        let task = tokio::spawn(async { where_am_i() });
        println!(
            "multi-thread: a spawned task ran on '{}'",
            task.await.unwrap()
        );
    });
}
// ANCHOR_END: main
