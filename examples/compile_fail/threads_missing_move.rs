// Without `move`, the closure only borrows `greeting`, and thread::spawn refuses
// a borrow of a local: the thread might still run after main's variables are gone.
// expect-error: E0373
use std::thread;

fn main() {
    let greeting = String::from("hello");
    let handle = thread::spawn(|| println!("{greeting} from a spawned thread"));
    handle.join().unwrap();
}
