# expect: failed
# message: 3 fetches were in flight at the same time, with a limit of 1
# The semaphore is made but never used: every fetch runs at once.
import asyncio


async def fetch_limited(urls, limit, fetch):
    asyncio.Semaphore(limit)
    return await asyncio.gather(*(fetch(url) for url in urls))
