//! Tests for `channels_fan_in`. `cargo grade channels_fan_in` runs them
//! against your `exercises/channels/channels_fan_in.rs`.

use crossbeam::channel::{self, TrySendError};
use exercise::{Event, fan_in};
use exercise_support::PATIENCE;
use std::thread;
use std::time::Duration;

/// The readings and the alarms among `events`, each in the order received.
fn split(events: &[Event]) -> (Vec<u32>, Vec<String>) {
    let mut readings = Vec::new();
    let mut alarms = Vec::new();
    for event in events {
        match event {
            Event::Reading(n) => readings.push(*n),
            Event::Alarm(text) => alarms.push(text.clone()),
            Event::Quiet => {}
        }
    }
    (readings, alarms)
}

#[test]
fn a_closed_channel_does_not_stop_the_other() {
    let (reading_tx, readings) = channel::unbounded();
    let (alarm_tx, alarms) = channel::unbounded();
    alarm_tx.send("fire".to_owned()).unwrap();
    drop(alarm_tx); // alarms: one message, then closed
    reading_tx.send(1).unwrap();
    reading_tx.send(2).unwrap(); // readings: still open, nothing more comes

    let events = fan_in(readings, alarms, Duration::from_millis(50));
    drop(reading_tx);
    assert_eq!(
        events.last(),
        Some(&Event::Quiet),
        "the alarms channel closed, but the readings channel was still open: fan_in must \
         keep waiting on it until it has been quiet for 50 ms, and end with Event::Quiet"
    );
    assert_eq!(
        split(&events),
        (vec![1, 2], vec!["fire".to_owned()]),
        "every message of both channels must be received, each channel's in order"
    );
    assert_eq!(events.len(), 4, "three messages and one Quiet: {events:?}");
}

#[test]
fn both_channels_are_read_until_both_are_closed() {
    let (reading_tx, readings) = channel::unbounded();
    let (alarm_tx, alarms) = channel::unbounded();
    for n in [3, 1, 4, 1, 5] {
        reading_tx.send(n).unwrap();
    }
    alarm_tx.send("smoke".to_owned()).unwrap();
    alarm_tx.send("heat".to_owned()).unwrap();
    drop(reading_tx);
    drop(alarm_tx);

    let events = fan_in(readings, alarms, PATIENCE);
    assert_eq!(
        split(&events),
        (
            vec![3, 1, 4, 1, 5],
            vec!["smoke".to_owned(), "heat".to_owned()]
        ),
        "every message of both channels must be received, each channel's in order"
    );
    assert!(
        !events.contains(&Event::Quiet),
        "both channels were closed: fan_in must end without waiting for quiet, got {events:?}"
    );
}

#[test]
fn messages_that_arrive_while_it_waits_are_received() {
    // Rendezvous channels (capacity 0): `try_send` succeeds only while a
    // receiver is blocked waiting on the channel. So the first message goes
    // in only once fan_in is waiting, with nothing there yet, and fails if
    // fan_in has already given up and returned. The quiet time is only a
    // guard: both channels close right after the three sends.
    let (reading_tx, readings) = channel::bounded(0);
    let (alarm_tx, alarms) = channel::bounded(0);
    let merger = thread::spawn(move || fan_in(readings, alarms, Duration::from_secs(5)));
    let waited = loop {
        match reading_tx.try_send(7) {
            Ok(()) => break true,
            Err(TrySendError::Full(_)) => thread::yield_now(), // not waiting yet
            Err(TrySendError::Disconnected(_)) => break false, // fan_in has returned
        }
    };
    let sent = waited && alarm_tx.send("door".to_owned()).is_ok() && reading_tx.send(8).is_ok();
    drop(alarm_tx);
    drop(reading_tx);
    let events = merger.join().expect("fan_in panicked");
    assert!(
        sent,
        "fan_in returned {events:?} before the messages were sent: with both channels open \
         and nothing there yet, it must wait for a message (up to `quiet`), not give up at once"
    );
    assert_eq!(
        split(&events),
        (vec![7, 8], vec!["door".to_owned()]),
        "messages sent while fan_in is waiting must be received, each channel's in order"
    );
    assert!(!events.contains(&Event::Quiet), "got {events:?}");
}

#[test]
fn quiet_channels_end_with_quiet() {
    let (_reading_tx, readings) = channel::unbounded::<u32>();
    let (_alarm_tx, alarms) = channel::unbounded::<String>();
    assert_eq!(
        fan_in(readings, alarms, Duration::from_millis(10)),
        [Event::Quiet],
        "both channels open and nothing sent: after 10 ms of quiet, fan_in must return [Quiet]"
    );
}
