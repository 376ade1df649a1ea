//! Tests for `async_rate_limit`. `cargo grade async_rate_limit` runs them
//! against your `exercises/async/async_rate_limit.rs`.
//!
//! The fake fetch counts how many fetches are in flight and remembers the
//! most at any moment. Each one "downloads" for 1 to 4 s of tokio's paused
//! clock, which makes the virtual time they take exact.

use exercise::fetch_limited;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::time::{Instant, sleep};

/// Counts the fetches in flight.
#[derive(Default)]
struct Flights {
    now: AtomicUsize,
    most: AtomicUsize,
    done: AtomicUsize,
}

/// How long the fake fetch of `/page/i` takes: 1, 4, 3, 2, 1, 4, … seconds.
fn secs(i: usize) -> u64 {
    1 + (i as u64 * 3) % 4
}

/// A fake fetch that takes `secs(i)` for `/page/i` and counts itself in
/// `flights` meanwhile.
type Fetching = Pin<Box<dyn Future<Output = String> + Send>>;

fn fake_fetch(flights: &Arc<Flights>) -> impl Fn(String) -> Fetching {
    let flights = Arc::clone(flights);
    move |url| {
        let flights = Arc::clone(&flights);
        Box::pin(async move {
            let now = flights.now.fetch_add(1, Ordering::SeqCst) + 1;
            flights.most.fetch_max(now, Ordering::SeqCst);
            let i: usize = url.rsplit('/').next().unwrap().parse().unwrap();
            sleep(Duration::from_secs(secs(i))).await;
            flights.now.fetch_sub(1, Ordering::SeqCst);
            flights.done.fetch_add(1, Ordering::SeqCst);
            format!("page of {url}")
        })
    }
}

fn urls(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("/page/{i}")).collect()
}

/// The virtual time `n` fetches take when each starts as soon as one of
/// `limit` permits is free, in the order of the URLs: a permit's next fetch
/// starts when its previous one ends.
fn expected_secs(n: usize, limit: usize) -> u64 {
    let mut free_at = vec![0; limit.min(n)];
    for i in 0..n {
        let earliest = free_at.iter_mut().min().unwrap();
        *earliest += secs(i);
    }
    free_at.into_iter().max().unwrap_or(0)
}

/// Runs `fetch_limited` on `n` URLs and checks the most in flight, the
/// results and the virtual time taken.
async fn check(n: usize, limit: usize) {
    let flights = Arc::new(Flights::default());
    let urls = urls(n);
    let url_refs: Vec<&str> = urls.iter().map(String::as_str).collect();
    let start = Instant::now();
    let pages = fetch_limited(&url_refs, limit, fake_fetch(&flights)).await;
    let elapsed = start.elapsed();

    let most = flights.most.load(Ordering::SeqCst);
    let expected_most = limit.min(n);
    assert!(
        most <= expected_most,
        "{most} fetches were in flight at the same time, with a limit of {limit}: is each permit held until its fetch is done?"
    );
    assert!(
        most == expected_most,
        "the most fetches in flight at once was {most}, with a limit of {limit} and {n} URLs: {expected_most} must run at the same time"
    );
    assert_eq!(
        flights.done.load(Ordering::SeqCst),
        n,
        "every fetch must run to the end, once"
    );
    let expected: Vec<String> = urls.iter().map(|url| format!("page of {url}")).collect();
    assert_eq!(
        pages, expected,
        "the pages must come back in the order of the URLs"
    );
    let expected_secs = expected_secs(n, limit);
    assert_eq!(
        elapsed,
        Duration::from_secs(expected_secs),
        "{n} fetches, {limit} at a time, each starting as soon as a permit is free, take {expected_secs} s of virtual time"
    );
}

#[tokio::test(start_paused = true)]
async fn a_limit_of_one_runs_the_fetches_one_at_a_time() {
    check(3, 1).await;
}

#[tokio::test(start_paused = true)]
async fn at_most_limit_fetches_are_in_flight_and_never_fewer() {
    check(10, 3).await;
}

#[tokio::test(start_paused = true)]
async fn a_limit_above_the_number_of_urls_runs_all_at_once() {
    check(4, 8).await;
}

#[tokio::test(start_paused = true)]
async fn no_urls_give_no_pages() {
    check(0, 2).await;
}
