"""Tests of the Python version of `pitfalls_fix_deadlock` (solutions/pitfalls/
pitfalls_fix_deadlock.py): the cases of tests/pitfalls_fix_deadlock.rs. The
test holds the stock's lock, as a sale in progress does, and checks that a
restock started meanwhile never takes the ledger's lock while it waits; then it
holds the ledger's lock, as a snapshot does, and checks that the stock does not
change meanwhile (a restock that takes one lock at a time). The threads are
daemons, so a deadlock fails a test instead of hanging pytest."""

import threading
import time

from exercise_support import Rendezvous


def start_restock(shop, n: int) -> threading.Thread:
    """Starts restock(n) on a daemon thread; returns once that thread is about to call it."""
    started = threading.Event()

    def run() -> None:
        started.set()
        shop.restock(n)

    restocker = threading.Thread(target=run, daemon=True)
    restocker.start()
    assert started.wait(5), "the restocking thread did not start within 5 s"
    return restocker


def restock_while_a_sale_holds_the_stock(shop, n: int) -> None:
    with shop.stock_lock:
        ledger_before = list(shop._ledger)
        restocker = start_restock(shop, n)
        start = time.monotonic()
        while time.monotonic() - start < 0.5:
            free = shop.ledger_lock.acquire(blocking=False)
            assert free, (
                "deadlock: while a sale held the stock's lock, restock took the ledger's lock "
                "and waited for the stock's: take the stock's lock first in restock too"
            )
            ledger = list(shop._ledger)
            shop.ledger_lock.release()
            assert ledger == ledger_before, (
                "while a sale held the stock's lock, restock wrote in the ledger: the ledger "
                "then disagreed with the shelf. A change must hold both locks, the stock's first"
            )
            time.sleep(0.001)
    restocker.join(5)
    assert not restocker.is_alive(), "restock did not finish within 5 s of the stock being free"


def restock_while_a_snapshot_holds_the_ledger(shop, n: int) -> None:
    with shop.ledger_lock:
        stock_before = shop._stock
        restocker = start_restock(shop, n)
        start = time.monotonic()
        while time.monotonic() - start < 0.5:
            if shop.stock_lock.acquire(blocking=False):
                stock = shop._stock
                shop.stock_lock.release()
                assert stock == stock_before, (
                    "while the ledger's lock was held elsewhere, restock changed the stock and "
                    "let go of its lock: the shelf then disagreed with the ledger. Hold both "
                    "locks for the whole change"
                )
            time.sleep(0.001)
    restocker.join(5)
    assert not restocker.is_alive(), "restock did not finish within 5 s of the ledger being free"


def test_restock_takes_the_stock_first_and_changes_both_together(solution):
    shop = solution.Shop(0)
    restock_while_a_sale_holds_the_stock(shop, 3)
    assert shop.snapshot() == (3, [3]), "three restocked, one ledger line"
    restock_while_a_snapshot_holds_the_ledger(shop, 2)
    assert shop.snapshot() == (5, [3, 2]), "two more restocked, a second ledger line"


def test_sells_and_restocks_from_two_threads_keep_the_ledger_in_step(solution):
    rounds = 20_000
    shop = solution.Shop(0)
    restock_while_a_sale_holds_the_stock(shop, rounds)
    meeting = Rendezvous(2, "threads", "using the shop")
    sold: list[int] = []

    def work(selling: bool) -> None:
        meeting.meet()
        count = 0
        for _ in range(rounds):
            if selling:
                count += shop.sell(1)
            else:
                shop.restock(1)
        sold.append(count)

    threads = [threading.Thread(target=work, args=(s,), daemon=True) for s in (True, False)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
        assert not thread.is_alive(), "deadlock: after 5 s a thread still waits for a lock"
    meeting.check()
    assert sum(sold) == rounds, "the shelf held enough for every sale"
    stock, ledger = shop.snapshot()
    assert stock == rounds, "as many restocked as sold, after the first restock"
    assert len(ledger) == 1 + 2 * rounds, "one ledger line per change"
    assert sum(ledger) == stock, "the ledger adds up to the shelf"
