//! Tests for `pools_request_server`. `cargo grade pools_request_server` runs
//! them against your `exercises/pools/pools_request_server.rs`.
//!
//! Each test starts your `serve` on a thread of its own, on 127.0.0.1 port 0
//! (any free port), and talks to it as clients over real connections.

use exercise::serve;
use exercise_support::{PATIENCE, Rendezvous};
use std::collections::HashSet;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::thread;
use std::time::Duration;

/// Starts `serve` on a thread; returns the address and a receiver that gets
/// `serve`'s result when it returns.
fn start<H>(
    workers: usize,
    requests: usize,
    handle: H,
) -> (SocketAddr, mpsc::Receiver<io::Result<()>>)
where
    H: Fn(TcpStream) -> io::Result<()> + Send + Sync + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let address = listener.local_addr().expect("the listener's address");
    let (done, returned) = mpsc::channel();
    thread::spawn(move || {
        let _ = done.send(serve(listener, workers, requests, handle));
    });
    (address, returned)
}

/// A client: sends one line, returns the server's one-line reply.
fn ask(server: SocketAddr, line: &str) -> io::Result<String> {
    let stream = TcpStream::connect_timeout(&server, PATIENCE)?;
    stream.set_read_timeout(Some(PATIENCE * 2))?;
    (&stream).write_all(format!("{line}\n").as_bytes())?;
    let mut reply = String::new();
    BufReader::new(&stream).read_line(&mut reply)?;
    Ok(reply.trim_end().to_string())
}

/// Reads the request line and returns it, the connection kept open for the reply.
fn read_request(stream: &TcpStream) -> io::Result<String> {
    stream.set_read_timeout(Some(PATIENCE))?;
    let mut line = String::new();
    BufReader::new(stream).read_line(&mut line)?;
    Ok(line.trim_end().to_string())
}

fn reply(mut stream: &TcpStream, text: &str) -> io::Result<()> {
    stream.write_all(format!("{text}\n").as_bytes())
}

/// The handler of most tests: answers with the request in capitals.
fn shout(stream: TcpStream) -> io::Result<()> {
    let request = read_request(&stream)?;
    reply(&stream, &request.to_uppercase())
}

#[test]
fn it_serves_exactly_the_requests_asked_then_returns_and_stops_listening() {
    let (address, returned) = start(2, 4, shout);
    for word in ["one", "two", "three", "four"] {
        let answer = ask(address, word).unwrap_or_else(|e| panic!("request {word:?}: {e}"));
        assert_eq!(answer, word.to_uppercase(), "the reply to {word:?}");
    }
    match returned.recv_timeout(PATIENCE) {
        Ok(result) => result.expect("serve returned an error"),
        Err(_) => panic!(
            "serve did not return after its 4 requests: accept exactly `requests` connections"
        ),
    }
    assert!(
        ask(address, "five").is_err(),
        "a fifth client was still answered after serve returned: the listener must be closed"
    );
}

#[test]
fn it_answers_requests_at_the_same_time() {
    let meeting = Arc::new(Rendezvous::new(3, "requests", "being answered"));
    let handle = {
        let meeting = Arc::clone(&meeting);
        move |stream: TcpStream| {
            let request = read_request(&stream)?;
            let met = panic::catch_unwind(AssertUnwindSafe(|| meeting.meet()));
            let text = match met {
                Ok(()) => request,
                Err(payload) => payload
                    .downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_default(),
            };
            reply(&stream, &text)
        }
    };
    let (address, returned) = start(3, 3, handle);
    let clients: Vec<_> = (0..3)
        .map(|i| thread::spawn(move || ask(address, &format!("client {i}"))))
        .collect();
    for (i, client) in clients.into_iter().enumerate() {
        let answer = client
            .join()
            .unwrap()
            .unwrap_or_else(|e| panic!("client {i}: {e}"));
        assert_eq!(answer, format!("client {i}"), "{answer}");
    }
    // Whether serve returns is another test's business.
    drop(returned);
}

#[test]
fn it_returns_only_once_every_request_is_answered() {
    let gate = Arc::new((Mutex::new(false), Condvar::new()));
    let (arrive, arrivals) = mpsc::channel();
    let handle = {
        let gate = Arc::clone(&gate);
        let arrive = Mutex::new(arrive);
        move |stream: TcpStream| {
            let request = read_request(&stream)?;
            let _ = arrive.lock().unwrap().send(());
            let (open, changed) = &*gate;
            let guard = open.lock().unwrap();
            drop(
                changed
                    .wait_timeout_while(guard, PATIENCE, |open| !*open)
                    .unwrap(),
            );
            reply(&stream, &request)
        }
    };
    let (address, returned) = start(2, 2, handle);
    let clients: Vec<_> = ["left", "right"]
        .into_iter()
        .map(|word| thread::spawn(move || ask(address, word)))
        .collect();
    // Once both requests are held at the gate, serve has handed both to its
    // pool, and must still be waiting for them: a `serve` that does not wait
    // returns within moments. (Waiting for the arrivals first keeps a slow
    // start on a busy machine from eating into the 300 ms.)
    for _ in 0..2 {
        let _ = arrivals.recv_timeout(PATIENCE);
    }
    let returned_early = returned.recv_timeout(Duration::from_millis(300)).is_ok();
    {
        let (open, changed) = &*gate;
        *open.lock().unwrap() = true;
        changed.notify_all();
    }
    let answers: Vec<_> = clients.into_iter().map(|c| c.join().unwrap()).collect();
    assert!(
        !returned_early,
        "serve returned while its two requests were still being answered: wait for the pool \
         before returning"
    );
    assert_eq!(
        answers.into_iter().map(|a| a.unwrap()).collect::<Vec<_>>(),
        ["left", "right"]
    );
    match returned.recv_timeout(PATIENCE) {
        Ok(result) => result.expect("serve returned an error"),
        Err(_) => panic!("serve did not return after its 2 requests"),
    }
}

#[test]
fn it_uses_at_most_its_workers() {
    let threads = Arc::new(Mutex::new(HashSet::new()));
    let handle = {
        let threads = Arc::clone(&threads);
        move |stream: TcpStream| {
            threads.lock().unwrap().insert(thread::current().id());
            shout(stream)
        }
    };
    let (address, returned) = start(2, 8, handle);
    for i in 0..8 {
        ask(address, &format!("request {i}")).unwrap_or_else(|e| panic!("request {i}: {e}"));
    }
    // Whether serve returns is another test's business.
    drop(returned);
    let count = threads.lock().unwrap().len();
    assert!(
        count <= 2,
        "8 requests were answered on {count} different threads: a server with 2 workers must \
         reuse its 2 threads"
    );
}

#[test]
fn a_request_that_fails_does_not_stop_the_server() {
    let handle = |stream: TcpStream| {
        let request = read_request(&stream)?;
        if request == "fail" {
            return Err(io::Error::other("this request fails on purpose"));
        }
        reply(&stream, &request.to_uppercase())
    };
    let (address, returned) = start(1, 3, handle);
    assert_eq!(ask(address, "before").unwrap(), "BEFORE");
    // The failing request gets no reply: the server closes its connection.
    let _ = ask(address, "fail");
    assert_eq!(
        ask(address, "after").expect("the request after a failed one must still be answered"),
        "AFTER"
    );
    match returned.recv_timeout(PATIENCE) {
        Ok(result) => result.expect("serve must not return a request's error"),
        Err(_) => panic!("serve did not return after its 3 requests"),
    }
}
