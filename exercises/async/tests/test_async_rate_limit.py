"""Tests of the Python version of `async_rate_limit` (solutions/async/
async_rate_limit.py): the cases of tests/async_rate_limit.rs. The fake fetch
counts the fetches in flight; the Rust tests also measure virtual time, which
asyncio cannot pause."""

import asyncio

import pytest


class Flights:
    """A fake fetch that takes a few milliseconds and counts the fetches in flight."""

    def __init__(self) -> None:
        self.now = self.most = self.done = 0

    async def fetch(self, url: str) -> str:
        self.now += 1
        self.most = max(self.most, self.now)
        await asyncio.sleep(0.002)
        self.now -= 1
        self.done += 1
        return f"page of {url}"


def check(solution, n: int, limit: int) -> None:  # noqa: ANN001
    flights = Flights()
    urls = [f"/page/{i}" for i in range(n)]
    pages = asyncio.run(solution.fetch_limited(urls, limit, flights.fetch))
    expected_most = min(limit, n)
    assert flights.most <= expected_most, (
        f"{flights.most} fetches were in flight at the same time, with a limit of {limit}"
    )
    assert flights.most == expected_most, (
        f"the most fetches in flight at once was {flights.most}, with a limit of {limit} "
        f"and {n} URLs: {expected_most} must run at the same time"
    )
    assert flights.done == n, "every fetch must run to the end, once"
    assert pages == [f"page of {url}" for url in urls], (
        "the pages must come back in the order of the URLs"
    )


@pytest.mark.parametrize(("n", "limit"), [(4, 8), (3, 1), (10, 3), (0, 2)])
def test_at_most_limit_fetches_are_in_flight_and_never_fewer(solution, n, limit):
    check(solution, n, limit)
