//! Backpressure as a timeline (`cargo xtask timeline record
//! channels_timeline_backpressure`): a producer sends into
//! `sync_channel(2)` faster than a slow consumer can take, so it spends most
//! of the run waiting inside `send`.
use std::sync::mpsc;
use std::thread;
use std::time::Duration;
use tracing::info_span;

const ITEMS: u32 = 10;

/// The consumer's slow work on one item.
fn slow_work(item: u32) -> u32 {
    thread::sleep(Duration::from_millis(15));
    item
}

// ANCHOR: main
fn main() {
    // Records the spans below when COURSE_TRACE names a file; else does nothing.
    let _timeline = course_trace::record();
    let (tx, rx) = mpsc::sync_channel::<u32>(2); // room for 2 items, no more

    let producer = thread::Builder::new()
        .name("producer".into())
        .spawn(move || {
            for item in 1..=ITEMS {
                let _send = info_span!("send").entered();
                tx.send(item).unwrap(); // waits while the channel holds 2 items
            }
            ITEMS // drops `tx`: the consumer's loop ends once the channel is empty
        })
        .unwrap();

    let consumer = thread::Builder::new()
        .name("consumer".into())
        .spawn(move || {
            let _drain = info_span!("drain").entered();
            let mut done = Vec::new();
            for item in rx {
                let _consume = info_span!("consume").entered();
                done.push(slow_work(item));
            }
            done
        })
        .unwrap();

    let sent = producer.join().unwrap();
    let done = consumer.join().unwrap();
    println!("producer: sent {sent} items");
    println!("consumer: took {done:?}");
}
// ANCHOR_END: main
