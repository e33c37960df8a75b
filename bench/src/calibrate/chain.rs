//! The chain the kernels run on: a redb file with fsync, an engine over it, blocks that
//! commit. Every sample is one block, timed from `ContractEngine::block` to the end of its commit,
//! as a ledger runs it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use baals_policy::Policy;
use baals_runtime::{
    Address, ArtifactDir, Block, BlockContext, ContractEngine, ContractId, Deploy, EngineConfig, ExecutionStatus,
    RedbStorage, RedbTxn, Storage, Table, WriteTxn,
};

use super::Error;

/// Who deploys and calls: funded at setup, so that transfers and value have a source.
pub const DEPLOYER: Address = Address([0xd1; 32]);

/// The gas limit of every call: far above any sample, below the engine's 2^62.
pub const GAS: u64 = 1 << 50;

/// One timed block: its wall time, the gas its calls used, and how many operations of the
/// kernel's kind it did.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    /// From the block's start to the end of its commit.
    pub time: Duration,
    /// The gas the block's calls (or deployments) used, summed.
    pub gas: u64,
    /// The operations the kernel counts (instructions, host calls, bytes, calls).
    pub ops: u64,
}

/// A block of the chain: over a write transaction of its redb file.
pub type ChainBlock<'e> = Block<'e, RedbTxn>;

/// An engine over a redb file that commits with fsync, its compiled modules kept in a
/// directory beside the file (`FILE.artifacts`), as a node keeps them.
pub struct Chain {
    engine: Option<(ContractEngine, RedbStorage)>,
    path: PathBuf,
    policy: Policy,
    config: EngineConfig,
    height: u64,
}

impl std::fmt::Debug for Chain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Chain").field("path", &self.path).field("height", &self.height).finish_non_exhaustive()
    }
}

impl Chain {
    /// A new chain in a new file at `path` under `policy`.
    pub fn create(path: &Path, policy: Policy, config: EngineConfig) -> Result<Chain, Error> {
        let _ = std::fs::remove_file(path);
        let _ = std::fs::remove_dir_all(artifacts(path));
        let config = config.with_artifacts(ArtifactDir::new(artifacts(path))?);
        let mut chain = Chain { engine: None, path: path.to_path_buf(), policy, config, height: 0 };
        chain.reopen()?;
        chain.block_untimed(|block| {
            block.credit(&DEPLOYER, u64::MAX / 2)?;
            Ok(())
        })?;
        Ok(chain)
    }

    /// Closes the engine and the database and opens them again: nothing in memory survives
    /// (compiled modules come back from their artifacts, redb's cache is empty).
    pub fn reopen(&mut self) -> Result<(), Error> {
        self.engine = None;
        let storage = RedbStorage::open(&self.path)?;
        self.engine = Some((ContractEngine::with_config(self.policy.clone(), self.config.clone())?, storage));
        Ok(())
    }

    /// Writes `entries` into `table` directly, with the engine closed: how a large state is
    /// made in seconds rather than through millions of calls. The engine is reopened after.
    pub fn write_directly(
        &mut self,
        table: Table,
        entries: impl Iterator<Item = (Vec<u8>, Vec<u8>)>,
    ) -> Result<(), Error> {
        self.engine = None;
        {
            let storage = RedbStorage::open(&self.path)?;
            let mut txn = storage.write()?;
            for (key, value) in entries {
                txn.put(table, &key, &value)?;
            }
            storage.commit(txn)?;
        }
        self.reopen()
    }

    /// The engine and its storage.
    pub fn engine(&self) -> (&ContractEngine, &RedbStorage) {
        let (engine, storage) = self.engine.as_ref().expect("the engine is open between samples");
        (engine, storage)
    }

    fn next_context(&mut self) -> BlockContext {
        self.height += 1;
        BlockContext { height: self.height, timestamp: 1_700_000_000 + self.height }
    }

    /// Runs `work` in a block and commits it, untimed.
    pub fn block_untimed<T>(&mut self, work: impl FnOnce(&mut ChainBlock<'_>) -> Result<T, Error>) -> Result<T, Error> {
        let ctx = self.next_context();
        let (engine, storage) = self.engine();
        let mut block = engine.block(ctx, storage.write()?);
        let value = work(&mut block)?;
        commit(storage, block)?;
        Ok(value)
    }

    /// Runs `work` in a block, commits it, and times both; `work` returns the gas used and the
    /// operations done.
    pub fn block(
        &mut self,
        work: impl FnOnce(&mut ChainBlock<'_>) -> Result<(u64, u64), Error>,
    ) -> Result<Sample, Error> {
        let ctx = self.next_context();
        let (engine, storage) = self.engine();
        let start = Instant::now();
        let mut block = engine.block(ctx, storage.write()?);
        let (gas, ops) = work(&mut block)?;
        commit(storage, block)?;
        Ok(Sample { time: start.elapsed(), gas, ops })
    }

    /// Deploys `wasm` with an empty `instantiate` input, in a block of its own.
    pub fn deploy(&mut self, wasm: &[u8]) -> Result<ContractId, Error> {
        self.block_untimed(|block| {
            let deployed = block.deploy(&Deploy::new(DEPLOYER, wasm, GAS))?;
            expect(&deployed.status, Expect::Success, "deploy")?;
            Ok(deployed.contract_id)
        })
    }
}

/// Where a chain's compiled modules are kept.
fn artifacts(path: &Path) -> PathBuf {
    path.with_extension("artifacts")
}

/// Writes a block's changes and commits them, as a ledger does.
fn commit(storage: &RedbStorage, block: ChainBlock<'_>) -> Result<(), Error> {
    let (changes, mut txn) = block.finish()?;
    changes.write_to(&mut txn)?;
    storage.commit(txn)?;
    Ok(())
}

/// How a kernel's calls must end: anything else is a broken kernel, not a measurement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// `success`.
    Success,
    /// `reverted`.
    Reverted,
    /// `trap`.
    Trap,
    /// `out_of_gas`.
    OutOfGas,
}

/// Checks that a call ended as expected.
pub fn expect(status: &ExecutionStatus, expected: Expect, what: &str) -> Result<(), Error> {
    let ok = match expected {
        Expect::Success => status.is_success(),
        Expect::Reverted => matches!(status, ExecutionStatus::Reverted { .. }),
        Expect::Trap => matches!(status, ExecutionStatus::Trap { .. }),
        Expect::OutOfGas => matches!(status, ExecutionStatus::OutOfGas),
    };
    if ok { Ok(()) } else { Err(format!("{what}: expected {expected:?}, the call ended {status}").into()) }
}
