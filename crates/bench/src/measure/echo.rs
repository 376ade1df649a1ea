//! Loopback echo on 127.0.0.1: `clients` connections, each sending `trips`
//! 64-byte messages and waiting for each echo. The unit is nanoseconds per
//! round trip of the whole run, which the pages turn into round trips per
//! second.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use super::{Scale, Variant};

pub fn variants(scale: Scale) -> Vec<Variant> {
    let clients = scale.pick(50, 4) as usize;
    let trips = scale.pick(400, 20) as usize;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let threads = runtime.metrics().num_workers();
    let size = (clients * trips) as u64;
    vec![Variant::new(
        "tokio",
        threads,
        size,
        "ns/round trip",
        move || {
            // The clients run as a task on the runtime's workers, like the server.
            let task = runtime.spawn(echo_run(clients, trips));
            let took = runtime.block_on(task).unwrap();
            (took, size as f64)
        },
    )]
}

async fn echo_run(clients: usize, trips: usize) -> Duration {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        for _ in 0..clients {
            let (mut socket, _) = listener.accept().await.unwrap();
            tokio::spawn(async move {
                let mut buffer = [0_u8; 64];
                while let Ok(n @ 1..) = socket.read(&mut buffer).await {
                    socket.write_all(&buffer[..n]).await.unwrap();
                }
            });
        }
    });
    // Connections are made before the clock starts.
    let mut sockets = Vec::new();
    for _ in 0..clients {
        let socket = TcpStream::connect(address).await.unwrap();
        socket.set_nodelay(true).unwrap();
        sockets.push(socket);
    }
    let took = clients_run(sockets, trips).await;
    server.await.unwrap();
    took
}

// ANCHOR: clients
/// The clock covers this call: every client, a task of its own, sends
/// `trips` messages and reads each echo; the connections already exist.
async fn clients_run(sockets: Vec<TcpStream>, trips: usize) -> Duration {
    let start = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for mut socket in sockets {
        tasks.spawn(async move {
            let message = [7_u8; 64];
            let mut reply = [0_u8; 64];
            for _ in 0..trips {
                socket.write_all(&message).await.unwrap();
                socket.read_exact(&mut reply).await.unwrap();
            }
        });
    }
    while let Some(done) = tasks.join_next().await {
        done.unwrap();
    }
    start.elapsed()
}
// ANCHOR_END: clients
