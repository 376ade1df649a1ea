// expect: failed
// message: the most fetches in flight at once was 1, with a limit of 8
// Safe but slow: awaiting each fetch before starting the next never exceeds
// the limit, and never uses it either.

use std::future::Future;

pub async fn fetch_limited<F, Fut>(urls: &[&str], _limit: usize, fetch: F) -> Vec<String>
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = String> + Send + 'static,
{
    let mut pages = Vec::new();
    for url in urls {
        pages.push(fetch(url.to_string()).await);
    }
    pages
}
