// expect: failed
// message: he must hear Missed(3) in their place, and then every later message
// Skips a lag silently: the subscriber never learns that it missed messages.

use tokio::sync::broadcast;
use tokio::sync::broadcast::error::RecvError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heard {
    Message(String),
    Missed(u64),
}

pub async fn listen(mut room: broadcast::Receiver<String>) -> Vec<Heard> {
    let mut heard = Vec::new();
    loop {
        match room.recv().await {
            Ok(message) => heard.push(Heard::Message(message)),
            Err(RecvError::Lagged(_)) => continue,
            Err(RecvError::Closed) => return heard,
        }
    }
}
