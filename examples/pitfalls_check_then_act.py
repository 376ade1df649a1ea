# Check-then-act: each access is locked, yet two withdrawals both see enough money and
# both go through. A barrier forces that interleaving every run.
import sys
import threading
from collections.abc import Callable


class Account:
    def __init__(self, balance: int) -> None:
        self.balance = balance
        self.lock = threading.Lock()


# ANCHOR: broken
def withdraw_broken(account: Account, amount: int, both_checked: threading.Barrier) -> bool:
    with account.lock:
        enough = account.balance >= amount
    both_checked.wait()  # the other thread checks before this one acts
    if enough:
        with account.lock:
            account.balance -= amount
    return enough


# ANCHOR_END: broken


# ANCHOR: fixed
def withdraw_fixed(account: Account, amount: int) -> bool:
    with account.lock:  # one critical section for the check and the act
        enough = account.balance >= amount
        if enough:
            account.balance -= amount
    return enough


# ANCHOR_END: fixed


def run(label: str, withdraw: Callable[[Account, threading.Barrier], bool]) -> None:
    account = Account(100)
    barrier = threading.Barrier(2)
    results: list[bool] = []

    def worker() -> None:
        results.append(withdraw(account, barrier))

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    sys.stdout.write(
        f"{label}: two withdrawals of 80 from 100: {sum(results)} went through, "
        f"balance {account.balance}\n"
    )


def fixed(account: Account, barrier: threading.Barrier) -> bool:
    barrier.wait()  # start together, so the two really compete
    return withdraw_fixed(account, 80)


if __name__ == "__main__":
    run("broken", lambda account, barrier: withdraw_broken(account, 80, barrier))
    run("fixed", fixed)
