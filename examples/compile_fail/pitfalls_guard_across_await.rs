// A std `MutexGuard` held across an `.await`: the task's future then holds the guard,
// which is not `Send`, so `tokio::spawn` refuses the task.
// expect-error: error: future cannot be sent between threads safely
use std::sync::{Arc, Mutex};
use tokio::time::{Duration, sleep};

async fn add_and_log(total: Arc<Mutex<u64>>) {
    let mut guard = total.lock().unwrap();
    *guard += 1;
    sleep(Duration::from_millis(1)).await; // the guard is still alive here
    println!("total is now {}", *guard);
}

#[tokio::main]
async fn main() {
    let total = Arc::new(Mutex::new(0));
    tokio::spawn(add_and_log(Arc::clone(&total))).await.unwrap();
}
