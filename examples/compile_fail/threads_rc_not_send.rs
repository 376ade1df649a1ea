// `Rc` updates its owner count without atomic instructions, so it is not `Send`:
// the compiler refuses to move an `Rc` into another thread.
// expect-error: E0277
use std::rc::Rc;
use std::thread;

fn main() {
    let settings = Rc::new(vec!["verbose", "color"]);
    let for_worker = Rc::clone(&settings);
    let handle = thread::spawn(move || println!("worker sees {} settings", for_worker.len()));
    handle.join().unwrap();
    println!("main sees {} settings", settings.len());
}
