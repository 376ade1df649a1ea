//! Tests for `async_broadcast_chat`. `cargo grade async_broadcast_chat` runs
//! them against your `exercises/async/async_broadcast_chat.rs`.
//!
//! The tests run on one thread with tokio's paused clock: a `sleep` there is
//! not a guess at how long the listeners need, but a point where every task
//! has done all it can, so what each one has read is exact.

use exercise::{Heard, listen};
use std::time::Duration;
use tokio::sync::broadcast;
use tokio::time::sleep;

fn said(messages: &[&str]) -> Vec<Heard> {
    messages
        .iter()
        .map(|m| Heard::Message(m.to_string()))
        .collect()
}

/// Sends `message` to the room. `send` fails only when no subscriber is left,
/// that is, when every `listen` has already returned; the test's assertion
/// then says what went wrong, so the failure is ignored here.
fn say(room: &broadcast::Sender<String>, message: &str) {
    let _ = room.send(message.to_string());
}

/// Lets every task run until it waits (the paused clock moves on only then).
async fn settle() {
    sleep(Duration::from_secs(1)).await;
}

#[tokio::test(start_paused = true)]
async fn each_subscriber_hears_what_was_sent_after_it_joined_in_order() {
    let (room, ann) = broadcast::channel(16);
    let ann = tokio::spawn(listen(ann));
    say(&room, "hello");
    settle().await;
    let bob = tokio::spawn(listen(room.subscribe()));
    for message in ["hi bob", "how are you?", "fine"] {
        say(&room, message);
    }
    drop(room);
    let ann = ann.await.unwrap();
    let bob = bob.await.unwrap();
    assert_eq!(
        ann,
        said(&["hello", "hi bob", "how are you?", "fine"]),
        "ann joined first: she must hear every message, in order"
    );
    assert_eq!(
        bob,
        said(&["hi bob", "how are you?", "fine"]),
        "bob joined after \"hello\": he must hear every message after it, in order"
    );
}

#[tokio::test(start_paused = true)]
async fn a_lagging_subscriber_is_told_how_many_it_missed_and_goes_on() {
    // Room for 2 unread messages per subscriber.
    let (room, carl) = broadcast::channel(2);
    let carl = tokio::spawn(listen(carl));
    say(&room, "1");
    settle().await; // carl reads "1"
    for n in 2..=6 {
        say(&room, &n.to_string()); // 5 at once: carl keeps only "5" and "6"
    }
    settle().await;
    say(&room, "7");
    drop(room);
    let carl = carl.await.unwrap();
    let expected = vec![
        Heard::Message("1".to_string()),
        Heard::Missed(3),
        Heard::Message("5".to_string()),
        Heard::Message("6".to_string()),
        Heard::Message("7".to_string()),
    ];
    assert_eq!(
        carl, expected,
        "carl read \"1\", then missed \"2\" to \"4\" while 5 messages were sent at once: he must hear Missed(3) in their place, and then every later message"
    );
}

#[tokio::test(start_paused = true)]
async fn a_closed_room_ends_listening_but_an_open_one_does_not() {
    let (room, dora) = broadcast::channel::<String>(4);
    let dora = tokio::spawn(listen(dora));
    settle().await;
    let second_sender = room.clone();
    drop(room);
    settle().await;
    assert!(
        !dora.is_finished(),
        "listen returned while a sender was still open: it must wait for more messages"
    );
    say(&second_sender, "last");
    drop(second_sender);
    let dora = tokio::time::timeout(Duration::from_secs(60), dora)
        .await
        .expect("listen did not return after every sender was dropped")
        .unwrap();
    assert_eq!(
        dora,
        said(&["last"]),
        "dora must hear the last message before the room closes"
    );
}
