// expect: timed-out
// message: No thread is in your code, and tokio's runtime waits for work
// `permit.forget()` never gives the permit back: after `limit` fetches every
// other task waits for a permit for ever.

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
                permits.acquire().await.unwrap().forget();
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
