// expect: failed
// message: returned 2 results for 5 URLs
// Stops at the first failed fetch, as `try_join!` or a `?` would: the results
// of the fetches after it are lost (and their tasks left running).

use std::future::Future;

pub type FetchResult = Result<String, String>;

pub async fn fetch_all<F, Fut>(urls: &[&str], fetch: F) -> Vec<FetchResult>
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = FetchResult> + Send + 'static,
{
    let handles: Vec<_> = urls
        .iter()
        .map(|url| tokio::spawn(fetch(url.to_string())))
        .collect();
    let mut results = Vec::new();
    for handle in handles {
        let result = handle.await.unwrap();
        let failed = result.is_err();
        results.push(result);
        if failed {
            break;
        }
    }
    results
}
