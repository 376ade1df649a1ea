# Pool.imap_unordered pulls items from any iterable and yields results as they
# finish: like par_bridge, the order is lost, so the program sorts them.
import io
import sys
from multiprocessing import Pool


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
def measure(line: str) -> tuple[int, str]:
    line = line.rstrip("\n")
    return len(line), line.split(":")[0]


def main() -> None:
    text = "".join(f"line {n}: {'ab' * n}\n" for n in range(1, 13))
    lines = io.StringIO(text)  # any iterable will do: a file, a generator
    with Pool(processes=2) as pool:
        lengths = sorted(pool.imap_unordered(measure, lines))
    for length, name in lengths[:3]:
        say(f"{name}: {length} bytes")
    say(f"{len(lengths)} lines in all")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
