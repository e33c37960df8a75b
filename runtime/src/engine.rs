//! The engine a ledger embeds: deploy, execute and query contracts, block by block.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use baals_abi::{Abi, AbiError};
use baals_instrument::{CodeHash, InstrumentError, instrument, without_trap_write_backs};
use baals_policy::Policy;
use sha2::{Digest, Sha256};

use crate::backend::{Backend, Compiled, Runner};
use crate::exec::{self, CallOutcome, CallSpec, INSTANTIATE, MAX_GAS};
use crate::lattice::Lattice;
use crate::state::{self, Code, ContractRecord, Deploying, Execution, Frame, View};
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
    /// The module's ABI was refused at deployment (malformed, or not matching the module):
    /// nothing was stored.
    #[error("ABI: {0}")]
    Abi(#[from] AbiError),
    /// The storage failed.
    #[error("storage: {0}")]
    Storage(String),
    /// wasmtime refused a configuration or a module, or failed for a reason that is not the
    /// contract's.
    #[error("wasmtime: {0}")]
    Wasmtime(String),
    /// wasmi refused a module, or failed for a reason that is not the contract's.
    #[error("wasmi: {0}")]
    Wasmi(String),
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

/// Native stack bytes per frame beyond its values (return address, frame pointer, saved
/// registers, alignment), and per stack unit (a value spilled to the stack), both as
/// measured on cranelift's x86-64 and aarch64 output with room to spare (`docs/runtime.md`).
const FRAME_BYTES: u64 = 128;
const UNIT_BYTES: u64 = 16;

/// The native stack a policy's deepest recursion needs: the most frames that fit in
/// `stack.max-height` (each at least `frame-base` units), every one at the per-frame and
/// per-unit bound, doubled. wasmtime traps past this, so the deterministic limit must come
/// first: `tests` check it with the largest and the smallest frames.
pub fn native_stack_bytes(policy: &Policy) -> usize {
    let stack = policy.stack();
    let frames = stack.max_frames();
    let bytes = 2 * (FRAME_BYTES * frames + UNIT_BYTES * stack.max_height);
    usize::try_from(bytes).unwrap_or(usize::MAX)
}

/// Tuning that never changes a result.
#[derive(Clone, Debug)]
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
}

impl Default for EngineConfig {
    fn default() -> Self {
        EngineConfig { cache_bytes: 256 << 20, backend: Backend::default(), copies: true }
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
}

/// Which module of a code a call runs on: the copy without the write-backs only traps read,
/// or the stored module itself, which a call that trapped on the copy runs again on
/// (`docs/runtime.md`, "Traps run twice").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Module {
    Copy,
    Stored,
}

/// Compiled modules in memory, least recently used evicted past a budget of code bytes.
struct ModuleCache {
    entries: HashMap<(Code, Module), (Compiled, usize, u64)>,
    bytes: usize,
    budget: usize,
    tick: u64,
}

impl ModuleCache {
    fn get(&mut self, key: &(Code, Module)) -> Option<Compiled> {
        self.tick += 1;
        let tick = self.tick;
        self.entries.get_mut(key).map(|(compiled, _, used)| {
            *used = tick;
            compiled.clone()
        })
    }

    fn insert(&mut self, key: (Code, Module), compiled: Compiled, size: usize) {
        self.tick += 1;
        if let Some((_, old, _)) = self.entries.insert(key, (compiled, size, self.tick)) {
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
    pub(crate) runner: Runner,
    pub(crate) policy: Policy,
    cache: Mutex<ModuleCache>,
    /// The module top-level calls run on first: the copy, unless the engine was configured
    /// without copies.
    pub(crate) first: Module,
}

impl EngineInner {
    /// `module` of `code`, compiled (`docs/runtime.md`, "Traps run twice"): from memory, else
    /// from a stored artifact, else compiled from the stored instrumented module (and its
    /// artifact stored, in a block). The copy and the stored module are cached and stored
    /// apart, each under its own artifact key.
    pub(crate) fn compiled(
        &self,
        exec: &Arc<Mutex<Execution>>,
        code: Code,
        module: Module,
    ) -> Result<Compiled, EngineError> {
        let key = (code, module);
        if let Some(compiled) = self.cache_lock()?.get(&key) {
            return Ok(compiled);
        }
        let mut exec = exec.lock().map_err(|_| EngineError::Internal("execution state poisoned".to_string()))?;
        // Code being deployed is not stored until its `instantiate` succeeds; its copy was
        // compiled for the deployment.
        if let Some(deploying) = &exec.deploying
            && deploying.code == code
        {
            if module == self.first {
                return Ok(deploying.compiled.clone());
            }
            let wasm = Arc::clone(&deploying.wasm);
            drop(exec);
            return self.compile(code, &wasm, module);
        }
        let artifact_key = self.artifact_key(&code, module);
        if let Some(artifact_key) = &artifact_key
            && let Some(bytes) = exec.view.read().get(Table::Artifacts, artifact_key)?
            && let Some(compiled) = self.runner.load_artifact(&bytes)?
        {
            drop(exec);
            return self.cache(key, compiled, bytes.len());
        }
        let wasm = stored_code(&exec, &code)?;
        let compiled = self.runner.compile(&module_of(&wasm, module)?)?;
        let read_only = exec.read_only;
        if let (Some(artifact_key), View::Write(txn), false) = (&artifact_key, &mut exec.view, read_only)
            && let Some(artifact) = compiled.artifact()?
            && let Err(error) = txn.put(Table::Artifacts, artifact_key, &artifact)
        {
            exec.write_failed = true;
            return Err(error.into());
        }
        drop(exec);
        self.cache(key, compiled, wasm.len())
    }

    /// Compiles `module` of instrumented code that is not stored yet (a deployment), into the
    /// cache.
    fn compile(&self, code: Code, wasm: &[u8], module: Module) -> Result<Compiled, EngineError> {
        let key = (code, module);
        if let Some(compiled) = self.cache_lock()?.get(&key) {
            return Ok(compiled);
        }
        let compiled = self.runner.compile(&module_of(wasm, module)?)?;
        self.cache(key, compiled, wasm.len())
    }

    fn cache(&self, key: (Code, Module), compiled: Compiled, wasm_len: usize) -> Result<Compiled, EngineError> {
        let size = compiled.size(wasm_len);
        self.cache_lock()?.insert(key, compiled.clone(), size);
        Ok(compiled)
    }

    fn cache_lock(&self) -> Result<std::sync::MutexGuard<'_, ModuleCache>, EngineError> {
        self.cache.lock().map_err(|_| EngineError::Internal("module cache poisoned".to_string()))
    }

    /// Where this engine's compiled artifact of `module` of `code` is stored, if its engine
    /// has artifacts.
    fn artifact_key(&self, code: &Code, module: Module) -> Option<Vec<u8>> {
        let fingerprint = self.runner.fingerprint()?;
        let mut key = code_key(code);
        key.extend_from_slice(fingerprint);
        key.push(module.artifact_mark());
        Some(key)
    }
}

impl Module {
    /// What ends the artifact key of this module of a code: the two are compiled apart, and
    /// an artifact stored before calls ran on the copy (under the key without a mark, and of
    /// the stored module) is not taken for the copy's.
    fn artifact_mark(self) -> u8 {
        match self {
            Module::Stored => 1,
            Module::Copy => 2,
        }
    }
}

/// The instrumented module stored for `code`.
fn stored_code(exec: &Execution, code: &Code) -> Result<Vec<u8>, EngineError> {
    exec.view
        .read()
        .get(Table::Code, &code_key(code))?
        .ok_or_else(|| EngineError::Storage(format!("no instrumented code for {}", code.code_hash)))
}

/// `module` of the stored instrumented `wasm`: the stored module itself, or the copy without
/// the write-backs only traps read (`baals_instrument::without_trap_write_backs`), which is
/// the module itself when it has none.
fn module_of(wasm: &[u8], module: Module) -> Result<std::borrow::Cow<'_, [u8]>, EngineError> {
    match module {
        Module::Stored => Ok(wasm.into()),
        Module::Copy => match without_trap_write_backs(wasm) {
            Ok(Some(copy)) => Ok(copy.into()),
            Ok(None) => Ok(wasm.into()),
            Err(error) => Err(EngineError::Storage(format!("stored code: {error}"))),
        },
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
        let runner = Runner::new(tuning.backend, &policy)?;
        let cache = ModuleCache { entries: HashMap::new(), bytes: 0, budget: tuning.cache_bytes, tick: 0 };
        let first = if tuning.copies { Module::Copy } else { Module::Stored };
        let inner = EngineInner { runner, policy, cache: Mutex::new(cache), first };
        Ok(ContractEngine { inner: Arc::new(inner), storage: Arc::new(storage) })
    }

    /// The policy contracts are deployed and run under.
    pub fn policy(&self) -> &Policy {
        &self.inner.policy
    }

    /// The engine contracts run on.
    pub fn backend(&self) -> Backend {
        self.inner.runner.backend()
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
        self.deploy_contract_with_abi(ctx, deployer, wasm, None, init_payload, gas_limit)
    }

    /// Deploys a contract with an ABI given beside the module, in a block of its own (see
    /// [`BlockSession::deploy_contract_with_abi`]).
    pub fn deploy_contract_with_abi(
        &self,
        ctx: BlockContext,
        deployer: Address,
        wasm: &[u8],
        abi: Option<&str>,
        init_payload: &[u8],
        gas_limit: u64,
    ) -> Result<DeployResult, EngineError> {
        let mut block = self.begin_block(ctx)?;
        let result = block.deploy_contract_with_abi(deployer, wasm, abi, init_payload, gas_limit)?;
        block.commit()?;
        Ok(result)
    }

    /// The ABI a contract was deployed with (from its module's `baals.abi` section or given
    /// at deploy), if any.
    pub fn contract_abi(&self, id: &ContractId) -> Result<Option<Abi>, EngineError> {
        let Some(bytes) = self.storage.read()?.get(Table::Abis, &id.0)? else { return Ok(None) };
        // Checked when it was stored: a failure here is a corrupt database.
        Abi::parse_bytes(&bytes).map(Some).map_err(|error| EngineError::Storage(format!("stored ABI of {id}: {error}")))
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
        result
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

    /// Deploys a contract: instruments `wasm` (a refusal is an error and stores nothing; code
    /// already stored under the policy is not instrumented again, its stored instrumentation is
    /// what every contract of it runs), derives its id (sha256 of deployer, deployer's nonce
    /// and code hash), charges the deploy price, and runs `instantiate` if the module exports
    /// it, with `init_payload` as input. Only if that succeeds are the code (shared by
    /// contracts with the same code), the account and `instantiate`'s effects stored. A module
    /// with a `baals.abi` section has that ABI checked against its exports and stored with it.
    pub fn deploy_contract(
        &mut self,
        deployer: Address,
        wasm: &[u8],
        init_payload: &[u8],
        gas_limit: u64,
    ) -> Result<DeployResult, EngineError> {
        self.deploy_contract_with_abi(deployer, wasm, None, init_payload, gas_limit)
    }

    /// [`BlockSession::deploy_contract`], with `abi` (JSON, `docs/abi-json.md`) given beside a
    /// module: it is checked against the module's exports (and against its `baals.abi`
    /// section, if it has one) and stored with the contract. A malformed or mismatched ABI
    /// refuses the deployment, like a refused module: nothing is stored.
    pub fn deploy_contract_with_abi(
        &mut self,
        deployer: Address,
        wasm: &[u8],
        abi: Option<&str>,
        init_payload: &[u8],
        gas_limit: u64,
    ) -> Result<DeployResult, EngineError> {
        let inner = &self.engine.inner;
        let code = Code { code_hash: CodeHash::of(wasm), policy_hash: inner.policy.hash() };
        // Code already stored under this policy was accepted by it, and every contract of that
        // code runs the stored instrumentation: a deployment of it runs that too, rather than
        // instrumenting again (which was most of the work of such a deployment).
        let stored = self.txn.as_ref().ok_or(EngineError::SessionFailed)?.get(Table::Code, &code_key(&code))?;
        let known = stored.is_some();
        let instrumented = match stored {
            Some(stored) => stored,
            None => instrument(wasm, &inner.policy)?.wasm,
        };
        let abi = Abi::for_deploy(wasm, abi)?;
        // Everything that can fail before the deployment writes (reads, compilation) is done
        // with the transaction left in the session: such a failure refuses this deployment
        // only, and the block goes on.
        let txn = self.txn.as_deref().ok_or(EngineError::SessionFailed)?;
        let nonce = state::read_u64(txn, Table::Nonces, &deployer)?;
        let id = contract_id(&deployer, nonce, &code.code_hash);
        let refused = |status, gas_used| DeployResult {
            contract_id: id,
            code_hash: code.code_hash,
            status,
            output: Vec::new(),
            events: Vec::new(),
            gas_used,
        };
        if gas_limit > MAX_GAS {
            return Ok(refused(ExecutionStatus::Invalid { reason: InvalidCall::GasLimitTooLarge(gas_limit) }, 0));
        }
        // The module parsed (it was instrumented, now or when its code was stored).
        let functions = baals_instrument::defined_functions(wasm).unwrap_or(0);
        let deploy_gas = inner.policy.deploy_cost().of(wasm.len() as u64, functions);
        if deploy_gas > gas_limit {
            return Ok(refused(ExecutionStatus::OutOfGas, gas_limit));
        }
        if txn.get(Table::Contracts, &id.0)?.is_some() {
            return Err(EngineError::Internal(format!("contract {id} exists already")));
        }
        let compiled = inner.compile(code, &instrumented, inner.first)?;
        // The compiled module is stored with the code, so that a restart does not recompile;
        // stored code usually has its artifact stored already (unless another engine wrote it).
        let artifact = match inner.artifact_key(&code, inner.first) {
            Some(key) if !(known && txn.get(Table::Artifacts, &key)?.is_some()) => {
                compiled.artifact()?.map(|artifact| (key, artifact))
            }
            _ => None,
        };
        // Stored code has its original and instrumented modules stored already.
        let new_code = (!known).then_some((wasm, instrumented.as_slice()));
        let has_instantiate = compiled.exports(INSTANTIATE);
        let mut txn = self.take()?;
        // The account must exist before `instantiate`'s writes are applied to it.
        let record = ContractRecord { code, lattice: Lattice::empty() };
        let (status, output, events, used) = if has_instantiate {
            let block = std::mem::take(&mut self.block);
            let mut execution = Execution::new(View::Write(txn), block, self.ctx, false);
            execution.deploying =
                Some(Deploying { id, code, compiled: compiled.clone(), wasm: instrumented.as_slice().into() });
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
            let Some((view, block)) = unwrap(exec)?.into_parts() else { return Err(lost(outcome)) };
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
                store_contract(&mut *txn, &id, &record, new_code, &code, &deployer, nonce, abi.as_ref())?;
                store_artifact(&mut *txn, &artifact)?;
                self.events.push((self.calls, outcome.events.clone()));
            }
            self.txn = Some(txn);
            (outcome.status, outcome.output, outcome.events, outcome.gas_used)
        } else {
            store_contract(&mut *txn, &id, &record, new_code, &code, &deployer, nonce, abi.as_ref())?;
            store_artifact(&mut *txn, &artifact)?;
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
        let result = self.run(false, sender, contract_id, method, payload, value, gas_limit)?;
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
        self.run(true, sender, contract_id, method, payload, 0, gas_cap)
    }

    /// Runs one top-level call over the block's transaction and frame, and takes them back.
    #[allow(clippy::too_many_arguments)]
    fn run(
        &mut self,
        read_only: bool,
        sender: Address,
        contract_id: ContractId,
        method: &str,
        payload: &[u8],
        value: u64,
        gas_limit: u64,
    ) -> Result<ContractExecutionResult, EngineError> {
        let view = View::Write(self.take()?);
        let block = std::mem::take(&mut self.block);
        let inner = &self.engine.inner;
        let (result, view, block) =
            run_call(inner, view, block, self.ctx, read_only, sender, contract_id, method, payload, value, gas_limit)?;
        let View::Write(txn) = view else { return unreachable_view() };
        (self.txn, self.block) = (Some(txn), block);
        result
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

/// The error of a call during which a write to the block's transaction failed, which the
/// session does not get back.
fn lost(outcome: Result<CallOutcome, EngineError>) -> EngineError {
    match outcome {
        Err(error) => error,
        Ok(_) => EngineError::Internal("a write to the block's transaction failed in a call that ran".to_string()),
    }
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
/// write leaves its changes in the block's frame. The view and the frame come back even when
/// the call could not run (a storage read failed, say): such a call changed nothing, and the
/// block can go on without it.
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
) -> Result<(Result<ContractExecutionResult, EngineError>, View, Frame), EngineError> {
    let exec = Arc::new(Mutex::new(Execution::new(view, block, ctx, read_only)));
    let spec =
        CallSpec { contract, sender, method: method.to_string(), input: payload.to_vec(), value, gas_limit, depth: 0 };
    let outcome = exec::top_level(inner, &exec, spec, false);
    let Some((view, block)) = unwrap(exec)?.into_parts() else { return Err(lost(outcome)) };
    let result = outcome.map(|outcome| ContractExecutionResult {
        status: outcome.status,
        output: outcome.output,
        events: outcome.events,
        gas_used: outcome.gas_used,
    });
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

/// Stores a deployed contract's account and the deployer's nonce, and with `new_code`, the
/// original and instrumented modules of code not stored under the policy yet (the original may
/// be, under another policy).
#[allow(clippy::too_many_arguments)]
fn store_contract(
    txn: &mut dyn WriteTxn,
    id: &ContractId,
    record: &ContractRecord,
    new_code: Option<(&[u8], &[u8])>,
    code: &Code,
    deployer: &Address,
    nonce: u64,
    abi: Option<&Abi>,
) -> Result<(), StorageError> {
    if let Some((original, instrumented)) = new_code {
        if txn.get(Table::Originals, &code.code_hash.0)?.is_none() {
            txn.put(Table::Originals, &code.code_hash.0, original)?;
        }
        txn.put(Table::Code, &code_key(code), instrumented)?;
    }
    txn.put(Table::Contracts, &id.0, &record.encode())?;
    if let Some(abi) = abi {
        txn.put(Table::Abis, &id.0, abi.json.to_string().as_bytes())?;
    }
    txn.put(Table::Nonces, &deployer.0, &(nonce + 1).to_le_bytes())
}

fn store_artifact(txn: &mut dyn WriteTxn, artifact: &Option<(Vec<u8>, Vec<u8>)>) -> Result<(), StorageError> {
    match artifact {
        Some((key, bytes)) => txn.put(Table::Artifacts, key, bytes),
        None => Ok(()),
    }
}
