# A Python failure carries an exception whose class does not depend on how its message
# was made; and asking the wrapper (a Future) instead of what it holds finds nothing.
import sys
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

DISK = 2


def exception_of(job: Callable[[], int]) -> BaseException:
    """Runs `job` on a thread of its own and returns the exception it raised."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        error = pool.submit(job).exception()
    assert error is not None, "every job here raises"
    return error


# ANCHOR: types
def report(code: str, job: Callable[[], int]) -> None:
    """Runs `job`, which raises, and says which class its exception has."""
    error = exception_of(job)
    sys.stdout.write(f"{code:<42} leaves a {type(error).__name__}\n")


# ANCHOR_END: types


def fail(message: str) -> int:
    raise RuntimeError(message)


# ANCHOR: message
def message(error: object) -> str | None:
    """The exception's message, if `error` is an exception."""
    return str(error) if isinstance(error, BaseException) else None


# ANCHOR_END: message


def main() -> None:
    # ANCHOR: jobs
    report('raise RuntimeError("disk full")', lambda: fail("disk full"))
    report('raise RuntimeError(f"disk {DISK} full")', lambda: fail(f"disk {DISK} full"))
    report('int("http")', lambda: int("http"))
    # ANCHOR_END: jobs

    # ANCHOR: coercion
    with ThreadPoolExecutor(max_workers=1) as pool:
        future: Future[int] = pool.submit(fail, "disk full")
        future.exception()  # wait for the job to end
    # The exception is inside the Future: ask what the Future holds.
    sys.stdout.write(f"message(future.exception()) = {message(future.exception())!r}\n")
    # The Future itself is an `object` too, so this is accepted, and finds no message.
    sys.stdout.write(f"message(future)             = {message(future)!r}\n")
    # ANCHOR_END: coercion


if __name__ == "__main__":
    main()
