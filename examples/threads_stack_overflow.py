# Python stops runaway recursion with RecursionError, an ordinary exception: it ends
# only the worker thread. Like the Rust program, this one runs itself as a child process.
import subprocess
import sys
import threading


def depth(n: int) -> int:
    """Calls itself until Python's recursion limit stops it."""
    return 1 + depth(n + 1)


# ANCHOR: child
def child() -> None:
    sys.stdout.write("child: starting a worker that recurses without end\n")
    worker = threading.Thread(target=depth, args=(0,), name="deep")
    worker.start()
    worker.join()  # returns: RecursionError ended only the worker
    sys.stdout.write("child: join returned; the worker's exception ended only the worker\n")


# ANCHOR_END: child


def describe(returncode: int) -> str:
    """How a child process ended: its exit status, or the signal that killed it."""
    if returncode < 0:
        return f"was killed by signal {-returncode}"
    return f"exited with status {returncode}"


def main() -> None:
    if sys.argv[1:] == ["child"]:
        child()
        return
    # ANCHOR: parent
    run = subprocess.run([sys.executable, __file__, "child"], capture_output=True, text=True)
    sys.stdout.write(run.stdout)
    sys.stderr.write(run.stderr)  # the child's report, passed on
    sys.stdout.write(f"parent: the child {describe(run.returncode)}\n")
    # ANCHOR_END: parent


if __name__ == "__main__":
    main()
