//! `sync_channel(n)`: a producer can never get more than `n` items ahead of its
//! consumer. With `n = 0`, every send waits for its receive: a rendezvous.

// ANCHOR: main
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;

const ITEMS: usize = 5;

fn run(capacity: usize) {
    println!("sync_channel({capacity}):");
    let (tx, rx) = mpsc::sync_channel::<usize>(capacity);
    // The producer announces each item before it tries to send it...
    let (announce, announcements) = mpsc::channel::<usize>();
    // ...and counts each send that has returned.
    let sent = Arc::new(AtomicUsize::new(0));

    let producer = {
        let sent = Arc::clone(&sent);
        thread::spawn(move || {
            for item in 1..=ITEMS {
                announce.send(item).unwrap();
                tx.send(item).unwrap(); // blocks while the channel holds `capacity` items
                sent.fetch_add(1, Ordering::SeqCst);
            }
        })
    };

    let mut taken = 0;
    // Let the producer run as far as it can: until it announces item
    // taken + capacity + 1, which needs a free place that does not exist yet.
    while taken + capacity < ITEMS {
        let waiting_for = taken + capacity + 1;
        while announcements.recv().unwrap() != waiting_for {}
        // It has finished every send before this one, and this one cannot
        // finish until we receive: so `sent` is exactly taken + capacity.
        let sent_now = sent.load(Ordering::SeqCst);
        println!(
            "  producer has sent {sent_now}, consumer has taken {taken}: send({waiting_for}) waits"
        );
        let item = rx.recv().unwrap();
        taken += 1;
        println!("  consumer takes {item}");
    }
    // The producer has no more to announce; take what is left until it is done.
    for item in rx {
        println!("  consumer takes {item}");
    }
    producer.join().unwrap();
}

fn main() {
    run(2);
    run(0);
}
// ANCHOR_END: main
