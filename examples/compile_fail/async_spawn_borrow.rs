// `tokio::spawn` needs a `'static` future: a task may outlive the function that
// spawned it, so it cannot borrow that function's locals.
// expect-error: E0373
async fn count_words(text: &str) -> usize {
    text.split_whitespace().count()
}

#[tokio::main]
async fn main() {
    let text = String::from("futures do nothing until polled");
    let handle = tokio::spawn(async { count_words(&text).await });
    println!("{} words", handle.await.unwrap());
}
