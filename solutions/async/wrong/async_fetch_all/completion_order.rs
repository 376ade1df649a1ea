// expect: failed
// message: in the order of the URLs, not in the order the fetches finish
// A JoinSet's `join_next` hands back results as the tasks finish (Python's
// `as_completed`), not in the order of the URLs.

use std::future::Future;

use tokio::task::JoinSet;

pub type FetchResult = Result<String, String>;

pub async fn fetch_all<F, Fut>(urls: &[&str], fetch: F) -> Vec<FetchResult>
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = FetchResult> + Send + 'static,
{
    let mut set = JoinSet::new();
    for url in urls {
        set.spawn(fetch(url.to_string()));
    }
    let mut results = Vec::new();
    while let Some(result) = set.join_next().await {
        results.push(result.unwrap());
    }
    results
}
