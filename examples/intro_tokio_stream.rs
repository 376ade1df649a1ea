//! tokio-stream: a stream is an iterator you `.await`; `filter` and `map` work
//! on it as on an iterator. Python writes the same thing as an async generator.

// ANCHOR: main
use tokio_stream::{self as stream, StreamExt};

#[tokio::main]
async fn main() {
    let log_lines = [
        "GET /index.html",
        "POST /login",
        "GET /about.html",
        "DELETE /cart/7",
        "GET /contact.html",
    ];

    // Nothing runs yet: like an iterator, the stream is lazy and does work
    // only when someone asks for the next item.
    let mut pages = stream::iter(log_lines)
        .filter(|line| line.starts_with("GET "))
        .map(|line| &line["GET ".len()..]);

    // `next().await` is Rust's spelling of one step of `async for`.
    while let Some(page) = pages.next().await {
        println!("page requested: {page}");
    }
    println!("end of the log");
}
// ANCHOR_END: main
