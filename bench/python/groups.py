"""The Python variants of each benchmark group, built for `bench.py`'s
`setup` command: pools and event loops are started here, before any timing,
and closed by `Group.close`. Each run returns (amount, units of work): the
amount is seconds when the unit starts with "ns/", else the unit's own."""

from __future__ import annotations

import asyncio
import multiprocessing
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field

import work

Run = Callable[[], tuple[float, float]]


@dataclass
class Variant:
    name: str
    threads: int
    size: int
    unit: str
    run: Run


@dataclass
class Group:
    variants: list[Variant]
    closers: list[Callable[[], object]] = field(default_factory=list)

    def close(self) -> None:
        for close in self.closers:
            close()


def thread_counts(cores: int) -> list[int]:
    return sorted({t for t in (1, 2, cores) if t <= cores})


def timed(f: Callable[[], object]) -> float:
    start = time.perf_counter()
    f()
    return time.perf_counter() - start


# ANCHOR: cpu_threads
def on_threads(threads: int, total: int) -> Run:
    def run() -> tuple[float, float]:
        each = total // threads
        workers = [threading.Thread(target=work.spin, args=(each, i)) for i in range(threads)]

        def start_and_join() -> None:
            for worker in workers:
                worker.start()
            for worker in workers:
                worker.join()

        return timed(start_and_join), total

    return run


# ANCHOR_END: cpu_threads


def cpu(cores: int, smoke: bool, threads_only: bool) -> Group:
    total = 40_000 if smoke else 1_000_000
    group = Group([])
    for threads in thread_counts(cores):
        group.variants.append(
            Variant("Python threads", threads, total, "ns/iteration", on_threads(threads, total))
        )
        if threads_only:
            continue
        jobs = [(total // threads, i) for i in range(threads)]
        pool = multiprocessing.Pool(threads)
        executor = ProcessPoolExecutor(max_workers=threads)
        group.closers += [pool.close, pool.join, executor.shutdown]
        # Start the workers before timing: one throwaway job each.
        pool.map(work.spin_args, [(1, i) for i in range(threads)])
        list(executor.map(work.spin_args, [(1, i) for i in range(threads)]))

        # ANCHOR: cpu_pools
        def with_pool(pool=pool, jobs=jobs) -> tuple[float, float]:
            return timed(lambda: pool.map(work.spin_args, jobs)), total

        def with_executor(executor=executor, jobs=jobs) -> tuple[float, float]:
            return timed(lambda: list(executor.map(work.spin_args, jobs))), total

        # ANCHOR_END: cpu_pools

        group.variants.append(
            Variant("multiprocessing.Pool", threads, total, "ns/iteration", with_pool)
        )
        group.variants.append(
            Variant("ProcessPoolExecutor", threads, total, "ns/iteration", with_executor)
        )
    return group


# ANCHOR: channel
def through(make_queue: Callable[[], object], n: int, process: bool) -> Run:
    def run() -> tuple[float, float]:
        q = make_queue()
        start = time.perf_counter()
        if process:
            producer = multiprocessing.Process(target=work.produce, args=(q, n))
        else:
            producer = threading.Thread(target=work.produce, args=(q, n))
        producer.start()
        total = sum(iter(q.get, None))
        producer.join()
        took = time.perf_counter() - start
        assert total == n * (n - 1) // 2
        return took, n

    return run


# ANCHOR_END: channel


def channels(smoke: bool) -> Group:
    n = 2_000 if smoke else 200_000
    # A producer process: its start-up is inside the timing, so it sends more.
    m = 2_000 if smoke else 100_000
    return Group(
        [
            Variant("queue.Queue", 2, n, "ns/message", through(queue.Queue, n, False)),
            Variant("queue.SimpleQueue", 2, n, "ns/message", through(queue.SimpleQueue, n, False)),
            Variant(
                "multiprocessing.Queue", 2, m, "ns/message", through(multiprocessing.Queue, m, True)
            ),
        ]
    )


def spawn(smoke: bool) -> Group:
    n_threads = 100 if smoke else 2_000
    n_tasks = 1_000 if smoke else 50_000

    # ANCHOR: spawn
    def threads() -> tuple[float, float]:
        def spawn_and_join() -> None:
            for _ in range(n_threads):
                worker = threading.Thread(target=work.nothing)
                worker.start()
                worker.join()

        return timed(spawn_and_join), n_threads

    async def tasks_timed() -> float:  # runs as a task of the event loop
        start = time.perf_counter()
        for _ in range(n_tasks):
            await asyncio.create_task(work.nothing_async())
        return time.perf_counter() - start

    # ANCHOR_END: spawn

    loop = asyncio.new_event_loop()

    def tasks() -> tuple[float, float]:
        # The loop exists before timing; only the tasks are inside it.
        return loop.run_until_complete(tasks_timed()), n_tasks

    return Group(
        [
            Variant("threading.Thread", 1, n_threads, "ns/spawn+join", threads),
            Variant("asyncio task", 1, n_tasks, "ns/spawn+join", tasks),
        ],
        [loop.close],
    )


def counter(smoke: bool, threads: int) -> Group:
    n = 5_000 if smoke else 200_000

    # ANCHOR: counter
    def run() -> tuple[float, float]:
        lock = threading.Lock()
        count = [0]

        def add() -> None:
            for _ in range(n):
                with lock:
                    count[0] += 1

        workers = [threading.Thread(target=add) for _ in range(threads)]

        def start_and_join() -> None:
            for worker in workers:
                worker.start()
            for worker in workers:
                worker.join()

        took = timed(start_and_join)
        assert count[0] == n * threads
        return took, n * threads

    # ANCHOR_END: counter

    return Group([Variant("threading.Lock", threads, n * threads, "ns/increment", run)])


async def echo_run(clients: int, trips: int) -> float:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while data := await reader.read(64):
            writer.write(data)
            await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    connections = [await asyncio.open_connection("127.0.0.1", port) for _ in range(clients)]

    # ANCHOR: echo
    async def client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        message = bytes([7]) * 64
        for _ in range(trips):
            writer.write(message)
            await writer.drain()
            await reader.readexactly(64)

    start = time.perf_counter()
    await asyncio.gather(*(client(r, w) for r, w in connections))
    took = time.perf_counter() - start
    # ANCHOR_END: echo
    for _, writer in connections:
        writer.close()
        await writer.wait_closed()
    server.close()
    await server.wait_closed()
    return took


def echo(smoke: bool) -> Group:
    clients, trips = (4, 20) if smoke else (50, 400)
    loop = asyncio.new_event_loop()

    def run() -> tuple[float, float]:
        return loop.run_until_complete(echo_run(clients, trips)), clients * trips

    return Group([Variant("asyncio", 1, clients * trips, "ns/round trip", run)], [loop.close])


class Shared:
    """A process pool that every `sizes` group of one run reuses."""

    executor: ProcessPoolExecutor | None = None

    @classmethod
    def pool(cls, cores: int) -> ProcessPoolExecutor:
        if cls.executor is None:
            cls.executor = ProcessPoolExecutor(max_workers=cores)
            list(cls.executor.map(work.square_sum, [[1]] * cores))  # started before timing
        return cls.executor

    @classmethod
    def close(cls) -> None:
        if cls.executor is not None:
            cls.executor.shutdown()
            cls.executor = None


def sizes(smoke: bool, cores: int, size: int) -> Group:
    executor = Shared.pool(cores)
    data = list(range(size))
    step = -(-size // cores)
    chunks = [data[i : i + step] for i in range(0, size, step)]
    calls = max(1, (20_000 if smoke else 1_000_000) // size)
    pool_calls = max(1, calls // 100)

    # ANCHOR: sizes
    def sequential() -> tuple[float, float]:
        return timed(lambda: [work.square_sum(data) for _ in range(calls)]), calls

    def pooled() -> tuple[float, float]:
        return timed(
            lambda: [sum(executor.map(work.square_sum, chunks)) for _ in range(pool_calls)]
        ), pool_calls

    # ANCHOR_END: sizes

    return Group(
        [
            Variant("sequential", 1, size, "ns/call", sequential),
            Variant("ProcessPoolExecutor", cores, size, "ns/call", pooled),
        ]
    )


def startup(smoke: bool, cores: int) -> Group:
    n = 1 if smoke else 3

    # ANCHOR: startup
    def with_pool() -> tuple[float, float]:
        def start_use_stop() -> None:
            pool = multiprocessing.Pool(cores)
            pool.map(work.spin_args, [(1, i) for i in range(cores)])
            pool.close()
            pool.join()  # until every worker process has exited

        return timed(lambda: [start_use_stop() for _ in range(n)]), n

    def with_executor() -> tuple[float, float]:
        def start_use_stop() -> None:
            with ProcessPoolExecutor(max_workers=cores) as executor:  # shutdown(wait=True)
                list(executor.map(work.spin_args, [(1, i) for i in range(cores)]))

        return timed(lambda: [start_use_stop() for _ in range(n)]), n

    # ANCHOR_END: startup

    return Group(
        [
            Variant("multiprocessing.Pool", cores, n, "ns/pool", with_pool),
            Variant("ProcessPoolExecutor", cores, n, "ns/pool", with_executor),
        ]
    )


def pool_sizes(cores: int) -> list[int]:
    """The pool sizes of the oversubscription group: cores, 2x and 8x."""
    return [cores, 2 * cores, 8 * cores]


def oversubscribed(smoke: bool, cores: int) -> Group:
    pieces = 16 if smoke else 64
    group = Group([])
    for threads in pool_sizes(cores):
        executor = ThreadPoolExecutor(max_workers=threads)
        group.closers.append(executor.shutdown)
        list(executor.map(work.nothing_with, range(threads)))  # threads started before timing

        # ANCHOR: oversubscribed
        def cpu_bound(executor=executor) -> tuple[float, float]:
            return timed(lambda: list(executor.map(work.cpu_piece, range(pieces)))), 1

        def sleeping(executor=executor) -> tuple[float, float]:
            return timed(lambda: list(executor.map(work.sleeping_piece, range(pieces)))), 1

        # ANCHOR_END: oversubscribed

        group.variants.append(
            Variant("ThreadPoolExecutor: CPU-bound pieces", threads, pieces, "ns/job", cpu_bound)
        )
        group.variants.append(
            Variant("ThreadPoolExecutor: sleeping pieces", threads, pieces, "ns/job", sleeping)
        )
    return group


def initializer(smoke: bool, cores: int, report: str) -> Group:
    """A pool started with a table given to its initializer, used once and
    stopped, under each start method: the time it takes (report "time"), or
    how many times the table was pickled ("pickles") and its bytes ("bytes")."""
    table = work.CountedTable(range(10_000 if smoke else 1_000_000))
    variants = []
    for method in ("fork", "forkserver", "spawn"):
        context = multiprocessing.get_context(method)

        # ANCHOR: initializer
        def start_use_stop(context=context) -> None:
            with ProcessPoolExecutor(
                cores, mp_context=context, initializer=work.keep, initargs=(table,)
            ) as pool:
                assert list(pool.map(work.table_length, range(cores))) == [len(table)] * cores

        # ANCHOR_END: initializer

        def run(start_use_stop=start_use_stop) -> tuple[float, float]:
            if report == "time":
                return timed(start_use_stop), 1
            work.CountedTable.pickles = work.CountedTable.size = 0
            start_use_stop()
            counted = work.CountedTable.size if report == "bytes" else work.CountedTable.pickles
            return counted, 1

        unit = {"time": "ns/pool", "bytes": "bytes pickled/pool", "pickles": "pickles/pool"}[report]
        variants.append(Variant(method, cores, len(table), unit, run))
    return Group(variants)
