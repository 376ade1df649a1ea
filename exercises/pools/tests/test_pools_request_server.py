"""Tests of the Python version of `pools_request_server` (solutions/pools/
pools_request_server.py): the cases of tests/pools_request_server.rs."""

import queue
import socket
import threading

from exercise_support import PATIENCE, Rendezvous


def start(solution, workers, requests, handle):
    """Starts serve on a thread; returns the address and a queue that gets
    "returned" (or the exception) when serve returns."""
    listener = socket.create_server(("127.0.0.1", 0))
    address = listener.getsockname()
    returned: queue.SimpleQueue = queue.SimpleQueue()

    def run():
        try:
            solution.serve(listener, workers, requests, handle)
            returned.put("returned")
        except Exception as error:  # noqa: BLE001 - reported by the test
            returned.put(error)

    threading.Thread(target=run, daemon=True).start()
    return address, returned


def ask(address, line):
    with socket.create_connection(address, timeout=PATIENCE) as conn:
        conn.settimeout(PATIENCE * 2)
        conn.sendall(f"{line}\n".encode())
        return conn.makefile().readline().rstrip("\n")


def read_request(conn):
    conn.settimeout(PATIENCE)
    return conn.makefile().readline().rstrip("\n")


def reply(conn, text):
    conn.sendall(f"{text}\n".encode())


def shout(conn):
    reply(conn, read_request(conn).upper())


def wait_for_return(returned, requests):
    try:
        outcome = returned.get(timeout=PATIENCE)
    except queue.Empty:
        raise AssertionError(
            f"serve did not return after its {requests} requests: accept exactly `requests` "
            "connections"
        ) from None
    assert outcome == "returned", f"serve raised {outcome!r}"


def test_it_serves_exactly_the_requests_asked_then_returns_and_stops_listening(solution):
    address, returned = start(solution, 2, 4, shout)
    for word in ["one", "two", "three", "four"]:
        assert ask(address, word) == word.upper(), f"the reply to {word!r}"
    wait_for_return(returned, 4)
    try:
        ask(address, "five")
    except OSError:
        pass
    else:
        raise AssertionError(
            "a fifth client was still answered after serve returned: the listener must be closed"
        )


def test_it_answers_requests_at_the_same_time(solution):
    meeting = Rendezvous(3, "requests", "being answered")

    def handle(conn):
        request = read_request(conn)
        try:
            meeting.meet()
        except AssertionError as why:
            request = str(why)
        reply(conn, request)

    address, _ = start(solution, 3, 3, handle)
    answers: list = [None] * 3

    def client(i):
        answers[i] = ask(address, f"client {i}")

    clients = [threading.Thread(target=client, args=(i,)) for i in range(3)]
    for c in clients:
        c.start()
    for c in clients:
        c.join()
    for i, answer in enumerate(answers):
        assert answer == f"client {i}", answer


def test_it_returns_only_once_every_request_is_answered(solution):
    gate = threading.Event()
    arrivals = threading.Semaphore(0)

    def handle(conn):
        request = read_request(conn)
        arrivals.release()
        gate.wait(PATIENCE)
        reply(conn, request)

    address, returned = start(solution, 2, 2, handle)
    answers = {}

    def client(word):
        answers[word] = ask(address, word)

    clients = [threading.Thread(target=client, args=(w,)) for w in ["left", "right"]]
    for c in clients:
        c.start()
    # Once both requests are held at the gate, serve has handed both to its
    # pool and must still be waiting for them; one that does not wait returns
    # within moments. (Waiting for the arrivals first keeps a slow start on a
    # busy machine from eating into the 300 ms.)
    for _ in range(2):
        arrivals.acquire(timeout=PATIENCE)
    try:
        returned_early = returned.get(timeout=0.3) is not None
    except queue.Empty:
        returned_early = False
    gate.set()
    for c in clients:
        c.join()
    assert not returned_early, (
        "serve returned while its two requests were still being answered: wait for the pool "
        "before returning"
    )
    assert answers == {"left": "left", "right": "right"}
    if not returned_early:
        wait_for_return(returned, 2)


def test_it_uses_at_most_its_workers(solution):
    threads = set()
    lock = threading.Lock()

    def handle(conn):
        with lock:
            threads.add(threading.current_thread())  # ids can be reused; Thread objects cannot
        shout(conn)

    address, _ = start(solution, 2, 8, handle)
    for i in range(8):
        ask(address, f"request {i}")
    assert len(threads) <= 2, (
        f"8 requests were answered on {len(threads)} different threads: a server with 2 "
        "workers must reuse its 2 threads"
    )


def test_a_request_that_fails_does_not_stop_the_server(solution):
    def handle(conn):
        request = read_request(conn)
        if request == "fail":
            raise OSError("this request fails on purpose")
        reply(conn, request.upper())

    address, returned = start(solution, 1, 3, handle)
    assert ask(address, "before") == "BEFORE"
    try:
        ask(address, "fail")
    except OSError:
        pass
    assert ask(address, "after") == "AFTER", "the request after a failed one must still be answered"
    wait_for_return(returned, 3)
