//! Futures are lazy: calling an `async fn` runs none of its body until the
//! future is awaited; `tokio::spawn` makes a task that runs even if nobody awaits it.

// ANCHOR: main
use tokio::sync::oneshot;

async fn greet(name: &str) -> String {
    println!("  greet({name}) is running");
    format!("hello, {name}")
}

// One thread, so that the order of the lines is fixed (the runtime page explains flavors).
#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("calling greet(\"awaited\")");
    let future = greet("awaited");
    println!("called it: nothing has run yet");
    let text = future.await;
    println!("awaited it: {text}");

    println!("calling greet(\"dropped\"), then dropping the future");
    let future = greet("dropped");
    drop(future);
    println!("dropped it: its body never ran");

    println!("spawning a task, and not awaiting its handle");
    let (done_tx, done_rx) = oneshot::channel();
    let handle = tokio::spawn(async move {
        let text = greet("spawned").await;
        done_tx.send(text).unwrap();
    });
    drop(handle); // dropping the handle does not stop the task
    println!("spawned it: the task waits for main to reach an .await");
    let text = done_rx.await.unwrap();
    println!("the task ran anyway: {text}");
}
// ANCHOR_END: main
