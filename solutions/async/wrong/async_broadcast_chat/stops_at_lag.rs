// expect: failed
// message: he must hear Missed(3) in their place, and then every later message
// `while let Ok(…)` stops at the first error of any kind: a lag ends the
// listening as if the room had closed, and every later message is lost.

use tokio::sync::broadcast;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heard {
    Message(String),
    Missed(u64),
}

pub async fn listen(mut room: broadcast::Receiver<String>) -> Vec<Heard> {
    let mut heard = Vec::new();
    while let Ok(message) = room.recv().await {
        heard.push(Heard::Message(message));
    }
    heard
}
