# expect: failed
# message: the generator needs a thread of its own
# Everything on the calling thread, one stage after the other: a generator
# chain with queues in between. The right numbers, but nothing runs at once.

import queue

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
    for n in iter(input.get, END):
        sink(n)


def run_pipeline(numbers, sink):
    numbers_q, evens_q = queue.Queue(), queue.Queue()
    generate(numbers, numbers_q)
    keep_even(numbers_q, evens_q)
    report(evens_q, sink)
