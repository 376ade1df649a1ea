# Store buffering in Python: two threads each set their own flag, then read the
# other's, many times. Python has no orderings to choose; the twin names its build.
import sys
import sysconfig
import threading

TRIALS = 2_000


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
def count_both_false() -> int:
    """Runs every trial on two threads; counts the trials in which neither
    thread saw the other's flag."""
    flags = [False, False]
    saw = [True, True]
    meeting = threading.Barrier(2)
    counted = [0]

    def side(me: int) -> None:
        other = 1 - me
        for _ in range(TRIALS):
            meeting.wait()  # both threads start the trial together
            flags[me] = True  # a plain store: there is no ordering to choose
            saw[me] = flags[other]  # a plain load
            meeting.wait()  # both loads are done
            if me == 0 and not saw[0] and not saw[1]:
                counted[0] += 1
            flags[me] = False  # the other thread loads it only after the next wait

    threads = [threading.Thread(target=side, args=(me,)) for me in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counted[0]


def main() -> None:
    build = (
        "free-threaded build" if sysconfig.get_config_var("Py_GIL_DISABLED") else "regular build"
    )
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()  # PYTHON_GIL=1 turns it on
    build += ", GIL on" if gil else ", GIL off"
    both_false = count_both_false()
    say(f"Python ({build}): both loads saw false in {both_false} of {TRIALS} trials")


# ANCHOR_END: main

if __name__ == "__main__":
    main()
