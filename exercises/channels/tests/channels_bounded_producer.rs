//! Tests for `channels_bounded_producer`. `cargo grade channels_bounded_producer`
//! runs them against your `exercises/channels/channels_bounded_producer.rs`.

use exercise::spawn_producer;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

#[test]
fn bounded_channel_of_the_given_capacity() {
    for capacity in [0, 1, 3] {
        let (rx, producer) = spawn_producer(Vec::new(), capacity);
        assert_eq!(
            rx.capacity(),
            Some(capacity),
            "the channel must hold at most {capacity} items: make it with channel::bounded({capacity})"
        );
        producer.join().expect("the producer panicked");
    }
}

#[test]
fn every_item_arrives_in_order_and_the_producer_ends() {
    let items: Vec<u64> = vec![5, 3, 9, 3, 0, 7, 1];
    let (rx, producer) = spawn_producer(items.clone(), 2);
    let received: Vec<u64> = rx.iter().collect();
    assert_eq!(received, items, "every item must arrive, once, in order");
    assert_eq!(
        producer.join().expect("the producer panicked"),
        items.len(),
        "the producer must return how many items it sent"
    );

    let (rx, producer) = spawn_producer(1..=1000, 0);
    assert!(
        rx.iter().eq(1..=1000),
        "with capacity 0, too, every item must arrive in order"
    );
    assert_eq!(producer.join().expect("the producer panicked"), 1000);
}

/// The numbers 1..=count, counting how often it is asked for the next one.
struct Watched {
    next: u64,
    count: u64,
    pulled: Arc<AtomicUsize>,
}

impl Iterator for Watched {
    type Item = u64;

    fn next(&mut self) -> Option<u64> {
        self.pulled.fetch_add(1, Ordering::SeqCst);
        (self.next < self.count).then(|| {
            self.next += 1;
            self.next
        })
    }
}

#[test]
fn items_are_taken_only_when_there_is_room_for_them() {
    for capacity in [0, 2] {
        let pulled = Arc::new(AtomicUsize::new(0));
        let items = Watched {
            next: 0,
            count: 20,
            pulled: Arc::clone(&pulled),
        };
        let (rx, producer) = spawn_producer(items, capacity);
        // Asking for item m means items 1..m-1 were sent, and a send completes
        // only when there is room. So when the first item has been received,
        // the producer can have asked for at most capacity + 2 items: the one
        // received, `capacity` waiting in the channel, and one in hand that
        // waits for room. That holds however the threads are scheduled.
        assert_eq!(rx.recv().ok(), Some(1), "the first item must be 1");
        let taken = pulled.load(Ordering::SeqCst);
        assert!(
            taken <= capacity + 2,
            "by the time the first item arrived, the producer had already asked for {taken} \
             items: it must take each item only when it is about to send it, so that it is \
             never more than {capacity} ahead"
        );
        let rest: Vec<u64> = rx.iter().collect();
        assert!(
            rest.into_iter().eq(2..=20),
            "every item must arrive in order"
        );
        producer.join().expect("the producer panicked");
    }
}

#[test]
fn stops_without_panicking_when_the_receiver_is_dropped() {
    let pulled = Arc::new(AtomicUsize::new(0));
    let items = {
        let pulled = Arc::clone(&pulled);
        (0..100_000).inspect(move |_| {
            pulled.fetch_add(1, Ordering::SeqCst);
        })
    };
    let (rx, producer) = spawn_producer(items, 2);
    for expected in 0..3 {
        assert_eq!(rx.recv().ok(), Some(expected));
    }
    drop(rx); // the consumer has had enough
    let sent = producer.join().unwrap_or_else(|_| {
        panic!(
            "the producer panicked when the receiver was dropped: a failed send only means \
             that nobody is listening any more, so stop sending"
        )
    });
    assert!(
        (3..=5).contains(&sent),
        "3 items were received and 2 more fit in the channel, so the producer sent 3 to 5 \
         items before noticing; it says it sent {sent}"
    );
    // 3 received, at most 2 in the channel, and the one whose send failed.
    let taken = pulled.load(Ordering::SeqCst);
    assert!(
        taken <= 6,
        "after the receiver was dropped, the producer went on taking items ({taken} of them): \
         a failed send means nobody will ever read again, so stop at the first one"
    );
}
