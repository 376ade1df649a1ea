//! Several producers, one receiver: each thread gets a clone of the Sender, and
//! the receiving loop ends only when the last Sender, `main`'s own too, is gone.

// ANCHOR: main
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<(usize, u32)>();

    let producers: Vec<_> = (0..3)
        .map(|id| {
            // Each producer owns its own Sender; all of them feed the same channel.
            let tx = tx.clone();
            thread::spawn(move || {
                for n in 1..=3 {
                    tx.send((id, n * 10)).unwrap();
                }
            })
        })
        .collect();

    // main still holds the original `tx`. Without this drop, the loop below
    // would wait forever for a message that main itself might still send.
    drop(tx);

    // Messages from different producers interleave differently on every run;
    // the messages of one producer arrive in the order it sent them.
    let mut received: Vec<Vec<u32>> = vec![Vec::new(); 3];
    for (id, value) in rx {
        received[id].push(value);
    }
    for producer in producers {
        producer.join().unwrap();
    }
    for (id, values) in received.iter().enumerate() {
        println!("from producer {id}, in the order sent: {values:?}");
    }
    let count: usize = received.iter().map(Vec::len).sum();
    println!("{count} messages: every sender is gone, so the loop ended");
}
// ANCHOR_END: main
