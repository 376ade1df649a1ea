//! An async TCP echo server on 127.0.0.1 (port 0: any free port) and its clients in
//! one program: the server serves exactly three connections, each in its own task, then stops.

// ANCHOR: main
use std::io;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::timeout;

const CONNECTIONS: usize = 3;
/// No connection may take longer: a bug fails the program instead of hanging it.
const LIMIT: Duration = Duration::from_secs(5);

/// Reads one line and sends it back.
async fn echo(stream: TcpStream) -> io::Result<()> {
    let (reader, mut writer) = stream.into_split();
    let mut line = String::new();
    BufReader::new(reader).read_line(&mut line).await?;
    writer.write_all(format!("echo: {line}").as_bytes()).await
}

/// Accepts `connections` clients, each served by its own task, then returns.
async fn serve(listener: TcpListener, connections: usize) -> io::Result<()> {
    let mut handlers = Vec::new();
    for _ in 0..connections {
        let (stream, _peer) = listener.accept().await?;
        handlers.push(tokio::spawn(echo(stream)));
    }
    for handler in handlers {
        handler.await??;
    }
    Ok(())
}

async fn ask(server: std::net::SocketAddr, message: &str) -> io::Result<String> {
    let stream = TcpStream::connect(server).await?;
    let (reader, mut writer) = stream.into_split();
    writer.write_all(format!("{message}\n").as_bytes()).await?;
    let mut reply = String::new();
    BufReader::new(reader).read_line(&mut reply).await?;
    Ok(reply.trim_end().to_string())
}

#[tokio::main]
async fn main() -> io::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    println!("server listening on {address}");
    let server = tokio::spawn(serve(listener, CONNECTIONS));

    // Three clients at once, in this one program; `try_join!` keeps their order.
    let replies = timeout(LIMIT, async {
        tokio::try_join!(
            ask(address, "hello"),
            ask(address, "from"),
            ask(address, "three clients"),
        )
    })
    .await??;
    println!("received \"{}\"", replies.0);
    println!("received \"{}\"", replies.1);
    println!("received \"{}\"", replies.2);

    // The server returns by itself after its three connections. The three `?`:
    // it took too long; its task panicked; it failed with an io::Error.
    timeout(LIMIT, server).await???;
    println!("server stopped after {CONNECTIONS} connections");
    Ok(())
}
// ANCHOR_END: main
