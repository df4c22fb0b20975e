//! Time and peak memory of one analysis on pathological stories, at 1 MB and 10 MB: the shapes
//! that once made passes quadratic. Each case runs in a child process of its own, so its peak
//! resident memory (VmHWM) is its own, and is stopped after a budget instead of hanging.
//!
//! `cargo bench --bench pathological` (all cases), or with a filter:
//! `cargo bench --bench pathological -- names`. Prints one line per case: wall-clock and CPU
//! seconds of the analysis, throughput per CPU second, peak memory and the number of findings.

mod shapes;

use copydesk_core::{Config, Engine, SourceFormat};
use shapes::shapes;
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long one case may run before it is reported as too slow.
const BUDGET: Duration = Duration::from_secs(120);

/// Time this thread has spent on a CPU, from `/proc/thread-self/schedstat` (nanoseconds): on a
/// machine shared with builds, wall-clock time says more about the neighbours than the engine.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos as f64 / 1e9)
}

fn peak_resident_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// In the child: build the story, analyse it once, print `seconds findings peak_kib`. The
/// allocator is set up as the `copydesk` binary sets it up, so the peak is the one users see.
fn run_case(shape: &str, size: usize) {
    copydesk::process_memory::return_large_blocks_to_the_system();
    let (_, make) = shapes()
        .into_iter()
        .find(|(name, _)| *name == shape)
        .expect("known shape");
    let mut story = make(size);
    let mut cut = size.min(story.len());
    while !story.is_char_boundary(cut) {
        cut -= 1;
    }
    story.truncate(cut);
    let engine = Engine::new(Config::default());
    let start = Instant::now();
    let cpu_start = cpu_seconds();
    let findings = engine.analyze(&story, SourceFormat::Markdown);
    let seconds = start.elapsed().as_secs_f64();
    let cpu = match (cpu_start, cpu_seconds()) {
        (Some(a), Some(b)) => b - a,
        _ => f64::NAN,
    };
    println!(
        "{seconds:.3} {cpu:.3} {} {}",
        findings.len(),
        peak_resident_kib().unwrap_or(0)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let (Some(shape), Some(size)) = (
        std::env::var("PATHOLOGICAL_SHAPE").ok(),
        std::env::var("PATHOLOGICAL_SIZE").ok(),
    ) {
        run_case(&shape, size.parse().expect("size in bytes"));
        return;
    }
    let filter: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let exe = std::env::current_exe().expect("own path");
    println!(
        "{:<20} {:>6} {:>9} {:>9} {:>9} {:>10} {:>8}",
        "shape", "size", "seconds", "cpu s", "MB/s cpu", "peak MiB", "findings"
    );
    for (shape, _) in shapes() {
        if !filter.is_empty() && !filter.iter().any(|f| shape.contains(f.as_str())) {
            continue;
        }
        for mb in [1usize, 10] {
            let size = mb * 1_000_000;
            let mut child = Command::new(&exe)
                .env("PATHOLOGICAL_SHAPE", shape)
                .env("PATHOLOGICAL_SIZE", size.to_string())
                .stdout(Stdio::piped())
                .spawn()
                .expect("spawn a case");
            let started = Instant::now();
            let status = loop {
                if let Some(status) = child.try_wait().expect("wait") {
                    break Some(status);
                }
                if started.elapsed() > BUDGET {
                    let _ = child.kill();
                    let _ = child.wait();
                    break None;
                }
                std::thread::sleep(Duration::from_millis(20));
            };
            let mut out = String::new();
            if let Some(mut stdout) = child.stdout.take() {
                let _ = stdout.read_to_string(&mut out);
            }
            let fields: Vec<&str> = out.split_whitespace().collect();
            match (status, fields.as_slice()) {
                (Some(s), [seconds, cpu, findings, kib]) if s.success() => {
                    let seconds: f64 = seconds.parse().unwrap_or(f64::NAN);
                    let cpu: f64 = cpu.parse().unwrap_or(f64::NAN);
                    let mib = kib.parse::<f64>().unwrap_or(0.0) / 1024.0;
                    println!(
                        "{shape:<20} {:>4}MB {seconds:>9.3} {cpu:>9.3} {:>9.1} {mib:>10.1} {findings:>8}",
                        mb,
                        mb as f64 / cpu
                    );
                }
                (None, _) => println!(
                    "{shape:<20} {mb:>4}MB  stopped after {} s",
                    BUDGET.as_secs()
                ),
                _ => println!("{shape:<20} {mb:>4}MB  failed: {status:?}"),
            }
        }
    }
}
