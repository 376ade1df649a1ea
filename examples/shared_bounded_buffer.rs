//! Producers and consumers share a `BoundedBuffer` of capacity 2 (Mutex and two
//! Condvars, crates/primitives): nobody spins, nobody sleeps, and `close` ends it.
use primitives::BoundedBuffer;
use std::thread;

fn main() {
    // ANCHOR: main
    let buffer = BoundedBuffer::new(2);

    let totals = thread::scope(|s| {
        let consumers: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    let (mut count, mut sum) = (0, 0);
                    // pop blocks while the buffer is empty; None once closed and drained.
                    while let Some(item) = buffer.pop() {
                        count += 1;
                        sum += item;
                    }
                    (count, sum)
                })
            })
            .collect();
        let producers: Vec<_> = (0..2)
            .map(|p| {
                let buffer = &buffer;
                // push blocks while the buffer is full.
                s.spawn(move || (1..=5).for_each(|i| buffer.push(p * 100 + i).unwrap()))
            })
            .collect();
        for producer in producers {
            producer.join().unwrap();
        }
        buffer.close(); // wakes every consumer still waiting
        consumers
            .into_iter()
            .map(|c| c.join().unwrap())
            .collect::<Vec<_>>()
    });

    let count: u32 = totals.iter().map(|t| t.0).sum();
    let sum: u32 = totals.iter().map(|t| t.1).sum();
    println!("consumed {count} items, sum {sum}");
    println!(
        "closed buffer refuses a push: {:?}",
        buffer.push(999).is_err()
    );
    // ANCHOR_END: main
}
