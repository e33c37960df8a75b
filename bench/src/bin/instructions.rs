//! Metering overhead in instructions executed, counted by callgrind: a figure that barely
//! moves with the machine's load (repeated runs agree to within 0.005), beside the wall-clock
//! ratios of `baals-bench`, which on a shared machine move by 10-20% between runs.
//!
//! ```sh
//! cargo run --release -p baals-bench -- --kernels fib   # builds the kernels module once
//! cargo run --release -p baals-bench --bin instructions
//! ```
//!
//! For each kernel and each way of metering it (none, ours, wasmtime fuel, wasmtime epochs)
//! this runs the kernel under `valgrind --tool=callgrind` at two sizes of work and takes the
//! difference of the instruction totals, which leaves out compiling and instantiating. The
//! ratios are to the unmetered module. Instructions are not time: a store off the critical
//! path is an instruction that costs next to nothing on an out-of-order core
//! (`docs/instrumentation.md` compares the two).

use std::path::PathBuf;
use std::process::Command;

use baals_bench::{KERNELS, geomean};
use baals_instrument::{GAS_GLOBAL, STACK_GLOBAL, instrument};
use baals_policy::Policy;
use wasmtime::{Config, Engine, Instance, Module, Store, Val};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

const MODES: [&str; 4] = ["none", "ours", "fuel", "epoch"];

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if let [_, one, mode, kernel, work] = &args[..]
        && one == "--one"
    {
        return run_one(mode, kernel, work.parse()?);
    }
    let me = std::env::current_exe()?;
    let mut jobs = Vec::new();
    for (kernel, _, quick) in KERNELS {
        let (small, large) = (smaller(kernel, quick) as i32, quick as i32);
        for mode in MODES {
            jobs.push((kernel, mode, small));
            jobs.push((kernel, mode, large));
        }
    }
    // Two jobs at a time: callgrind runs each on one core.
    let counts: Vec<u64> = std::thread::scope(|scope| {
        let halves: Vec<_> = jobs
            .chunks(jobs.len().div_ceil(2))
            .map(|half| scope.spawn(|| half.iter().map(|job| count(&me, *job)).collect::<Result<Vec<_>>>()))
            .collect();
        let mut counts = Vec::new();
        for half in halves {
            counts.extend(half.join().map_err(|_| "a callgrind job panicked")??);
        }
        Ok::<_, Box<dyn std::error::Error + Send + Sync>>(counts)
    })?;
    let mut columns: [Vec<f64>; 3] = Default::default();
    for (index, (kernel, _, _)) in KERNELS.iter().enumerate() {
        let work = |mode: usize| {
            let at = (index * MODES.len() + mode) * 2;
            counts[at + 1].saturating_sub(counts[at]) as f64
        };
        let none = work(0);
        let ratios = [work(1) / none, work(2) / none, work(3) / none];
        for (column, ratio) in columns.iter_mut().zip(ratios) {
            column.push(ratio);
        }
        println!(
            "instructions {kernel} none={:.1}M ours={:.3} fuel={:.3} epoch={:.3}",
            none / 1e6,
            ratios[0],
            ratios[1],
            ratios[2]
        );
    }
    let [ours, fuel, epoch] = columns.map(|c| geomean(&c));
    println!("instructions geomean ours={ours:.3} fuel={fuel:.3} epoch={epoch:.3}");
    Ok(())
}

/// A tenth of the work of `quick` (the wall-clock bench's `--quick` size, which takes a
/// second or so under callgrind): fib's work grows elevenfold every five levels.
fn smaller(kernel: &str, quick: u32) -> u32 {
    if kernel == "fib" { quick - 5 } else { quick / 10 }
}

/// The instructions callgrind counts for one run of this binary with `--one`.
fn count(me: &PathBuf, (kernel, mode, work): (&str, &str, i32)) -> Result<u64> {
    let output = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(me)
        .args(["--one", mode, kernel, &work.to_string()])
        .output()
        .map_err(|e| format!("running valgrind (Debian's package valgrind): {e}"))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!("{mode} {kernel} {work} under callgrind failed: {}\n{stderr}", output.status).into());
    }
    let refs = stderr
        .lines()
        .find_map(|line| line.split_once("I   refs:").map(|(_, count)| count.trim().replace(',', "")))
        .ok_or_else(|| format!("no instruction count in callgrind's output:\n{stderr}"))?;
    Ok(refs.parse()?)
}

/// Compiles the kernels module metered as `mode` on one thread (rayon's idle spinning would
/// make the count vary) and runs `kernel(work)` once.
fn run_one(mode: &str, kernel: &str, work: i32) -> Result<()> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("kernels/target/wasm32-unknown-unknown/release/baals_bench_kernels.wasm");
    let wasm = std::fs::read(&path).map_err(|e| {
        format!("{}: {e} (`cargo run --release -p baals-bench -- --kernels fib` builds it)", path.display())
    })?;
    let mut config = Config::new();
    config.parallel_compilation(false);
    let wasm = match mode {
        "ours" => instrument(&wasm, &Policy::permissive())?.wasm,
        "fuel" => {
            config.consume_fuel(true);
            wasm
        }
        "epoch" => {
            config.epoch_interruption(true);
            wasm
        }
        "none" => wasm,
        other => return Err(format!("no metering mode {other:?} (there are {})", MODES.join(", ")).into()),
    };
    let engine = Engine::new(&config)?;
    let module = Module::new(&engine, &wasm)?;
    let mut store = Store::new(&engine, ());
    match mode {
        "fuel" => store.set_fuel(1 << 62)?,
        "epoch" => store.set_epoch_deadline(1 << 40),
        _ => {}
    }
    let instance = Instance::new(&mut store, &module, &[])?;
    if mode == "ours" {
        let gas = instance.get_global(&mut store, GAS_GLOBAL).ok_or("no gas counter")?;
        gas.set(&mut store, Val::I64(1 << 62))?;
        let stack = instance.get_global(&mut store, STACK_GLOBAL).ok_or("no stack counter")?;
        stack.set(&mut store, Val::I32(Policy::permissive().stack().max_height as i32))?;
    }
    let function = instance.get_typed_func::<i32, i32>(&mut store, kernel)?;
    std::hint::black_box(function.call(&mut store, work)?);
    Ok(())
}
