# socketserver.ThreadingTCPServer: six clients in the same program each send one
# request; the server handles exactly six, waits for its threads, and stops.

# ANCHOR: main
import socket
import socketserver
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

REQUESTS = 6
# No connect or read may wait longer than this, so a bug cannot hang the program.
TIMEOUT = 2.0


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


class Squarer(socketserver.StreamRequestHandler):
    """Reads one line holding a number and answers with its square."""

    timeout = TIMEOUT

    def handle(self) -> None:
        line = self.rfile.readline().decode().strip()
        reply = (
            f"{int(line)} squared is {int(line) ** 2}"
            if line.isdigit()
            else f"not a number: {line}"
        )
        self.wfile.write(f"{reply}\n".encode())


def ask(server: tuple[str, int], n: int) -> str:
    """A client: connects, sends one line, returns the one-line reply."""
    with socket.create_connection(server, timeout=TIMEOUT) as conn:
        conn.sendall(f"{n}\n".encode())
        return conn.makefile().readline().rstrip("\n")


def main() -> None:
    # Port 0: the OS picks a free port; server_address says which.
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), Squarer) as server:
        server.timeout = TIMEOUT  # handle_request gives up after this long
        host, port = server.server_address[:2]
        say(f"server listening on {host}:{port}")

        def serve() -> None:
            # One new thread per request (not a pool), exactly REQUESTS times.
            for _ in range(REQUESTS):
                server.handle_request()

        server_thread = threading.Thread(target=serve)
        server_thread.start()

        # Six clients at once; their futures are read in the order they were submitted.
        with ThreadPoolExecutor(max_workers=REQUESTS) as clients:
            replies = [clients.submit(ask, (host, port), n) for n in range(1, REQUESTS + 1)]
            for reply in replies:
                say(f'client got "{reply.result()}"')
        server_thread.join()
    # Leaving the `with` block called server_close(), which joins the request threads.
    say(f"server stopped after {REQUESTS} requests")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
