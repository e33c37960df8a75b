//! The engine a ledger embeds: a policy, the engine contracts run on, and its compiled
//! modules. It holds no state: each block runs over state the ledger owns and hands back what
//! it changed (`crate::block`).

use std::sync::Arc;

use baals_policy::Policy;

use crate::block::{Block, BlockChanges};
use crate::cache::{ArtifactStore, Module};
use crate::error::EngineError;
use crate::shared::Shared;
use crate::storage::{ReadTxn, Storage};
use crate::types::Backend;
use crate::types::BlockContext;

/// Tuning that never changes a result.
#[derive(Clone)]
#[non_exhaustive]
pub struct EngineConfig {
    /// Bytes of compiled code that stay in memory.
    pub cache_bytes: usize,
    /// The engine that runs contracts: [`Backend::Wasmtime`] unless an auditor asks for the
    /// other. Results and gas are the same on both; speed is not.
    pub backend: Backend,
    /// Whether calls run on the copy of their code without the write-backs only traps read,
    /// and again on the stored module if anything in them traps (`docs/runtime.md`, "Traps
    /// run twice"): true unless an auditor asks for every call to run once, on the stored
    /// modules alone. Results and gas are the same either way.
    pub copies: bool,
    /// Where compiled modules are kept across restarts, if anywhere: without a store, a node
    /// compiles each contract again the first time it runs after a start.
    pub artifacts: Option<Arc<dyn ArtifactStore>>,
}

impl std::fmt::Debug for EngineConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EngineConfig")
            .field("cache_bytes", &self.cache_bytes)
            .field("backend", &self.backend)
            .field("copies", &self.copies)
            .field("artifacts", &self.artifacts.is_some())
            .finish()
    }
}

impl Default for EngineConfig {
    fn default() -> Self {
        EngineConfig { cache_bytes: 256 << 20, backend: Backend::default(), copies: true, artifacts: None }
    }
}

impl EngineConfig {
    /// This configuration, running contracts on `backend`.
    pub fn with_backend(mut self, backend: Backend) -> EngineConfig {
        self.backend = backend;
        self
    }

    /// This configuration, running calls on the copies of their code or (`false`) on the
    /// stored modules alone.
    pub fn with_copies(mut self, copies: bool) -> EngineConfig {
        self.copies = copies;
        self
    }

    /// This configuration, keeping compiled modules in `store` across restarts.
    pub fn with_artifacts(mut self, store: impl ArtifactStore + 'static) -> EngineConfig {
        self.artifacts = Some(Arc::new(store));
        self
    }
}

/// The contract engine: one policy, one engine (wasmtime, or wasmi for audits), and the
/// modules it compiled. It holds no state and commits nothing: [`ContractEngine::block`] runs
/// calls over the ledger's state and hands back their changes. Share it between threads;
/// blocks over different states may run at once.
pub struct ContractEngine {
    pub(crate) shared: Arc<Shared>,
}

impl std::fmt::Debug for ContractEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ContractEngine").field("policy", &self.shared.policy.hash()).finish_non_exhaustive()
    }
}

impl ContractEngine {
    /// An engine under `policy`.
    pub fn new(policy: Policy) -> Result<ContractEngine, EngineError> {
        ContractEngine::with_config(policy, EngineConfig::default())
    }

    /// An engine with explicit tuning.
    pub fn with_config(policy: Policy, config: EngineConfig) -> Result<ContractEngine, EngineError> {
        let first = if config.copies { Module::Copy } else { Module::Stored };
        let shared = Shared::new(config.backend, policy, config.cache_bytes, config.artifacts, first)?;
        Ok(ContractEngine { shared: Arc::new(shared) })
    }

    /// The policy contracts are deployed and run under.
    pub fn policy(&self) -> &Policy {
        &self.shared.policy
    }

    /// The engine contracts run on.
    pub fn backend(&self) -> Backend {
        self.shared.backend()
    }

    /// Starts a block over `state`: the ledger's state as the block begins, which the block
    /// reads and never writes.
    pub fn block<S: ReadTxn>(&self, ctx: BlockContext, state: S) -> Block<'_, S> {
        Block::new(&self.shared, ctx, state)
    }

    /// Runs `f` in a block over a write transaction of `storage`, writes the block's changes
    /// into it and commits it: for embedders whose state is all in a [`Storage`]. Nothing is
    /// committed if `f` fails.
    pub fn commit_block<St: Storage, R>(
        &self,
        storage: &St,
        ctx: BlockContext,
        f: impl FnOnce(&mut Block<'_, St::Txn>) -> Result<R, EngineError>,
    ) -> Result<(R, BlockChanges), EngineError> {
        let mut block = self.block(ctx, storage.write()?);
        let result = f(&mut block)?;
        let (changes, mut txn) = block.finish()?;
        changes.write_to(&mut txn)?;
        storage.commit(txn)?;
        Ok((result, changes))
    }
}
