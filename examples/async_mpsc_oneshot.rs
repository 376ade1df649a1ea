//! tokio's `mpsc` channel is an `asyncio.Queue` that closes when its last sender is
//! dropped; a `oneshot` carries one reply, like an `asyncio.Future` set by another task.

// ANCHOR: main
use tokio::sync::{mpsc, oneshot};

/// A request to the counter task, with the channel to answer on.
enum Command {
    Add(u64),
    Total { reply: oneshot::Sender<u64> },
}

/// Owns the total; the only way to touch it is to send a `Command`.
async fn counter(mut commands: mpsc::Receiver<Command>) {
    let mut total = 0;
    // `recv` returns None once every Sender is dropped and the queue is empty.
    while let Some(command) = commands.recv().await {
        match command {
            Command::Add(n) => total += n,
            Command::Total { reply } => reply.send(total).unwrap(),
        }
    }
    println!("counter: every sender is gone, stopping at {total}");
}

#[tokio::main]
async fn main() {
    // Bounded: `send` waits while 4 commands are queued (backpressure).
    let (tx, rx) = mpsc::channel(4);
    let counter = tokio::spawn(counter(rx));

    let mut adders = Vec::new();
    for worker in 1..=3 {
        let tx = tx.clone();
        adders.push(tokio::spawn(async move {
            for _ in 0..10 {
                tx.send(Command::Add(worker)).await.unwrap();
            }
        }));
    }
    for adder in adders {
        adder.await.unwrap();
    }

    let (reply_tx, reply_rx) = oneshot::channel();
    tx.send(Command::Total { reply: reply_tx }).await.unwrap();
    println!("main: total is {}", reply_rx.await.unwrap());

    drop(tx); // the last sender: the counter's loop ends
    counter.await.unwrap();
}
// ANCHOR_END: main
