//! A `broadcast` channel gives every receiver every message. It keeps only the
//! last `capacity` ones: a receiver that falls further behind gets `RecvError::Lagged(n)`.

// ANCHOR: main
use tokio::sync::broadcast::{self, error::RecvError};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut prompt) = broadcast::channel(2); // room for 2 unread messages
    let mut slow = tx.subscribe();

    for n in 1..=5 {
        tx.send(format!("news {n}")).unwrap();
        // `prompt` keeps up: it reads each message as soon as it is sent.
        println!("prompt got {}", prompt.recv().await.unwrap());
    }
    drop(tx); // no more senders: receivers get Closed after the last message

    // `slow` read nothing while five were sent; only the last 2 are kept.
    loop {
        match slow.recv().await {
            Ok(message) => println!("slow got {message}"),
            Err(RecvError::Lagged(missed)) => println!("slow missed {missed} messages"),
            Err(RecvError::Closed) => break,
        }
    }
    println!("slow: channel closed");
}
// ANCHOR_END: main
