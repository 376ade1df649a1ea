# asyncio.gather runs coroutines concurrently: five naps take as long as one, not five.
# asyncio cannot pause its clock, so the twin naps 100 ms and reports in those units.

# ANCHOR: main
import asyncio
import time

NAP = 0.1  # one "second" of the Rust program


async def nap(nap_id: int) -> int:
    await asyncio.sleep(NAP)
    return nap_id


def naps_since(start: float) -> str:
    # Real time only ever runs long, never short, so "at least" and "under"
    # are the claims that hold on a busy machine too.
    elapsed = (time.monotonic() - start) / NAP
    if elapsed >= 4.9:
        return "at least 5 naps"
    return "under 4 naps" if elapsed < 4 else f"{elapsed:.1f} naps"


async def main() -> None:
    start = time.monotonic()
    ids = []
    for nap_id in range(1, 6):
        ids.append(await nap(nap_id))  # one after another
    print(f"awaited in turn: {ids} after {naps_since(start)}")

    start = time.monotonic()
    ids = await asyncio.gather(nap(1), nap(2), nap(3), nap(4), nap(5))
    print(f"asyncio.gather:  {ids} after {naps_since(start)}")


if __name__ == "__main__":
    asyncio.run(main())
# ANCHOR_END: main
