//! `tokio::spawn` starts a task, like `asyncio.create_task`, and returns a `JoinHandle`
//! to await its result. The task must own its data (`'static`) and be `Send`.

// ANCHOR: main
use std::time::Duration;

use tokio::time::sleep;

async fn word_count(name: String, text: String) -> String {
    sleep(Duration::from_millis(10)).await;
    format!("{name}: {} words", text.split_whitespace().count())
}

#[tokio::main]
async fn main() {
    let documents = [
        ("intro.txt", "threads and tasks"),
        ("async.txt", "futures do nothing until polled"),
        ("end.txt", "done"),
    ];
    let mut handles = Vec::new();
    for (name, text) in documents {
        // Each task gets owned Strings: a task may outlive `main`'s locals,
        // so it cannot borrow them (the compile error below shows it).
        let task = word_count(name.to_string(), text.to_string());
        handles.push(tokio::spawn(task));
    }
    // The tasks are already running; awaiting the handles in order gives the
    // results in order. `await` gives a Result: Err if the task panicked.
    for handle in handles {
        println!("{}", handle.await.unwrap());
    }

    let handle = tokio::spawn(async { panic!("the task gave up") });
    match handle.await {
        Ok(()) => println!("the task finished"),
        Err(error) => println!("the task panicked: {}", error.is_panic()),
    }
}
// ANCHOR_END: main
