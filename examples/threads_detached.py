# A daemon thread does not keep Python running: when main() returns and only daemon
# threads are left, the interpreter exits and stops them wherever they are.
import sys
import threading


def main() -> None:
    started = threading.Event()
    # A barrier for two threads that only one will ever reach: waiting on it never ends.
    partner_never_comes = threading.Barrier(2)

    def background() -> None:
        sys.stdout.write("background: started, waiting for a partner\n")
        started.set()
        partner_never_comes.wait()
        sys.stdout.write("background: finished\n")  # never printed

    threading.Thread(target=background, daemon=True).start()
    started.wait()  # wait until the background thread really runs
    sys.stdout.write("main: returning without joining\n")


if __name__ == "__main__":
    main()
