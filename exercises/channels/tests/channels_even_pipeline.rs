//! Tests for `channels_even_pipeline`. `cargo grade channels_even_pipeline`
//! runs them against your `exercises/channels/channels_even_pipeline.rs`.

use exercise::{generate, keep_even, report, run_pipeline};
use exercise_support::PATIENCE;
use std::collections::HashSet;
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::thread::{self, ThreadId};

/// Odd and even, out of order, a repeat, a zero, and an odd count of numbers
/// that ends with an even one.
const MIXED: [u64; 11] = [7, 4, 4, 10, 3, 2, 8, 5, 6, 0, 12];
const MIXED_EVENS: [u64; 8] = [4, 4, 10, 2, 8, 6, 0, 12];

/// A sink that collects what it is given, and the vector it collects into.
fn collector() -> (Arc<Mutex<Vec<u64>>>, impl FnMut(u64) + Send + 'static) {
    let got = Arc::new(Mutex::new(Vec::new()));
    let sink = {
        let got = Arc::clone(&got);
        move |n| got.lock().unwrap().push(n)
    };
    (got, sink)
}

#[test]
fn generate_sends_every_number_in_order() {
    let (tx, rx) = mpsc::channel();
    generate(MIXED, tx);
    let sent: Vec<u64> = rx.iter().collect();
    assert_eq!(
        sent, MIXED,
        "generate must send every number, in the order given"
    );
}

#[test]
fn keep_even_passes_on_every_even_number_in_order() {
    let (input_tx, input_rx) = mpsc::channel();
    for n in MIXED {
        input_tx.send(n).unwrap();
    }
    drop(input_tx);
    let (output_tx, output_rx) = mpsc::channel();
    keep_even(input_rx, output_tx);
    let kept: Vec<u64> = output_rx.iter().collect();
    assert_eq!(
        kept, MIXED_EVENS,
        "keep_even must pass on every even number, in the order they came, and nothing else"
    );
}

#[test]
fn report_hands_every_number_to_the_sink_in_order() {
    let (tx, rx) = mpsc::channel();
    for n in MIXED_EVENS {
        tx.send(n).unwrap();
    }
    drop(tx);
    let mut seen = Vec::new();
    report(rx, |n| seen.push(n));
    assert_eq!(
        seen, MIXED_EVENS,
        "report must hand every number to the sink, once each, in the order they came"
    );
}

#[test]
fn run_pipeline_delivers_every_even_number_in_order_and_ends() {
    let (got, sink) = collector();
    run_pipeline(MIXED, sink);
    assert_eq!(
        *got.lock().unwrap(),
        MIXED_EVENS,
        "the pipeline must deliver every even number, in the order generated"
    );
    assert_eq!(
        Arc::strong_count(&got),
        1,
        "run_pipeline returned while a stage still held the sink: join all three threads before returning"
    );

    let (got, sink) = collector();
    run_pipeline(1..=10_000, sink);
    let expected: Vec<u64> = (2..=10_000).step_by(2).collect();
    assert!(
        *got.lock().unwrap() == expected,
        "the pipeline must deliver every even number of 1..=10_000, in order"
    );
}

/// The numbers 1..=6, recording the thread that asks for each.
struct Watched {
    next: u64,
    threads: Arc<Mutex<Vec<ThreadId>>>,
}

impl Iterator for Watched {
    type Item = u64;

    fn next(&mut self) -> Option<u64> {
        self.threads.lock().unwrap().push(thread::current().id());
        self.next += 1;
        (self.next <= 6).then_some(self.next)
    }
}

#[test]
fn run_pipeline_runs_each_stage_on_a_thread_of_its_own() {
    let caller = thread::current().id();
    let generator_threads = Arc::new(Mutex::new(Vec::new()));
    let sink_threads = Arc::new(Mutex::new(Vec::new()));
    let numbers = Watched {
        next: 0,
        threads: Arc::clone(&generator_threads),
    };
    let sink = {
        let sink_threads = Arc::clone(&sink_threads);
        move |_| sink_threads.lock().unwrap().push(thread::current().id())
    };
    run_pipeline(numbers, sink);

    let generator: HashSet<ThreadId> = generator_threads.lock().unwrap().iter().copied().collect();
    let reporter: HashSet<ThreadId> = sink_threads.lock().unwrap().iter().copied().collect();
    assert_eq!(
        reporter.len(),
        1,
        "the sink must be called for 2, 4 and 6, on one thread"
    );
    assert!(
        !generator.contains(&caller),
        "the numbers were generated on the thread that called run_pipeline: the generator needs a thread of its own"
    );
    assert!(
        !reporter.contains(&caller),
        "the sink was called on the thread that called run_pipeline: the last stage needs a thread of its own"
    );
    assert!(
        generator.is_disjoint(&reporter),
        "the first and the last stage ran on the same thread: each stage needs a thread of its own"
    );
}

/// Yields 2, then waits until the sink has received it before yielding 3 and
/// 4: only a pipeline whose stages run at the same time can get past that.
struct Gate {
    step: u32,
    delivered: Arc<(Mutex<bool>, Condvar)>,
    stuck: Arc<Mutex<bool>>,
}

impl Iterator for Gate {
    type Item = u64;

    fn next(&mut self) -> Option<u64> {
        self.step += 1;
        match self.step {
            1 => Some(2),
            2 => {
                let (lock, changed) = &*self.delivered;
                let delivered = changed
                    .wait_timeout_while(lock.lock().unwrap(), PATIENCE, |done| !*done)
                    .unwrap()
                    .0;
                if *delivered {
                    Some(3)
                } else {
                    // Give up: end the numbers here, and let the test say why.
                    *self.stuck.lock().unwrap() = true;
                    None
                }
            }
            3 => Some(4),
            _ => None,
        }
    }
}

#[test]
fn run_pipeline_stages_work_at_the_same_time() {
    let delivered = Arc::new((Mutex::new(false), Condvar::new()));
    let stuck = Arc::new(Mutex::new(false));
    let (got, mut collect) = collector();
    let numbers = Gate {
        step: 0,
        delivered: Arc::clone(&delivered),
        stuck: Arc::clone(&stuck),
    };
    let sink = move |n| {
        collect(n);
        let (lock, changed) = &*delivered;
        *lock.lock().unwrap() = true;
        changed.notify_all();
    };
    run_pipeline(numbers, sink);
    assert!(
        !*stuck.lock().unwrap(),
        "the generator waited for its first even number to reach the sink, and it never did: \
         are the stages running one after another instead of at the same time?"
    );
    assert_eq!(*got.lock().unwrap(), [2, 4]);
}
