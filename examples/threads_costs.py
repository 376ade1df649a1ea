# Python threads are real OS threads too, each with its own stack. This program keeps
# 256 alive at once and asks Linux how many threads the process has.
import sys
import threading
from pathlib import Path

WORKERS = 256
STACK_BYTES = 64 * 1024


def os_thread_count() -> str:
    """The kernel's count of this process's threads (Linux only)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return "unknown (needs Linux)"
    for line in status.splitlines():
        if line.startswith("Threads:"):
            return line.removeprefix("Threads:").strip()
    return "unknown (needs Linux)"


def main() -> None:
    sys.stdout.write(f"OS threads at start: {os_thread_count()}\n")

    # Each worker waits at `arrived`, so all of them are alive at the same time,
    # then at `leave` until main has counted them.
    arrived = threading.Barrier(WORKERS + 1)
    leave = threading.Barrier(WORKERS + 1)

    def worker() -> None:
        arrived.wait()
        leave.wait()

    threading.stack_size(STACK_BYTES)
    workers = [threading.Thread(target=worker) for _ in range(WORKERS)]
    for thread in workers:
        thread.start()
    threading.stack_size(0)  # back to the platform default

    arrived.wait()
    sys.stdout.write(f"OS threads with {WORKERS} workers waiting: {os_thread_count()}\n")
    requested_mib = WORKERS * STACK_BYTES // (1024 * 1024)
    sys.stdout.write(f"stack requested for them: {requested_mib} MiB (64 KiB each)\n")
    leave.wait()
    for thread in workers:
        thread.join()
    sys.stdout.write(f"all {WORKERS} workers joined\n")


if __name__ == "__main__":
    main()
