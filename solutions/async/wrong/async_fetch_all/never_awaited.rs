// expect: failed
// message: returned 0 results for 5 URLs
// Spawns a task per URL and never awaits them: each task would push its result
// into the shared vector, but fetch_all returns before any task has run.

use std::future::Future;
use std::sync::{Arc, Mutex};

pub type FetchResult = Result<String, String>;

pub async fn fetch_all<F, Fut>(urls: &[&str], fetch: F) -> Vec<FetchResult>
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = FetchResult> + Send + 'static,
{
    let results = Arc::new(Mutex::new(Vec::new()));
    for url in urls {
        let results = Arc::clone(&results);
        let fetching = fetch(url.to_string());
        tokio::spawn(async move {
            let result = fetching.await;
            results.lock().unwrap().push(result);
        });
    }
    let results = results.lock().unwrap().clone();
    results
}
