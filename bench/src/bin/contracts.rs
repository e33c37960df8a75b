//! Metering overhead on real contracts: the calls of `baals_bench::cosmwasm::WORKLOADS`
//! (CosmWasm contracts of the shared corpus) unmetered, instrumented by baals, and on wasmtime
//! with fuel and with epochs, interleaved round by round like the kernels of `baals-bench`;
//! medians, as ratios to unmetered. `instructions -- --contracts` counts the same calls in
//! instructions.
//!
//! ```sh
//! cargo run --release -p baals-bench --bin contracts -- [ROUNDS]
//! ```

use std::time::{Duration, Instant};

use baals_bench::cosmwasm::{self, Contract, Host, WORKLOADS};
use baals_bench::{corpus, geomean, median};
use baals_instrument::{GAS_GLOBAL, STACK_GLOBAL, instrument};
use baals_policy::Policy;
use wasmtime::{Config, Engine, Instance, Module, Store, Val};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// Each timed sample makes calls for about this long, so that timer and loop are noise.
const SAMPLE: Duration = Duration::from_millis(20);

/// One way of running a contract: an instance set up for the workload, and its store.
struct Column {
    store: Store<Host>,
    contract: Contract,
}

fn main() -> Result<()> {
    let rounds: usize = std::env::args().nth(1).map_or(Ok(9), |r| r.parse())?;
    let modules = corpus(&["cosmwasm"])?;
    let plain = Engine::default();
    let fuel = Engine::new(Config::new().consume_fuel(true))?;
    let epoch = Engine::new(Config::new().epoch_interruption(true))?;
    let mut columns: [Vec<f64>; 3] = Default::default();
    for workload in WORKLOADS {
        let path = modules
            .iter()
            .find(|path| path.file_stem().is_some_and(|stem| stem == workload.contract))
            .ok_or_else(|| format!("{} is not in the corpus", workload.contract))?;
        let wasm = std::fs::read(path)?;
        let ours = instrument(&wasm, &Policy::permissive())?.wasm;
        let mut runs = [
            column(&plain, &wasm, workload, |_, _| Ok(()))?,
            column(&plain, &ours, workload, set_counters)?,
            column(&fuel, &wasm, workload, |store, _| Ok(store.set_fuel(u64::MAX)?))?,
            column(&epoch, &wasm, workload, |store, _| {
                store.set_epoch_deadline(u64::MAX);
                Ok(())
            })?,
        ];
        // Every column makes as many calls per sample: as many as take SAMPLE unmetered.
        let (once, expected) = calls(&mut runs[0], workload.call, 1)?;
        let per_sample = (SAMPLE.as_secs_f64() / once.as_secs_f64()).ceil().max(1.0) as u32;
        let mut samples: [Vec<Duration>; 4] = Default::default();
        for _ in 0..rounds {
            for (run, samples) in runs.iter_mut().zip(&mut samples) {
                let (time, result) = calls(run, workload.call, per_sample)?;
                if result != expected {
                    return Err(format!("{}: a metered call returned another result", workload.contract).into());
                }
                samples.push(time);
            }
        }
        let [none, ratios @ ..] = samples.map(|mut s| median(&mut s).as_secs_f64());
        let ratios = ratios.map(|t| t / none);
        for (column, ratio) in columns.iter_mut().zip(ratios) {
            column.push(ratio);
        }
        let [ours, fuel, epoch] = ratios;
        println!(
            "contract {}:{} none_us={:.1} ours={ours:.3} fuel={fuel:.3} epoch={epoch:.3}",
            workload.contract,
            workload.what.replace(' ', "_"),
            none * 1e6 / f64::from(per_sample)
        );
    }
    let [ours, fuel, epoch] = columns.map(|c| geomean(&c));
    println!("contract geomean ours={ours:.3} fuel={fuel:.3} epoch={epoch:.3}");
    println!("median of {rounds} rounds");
    Ok(())
}

/// A column for `workload`: `wasm` compiled on `engine`, instantiated, `arm`ed (counters,
/// fuel or epochs) and set up.
fn column(
    engine: &Engine,
    wasm: &[u8],
    workload: cosmwasm::Workload,
    arm: impl Fn(&mut Store<Host>, &Instance) -> Result<()>,
) -> Result<Column> {
    let module = Module::new(engine, wasm)?;
    let linker = cosmwasm::linker(engine, &module)?;
    let mut store = Store::new(engine, Host::default());
    let instance = linker.instantiate(&mut store, &module)?;
    arm(&mut store, &instance)?;
    let contract = Contract::new(&mut store, instance)?;
    let mut column = Column { store, contract };
    for call in workload.setup {
        calls(&mut column, *call, 1)?;
    }
    Ok(column)
}

/// Sets our counters to more than any run uses.
fn set_counters(store: &mut Store<Host>, instance: &Instance) -> Result<()> {
    let gas = instance.get_global(&mut *store, GAS_GLOBAL).ok_or("no gas counter")?;
    gas.set(&mut *store, Val::I64(1 << 62))?;
    let stack = instance.get_global(&mut *store, STACK_GLOBAL).ok_or("no stack counter")?;
    stack.set(&mut *store, Val::I32(Policy::permissive().stack().max_height as i32))?;
    Ok(())
}

/// Makes `call` `times` times and returns how long that took and the last result, which must
/// be a success.
fn calls(column: &mut Column, call: cosmwasm::Call, times: u32) -> Result<(Duration, Vec<u8>)> {
    let start = Instant::now();
    let mut result = Vec::new();
    for _ in 0..times {
        result = column.contract.call(&mut column.store, call)?;
    }
    let time = start.elapsed();
    if !result.starts_with(br#"{"ok""#) {
        return Err(format!("{call:?} failed: {}", String::from_utf8_lossy(&result)).into());
    }
    Ok((time, result))
}
