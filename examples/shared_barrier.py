# A threading.Barrier holds every thread until all have arrived; wait() gives
# each thread a different number, so `== 0` picks exactly one of them.
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
def main() -> None:
    barrier = threading.Barrier(3)
    lock = threading.Lock()
    results: list[int] = []

    def work(worker: int) -> None:
        with lock:
            results.append(worker * 10)  # phase 1: compute
        if barrier.wait() == 0:
            with lock:
                say(f"leader: phase 1 done, total {sum(results)}")
        barrier.wait()
        say(f"worker {worker}: phase 2")

    threads = [threading.Thread(target=work, args=(w,)) for w in range(1, 4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


# ANCHOR_END: main


if __name__ == "__main__":
    main()
