# A non-daemon thread (the default for one started by the main thread) keeps Python
# running after main() returns: at exit the interpreter waits for it, as if it called
# join() itself.
import sys
import threading


def main() -> None:
    go = threading.Event()

    def save() -> None:
        go.wait()  # start saving only after main has said its piece
        sys.stdout.write("saver: file saved\n")

    threading.Thread(target=save).start()
    sys.stdout.write("main: my work is done\n")
    go.set()
    # No join(): main() returns here, yet the saver still gets to finish.


if __name__ == "__main__":
    main()
