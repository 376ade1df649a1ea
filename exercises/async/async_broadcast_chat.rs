//! Exercise `async_broadcast_chat`: a chat subscriber on a `tokio::sync::broadcast`
//! channel, which hears every message sent after it joined, in order, and is
//! told how many it missed when it falls behind.
//!
//! Grade it: `cargo grade async_broadcast_chat`. Stuck? `cargo grade hint async_broadcast_chat`.

use tokio::sync::broadcast;
use tokio::sync::broadcast::error::RecvError;

/// What a subscriber hears: a message, or how many messages it missed
/// because it fell too far behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heard {
    Message(String),
    Missed(u64),
}

/// Listens on `room` until the room closes (every sender is gone), and returns
/// everything heard, in order: each message, and a `Heard::Missed(n)` in the
/// place where `n` messages were lost because this subscriber lagged. After a
/// loss it goes on listening.
///
/// In Python you would write `async for message in room:`, but asyncio has no
/// broadcast channel to read from, and no way to say that you missed some.
pub async fn listen(mut room: broadcast::Receiver<String>) -> Vec<Heard> {
    // Your code: a loop around `room.recv().await`, which gives Ok(message),
    // Err(RecvError::Lagged(n)) or, once the room is closed and read to the
    // end, Err(RecvError::Closed).
    todo!("receive until the room closes, turning a lag into Heard::Missed")
}
