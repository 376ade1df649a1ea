# What asyncio.run stands for: make an event loop, then run_until_complete the coroutine.
# asyncio has only one kind of loop, and it runs every task on the calling thread.

# ANCHOR: main
import asyncio
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def where_am_i() -> str:
    return threading.current_thread().name


async def body(flavor: str) -> None:
    say(f"{flavor}: main's body runs on '{where_am_i()}'")

    async def task_body() -> str:
        return where_am_i()

    task = asyncio.create_task(task_body())
    say(f"{flavor}: a spawned task ran on '{await task}'")


def main() -> None:
    # `asyncio.run(body(...))` is, give or take the cleanup, this:
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(body("current-thread"))
    finally:
        loop.close()
    # asyncio has no multi-thread loop: the closest is a loop per thread, or
    # asyncio.to_thread for blocking calls. The "multi-thread" lines say so.
    say("multi-thread: asyncio has no multi-thread event loop")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
