# A daemon thread does not keep Python running: when main() returns and only daemon
# threads are left, the interpreter exits and stops them wherever they are.
import threading


def main() -> None:
    started = threading.Event()
    # A barrier for two threads that only one will ever reach: waiting on it never ends.
    partner_never_comes = threading.Barrier(2)

    def background() -> None:
        print("background: started, waiting for a partner")
        started.set()
        partner_never_comes.wait()
        print("background: finished")  # never printed

    threading.Thread(target=background, daemon=True).start()
    started.wait()  # wait until the background thread really runs
    print("main: returning without joining")


if __name__ == "__main__":
    main()
