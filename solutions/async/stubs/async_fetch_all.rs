//! Exercise `async_fetch_all`: fetch every URL at the same time, and hand back
//! one result per URL, in the order of the URLs, failures included.
//!
//! Grade it: `cargo grade async_fetch_all`. Stuck? `cargo grade hint async_fetch_all`.

use std::future::Future;

/// What one fetch gives back: the page, or why it failed.
pub type FetchResult = Result<String, String>;

/// Fetches every URL of `urls` with `fetch`, all at the same time, and returns
/// one result per URL, in the order of `urls`, whichever fetch finishes first.
/// A failed fetch is an `Err` in its own place; the other fetches still run
/// to the end and keep their results.
///
/// In Python: `await asyncio.gather(*map(fetch, urls), return_exceptions=True)`.
pub async fn fetch_all<F, Fut>(urls: &[&str], fetch: F) -> Vec<FetchResult>
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = FetchResult> + Send + 'static,
{
    // Your code: start every fetch first (`tokio::spawn` makes each one a task
    // that runs at once), and only then wait for them, in the order of `urls`.
    todo!("spawn a task per URL, then await the handles in order")
}
