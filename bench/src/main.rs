//! The benchmark suite, side by side in one process (`docs/BENCHMARKS.md`):
//!
//! - **overhead**: each kernel of `bench/kernels` (a) unmetered, (b) instrumented by baals,
//!   (c) metered by wasmtime's fuel, (d) by wasmtime's epoch interruption, (e) instrumented by
//!   `wasm-instrument` 0.4 (its mutable-global gas and its stack limiter, on the MVP build of the
//!   kernels, the only one it can parse; its ratio is to the MVP build unmetered). All
//!   interleaved round by round, so that the machine's noise hits every column alike; medians.
//! - **instrument**: instrumentation throughput, end to end (parse, validate, rewrite, encode),
//!   of ours and of `wasm-instrument` (parse, gas, stack limiter, serialize) on the corpus.
//! - **compile**: wasmtime's `Module::new` of each instrumented module (ours, and
//!   wasm-instrument's where it parses), and of the original on engines with fuel and with
//!   epochs, relative to the original's on the plain engine, interleaved.
//! - **call**: the token transfer's warm and cold latency and calls per second in a block.
//! - **contract**: the overhead of real contracts' calls (CosmWasm contracts of the corpus,
//!   `baals_bench::cosmwasm`), ours, fuel and epochs, as for the kernels.
//!
//! ```sh
//! cargo run --release -p baals-bench -- [--quick] [--kernels NAME,NAME...]
//! ```
//!
//! `--kernels` measures only the overhead of the kernels named, and writes no report: for
//! trying a change to the instrumenter on the kernels it is meant to help.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use baals_bench::{KERNELS, geomean, median, timed};
use baals_instrument::{GAS_GLOBAL, instrument};
use baals_policy::Policy;
use baals_runtime::{
    Address, ArtifactDir, BlockContext, Call, ContractEngine, Deploy, EngineConfig, ExecutionStatus, RedbStorage,
    Storage,
};
use wasmtime::{Config, Engine, Instance, Module, Store, Val};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

const KERNELS_MANIFEST: &str = "bench/kernels/Cargo.toml";
const KERNELS_WASM: &str = "baals_bench_kernels.wasm";

/// rustc's flags for a build wasm-instrument can parse: `target-cpu=mvp` alone leaves bulk
/// memory in (the prebuilt core keeps the generic CPU's features, and LLVM gives every function
/// the union), so the features are turned off by name. rustc warns that it does not know two of
/// them and passes them to LLVM, which needs them.
const MVP_FLAGS: &str = "-C target-cpu=mvp -C target-feature=-bulk-memory,-bulk-memory-opt,-multivalue,\
                         -reference-types,-call-indirect-overlong,-nontrapping-fptoint";

/// What `--quick` changes: fewer rounds, less work per kernel, every other corpus module.
struct Mode {
    quick: bool,
    rounds: usize,
    /// The kernels `--kernels` named: only their overhead is measured.
    kernels: Option<Vec<String>>,
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|arg| arg == "--quick");
    let kernels = args
        .iter()
        .position(|arg| arg == "--kernels")
        .map(|at| args.get(at + 1).map_or_else(Vec::new, |names| names.split(',').map(str::to_string).collect()));
    if let Some(names) = &kernels
        && let Some(unknown) = names.iter().find(|name| KERNELS.iter().all(|(kernel, ..)| kernel != name))
    {
        let known: Vec<&str> = KERNELS.iter().map(|(kernel, ..)| *kernel).collect();
        return Err(format!("--kernels: no kernel {unknown:?} (there are {})", known.join(", ")).into());
    }
    let mode = Mode { quick, rounds: if quick { 3 } else { 9 }, kernels };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut report = Vec::new();
    let mut line = |text: String| {
        println!("{text}");
        report.push(text);
    };
    let kernels = build(&root, KERNELS_MANIFEST, "bench/kernels/target", "", &[], KERNELS_WASM)?;
    for text in overhead(&root, &mode, &kernels)? {
        line(text);
    }
    if mode.kernels.is_some() {
        return Ok(());
    }
    for text in throughput(&mode)? {
        line(text);
    }
    for text in compile_times(&mode, kernels)? {
        line(text);
    }
    line(calls(&root, &mode)?);
    for text in baals_bench::cosmwasm::overhead(mode.rounds).map_err(|e| e.to_string())? {
        line(text);
    }
    write_report(&root, &mode, &report)?;
    Ok(())
}

/// Builds a wasm32 crate of the repository (with extra `RUSTFLAGS` and features) and returns
/// the module.
fn build(root: &Path, manifest: &str, target_dir: &str, flags: &str, features: &[&str], file: &str) -> Result<Vec<u8>> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let mut command = Command::new(cargo);
    command.current_dir(root).args(["build", "--quiet", "--release", "--target", "wasm32-unknown-unknown"]);
    command.args(["--manifest-path", manifest, "--target-dir", target_dir]);
    for feature in features {
        command.args(["--features", feature]);
    }
    // This process's own flags are for the host; the kernels get only theirs.
    command.env("RUSTFLAGS", flags).env_remove("CARGO_ENCODED_RUSTFLAGS");
    // rustc's warnings about the MVP flags would repeat on every run: shown only on failure.
    let output = command.output()?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!("building {manifest} failed: {}\n{stderr}", output.status).into());
    }
    let path = root.join(target_dir).join("wasm32-unknown-unknown/release").join(file);
    std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()).into())
}

/// How a run is metered.
#[derive(Clone, Copy)]
enum Meter {
    None,
    /// The module's own counters (ours, or wasm-instrument's gas global).
    Counters,
    Fuel,
    Epoch,
}

const GAS: i64 = 1 << 62;

/// Instantiates, sets the meter, and times one call of `kernel`: (time, result).
fn run(engine: &Engine, module: &Module, kernel: &str, argument: u32, meter: Meter) -> Result<(Duration, i32)> {
    let mut store = Store::new(engine, ());
    match meter {
        Meter::Fuel => store.set_fuel(GAS as u64)?,
        // Never reached: the deadline is far and nothing advances the epoch; what is measured
        // is the check at every function entry and loop header.
        Meter::Epoch => store.set_epoch_deadline(1 << 40),
        Meter::None | Meter::Counters => {}
    }
    let instance = Instance::new(&mut store, module, &[])?;
    if let Meter::Counters = meter {
        // Ours (both counters), or wasm-instrument's (its gas global only; its stack limiter
        // keeps its count in a global of its own that starts at zero).
        if instance.get_global(&mut store, GAS_GLOBAL).is_some() {
            baals_bench::set_counters(&mut store, &instance)?;
        }
        if let Some(global) = instance.get_global(&mut store, WI_GAS_GLOBAL) {
            global.set(&mut store, Val::I64(GAS))?;
        }
    }
    let function = instance.get_typed_func::<i32, i32>(&mut store, kernel)?;
    let (time, result) = timed(|| function.call(&mut store, argument as i32));
    Ok((time, result?))
}

/// The global wasm-instrument's gas backend exports.
const WI_GAS_GLOBAL: &str = "wasm_instrument_gas_left";

/// wasm-instrument 0.4 end to end: parse, inject gas (mutable-global backend, one unit per
/// instruction) and its stack limiter, serialize. `None` where it cannot parse the module.
fn wasm_instrument(wasm: &[u8]) -> Option<Vec<u8>> {
    use wasm_instrument::gas_metering::{self, ConstantCostRules, mutable_global};
    use wasm_instrument::parity_wasm::{self, elements};
    let module: elements::Module = parity_wasm::deserialize_buffer(wasm).ok()?;
    let module =
        gas_metering::inject(module, mutable_global::Injector::new(WI_GAS_GLOBAL), &ConstantCostRules::default())
            .ok()?;
    let module = wasm_instrument::inject_stack_limiter(module, 1 << 20).ok()?;
    parity_wasm::serialize(module).ok()
}

fn overhead(root: &Path, mode: &Mode, wasm: &[u8]) -> Result<Vec<String>> {
    let mvp = build(root, KERNELS_MANIFEST, "bench/kernels/target-mvp", MVP_FLAGS, &["mvp"], KERNELS_WASM)?;
    // The kernels export functions with parameters and rustc's globals: the permissive policy
    // takes those exports; its prices are the default policy's.
    let policy = Policy::permissive();
    let ours = instrument(wasm, &policy)?;
    // The same under `[gas] trap = "limit"`: a trap uses the whole limit, so blocks that only
    // trap do not write the counter back (`docs/gas.md`, "Traps").
    let ours_limit = instrument(wasm, &baals_bench::permissive_trap_limit()?)?;
    let theirs = wasm_instrument(&mvp);

    let engine = Engine::default();
    let fuel_engine = Engine::new(Config::new().consume_fuel(true))?;
    let epoch_engine = Engine::new(Config::new().epoch_interruption(true))?;
    let plain = Module::new(&engine, wasm)?;
    let metered = Module::new(&engine, &baals_bench::runs_on(ours.wasm.clone())?)?;
    let metered_limit = Module::new(&engine, &baals_bench::runs_on(ours_limit.wasm.clone())?)?;
    let fuel = Module::new(&fuel_engine, wasm)?;
    let epoch = Module::new(&epoch_engine, wasm)?;
    let mvp_plain = Module::new(&engine, &mvp)?;
    let mvp_metered = theirs.as_deref().map(|wasm| Module::new(&engine, wasm)).transpose()?;

    let (mut lines, mut limit_lines) = (Vec::new(), Vec::new());
    let mut columns: [Vec<f64>; 5] = Default::default();
    for (kernel, full, quick) in KERNELS {
        if mode.kernels.as_ref().is_some_and(|names| !names.iter().any(|name| name == kernel)) {
            continue;
        }
        let argument = if mode.quick { quick } else { full };
        let mut times: [Vec<Duration>; 7] = Default::default();
        let has_mvp = mvp_plain.get_export(kernel).is_some();
        for _ in 0..mode.rounds {
            let (time, expected) = run(&engine, &plain, kernel, argument, Meter::None)?;
            times[0].push(time);
            let runs = [(&engine, &metered, Meter::Counters), (&fuel_engine, &fuel, Meter::Fuel)];
            for (slot, (engine, module, meter)) in runs.into_iter().enumerate() {
                let (time, result) = run(engine, module, kernel, argument, meter)?;
                assert_eq!(result, expected, "{kernel}: metering changed the result");
                times[slot + 1].push(time);
            }
            let (time, result) = run(&engine, &metered_limit, kernel, argument, Meter::Counters)?;
            assert_eq!(result, expected, "{kernel}: metering changed the result");
            times[6].push(time);
            let (time, result) = run(&epoch_engine, &epoch, kernel, argument, Meter::Epoch)?;
            assert_eq!(result, expected, "{kernel}: epochs changed the result");
            times[3].push(time);
            if let (true, Some(mvp_metered)) = (has_mvp, &mvp_metered) {
                let (time, mvp_expected) = run(&engine, &mvp_plain, kernel, argument, Meter::None)?;
                times[4].push(time);
                let (time, result) = run(&engine, mvp_metered, kernel, argument, Meter::Counters)?;
                assert_eq!(result, mvp_expected, "{kernel}: wasm-instrument changed the result");
                times[5].push(time);
            }
        }
        let [plain_t, ours_t, fuel_t, epoch_t, mvp_t, theirs_t, limit_t] =
            times.map(|mut t| if t.is_empty() { None } else { Some(median(&mut t).as_secs_f64()) });
        let plain_t = plain_t.unwrap_or(f64::NAN);
        let ratios = [ours_t, fuel_t, epoch_t].map(|t| t.unwrap_or(f64::NAN) / plain_t);
        let theirs_ratio = theirs_t.zip(mvp_t).map(|(theirs, mvp)| theirs / mvp);
        let size = kernel_size_overhead(wasm, &ours.report, kernel)? * 100.0;
        for (column, ratio) in columns.iter_mut().zip(ratios) {
            column.push(ratio);
        }
        if let Some(ratio) = theirs_ratio {
            columns[3].push(ratio);
        }
        let limit_ratio = limit_t.unwrap_or(f64::NAN) / plain_t;
        columns[4].push(limit_ratio);
        let limit_size = kernel_size_overhead(wasm, &ours_limit.report, kernel)? * 100.0;
        limit_lines.push(format!("overhead_trap_limit {kernel} ours={limit_ratio:.3} size=+{limit_size:.1}%"));
        lines.push(format!(
            "overhead {kernel} ours={:.3} fuel={:.3} epoch={:.3} wasm_instrument={} size=+{size:.1}%",
            ratios[0],
            ratios[1],
            ratios[2],
            theirs_ratio.map_or("n/a".to_string(), |r| format!("{r:.3}")),
        ));
    }
    let [ours_g, fuel_g, epoch_g, theirs_g, limit_g] =
        columns.map(|c| if c.is_empty() { f64::NAN } else { geomean(&c) });
    lines.push(format!(
        "overhead geomean ours={ours_g:.3} fuel={fuel_g:.3} epoch={epoch_g:.3} wasm_instrument={theirs_g:.3}"
    ));
    lines.extend(limit_lines);
    lines.push(format!("overhead_trap_limit geomean ours={limit_g:.3}"));
    Ok(lines)
}

/// The size overhead of one kernel: over the function bodies its export reaches by direct
/// calls (the kernels make no indirect ones), instrumented bytes over original bytes. The
/// kernels share one module, so the module's overhead would say nothing of each.
fn kernel_size_overhead(wasm: &[u8], report: &baals_instrument::Report, kernel: &str) -> Result<f64> {
    use wasmparser::{ExternalKind, Operator, Parser, Payload};
    let (mut imported, mut export, mut callees) = (0u32, None, Vec::<Vec<u32>>::new());
    for payload in Parser::new(0).parse_all(wasm) {
        match payload? {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    imported += u32::from(matches!(import?.ty, wasmparser::TypeRef::Func(_)));
                }
            }
            Payload::ExportSection(reader) => {
                for item in reader {
                    let item = item?;
                    if item.kind == ExternalKind::Func && item.name == kernel {
                        export = Some(item.index);
                    }
                }
            }
            Payload::CodeSectionEntry(body) => {
                let mut calls = Vec::new();
                for op in body.get_operators_reader()? {
                    if let Operator::Call { function_index } = op? {
                        calls.push(function_index);
                    }
                }
                callees.push(calls);
            }
            _ => {}
        }
    }
    let export = export.ok_or_else(|| format!("no export {kernel}"))?;
    let mut reached = vec![false; callees.len()];
    let mut pending = vec![export];
    while let Some(function) = pending.pop() {
        let Some(defined) = function.checked_sub(imported).map(|d| d as usize) else { continue };
        if defined < reached.len() && !reached[defined] {
            reached[defined] = true;
            pending.extend(&callees[defined]);
        }
    }
    let (mut before, mut after) = (0u64, 0u64);
    for function in &report.functions {
        if function.index.checked_sub(imported).is_some_and(|d| reached.get(d as usize) == Some(&true)) {
            before += u64::from(function.original_bytes);
            after += u64::from(function.instrumented_bytes);
        }
    }
    Ok(after as f64 / before as f64 - 1.0)
}

/// The corpus modules: the CosmWasm contracts (both instrumenters) and the two large modules
/// (ours only: wasm-instrument cannot parse them). `--quick` takes every other one.
fn corpus(quick: bool) -> Result<Vec<PathBuf>> {
    let files = baals_bench::corpus(&["cosmwasm", "large"])?;
    Ok(if quick { files.into_iter().step_by(2).collect() } else { files })
}

fn throughput(mode: &Mode) -> Result<Vec<String>> {
    let policy = Policy::permissive();
    let rounds = mode.rounds.min(5);
    let mut lines = Vec::new();
    for path in corpus(mode.quick)? {
        let wasm = std::fs::read(&path)?;
        let name = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let megabytes = wasm.len() as f64 / 1e6;
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        let mut parses = true;
        for _ in 0..rounds {
            let (time, result) = timed(|| instrument(&wasm, &policy));
            result?;
            ours.push(time);
            if parses {
                let (time, result) = timed(|| wasm_instrument(&wasm));
                parses = result.is_some();
                theirs.push(time);
            }
        }
        let theirs =
            if parses { format!("{:.1}", megabytes / median(&mut theirs).as_secs_f64()) } else { "n/a".into() };
        lines.push(format!(
            "instrument {name} MB/s={:.1} wasm_instrument_MB/s={theirs}",
            megabytes / median(&mut ours).as_secs_f64()
        ));
    }
    Ok(lines)
}

/// `Module::new` of each CosmWasm contract and of the kernels, instrumented, over the original's
/// (median of interleaved rounds): what deployment adds to the compile that follows it. Fuel
/// and epochs add their own code at compile time: their columns are the floor an engine's
/// metering costs there.
fn compile_times(mode: &Mode, kernels: Vec<u8>) -> Result<Vec<String>> {
    let policy = Policy::permissive();
    let engine = Engine::default();
    let fuel_engine = Engine::new(Config::new().consume_fuel(true))?;
    let epoch_engine = Engine::new(Config::new().epoch_interruption(true))?;
    let mut modules = Vec::new();
    for path in corpus(mode.quick)? {
        if path.parent().is_some_and(|dir| dir.ends_with("cosmwasm")) {
            let name = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
            modules.push((name, std::fs::read(&path)?));
        }
    }
    modules.push(("kernels".to_string(), kernels));
    let mut lines = Vec::new();
    let mut columns: [Vec<f64>; 4] = Default::default();
    for (name, wasm) in modules {
        let ours = baals_bench::runs_on(instrument(&wasm, &policy)?.wasm)?;
        let theirs = wasm_instrument(&wasm);
        let compiles = [
            (&engine, Some(&wasm)),
            (&engine, Some(&ours)),
            (&fuel_engine, Some(&wasm)),
            (&epoch_engine, Some(&wasm)),
            (&engine, theirs.as_ref()),
        ];
        let mut times: [Vec<Duration>; 5] = Default::default();
        for _ in 0..mode.rounds.min(5) {
            for (slot, (engine, module)) in compiles.iter().enumerate() {
                if let Some(module) = module {
                    let (time, compiled) = timed(|| Module::new(engine, module));
                    compiled?;
                    times[slot].push(time);
                }
            }
        }
        let [plain, rest @ ..] =
            times.map(|mut t| if t.is_empty() { None } else { Some(median(&mut t).as_secs_f64()) });
        let plain = plain.unwrap_or(f64::NAN);
        let ratios = rest.map(|t| t.map(|t| t / plain));
        for (column, ratio) in columns.iter_mut().zip(ratios) {
            column.extend(ratio);
        }
        let [ours_r, fuel_r, epoch_r, theirs_r] = ratios.map(|r| r.map_or("n/a".to_string(), |r| format!("{r:.3}")));
        lines.push(format!("compile {name} ours={ours_r} fuel={fuel_r} epoch={epoch_r} wasm_instrument={theirs_r}"));
    }
    let [ours_g, fuel_g, epoch_g, theirs_g] = columns.map(|c| if c.is_empty() { f64::NAN } else { geomean(&c) });
    lines.push(format!(
        "compile geomean ours={ours_g:.3} fuel={fuel_g:.3} epoch={epoch_g:.3} wasm_instrument={theirs_g:.3}"
    ));
    Ok(lines)
}

const ALICE: Address = Address([0xa1; 32]);
const BOB: Address = Address([0xb0; 32]);
// Ten seconds of the default schedule (`docs/gas.md`, "The schedule").
const CALL_GAS: u64 = 100_000_000_000;

/// The token transfer (read two balances, write two, emit an event): warm inside a block of
/// 1,000 (median per call over the rounds, commit included in calls per second), and cold after
/// reopening the database (the compiled module comes from the stored artifact).
fn calls(root: &Path, mode: &Mode) -> Result<String> {
    let token = match baals_build::build(&baals_build::BuildOptions::new(
        root.join("contracts/token"),
        Policy::default_policy(),
    )) {
        Ok(mut built) => built.remove(0).wasm,
        Err(error) => return Err(format!("baals build contracts/token: {error}").into()),
    };
    let dir = std::env::temp_dir().join(format!("baals-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("chain.redb");
    let open = || -> Result<(ContractEngine, RedbStorage)> {
        let config = EngineConfig::default().with_artifacts(ArtifactDir::new(dir.join("artifacts"))?);
        let engine = ContractEngine::with_config(Policy::default_policy(), config)?;
        Ok((engine, RedbStorage::open(&path)?.without_fsync()))
    };
    let (engine, storage) = open()?;
    let ctx = BlockContext { height: 1, timestamp: 0 };
    let supply = 1_000_000_000u64.to_le_bytes();
    let deploy = Deploy::new(ALICE, &token, CALL_GAS).with_input(&supply);
    let (deployed, _) = engine.commit_block(&storage, ctx, |block| block.deploy(&deploy))?;
    let id = deployed.contract_id;
    let input = [&BOB.0[..], &1u64.to_le_bytes()].concat();
    let transfer = Call::new(ALICE, id, "transfer", CALL_GAS).with_input(&input);
    let block_calls = if mode.quick { 200 } else { 1_000 };
    let (mut warm, mut blocks) = (Vec::new(), Vec::new());
    for round in 0..mode.rounds {
        let start = Instant::now();
        let ctx = BlockContext { height: 2 + round as u64, timestamp: 0 };
        let mut block = engine.block(ctx, storage.write()?);
        for _ in 0..block_calls {
            let result = block.call(&transfer)?;
            assert_eq!(result.status, ExecutionStatus::Success);
        }
        let calls = start.elapsed();
        let (changes, mut txn) = block.finish()?;
        changes.write_to(&mut txn)?;
        storage.commit(txn)?;
        warm.push(calls / block_calls);
        blocks.push(start.elapsed());
    }
    drop((engine, storage));
    let mut cold = Vec::new();
    for _ in 0..mode.rounds.min(5) {
        let (engine, storage) = open()?;
        let (time, result) = timed(|| engine.commit_block(&storage, ctx, |block| block.call(&transfer)));
        assert_eq!(result?.0.status, ExecutionStatus::Success);
        cold.push(time);
    }
    std::fs::remove_dir_all(&dir)?;
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    Ok(format!(
        "call warm_us={:.1} cold_us={:.1} calls_per_s={:.0}",
        us(median(&mut warm)),
        us(median(&mut cold)),
        f64::from(block_calls) / median(&mut blocks).as_secs_f64()
    ))
}

/// The machine, as far as the report needs it: CPU model and count, and the compiler.
fn machine() -> String {
    let rustc = Command::new("rustc")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    format!("{}; {rustc}; wasmtime 48.0.8 (cranelift), wasm-instrument 0.4.0", baals_bench::machine())
}

fn write_report(root: &Path, mode: &Mode, report: &[String]) -> Result<()> {
    let command =
        if mode.quick { "cargo run --release -p baals-bench -- --quick" } else { "cargo run --release -p baals-bench" };
    let mut text = String::from(
        "# Benchmarks\n\nWritten by the benchmark binary (`bench/src/main.rs`); do not edit by hand. \
         What each line means is in `docs/instrumentation.md`, \"Measuring\"; how the figures have \
         driven the instrumenter, in `docs/records/` (records 0003 to 0009).\n\n",
    );
    text.push_str(&format!("- Command: `{command}`\n- Machine: {}\n", machine()));
    text.push_str(&format!("- Rounds: {} per figure, medians, all columns interleaved in one process\n", mode.rounds));
    text.push_str(
        "- `overhead`: time of each kernel relative to the same module unmetered (`wasm_instrument`: \
         relative to the MVP build unmetered, the only build it parses); `size`: our instrumented \
         code over the original, counting the function bodies the kernel's export reaches\n\
         - `overhead_trap_limit`: ours, instrumented under the same policy with `[gas] trap = \"limit\"` \
         (a trap uses the whole limit: `docs/gas.md`, \"Traps\"), measured in the same rounds\n- `instrument`: end-to-end MB/s of input\n\
         - `compile`: wasmtime's `Module::new` of each instrumented module relative to the original's \
         (`fuel`, `epoch`: the original on an engine with fuel or epochs; `wasm_instrument`: its \
         output of the same module, where it parses it)\n\
         - `call`: the token transfer, warm inside a block, cold after reopening the database\n\
         - `contract`: calls of CosmWasm contracts of the corpus (`bench/src/cosmwasm.rs`), each \
         way of metering relative to unmetered, as `overhead` for the kernels; `contract_trap_limit`: \
         ours under `[gas] trap = \"limit\"`, as `overhead_trap_limit`\n\n```\n",
    );
    for line in report {
        text.push_str(line);
        text.push('\n');
    }
    text.push_str("```\n");
    // The runtime benchmark's section is its own to rewrite.
    let path = root.join("docs/BENCHMARKS.md");
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    if let Some(section) = baals_bench::call_path_section(&old) {
        text.push('\n');
        text.push_str(section);
    }
    std::fs::write(path, text)?;
    Ok(())
}
