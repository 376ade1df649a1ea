# An async generator, filtered and mapped, read with `async for`.
# Twin of intro_tokio_stream.rs.

# ANCHOR: main
import asyncio
from collections.abc import AsyncIterator, Iterable

LOG_LINES = [
    "GET /index.html",
    "POST /login",
    "GET /about.html",
    "DELETE /cart/7",
    "GET /contact.html",
]


async def read_log(lines: Iterable[str]) -> AsyncIterator[str]:
    """Yield log lines one at a time, as a socket or a file reader would."""
    for line in lines:
        yield line


async def requested_pages(lines: AsyncIterator[str]) -> AsyncIterator[str]:
    """Keep the GET requests and strip the verb: filter, then map."""
    async for line in lines:
        if line.startswith("GET "):
            yield line[len("GET ") :]


async def print_pages() -> None:
    async for page in requested_pages(read_log(LOG_LINES)):
        print(f"page requested: {page}")
    print("end of the log")


def main() -> None:
    asyncio.run(print_pages())


if __name__ == "__main__":
    main()
# ANCHOR_END: main
