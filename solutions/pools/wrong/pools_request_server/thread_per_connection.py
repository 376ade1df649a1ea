# expect: failed
# message: a server with 2 workers must reuse its 2 threads
# A thread per connection, as ThreadingTCPServer does: no limit on how many
# threads a flood of clients can make it start.

import threading


def serve(listener, workers, requests, handle):
    def answer(conn):
        with conn:
            try:
                handle(conn)
            except OSError:
                pass

    threads = []
    with listener:
        for _ in range(requests):
            conn, _ = listener.accept()
            thread = threading.Thread(target=answer, args=(conn,))
            thread.start()
            threads.append(thread)
    for thread in threads:
        thread.join()
