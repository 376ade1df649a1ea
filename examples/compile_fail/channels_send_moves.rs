// `send` takes ownership of the value: once it is in the channel, the sending
// thread can no longer use it. (Python's put() hands over a shared reference.)
// expect-error: E0382
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<Vec<u32>>();
    let worker = thread::spawn(move || {
        let numbers = vec![1, 2, 3];
        tx.send(numbers).unwrap();
        println!("sent {numbers:?}");
    });
    println!("received {:?}", rx.recv().unwrap());
    worker.join().unwrap();
}
