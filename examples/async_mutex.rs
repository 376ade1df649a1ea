//! std's `Mutex` is fine in async code while no `.await` happens under the lock;
//! tokio's `Mutex` is for holding a lock across an `.await`, like `asyncio.Lock`.

// ANCHOR: main
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::sleep;

/// Stands for a connection that one task at a time may use, for a while.
struct Connection {
    log: Vec<String>,
}

impl Connection {
    async fn request(&mut self, who: usize) {
        self.log.push(format!("task {who} starts"));
        sleep(Duration::from_millis(10)).await; // waiting for the reply
        self.log.push(format!("task {who} ends"));
    }
}

#[tokio::main]
async fn main() {
    // 1. Plain data, locked only between awaits: std's Mutex.
    let hits = Arc::new(Mutex::new(0));
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let hits = Arc::clone(&hits);
        tasks.push(tokio::spawn(async move {
            for _ in 0..100 {
                *hits.lock().unwrap() += 1; // the guard is dropped at the `;`
                tokio::task::yield_now().await;
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    println!("hits: {}", hits.lock().unwrap());

    // 2. A lock held while awaiting: tokio's Mutex. `lock().await` waits
    //    without blocking the thread, so other tasks run meanwhile.
    let connection = Arc::new(tokio::sync::Mutex::new(Connection { log: Vec::new() }));
    let mut tasks = Vec::new();
    for who in 0..3 {
        let connection = Arc::clone(&connection);
        tasks.push(tokio::spawn(async move {
            let mut connection = connection.lock().await;
            connection.request(who).await; // the lock is held across this await
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let log = &connection.lock().await.log;
    // Whichever order the tasks got the lock in, no two requests overlapped:
    let overlapping = log
        .chunks(2)
        .any(|pair| pair[0].replace("starts", "ends") != pair[1]);
    println!("{} requests, overlapping: {overlapping}", log.len() / 2);
}
// ANCHOR_END: main
