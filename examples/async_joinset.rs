//! `JoinSet` owns a group of tasks and hands back each result as it finishes, like
//! asyncio's TaskGroup with `as_completed`; dropping the set aborts what is left.

// ANCHOR: main
use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::sleep;

async fn download(name: &'static str, secs: u64) -> String {
    sleep(Duration::from_secs(secs)).await;
    format!("{name} ({secs} s)")
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let mut set = JoinSet::new();
    set.spawn(download("big.iso", 3));
    set.spawn(download("small.txt", 1));
    set.spawn(download("medium.png", 2));
    println!("{} tasks running", set.len());

    // `join_next` gives results in the order the tasks finish.
    while let Some(result) = set.join_next().await {
        println!("finished: {}", result.unwrap());
    }

    // A JoinSet aborts its remaining tasks when it is dropped.
    let mut set = JoinSet::new();
    set.spawn(download("first", 1));
    set.spawn(download("never", 60));
    let first = set.join_next().await.unwrap().unwrap();
    println!(
        "kept {first}, dropping the set with {} task left",
        set.len()
    );
    drop(set);
    println!("done: the 60 s download was aborted, not waited for");
}
// ANCHOR_END: main
