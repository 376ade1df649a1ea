//! A receiver loop ends when every sender is gone. Main kept one of its own, so the loop
//! would wait forever; recv_timeout bounds it here. Dropping main's sender is the fix.
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

fn main() {
    // ANCHOR: broken
    let (tx, rx) = mpsc::channel();
    let producers: Vec<_> = (0..3)
        .map(|id| {
            let tx = tx.clone(); // each producer gets a clone; main still has `tx`
            thread::spawn(move || {
                for n in 0..2 {
                    tx.send(id * 10 + n).unwrap();
                }
            })
        })
        .collect();
    for producer in producers {
        producer.join().unwrap();
    }
    // `for message in rx` would never end. Waiting at most 500 ms per message shows why.
    let mut received = 0;
    loop {
        match rx.recv_timeout(Duration::from_millis(500)) {
            Ok(_) => received += 1,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                println!("broken: received {received} messages, then nothing for 500 ms");
                println!("broken: the channel is still open: main's own `tx` is alive");
                break;
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => unreachable!("main holds `tx`"),
        }
    }
    // ANCHOR_END: broken

    // ANCHOR: fixed
    let (tx, rx) = mpsc::channel();
    for id in 0..3 {
        let tx = tx.clone();
        thread::spawn(move || {
            for n in 0..2 {
                tx.send(id * 10 + n).unwrap();
            }
        });
    }
    drop(tx); // main sends nothing: let go of its sender
    // The loop ends once the three producers' clones are dropped too.
    let received = rx.iter().count();
    println!("fixed: received {received} messages, then the loop ended");
    // ANCHOR_END: fixed
}
