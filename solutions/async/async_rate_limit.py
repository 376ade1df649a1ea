"""Exercise `async_rate_limit`, in Python: fetch every URL concurrently, but
never more than `limit` at the same time, with an asyncio.Semaphore."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable


async def fetch_limited(
    urls: list[str], limit: int, fetch: Callable[[str], Awaitable[str]]
) -> list[str]:
    """Fetches every URL with at most `limit` fetches in flight at any moment,
    and returns the pages in the order of `urls`."""
    semaphore = asyncio.Semaphore(limit)

    async def one(url: str) -> str:
        # The permit is held for the whole block, and given back however it ends.
        async with semaphore:
            return await fetch(url)

    return await asyncio.gather(*(one(url) for url in urls))
