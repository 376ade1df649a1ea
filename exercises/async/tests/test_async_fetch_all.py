"""Tests of the Python version of `async_fetch_all` (solutions/async/
async_fetch_all.py): the cases of tests/async_fetch_all.rs.

asyncio cannot pause its clock, so where the Rust tests measure virtual time,
these prove the overlap with a meeting point: each fake fetch waits until all
of them have started, which happens only if they run at the same time."""

import asyncio

import pytest

PATIENCE = 2.0  # seconds a fetch waits for the others before the test gives up


class FetchError(Exception):
    pass


class FakeFetch:
    """A fake fetch for `count` URLs. `/page-3` answers 3 ms after every fetch
    has started; a URL with `broken` in it raises FetchError. A fetch that
    waits in vain for the others records why, and `check()` raises it in the
    test, even if fetch_all swallowed the exception."""

    def __init__(self, count: int) -> None:
        self.count, self.started = count, 0
        self.fetched: list[str] = []
        self.problem: str | None = None
        self.all_started: asyncio.Event | None = None

    async def __call__(self, url: str) -> str:
        if self.all_started is None:  # made inside the event loop that runs the test
            self.all_started = asyncio.Event()
        self.fetched.append(url)
        self.started += 1
        if self.started == self.count:
            self.all_started.set()
        try:
            await asyncio.wait_for(self.all_started.wait(), PATIENCE)
        except TimeoutError:
            self.problem = (
                f"only {self.started} of {self.count} fetches were running at the same time: "
                "the fetches ran one after another"
            )
            raise AssertionError(self.problem) from None
        await asyncio.sleep(int(url.rsplit("-", 1)[1]) / 1000)
        if "broken" in url:
            raise FetchError(f"{url}: 404")
        return f"{url}: 200"

    def check(self) -> None:
        if self.problem:
            pytest.fail(self.problem)


def run(solution, urls: list[str]) -> tuple[list, FakeFetch]:  # noqa: ANN001
    fetch = FakeFetch(len(urls))
    results = asyncio.run(solution.fetch_all(urls, fetch))
    fetch.check()
    return results, fetch


def check_count(results: list, urls: list[str]) -> None:  # type: ignore[type-arg]
    assert len(results) == len(urls), (
        f"fetch_all returned {len(results)} results for {len(urls)} URLs: one result per URL"
    )


def test_a_failed_fetch_is_reported_and_the_others_are_not_lost(solution):
    urls = ["/a-2", "/broken-1", "/c-3", "/d-1", "/e-2"]
    results, _ = run(solution, urls)
    check_count(results, urls)
    assert isinstance(results[1], FetchError), "the failed fetch must be reported in its place"
    assert str(results[1]) == "/broken-1: 404"
    assert [results[i] for i in (0, 2, 3, 4)] == [
        "/a-2: 200",
        "/c-3: 200",
        "/d-1: 200",
        "/e-2: 200",
    ], "the four other fetches must still be there, in the order of the URLs"


def test_each_url_is_fetched_once_and_no_urls_give_no_results(solution):
    urls = ["/a-1", "/b-1", "/c-1"]
    results, fetch = run(solution, urls)
    check_count(results, urls)
    assert sorted(fetch.fetched) == urls, "each URL must be fetched exactly once"
    assert run(solution, [])[0] == [], "no URLs, no results"


def test_results_come_back_in_the_order_of_the_urls(solution):
    urls = ["/a-5", "/b-4", "/c-3", "/d-2", "/e-1"]  # the last one finishes first
    results, _ = run(solution, urls)
    check_count(results, urls)
    assert results == [f"{url}: 200" for url in urls], (
        "the results must come back in the order of the URLs, not in the order the fetches finish"
    )


def test_the_fetches_overlap(solution):
    urls = ["/a-3", "/b-1", "/c-4", "/d-2", "/e-1"]
    results, _ = run(solution, urls)
    check_count(results, urls)
    assert results == [f"{url}: 200" for url in urls]
