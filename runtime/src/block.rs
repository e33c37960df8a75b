//! A block: the calls and deployments a ledger runs over state it owns, and the changes they
//! make, handed back for the ledger to commit (`docs/runtime.md`, "Embedding").

use std::any::Any;
use std::collections::BTreeMap;
use std::marker::PhantomData;
use std::sync::{Arc, Mutex, MutexGuard};

use baals_abi::Abi;
use baals_instrument::{CodeHash, instrument};
use baals_policy::PolicyHash;
use sha2::{Digest, Sha256};

use crate::error::EngineError;
use crate::exec::{self, CallOutcome, CallSpec, INSTANTIATE, MAX_GAS};
use crate::keys::{self, code_key, decode_u64, event_key, state_key};
use crate::lattice::Lattice;
use crate::shared::Shared;
use crate::state::{ContractRecord, Deploying, Execution, Frame};
use crate::storage::{ReadTxn, StorageError, Table, WriteTxn};
use crate::trace::Tracer;
use crate::types::{
    Address, BlockContext, Code, ContractExecutionResult, ContractId, DeployResult, Event, ExecutionStatus, InvalidCall,
};

/// A call of a contract's method, moving `value` from `sender` to the contract first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Call<'a> {
    /// Who calls, and pays the value.
    pub sender: Address,
    /// The contract called.
    pub contract: ContractId,
    /// The method: an export of type `[] -> []`.
    pub method: &'a str,
    /// The input the contract reads with `baals_get_input_data`.
    pub input: &'a [u8],
    /// Native value moved from the sender to the contract before it runs.
    pub value: u64,
    /// The most gas the call may use (at most 2^62).
    pub gas_limit: u64,
}

impl<'a> Call<'a> {
    /// A call of `method` with no input and no value.
    pub fn new(sender: Address, contract: ContractId, method: &'a str, gas_limit: u64) -> Call<'a> {
        Call { sender, contract, method, input: &[], value: 0, gas_limit }
    }

    /// This call, with `input`.
    pub fn with_input(mut self, input: &'a [u8]) -> Call<'a> {
        self.input = input;
        self
    }

    /// This call, sending `value`.
    pub fn with_value(mut self, value: u64) -> Call<'a> {
        self.value = value;
        self
    }
}

/// A read-only call: any change of state (a storage write or removal, an event, a transfer,
/// value sent by a nested call) ends it as a trap. Its gas is metered against `gas_limit` and
/// charged to no one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Query<'a> {
    /// Who asks (what the contract reads as its sender).
    pub sender: Address,
    /// The contract queried.
    pub contract: ContractId,
    /// The method.
    pub method: &'a str,
    /// The input.
    pub input: &'a [u8],
    /// The most gas the query may use.
    pub gas_limit: u64,
}

impl<'a> Query<'a> {
    /// A query of `method` with no input.
    pub fn new(sender: Address, contract: ContractId, method: &'a str, gas_limit: u64) -> Query<'a> {
        Query { sender, contract, method, input: &[], gas_limit }
    }

    /// This query, with `input`.
    pub fn with_input(mut self, input: &'a [u8]) -> Query<'a> {
        self.input = input;
        self
    }

    /// The call it is, read-only: no value moves.
    fn as_call(&self) -> Call<'a> {
        Call::new(self.sender, self.contract, self.method, self.gas_limit).with_input(self.input)
    }
}

/// A deployment: a module, instrumented under the engine's policy, and its `instantiate` run
/// with `input` if it exports one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deploy<'a> {
    /// Who deploys: the contract id derives from it and its nonce.
    pub deployer: Address,
    /// The module, binary.
    pub wasm: &'a [u8],
    /// An ABI (JSON, `docs/abi-json.md`) given beside a module: checked against its exports
    /// (and its `baals.abi` section, if it has one) and stored with the contract.
    pub abi: Option<&'a str>,
    /// `instantiate`'s input.
    pub input: &'a [u8],
    /// The most gas the deployment may use: its price and `instantiate`'s gas.
    pub gas_limit: u64,
}

impl<'a> Deploy<'a> {
    /// A deployment of `wasm` with no input and no ABI beside it.
    pub fn new(deployer: Address, wasm: &'a [u8], gas_limit: u64) -> Deploy<'a> {
        Deploy { deployer, wasm, abi: None, input: &[], gas_limit }
    }

    /// This deployment, `instantiate` given `input`.
    pub fn with_input(mut self, input: &'a [u8]) -> Deploy<'a> {
        self.input = input;
        self
    }

    /// This deployment, with `abi` beside the module.
    pub fn with_abi(mut self, abi: &'a str) -> Deploy<'a> {
        self.abi = Some(abi);
        self
    }
}

/// A block being built over the ledger's state `S`: calls, queries and deployments run in
/// order, each seeing what the ones before it changed, and [`Block::finish`] hands back what
/// the block changed, with the state, for the ledger to write and commit. The engine commits
/// nothing, and writes nothing while the block runs: dropping the block drops its changes.
///
/// Each call runs in its own overlay: one that fails changes nothing, and an error (a failed
/// read of the state) fails that call or deployment alone; the block goes on.
pub struct Block<'e, S: ReadTxn> {
    shared: &'e Arc<Shared>,
    /// The ledger's state and what the block's successful calls and deployments changed (the
    /// block's frame), shared with the instances of each call as it runs. One for the block,
    /// so that a call allocates none of it.
    exec: Arc<Mutex<Execution>>,
    /// Each successful call's events, by call index.
    events: Vec<(u32, Vec<Event>)>,
    ctx: BlockContext,
    calls: u32,
    _state: PhantomData<fn() -> S>,
}

impl<S: ReadTxn> std::fmt::Debug for Block<'_, S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Block").field("ctx", &self.ctx).field("calls", &self.calls).finish_non_exhaustive()
    }
}

impl<'e, S: ReadTxn> Block<'e, S> {
    pub(crate) fn new(shared: &'e Arc<Shared>, ctx: BlockContext, state: S) -> Block<'e, S> {
        let exec = Execution::new(Box::new(state), Frame::default(), ctx);
        Block { shared, exec: Arc::new(Mutex::new(exec)), events: Vec::new(), ctx, calls: 0, _state: PhantomData }
    }

    /// The block's context.
    pub fn context(&self) -> BlockContext {
        self.ctx
    }

    /// Calls and deployments run so far: the index the next one's events are stored under.
    pub fn calls(&self) -> u32 {
        self.calls
    }

    fn exec(&self) -> Result<MutexGuard<'_, Execution>, EngineError> {
        self.exec.lock().map_err(|_| EngineError::BlockFailed)
    }

    /// A value as the block's deployments left it: what they stored, else the ledger's state.
    fn read(&self, table: Table, key: &[u8]) -> Result<Option<Vec<u8>>, EngineError> {
        Ok(self.exec()?.read(table, key)?)
    }

    /// Adds `amount` to an address's native balance: how the ledger funds accounts.
    /// Returns the new balance.
    pub fn credit(&mut self, address: &Address, amount: u64) -> Result<u64, EngineError> {
        let mut exec = self.exec()?;
        let balance = exec.balance(address)?.checked_add(amount).ok_or(EngineError::BalanceOverflow(*address))?;
        exec.block_frame().balances.insert(*address, balance);
        Ok(balance)
    }

    /// Runs a call. One that does not succeed changes nothing (its value goes back).
    pub fn call(&mut self, call: &Call<'_>) -> Result<ContractExecutionResult, EngineError> {
        Ok(self.run_top_level(call, false, None)?.0)
    }

    /// [`Block::call`], telling `tracer` everything the call does.
    pub fn call_traced<T: Tracer>(
        &mut self,
        call: &Call<'_>,
        tracer: T,
    ) -> Result<(ContractExecutionResult, T), EngineError> {
        let (result, tracer) = self.run_top_level(call, false, Some(Box::new(tracer)))?;
        Ok((result, downcast(tracer)?))
    }

    /// [`Block::call`], or [`Block::call_traced`] when given a tracer, for callers that decide
    /// at run time.
    pub fn call_with<T: Tracer>(
        &mut self,
        call: &Call<'_>,
        tracer: Option<T>,
    ) -> Result<(ContractExecutionResult, Option<T>), EngineError> {
        match tracer {
            Some(tracer) => self.call_traced(call, tracer).map(|(result, tracer)| (result, Some(tracer))),
            None => self.call(call).map(|result| (result, None)),
        }
    }

    /// Runs a query against the block's state so far. It changes nothing and takes no index.
    pub fn query(&mut self, query: &Query<'_>) -> Result<ContractExecutionResult, EngineError> {
        Ok(self.run_top_level(&query.as_call(), true, None)?.0)
    }

    /// [`Block::query`], telling `tracer` everything the query does.
    pub fn query_traced<T: Tracer>(
        &mut self,
        query: &Query<'_>,
        tracer: T,
    ) -> Result<(ContractExecutionResult, T), EngineError> {
        let (result, tracer) = self.run_top_level(&query.as_call(), true, Some(Box::new(tracer)))?;
        Ok((result, downcast(tracer)?))
    }

    /// [`Block::query`], or [`Block::query_traced`] when given a tracer.
    pub fn query_with<T: Tracer>(
        &mut self,
        query: &Query<'_>,
        tracer: Option<T>,
    ) -> Result<(ContractExecutionResult, Option<T>), EngineError> {
        match tracer {
            Some(tracer) => self.query_traced(query, tracer).map(|(result, tracer)| (result, Some(tracer))),
            None => self.query(query).map(|result| (result, None)),
        }
    }

    /// Runs a call, or a query (`read_only`), which records no events and takes no index.
    fn run_top_level(
        &mut self,
        call: &Call<'_>,
        read_only: bool,
        tracer: Option<Box<dyn Tracer>>,
    ) -> Result<(ContractExecutionResult, Option<Box<dyn Tracer>>), EngineError> {
        let spec = CallSpec {
            contract: call.contract,
            sender: call.sender,
            method: call.method.into(),
            input: call.input.into(),
            value: call.value,
            gas_limit: call.gas_limit,
            depth: 0,
            traced: tracer.is_some(),
        };
        let (outcome, tracer) = self.run(spec, read_only, None, tracer)?;
        let outcome = outcome?;
        if !read_only {
            if outcome.status.is_success() {
                self.events.push((self.calls, outcome.events.clone()));
            }
            self.calls += 1;
        }
        Ok((result(outcome), tracer))
    }

    /// Deploys a contract: instruments the module (a refusal is an error and stores nothing;
    /// code already stored under the policy is not instrumented again, its stored
    /// instrumentation is what every contract of it runs), derives its id
    /// ([`contract_id`]), charges the deploy price, and runs `instantiate` if the module
    /// exports it. Only if that succeeds are the code (shared by contracts with the same code),
    /// the account, the ABI (the module's `baals.abi` section or the one given) and
    /// `instantiate`'s effects part of the block.
    pub fn deploy(&mut self, deploy: &Deploy<'_>) -> Result<DeployResult, EngineError> {
        Ok(self.run_deploy(deploy, None)?.0)
    }

    /// [`Block::deploy`], telling `tracer` everything `instantiate` does.
    pub fn deploy_traced<T: Tracer>(
        &mut self,
        deploy: &Deploy<'_>,
        tracer: T,
    ) -> Result<(DeployResult, T), EngineError> {
        let (result, tracer) = self.run_deploy(deploy, Some(Box::new(tracer)))?;
        Ok((result, downcast(tracer)?))
    }

    /// [`Block::deploy`], or [`Block::deploy_traced`] when given a tracer.
    pub fn deploy_with<T: Tracer>(
        &mut self,
        deploy: &Deploy<'_>,
        tracer: Option<T>,
    ) -> Result<(DeployResult, Option<T>), EngineError> {
        match tracer {
            Some(tracer) => self.deploy_traced(deploy, tracer).map(|(result, tracer)| (result, Some(tracer))),
            None => self.deploy(deploy).map(|result| (result, None)),
        }
    }

    fn run_deploy(
        &mut self,
        deploy: &Deploy<'_>,
        tracer: Option<Box<dyn Tracer>>,
    ) -> Result<(DeployResult, Option<Box<dyn Tracer>>), EngineError> {
        let shared = self.shared;
        let code = Code { code_hash: CodeHash::of(deploy.wasm), policy_hash: shared.policy.hash() };
        // Code already stored under this policy was accepted by it, and every contract of that
        // code runs the stored instrumentation: a deployment of it runs that too, rather than
        // instrumenting again (which was most of the work of such a deployment).
        let stored = self.read(Table::Code, &code_key(&code))?;
        let known = stored.is_some();
        let instrumented = match stored {
            Some(stored) => stored,
            None => instrument(deploy.wasm, &shared.policy)?.wasm,
        };
        let abi = Abi::for_deploy(deploy.wasm, deploy.abi)?;
        let deployer = deploy.deployer;
        let nonce =
            self.read(Table::Nonces, &deployer.0)?.map(|bytes| decode_u64(&bytes, Table::Nonces)).transpose()?;
        let nonce = nonce.unwrap_or(0);
        let id = contract_id(&deployer, nonce, &code.code_hash);
        let refused = |status, gas_used| DeployResult {
            contract_id: id,
            code_hash: code.code_hash,
            status,
            output: Vec::new(),
            events: Vec::new(),
            gas_used,
        };
        if deploy.gas_limit > MAX_GAS {
            let reason = InvalidCall::GasLimitTooLarge(deploy.gas_limit);
            return Ok((refused(ExecutionStatus::Invalid { reason }, 0), tracer));
        }
        // The module parsed (it was instrumented, now or when its code was stored).
        let functions = baals_instrument::defined_functions(deploy.wasm).unwrap_or(0);
        let deploy_gas = shared.policy.deploy_cost().of(deploy.wasm.len() as u64, functions);
        if deploy_gas > deploy.gas_limit {
            return Ok((refused(ExecutionStatus::OutOfGas, deploy.gas_limit), tracer));
        }
        if self.read(Table::Contracts, &id.0)?.is_some() {
            return Err(EngineError::ContractExists(id));
        }
        let (has_instantiate, compiled) = shared.compile_deploying(code, &instrumented, INSTANTIATE)?;
        // Stored code has its original and instrumented modules stored already; an original
        // may be stored under another policy.
        let original = match known || self.read(Table::Originals, &code.code_hash.0)?.is_some() {
            true => None,
            false => Some(deploy.wasm),
        };
        let new_code = (!known).then_some((original, instrumented.as_slice()));
        let stored = Deployed { id, code, new_code, deployer, nonce, abi: abi.as_ref() };
        let (status, output, events, used, tracer) = if has_instantiate {
            let spec = CallSpec {
                contract: id,
                sender: deployer,
                method: INSTANTIATE.into(),
                input: deploy.input.into(),
                value: 0,
                gas_limit: deploy.gas_limit - deploy_gas,
                depth: 0,
                traced: tracer.is_some(),
            };
            let deploying = Deploying { id, code, compiled, wasm: instrumented.as_slice().into() };
            let (outcome, tracer) = self.run(spec, false, Some(deploying), tracer)?;
            let outcome = outcome?;
            if outcome.status.is_success() {
                self.store(stored)?;
                self.events.push((self.calls, outcome.events.clone()));
            }
            (outcome.status, outcome.output, outcome.events, outcome.gas_used, tracer)
        } else {
            self.store(stored)?;
            (ExecutionStatus::Success, Vec::new(), Vec::new(), 0, tracer)
        };
        self.calls += 1;
        let result = DeployResult {
            contract_id: id,
            code_hash: code.code_hash,
            status,
            output,
            events,
            gas_used: deploy_gas + used,
        };
        Ok((result, tracer))
    }

    /// Records a deployment in the block: the deployer's nonce, the account, the ABI, and the
    /// code if it is new under the policy.
    fn store(&mut self, deployed: Deployed<'_>) -> Result<(), EngineError> {
        let mut exec = self.exec()?;
        let written = &mut exec.block_frame().written;
        if let Some((original, instrumented)) = deployed.new_code {
            if let Some(original) = original {
                written.insert((Table::Originals, deployed.code.code_hash.0.to_vec()), original.to_vec());
            }
            written.insert((Table::Code, code_key(&deployed.code)), instrumented.to_vec());
        }
        let record = ContractRecord { code: deployed.code, lattice: Lattice::empty() };
        written.insert((Table::Contracts, deployed.id.0.to_vec()), record.encode());
        if let Some(abi) = deployed.abi {
            written.insert((Table::Abis, deployed.id.0.to_vec()), abi.json.to_string().into_bytes());
        }
        written.insert((Table::Nonces, deployed.deployer.0.to_vec()), (deployed.nonce + 1).to_le_bytes().to_vec());
        Ok(())
    }

    /// Runs one top-level call over the block's state and frame, and takes them back. The
    /// outcome is an error if the call could not run (a read of the state failed, say): such a
    /// call changed nothing, and the block goes on without it.
    fn run(
        &mut self,
        spec: CallSpec<'_>,
        read_only: bool,
        deploying: Option<Deploying>,
        tracer: Option<Box<dyn Tracer>>,
    ) -> Result<Ran, EngineError> {
        let instantiate = deploying.is_some();
        self.exec()?.begin(read_only, deploying, tracer);
        let outcome = exec::top_level(self.shared, &self.exec, spec, instantiate);
        let tracer = self.exec()?.end();
        Ok((outcome, tracer))
    }

    /// The ledger's state and the block's frame, once no call runs.
    fn into_parts(self) -> Result<(Box<dyn ReadTxn>, Frame), EngineError> {
        // Every instance, and with it every other reference, is gone once its call returned.
        let exec = Arc::try_unwrap(self.exec).map_err(|_| EngineError::Internal("an instance outlived its call"))?;
        Ok(exec.into_inner().map_err(|_| EngineError::BlockFailed)?.into_parts())
    }

    /// The block's changes, for the ledger to write ([`BlockChanges::write_to`]) and commit,
    /// and its state back.
    pub fn finish(mut self) -> Result<(BlockChanges, S), EngineError> {
        let (height, events) = (self.ctx.height, std::mem::take(&mut self.events));
        let (state, frame) = self.into_parts()?;
        let changes = BlockChanges::of(&*state, frame, height, &events)?;
        Ok((changes, downcast_state(state)?))
    }

    /// Drops the block's changes and gives the state back.
    pub fn abort(self) -> Result<S, EngineError> {
        downcast_state(self.into_parts()?.0)
    }
}

/// A top-level call that ran (or could not: then its outcome is the error) and its tracer.
type Ran = (Result<CallOutcome, EngineError>, Option<Box<dyn Tracer>>);

/// What a deployment stores.
struct Deployed<'a> {
    id: ContractId,
    code: Code,
    /// The original (unless stored already, under another policy) and instrumented modules of
    /// code new under the policy.
    new_code: Option<(Option<&'a [u8]>, &'a [u8])>,
    deployer: Address,
    nonce: u64,
    abi: Option<&'a Abi>,
}

fn result(outcome: CallOutcome) -> ContractExecutionResult {
    ContractExecutionResult {
        status: outcome.status,
        output: outcome.output,
        events: outcome.events,
        gas_used: outcome.gas_used,
    }
}

/// A tracer back as the type it was given as.
fn downcast<T: Any>(tracer: Option<Box<dyn Tracer>>) -> Result<T, EngineError> {
    let tracer: Box<dyn Any> = tracer.ok_or(EngineError::Internal("a call lost its tracer"))?;
    tracer.downcast::<T>().map(|tracer| *tracer).map_err(|_| EngineError::Internal("a tracer changed type"))
}

/// The block's state back as the type the ledger gave.
fn downcast_state<S: ReadTxn>(state: Box<dyn ReadTxn>) -> Result<S, EngineError> {
    let state: Box<dyn Any> = state;
    state.downcast::<S>().map(|state| *state).map_err(|_| EngineError::Internal("a block's state changed type"))
}

/// sha256(deployer || nonce, 8 bytes little-endian || code hash): a contract's id.
pub fn contract_id(deployer: &Address, nonce: u64, code_hash: &CodeHash) -> ContractId {
    let mut hasher = Sha256::new();
    hasher.update(deployer.0);
    hasher.update(nonce.to_le_bytes());
    hasher.update(code_hash.0);
    Address(hasher.finalize().into())
}

/// A key of a contract's storage that a block changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageChange {
    /// The contract.
    pub contract: ContractId,
    /// The key.
    pub key: Vec<u8>,
    /// Its new value; `None` if it was removed.
    pub value: Option<Vec<u8>>,
}

/// A contract account a block created or whose storage it changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountChange {
    /// The contract.
    pub id: ContractId,
    /// Its code.
    pub code_hash: CodeHash,
    /// The policy its code was instrumented under.
    pub policy_hash: PolicyHash,
    /// The commitment to its storage after the block (`docs/runtime.md`).
    pub storage_root: [u8; 32],
    /// Whether the block deployed it.
    pub deployed: bool,
    /// The account as stored.
    record: Vec<u8>,
}

/// Code a block's deployments stored for the first time under the policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeChange {
    /// sha256 of the original module.
    pub code_hash: CodeHash,
    /// The policy it was instrumented under.
    pub policy_hash: PolicyHash,
    /// The original module, unless it was stored already (under another policy).
    pub original: Option<Vec<u8>>,
    /// The instrumented module every contract of the code runs.
    pub instrumented: Vec<u8>,
}

/// An event as stored: where it was emitted, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredEvent {
    /// The contract that emitted it.
    pub contract: ContractId,
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

/// Everything a block changed, for the ledger to commit: contract storage with the new storage
/// roots, balances, nonces, accounts and code stored by deployments, ABIs, events. Compiled
/// artifacts are never part of it: they are a cache ([`crate::ArtifactStore`]).
///
/// [`BlockChanges::write_to`] writes it into a transaction in the engine's tables
/// (`docs/runtime.md`, "Storage"); a ledger that keeps its state otherwise reads the fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BlockChanges {
    /// The block's height.
    pub height: u64,
    /// Storage keys changed, by contract and key; a key set back to what it held is left out.
    pub storage: Vec<StorageChange>,
    /// Accounts deployed or whose storage changed, by id.
    pub accounts: Vec<AccountChange>,
    /// Native balances changed, by address, with their new values.
    pub balances: Vec<(Address, u64)>,
    /// Deployers' nonces, with their new values.
    pub nonces: Vec<(Address, u64)>,
    /// Code stored for the first time under the policy.
    pub code: Vec<CodeChange>,
    /// ABIs of contracts deployed with one, as JSON.
    pub abis: Vec<(ContractId, String)>,
    /// Events of the calls that succeeded, in order.
    pub events: Vec<StoredEvent>,
}

impl BlockChanges {
    /// The changes a block's frame makes to `state`.
    fn of(
        state: &dyn ReadTxn,
        frame: Frame,
        height: u64,
        events: &[(u32, Vec<Event>)],
    ) -> Result<BlockChanges, StorageError> {
        // What the deployments stored, table by table.
        let mut written: BTreeMap<Table, crate::storage::Entries> = BTreeMap::new();
        for ((table, key), value) in frame.written {
            written.entry(table).or_default().push((key, value));
        }
        let mut take = |table: Table| written.remove(&table).unwrap_or_default();
        let deployed = take(Table::Contracts);
        let mut records: BTreeMap<ContractId, (ContractRecord, bool)> = BTreeMap::new();
        for (id, bytes) in &deployed {
            records.insert(address(id, Table::Contracts)?, (ContractRecord::decode(bytes)?, true));
        }
        let mut storage = Vec::new();
        for (state_key, value) in frame.state {
            let (contract, key) = keys::split_state_key(&state_key)
                .map(|(contract, key)| (contract, key.to_vec()))
                .ok_or_else(|| StorageError::corrupt("state key"))?;
            let (record, _) = match records.entry(contract) {
                std::collections::btree_map::Entry::Occupied(entry) => entry.into_mut(),
                std::collections::btree_map::Entry::Vacant(entry) => {
                    let bytes = state.get(Table::Contracts, &contract.0)?.ok_or_else(|| {
                        StorageError::corrupt(format!("state written for unknown contract {contract}"))
                    })?;
                    entry.insert((ContractRecord::decode(&bytes)?, false))
                }
            };
            let old = state.get(Table::State, &state_key)?;
            if old == value {
                continue;
            }
            if let Some(old) = old {
                record.lattice.remove(&key, &old);
            }
            if let Some(value) = &value {
                record.lattice.insert(&key, value);
            }
            storage.push(StorageChange { contract, key, value });
        }
        let accounts = records
            .into_iter()
            .map(|(id, (record, deployed))| AccountChange {
                id,
                code_hash: record.code.code_hash,
                policy_hash: record.code.policy_hash,
                storage_root: record.lattice.root(),
                deployed,
                record: record.encode(),
            })
            .collect();
        let nonces = take(Table::Nonces)
            .into_iter()
            .map(|(key, value)| Ok((address(&key, Table::Nonces)?, decode_u64(&value, Table::Nonces)?)))
            .collect::<Result<_, StorageError>>()?;
        let mut originals: BTreeMap<Vec<u8>, Vec<u8>> = take(Table::Originals).into_iter().collect();
        let code = take(Table::Code)
            .into_iter()
            .map(|(key, instrumented)| {
                let hash = |range: std::ops::Range<usize>| -> Result<[u8; 32], StorageError> {
                    key.get(range)
                        .and_then(|bytes| bytes.try_into().ok())
                        .ok_or_else(|| StorageError::corrupt("code key"))
                };
                let code_hash = CodeHash(hash(0..32)?);
                Ok(CodeChange {
                    code_hash,
                    policy_hash: PolicyHash(hash(32..64)?),
                    original: originals.remove(code_hash.0.as_slice()),
                    instrumented,
                })
            })
            .collect::<Result<_, StorageError>>()?;
        let abis = take(Table::Abis)
            .into_iter()
            .map(|(key, json)| Ok((address(&key, Table::Abis)?, String::from_utf8_lossy(&json).into_owned())))
            .collect::<Result<_, StorageError>>()?;
        let events = events
            .iter()
            .flat_map(|(call, call_events)| {
                call_events.iter().enumerate().map(|(index, event)| StoredEvent {
                    contract: event.contract,
                    height,
                    call: *call,
                    index: index as u32,
                    topic: event.topic.clone(),
                    data: event.data.clone(),
                })
            })
            .collect();
        Ok(BlockChanges {
            height,
            storage,
            accounts,
            balances: frame.balances.into_iter().collect(),
            nonces,
            code,
            abis,
            events,
        })
    }

    /// Whether the block changed nothing.
    pub fn is_empty(&self) -> bool {
        self.storage.is_empty()
            && self.accounts.is_empty()
            && self.balances.is_empty()
            && self.nonces.is_empty()
            && self.code.is_empty()
            && self.abis.is_empty()
            && self.events.is_empty()
    }

    /// Writes the changes into `txn`, in the engine's tables, table by table, and records the
    /// block's height as the latest if it is. The ledger commits `txn`, or drops it.
    pub fn write_to(&self, txn: &mut dyn WriteTxn) -> Result<(), StorageError> {
        let storage: Vec<_> = self
            .storage
            .iter()
            .map(|change| (state_key(&change.contract, &change.key), change.value.clone()))
            .collect();
        txn.write_all(Table::State, &storage)?;
        let accounts: Vec<_> =
            self.accounts.iter().map(|account| (account.id.0.to_vec(), Some(account.record.clone()))).collect();
        txn.write_all(Table::Contracts, &accounts)?;
        let balances: Vec<_> = self
            .balances
            .iter()
            .map(|(address, balance)| (address.0.to_vec(), Some(balance.to_le_bytes().to_vec())))
            .collect();
        txn.write_all(Table::Balances, &balances)?;
        let nonces: Vec<_> = self
            .nonces
            .iter()
            .map(|(address, nonce)| (address.0.to_vec(), Some(nonce.to_le_bytes().to_vec())))
            .collect();
        txn.write_all(Table::Nonces, &nonces)?;
        for code in &self.code {
            if let Some(original) = &code.original {
                txn.put(Table::Originals, &code.code_hash.0, original)?;
            }
            let key = code_key(&Code { code_hash: code.code_hash, policy_hash: code.policy_hash });
            txn.put(Table::Code, &key, &code.instrumented)?;
        }
        for (id, json) in &self.abis {
            txn.put(Table::Abis, &id.0, json.as_bytes())?;
        }
        let events: Vec<_> = self
            .events
            .iter()
            .map(|event| {
                let key = event_key(&event.contract, event.height, event.call, event.index);
                (key, Some(keys::encode_event(&event.topic, &event.data)))
            })
            .collect();
        txn.write_all(Table::Events, &events)?;
        if keys::latest_height(&*txn)?.is_none_or(|latest| self.height > latest) {
            txn.put(Table::Meta, keys::LATEST_HEIGHT, &self.height.to_le_bytes())?;
        }
        Ok(())
    }
}

fn address(key: &[u8], table: Table) -> Result<Address, StorageError> {
    key.try_into().map(Address).map_err(|_| StorageError::corrupt(format!("key in {}", table.name())))
}
