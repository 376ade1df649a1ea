//! `JoinHandle::abort` cancels a spawned task, like `Task.cancel()`: the task is
//! dropped at its next `.await`, and awaiting its handle gives a cancelled `JoinError`.

// ANCHOR: main
use std::time::Duration;

use tokio::time::sleep;

/// Runs when the task's future is dropped: the counterpart of a `finally:` block.
struct Cleanup;

impl Drop for Cleanup {
    fn drop(&mut self) {
        println!("  cleanup ran");
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let handle = tokio::spawn(async {
        let _cleanup = Cleanup;
        for step in 1.. {
            println!("  step {step}");
            sleep(Duration::from_secs(1)).await;
        }
    });
    sleep(Duration::from_millis(2500)).await; // steps 1, 2 and 3 have started
    handle.abort();
    match handle.await {
        Ok(()) => println!("the task finished"),
        Err(error) => println!("the task was cancelled: {}", error.is_cancelled()),
    }
}
// ANCHOR_END: main
