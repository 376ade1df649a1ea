# expect: failed
# message: report must hand every number to the sink, once each, in the order they came
# The habit `for n in sorted(set(numbers))` in the last stage: sorted, and each
# number only once.

import queue
import threading

END = None


def generate(numbers, output):
    for n in numbers:
        output.put(n)
    output.put(END)


def keep_even(input, output):
    for n in iter(input.get, END):
        if n % 2 == 0:
            output.put(n)
    output.put(END)


def report(input, sink):
    for n in sorted(set(iter(input.get, END))):
        sink(n)


def run_pipeline(numbers, sink):
    numbers_q, evens_q = queue.Queue(), queue.Queue()
    stages = [
        threading.Thread(target=generate, args=(numbers, numbers_q)),
        threading.Thread(target=keep_even, args=(numbers_q, evens_q)),
        threading.Thread(target=report, args=(evens_q, sink)),
    ]
    for stage in stages:
        stage.start()
    for stage in stages:
        stage.join()
