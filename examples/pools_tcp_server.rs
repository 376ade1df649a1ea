//! A TCP server on a pool of three threads: six clients in the same program each
//! send one request; the server serves exactly six, waits for the pool, and stops.

// ANCHOR: main
use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::thread;
use std::time::Duration;

use threadpool::ThreadPool;

const REQUESTS: usize = 6;
/// No connect or read may wait longer than this, so a bug cannot hang the program.
const TIMEOUT: Duration = Duration::from_secs(2);

/// Reads one line holding a number and answers with its square.
fn handle(stream: TcpStream) -> io::Result<()> {
    stream.set_read_timeout(Some(TIMEOUT))?;
    let mut line = String::new();
    BufReader::new(&stream).read_line(&mut line)?;
    let reply = match line.trim().parse::<u64>() {
        Ok(n) => format!("{n} squared is {}\n", n * n),
        Err(_) => format!("not a number: {}\n", line.trim()),
    };
    (&stream).write_all(reply.as_bytes())
}

/// Accepts exactly `requests` connections and hands each one to the pool.
fn serve(listener: TcpListener, requests: usize) -> io::Result<()> {
    let pool = ThreadPool::new(3);
    // `take` bounds the otherwise endless stream of incoming connections.
    for stream in listener.incoming().take(requests) {
        let stream = stream?;
        pool.execute(move || {
            if let Err(error) = handle(stream) {
                eprintln!("server: a request failed: {error}");
            }
        });
    }
    // Every connection is accepted; wait until the pool has answered them all.
    pool.join();
    Ok(())
}

/// A client: connects, sends one line, returns the one-line reply.
fn ask(server: SocketAddr, n: u64) -> io::Result<String> {
    let stream = TcpStream::connect_timeout(&server, TIMEOUT)?;
    stream.set_read_timeout(Some(TIMEOUT))?;
    (&stream).write_all(format!("{n}\n").as_bytes())?;
    let mut reply = String::new();
    BufReader::new(&stream).read_line(&mut reply)?;
    Ok(reply.trim_end().to_string())
}

fn main() -> io::Result<()> {
    // Port 0: the OS picks a free port; local_addr says which.
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let address = listener.local_addr()?;
    println!("server listening on {address}");
    let server = thread::spawn(move || serve(listener, REQUESTS));

    // Six clients at once, each on its own thread.
    let clients: Vec<_> = (1..=REQUESTS as u64)
        .map(|n| thread::spawn(move || ask(address, n)))
        .collect();
    // Joined in the order they were started, so the replies print in that order.
    for client in clients {
        println!(
            "client got \"{}\"",
            client.join().expect("a client panicked")?
        );
    }

    server.join().expect("the server panicked")?;
    println!("server stopped after {REQUESTS} requests");
    Ok(())
}
// ANCHOR_END: main
