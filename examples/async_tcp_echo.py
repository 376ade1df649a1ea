# asyncio streams: an echo server on 127.0.0.1 (port 0: any free port) and its clients
# in one program. The server serves exactly three connections, then stops.

# ANCHOR: main
import asyncio

CONNECTIONS = 3
LIMIT_SECS = 5.0  # no connection may take longer, so a bug cannot hang the program


async def main() -> None:
    served = 0
    all_served = asyncio.Event()

    async def echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        # asyncio starts one task per connection, as the Rust server spawns one.
        nonlocal served
        line = await reader.readline()
        writer.write(b"echo: " + line)
        await writer.drain()
        writer.close()
        await writer.wait_closed()
        served += 1
        if served == CONNECTIONS:
            all_served.set()

    # start_server accepts for ever; the Event tells us when to stop it.
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()[:2]
    print(f"server listening on {host}:{port}")

    async def ask(message: str) -> str:
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(f"{message}\n".encode())
        await writer.drain()
        reply = await reader.readline()
        writer.close()
        await writer.wait_closed()
        return reply.decode().rstrip()

    async with asyncio.timeout(LIMIT_SECS):
        replies = await asyncio.gather(ask("hello"), ask("from"), ask("three clients"))
    for reply in replies:
        print(f'received "{reply}"')

    async with asyncio.timeout(LIMIT_SECS):
        await all_served.wait()
    server.close()
    await server.wait_closed()
    print(f"server stopped after {CONNECTIONS} connections")


if __name__ == "__main__":
    asyncio.run(main())
# ANCHOR_END: main
