"""The Python variants of each benchmark group, built for `bench.py`'s
`setup` command: pools and event loops are started here, before any timing,
and closed by `Group.close`. Each run returns (amount, units of work): the
amount is seconds when the unit starts with "ns/", else the unit's own.
The top-level functions between ANCHOR lines are what the clock covers; the
measuring pages show them."""

from __future__ import annotations

import asyncio
import multiprocessing
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.context import BaseContext

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
def on_threads(threads: int, total: int) -> None:
    """The clock covers this call: threads started, each running its share
    of the steps, and joined."""
    workers = [
        threading.Thread(target=work.spin, args=(total // threads, i)) for i in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    # ANCHOR_END: cpu_threads


# ANCHOR: cpu_pools
def on_pool(pool: multiprocessing.pool.Pool, jobs: list[tuple[int, int]]) -> None:
    """The same pieces, on a process pool started before the clock."""
    pool.map(work.spin_args, jobs)


def on_executor(executor: Executor, jobs: list[tuple[int, int]]) -> None:
    list(executor.map(work.spin_args, jobs))
    # ANCHOR_END: cpu_pools


def cpu(cores: int, smoke: bool, threads_only: bool) -> Group:
    total = 40_000 if smoke else 1_000_000
    group = Group([])
    unit = "ns/iteration"
    for threads in thread_counts(cores):

        def with_threads(threads: int = threads) -> tuple[float, float]:
            return timed(lambda: on_threads(threads, total)), total

        group.variants.append(Variant("Python threads", threads, total, unit, with_threads))
        if threads_only:
            continue
        jobs = [(total // threads, i) for i in range(threads)]
        pool = multiprocessing.Pool(threads)
        executor = ProcessPoolExecutor(max_workers=threads)
        group.closers += [pool.close, pool.join, executor.shutdown]
        # Start the workers before timing: one throwaway job each.
        pool.map(work.spin_args, [(1, i) for i in range(threads)])
        list(executor.map(work.spin_args, [(1, i) for i in range(threads)]))

        def with_pool(pool=pool, jobs=jobs) -> tuple[float, float]:
            return timed(lambda: on_pool(pool, jobs)), total

        def with_executor(executor=executor, jobs=jobs) -> tuple[float, float]:
            return timed(lambda: on_executor(executor, jobs)), total

        group.variants.append(Variant("multiprocessing.Pool", threads, total, unit, with_pool))
        group.variants.append(Variant("ProcessPoolExecutor", threads, total, unit, with_executor))
    return group


# ANCHOR: channel
def through(
    q: queue.Queue | queue.SimpleQueue | multiprocessing.Queue, n: int, process: bool
) -> int:
    """The clock covers this call: a producer (a thread, or a process)
    started, `n` numbers sent through `q` and summed here, the producer
    joined."""
    if process:
        producer = multiprocessing.Process(target=work.produce, args=(q, n))
    else:
        producer = threading.Thread(target=work.produce, args=(q, n))
    producer.start()
    total = sum(iter(q.get, None))
    producer.join()
    return total
    # ANCHOR_END: channel


def through_timed(make_queue: Callable[[], object], n: int, process: bool) -> Run:
    def run() -> tuple[float, float]:
        q = make_queue()  # made before the clock
        start = time.perf_counter()
        total = through(q, n, process)
        took = time.perf_counter() - start
        assert total == n * (n - 1) // 2
        return took, n

    return run


def channels(smoke: bool) -> Group:
    n = 2_000 if smoke else 200_000
    # A producer process: its start-up is inside the timing, so it sends more.
    m = 2_000 if smoke else 100_000
    unit = "ns/message"
    return Group(
        [
            Variant("queue.Queue", 2, n, unit, through_timed(queue.Queue, n, False)),
            Variant("queue.SimpleQueue", 2, n, unit, through_timed(queue.SimpleQueue, n, False)),
            Variant(
                "multiprocessing.Queue", 2, m, unit, through_timed(multiprocessing.Queue, m, True)
            ),
        ]
    )


# ANCHOR: spawn
def spawn_and_join_threads(n: int) -> None:
    """The clock covers this call."""
    for _ in range(n):
        worker = threading.Thread(target=work.nothing)
        worker.start()
        worker.join()


async def spawn_and_await_tasks(n: int) -> float:
    """Runs as a task of the event loop; the clock covers the loop."""
    start = time.perf_counter()
    for _ in range(n):
        await asyncio.create_task(work.nothing_async())
    return time.perf_counter() - start
    # ANCHOR_END: spawn


def spawn(smoke: bool) -> Group:
    n_threads = 100 if smoke else 2_000
    n_tasks = 1_000 if smoke else 50_000
    loop = asyncio.new_event_loop()  # exists before timing

    def threads() -> tuple[float, float]:
        return timed(lambda: spawn_and_join_threads(n_threads)), n_threads

    def tasks() -> tuple[float, float]:
        return loop.run_until_complete(spawn_and_await_tasks(n_tasks)), n_tasks

    return Group(
        [
            Variant("threading.Thread", 1, n_threads, "ns/spawn+join", threads),
            Variant("asyncio task", 1, n_tasks, "ns/spawn+join", tasks),
        ],
        [loop.close],
    )


# ANCHOR: counter
def with_lock(threads: int, n: int) -> int:
    """The clock covers this call: `threads` threads started, each adding 1
    to the count `n` times under the lock, and joined."""
    lock = threading.Lock()
    count = [0]

    def add() -> None:
        for _ in range(n):
            with lock:
                count[0] += 1

    workers = [threading.Thread(target=add) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return count[0]
    # ANCHOR_END: counter


def counter(smoke: bool, threads: int) -> Group:
    n = 5_000 if smoke else 200_000

    def run() -> tuple[float, float]:
        start = time.perf_counter()
        count = with_lock(threads, n)
        took = time.perf_counter() - start
        assert count == n * threads
        return took, n * threads

    return Group([Variant("threading.Lock", threads, n * threads, "ns/increment", run)])


Connection = tuple[asyncio.StreamReader, asyncio.StreamWriter]


# ANCHOR: echo
async def clients_run(connections: list[Connection], trips: int) -> float:
    """The clock covers this call: every client sends `trips` messages and
    reads each echo; the connections already exist."""

    async def client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        message = bytes([7]) * 64
        for _ in range(trips):
            writer.write(message)
            await writer.drain()
            await reader.readexactly(64)

    start = time.perf_counter()
    await asyncio.gather(*(client(r, w) for r, w in connections))
    return time.perf_counter() - start
    # ANCHOR_END: echo


async def echo_run(clients: int, trips: int) -> float:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while data := await reader.read(64):
            writer.write(data)
            await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    connections = [await asyncio.open_connection("127.0.0.1", port) for _ in range(clients)]
    took = await clients_run(connections, trips)
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


# ANCHOR: sizes
def sequential(data: list[int], calls: int) -> None:
    """The clock covers this call: `calls` sums, one after the other."""
    for _ in range(calls):
        work.square_sum(data)


def pooled(executor: Executor, chunks: list[list[int]], calls: int) -> None:
    """The same sums, each split into one slice per worker of a pool
    started before the clock."""
    for _ in range(calls):
        sum(executor.map(work.square_sum, chunks))
    # ANCHOR_END: sizes


def sizes(smoke: bool, cores: int, size: int) -> Group:
    executor = Shared.pool(cores)
    data = list(range(size))
    step = -(-size // cores)
    chunks = [data[i : i + step] for i in range(0, size, step)]
    calls = max(1, (20_000 if smoke else 1_000_000) // size)
    pool_calls = max(1, calls // 100)

    def one_process() -> tuple[float, float]:
        return timed(lambda: sequential(data, calls)), calls

    def on_pool() -> tuple[float, float]:
        return timed(lambda: pooled(executor, chunks, pool_calls)), pool_calls

    return Group(
        [
            Variant("sequential", 1, size, "ns/call", one_process),
            Variant("ProcessPoolExecutor", cores, size, "ns/call", on_pool),
        ]
    )


# ANCHOR: startup
def start_use_stop_pool(cores: int) -> None:
    """The clock covers this call."""
    pool = multiprocessing.Pool(cores)
    pool.map(work.spin_args, [(1, i) for i in range(cores)])
    pool.close()
    pool.join()  # until every worker process has exited


def start_use_stop_executor(cores: int) -> None:
    with ProcessPoolExecutor(max_workers=cores) as executor:  # shutdown(wait=True)
        list(executor.map(work.spin_args, [(1, i) for i in range(cores)]))
    # ANCHOR_END: startup


def startup(smoke: bool, cores: int) -> Group:
    n = 1 if smoke else 3

    def with_pool() -> tuple[float, float]:
        return timed(lambda: [start_use_stop_pool(cores) for _ in range(n)]), n

    def with_executor() -> tuple[float, float]:
        return timed(lambda: [start_use_stop_executor(cores) for _ in range(n)]), n

    return Group(
        [
            Variant("multiprocessing.Pool", cores, n, "ns/pool", with_pool),
            Variant("ProcessPoolExecutor", cores, n, "ns/pool", with_executor),
        ]
    )


def pool_sizes(cores: int) -> list[int]:
    """The pool sizes of the oversubscription group: cores, 2x and 8x."""
    return [cores, 2 * cores, 8 * cores]


# ANCHOR: oversubscribed
def job(executor: Executor, piece: Callable[[int], object], pieces: int) -> None:
    """The clock covers this call: `pieces` pieces on a thread pool started
    before the clock (`work.cpu_piece` or `work.sleeping_piece`)."""
    list(executor.map(piece, range(pieces)))
    # ANCHOR_END: oversubscribed


def oversubscribed(smoke: bool, cores: int) -> Group:
    pieces = 16 if smoke else 64
    group = Group([])
    for threads in pool_sizes(cores):
        executor = ThreadPoolExecutor(max_workers=threads)
        group.closers.append(executor.shutdown)
        list(executor.map(work.nothing_with, range(threads)))  # threads started before timing

        def cpu_bound(executor=executor) -> tuple[float, float]:
            return timed(lambda: job(executor, work.cpu_piece, pieces)), 1

        def sleeping(executor=executor) -> tuple[float, float]:
            return timed(lambda: job(executor, work.sleeping_piece, pieces)), 1

        group.variants += [
            Variant("ThreadPoolExecutor: CPU-bound pieces", threads, pieces, "ns/job", cpu_bound),
            Variant("ThreadPoolExecutor: sleeping pieces", threads, pieces, "ns/job", sleeping),
        ]
    return group


# ANCHOR: initializer
def start_use_stop_with(context: BaseContext, cores: int, table: list[int]) -> None:
    """The clock covers this call: a pool whose workers each get `table`
    through the initializer, one small job per worker, and its shutdown."""
    with ProcessPoolExecutor(
        cores, mp_context=context, initializer=work.keep, initargs=(table,)
    ) as pool:
        assert list(pool.map(work.table_length, range(cores))) == [len(table)] * cores
    # ANCHOR_END: initializer


def initializer(smoke: bool, cores: int, report: str) -> Group:
    """A pool started with a table given to its initializer, used once and
    stopped, under each start method: the time it takes (report "time"), or
    how many times the table was pickled ("pickles") and its bytes ("bytes")."""
    table = work.CountedTable(range(10_000 if smoke else 1_000_000))
    unit = {"time": "ns/pool", "bytes": "bytes pickled/pool", "pickles": "pickles/pool"}[report]
    variants = []
    for method in ("fork", "forkserver", "spawn"):
        context = multiprocessing.get_context(method)

        def run(context: BaseContext = context) -> tuple[float, float]:
            if report == "time":
                return timed(lambda: start_use_stop_with(context, cores, table)), 1
            work.CountedTable.pickles = work.CountedTable.size = 0
            start_use_stop_with(context, cores, table)
            counted = work.CountedTable.size if report == "bytes" else work.CountedTable.pickles
            return counted, 1

        variants.append(Variant(method, cores, len(table), unit, run))
    return Group(variants)
