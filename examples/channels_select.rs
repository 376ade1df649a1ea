//! crossbeam's `select!`: wait on several channels at once, with `default` (do
//! not wait), `default(timeout)`, and the timer channels `after` and `tick`.

// ANCHOR: main
use std::time::Duration;

use crossbeam::channel::{self, after, select, select_biased, tick};

fn main() {
    let (numbers_tx, numbers) = channel::unbounded::<u32>();
    let (words_tx, words) = channel::unbounded::<&str>();

    // `default` runs at once when no operation is ready: try_recv on two channels.
    select! {
        recv(numbers) -> n => println!("number {n:?}"),
        recv(words) -> w => println!("word {w:?}"),
        default => println!("nothing ready: default ran at once"),
    }

    // Whichever channel has a message is chosen (at random, if both have one).
    words_tx.send("hello").unwrap();
    select! {
        recv(numbers) -> n => println!("number {n:?}"),
        recv(words) -> w => println!("word {w:?}"),
    }

    // `default(duration)`: wait for at most 10 ms, then give up.
    select! {
        recv(numbers) -> n => println!("number {n:?}"),
        default(Duration::from_millis(10)) => println!("nothing within 10 ms"),
    }

    // after(d) is a channel that delivers one message once d has passed: one
    // deadline for a whole loop. select_biased! tries the operations in order,
    // so the numbers already waiting are always taken before the deadline.
    for n in 1..=3 {
        numbers_tx.send(n).unwrap();
    }
    let deadline = after(Duration::from_millis(50));
    loop {
        select_biased! {
            recv(numbers) -> n => println!("number {}", n.unwrap()),
            recv(deadline) -> _ => {
                println!("deadline: stop waiting for numbers");
                break;
            }
        }
    }

    // tick(d) delivers a message every d: a heartbeat, without a timer thread.
    let ticker = tick(Duration::from_millis(5));
    for beat in 1..=3 {
        ticker.recv().unwrap();
        println!("tick {beat}");
    }

    // A closed channel is "ready" too: recv returns Err at once.
    drop(words_tx);
    select! {
        recv(words) -> w => println!("words closed: {w:?}"),
        default(Duration::from_secs(5)) => println!("not reached: a closed channel never waits"),
    }
}
// ANCHOR_END: main
