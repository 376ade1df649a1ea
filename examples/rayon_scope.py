# The nearest Python habit: submit closures to a ThreadPoolExecutor and wait for
# all of them when the with-block ends; results come back as return values.
import sys
from concurrent.futures import ThreadPoolExecutor


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
def main() -> None:
    temperatures = [12.5, 14.0, 9.5, 17.25, 11.0, 15.5]
    with ThreadPoolExecutor() as pool:
        lowest = pool.submit(min, temperatures)
        highest = pool.submit(max, temperatures)
        mean = pool.submit(lambda: sum(temperatures) / len(temperatures))
    # Every job has finished when the with-block ends, like the end of a scope.
    say(f"lowest {lowest.result()}, highest {highest.result()}, mean {mean.result()}")

    squares = [0] * 8

    def fill(n: int) -> None:
        squares[n] = n * n  # each job writes its own slot of a shared list

    with ThreadPoolExecutor() as pool:
        for n in range(8):
            pool.submit(fill, n)
    say(f"squares: {squares}")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
