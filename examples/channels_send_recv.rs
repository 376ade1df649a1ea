//! `mpsc::channel`: one thread sends, `main` receives with `recv`, then reads
//! the rest by iterating over the receiver until the sender is gone.

// ANCHOR: main
use std::sync::mpsc;
use std::thread;

fn main() {
    // One call makes both ends: a Sender to put values in, a Receiver to take them out.
    let (tx, rx) = mpsc::channel::<String>();

    let producer = thread::spawn(move || {
        for word in ["apple", "banana", "cherry", "damson"] {
            // send moves the String into the channel; this thread cannot use it again.
            tx.send(word.to_uppercase())
                .expect("main is still receiving");
        }
        // The thread ends here, and `tx` is dropped with it: the channel closes.
    });

    // recv blocks until a value arrives (or every sender is gone: then it is an Err).
    let first = rx.recv().expect("the producer sends at least one word");
    println!("first: {first}");

    // The receiver is an iterator: each step is a blocking recv, and the loop
    // ends when the channel is empty AND every sender has been dropped.
    for word in &rx {
        println!("then: {word}");
    }
    println!("the channel is closed: recv now returns {:?}", rx.recv());
    producer.join().unwrap();
}
// ANCHOR_END: main
