//! Tests for `shared_bounded_queue`. `cargo grade shared_bounded_queue` runs
//! them against your `exercises/shared/shared_bounded_queue.rs`.
//!
//! "Still blocked" is checked by giving a thread time to return and seeing that
//! it has not: that can only miss a bug on a very slow machine, never fail a
//! correct queue. A thread that never wakes up makes the grader time out.

use exercise::{BoundedQueue, Closed};
use std::sync::Arc;
use std::sync::mpsc::{self, TryRecvError};
use std::thread;
use std::time::Duration;

/// Long enough for a spawned thread to reach its wait.
const SETTLE: Duration = Duration::from_millis(200);

/// What a consumer that returns `None` from an open queue did wrong.
const NONE_WHILE_OPEN: &str = "pop returned None while the queue was open: a consumer woke up, \
     found no item (another took it) and did not wait again";

/// Runs `pop` on a new thread; its result arrives on the channel.
fn pop_in_thread(queue: &Arc<BoundedQueue<u32>>, results: &mpsc::Sender<Option<u32>>) {
    let (queue, results) = (Arc::clone(queue), results.clone());
    thread::spawn(move || results.send(queue.pop()).unwrap());
}

#[test]
fn items_come_out_in_the_order_they_went_in() {
    let queue = BoundedQueue::new(3);
    for item in [1, 2, 3] {
        queue.push(item).unwrap();
    }
    assert_eq!(
        [queue.pop(), queue.pop(), queue.pop()],
        [Some(1), Some(2), Some(3)]
    );
}

#[test]
fn push_blocks_while_the_queue_is_full() {
    let queue = Arc::new(BoundedQueue::new(1));
    queue.push(1).unwrap();
    let (done, pushed) = mpsc::channel();
    let pusher = {
        let queue = Arc::clone(&queue);
        thread::spawn(move || done.send(queue.push(2)).unwrap())
    };
    thread::sleep(SETTLE);
    assert_eq!(
        pushed.try_recv(),
        Err(TryRecvError::Empty),
        "push returned while the queue was full"
    );
    assert_eq!(queue.pop(), Some(1));
    assert_eq!(
        pushed.recv().unwrap(),
        Ok(()),
        "a free place lets the waiting push finish"
    );
    pusher.join().unwrap();
    assert_eq!(queue.pop(), Some(2));
}

#[test]
fn pop_blocks_while_the_queue_is_empty() {
    let queue = Arc::new(BoundedQueue::new(2));
    let (results, popped) = mpsc::channel();
    pop_in_thread(&queue, &results);
    thread::sleep(SETTLE);
    assert_eq!(
        popped.try_recv(),
        Err(TryRecvError::Empty),
        "pop returned while the queue was empty and open"
    );
    queue.push(7).unwrap();
    assert_eq!(popped.recv().unwrap(), Some(7));
}

#[test]
fn one_item_wakes_one_consumer_and_the_other_keeps_waiting() {
    let queue = Arc::new(BoundedQueue::new(2));
    let (results, popped) = mpsc::channel();
    pop_in_thread(&queue, &results);
    pop_in_thread(&queue, &results);
    thread::sleep(SETTLE); // both consumers are waiting now
    queue.push(1).unwrap();
    // The consumer that finds the item gone may report before the one that
    // took it: check both results for None, whichever comes first.
    let first = popped.recv().unwrap();
    assert!(first.is_some(), "{NONE_WHILE_OPEN}");
    assert_eq!(first, Some(1), "one consumer gets the item");
    thread::sleep(SETTLE);
    match popped.try_recv() {
        Err(TryRecvError::Empty) => {}
        Ok(None) => panic!("{NONE_WHILE_OPEN}"),
        other => panic!("unexpected: {other:?}"),
    }
    queue.push(2).unwrap();
    assert_eq!(
        popped.recv().unwrap(),
        Some(2),
        "the second item wakes the second consumer"
    );
}

#[test]
fn no_wake_up_is_lost_with_many_producers_and_consumers() {
    let queue = Arc::new(BoundedQueue::new(1));
    let producers: Vec<_> = (0..3u32)
        .map(|p| {
            let queue = Arc::clone(&queue);
            thread::spawn(move || {
                for i in 0..500 {
                    queue.push(p * 10_000 + i).unwrap();
                }
            })
        })
        .collect();
    let consumers: Vec<_> = (0..3)
        .map(|_| {
            let queue = Arc::clone(&queue);
            thread::spawn(move || {
                let mut got = Vec::new();
                while let Some(item) = queue.pop() {
                    got.push(item);
                }
                got
            })
        })
        .collect();
    for producer in producers {
        producer.join().unwrap();
    }
    queue.close();
    let mut all: Vec<u32> = consumers
        .into_iter()
        .flat_map(|c| c.join().unwrap())
        .collect();
    all.sort();
    let expected: Vec<u32> = (0..3)
        .flat_map(|p| (0..500).map(move |i| p * 10_000 + i))
        .collect();
    assert!(
        all == expected,
        "every item pushed must be popped exactly once"
    );
}

#[test]
fn close_releases_every_waiting_consumer() {
    let queue = Arc::new(BoundedQueue::new(1));
    let (results, popped) = mpsc::channel();
    for _ in 0..3 {
        pop_in_thread(&queue, &results);
    }
    thread::sleep(SETTLE); // all three are waiting
    queue.close();
    // If close wakes only one of them, the other two wait forever here.
    for _ in 0..3 {
        assert_eq!(
            popped.recv().unwrap(),
            None,
            "a closed, empty queue gives None"
        );
    }
}

#[test]
fn close_releases_every_waiting_producer_with_its_item() {
    let queue = Arc::new(BoundedQueue::new(1));
    queue.push(0).unwrap();
    let (results, pushed) = mpsc::channel();
    for item in 1..=3 {
        let (queue, results) = (Arc::clone(&queue), results.clone());
        thread::spawn(move || results.send(queue.push(item)).unwrap());
    }
    thread::sleep(SETTLE); // all three are waiting
    queue.close();
    let mut refused: Vec<_> = (0..3).map(|_| pushed.recv().unwrap()).collect();
    refused.sort_by_key(|r| match r {
        Err(Closed(item)) => *item,
        Ok(()) => 0,
    });
    assert_eq!(refused, [Err(Closed(1)), Err(Closed(2)), Err(Closed(3))]);
}

#[test]
fn after_close_consumers_drain_what_is_left() {
    let queue = BoundedQueue::new(3);
    queue.push(1).unwrap();
    queue.push(2).unwrap();
    queue.close();
    assert_eq!(
        queue.push(3),
        Err(Closed(3)),
        "a closed queue refuses new items"
    );
    assert_eq!(
        [queue.pop(), queue.pop(), queue.pop()],
        [Some(1), Some(2), None]
    );
}
