# A thread's stack is address space reserved up front; physical memory is used only
# for the pages written. Linux's /proc/self/status shows both (VmSize, VmRSS).
import sys
import threading
from pathlib import Path

WORKERS = 16
STACK_MIB = 8


def memory_mib() -> tuple[int, int] | None:
    """The process's address space and resident memory in MiB (Linux only)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    fields: dict[str, str] = {}
    for line in status.splitlines():
        name, _, value = line.partition(":")
        fields[name] = value.strip().removesuffix("kB").strip()
    try:
        return int(fields["VmSize"]) // 1024, int(fields["VmRSS"]) // 1024
    except (KeyError, ValueError):
        return None


def yes_no(holds: bool) -> str:
    return "yes" if holds else "NO"


def main() -> None:
    before = memory_mib()
    if before is None:
        sys.stdout.write("memory figures: unknown (needs Linux)\n")
        return
    size_before, rss_before = before
    # Meeting points for the workers and main: all started; main has measured them.
    started = threading.Barrier(WORKERS + 1)
    measured = threading.Barrier(WORKERS + 1)

    def worker() -> None:
        started.wait()
        measured.wait()

    threading.stack_size(STACK_MIB << 20)
    workers = [threading.Thread(target=worker) for _ in range(WORKERS)]
    for thread in workers:
        thread.start()
    threading.stack_size(0)  # back to the platform default

    started.wait()
    after = memory_mib()
    assert after is not None, "read once already"
    size, rss = after
    requested = WORKERS * STACK_MIB
    sys.stdout.write(
        f"{WORKERS} idle threads with {STACK_MIB} MiB stacks: {requested} MiB requested\n"
    )
    grew = size - size_before
    sys.stdout.write(
        f"  address space (VmSize) grew by {grew} MiB; "
        f"at least {requested} MiB? {yes_no(grew >= requested)}\n"
    )
    grew = max(rss - rss_before, 0)
    limit = requested // 2
    sys.stdout.write(
        f"  resident memory (VmRSS) grew by {grew} MiB; under {limit} MiB? {yes_no(grew < limit)}\n"
    )
    measured.wait()
    for thread in workers:
        thread.join()


if __name__ == "__main__":
    main()
