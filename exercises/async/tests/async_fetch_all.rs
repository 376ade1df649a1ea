//! Tests for `async_fetch_all`. `cargo grade async_fetch_all` runs them against
//! your `exercises/async/async_fetch_all.rs`.
//!
//! The fetches are fake: `/page-3` "downloads" for 3 s with `tokio::time::sleep`.
//! The tests run on tokio's paused clock (`start_paused = true`), which jumps
//! straight to the next timer whenever every task is waiting: the sleeps take
//! no real time, and the virtual time they add up to is exact.

use exercise::{FetchResult, fetch_all};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::{Instant, sleep};

/// The delay in a fake URL: `/page-3` takes 3 s.
fn delay(url: &str) -> u64 {
    url.rsplit('-').next().unwrap().parse().unwrap()
}

/// A fake fetch: waits the URL's delay, then answers, or fails if the URL
/// says `broken`.
async fn fake_fetch(url: String) -> FetchResult {
    sleep(Duration::from_secs(delay(&url))).await;
    if url.contains("broken") {
        Err(format!("{url}: 404"))
    } else {
        Ok(format!("{url}: 200"))
    }
}

fn ok(url: &str) -> FetchResult {
    Ok(format!("{url}: 200"))
}

#[track_caller]
fn check_count(results: &[FetchResult], urls: &[&str]) {
    assert!(
        results.len() == urls.len(),
        "fetch_all returned {} results for {} URLs: one result per URL, and every task must be awaited before fetch_all returns",
        results.len(),
        urls.len()
    );
}

#[tokio::test(start_paused = true)]
async fn a_failed_fetch_is_reported_and_the_others_are_not_lost() {
    let urls = ["/a-2", "/broken-1", "/c-3", "/d-1", "/e-2"];
    let results = fetch_all(&urls, fake_fetch).await;
    check_count(&results, &urls);
    let expected = vec![
        ok("/a-2"),
        Err("/broken-1: 404".to_string()),
        ok("/c-3"),
        ok("/d-1"),
        ok("/e-2"),
    ];
    let mut sorted = results.clone();
    sorted.sort();
    let mut expected_sorted = expected.clone();
    expected_sorted.sort();
    assert_eq!(
        sorted, expected_sorted,
        "one fetch fails: it must be reported as an Err, and the four others must still be there"
    );
    assert_eq!(
        results, expected,
        "the results must come back in the order of the URLs, not in the order the fetches finish"
    );
}

#[tokio::test(start_paused = true)]
async fn each_url_is_fetched_once_and_no_urls_give_no_results() {
    let fetched = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&fetched);
    let urls = ["/a-1", "/b-1", "/c-1"];
    let results = fetch_all(&urls, move |url| {
        log.lock().unwrap().push(url.clone());
        fake_fetch(url)
    })
    .await;
    check_count(&results, &urls);
    let mut fetched = fetched.lock().unwrap().clone();
    fetched.sort();
    assert_eq!(fetched, urls, "each URL must be fetched exactly once");

    let results = fetch_all(&[], fake_fetch).await;
    assert!(results.is_empty(), "no URLs, no results");
}

#[tokio::test(start_paused = true)]
async fn results_come_back_in_the_order_of_the_urls() {
    // The last URL finishes first, the first one last.
    let urls = ["/a-5", "/b-4", "/c-3", "/d-2", "/e-1"];
    let results = fetch_all(&urls, fake_fetch).await;
    check_count(&results, &urls);
    let expected: Vec<FetchResult> = urls.iter().map(|url| ok(url)).collect();
    assert_eq!(
        results, expected,
        "the results must come back in the order of the URLs, not in the order the fetches finish"
    );
}

#[tokio::test(start_paused = true)]
async fn the_fetches_overlap_so_the_total_is_the_longest_delay() {
    let urls = ["/a-3", "/b-1", "/c-4", "/d-2", "/e-1"];
    let start = Instant::now();
    let results = fetch_all(&urls, fake_fetch).await;
    let elapsed = start.elapsed();
    check_count(&results, &urls);
    assert!(
        elapsed != Duration::from_secs(11),
        "the fetches ran one after another: they took 11 s of virtual time, the sum of their \
         delays (3 + 1 + 4 + 2 + 1 s). Started together, they take 4 s, the longest delay"
    );
    assert_eq!(
        elapsed,
        Duration::from_secs(4),
        "the delays are 3, 1, 4, 2 and 1 s: fetched at the same time they take 4 s of virtual time, the longest one"
    );
}
