//! std::net: an echo server on its own thread answers exactly three
//! connections and stops; a client in the same program talks to it.

// ANCHOR: main
use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::thread;
use std::time::Duration;

const CONNECTIONS: usize = 3;
/// No read or connect may wait longer than this, so a bug cannot hang the program.
const TIMEOUT: Duration = Duration::from_secs(2);

/// Answers `connections` clients, one line each, then returns.
fn serve(listener: TcpListener, connections: usize) -> io::Result<()> {
    // `take` bounds the otherwise endless stream of incoming connections.
    for stream in listener.incoming().take(connections) {
        let mut stream = stream?;
        stream.set_read_timeout(Some(TIMEOUT))?;
        let mut line = String::new();
        BufReader::new(&stream).read_line(&mut line)?;
        stream.write_all(format!("echo: {line}").as_bytes())?;
    }
    Ok(())
}

/// Connects, sends one line and returns the server's one-line reply.
fn ask(server: SocketAddr, message: &str) -> io::Result<String> {
    let mut stream = TcpStream::connect_timeout(&server, TIMEOUT)?;
    stream.set_read_timeout(Some(TIMEOUT))?;
    stream.write_all(format!("{message}\n").as_bytes())?;
    let mut reply = String::new();
    BufReader::new(&stream).read_line(&mut reply)?;
    Ok(reply.trim_end().to_string())
}

fn main() -> io::Result<()> {
    // Port 0 asks the OS for any free port; `local_addr` tells us which one.
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let address = listener.local_addr()?;
    println!("server listening on {address}");

    let server = thread::spawn(move || serve(listener, CONNECTIONS));

    for message in ["hello", "from", "the client"] {
        let reply = ask(address, message)?;
        println!("sent \"{message}\", received \"{reply}\"");
    }

    // The server returns by itself after its three connections.
    server.join().expect("the server thread panicked")?;
    println!("server stopped after {CONNECTIONS} connections");
    Ok(())
}
// ANCHOR_END: main
