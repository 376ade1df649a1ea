# The same split in Python: one slice per thread, one result slot per thread.
# Under the GIL these threads take turns, so this is no faster than one thread.
import os
import sys
import threading

LIMIT = 30_000


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def count_primes(numbers: list[int]) -> int:
    return sum(1 for n in numbers if is_prime(n))


def usable_cpus() -> int:
    if hasattr(os, "process_cpu_count"):  # Python 3.13+
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):  # Linux and some other Unix systems
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
def count_primes_in_parallel(numbers: list[int], threads: int) -> int:
    # Round up, so that `threads` chunks cover every number; the last may be shorter.
    chunk_len = max(1, -(-len(numbers) // threads))
    # Slicing a list copies it; Rust's chunks() only borrows.
    chunks = [numbers[i : i + chunk_len] for i in range(0, len(numbers), chunk_len)]
    counts = [0] * len(chunks)

    def work(index: int) -> None:
        counts[index] = count_primes(chunks[index])

    workers = [threading.Thread(target=work, args=(i,)) for i in range(len(chunks))]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sum(counts)


def main() -> None:
    threads = usable_cpus()
    numbers = list(range(LIMIT))
    say(f"splitting {len(numbers)} numbers over {threads} threads")

    primes = count_primes_in_parallel(numbers, threads)
    say(f"primes below {LIMIT}: {primes}")

    assert primes == count_primes(numbers), "one thread must agree"
    say("a single thread counts the same")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
