// expect: failed
// message: 3 fetches were in flight at the same time, with a limit of 1
// `let _ = …` does not bind: the permit is dropped at the end of that
// statement, before the fetch starts, so the semaphore limits nothing.

use std::future::Future;
use std::sync::Arc;

use tokio::sync::Semaphore;

pub async fn fetch_limited<F, Fut>(urls: &[&str], limit: usize, fetch: F) -> Vec<String>
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = String> + Send + 'static,
{
    let permits = Arc::new(Semaphore::new(limit));
    let handles: Vec<_> = urls
        .iter()
        .map(|url| {
            let permits = Arc::clone(&permits);
            let fetching = fetch(url.to_string());
            tokio::spawn(async move {
                let _ = permits.acquire().await.unwrap();
                fetching.await
            })
        })
        .collect();
    let mut pages = Vec::new();
    for handle in handles {
        pages.push(handle.await.unwrap());
    }
    pages
}
