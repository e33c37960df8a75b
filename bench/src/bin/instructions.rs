//! Metering overhead in instructions executed, counted by callgrind: a figure that barely
//! moves with the machine's load (repeated runs agree to within 0.005), beside the wall-clock
//! ratios of `baals-bench`, which on a shared machine move by 10-20% between runs.
//!
//! ```sh
//! cargo run --release -p baals-bench -- --kernels fib   # builds the kernels module once
//! cargo run --release -p baals-bench --bin instructions [-- --compile]
//! ```
//!
//! For each kernel and each way of metering it (none, ours, wasmtime fuel, wasmtime epochs,
//! and ours under `[gas] trap = "limit"`, `ours_trap_limit`)
//! this runs the kernel under `valgrind --tool=callgrind` at two sizes of work and takes the
//! difference of the instruction totals, which leaves out compiling and instantiating. The
//! ratios are to the unmetered module. Instructions are not time: a store off the critical
//! path is an instruction that costs next to nothing on an out-of-order core
//! (`docs/instrumentation.md` compares the two).
//!
//! With `--contracts` it counts the calls of `baals_bench::cosmwasm::WORKLOADS` instead: real
//! CosmWasm contracts of the shared corpus, each call made 10 and 60 times on one instance
//! after its set-up, from a module compiled beforehand (outside the count).
//!
//! With `--compile` it counts `Module::new` instead, for each CosmWasm contract of the shared
//! corpus and the kernels module: the original on the plain engine, ours (instrumented first,
//! outside the count), and the original on engines with fuel and with epochs, each compiled on
//! one thread; a run that compiles nothing is subtracted, which leaves engine set-up, reading
//! the file and instrumenting out.

use std::path::PathBuf;
use std::process::Command;

use baals_bench::cosmwasm::{self, Contract, Host, WORKLOADS};
use baals_bench::{KERNELS, corpus, geomean};
use baals_instrument::instrument;
use baals_policy::Policy;
use wasmtime::{Config, Engine, Instance, Module, Store};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

const MODES: [&str; 5] = ["none", "ours", "fuel", "epoch", "ours-limit"];

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    match &args[1..] {
        [one, mode, kernel, work] if one == "--one" => run_one(mode, kernel, work.parse()?),
        [one, mode, path, times] if one == "--compile-one" => compile_one(mode, path, times.parse()?),
        [one, mode, workload, artifact, calls] if one == "--contract-one" => {
            contract_one(mode, workload.parse()?, artifact, calls.parse()?)
        }
        [one, mode, path, out] if one == "--precompile" => precompile(mode, path, out),
        [compile] if compile == "--compile" => compile_counts(),
        [contracts] if contracts == "--contracts" => contract_counts(),
        [] => run_counts(),
        _ => Err("usage: instructions [--compile | --contracts]".into()),
    }
}

/// The instructions each kernel executes, metered each way, over the unmetered count.
fn run_counts() -> Result<()> {
    let mut jobs = Vec::new();
    for (kernel, _, quick) in KERNELS {
        let (small, large) = (smaller(kernel, quick), quick);
        for mode in MODES {
            for work in [small, large] {
                jobs.push(vec!["--one".to_string(), mode.to_string(), kernel.to_string(), work.to_string()]);
            }
        }
    }
    let counts = count_all(&jobs)?;
    report("instructions", KERNELS.iter().map(|(kernel, ..)| kernel.to_string()), &counts);
    Ok(())
}

/// A tenth of the work of `quick` (the wall-clock bench's `--quick` size, which takes a
/// second or so under callgrind): fib's work grows elevenfold every five levels.
fn smaller(kernel: &str, quick: u32) -> u32 {
    if kernel == "fib" { quick - 5 } else { quick / 10 }
}

/// Prints, per item, the unmetered count and each metering mode's over it, then the geomeans.
/// `counts` holds, per item and mode in `MODES` order, a count at the smaller size of work and
/// one at the larger: the difference is the item's.
fn report(label: &str, names: impl Iterator<Item = String>, counts: &[u64]) {
    let mut columns: [Vec<f64>; 4] = Default::default();
    for (index, name) in names.enumerate() {
        let work = |mode: usize| {
            let at = (index * MODES.len() + mode) * 2;
            counts[at + 1].saturating_sub(counts[at]) as f64
        };
        let none = work(0);
        let ratios = [work(1) / none, work(2) / none, work(3) / none, work(4) / none];
        for (column, ratio) in columns.iter_mut().zip(ratios) {
            column.push(ratio);
        }
        let [ours, fuel, epoch, limit] = ratios;
        println!(
            "{label} {name} none={:.1}M ours={ours:.3} fuel={fuel:.3} epoch={epoch:.3} ours_trap_limit={limit:.3}",
            none / 1e6
        );
    }
    let [ours, fuel, epoch, limit] = columns.map(|c| geomean(&c));
    println!("{label} geomean ours={ours:.3} fuel={fuel:.3} epoch={epoch:.3} ours_trap_limit={limit:.3}");
}

/// The instructions callgrind counts for each run of this binary with `jobs`' arguments.
fn count_all(jobs: &[Vec<String>]) -> Result<Vec<u64>> {
    two_at_a_time(jobs, count)
}

/// `run` of each of `jobs`, two at a time (valgrind runs each on one core), in order.
fn two_at_a_time<T: Send>(jobs: &[Vec<String>], run: impl Fn(&[String]) -> Result<T> + Sync) -> Result<Vec<T>> {
    std::thread::scope(|scope| {
        let halves: Vec<_> = jobs
            .chunks(jobs.len().div_ceil(2).max(1))
            .map(|half| scope.spawn(|| half.iter().map(|job| run(job)).collect::<Result<Vec<_>>>()))
            .collect();
        let mut results = Vec::new();
        for half in halves {
            results.extend(half.join().map_err(|_| "a valgrind job panicked")??);
        }
        Ok(results)
    })
}

/// The instructions callgrind counts for one run of this binary with `args`.
fn count(args: &[String]) -> Result<u64> {
    let stderr = valgrind(&["--tool=callgrind", "--callgrind-out-file=/dev/null"], args)?;
    let refs = stderr
        .lines()
        .find_map(|line| line.split_once("I   refs:").map(|(_, count)| count.trim().replace(',', "")))
        .ok_or_else(|| format!("no instruction count in callgrind's output:\n{stderr}"))?;
    Ok(refs.parse()?)
}

/// Runs this binary with `args` under valgrind with `options`, and returns valgrind's report.
fn valgrind(options: &[&str], args: &[String]) -> Result<String> {
    let me = std::env::current_exe()?;
    let output = Command::new("valgrind")
        .args(options)
        .arg(me)
        .args(args)
        .output()
        .map_err(|e| format!("running valgrind (Debian's package valgrind): {e}"))?;
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if !output.status.success() {
        return Err(format!("{} under valgrind failed: {}\n{stderr}", args.join(" "), output.status).into());
    }
    Ok(stderr)
}

/// Compiles the kernels module metered as `mode` on one thread (rayon's idle spinning would
/// make the count vary) and runs `kernel(work)` once.
fn run_one(mode: &str, kernel: &str, work: i32) -> Result<()> {
    let path = kernels_path();
    let wasm = std::fs::read(&path).map_err(|e| {
        format!("{}: {e} (`cargo run --release -p baals-bench -- --kernels fib` builds it)", path.display())
    })?;
    let (config, wasm) = metered(mode, wasm)?;
    let engine = Engine::new(&config)?;
    let module = Module::new(&engine, &wasm)?;
    let mut store = Store::new(&engine, ());
    fill(mode, &mut store)?;
    let instance = Instance::new(&mut store, &module, &[])?;
    set_counters(mode, &mut store, &instance)?;
    let function = instance.get_typed_func::<i32, i32>(&mut store, kernel)?;
    std::hint::black_box(function.call(&mut store, work)?);
    Ok(())
}

/// Gives the store of an engine with fuel or epochs more than any run uses.
fn fill<T>(mode: &str, store: &mut Store<T>) -> Result<()> {
    match mode {
        "fuel" => store.set_fuel(1 << 62)?,
        "epoch" => store.set_epoch_deadline(1 << 40),
        _ => {}
    }
    Ok(())
}

/// Sets our counters of an instance of an instrumented module (`mode` "ours" or "ours-limit")
/// to more than any run uses.
fn set_counters<T>(mode: &str, store: &mut Store<T>, instance: &Instance) -> Result<()> {
    if mode.starts_with("ours") {
        baals_bench::set_counters(store, instance)?;
    }
    Ok(())
}

/// The instructions each CosmWasm workload's call executes, metered each way, over the
/// unmetered count. Each module is compiled outside the counts (compiling a contract under
/// callgrind costs some 5 G instructions, a call well under 1 M, and compilation's count is
/// not repeatable to that precision) and the counted runs load the artifact. The artifacts
/// are compiled under valgrind too (without callgrind, a few seconds each): cranelift targets
/// the CPU it sees, and valgrind's has fewer features than the host's.
fn contract_counts() -> Result<()> {
    let dir = std::env::temp_dir().join(format!("baals-contract-artifacts-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let result = count_contracts(&dir);
    std::fs::remove_dir_all(&dir)?;
    let counts = result?;
    let names = WORKLOADS.iter().map(cosmwasm::Workload::label);
    report("contract-instructions", names, &counts);
    Ok(())
}

/// The counts of `contract_counts`, with the artifacts in `dir`.
fn count_contracts(dir: &std::path::Path) -> Result<Vec<u64>> {
    let (mut compiles, mut jobs) = (Vec::new(), Vec::new());
    for (index, workload) in WORKLOADS.iter().enumerate() {
        let path = workload.module_path()?;
        for mode in MODES {
            let artifact = dir.join(format!("{index}-{mode}.cwasm")).display().to_string();
            compiles.push(vec!["--precompile".into(), mode.into(), path.display().to_string(), artifact.clone()]);
            for calls in [CONTRACT_CALLS, CONTRACT_CALLS + 50] {
                jobs.push(vec![
                    "--contract-one".into(),
                    mode.into(),
                    index.to_string(),
                    artifact.clone(),
                    calls.to_string(),
                ]);
            }
        }
    }
    two_at_a_time(&compiles, |job| valgrind(&["--tool=none"], job))?;
    count_all(&jobs)
}

/// Compiles the module at `path` metered as `mode` on one thread and writes the artifact to
/// `out`.
fn precompile(mode: &str, path: &str, out: &str) -> Result<()> {
    let (config, wasm) = metered(mode, std::fs::read(path).map_err(|e| format!("{path}: {e}"))?)?;
    std::fs::write(out, Engine::new(&config)?.precompile_module(&wasm)?)?;
    Ok(())
}

/// Calls of each workload in the smaller run; the larger makes 50 more.
const CONTRACT_CALLS: u32 = 10;

/// Loads `artifact`, workload `index`'s contract compiled metered as `mode`, sets it up on one
/// instance and makes its call `calls` times, each of which must succeed.
fn contract_one(mode: &str, index: usize, artifact: &str, calls: u32) -> Result<()> {
    let workload = WORKLOADS.get(index).ok_or("no such workload")?;
    let engine = Engine::new(&engine_config(mode)?)?;
    // SAFETY: `count_contracts` wrote the artifact just before, with an engine of the same
    // configuration; wasmtime checks its header again.
    #[allow(unsafe_code)]
    let module = unsafe { Module::deserialize_file(&engine, artifact)? };
    let linker = cosmwasm::linker(&engine, &module)?;
    let mut store = Store::new(&engine, Host::default());
    fill(mode, &mut store)?;
    let instance = linker.instantiate(&mut store, &module)?;
    set_counters(mode, &mut store, &instance)?;
    let contract = Contract::new(&mut store, instance)?;
    let setup = workload.setup.iter().copied().map(|call| (call, 1));
    for (call, times) in setup.chain([(workload.call, calls)]) {
        for _ in 0..times {
            contract.call_ok(&mut store, call)?;
        }
    }
    Ok(())
}

/// The kernels module, as `baals-bench` builds it.
fn kernels_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("kernels/target/wasm32-unknown-unknown/release/baals_bench_kernels.wasm")
}

/// The engine configuration and module for metering `wasm` as `mode`.
fn metered(mode: &str, wasm: Vec<u8>) -> Result<(Config, Vec<u8>)> {
    let config = engine_config(mode)?;
    let wasm = match mode {
        "ours" => baals_bench::runs_on(instrument(&wasm, &Policy::permissive())?.wasm)?,
        "ours-limit" => baals_bench::runs_on(instrument(&wasm, &baals_bench::permissive_trap_limit()?)?.wasm)?,
        _ => wasm,
    };
    Ok((config, wasm))
}

/// The engine configuration for metering as `mode`, compiling on one thread (rayon's idle
/// spinning would make the count vary).
fn engine_config(mode: &str) -> Result<Config> {
    let mut config = Config::new();
    config.parallel_compilation(false);
    match mode {
        "fuel" => config.consume_fuel(true),
        "epoch" => config.epoch_interruption(true),
        "none" | "ours" | "ours-limit" => &mut config,
        other => return Err(format!("no metering mode {other:?} (there are {})", MODES.join(", ")).into()),
    };
    Ok(config)
}

/// `Module::new` of each CosmWasm contract and of the kernels module, metered each way, over
/// the original's on the plain engine.
fn compile_counts() -> Result<()> {
    let mut modules = corpus(&["cosmwasm"])?;
    let kernels = kernels_path();
    if !kernels.exists() {
        return Err(format!(
            "{}: missing (`cargo run --release -p baals-bench -- --kernels fib` builds it)",
            kernels.display()
        )
        .into());
    }
    modules.push(kernels);
    let mut jobs = Vec::new();
    for path in &modules {
        for mode in MODES {
            for times in ["0", "1"] {
                jobs.push(vec![
                    "--compile-one".to_string(),
                    mode.to_string(),
                    path.display().to_string(),
                    times.into(),
                ]);
            }
        }
    }
    let counts = count_all(&jobs)?;
    let names = modules.iter().map(|path| path.file_stem().unwrap_or_default().to_string_lossy().into_owned());
    report("compile-instructions", names, &counts);
    Ok(())
}

/// Reads the module at `path`, metered as `mode` (instrumenting it for `ours` and
/// `ours-limit`), and compiles it `times` times on one thread.
fn compile_one(mode: &str, path: &str, times: u32) -> Result<()> {
    let wasm = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let (config, wasm) = metered(mode, wasm)?;
    let engine = Engine::new(&config)?;
    for _ in 0..times {
        std::hint::black_box(Module::new(&engine, &wasm)?);
    }
    Ok(())
}
