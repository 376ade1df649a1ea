# expect: failed
# message: while the ledger's lock was held elsewhere, restock changed the stock
# The right order, but one lock at a time: the stock's lock is let go before the
# ledger's is taken. No deadlock, but for a moment the shelf and the ledger disagree.
"""Exercise `pitfalls_fix_deadlock`, in Python: a shop whose sell and restock
both take the stock's lock first, then the ledger's: one order, no deadlock."""

from __future__ import annotations

import threading


class Shop:
    def __init__(self, stock: int) -> None:
        self._stock = stock
        self._ledger: list[int] = []
        self.stock_lock = threading.Lock()
        self.ledger_lock = threading.Lock()

    def sell(self, n: int) -> bool:
        with self.stock_lock, self.ledger_lock:
            if self._stock < n:
                return False
            self._stock -= n
            self._ledger.append(-n)
            return True

    def restock(self, n: int) -> None:
        with self.stock_lock:
            self._stock += n
        with self.ledger_lock:
            self._ledger.append(n)

    def snapshot(self) -> tuple[int, list[int]]:
        with self.stock_lock, self.ledger_lock:
            return self._stock, list(self._ledger)
