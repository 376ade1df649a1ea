//! Two fixes for a std `MutexGuard` held across `.await`: drop the guard before the
//! `.await`, or use `tokio::sync::Mutex`, whose guard may be held across one.
use std::sync::{Arc, Mutex};
use tokio::time::{Duration, sleep};

// ANCHOR: scoped
async fn add_and_log(total: Arc<Mutex<u64>>) {
    let now = {
        let mut guard = total.lock().unwrap();
        *guard += 1;
        *guard
    }; // the guard is dropped here, before any .await
    sleep(Duration::from_millis(1)).await;
    assert!(now >= 1);
}
// ANCHOR_END: scoped

// ANCHOR: tokio_mutex
async fn add_and_wait(total: Arc<tokio::sync::Mutex<u64>>) {
    let mut guard = total.lock().await; // an async lock: waiting for it is an .await
    *guard += 1;
    sleep(Duration::from_millis(1)).await; // allowed: this guard is Send
}
// ANCHOR_END: tokio_mutex

#[tokio::main]
async fn main() {
    let total = Arc::new(Mutex::new(0));
    let tasks: Vec<_> = (0..3)
        .map(|_| tokio::spawn(add_and_log(Arc::clone(&total))))
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    println!(
        "guard dropped before .await: total {}",
        total.lock().unwrap()
    );

    let total = Arc::new(tokio::sync::Mutex::new(0));
    let tasks: Vec<_> = (0..3)
        .map(|_| tokio::spawn(add_and_wait(Arc::clone(&total))))
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    println!("tokio::sync::Mutex: total {}", total.lock().await);
}
