# The same two transfers with one lock order for everybody (a before b, whichever way
# the money goes): no thread can hold b while it waits for a, so no cycle can form.
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
def main() -> None:
    balances = {"a": 100, "b": 100}
    a, b = threading.Lock(), threading.Lock()
    start_together = threading.Barrier(2)

    def transfer(name: str, payer: str, payee: str) -> None:
        start_together.wait()
        with a, b:  # always a first, then b
            balances[payer] -= 10
            balances[payee] += 10
            say(f"{name}: moved 10 from {payer} to {payee}")

    threads = [
        threading.Thread(target=transfer, args=("left", "a", "b")),
        threading.Thread(target=transfer, args=("right", "b", "a")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    say(f"a = {balances['a']}, b = {balances['b']}")


# ANCHOR_END: main


if __name__ == "__main__":
    main()
