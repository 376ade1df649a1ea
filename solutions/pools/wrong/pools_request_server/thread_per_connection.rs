// expect: failed
// message: a server with 2 workers must reuse its 2 threads
// A thread per connection, as ThreadingTCPServer does: no limit on how many
// threads a flood of clients can make it start.

use std::io;
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::thread;

pub fn serve<H>(
    listener: TcpListener,
    _workers: usize,
    requests: usize,
    handle: H,
) -> io::Result<()>
where
    H: Fn(TcpStream) -> io::Result<()> + Send + Sync + 'static,
{
    let handle = Arc::new(handle);
    let mut threads = Vec::new();
    for stream in listener.incoming().take(requests) {
        let (stream, handle) = (stream?, Arc::clone(&handle));
        threads.push(thread::spawn(move || {
            if let Err(error) = handle(stream) {
                eprintln!("a request failed: {error}");
            }
        }));
    }
    for thread in threads {
        let _ = thread.join();
    }
    Ok(())
}
