# Start three threads with threading.Thread, then wait for each one with join().
# The workers may greet in any order; the last line always comes last.
import sys
import threading


def say(line: str) -> None:
    # One write per line: print() writes the text and the newline separately, so two
    # threads printing at once can glue their lines together (see the interleaving page).
    sys.stdout.write(line + "\n")


def greet(worker: int) -> None:
    say(f"worker {worker}: hello")


def main() -> None:
    say("main: starting 3 workers")
    threads = [threading.Thread(target=greet, args=(worker,)) for worker in range(3)]
    for thread in threads:
        # Creating a Thread does not run it; start() does.
        thread.start()
    for thread in threads:
        thread.join()
    say("main: every worker has finished")


if __name__ == "__main__":
    main()
