# A job that raises on a ThreadPoolExecutor: the exception is stored in its
# Future, the thread survives, and the pool goes on running jobs.

# ANCHOR: main
import sys
import threading
from concurrent.futures import ThreadPoolExecutor


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def parse_count(text: str) -> tuple[str, int]:
    value = int(text)
    if value < 0:
        raise ValueError(f"{text} is negative")
    return text, value


def main() -> None:
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as pool:
        futures = [pool.submit(parse_count, text) for text in ["4", "-1", "9", "16"]]
        # exception() waits for the job; it returns None when the job returned.
        failed = [f for f in futures if f.exception() is not None]
        results = sorted((f.result() for f in futures if f.exception() is None), key=lambda r: r[1])
        for text, value in results:
            say(f"parsed {text} -> {value}")
        say(f"{len(results)} results for 4 jobs")

        # Two jobs that can only finish together: the pool still has two threads.
        barrier = threading.Barrier(2)
        met = [pool.submit(barrier.wait) for _ in range(2)]
        say(f"two jobs met at a barrier: {sum(1 for f in met if f.exception() is None)} threads")
        say(f"failed jobs: {len(failed)}")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
