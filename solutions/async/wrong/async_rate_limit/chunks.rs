// expect: failed
// message: each starting as soon as a permit is free, take 11 s
// Batches of `limit`: never more than `limit` in flight, but each batch waits
// for its slowest fetch before the next batch starts, so the other slots sit
// idle meanwhile. With fetches of 1 to 4 s, it takes 15 s instead of 11.

use std::future::Future;

pub async fn fetch_limited<F, Fut>(urls: &[&str], limit: usize, fetch: F) -> Vec<String>
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = String> + Send + 'static,
{
    let mut pages = Vec::new();
    for batch in urls.chunks(limit.max(1)) {
        let handles: Vec<_> = batch
            .iter()
            .map(|url| tokio::spawn(fetch(url.to_string())))
            .collect();
        for handle in handles {
            pages.push(handle.await.unwrap());
        }
    }
    pages
}
