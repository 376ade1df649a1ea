"""The Python half of `cargo xtask bench`: the same benchmarks as
crates/bench/src/measure.rs, run under whichever interpreter runs this file.
Prints one JSON object per line (group, variant, threads, size, unit and the
samples in nanoseconds per unit); the Rust runner summarises them into
bench/results.csv. Variants of a group are interleaved (A B A B ...) after a
warm-up round, and pools are started before the timed part."""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import queue
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

MASK = (1 << 64) - 1
Run = Callable[[], tuple[float, float]]  # (seconds, units of work)


def spin(n: int, seed: int = 0) -> int:
    """n rounds of the xorshift generator of measure.rs's `spin`."""
    x = seed | 1
    for _ in range(n):
        x ^= (x << 13) & MASK
        x ^= x >> 7
        x ^= (x << 17) & MASK
    return x


def spin_args(args: tuple[int, int]) -> int:
    return spin(*args)


def emit(group: str, unit: str, size: int, variants: list[tuple[str, int, Run]], reps: int) -> None:
    for _name, _threads, run in variants:
        run()  # warm-up
    samples: list[list[float]] = [[] for _ in variants]
    for _ in range(reps):
        for (_name, _threads, run), into in zip(variants, samples, strict=True):
            seconds, units = run()
            into.append(seconds * 1e9 / units)
    for (name, threads, _run), values in zip(variants, samples, strict=True):
        row = {"group": group, "variant": name, "threads": threads, "size": size, "unit": unit}
        sys.stdout.write(json.dumps({**row, "samples": values}) + "\n")
    sys.stdout.flush()


def thread_counts(cores: int) -> list[int]:
    return sorted({t for t in (1, 2, cores) if t <= cores})


def on_threads(threads: int, total: int) -> Run:
    def run() -> tuple[float, float]:
        each = total // threads
        workers = [threading.Thread(target=spin, args=(each, i)) for i in range(threads)]
        start = time.perf_counter()
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        return time.perf_counter() - start, total

    return run


def cpu(reps: int, smoke: bool, cores: int, label: str, threads_only: bool) -> list:
    total = 40_000 if smoke else 1_000_000
    variants: list[tuple[str, int, Run]] = []
    pools: list = []
    for threads in thread_counts(cores):
        variants.append((label, threads, on_threads(threads, total)))
        if threads_only:
            continue
        jobs = [(total // threads, i) for i in range(threads)]
        pool = multiprocessing.Pool(threads)
        executor = ProcessPoolExecutor(max_workers=threads)
        pools += [pool, executor]
        # Start the workers before timing: one throwaway job each.
        pool.map(spin_args, [(1, i) for i in range(threads)])
        list(executor.map(spin_args, [(1, i) for i in range(threads)]))

        def with_pool(pool=pool, jobs=jobs) -> tuple[float, float]:
            start = time.perf_counter()
            pool.map(spin_args, jobs)
            return time.perf_counter() - start, total

        def with_executor(executor=executor, jobs=jobs) -> tuple[float, float]:
            start = time.perf_counter()
            list(executor.map(spin_args, jobs))
            return time.perf_counter() - start, total

        variants.append(("multiprocessing.Pool", threads, with_pool))
        variants.append(("ProcessPoolExecutor", threads, with_executor))
    emit("cpu", "ns/iteration", total, variants, reps)
    return pools


def produce(q, n: int) -> None:
    for i in range(n):
        q.put(i)
    q.put(None)


def through(make_queue: Callable[[], object], n: int, process: bool) -> Run:
    def run() -> tuple[float, float]:
        q = make_queue()
        start = time.perf_counter()
        if process:
            producer = multiprocessing.Process(target=produce, args=(q, n))
        else:
            producer = threading.Thread(target=produce, args=(q, n))
        producer.start()
        total = sum(iter(q.get, None))
        producer.join()
        took = time.perf_counter() - start
        assert total == n * (n - 1) // 2
        return took, n

    return run


def channels(reps: int, smoke: bool) -> None:
    n = 2_000 if smoke else 200_000
    emit(
        "channel",
        "ns/message",
        n,
        [
            ("queue.Queue", 2, through(queue.Queue, n, False)),
            ("queue.SimpleQueue", 2, through(queue.SimpleQueue, n, False)),
        ],
        reps,
    )
    # A producer process: its start-up is inside the timing, so it sends more.
    m = 2_000 if smoke else 100_000
    emit(
        "channel",
        "ns/message",
        m,
        [("multiprocessing.Queue", 2, through(multiprocessing.Queue, m, True))],
        reps,
    )


def nothing() -> None:
    pass


async def nothing_async() -> None:
    pass


def spawn(reps: int, smoke: bool) -> None:
    n_threads = 100 if smoke else 2_000
    n_tasks = 1_000 if smoke else 50_000

    def threads() -> tuple[float, float]:
        start = time.perf_counter()
        for _ in range(n_threads):
            worker = threading.Thread(target=nothing)
            worker.start()
            worker.join()
        return time.perf_counter() - start, n_threads

    loop = asyncio.new_event_loop()

    async def tasks_timed() -> float:
        start = time.perf_counter()
        for _ in range(n_tasks):
            await asyncio.create_task(nothing_async())
        return time.perf_counter() - start

    def tasks() -> tuple[float, float]:
        # The loop exists before timing; only the tasks are inside it.
        return loop.run_until_complete(tasks_timed()), n_tasks

    emit("spawn", "ns/spawn+join", n_threads, [("threading.Thread", 1, threads)], reps)
    emit("spawn", "ns/spawn+join", n_tasks, [("asyncio task", 1, tasks)], reps)
    loop.close()


def counter(reps: int, smoke: bool, threads: int) -> None:
    n = 5_000 if smoke else 200_000

    def run() -> tuple[float, float]:
        lock = threading.Lock()
        count = [0]

        def add() -> None:
            for _ in range(n):
                with lock:
                    count[0] += 1

        workers = [threading.Thread(target=add) for _ in range(threads)]
        start = time.perf_counter()
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        took = time.perf_counter() - start
        assert count[0] == n * threads
        return took, n * threads

    emit("counter", "ns/increment", n * threads, [("threading.Lock", threads, run)], reps)


async def echo_run(clients: int, trips: int) -> float:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while data := await reader.read(64):
            writer.write(data)
            await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    connections = [await asyncio.open_connection("127.0.0.1", port) for _ in range(clients)]

    async def client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        message = bytes([7]) * 64
        for _ in range(trips):
            writer.write(message)
            await writer.drain()
            await reader.readexactly(64)

    start = time.perf_counter()
    await asyncio.gather(*(client(r, w) for r, w in connections))
    took = time.perf_counter() - start
    for _, writer in connections:
        writer.close()
        await writer.wait_closed()
    server.close()
    await server.wait_closed()
    return took


def echo(reps: int, smoke: bool) -> None:
    clients, trips = (4, 20) if smoke else (50, 400)
    loop = asyncio.new_event_loop()

    def run() -> tuple[float, float]:
        return loop.run_until_complete(echo_run(clients, trips)), clients * trips

    emit("echo", "ns/round trip", clients * trips, [("asyncio", 1, run)], reps)
    loop.close()


def square_sum(numbers: list[int]) -> int:
    return sum(x * x for x in numbers)


def sizes(reps: int, smoke: bool, cores: int) -> list:
    executor = ProcessPoolExecutor(max_workers=cores)
    list(executor.map(square_sum, [[1]] * cores))  # workers started before timing
    for size in [10, 100_000] if smoke else [10, 100, 1_000, 10_000, 100_000, 1_000_000]:
        data = list(range(size))
        step = -(-size // cores)
        chunks = [data[i : i + step] for i in range(0, size, step)]
        calls = max(1, (20_000 if smoke else 1_000_000) // size)
        pool_calls = max(1, calls // 100)

        def sequential(data=data, calls=calls) -> tuple[float, float]:
            start = time.perf_counter()
            for _ in range(calls):
                square_sum(data)
            return time.perf_counter() - start, calls

        def pooled(chunks=chunks, calls=pool_calls) -> tuple[float, float]:
            start = time.perf_counter()
            for _ in range(calls):
                sum(executor.map(square_sum, chunks))
            return time.perf_counter() - start, calls

        emit(
            "sizes",
            "ns/call",
            size,
            [("sequential", 1, sequential), ("ProcessPoolExecutor", cores, pooled)],
            reps,
        )
    return [executor]


def startup(reps: int, smoke: bool, cores: int) -> None:
    n = 1 if smoke else 3

    def with_pool() -> tuple[float, float]:
        start = time.perf_counter()
        for _ in range(n):
            pool = multiprocessing.Pool(cores)
            pool.map(spin_args, [(1, i) for i in range(cores)])
            pool.close()
            pool.join()
        return time.perf_counter() - start, n

    def with_executor() -> tuple[float, float]:
        start = time.perf_counter()
        for _ in range(n):
            with ProcessPoolExecutor(max_workers=cores) as executor:
                list(executor.map(spin_args, [(1, i) for i in range(cores)]))
        return time.perf_counter() - start, n

    emit(
        "startup",
        "ns/pool",
        n,
        [("multiprocessing.Pool", cores, with_pool), ("ProcessPoolExecutor", cores, with_executor)],
        reps,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, required=True)
    parser.add_argument("--cores", type=int, required=True)
    parser.add_argument("--smoke", action="store_true")
    # A second interpreter only measures its threads, under this label.
    parser.add_argument("--threads-only", metavar="LABEL")
    args = parser.parse_args()
    keep: list = []
    if args.threads_only:
        cpu(args.reps, args.smoke, args.cores, args.threads_only, True)
        return
    keep += cpu(args.reps, args.smoke, args.cores, "Python threads", False)
    channels(args.reps, args.smoke)
    spawn(args.reps, args.smoke)
    counter(args.reps, args.smoke, min(2, args.cores) if args.cores > 1 else 2)
    echo(args.reps, args.smoke)
    keep += sizes(args.reps, args.smoke, args.cores)
    startup(args.reps, args.smoke, args.cores)
    for pool in keep:
        if isinstance(pool, ProcessPoolExecutor):
            pool.shutdown()
        else:
            pool.close()
            pool.join()


if __name__ == "__main__":
    main()
