//! `try_recv` never waits: it returns a value, `Empty` (nothing yet, but a
//! sender is alive) or `Disconnected` (nothing left, and every sender is gone).

// ANCHOR: main
use std::sync::mpsc::{self, TryRecvError};

fn describe(result: Result<u32, TryRecvError>) -> String {
    match result {
        Ok(value) => format!("got {value}"),
        Err(TryRecvError::Empty) => "Empty: nothing yet, but a sender is still alive".into(),
        Err(TryRecvError::Disconnected) => "Disconnected: nothing left, and no sender".into(),
    }
}

fn main() {
    let (tx, rx) = mpsc::channel::<u32>();
    println!("before any send: {}", describe(rx.try_recv()));

    tx.send(1).unwrap();
    tx.send(2).unwrap();
    println!("after two sends: {}", describe(rx.try_recv()));

    // Dropping the last sender closes the channel, but what is already in it
    // is still delivered: Disconnected comes only once the channel is empty.
    drop(tx);
    println!("after the drop:  {}", describe(rx.try_recv()));
    println!("after the drop:  {}", describe(rx.try_recv()));
}
// ANCHOR_END: main
