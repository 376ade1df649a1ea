# expect: failed
# message: fan_in must keep waiting on it
# Stops at the first closed queue: whatever the other one still has, or will
# send, is never read.

import queue
import threading

QUIET = ("quiet", None)


def fan_in(readings, alarms, quiet):
    merged = queue.Queue()

    def forward(source, kind):
        for item in iter(source.get, None):
            merged.put((kind, item))
        merged.put(None)

    for source, kind in [(readings, "reading"), (alarms, "alarm")]:
        threading.Thread(target=forward, args=(source, kind), daemon=True).start()
    events = []
    while True:
        try:
            event = merged.get(timeout=quiet)
        except queue.Empty:
            events.append(QUIET)
            return events
        if event is None:
            return events
        events.append(event)
