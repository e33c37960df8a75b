//! What instrumentation costs at compile time: wasmtime's `Module::new` on each CosmWasm
//! contract of the corpus, original and instrumented (permissive policy), interleaved.
//!
//! ```sh
//! cargo run --release -p baals-bench --bin compile -- [ROUNDS]
//! ```

use std::path::PathBuf;

use baals_bench::{median, timed};
use baals_instrument::instrument;
use baals_policy::Policy;
use wasmtime::{Engine, Module};

fn main() -> wasmtime::Result<()> {
    let rounds: usize = std::env::args().nth(1).map_or(Ok(5), |r| r.parse())?;
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/cosmwasm");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir)?.map(|entry| entry.map(|e| e.path())).collect::<Result<_, _>>()?;
    files.retain(|p| p.extension().is_some_and(|e| e == "wasm") && !p.ends_with("corrupted.wasm"));
    files.sort();
    // The engine's wasmtime is built without parallel compilation: one thread, as deployed.
    let engine = Engine::default();
    let policy = Policy::permissive();
    println!("{:<22} {:>11} {:>13} {:>7}", "contract", "original", "instrumented", "ratio");
    let mut ratios = Vec::new();
    for path in files {
        let wasm = std::fs::read(&path)?;
        let metered = instrument(&wasm, &policy)?.wasm;
        let (mut plain, mut instrumented) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            let (time, module) = timed(|| Module::new(&engine, &wasm));
            module?;
            plain.push(time);
            let (time, module) = timed(|| Module::new(&engine, &metered));
            module?;
            instrumented.push(time);
        }
        let (p, i) = (median(&mut plain).as_secs_f64(), median(&mut instrumented).as_secs_f64());
        ratios.push(i / p);
        let name = path.file_name().expect("a file").to_string_lossy().into_owned();
        println!("{name:<22} {:>9.1}ms {:>11.1}ms {:>6.2}x", p * 1e3, i * 1e3, i / p);
    }
    let geomean = (ratios.iter().map(|r| r.ln()).sum::<f64>() / ratios.len() as f64).exp();
    println!("geometric mean: {geomean:.2}x over {rounds} rounds");
    Ok(())
}
