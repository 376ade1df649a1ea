// `tokio::spawn` needs a `Send` future with a `Send` result: the result is handed
// to whoever awaits the JoinHandle, which may be on another thread. `Rc` is not `Send`.
// expect-error: E0277
use std::rc::Rc;

#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async { Rc::new(vec!["verbose", "color"]) });
    let settings = handle.await.unwrap();
    println!("{} settings", settings.len());
}
