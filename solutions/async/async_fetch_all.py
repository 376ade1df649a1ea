"""Exercise `async_fetch_all`, in Python: fetch every URL at the same time, and
hand back one result per URL, in the order of the URLs, failures included."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable


async def fetch_all(
    urls: list[str], fetch: Callable[[str], Awaitable[str]]
) -> list[str | BaseException]:
    """Fetches every URL with `fetch`, all at the same time, and returns one
    result per URL, in the order of `urls`: the page, or the exception that
    the fetch raised. One failed fetch does not stop the others."""
    # gather wraps each coroutine in a task, so all of them start at once, and
    # returns their results in the order of its arguments. Without
    # return_exceptions=True, the first exception would be raised here and
    # the other results lost.
    return await asyncio.gather(*(fetch(url) for url in urls), return_exceptions=True)
