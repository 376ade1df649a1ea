# One lock for a whole table against one lock per shard, in Python: the same
# counts; with the GIL, shards save far less than in Rust (see the page).
import sys
import threading

THREADS = 4
KEYS = 64
ROUNDS = 20_000


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def lock_counting(lock: threading.Lock, busy: list[int]) -> None:
    if not lock.acquire(blocking=False):
        busy[0] += 1
        lock.acquire()


# ANCHOR: main
def main() -> None:
    table: dict[int, int] = {}
    table_lock = threading.Lock()
    shards: list[dict[int, int]] = [{} for _ in range(16)]
    shard_locks = [threading.Lock() for _ in range(16)]
    results: list[tuple[int, int]] = []
    results_lock = threading.Lock()

    start = threading.Barrier(THREADS)  # all threads begin together

    def work(t: int) -> None:
        one, sharded = [0], [0]
        start.wait()
        for round_ in range(ROUNDS):
            key = (round_ * 7 + t * 13) % KEYS
            lock_counting(table_lock, one)
            table[key] = table.get(key, 0) + 1
            table_lock.release()
            shard = key % 16
            lock_counting(shard_locks[shard], sharded)
            shards[shard][key] = shards[shard].get(key, 0) + 1
            shard_locks[shard].release()
        with results_lock:
            results.append((one[0], sharded[0]))

    threads = [threading.Thread(target=work, args=(t,)) for t in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # ANCHOR_END: main
    one_busy = sum(r[0] for r in results)
    sharded_busy = sum(r[1] for r in results)
    say(f"one lock: {sum(table.values())} updates, busy {one_busy} times")
    say(f"16 shards: {sum(sum(s.values()) for s in shards)} updates, busy {sharded_busy} times")


if __name__ == "__main__":
    main()
