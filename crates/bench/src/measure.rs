//! The Rust half of the benchmark. Every group runs its variants interleaved
//! (stats::interleave): a warm-up round first, then A B A B …; pools and
//! runtimes are built before the timed part.

use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::Duration;

use crate::csv::Row;
use crate::stats::{Variant, interleave, summary, timed};

/// How big each benchmark is: the full run, or the smoke test's few seconds.
#[derive(Clone, Copy)]
pub struct Scale {
    pub reps: usize,
    pub smoke: bool,
}

impl Scale {
    fn pick(&self, full: u64, smoke: u64) -> u64 {
        if self.smoke { smoke } else { full }
    }
}

/// The CPU-bound work of the `cpu` group, the same loop as bench.py's
/// `spin`: `n` rounds of a xorshift generator.
pub fn spin(n: u64, seed: u64) -> u64 {
    let mut x = seed | 1;
    for _ in 0..n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
    }
    x
}

fn rows(group: &str, unit: &str, size: u64, variants: &mut [Variant<'_>], reps: usize) -> Vec<Row> {
    let samples = interleave(variants, reps);
    variants
        .iter()
        .zip(samples)
        .map(|(variant, mut samples)| {
            let (median, p25, p75) = summary(&mut samples);
            Row {
                group: group.into(),
                variant: variant.name.clone(),
                language: "Rust".into(),
                threads: variant.threads,
                size,
                unit: unit.into(),
                median,
                p25,
                p75,
                runs: reps,
            }
        })
        .collect()
}

/// 1, 2, …, up to the cores measured (never more).
pub fn thread_counts(cores: usize) -> Vec<usize> {
    let mut counts = vec![1, 2, cores];
    counts.retain(|&t| t <= cores);
    counts.sort();
    counts.dedup();
    counts
}

/// CPU-bound work split over 1, 2 and every core: std threads and rayon.
/// The unit is nanoseconds per iteration of the whole job (wall time).
pub fn cpu(scale: Scale, cores: usize) -> Vec<Row> {
    let total = scale.pick(100_000_000, 4_000_000);
    let mut variants = Vec::new();
    for threads in thread_counts(cores) {
        let each = total / threads as u64;
        variants.push(Variant {
            name: "Rust threads".into(),
            threads,
            run: Box::new(move || {
                let (took, sum) = timed(|| {
                    thread::scope(|s| {
                        let handles: Vec<_> = (0..threads)
                            .map(|i| s.spawn(move || spin(black_box(each), i as u64)))
                            .collect();
                        handles
                            .into_iter()
                            .map(|h| h.join().unwrap())
                            .fold(0, u64::wrapping_add)
                    })
                });
                black_box(sum);
                (took, total as f64)
            }),
        });
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        variants.push(Variant {
            name: "rayon".into(),
            threads,
            run: Box::new(move || {
                use rayon::prelude::*;
                let (took, sum) = timed(|| {
                    pool.install(|| {
                        (0..threads)
                            .into_par_iter()
                            .map(|i| spin(black_box(each), i as u64))
                            .reduce(|| 0, u64::wrapping_add)
                    })
                });
                black_box(sum);
                (took, total as f64)
            }),
        });
    }
    rows("cpu", "ns/iteration", total, &mut variants, scale.reps)
}

/// One producer thread sends `n` numbers to the consumer (the timing thread).
pub fn channels(scale: Scale) -> Vec<Row> {
    let n = scale.pick(1_000_000, 20_000);
    let mut variants = vec![
        Variant {
            name: "std mpsc".into(),
            threads: 2,
            run: Box::new(move || {
                let (took, sum) = timed(|| {
                    let (tx, rx) = mpsc::channel();
                    let producer = thread::spawn(move || (0..n).for_each(|i| tx.send(i).unwrap()));
                    let sum: u64 = rx.iter().sum();
                    producer.join().unwrap();
                    sum
                });
                assert_eq!(sum, n * (n - 1) / 2);
                (took, n as f64)
            }),
        },
        Variant {
            name: "crossbeam".into(),
            threads: 2,
            run: Box::new(move || {
                let (took, sum) = timed(|| {
                    let (tx, rx) = crossbeam::channel::unbounded();
                    let producer = thread::spawn(move || (0..n).for_each(|i| tx.send(i).unwrap()));
                    let sum: u64 = rx.iter().sum();
                    producer.join().unwrap();
                    sum
                });
                assert_eq!(sum, n * (n - 1) / 2);
                (took, n as f64)
            }),
        },
    ];
    rows("channel", "ns/message", n, &mut variants, scale.reps)
}

/// Start a thread or task that does nothing, and wait for it; `n` times.
pub fn spawn(scale: Scale) -> Vec<Row> {
    let threads_n = scale.pick(2_000, 100);
    let tasks_n = scale.pick(100_000, 2_000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut variants = vec![
        Variant {
            name: "thread::spawn".into(),
            threads: 1,
            run: Box::new(move || {
                let (took, ()) = timed(|| {
                    for _ in 0..threads_n {
                        thread::spawn(|| black_box(())).join().unwrap();
                    }
                });
                (took, threads_n as f64)
            }),
        },
        Variant {
            name: "tokio::spawn".into(),
            threads: 1,
            run: Box::new(move || {
                runtime.block_on(async {
                    let (took, ()) = timed_async(async {
                        for _ in 0..tasks_n {
                            tokio::spawn(async { black_box(()) }).await.unwrap();
                        }
                    })
                    .await;
                    (took, tasks_n as f64)
                })
            }),
        },
    ];
    rows("spawn", "ns/spawn+join", 0, &mut variants, scale.reps)
        .into_iter()
        .map(|mut row| {
            row.size = if row.variant == "thread::spawn" {
                threads_n
            } else {
                tasks_n
            };
            row
        })
        .collect()
}

async fn timed_async<T>(f: impl Future<Output = T>) -> (Duration, T) {
    let start = std::time::Instant::now();
    let value = f.await;
    (start.elapsed(), value)
}

/// `threads` threads each add 1 to one shared counter `n` times.
pub fn counter(scale: Scale, threads: usize) -> Vec<Row> {
    let n = scale.pick(1_000_000, 20_000);
    let total = n * threads as u64;
    let mut variants = vec![
        Variant {
            name: "Mutex".into(),
            threads,
            run: Box::new(move || {
                let counter = Arc::new(Mutex::new(0_u64));
                let (took, ()) = timed(|| {
                    thread::scope(|s| {
                        for _ in 0..threads {
                            s.spawn(|| (0..n).for_each(|_| *counter.lock().unwrap() += 1));
                        }
                    })
                });
                assert_eq!(*counter.lock().unwrap(), total);
                (took, total as f64)
            }),
        },
        Variant {
            name: "AtomicU64".into(),
            threads,
            run: Box::new(move || {
                let counter = AtomicU64::new(0);
                let (took, ()) = timed(|| {
                    thread::scope(|s| {
                        for _ in 0..threads {
                            s.spawn(|| {
                                (0..n).for_each(|_| {
                                    counter.fetch_add(1, Ordering::Relaxed);
                                })
                            });
                        }
                    })
                });
                assert_eq!(counter.load(Ordering::Relaxed), total);
                (took, total as f64)
            }),
        },
    ];
    rows("counter", "ns/increment", total, &mut variants, scale.reps)
}

/// Loopback echo on 127.0.0.1: `clients` connections, each sending
/// `trips` 64-byte messages and waiting for each echo. The unit is
/// nanoseconds per round trip of the whole run, which the pages turn into
/// requests per second.
pub fn echo(scale: Scale) -> Vec<Row> {
    let clients = scale.pick(50, 4) as usize;
    let trips = scale.pick(400, 20) as usize;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let threads = runtime.metrics().num_workers();
    let mut variants = vec![Variant {
        name: "tokio".into(),
        threads,
        run: Box::new(move || runtime.block_on(echo_run(clients, trips))),
    }];
    rows(
        "echo",
        "ns/round trip",
        (clients * trips) as u64,
        &mut variants,
        scale.reps,
    )
}

async fn echo_run(clients: usize, trips: usize) -> (Duration, f64) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::{TcpListener, TcpStream};
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
    let (took, ()) = timed_async(async {
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
    })
    .await;
    server.await.unwrap();
    (took, (clients * trips) as f64)
}

/// rayon against a sequential loop on inputs from 10 to 1 000 000 numbers:
/// the sum of squares. The unit is nanoseconds per call.
pub fn sizes(scale: Scale) -> Vec<Row> {
    use rayon::prelude::*;
    let sizes: &[u64] = if scale.smoke {
        &[10, 100_000]
    } else {
        &[10, 100, 1_000, 10_000, 100_000, 1_000_000]
    };
    // Start rayon's global pool before any timing.
    rayon::broadcast(|_| ());
    let mut all = Vec::new();
    for &size in sizes {
        let data: Vec<u64> = (0..size).collect();
        // Enough calls per sample that even the smallest is measurable.
        let calls = (scale.pick(2_000_000, 100_000) / size).max(1);
        let data = &data;
        let mut variants = vec![
            Variant {
                name: "sequential".into(),
                threads: 1,
                run: Box::new(move || {
                    let (took, ()) = timed(|| {
                        for _ in 0..calls {
                            black_box(black_box(data).iter().map(|x| x * x).sum::<u64>());
                        }
                    });
                    (took, calls as f64)
                }),
            },
            Variant {
                name: "rayon par_iter".into(),
                threads: rayon::current_num_threads(),
                run: Box::new(move || {
                    let (took, ()) = timed(|| {
                        for _ in 0..calls {
                            black_box(black_box(data).par_iter().map(|x| x * x).sum::<u64>());
                        }
                    });
                    (took, calls as f64)
                }),
            },
        ];
        all.extend(rows("sizes", "ns/call", size, &mut variants, scale.reps));
    }
    all
}

/// Starting a pool of one thread per core, running one empty job on each
/// thread, and stopping it: what a program pays for a pool it uses once.
pub fn startup(scale: Scale, cores: usize) -> Vec<Row> {
    let n = scale.pick(20, 3);
    let mut variants = vec![Variant {
        name: "rayon ThreadPool".into(),
        threads: cores,
        run: Box::new(move || {
            let (took, ()) = timed(|| {
                for _ in 0..n {
                    let pool = rayon::ThreadPoolBuilder::new()
                        .num_threads(cores)
                        .build()
                        .unwrap();
                    pool.broadcast(|_| black_box(()));
                    drop(pool);
                }
            });
            (took, n as f64)
        }),
    }];
    rows("startup", "ns/pool", n, &mut variants, scale.reps)
}
