# Python's nearest match to Rust's available_parallelism(): the CPUs this process
# may use. os.cpu_count() counts every CPU in the machine, even ones it may not use.
import os


def usable_cpus() -> int:
    if hasattr(os, "process_cpu_count"):  # Python 3.13+
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):  # Linux and some other Unix systems
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def main() -> None:
    print(f"threads that can run in parallel here: {usable_cpus()}")


if __name__ == "__main__":
    main()
