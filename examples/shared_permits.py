# threading.Semaphore limits how many threads hold a permit at once; `with`
# gives the permit back when the block ends, also when it raises.
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: use
def main() -> None:
    downloads = threading.Semaphore(2)
    lock = threading.Lock()
    active = [0, 0]  # holding a permit now, most at once
    failed: list[int] = []

    def download(job: int) -> None:
        try:
            with downloads:  # released when the block ends, even by an exception
                with lock:
                    active[0] += 1
                    active[1] = max(active[1], active[0])
                with lock:
                    active[0] -= 1
                if job == 3:
                    raise RuntimeError(f"download {job} failed")
        except RuntimeError:
            with lock:
                failed.append(job)

    threads = [threading.Thread(target=download, args=(job,)) for job in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    say(f"5 downloads, {len(failed)} failed")
    say(f"never more than 2 at once: {str(active[1] <= 2).lower()}")
    # Semaphore has no public count; acquiring twice without blocking shows 2 are free.
    free = sum(downloads.acquire(blocking=False) for _ in range(3))
    say(f"permits free at the end: {free}")


# ANCHOR_END: use


if __name__ == "__main__":
    main()
