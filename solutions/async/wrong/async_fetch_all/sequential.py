# expect: failed
# message: the fetches ran one after another
# Awaits each fetch before starting the next: the first one waits alone for the others.


async def fetch_all(urls, fetch):
    results = []
    for url in urls:
        try:
            results.append(await fetch(url))
        except BaseException as error:
            results.append(error)
    return results
