// expect: timed-out
// message: A thread is running, not waiting
// spins at: select! {
// spins at: recv(readings) -> reading => {
// spins at: if let Ok(n) = reading {
// spins at: recv(alarms) -> alarm => {
// spins at: if let Ok(text) = alarm {
// Ignores the error of a closed channel and selects again, but a closed
// channel is always ready: select! picks it over and over, the default branch
// never runs, and the loop spins forever.

use std::time::Duration;

use crossbeam::channel::{Receiver, select};

/// What `fan_in` saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A number from the `readings` channel.
    Reading(u32),
    /// A message from the `alarms` channel.
    Alarm(String),
    /// Neither channel delivered anything for the `quiet` duration.
    Quiet,
}

/// Receives from `readings` and `alarms` at the same time and returns what it
/// received, as events, in the order it received them.
///
/// It stops when both channels are closed (every sender dropped, nothing
/// left), or when neither delivers anything for `quiet`: then the last event
/// is `Event::Quiet`. A channel that closes early must not stop it from
/// reading the other one.
///
/// In Python there is no select over two queues; the usual way is a thread
/// per queue that forwards into one merged queue, read with
/// `get(timeout=quiet)`.
pub fn fan_in(readings: Receiver<u32>, alarms: Receiver<String>, quiet: Duration) -> Vec<Event> {
    let mut events = Vec::new();
    loop {
        select! {
            recv(readings) -> reading => {
                if let Ok(n) = reading {
                    events.push(Event::Reading(n));
                }
            }
            recv(alarms) -> alarm => {
                if let Ok(text) = alarm {
                    events.push(Event::Alarm(text));
                }
            }
            default(quiet) => {
                events.push(Event::Quiet);
                break;
            }
        }
    }
    events
}
