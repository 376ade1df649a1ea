# A non-daemon thread (the default) keeps Python running after main() returns:
# at exit the interpreter waits for it, as if it called join() itself.
import threading


def main() -> None:
    go = threading.Event()

    def save() -> None:
        go.wait()  # start saving only after main has said its piece
        print("saver: file saved")

    threading.Thread(target=save).start()
    print("main: my work is done")
    go.set()
    # No join(): main() returns here, yet the saver still gets to finish.


if __name__ == "__main__":
    main()
