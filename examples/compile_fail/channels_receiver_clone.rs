// std's Receiver is the single consumer of "multi-producer, single-consumer":
// it has no clone(), so two threads cannot each own one.
// expect-error: E0599
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<u32>();
    let second = rx.clone();
    let worker = thread::spawn(move || second.recv());
    tx.send(1).unwrap();
    println!("{:?} {:?}", rx.recv(), worker.join().unwrap());
}
