"""Tests of the Python version of `async_rate_limit` (solutions/async/
async_rate_limit.py): the cases of tests/async_rate_limit.rs. The fake fetch
counts the fetches in flight. Where the Rust tests measure virtual time to see
that a fetch starts as soon as a permit is free, these use a meeting point:
the fetch of /page/0 waits until the fetch of /page/{limit} has started, which
happens while /page/0 is in flight only if the other permits are handed on at
once (batches of `limit` wait for /page/0 first)."""

import asyncio

import pytest

PATIENCE = 2.0  # seconds /page/0 waits for /page/{limit} before the test gives up


class Flights:
    """A fake fetch that takes a few milliseconds and counts the fetches in flight.
    With `hold_until`, the fetch of /page/0 lasts until /page/{hold_until} starts."""

    def __init__(self, hold_until: int | None = None) -> None:
        self.now = self.most = self.done = 0
        self.hold_until = hold_until
        self.problem: str | None = None
        self.later_started: asyncio.Event | None = None

    async def fetch(self, url: str) -> str:
        if self.later_started is None:  # made inside the event loop that runs the test
            self.later_started = asyncio.Event()
        i = int(url.rsplit("/", 1)[1])
        self.now += 1
        self.most = max(self.most, self.now)
        if i == self.hold_until:
            self.later_started.set()
        if i == 0 and self.hold_until is not None:
            try:
                await asyncio.wait_for(self.later_started.wait(), PATIENCE)
            except TimeoutError:
                self.problem = (
                    f"/page/{self.hold_until} did not start while /page/0 was in flight, though "
                    f"the {self.hold_until - 1} fetches started with it had finished: each fetch "
                    "must start as soon as a permit is free (batches leave permits idle)"
                )
        else:
            await asyncio.sleep(0.002)
        self.now -= 1
        self.done += 1
        return f"page of {url}"


def check(solution, n: int, limit: int) -> None:  # noqa: ANN001
    # The meeting point needs a fetch beyond the first `limit`, and a second permit.
    flights = Flights(hold_until=limit if 1 < limit < n else None)
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
    if flights.problem:
        pytest.fail(flights.problem)
    assert flights.done == n, "every fetch must run to the end, once"
    assert pages == [f"page of {url}" for url in urls], (
        "the pages must come back in the order of the URLs"
    )


@pytest.mark.parametrize(("n", "limit"), [(4, 8), (3, 1), (10, 3), (0, 2)])
def test_at_most_limit_fetches_are_in_flight_and_never_fewer(solution, n, limit):
    check(solution, n, limit)
