//! Exercise `async_rate_limit`: fetch every URL concurrently, but never more
//! than `limit` at the same time, with a `tokio::sync::Semaphore`.
//!
//! Grade it: `cargo grade async_rate_limit`. Stuck? `cargo grade hint async_rate_limit`.

use std::future::Future;
use std::sync::Arc;

use tokio::sync::Semaphore;

/// Fetches every URL of `urls` with `fetch`, with at most `limit` fetches in
/// flight at any moment (and as many as `limit` whenever there is work for
/// them), and returns the pages in the order of `urls`. `limit` is at least 1.
///
/// In Python: an `asyncio.Semaphore(limit)`, and `async with semaphore:`
/// around each fetch, all of them gathered.
pub async fn fetch_limited<F, Fut>(urls: &[&str], limit: usize, fetch: F) -> Vec<String>
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = String> + Send + 'static,
{
    // Your code: one task per URL, all spawned at once; each task first waits
    // for a permit of a semaphore with `limit` permits, and keeps it until its
    // fetch is done. Then await the tasks, in order.
    // BEGIN SOLUTION (stub: todo!("spawn a task per URL that holds a semaphore permit while it fetches"))
    let permits = Arc::new(Semaphore::new(limit));
    let handles: Vec<_> = urls
        .iter()
        .map(|url| {
            let permits = Arc::clone(&permits);
            // A future is lazy: creating it here starts nothing. It runs
            // when the task awaits it, after the permit.
            let fetching = fetch(url.to_string());
            tokio::spawn(async move {
                // `_permit`, not `_`: the permit must live until the fetch
                // is done. `acquire_owned` gives a permit that owns its
                // `Arc`, so it can live in the task.
                let _permit = permits.acquire_owned().await.expect("never closed");
                fetching.await
            })
        })
        .collect();
    let mut pages = Vec::with_capacity(handles.len());
    for handle in handles {
        pages.push(handle.await.expect("a fetch panicked"));
    }
    pages
    // END SOLUTION
}
