"""Exercise `pools_request_server`, in Python: a TCP server that answers each
connection on a pool of worker threads, serves a fixed number of requests,
waits until every answer has been sent, and stops."""

from __future__ import annotations

import socket
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor


def serve(
    listener: socket.socket,
    workers: int,
    requests: int,
    handle: Callable[[socket.socket], None],
) -> None:
    """Accepts exactly `requests` connections on `listener` and answers each
    one with `handle`, on a pool of `workers` threads. Returns once every
    request has been answered, and closes the listener."""

    def answer(conn: socket.socket) -> None:
        with conn:
            try:
                handle(conn)
            except OSError as error:
                # One failed request must not stop the server.
                sys.stderr.write(f"a request failed: {error}\n")

    # Leaving both `with` blocks waits for the pool, then closes the listener.
    with listener, ThreadPoolExecutor(max_workers=workers) as pool:
        for _ in range(requests):
            conn, _ = listener.accept()
            pool.submit(answer, conn)
