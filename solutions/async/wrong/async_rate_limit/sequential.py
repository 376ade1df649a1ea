# expect: failed
# message: the most fetches in flight at once was 1, with a limit of 8
# Safe but slow: one fetch at a time never exceeds the limit, nor uses it.


async def fetch_limited(urls, limit, fetch):
    return [await fetch(url) for url in urls]
