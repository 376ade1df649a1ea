"""Tests of the Python version of `channels_even_pipeline` (solutions/channels/
channels_even_pipeline.py): the cases of tests/channels_even_pipeline.rs."""

import queue
import threading

from exercise_support import PATIENCE

MIXED = [7, 4, 4, 10, 3, 2, 8, 5, 6, 0, 12]
MIXED_EVENS = [4, 4, 10, 2, 8, 6, 0, 12]


def drain(q):
    return list(iter(q.get, None))


def test_generate_sends_every_number_in_order(solution):
    out = queue.Queue()
    solution.generate(MIXED, out)
    assert drain(out) == MIXED, "generate must send every number, in the order given"


def test_keep_even_passes_on_every_even_number_in_order(solution):
    source, out = queue.Queue(), queue.Queue()
    for n in [*MIXED, None]:
        source.put(n)
    solution.keep_even(source, out)
    assert drain(out) == MIXED_EVENS, (
        "keep_even must pass on every even number, in the order they came, and nothing else"
    )


def test_report_hands_every_number_to_the_sink_in_order(solution):
    source = queue.Queue()
    for n in [*MIXED_EVENS, None]:
        source.put(n)
    seen = []
    solution.report(source, seen.append)
    assert seen == MIXED_EVENS, (
        "report must hand every number to the sink, once each, in the order they came"
    )


def test_run_pipeline_delivers_every_even_number_in_order_and_ends(solution):
    got = []
    solution.run_pipeline(MIXED, got.append)
    assert got == MIXED_EVENS, "the pipeline must deliver every even number, in the order generated"
    got = []
    solution.run_pipeline(range(1, 10_001), got.append)
    assert got == list(range(2, 10_001, 2)), (
        "the pipeline must deliver every even number of 1..=10_000, in order"
    )


def test_run_pipeline_runs_each_stage_on_a_thread_of_its_own(solution):
    # Thread objects, not get_ident(): an ident can be reused once its thread ends.
    caller = threading.current_thread()
    generator_threads, sink_threads = set(), set()

    def numbers():
        for n in range(1, 7):
            generator_threads.add(threading.current_thread())
            yield n

    solution.run_pipeline(numbers(), lambda _: sink_threads.add(threading.current_thread()))
    assert len(sink_threads) == 1, "the sink must be called for 2, 4 and 6, on one thread"
    assert caller not in generator_threads, (
        "the numbers were generated on the thread that called run_pipeline: "
        "the generator needs a thread of its own"
    )
    assert caller not in sink_threads, (
        "the sink was called on the thread that called run_pipeline: "
        "the last stage needs a thread of its own"
    )
    assert not generator_threads & sink_threads, (
        "the first and the last stage ran on the same thread: each stage needs a thread of its own"
    )


def test_run_pipeline_stages_work_at_the_same_time(solution):
    delivered = threading.Event()
    stuck = []
    got = []

    def numbers():
        yield 2
        # Only a pipeline whose stages run at the same time gets 2 to the sink
        # while the generator is still waiting here.
        if not delivered.wait(PATIENCE):
            stuck.append(True)
            return
        yield 3
        yield 4

    def sink(n):
        got.append(n)
        delivered.set()

    solution.run_pipeline(numbers(), sink)
    assert not stuck, (
        "the generator waited for its first even number to reach the sink, and it never did: "
        "are the stages running one after another instead of at the same time?"
    )
    assert got == [2, 4]
