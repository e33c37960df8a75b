//! What metering costs at run time: each kernel of `bench/kernels` unmetered and instrumented,
//! on the same wasmtime engine, interleaved round by round so that machine noise hits both
//! alike. Prints, per kernel, the median time of each and their ratio.
//!
//! ```sh
//! cargo build --release --target wasm32-unknown-unknown --manifest-path bench/kernels/Cargo.toml
//! cargo run --release -p baals-bench --bin metering -- [ROUNDS]
//! ```

use std::time::Duration;

use baals_bench::{median, timed};
use baals_instrument::{GAS_GLOBAL, STACK_GLOBAL, instrument};
use baals_policy::Policy;
use wasmtime::{Engine, Instance, Module, Store, Val};

const KERNELS: &str =
    "bench/kernels/target/wasm32-unknown-unknown/release/baals_bench_kernels.wasm";

/// Each kernel with an argument that makes it run about 0.1 s unmetered here.
const WORK: [(&str, u32); 6] = [
    ("sha256", 1500),
    ("fib", 30),
    ("sort", 120),
    ("interp", 30_000_000),
    ("bigint", 6000),
    ("memmove", 6000),
];

fn main() -> wasmtime::Result<()> {
    let rounds: usize = std::env::args().nth(1).map_or(Ok(9), |r| r.parse())?;
    let wasm = std::fs::read(KERNELS)
        .map_err(|e| wasmtime::format_err!("{KERNELS}: {e} (build the kernels first)"))?;
    // The kernels export functions with parameters and rustc's globals: the permissive policy
    // takes those exports; its prices are the default policy's.
    let policy = Policy::permissive();
    let instrumented = instrument(&wasm, &policy)?;
    let engine = Engine::default();
    let plain = Module::new(&engine, &wasm)?;
    let metered = Module::new(&engine, &instrumented.wasm)?;
    println!(
        "module: {} -> {} bytes ({:+.1}%)",
        wasm.len(),
        instrumented.wasm.len(),
        instrumented.report.size_overhead() * 100.0
    );
    println!(
        "{:<10} {:>12} {:>12} {:>8} {:>16}",
        "kernel", "unmetered", "metered", "ratio", "gas"
    );
    let mut ratios = Vec::new();
    for (kernel, argument) in WORK {
        let mut plain_times = Vec::new();
        let mut metered_times = Vec::new();
        let mut gas = 0;
        for _ in 0..rounds {
            let (time, expected) = run(&engine, &plain, kernel, argument, None)?;
            plain_times.push(time);
            let (time, result) = run(
                &engine,
                &metered,
                kernel,
                argument,
                Some(policy.stack().max_height),
            )?;
            metered_times.push(time);
            assert_eq!(
                expected.0, result.0,
                "{kernel}: metering changed the result"
            );
            gas = result.1;
        }
        let (p, m) = (median(&mut plain_times), median(&mut metered_times));
        let ratio = m.as_secs_f64() / p.as_secs_f64();
        ratios.push(ratio);
        println!(
            "{kernel:<10} {:>10.1}ms {:>10.1}ms {ratio:>7.3}x {gas:>16}",
            ms(p),
            ms(m)
        );
    }
    let geomean = ratios.iter().map(|r| r.ln()).sum::<f64>() / ratios.len() as f64;
    println!(
        "geometric mean ratio: {:.3}x over {rounds} rounds",
        geomean.exp()
    );
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Instantiates, sets the counters when metered, and times one call: (time, (result, gas used)).
fn run(
    engine: &Engine,
    module: &Module,
    kernel: &str,
    argument: u32,
    stack: Option<u64>,
) -> wasmtime::Result<(Duration, (i32, i64))> {
    const GAS: i64 = 1 << 62;
    let mut store = Store::new(engine, ());
    let instance = Instance::new(&mut store, module, &[])?;
    if let Some(stack) = stack {
        instance
            .get_global(&mut store, GAS_GLOBAL)
            .expect("gas global")
            .set(&mut store, Val::I64(GAS))?;
        let stack = Val::I32(stack as i32);
        instance
            .get_global(&mut store, STACK_GLOBAL)
            .expect("stack global")
            .set(&mut store, stack)?;
    }
    let function = instance.get_typed_func::<i32, i32>(&mut store, kernel)?;
    let (time, result) = timed(|| function.call(&mut store, argument as i32));
    let result = result?;
    let gas = match (stack, instance.get_global(&mut store, GAS_GLOBAL)) {
        (Some(_), Some(global)) => GAS - global.get(&mut store).unwrap_i64(),
        _ => 0,
    };
    Ok((time, (result, gas)))
}
