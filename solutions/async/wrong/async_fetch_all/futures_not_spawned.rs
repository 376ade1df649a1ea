// expect: failed
// message: the fetches ran one after another
// Collects the futures first, then awaits them in turn, as one might collect
// coroutine objects in Python. A future is lazy: none of them runs until it is
// awaited, so the fetches still run one after another.

use std::future::Future;

pub type FetchResult = Result<String, String>;

pub async fn fetch_all<F, Fut>(urls: &[&str], fetch: F) -> Vec<FetchResult>
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = FetchResult> + Send + 'static,
{
    let fetches: Vec<Fut> = urls.iter().map(|url| fetch(url.to_string())).collect();
    let mut results = Vec::new();
    for fetching in fetches {
        results.push(fetching.await);
    }
    results
}
