// expect: failed
// message: serve did not return after its 3 requests
// Loops over `listener.incoming()` without `take`: it accepts connections for
// ever and never returns.

use std::io;
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;

use threadpool::ThreadPool;

pub fn serve<H>(
    listener: TcpListener,
    workers: usize,
    _requests: usize,
    handle: H,
) -> io::Result<()>
where
    H: Fn(TcpStream) -> io::Result<()> + Send + Sync + 'static,
{
    let pool = ThreadPool::new(workers);
    let handle = Arc::new(handle);
    for stream in listener.incoming() {
        let (stream, handle) = (stream?, Arc::clone(&handle));
        pool.execute(move || {
            if let Err(error) = handle(stream) {
                eprintln!("a request failed: {error}");
            }
        });
    }
    pool.join();
    Ok(())
}
