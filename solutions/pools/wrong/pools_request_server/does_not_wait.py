# expect: failed
# message: serve returned while its two requests were still being answered
# Hands every connection to the pool, then shuts the pool down without
# waiting: serve returns while requests are still being answered.

from concurrent.futures import ThreadPoolExecutor


def serve(listener, workers, requests, handle):
    def answer(conn):
        with conn:
            try:
                handle(conn)
            except OSError:
                pass

    pool = ThreadPoolExecutor(max_workers=workers)
    with listener:
        for _ in range(requests):
            conn, _ = listener.accept()
            pool.submit(answer, conn)
    pool.shutdown(wait=False)
