//! What the engine costs per call, on the example token (`contracts/token`): deploying it, a
//! warm transfer (read two balances, write two, emit an event) inside a block, a block of
//! 1,000 transfers with its redb commit (durable, and without fsync), and a cold call after
//! reopening the database.
//!
//! ```sh
//! cargo run -p baals-cli -- build contracts/token
//! cargo run --release -p baals-bench --bin runtime -- [ROUNDS] [--write]
//! ```
//!
//! `--write` writes the figures into `docs/BENCHMARKS.md`, as its section "The call path".

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use baals_bench::{median, timed};
use baals_policy::Policy;
use baals_runtime::{
    Address, ArtifactDir, BlockContext, Call, ContractEngine, ContractId, Deploy, EngineConfig, ExecutionStatus,
    RedbStorage, Storage,
};

const TOKEN: &str = "target/baals/token.wasm";
const ALICE: Address = Address([0xa1; 32]);
const BOB: Address = Address([0xb0; 32]);
// Ten seconds of the default schedule (`docs/gas.md`, "The schedule"): no call here comes near it.
const GAS: u64 = 100_000_000_000;
const BLOCK: usize = 1_000;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let write = args.iter().any(|arg| arg == "--write");
    let rounds: usize = args.iter().find(|arg| *arg != "--write").map_or(Ok(5), |r| r.parse())?;
    let mut lines = Vec::new();
    let mut say = |line: String| {
        println!("{line}");
        lines.push(line);
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let token = std::fs::read(root.join(TOKEN))
        .map_err(|e| format!("{TOKEN}: {e} (build it first: baals build contracts/token)"))?;
    let dir = std::env::temp_dir().join(format!("baals-bench-runtime-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;

    for durable in [false, true] {
        let path = dir.join(format!("chain-{durable}.redb"));
        let _ = std::fs::remove_file(&path);
        let _ = std::fs::remove_dir_all(path.with_extension("artifacts"));
        let (engine, storage) = open(&path, durable)?;
        let ctx = BlockContext { height: 1, timestamp: 0 };

        let (first, id) = timed(|| deploy(&engine, &storage, ctx, &token));
        let id = id?;
        let mut deploys = Vec::new();
        for _ in 0..rounds {
            let (time, result) = timed(|| deploy(&engine, &storage, ctx, &token));
            result?;
            deploys.push(time);
        }

        let input = [&BOB.0[..], &1u64.to_le_bytes()].concat();
        let (mut per_call, mut commits, mut blocks) = (Vec::new(), Vec::new(), Vec::new());
        for round in 0..rounds {
            let ctx = BlockContext { height: 2 + round as u64, timestamp: 0 };
            let start = Instant::now();
            let mut block = engine.block(ctx, storage.write()?);
            let transfer = Call::new(ALICE, id, "transfer", GAS).with_input(&input);
            for _ in 0..BLOCK {
                let result = block.call(&transfer)?;
                assert_eq!(result.status, ExecutionStatus::Success);
            }
            let calls = start.elapsed();
            let (commit, result) = timed(|| -> Result<(), Box<dyn std::error::Error>> {
                let (changes, mut txn) = block.finish()?;
                changes.write_to(&mut txn)?;
                Ok(storage.commit(txn)?)
            });
            result?;
            per_call.push(calls / BLOCK as u32);
            commits.push(commit);
            blocks.push(calls + commit);
        }
        drop((engine, storage));

        // Cold: a new engine over the same file: the compiled module comes from its artifact.
        let (open_time, opened) = timed(|| open(&path, durable));
        let (engine, storage) = opened?;
        let transfer = Call::new(ALICE, id, "transfer", GAS).with_input(&input);
        let call = || engine.commit_block(&storage, ctx, |block| block.call(&transfer));
        let (cold, result) = timed(call);
        assert_eq!(result?.0.status, ExecutionStatus::Success);
        let (warm, result) = timed(call);
        assert_eq!(result?.0.status, ExecutionStatus::Success);

        let block = median(&mut blocks);
        say(format!("redb commit {}:", if durable { "durable (fsync)" } else { "without fsync" }));
        say(format!("  first deploy (instrument, compile, instantiate)  {:>10}", us(first)));
        say(format!("  deploy of known code (stored code, instantiate)  {:>10}", us(median(&mut deploys))));
        say(format!("  warm transfer inside a block                     {:>10}", us(median(&mut per_call))));
        say(format!("  commit of a block of {BLOCK} transfers              {:>10}", us(median(&mut commits))));
        say(format!(
            "  block of {BLOCK} transfers with its commit           {:>10}  ({:.0} calls/s)",
            us(block),
            BLOCK as f64 / block.as_secs_f64()
        ));
        say(format!("  reopen the database and the engine               {:>10}", us(open_time)));
        say(format!("  cold transfer after reopening (its own block)    {:>10}", us(cold)));
        say(format!("  the next transfer (its own block)                {:>10}", us(warm)));
    }
    say(format!("median of {rounds} rounds"));
    std::fs::remove_dir_all(&dir)?;
    if write {
        write_section(&root, &lines)?;
    }
    Ok(())
}

/// An engine that keeps its compiled modules beside the database (`FILE.artifacts`), and the
/// database.
fn open(path: &Path, durable: bool) -> Result<(ContractEngine, RedbStorage), Box<dyn std::error::Error>> {
    let storage = RedbStorage::open(path)?;
    let storage = if durable { storage } else { storage.without_fsync() };
    let config = EngineConfig::default().with_artifacts(ArtifactDir::new(path.with_extension("artifacts"))?);
    Ok((ContractEngine::with_config(Policy::default_policy(), config)?, storage))
}

fn deploy(
    engine: &ContractEngine,
    storage: &RedbStorage,
    ctx: BlockContext,
    token: &[u8],
) -> Result<ContractId, Box<dyn std::error::Error>> {
    let supply = 1_000_000_000u64.to_le_bytes();
    let deploy = Deploy::new(ALICE, token, GAS).with_input(&supply);
    let (deployed, _) = engine.commit_block(storage, ctx, |block| block.deploy(&deploy))?;
    assert_eq!(deployed.status, ExecutionStatus::Success);
    Ok(deployed.contract_id)
}

/// Replaces the call-path section of `docs/BENCHMARKS.md` with these figures.
fn write_section(root: &Path, lines: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let path = root.join("docs/BENCHMARKS.md");
    let old = std::fs::read_to_string(&path)?;
    let rest = baals_bench::call_path_section(&old).map_or(old.as_str(), |section| &old[..old.len() - section.len()]);
    let mut text = rest.trim_end().to_string();
    text.push_str(&format!(
        "\n\n{}\n\nWritten by `cargo run --release -p baals-bench --bin runtime -- 11 --write` (the token \
         built by `baals build contracts/token`); \
         do not edit by hand. The example token's transfer (two storage reads, two writes, an event) as a \
         ledger runs it: over a redb transaction, the block's changes written and committed. Machine: {}.\n\n```\n",
        baals_bench::CALL_PATH_SECTION,
        baals_bench::machine()
    ));
    for line in lines {
        text.push_str(line);
        text.push('\n');
    }
    text.push_str("```\n");
    std::fs::write(path, text)?;
    Ok(())
}

fn us(time: Duration) -> String {
    format!("{:.1} us", time.as_secs_f64() * 1e6)
}
