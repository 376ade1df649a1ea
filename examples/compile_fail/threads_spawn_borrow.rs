// `move` does not help when what the closure holds is itself a borrow: each chunk
// points into `readings`, which lives on main's stack, and spawn wants 'static data.
// expect-error: E0597
use std::thread;

fn main() {
    let readings = vec![3, 1, 4, 1, 5, 9, 2, 6];
    let mut handles = Vec::new();
    for chunk in readings.chunks(4) {
        handles.push(thread::spawn(move || chunk.iter().max().copied()));
    }
    for handle in handles {
        println!("largest in chunk: {:?}", handle.join().unwrap());
    }
}
