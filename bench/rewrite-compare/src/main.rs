//! walrus round trip against baals instrumentation, on the shared corpus.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use baals_policy::Policy;

fn main() {
    let rounds: usize = std::env::args().nth(1).map_or(5, |r| r.parse().expect("ROUNDS is a number"));
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let mut files = Vec::new();
    for dir in ["cosmwasm", "large"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("../shared/corpus next to the checkout") {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "wasm") && !path.ends_with("corrupted.wasm") {
                files.push(path);
            }
        }
    }
    files.sort();
    let policy = Policy::permissive();
    println!(
        "{:<22} {:>9} | {:>10} {:>9} {:>13} | {:>10} {:>9} {:>13} | {:>6}",
        "module", "KB", "walrus", "MB/s", "bodies kept", "baals", "MB/s", "bodies kept", "ratio"
    );
    let (mut walrus_total, mut baals_total, mut bytes_total) = (Duration::ZERO, Duration::ZERO, 0usize);
    for path in files {
        let wasm = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let original = bodies(&wasm);
        let (mut walrus_times, mut baals_times) = (Vec::new(), Vec::new());
        let (mut walrus_out, mut baals_out) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            let start = Instant::now();
            match walrus::Module::from_buffer(&wasm) {
                Ok(mut module) => walrus_out = module.emit_wasm(),
                Err(error) => {
                    walrus_out.clear();
                    if walrus_times.is_empty() {
                        eprintln!("{name}: walrus cannot parse it: {error}");
                    }
                }
            }
            walrus_times.push(start.elapsed());
            let start = Instant::now();
            baals_out = baals_instrument::instrument(&wasm, &policy).expect("corpus instruments").wasm;
            baals_times.push(start.elapsed());
        }
        let (w, b) = (median(&mut walrus_times), median(&mut baals_times));
        walrus_total += w;
        baals_total += b;
        bytes_total += wasm.len();
        let mb = wasm.len() as f64 / 1e6;
        println!(
            "{name:<22} {:>9.0} | {:>8.1}ms {:>9.1} {:>13} | {:>8.1}ms {:>9.1} {:>13} | {:>5.2}x",
            wasm.len() as f64 / 1024.0,
            w.as_secs_f64() * 1e3,
            mb / w.as_secs_f64(),
            kept(&original, &bodies(&walrus_out)),
            b.as_secs_f64() * 1e3,
            mb / b.as_secs_f64(),
            kept_ops(&original, &baals_out),
            w.as_secs_f64() / b.as_secs_f64(),
        );
    }
    let mb = bytes_total as f64 / 1e6;
    println!(
        "all: walrus round trip {:.1} MB/s, baals instrumentation {:.1} MB/s ({:.2}x), median of {rounds} rounds",
        mb / walrus_total.as_secs_f64(),
        mb / baals_total.as_secs_f64(),
        walrus_total.as_secs_f64() / baals_total.as_secs_f64()
    );
}

fn median(samples: &mut [Duration]) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// The bytes of each function body.
fn bodies(wasm: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        if let Ok(wasmparser::Payload::CodeSectionEntry(body)) = payload {
            out.push(body.as_bytes().to_vec());
        }
    }
    out
}

/// "kept/total": bodies of `after` byte-identical to those of `before`, in order.
fn kept(before: &[Vec<u8>], after: &[Vec<u8>]) -> String {
    if after.is_empty() {
        return "-".to_string();
    }
    let same = before.iter().zip(after).filter(|(a, b)| a == b).count();
    format!("{same}/{}", before.len())
}

/// "kept/total" for an instrumented module: bodies whose original operator bytes all appear,
/// in order, unchanged, in the instrumented body.
fn kept_ops(before: &[Vec<u8>], instrumented: &[u8]) -> String {
    let after = bodies(instrumented);
    let same = before
        .iter()
        .zip(&after)
        .filter(|(a, b)| {
            let mut rest = b.as_slice();
            operators(a).iter().all(|op| match find(rest, op) {
                Some(at) => {
                    rest = &rest[at + op.len()..];
                    true
                }
                None => false,
            })
        })
        .count();
    format!("{same}/{}", before.len())
}

/// The encoded bytes of each operator of a body.
fn operators(body: &[u8]) -> Vec<Vec<u8>> {
    let body = wasmparser::FunctionBody::new(wasmparser::BinaryReader::new(body, 0));
    let Ok(mut reader) = body.get_operators_reader() else { return Vec::new() };
    let mut out = Vec::new();
    let mut start = reader.original_position();
    while !reader.eof() {
        if reader.read().is_err() {
            break;
        }
        let end = reader.original_position();
        out.push(body.as_bytes()[start..end].to_vec());
        start = end;
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
