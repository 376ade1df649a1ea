// expect: failed
// message: only 1 of 3 requests were being answered at the same time
// Answers each connection on the accepting thread: no pool, so a slow client
// holds up every client behind it.

use std::io;
use std::net::{TcpListener, TcpStream};

pub fn serve<H>(
    listener: TcpListener,
    _workers: usize,
    requests: usize,
    handle: H,
) -> io::Result<()>
where
    H: Fn(TcpStream) -> io::Result<()> + Send + Sync + 'static,
{
    for stream in listener.incoming().take(requests) {
        if let Err(error) = handle(stream?) {
            eprintln!("a request failed: {error}");
        }
    }
    Ok(())
}
