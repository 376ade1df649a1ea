# sys.exit() raises SystemExit. In a thread other than the main one it ends only that
# thread, silently, after its finally blocks; the program goes on and exits with 0.
import sys
import threading


def worker() -> None:
    try:
        sys.stdout.write("worker: giving up, exiting with status 3\n")
        sys.exit(3)  # raises SystemExit, which ends this thread only
    finally:
        sys.stdout.write("worker: cleaned up\n")


def main() -> None:
    try:
        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()  # returns: the worker ended, the process did not
        sys.stdout.write("main: the worker has ended\n")
    finally:
        sys.stdout.write("main: cleaned up\n")


if __name__ == "__main__":
    main()
