# Python threads share any object by reference; there is no Rc/Arc choice to make,
# because CPython's reference counts are already safe to update from any thread.
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def main() -> None:
    settings = ["verbose", "color"]
    lines: dict[str, str] = {}

    def describe(role: str) -> None:
        lines[role] = f"{role} sees {len(settings)} settings"

    roles = ["reader", "writer"]
    threads = [threading.Thread(target=describe, args=(role,)) for role in roles]
    for thread in threads:
        thread.start()
    for role, thread in zip(roles, threads, strict=True):
        thread.join()
        say(lines[role])
    say(f"main sees {len(settings)} settings")


if __name__ == "__main__":
    main()
