// expect: failed
// message: serve returned while its two requests were still being answered
// Returns as soon as the last connection is accepted, without waiting for the
// pool: the answers may still be on their way, or be cut off if `main` returns.

use std::io;
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;

use threadpool::ThreadPool;

pub fn serve<H>(listener: TcpListener, workers: usize, requests: usize, handle: H) -> io::Result<()>
where
    H: Fn(TcpStream) -> io::Result<()> + Send + Sync + 'static,
{
    let pool = ThreadPool::new(workers);
    let handle = Arc::new(handle);
    for stream in listener.incoming().take(requests) {
        let (stream, handle) = (stream?, Arc::clone(&handle));
        pool.execute(move || {
            if let Err(error) = handle(stream) {
                eprintln!("a request failed: {error}");
            }
        });
    }
    Ok(())
}
