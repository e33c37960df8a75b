//! What metering costs at run time: each kernel of `bench/kernels` unmetered, instrumented by
//! baals, and metered by wasmtime's own fuel (the engine-side alternative, for reference), all
//! interleaved round by round so that machine noise hits them alike. Prints, per kernel, the
//! median time of each and the ratios to unmetered.
//!
//! ```sh
//! cargo build --release --target wasm32-unknown-unknown --manifest-path bench/kernels/Cargo.toml
//! cargo run --release -p baals-bench --bin metering -- [ROUNDS]
//! ```

use std::time::Duration;

use baals_bench::{median, timed};
use baals_instrument::{GAS_GLOBAL, STACK_GLOBAL, instrument};
use baals_policy::Policy;
use wasmtime::{Config, Engine, Instance, Module, Store, Val};

const KERNELS: &str = "bench/kernels/target/wasm32-unknown-unknown/release/baals_bench_kernels.wasm";

/// Each kernel with an argument that makes it run about 0.1 s unmetered here.
const WORK: [(&str, u32); 6] =
    [("sha256", 1500), ("fib", 30), ("sort", 120), ("interp", 30_000_000), ("bigint", 6000), ("memmove", 6000)];

fn main() -> wasmtime::Result<()> {
    let rounds: usize = std::env::args().nth(1).map_or(Ok(9), |r| r.parse())?;
    let wasm = std::fs::read(KERNELS).map_err(|e| wasmtime::format_err!("{KERNELS}: {e} (build the kernels first)"))?;
    // The kernels export functions with parameters and rustc's globals: the permissive policy
    // takes those exports; its prices are the default policy's.
    let policy = Policy::permissive();
    let instrumented = instrument(&wasm, &policy)?;
    let engine = Engine::default();
    let plain = Module::new(&engine, &wasm)?;
    let metered = Module::new(&engine, &instrumented.wasm)?;
    let fuel_engine = Engine::new(Config::new().consume_fuel(true))?;
    let fuel = Module::new(&fuel_engine, &wasm)?;
    println!(
        "module: {} -> {} bytes ({:+.1}%)",
        wasm.len(),
        instrumented.wasm.len(),
        instrumented.report.size_overhead() * 100.0
    );
    println!(
        "{:<10} {:>11} {:>11} {:>11} {:>8} {:>8} {:>14}",
        "kernel", "unmetered", "baals", "fuel", "baals", "fuel", "gas"
    );
    let (mut baals_ratios, mut fuel_ratios) = (Vec::new(), Vec::new());
    for (kernel, argument) in WORK {
        let (mut plain_times, mut metered_times, mut fuel_times) = (Vec::new(), Vec::new(), Vec::new());
        let mut gas = 0;
        for _ in 0..rounds {
            let (time, expected) = run(&engine, &plain, kernel, argument, Meter::None)?;
            plain_times.push(time);
            let (time, result) = run(&engine, &metered, kernel, argument, Meter::Baals(policy.stack().max_height))?;
            metered_times.push(time);
            assert_eq!(expected.0, result.0, "{kernel}: metering changed the result");
            gas = result.1;
            let (time, _) = run(&fuel_engine, &fuel, kernel, argument, Meter::Fuel)?;
            fuel_times.push(time);
        }
        let p = median(&mut plain_times).as_secs_f64();
        let (m, f) = (median(&mut metered_times).as_secs_f64(), median(&mut fuel_times).as_secs_f64());
        baals_ratios.push(m / p);
        fuel_ratios.push(f / p);
        println!(
            "{kernel:<10} {:>9.1}ms {:>9.1}ms {:>9.1}ms {:>7.3}x {:>7.3}x {gas:>14}",
            p * 1e3,
            m * 1e3,
            f * 1e3,
            m / p,
            f / p
        );
    }
    println!(
        "geometric mean over {rounds} rounds: baals {:.3}x, wasmtime fuel {:.3}x",
        geomean(&baals_ratios),
        geomean(&fuel_ratios)
    );
    Ok(())
}

fn geomean(ratios: &[f64]) -> f64 {
    (ratios.iter().map(|r| r.ln()).sum::<f64>() / ratios.len() as f64).exp()
}

/// How a run is metered.
#[derive(Clone, Copy)]
enum Meter {
    None,
    /// By the instrumented module's own counters, with this stack limit.
    Baals(u64),
    /// By wasmtime's fuel.
    Fuel,
}

/// Instantiates, sets the meter, and times one call: (time, (result, gas used)).
fn run(
    engine: &Engine,
    module: &Module,
    kernel: &str,
    argument: u32,
    meter: Meter,
) -> wasmtime::Result<(Duration, (i32, i64))> {
    const GAS: i64 = 1 << 62;
    let mut store = Store::new(engine, ());
    if let Meter::Fuel = meter {
        store.set_fuel(GAS as u64)?;
    }
    let instance = Instance::new(&mut store, module, &[])?;
    if let Meter::Baals(stack) = meter {
        instance.get_global(&mut store, GAS_GLOBAL).expect("gas global").set(&mut store, Val::I64(GAS))?;
        let stack = Val::I32(stack as i32);
        instance.get_global(&mut store, STACK_GLOBAL).expect("stack global").set(&mut store, stack)?;
    }
    let function = instance.get_typed_func::<i32, i32>(&mut store, kernel)?;
    let (time, result) = timed(|| function.call(&mut store, argument as i32));
    let result = result?;
    let gas = match (meter, instance.get_global(&mut store, GAS_GLOBAL)) {
        (Meter::Baals(_), Some(global)) => GAS - global.get(&mut store).unwrap_i64(),
        _ => 0,
    };
    Ok((time, (result, gas)))
}
