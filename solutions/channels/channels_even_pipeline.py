"""Exercise `channels_even_pipeline`, in Python: three stages, each on a
thread of its own, joined by queues; a None sentinel tells each stage that
nothing more is coming."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable

END = None  # what a stage puts when it is done: Rust's dropped Sender

Channel = queue.Queue[int | None]


def generate(numbers: Iterable[int], output: Channel) -> None:
    """Stage 1: puts each of `numbers` on `output`, in order, then END."""
    for n in numbers:
        output.put(n)
    output.put(END)  # forget this, and the next stage waits forever


def keep_even(input: Channel, output: Channel) -> None:
    """Stage 2: passes the even numbers from `input` on to `output`, in order,
    until it gets END, which it passes on too."""
    for n in iter(input.get, END):
        if n % 2 == 0:
            output.put(n)
    output.put(END)


def report(input: Channel, sink: Callable[[int], None]) -> None:
    """Stage 3: hands every number from `input` to `sink`, in order, until END."""
    for n in iter(input.get, END):
        sink(n)


def run_pipeline(numbers: Iterable[int], sink: Callable[[int], None]) -> None:
    """Runs the three stages on three threads at the same time, connected by
    two queues, and returns once all three have finished."""
    numbers_q: Channel = queue.Queue()
    evens_q: Channel = queue.Queue()
    stages = [
        threading.Thread(target=generate, args=(numbers, numbers_q)),
        threading.Thread(target=keep_even, args=(numbers_q, evens_q)),
        threading.Thread(target=report, args=(evens_q, sink)),
    ]
    for stage in stages:
        stage.start()
    for stage in stages:
        stage.join()
