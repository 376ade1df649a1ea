# threading.local gives every thread its own attributes. Subclassing it with an
# __init__ gives each thread a fresh starting value, like Rust's thread_local! initializer.
import sys
import threading


class RequestStats(threading.local):
    def __init__(self) -> None:
        # Runs once in every thread that first touches `stats`.
        self.seen = 0


stats = RequestStats()


def handle_request() -> None:
    stats.seen += 1


def serve(requests: int, results: list[int], slot: int) -> None:
    for _ in range(requests):
        handle_request()
    results[slot] = stats.seen


def main() -> None:
    handle_request()  # main counts one request of its own
    workloads = [3, 5]
    results = [0] * len(workloads)
    threads = [
        threading.Thread(target=serve, args=(requests, results, slot))
        for slot, requests in enumerate(workloads)
    ]
    for thread in threads:
        thread.start()
    for worker, thread in enumerate(threads):
        thread.join()
        sys.stdout.write(f"worker {worker} counted {results[worker]} requests\n")
    # The workers' counting never touched main's copy.
    sys.stdout.write(f"main counted {stats.seen} request\n")


if __name__ == "__main__":
    main()
