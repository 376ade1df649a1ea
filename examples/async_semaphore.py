# asyncio.Semaphore limits how many tasks do something at once, like tokio's
# Semaphore: 6 downloads, at most 2 in flight.

# ANCHOR: main
import asyncio


async def main() -> None:
    permits = asyncio.Semaphore(2)
    in_flight = most_in_flight = 0

    async def download() -> None:
        nonlocal in_flight, most_in_flight
        async with permits:  # released when the block ends, however it ends
            in_flight += 1
            most_in_flight = max(most_in_flight, in_flight)
            await asyncio.sleep(0.02)  # the download
            in_flight -= 1

    async with asyncio.TaskGroup() as group:
        for _ in range(6):
            group.create_task(download())
    print(f"6 downloads, at most {most_in_flight} in flight")


if __name__ == "__main__":
    asyncio.run(main())
# ANCHOR_END: main
