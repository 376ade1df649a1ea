// expect: failed
// message: listen returned while a sender was still open
// `try_recv` does not wait: it reads what is there and stops at the first
// `Empty`, as if an empty room were a closed one.

use tokio::sync::broadcast;
use tokio::sync::broadcast::error::TryRecvError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heard {
    Message(String),
    Missed(u64),
}

pub async fn listen(mut room: broadcast::Receiver<String>) -> Vec<Heard> {
    let mut heard = Vec::new();
    loop {
        match room.try_recv() {
            Ok(message) => heard.push(Heard::Message(message)),
            Err(TryRecvError::Lagged(missed)) => heard.push(Heard::Missed(missed)),
            Err(_) => return heard,
        }
    }
}
