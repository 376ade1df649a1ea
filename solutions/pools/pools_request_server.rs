//! Exercise `pools_request_server`: a TCP server that answers each connection
//! on a pool of worker threads, serves a fixed number of requests, waits until
//! every answer has been sent, and stops by itself.
//!
//! Grade it: `cargo grade pools_request_server`. Stuck? `cargo grade hint pools_request_server`.

use std::io;
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;

use threadpool::ThreadPool;

/// Accepts exactly `requests` connections on `listener` and answers each one
/// with `handle`, on a pool of `workers` threads, so that up to `workers`
/// requests are answered at the same time. Returns once every accepted request
/// has been answered; the listener is closed when it returns.
///
/// A request whose `handle` fails does not stop the server: its error is
/// printed to stderr. An error from `accept` is returned.
///
/// In Python: `socketserver.ThreadingTCPServer` and `handle_request()` called
/// `requests` times, but with at most `workers` threads.
pub fn serve<H>(listener: TcpListener, workers: usize, requests: usize, handle: H) -> io::Result<()>
where
    H: Fn(TcpStream) -> io::Result<()> + Send + Sync + 'static,
{
    // Your code: make a `ThreadPool` of `workers` threads; accept `requests`
    // connections (`listener.incoming().take(requests)`), handing each one to
    // the pool as a job that calls `handle`; then wait for the pool.
    // BEGIN SOLUTION (stub: todo!("accept `requests` connections, answer each on the pool, then wait for it"))
    let pool = ThreadPool::new(workers);
    // Every job calls the same handler: share it through an `Arc`.
    let handle = Arc::new(handle);
    // `take` ends the otherwise endless stream of connections.
    for stream in listener.incoming().take(requests) {
        let stream = stream?;
        let handle = Arc::clone(&handle);
        pool.execute(move || {
            if let Err(error) = handle(stream) {
                eprintln!("a request failed: {error}");
            }
        });
    }
    // Every connection is accepted; wait until each one has been answered.
    pool.join();
    Ok(())
    // END SOLUTION
}
