"""Tests of the Python version of `pools_graceful_shutdown` (solutions/pools/
pools_graceful_shutdown.py): the cases of tests/pools_graceful_shutdown.rs,
with close() in the place of Rust's drop."""

import threading
import time

from exercise_support import PATIENCE, Rendezvous


def test_closing_the_pool_runs_every_queued_job_and_waits_for_them(solution):
    pool = solution.ThreadPool(2)
    gate = threading.Event()
    entered = []
    held = []
    ran = []
    lock = threading.Lock()

    def hold():
        with lock:
            entered.append(1)
        gate.wait(PATIENCE)
        with lock:
            held.append(1)

    def count():
        with lock:
            ran.append(1)

    # Two jobs keep both workers busy until the gate opens, so ten stay queued.
    for _ in range(2):
        pool.execute(hold)
    for _ in range(10):
        pool.execute(count)
    closing = threading.Event()
    closed = threading.Event()
    at_return = []

    def close():
        closing.set()
        pool.close()
        # What had finished when close() returned: after a correct close()
        # (every worker joined) that is every job, on every run.
        with lock:
            at_return.extend([len(entered) - len(held), len(held) + len(ran)])
        closed.set()

    closer = threading.Thread(target=close)
    closer.start()
    # A correct close() cannot return while the gate is shut: it waits for the
    # jobs. Once the closer is running, give a wrong close() time to return.
    closing.wait(PATIENCE)
    returned_early = closed.wait(0.3)
    gate.set()
    closer.join()
    running_at_return, finished_at_return = at_return

    assert not returned_early and running_at_return == 0, (
        "closing the pool returned while jobs were still running and others were queued: "
        "close() must join every worker"
    )
    assert finished_at_return == 12, (
        f"only {finished_at_return} of the 12 jobs (2 held at a gate, 10 queued behind them) "
        "had run when close() returned: closing the pool must still run every job that was "
        "queued before it, and close() must join every worker"
    )


def test_the_workers_run_jobs_at_the_same_time(solution):
    pool = solution.ThreadPool(3)
    meeting = Rendezvous(3, "jobs", "running")
    done = threading.Semaphore(0)

    def job():
        try:
            meeting.meet()
        finally:
            done.release()

    for _ in range(3):
        pool.execute(job)
    finished = all(done.acquire(timeout=PATIENCE * 3) for _ in range(3))
    pool.close()
    meeting.check()
    assert finished, "a job never ran: do the workers take jobs from the queue?"


def test_a_pool_that_was_idle_still_runs_jobs(solution):
    pool = solution.ThreadPool(2)
    # The pool has nothing to do for a while. A correct worker waits in get()
    # until it takes a sentinel; the pause only gives a worker that gives up
    # when the queue is empty (get(timeout=...)) time to do so.
    time.sleep(0.3)
    meeting = Rendezvous(2, "jobs", "running")
    done = threading.Semaphore(0)

    def job():
        try:
            meeting.meet()
        finally:
            done.release()

    for _ in range(2):
        pool.execute(job)
    ran = sum(1 for _ in range(2) if done.acquire(timeout=PATIENCE * 2))
    pool.close()
    assert ran == 2, (
        f"only {ran} of 2 jobs queued after the pool had been idle for 300 ms ran: a worker "
        "must wait for jobs until it takes a sentinel, however long the queue stays empty"
    )
    meeting.check()


def test_every_worker_has_ended_when_close_returns(solution):
    pool = solution.ThreadPool(3)
    meeting = Rendezvous(3, "jobs", "running")
    workers = []
    lock = threading.Lock()

    def job():
        with lock:
            workers.append(threading.current_thread())
        meeting.meet()

    for _ in range(3):
        pool.execute(job)
    pool.close()
    meeting.check()
    still_running = sum(1 for t in workers if t.is_alive())
    assert still_running == 0, (
        f"{still_running} worker threads were still running after the pool was closed: "
        "close() must join every worker"
    )


def test_the_pool_reuses_its_threads(solution):
    pool = solution.ThreadPool(2)
    threads = set()
    lock = threading.Lock()

    def job():
        with lock:
            threads.add(threading.current_thread())  # ids can be reused; Thread objects cannot

    for _ in range(20):
        pool.execute(job)
    pool.close()
    assert len(threads) <= 2, (
        f"the 20 jobs ran on {len(threads)} different threads: a pool of 2 must reuse its 2 threads"
    )


def test_an_idle_pool_shuts_down_at_once(solution):
    pool = solution.ThreadPool(4)
    closer = threading.Thread(target=pool.close)
    closer.start()
    closer.join(PATIENCE)
    assert not closer.is_alive(), "closing an idle pool must not wait for ever"
