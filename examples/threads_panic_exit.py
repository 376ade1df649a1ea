# Python's closest match to "join, and fail if the worker failed" is Future.result(),
# which raises the worker's exception again in main: the program exits with status 1.
import sys
from concurrent.futures import ThreadPoolExecutor


def average(readings: list[int]) -> int:
    if not readings:
        raise ValueError("no readings to average")
    return sum(readings) // len(readings)


def main() -> None:
    sys.stdout.write("main: starting the worker\n")
    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(average, [])
        # Unlike Thread.join(), result() re-raises what the worker raised.
        result = future.result()
    sys.stdout.write(f"main: average is {result}\n")  # never reached


if __name__ == "__main__":
    main()
