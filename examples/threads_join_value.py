# threading.Thread throws away its target's return value, so each thread
# stores its answer in its own slot of a list that main reads after join().
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def collatz_steps(start: int) -> int:
    """How many steps of the Collatz rule (halve if even, 3n + 1 if odd) reach 1."""
    n = start
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def store_steps(results: list[int], index: int, start: int) -> None:
    results[index] = collatz_steps(start)


def main() -> None:
    starts = [27, 97, 871]
    results = [0] * len(starts)  # one slot per thread, so no two threads write the same one
    threads = [
        threading.Thread(target=store_steps, args=(results, index, start))
        for index, start in enumerate(starts)
    ]
    for thread in threads:
        thread.start()
    for index, thread in enumerate(threads):
        thread.join()  # only after join() is this thread's slot filled in
        say(f"{starts[index]} reaches 1 after {results[index]} steps")


if __name__ == "__main__":
    main()
