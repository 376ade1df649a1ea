# expect: failed
# message: a deadlock?
# Locks the paying account first, then the receiving one: opposite transfers
# each hold one lock and wait forever for the other's.
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
        for lock in self._locks:
            lock.acquire()
        try:
            return list(self._balances)
        finally:
            for lock in reversed(self._locks):
                lock.release()

    def transfer(self, source: int, target: int, amount: int) -> None:
        for account in (source, target):
            if not 0 <= account < len(self._balances):
                raise NoSuchAccount(account)
        if source == target:
            available = self.balance(source)
            if available < amount:
                raise InsufficientFunds(amount, available)
            return
        with self._locks[source], self._locks[target]:
            available = self._balances[source]
            if available < amount:
                raise InsufficientFunds(amount, available)
            self._balances[source] -= amount
            self._balances[target] += amount
