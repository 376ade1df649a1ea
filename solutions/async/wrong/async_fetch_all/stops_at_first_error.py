# expect: failed
# message: fetch_all returned 0 results for 5 URLs
# gather without return_exceptions=True raises the first exception; catching it
# loses every other result.
import asyncio


async def fetch_all(urls, fetch):
    try:
        return await asyncio.gather(*(fetch(url) for url in urls))
    except Exception:
        return []
