"""Tests of the Python version of `channels_fan_in` (solutions/channels/
channels_fan_in.py): the cases of tests/channels_fan_in.rs. None in a queue
plays the part of Rust's closed channel."""

import queue
import threading

from exercise_support import PATIENCE

QUIET = ("quiet", None)


def split(events):
    readings = [item for kind, item in events if kind == "reading"]
    alarms = [item for kind, item in events if kind == "alarm"]
    return readings, alarms


def filled(*items):
    q = queue.Queue()
    for item in items:
        q.put(item)
    return q


def test_a_closed_channel_does_not_stop_the_other(solution):
    alarms = filled("fire", None)  # one message, then closed
    readings = filled(1, 2)  # still open, nothing more comes
    events = solution.fan_in(readings, alarms, 0.05)
    readings.put(None)
    assert events[-1:] == [QUIET], (
        "the alarms channel closed, but the readings channel was still open: fan_in must "
        "keep waiting on it until it has been quiet for 50 ms, and end with Event::Quiet"
    )
    assert split(events) == ([1, 2], ["fire"]), (
        "every message of both channels must be received, each channel's in order"
    )
    assert len(events) == 4, f"three messages and one Quiet: {events}"


def test_both_channels_are_read_until_both_are_closed(solution):
    readings = filled(3, 1, 4, 1, 5, None)
    alarms = filled("smoke", "heat", None)
    events = solution.fan_in(readings, alarms, PATIENCE)
    assert split(events) == ([3, 1, 4, 1, 5], ["smoke", "heat"]), (
        "every message of both channels must be received, each channel's in order"
    )
    assert QUIET not in events, (
        f"both channels were closed: fan_in must end without waiting for quiet, got {events}"
    )


class Watched(queue.Queue):
    """A queue that records when a blocking get() finds it empty and waits."""

    def __init__(self) -> None:
        super().__init__()
        self.waited_on = threading.Event()

    def get(self, block=True, timeout=None):
        with self.mutex:
            if block and not self._qsize():
                self.waited_on.set()
        return super().get(block, timeout)


def test_messages_that_arrive_while_it_waits_are_received(solution):
    readings, alarms = Watched(), Watched()
    result = []
    merger = threading.Thread(
        # The quiet time is only a guard: both queues close right after the sends.
        target=lambda: result.extend(solution.fan_in(readings, alarms, 5.0))
    )
    merger.start()
    # Nothing is sent until something waits on both queues, empty: these
    # messages arrive while fan_in is waiting, not before it starts.
    assert readings.waited_on.wait(PATIENCE) and alarms.waited_on.wait(PATIENCE), (
        "nothing waited on the empty queues: fan_in must wait for messages (get with a "
        "timeout, or a forwarding thread's get), not only look with get_nowait"
    )
    readings.put(7)
    alarms.put("door")
    readings.put(8)
    alarms.put(None)
    readings.put(None)
    merger.join()
    assert split(result) == ([7, 8], ["door"]), (
        "messages sent while fan_in is waiting must be received, each channel's in order"
    )
    assert QUIET not in result, f"got {result}"


def test_quiet_channels_end_with_quiet(solution):
    assert solution.fan_in(queue.Queue(), queue.Queue(), 0.01) == [QUIET], (
        "both channels open and nothing sent: after 10 ms of quiet, fan_in must return [Quiet]"
    )
