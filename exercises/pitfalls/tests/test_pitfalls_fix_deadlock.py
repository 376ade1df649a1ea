"""Tests of the Python version of `pitfalls_fix_deadlock` (solutions/pitfalls/
pitfalls_fix_deadlock.py): the cases of tests/pitfalls_fix_deadlock.rs. The
test holds the stock's lock, as a sale in progress does, and checks that a
restock started meanwhile never takes the ledger's lock while it waits. The
threads are daemons, so a deadlock fails a test instead of hanging pytest."""

import threading
import time

from exercise_support import Rendezvous


def restock_while_a_sale_holds_the_stock(shop, n: int) -> None:
    with shop.stock_lock:
        restocker = threading.Thread(target=shop.restock, args=(n,), daemon=True)
        restocker.start()
        start = time.monotonic()
        while time.monotonic() - start < 0.5:
            free = shop.ledger_lock.acquire(blocking=False)
            assert free, (
                "deadlock: while a sale held the stock's lock, restock took the ledger's lock "
                "and waited for the stock's: take the stock's lock first in restock too"
            )
            shop.ledger_lock.release()
            time.sleep(0.001)
    restocker.join(5)
    assert not restocker.is_alive(), "restock did not finish within 5 s of the stock being free"


def test_restock_does_not_hold_the_ledger_while_it_waits_for_the_stock(solution):
    shop = solution.Shop(0)
    restock_while_a_sale_holds_the_stock(shop, 3)
    assert shop.snapshot() == (3, [3]), "three restocked, one ledger line"


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
