//! `ReceiverStream` turns an mpsc receiver into a stream, so channel messages go
//! through the same adaptors; Python reads a queue in an async generator.

// ANCHOR: main
use tokio::sync::mpsc;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::ReceiverStream;

#[tokio::main]
async fn main() {
    let (tx, rx) = mpsc::channel(4);
    let producer = tokio::spawn(async move {
        for line in ["GET /", "GET /health", "POST /login", "GET /about"] {
            tx.send(line.to_string()).await.unwrap();
        }
        // `tx` is dropped here: the stream ends after the last line.
    });

    let mut pages = ReceiverStream::new(rx)
        .filter(|line| line.starts_with("GET ") && line != "GET /health")
        .map(|line| line.replacen("GET ", "page ", 1));
    while let Some(page) = pages.next().await {
        println!("{page}");
    }
    producer.await.unwrap();
    println!("the producer is done and the stream has ended");
}
// ANCHOR_END: main
