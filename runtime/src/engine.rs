//! The engine a ledger embeds: deploy, execute and query contracts, block by block.

use std::collections::HashMap;
use std::hash::Hasher;
use std::sync::{Arc, Mutex};

use baals_instrument::{CodeHash, InstrumentError, instrument};
use baals_policy::{FloatMode, Policy};
use sha2::{Digest, Sha256};
use wasmtime::{Config, InstancePre, Linker, Module};

use crate::exec::{self, CallSpec, INSTANTIATE, MAX_GAS};
use crate::host::{self, HostState};
use crate::lattice::Lattice;
use crate::state::{self, Code, ContractRecord, Execution, Frame, View};
use crate::storage::{Entries, Storage, StorageError, Table, WriteTxn};
use crate::types::{
    Address, BlockContext, ContractAccount, ContractExecutionResult, ContractId, DeployResult, Event, ExecutionStatus,
    InvalidCall,
};

/// Why the engine could not do what it was asked (as opposed to a call that ran and failed,
/// which is a result with a status).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EngineError {
    /// The module was refused at deployment: nothing was stored.
    #[error(transparent)]
    Instrument(#[from] InstrumentError),
    /// The storage failed.
    #[error("storage: {0}")]
    Storage(String),
    /// wasmtime refused a configuration or a module.
    #[error("wasmtime: {0}")]
    Wasmtime(String),
    /// A block session whose transaction was lost to an earlier error.
    #[error("the block session failed earlier; abort it")]
    SessionFailed,
    /// A bug of the engine.
    #[error("internal: {0}")]
    Internal(String),
}

impl From<StorageError> for EngineError {
    fn from(error: StorageError) -> EngineError {
        EngineError::Storage(error.0)
    }
}

fn wasmtime_error(error: wasmtime::Error) -> EngineError {
    EngineError::Wasmtime(format!("{error:#}"))
}

/// Native stack bytes per frame beyond its values (return address, frame pointer, saved
/// registers, alignment), and per stack unit (a value spilled to the stack), both as
/// measured on cranelift's x86-64 and aarch64 output with room to spare (`docs/runtime.md`).
const FRAME_BYTES: u64 = 128;
const UNIT_BYTES: u64 = 16;

/// Room on each instance's fiber for host functions and wasmtime beyond wasm frames.
const HOST_STACK_BYTES: u64 = 1 << 20;

/// The native stack a policy's deepest recursion needs: the most frames that fit in
/// `stack.max-height` (each at least `frame-base` units), every one at the per-frame and
/// per-unit bound, doubled. wasmtime traps past this, so the deterministic limit must come
/// first: `tests` check it with the largest and the smallest frames.
pub fn native_stack_bytes(policy: &Policy) -> usize {
    let stack = policy.stack();
    let frames = stack.max_height / stack.frame_base.max(1);
    let bytes = 2 * (FRAME_BYTES * frames + UNIT_BYTES * stack.max_height);
    usize::try_from(bytes).unwrap_or(usize::MAX)
}

/// The wasmtime configuration: deterministic (no fuel, no epochs, no SIMD or threads, NaN
/// canonicalization when floats are allowed) with every instance on a fiber sized for the
/// policy's stack limit.
fn config(policy: &Policy) -> Config {
    let mut config = Config::new();
    config.consume_fuel(false);
    config.epoch_interruption(false);
    config.wasm_simd(false);
    config.wasm_relaxed_simd(false);
    config.shared_memory(false);
    config.wasm_multi_memory(false);
    config.wasm_memory64(false);
    config.wasm_tail_call(false);
    config.wasm_function_references(false);
    config.wasm_gc(false);
    // The instrumenter canonicalizes NaNs already; cranelift's does it again, so the result
    // does not depend on either alone.
    config.cranelift_nan_canonicalization(policy.features().floats == FloatMode::CanonicalizeNan);
    let wasm_stack = native_stack_bytes(policy);
    config.max_wasm_stack(wasm_stack);
    config.async_stack_size(wasm_stack + HOST_STACK_BYTES as usize);
    config
}

/// The wasmtime engine: pooled allocation where the policy allows it and the host can reserve
/// the address space (64 slots of 4 GiB, reserved, not committed); otherwise, as where virtual
/// memory is capped, allocation on demand. Results are the same either way; only speed differs.
fn engine(policy: &Policy) -> Result<wasmtime::Engine, EngineError> {
    if let Some(pool) = pool(policy) {
        let mut pooled = config(policy);
        pooled.allocation_strategy(pool);
        if let Ok(engine) = wasmtime::Engine::new(&pooled) {
            return Ok(engine);
        }
    }
    wasmtime::Engine::new(&config(policy)).map_err(wasmtime_error)
}

/// Instances (with their memories, tables and fiber stacks) a pool holds: calls nest at most
/// `max-depth + 1` deep, and queries may run beside a block.
const POOLED_INSTANCES: u32 = 64;

/// Pooled allocation when the policy's memories and tables are small enough to reserve slots
/// for: instances are then reused instead of mapped and unmapped on every call. Larger
/// policies (the permissive one) allocate on demand.
fn pool(policy: &Policy) -> Option<wasmtime::PoolingAllocationConfig> {
    let limits = policy.limits();
    if limits.table_elements > 100_000 || limits.tables > 16 || policy.memory().max_pages > 1024 {
        return None;
    }
    let mut pool = wasmtime::PoolingAllocationConfig::default();
    pool.total_core_instances(POOLED_INSTANCES)
        .total_memories(POOLED_INSTANCES)
        .total_tables(POOLED_INSTANCES * limits.tables as u32)
        .total_stacks(POOLED_INSTANCES)
        .max_memories_per_module(1)
        .max_tables_per_module(limits.tables as u32)
        .table_elements(limits.table_elements as usize)
        .max_memory_size((policy.memory().max_pages << 16) as usize)
        // Keep the first pages of each slot mapped between calls: contracts touch them first.
        .linear_memory_keep_resident(1 << 16)
        .table_keep_resident(1 << 12);
    Some(pool)
}

/// Tuning that never changes a result.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct EngineConfig {
    /// Bytes of instrumented code whose compiled modules stay in memory.
    pub cache_bytes: usize,
}

impl Default for EngineConfig {
    fn default() -> Self {
        EngineConfig { cache_bytes: 256 << 20 }
    }
}

/// Compiled modules in memory, least recently used evicted past a budget of code bytes.
struct ModuleCache {
    entries: HashMap<Code, (Arc<InstancePre<HostState>>, usize, u64)>,
    bytes: usize,
    budget: usize,
    tick: u64,
}

impl ModuleCache {
    fn get(&mut self, code: &Code) -> Option<Arc<InstancePre<HostState>>> {
        self.tick += 1;
        let tick = self.tick;
        self.entries.get_mut(code).map(|(pre, _, used)| {
            *used = tick;
            Arc::clone(pre)
        })
    }

    fn insert(&mut self, code: Code, pre: Arc<InstancePre<HostState>>, size: usize) {
        self.tick += 1;
        if let Some((_, old, _)) = self.entries.insert(code, (pre, size, self.tick)) {
            self.bytes -= old;
        }
        self.bytes += size;
        while self.bytes > self.budget && self.entries.len() > 1 {
            let Some(oldest) = self.entries.iter().min_by_key(|(_, (_, _, used))| *used).map(|(code, _)| *code) else {
                break;
            };
            if let Some((_, size, _)) = self.entries.remove(&oldest) {
                self.bytes -= size;
            }
        }
    }
}

/// What every call of an engine shares.
pub(crate) struct EngineInner {
    pub(crate) wasmtime: wasmtime::Engine,
    pub(crate) linker: Linker<HostState>,
    pub(crate) policy: Policy,
    cache: Mutex<ModuleCache>,
    /// sha256 of wasmtime's compatibility hash: compiled artifacts are stored under it.
    fingerprint: [u8; 32],
}

/// A [`Hasher`] that feeds sha256, to turn wasmtime's compatibility hash into stable bytes.
struct Sha256Hasher(Sha256);

impl Hasher for Sha256Hasher {
    fn finish(&self) -> u64 {
        0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
}

impl EngineInner {
    /// The compiled module of `code`: from memory, else from a stored artifact, else compiled
    /// from the stored instrumented module (and the artifact stored, in a block).
    pub(crate) fn instance_pre(
        &self,
        exec: &Arc<Mutex<Execution>>,
        code: Code,
    ) -> Result<Arc<InstancePre<HostState>>, EngineError> {
        if let Some(pre) = self.cache_lock()?.get(&code) {
            return Ok(pre);
        }
        let mut exec = exec.lock().map_err(|_| EngineError::Internal("execution state poisoned".to_string()))?;
        let artifact_key = self.artifact_key(&code);
        let module = match exec.view.read().get(Table::Artifacts, &artifact_key)? {
            // SAFETY: artifacts are written only by `Module::serialize` of an engine with the
            // same fingerprint (wasmtime's compatibility hash is part of the key, and wasmtime
            // checks its own header again). Whoever can write the database can change the
            // state directly, so this trusts it no more than the rest of the state.
            #[allow(unsafe_code)]
            Some(bytes) => unsafe { Module::deserialize(&self.wasmtime, &bytes) }.map_err(wasmtime_error)?,
            None => {
                let wasm = exec
                    .view
                    .read()
                    .get(Table::Code, &code_key(&code))?
                    .ok_or_else(|| EngineError::Storage(format!("no instrumented code for {}", code.code_hash)))?;
                let module = Module::new(&self.wasmtime, &wasm).map_err(wasmtime_error)?;
                let read_only = exec.read_only;
                if let (View::Write(txn), false) = (&mut exec.view, read_only) {
                    txn.put(Table::Artifacts, &artifact_key, &module.serialize().map_err(wasmtime_error)?)?;
                }
                module
            }
        };
        drop(exec);
        self.cache(code, module)
    }

    /// Compiles instrumented code that is not stored yet (a deployment) into the cache.
    fn compile(&self, code: Code, wasm: &[u8]) -> Result<Arc<InstancePre<HostState>>, EngineError> {
        if let Some(pre) = self.cache_lock()?.get(&code) {
            return Ok(pre);
        }
        let module = Module::new(&self.wasmtime, wasm).map_err(wasmtime_error)?;
        self.cache(code, module)
    }

    fn cache(&self, code: Code, module: Module) -> Result<Arc<InstancePre<HostState>>, EngineError> {
        let range = module.image_range();
        let size = (range.end as usize).saturating_sub(range.start as usize);
        let pre = Arc::new(self.linker.instantiate_pre(&module).map_err(wasmtime_error)?);
        self.cache_lock()?.insert(code, Arc::clone(&pre), size);
        Ok(pre)
    }

    fn cache_lock(&self) -> Result<std::sync::MutexGuard<'_, ModuleCache>, EngineError> {
        self.cache.lock().map_err(|_| EngineError::Internal("module cache poisoned".to_string()))
    }

    fn artifact_key(&self, code: &Code) -> Vec<u8> {
        let mut key = code_key(code);
        key.extend_from_slice(&self.fingerprint);
        key
    }
}

/// `code hash || policy hash`.
fn code_key(code: &Code) -> Vec<u8> {
    let mut key = Vec::with_capacity(96);
    key.extend_from_slice(&code.code_hash.0);
    key.extend_from_slice(&code.policy_hash.0);
    key
}

/// The contract engine: one policy, one storage, one wasmtime engine.
///
/// Calls are grouped in blocks ([`ContractEngine::begin_block`]); the convenience methods
/// ([`ContractEngine::deploy_contract`], [`ContractEngine::execute_contract_call`]) run one
/// call in a block of its own and commit it.
pub struct ContractEngine {
    inner: Arc<EngineInner>,
    storage: Arc<dyn Storage>,
}

impl std::fmt::Debug for ContractEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ContractEngine").field("policy", &self.inner.policy.hash()).finish_non_exhaustive()
    }
}

impl ContractEngine {
    /// An engine over `storage` under `policy`.
    pub fn new(storage: impl Storage, policy: Policy) -> Result<ContractEngine, EngineError> {
        ContractEngine::with_config(storage, policy, EngineConfig::default())
    }

    /// An engine with explicit tuning.
    pub fn with_config(
        storage: impl Storage,
        policy: Policy,
        tuning: EngineConfig,
    ) -> Result<ContractEngine, EngineError> {
        let wasmtime = engine(&policy)?;
        let linker = host::linker(&wasmtime).map_err(wasmtime_error)?;
        let mut hasher = Sha256Hasher(Sha256::new());
        std::hash::Hash::hash(&wasmtime.precompile_compatibility_hash(), &mut hasher);
        let fingerprint = hasher.0.finalize().into();
        let cache = ModuleCache { entries: HashMap::new(), bytes: 0, budget: tuning.cache_bytes, tick: 0 };
        let inner = EngineInner { wasmtime, linker, policy, cache: Mutex::new(cache), fingerprint };
        Ok(ContractEngine { inner: Arc::new(inner), storage: Arc::new(storage) })
    }

    /// The policy contracts are deployed and run under.
    pub fn policy(&self) -> &Policy {
        &self.inner.policy
    }

    /// Starts a block: one storage transaction that the calls of the block change, and that
    /// [`BlockSession::commit`] makes durable.
    pub fn begin_block(&self, ctx: BlockContext) -> Result<BlockSession<'_>, EngineError> {
        Ok(BlockSession {
            engine: self,
            txn: Some(self.storage.write()?),
            block: Frame::default(),
            events: Vec::new(),
            ctx,
            calls: 0,
        })
    }

    /// Deploys a contract in a block of its own (see [`BlockSession::deploy_contract`]).
    pub fn deploy_contract(
        &self,
        ctx: BlockContext,
        deployer: Address,
        wasm: &[u8],
        init_payload: &[u8],
        gas_limit: u64,
    ) -> Result<DeployResult, EngineError> {
        let mut block = self.begin_block(ctx)?;
        let result = block.deploy_contract(deployer, wasm, init_payload, gas_limit)?;
        block.commit()?;
        Ok(result)
    }

    /// Calls a contract in a block of its own (see [`BlockSession::execute_contract_call`]).
    #[allow(clippy::too_many_arguments)]
    pub fn execute_contract_call(
        &self,
        ctx: BlockContext,
        sender: Address,
        contract_id: ContractId,
        method: &str,
        payload: &[u8],
        value: u64,
        gas_limit: u64,
    ) -> Result<ContractExecutionResult, EngineError> {
        let mut block = self.begin_block(ctx)?;
        let result = block.execute_contract_call(sender, contract_id, method, payload, value, gas_limit)?;
        block.commit()?;
        Ok(result)
    }

    /// Runs a method read-only against committed state: any state change (storage write or
    /// removal, event, transfer, value sent) ends the query as a trap. Gas is metered against
    /// `gas_cap` and charged to no one.
    pub fn query_contract(
        &self,
        ctx: BlockContext,
        sender: Address,
        contract_id: ContractId,
        method: &str,
        payload: &[u8],
        gas_cap: u64,
    ) -> Result<ContractExecutionResult, EngineError> {
        let view = View::Read(self.storage.read()?);
        let (result, _, _) =
            run_call(&self.inner, view, Frame::default(), ctx, true, sender, contract_id, method, payload, 0, gas_cap)?;
        Ok(result)
    }

    /// A contract's account, if it exists.
    pub fn contract(&self, id: &ContractId) -> Result<Option<ContractAccount>, EngineError> {
        let txn = self.storage.read()?;
        let Some(bytes) = txn.get(Table::Contracts, &id.0)? else { return Ok(None) };
        let record = ContractRecord::decode(&bytes)?;
        Ok(Some(ContractAccount {
            id: *id,
            code_hash: record.code.code_hash,
            policy_hash: record.code.policy_hash,
            storage_root: record.lattice.root(),
            balance: state::read_balance(&*txn, id)?,
        }))
    }

    /// The native balance of an address.
    pub fn balance(&self, address: &Address) -> Result<u64, EngineError> {
        Ok(state::read_balance(&*self.storage.read()?, address)?)
    }

    /// A value in a contract's storage.
    pub fn storage_value(&self, contract: &ContractId, key: &[u8]) -> Result<Option<Vec<u8>>, EngineError> {
        Ok(self.storage.read()?.get(Table::State, &state::state_key(contract, key))?)
    }

    /// Every key and value of a contract's storage, in key order.
    pub fn storage_entries(&self, contract: &ContractId) -> Result<Entries, EngineError> {
        let entries = self.storage.read()?.scan(Table::State, &contract.0)?;
        Ok(entries.into_iter().map(|(key, value)| (key[32..].to_vec(), value)).collect())
    }

    /// Every event a contract emitted in committed blocks, in order.
    pub fn events(&self, contract: &ContractId) -> Result<Vec<StoredEvent>, EngineError> {
        let entries = self.storage.read()?.scan(Table::Events, &contract.0)?;
        let mut events = Vec::with_capacity(entries.len());
        for (key, value) in entries {
            let corrupt = || EngineError::Storage("corrupt event".to_string());
            let number = |range: std::ops::Range<usize>| key.get(range).ok_or_else(corrupt);
            let height = u64::from_be_bytes(number(32..40)?.try_into().map_err(|_| corrupt())?);
            let call = u32::from_be_bytes(number(40..44)?.try_into().map_err(|_| corrupt())?);
            let index = u32::from_be_bytes(number(44..48)?.try_into().map_err(|_| corrupt())?);
            let (topic, data) = state::decode_event(&value).ok_or_else(corrupt)?;
            events.push(StoredEvent { height, call, index, topic, data });
        }
        Ok(events)
    }

    /// The greatest height of a committed block, if any.
    pub fn latest_height(&self) -> Result<Option<u64>, EngineError> {
        Ok(latest_height(&*self.storage.read()?)?)
    }

    /// How many contracts `deployer` has deployed: the nonce of its next contract id.
    pub fn nonce(&self, deployer: &Address) -> Result<u64, EngineError> {
        Ok(state::read_u64(&*self.storage.read()?, Table::Nonces, deployer)?)
    }
}

/// An event as stored: where it was emitted, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredEvent {
    /// The block's height.
    pub height: u64,
    /// The call's index in its block.
    pub call: u32,
    /// The event's index in its call.
    pub index: u32,
    /// Its topic.
    pub topic: Vec<u8>,
    /// Its data.
    pub data: Vec<u8>,
}

/// A block being built: calls change one storage transaction, which the ledger commits or
/// aborts as a whole. Each call runs in its own overlay: a failed call changes nothing.
pub struct BlockSession<'e> {
    engine: &'e ContractEngine,
    txn: Option<Box<dyn WriteTxn>>,
    /// What the block's successful calls changed, applied at commit.
    block: Frame,
    /// Each successful call's events, by call index.
    events: Vec<(u32, Vec<Event>)>,
    ctx: BlockContext,
    calls: u32,
}

impl std::fmt::Debug for BlockSession<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BlockSession").field("ctx", &self.ctx).field("calls", &self.calls).finish_non_exhaustive()
    }
}

impl BlockSession<'_> {
    /// The block's context.
    pub fn context(&self) -> BlockContext {
        self.ctx
    }

    fn take(&mut self) -> Result<Box<dyn WriteTxn>, EngineError> {
        self.txn.take().ok_or(EngineError::SessionFailed)
    }

    /// Adds `amount` to an address's native balance: how the ledger funds accounts.
    pub fn credit(&mut self, address: &Address, amount: u64) -> Result<u64, EngineError> {
        let txn = self.txn.as_ref().ok_or(EngineError::SessionFailed)?;
        Ok(self.block.credit(&**txn, address, amount)?)
    }

    /// Deploys a contract: instruments `wasm` (a refusal is an error and stores nothing),
    /// derives its id (sha256 of deployer, deployer's nonce and code hash), charges the deploy
    /// price, and runs `instantiate` if the module exports it, with `init_payload` as input.
    /// Only if that succeeds are the code (shared by contracts with the same code), the
    /// account and `instantiate`'s effects stored.
    pub fn deploy_contract(
        &mut self,
        deployer: Address,
        wasm: &[u8],
        init_payload: &[u8],
        gas_limit: u64,
    ) -> Result<DeployResult, EngineError> {
        let inner = &self.engine.inner;
        let instrumented = instrument(wasm, &inner.policy)?;
        let code = Code { code_hash: instrumented.code_hash, policy_hash: instrumented.policy_hash };
        let mut txn = self.take()?;
        let nonce = state::read_u64(&*txn, Table::Nonces, &deployer)?;
        let id = contract_id(&deployer, nonce, &instrumented.code_hash);
        let refused = |status, gas_used| DeployResult {
            contract_id: id,
            code_hash: code.code_hash,
            status,
            output: Vec::new(),
            events: Vec::new(),
            gas_used,
        };
        if gas_limit > MAX_GAS {
            self.txn = Some(txn);
            return Ok(refused(ExecutionStatus::Invalid { reason: InvalidCall::GasLimitTooLarge(gas_limit) }, 0));
        }
        let price = inner.policy.deploy_cost();
        let deploy_gas = price.base.saturating_add(price.per_byte.saturating_mul(wasm.len() as u64));
        if deploy_gas > gas_limit {
            self.txn = Some(txn);
            return Ok(refused(ExecutionStatus::OutOfGas, gas_limit));
        }
        if txn.get(Table::Contracts, &id.0)?.is_some() {
            self.txn = Some(txn);
            return Err(EngineError::Internal(format!("contract {id} exists already")));
        }
        let pre = inner.compile(code, &instrumented.wasm)?;
        // The compiled module is stored with the code, so that a restart does not recompile.
        let artifact = pre.module().serialize().map_err(wasmtime_error)?;
        let has_instantiate = pre.module().get_export(INSTANTIATE).is_some();
        // The account must exist before `instantiate`'s writes are applied to it.
        let record = ContractRecord { code, lattice: Lattice::empty() };
        let (status, output, events, used) = if has_instantiate {
            let block = std::mem::take(&mut self.block);
            let mut execution = Execution::new(View::Write(txn), block, self.ctx, false);
            execution.deploying = Some((id, code));
            let exec = Arc::new(Mutex::new(execution));
            let spec = CallSpec {
                contract: id,
                sender: deployer,
                method: INSTANTIATE.to_string(),
                input: init_payload.to_vec(),
                value: 0,
                gas_limit: gas_limit - deploy_gas,
                depth: 0,
            };
            let outcome = exec::top_level(inner, &exec, spec, true);
            let (view, block) = unwrap(exec)?.into_parts();
            self.block = block;
            let View::Write(mut txn) = view else { return unreachable_view() };
            let outcome = match outcome {
                Ok(outcome) => outcome,
                Err(error) => {
                    self.txn = Some(txn);
                    return Err(error);
                }
            };
            if outcome.status.is_success() {
                store_contract(&mut *txn, &id, &record, wasm, &instrumented.wasm, &code, &deployer, nonce)?;
                txn.put(Table::Artifacts, &inner.artifact_key(&code), &artifact)?;
                self.events.push((self.calls, outcome.events.clone()));
            }
            self.txn = Some(txn);
            (outcome.status, outcome.output, outcome.events, outcome.gas_used)
        } else {
            store_contract(&mut *txn, &id, &record, wasm, &instrumented.wasm, &code, &deployer, nonce)?;
            txn.put(Table::Artifacts, &inner.artifact_key(&code), &artifact)?;
            self.txn = Some(txn);
            (ExecutionStatus::Success, Vec::new(), Vec::new(), 0)
        };
        self.calls += 1;
        Ok(DeployResult {
            contract_id: id,
            code_hash: code.code_hash,
            status,
            output,
            events,
            gas_used: deploy_gas + used,
        })
    }

    /// Calls `method` of a contract with `payload` as input, moving `value` from `sender` to
    /// the contract first. A call that does not succeed changes nothing (the value goes back).
    pub fn execute_contract_call(
        &mut self,
        sender: Address,
        contract_id: ContractId,
        method: &str,
        payload: &[u8],
        value: u64,
        gas_limit: u64,
    ) -> Result<ContractExecutionResult, EngineError> {
        let view = View::Write(self.take()?);
        let block = std::mem::take(&mut self.block);
        let (result, view, block) = run_call(
            &self.engine.inner,
            view,
            block,
            self.ctx,
            false,
            sender,
            contract_id,
            method,
            payload,
            value,
            gas_limit,
        )?;
        let View::Write(txn) = view else { return unreachable_view() };
        (self.txn, self.block) = (Some(txn), block);
        if result.status.is_success() {
            self.events.push((self.calls, result.events.clone()));
        }
        self.calls += 1;
        Ok(result)
    }

    /// Runs a method read-only against the block's state so far (see
    /// [`ContractEngine::query_contract`]).
    pub fn query_contract(
        &mut self,
        sender: Address,
        contract_id: ContractId,
        method: &str,
        payload: &[u8],
        gas_cap: u64,
    ) -> Result<ContractExecutionResult, EngineError> {
        let view = View::Write(self.take()?);
        let block = std::mem::take(&mut self.block);
        let (result, view, block) = run_call(
            &self.engine.inner,
            view,
            block,
            self.ctx,
            true,
            sender,
            contract_id,
            method,
            payload,
            0,
            gas_cap,
        )?;
        let View::Write(txn) = view else { return unreachable_view() };
        (self.txn, self.block) = (Some(txn), block);
        Ok(result)
    }

    /// Applies the block's changes (storage, storage roots, balances, events) and makes them
    /// durable, atomically; records its height as the latest.
    pub fn commit(mut self) -> Result<(), EngineError> {
        let mut txn = self.take()?;
        std::mem::take(&mut self.block).apply(&mut *txn, self.ctx.height, &self.events)?;
        let latest = latest_height(&*txn)?;
        if latest.is_none_or(|latest| self.ctx.height > latest) {
            txn.put(Table::Meta, LATEST_HEIGHT, &self.ctx.height.to_le_bytes())?;
        }
        txn.commit()?;
        Ok(())
    }

    /// Drops the block's changes.
    pub fn abort(self) {}
}

fn unreachable_view<T>() -> Result<T, EngineError> {
    Err(EngineError::Internal("a block's execution lost its write transaction".to_string()))
}

fn unwrap(exec: Arc<Mutex<Execution>>) -> Result<Execution, EngineError> {
    Arc::try_unwrap(exec)
        .map_err(|_| EngineError::Internal("an instance outlived its call".to_string()))?
        .into_inner()
        .map_err(|_| EngineError::Internal("execution state poisoned".to_string()))
}

/// Runs one top-level call over `view` and the block's frame; a successful call that may
/// write leaves its changes in the block's frame.
#[allow(clippy::too_many_arguments)]
fn run_call(
    inner: &Arc<EngineInner>,
    view: View,
    block: Frame,
    ctx: BlockContext,
    read_only: bool,
    sender: Address,
    contract: ContractId,
    method: &str,
    payload: &[u8],
    value: u64,
    gas_limit: u64,
) -> Result<(ContractExecutionResult, View, Frame), EngineError> {
    let exec = Arc::new(Mutex::new(Execution::new(view, block, ctx, read_only)));
    let spec =
        CallSpec { contract, sender, method: method.to_string(), input: payload.to_vec(), value, gas_limit, depth: 0 };
    let outcome = exec::top_level(inner, &exec, spec, false);
    let (view, block) = unwrap(exec)?.into_parts();
    let outcome = outcome?;
    let result = ContractExecutionResult {
        status: outcome.status,
        output: outcome.output,
        events: outcome.events,
        gas_used: outcome.gas_used,
    };
    Ok((result, view, block))
}

const LATEST_HEIGHT: &[u8] = b"latest-height";

fn latest_height(txn: &dyn crate::storage::ReadTxn) -> Result<Option<u64>, StorageError> {
    match txn.get(Table::Meta, LATEST_HEIGHT)? {
        Some(bytes) => {
            let bytes: [u8; 8] = bytes.as_slice().try_into().map_err(|_| StorageError("corrupt height".into()))?;
            Ok(Some(u64::from_le_bytes(bytes)))
        }
        None => Ok(None),
    }
}

/// sha256(deployer || nonce, 8 bytes little-endian || code hash).
pub fn contract_id(deployer: &Address, nonce: u64, code_hash: &CodeHash) -> ContractId {
    let mut hasher = Sha256::new();
    hasher.update(deployer.0);
    hasher.update(nonce.to_le_bytes());
    hasher.update(code_hash.0);
    Address(hasher.finalize().into())
}

#[allow(clippy::too_many_arguments)]
fn store_contract(
    txn: &mut dyn WriteTxn,
    id: &ContractId,
    record: &ContractRecord,
    original: &[u8],
    instrumented: &[u8],
    code: &Code,
    deployer: &Address,
    nonce: u64,
) -> Result<(), StorageError> {
    if txn.get(Table::Originals, &code.code_hash.0)?.is_none() {
        txn.put(Table::Originals, &code.code_hash.0, original)?;
    }
    let key = code_key(code);
    if txn.get(Table::Code, &key)?.is_none() {
        txn.put(Table::Code, &key, instrumented)?;
    }
    txn.put(Table::Contracts, &id.0, &record.encode())?;
    txn.put(Table::Nonces, &deployer.0, &(nonce + 1).to_le_bytes())
}
