# socketserver: an echo server on its own thread answers exactly three connections
# and stops; a client in the same program talks to it. Twin of intro_tcp_echo.rs.

# ANCHOR: main
import socket
import socketserver
import sys
import threading

CONNECTIONS = 3
TIMEOUT_SECS = 2.0  # no read or connect may wait longer, so a bug cannot hang


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


class EchoHandler(socketserver.StreamRequestHandler):
    timeout = TIMEOUT_SECS  # applied to the connection's socket before handle()

    def handle(self) -> None:
        line = self.rfile.readline()
        self.wfile.write(b"echo: " + line)


def serve(server: socketserver.TCPServer, connections: int) -> None:
    # handle_request() serves one connection; calling it n times bounds the
    # server, where serve_forever() would never return on its own.
    for _ in range(connections):
        server.handle_request()


def ask(address: tuple[str, int], message: str) -> str:
    with socket.create_connection(address, timeout=TIMEOUT_SECS) as sock:
        sock.sendall(f"{message}\n".encode())
        with sock.makefile("rb") as replies:
            return replies.readline().decode().rstrip()


def main() -> None:
    # Port 0 asks the OS for any free port; getsockname() tells us which one.
    with socketserver.TCPServer(("127.0.0.1", 0), EchoHandler) as server:
        server.timeout = TIMEOUT_SECS  # handle_request() gives up after this
        host, port = server.socket.getsockname()
        say(f"server listening on {host}:{port}")

        thread = threading.Thread(target=serve, args=(server, CONNECTIONS))
        thread.start()

        for message in ["hello", "from", "the client"]:
            reply = ask((host, port), message)
            say(f'sent "{message}", received "{reply}"')

        # The server thread returns by itself after its three connections.
        thread.join()
    say(f"server stopped after {CONNECTIONS} connections")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
