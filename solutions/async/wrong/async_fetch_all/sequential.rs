// expect: failed
// message: the fetches ran one after another
// Awaits each fetch before starting the next, like `for url in urls: await
// fetch(url)` in Python: correct results, but the total time is the sum.

use std::future::Future;

pub type FetchResult = Result<String, String>;

pub async fn fetch_all<F, Fut>(urls: &[&str], fetch: F) -> Vec<FetchResult>
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = FetchResult> + Send + 'static,
{
    let mut results = Vec::new();
    for url in urls {
        results.push(fetch(url.to_string()).await);
    }
    results
}
