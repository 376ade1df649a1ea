# expect: failed
# message: did not start while /page/0 was in flight
# Batches of `limit`: never more than `limit` in flight, but each batch waits
# for its slowest fetch before the next batch starts, so the other slots sit idle.
import asyncio


async def fetch_limited(urls, limit, fetch):
    pages = []
    for start in range(0, len(urls), limit):
        pages += await asyncio.gather(*(fetch(url) for url in urls[start : start + limit]))
    return pages
