// expect: failed
// message: before the messages were sent
// Never waits: `default` without a duration runs at once whenever neither
// channel has a message, so it reports Quiet as soon as it catches up, and
// misses everything sent after that.
use std::time::Duration;

use crossbeam::channel::{Receiver, never, select};

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
    let _ = quiet; // never used: that is the mistake
    let mut events = Vec::new();
    let (mut readings, mut alarms) = (readings, alarms);
    let (mut readings_open, mut alarms_open) = (true, true);
    while readings_open || alarms_open {
        select! {
            recv(readings) -> reading => match reading {
                Ok(n) => events.push(Event::Reading(n)),
                Err(_) => {
                    readings = never();
                    readings_open = false;
                }
            },
            recv(alarms) -> alarm => match alarm {
                Ok(text) => events.push(Event::Alarm(text)),
                Err(_) => {
                    alarms = never();
                    alarms_open = false;
                }
            },
            default => {
                events.push(Event::Quiet);
                break;
            }
        }
    }
    events
}
