"""Exercise `shared_bank_transfer`, in Python: one threading.Lock per account,
the two locks of a transfer always taken lower account number first."""

from __future__ import annotations

import threading


class InsufficientFunds(Exception):
    def __init__(self, needed: int, available: int) -> None:
        super().__init__(f"needed {needed}, available {available}")
        self.needed = needed
        self.available = available


class NoSuchAccount(Exception):
    pass


class Bank:
    def __init__(self, balances: list[int]) -> None:
        self._balances = list(balances)
        self._locks = [threading.Lock() for _ in balances]

    def balance(self, account: int) -> int:
        with self._locks[account]:
            return self._balances[account]

    def audit(self) -> list[int]:
        """Every balance, read while holding every lock (in account order)."""
        for lock in self._locks:
            lock.acquire()
        try:
            return list(self._balances)
        finally:
            for lock in reversed(self._locks):
                lock.release()

    def transfer(self, source: int, target: int, amount: int) -> None:
        """Moves `amount` holding both locks, the lower account's first;
        raises InsufficientFunds or NoSuchAccount and moves nothing."""
        for account in (source, target):
            if not 0 <= account < len(self._balances):
                raise NoSuchAccount(account)
        if source == target:
            # A Lock taken twice by one thread waits forever (an RLock would not).
            available = self.balance(source)
            if available < amount:
                raise InsufficientFunds(amount, available)
            return
        low, high = sorted((source, target))
        with self._locks[low], self._locks[high]:
            available = self._balances[source]
            if available < amount:
                raise InsufficientFunds(amount, available)
            self._balances[source] -= amount
            self._balances[target] += amount
