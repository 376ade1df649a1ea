# One-time initialisation in Python: a module-level lock and a check, since
# functools.cache may run the function twice when two threads call it at once.
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
_settings: list[str] | None = None
_settings_lock = threading.Lock()


def settings() -> list[str]:
    global _settings
    with _settings_lock:  # every caller takes the lock; OnceLock only waits during init
        if _settings is None:
            say("loading settings (once)")
            _settings = ["verbose", "color"]
        return _settings


_prices: dict[str, int] | None = None
_prices_lock = threading.Lock()


def prices() -> dict[str, int]:
    global _prices
    with _prices_lock:
        if _prices is None:
            say("building the price table (once)")
            _prices = {"apple": 3, "pear": 4}
        return _prices


# ANCHOR_END: main


setup_runs = 0
setup_lock = threading.Lock()
setup_done = False


def setup() -> None:
    global setup_runs, setup_done
    with setup_lock:
        if not setup_done:
            setup_runs += 1
            setup_done = True


def work() -> None:
    setup()
    assert len(settings()) == 2
    assert prices()["pear"] == 4


def main() -> None:
    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    say(f"setup ran {setup_runs} time(s)")
    say(f"settings: {', '.join(settings())}")
    say(f"apple costs {prices()['apple']}")


if __name__ == "__main__":
    main()
