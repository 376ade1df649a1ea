//! `recv_timeout` waits, but not forever: a value, `Timeout` (nothing came in
//! time, a sender is still alive) or `Disconnected` (every sender is gone).

// ANCHOR: main
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

fn describe(result: Result<u32, RecvTimeoutError>) -> String {
    match result {
        Ok(value) => format!("got {value}"),
        Err(RecvTimeoutError::Timeout) => "Timeout: nothing came in time".into(),
        Err(RecvTimeoutError::Disconnected) => "Disconnected: no sender is left".into(),
    }
}

fn main() {
    let (tx, rx) = mpsc::channel::<u32>();

    // Nothing was sent and `tx` is alive: this waits the full 10 ms, then gives up.
    println!(
        "empty channel: {}",
        describe(rx.recv_timeout(Duration::from_millis(10)))
    );

    // A generous limit costs nothing when a value comes: recv_timeout returns
    // as soon as it arrives. The limit only guards against waiting forever.
    let worker = thread::spawn(move || {
        tx.send(42).unwrap();
        // `tx` is dropped when the worker ends.
    });
    println!(
        "worker sends:  {}",
        describe(rx.recv_timeout(Duration::from_secs(5)))
    );
    worker.join().unwrap();

    // Every sender is gone: this returns at once, without waiting the 5 seconds.
    println!(
        "worker gone:   {}",
        describe(rx.recv_timeout(Duration::from_secs(5)))
    );
}
// ANCHOR_END: main
