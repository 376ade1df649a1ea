# An exception in a Python thread does not reach join(): threading.excepthook prints
# it and join() returns None. A custom hook can record it so main can look.
import sys
import threading
from collections.abc import Callable

failures: dict[str, BaseException] = {}


def record_failure(args: threading.ExceptHookArgs) -> None:
    if args.thread is not None and args.exc_value is not None:
        failures[args.thread.name] = args.exc_value
    threading.__excepthook__(args)  # still print the traceback, as the default hook does


def run_job(name: str, work: Callable[[], int]) -> None:
    """Runs `work` on a thread named `name`, waits for it and reports how it ended."""
    results: list[int] = []
    thread = threading.Thread(target=lambda: results.append(work()), name=name)
    thread.start()
    thread.join()  # returns None whether work() returned or raised
    if name in failures:
        error = failures[name]
        sys.stdout.write(f"{name}: raised {type(error).__name__}: {error}\n")
    else:
        sys.stdout.write(f"{name}: returned {results[0]}\n")


def default_port() -> int:
    return 8080


def port_from_missing_file() -> int:
    raise FileNotFoundError("no config file")


def port_out_of_range() -> int:
    port = 70_000
    if port > 65_535:
        raise ValueError(f"port {port} is out of range")
    return port


def main() -> None:
    threading.excepthook = record_failure
    # One job at a time, so the tracebacks on stderr come out in a fixed order.
    run_job("job-1", default_port)
    run_job("job-2", port_from_missing_file)
    run_job("job-3", port_out_of_range)
    sys.stdout.write("main: still running after two exceptions\n")


if __name__ == "__main__":
    main()
