//! Two engines in lockstep: every operation runs on a wasmtime engine and on a wasmi engine,
//! each over its own storage, and must give the same result (status, output, events, gas).
//! wasmtime runs calls as the engine does by default, on the copies of their code without the
//! write-backs only traps read (and again on the stored modules after a trap); wasmi runs
//! without copies, every call once on the stored modules (`EngineConfig::with_copies`). So
//! every comparison also checks that the copies change nothing (`docs/runtime.md`, "Traps run
//! twice").
//! After every operation that may change state, both states are compared: every account the
//! twin has seen (storage root, balance), every storage entry and every stored event.
//!
//! The methods are named and typed as [`ContractEngine`]'s, so a test written against one
//! engine runs on both by changing its type.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt::Debug;

use baals_policy::Policy;
use baals_runtime::{
    Address, Backend, BlockContext, BlockSession, ContractAccount, ContractEngine, ContractExecutionResult, ContractId,
    DeployResult, EngineConfig, EngineError, Entries, MemoryStorage, Storage, StoredEvent,
};

/// A wasmtime engine (with copies) and a wasmi engine (without), compared at every step.
#[derive(Debug)]
pub struct Twin {
    engines: [ContractEngine; 2],
    /// Every contract deployed or called through the twin: the accounts compared.
    seen: RefCell<BTreeSet<ContractId>>,
    /// Operations compared, for the counts tests print.
    compared: RefCell<u64>,
}

/// Asserts that both engines did the same and returns wasmtime's answer. Engine errors must
/// agree in kind only: their messages are each engine's own.
fn agree<T: PartialEq + Debug>(what: &str, results: [Result<T, EngineError>; 2]) -> Result<T, EngineError> {
    let [wasmtime, wasmi] = results;
    match (&wasmtime, &wasmi) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{what}: wasmtime and wasmi disagree"),
        (Err(_), Err(_)) => {}
        _ => panic!("{what}: wasmtime gave {wasmtime:?}, wasmi {wasmi:?}"),
    }
    wasmtime
}

impl Twin {
    /// Two engines under `policy`, each over an empty in-memory storage.
    pub fn new(policy: Policy) -> Twin {
        Twin::with(MemoryStorage::new(), MemoryStorage::new(), policy)
    }

    /// Two engines under `policy`: wasmtime over `wasmtime_storage`, wasmi over
    /// `wasmi_storage`, which must hold the same state.
    pub fn with(wasmtime_storage: impl Storage, wasmi_storage: impl Storage, policy: Policy) -> Twin {
        let engines = [
            engine_of(wasmtime_storage, Backend::Wasmtime, &policy),
            engine_of(wasmi_storage, Backend::Wasmi, &policy),
        ];
        Twin { engines, seen: RefCell::new(BTreeSet::new()), compared: RefCell::new(0) }
    }

    /// The wasmtime engine.
    pub fn wasmtime(&self) -> &ContractEngine {
        &self.engines[0]
    }

    /// The wasmi engine.
    pub fn wasmi(&self) -> &ContractEngine {
        &self.engines[1]
    }

    /// How many operations both engines ran and agreed on.
    pub fn compared(&self) -> u64 {
        *self.compared.borrow()
    }

    /// The policy both engines run under.
    pub fn policy(&self) -> &Policy {
        self.engines[0].policy()
    }

    fn both<T: PartialEq + Debug>(
        &self,
        what: &str,
        op: impl Fn(&ContractEngine) -> Result<T, EngineError>,
    ) -> Result<T, EngineError> {
        *self.compared.borrow_mut() += 1;
        agree(what, [op(&self.engines[0]), op(&self.engines[1])])
    }

    /// Compares every account the twin has seen, its storage and its events.
    pub fn check_state(&self) {
        let seen: Vec<ContractId> = self.seen.borrow().iter().copied().collect();
        for id in seen {
            self.both("account", |engine| engine.contract(&id)).unwrap();
            self.both("storage", |engine| engine.storage_entries(&id)).unwrap();
            self.both("events", |engine| engine.events(&id)).unwrap();
        }
        self.both("latest height", ContractEngine::latest_height).unwrap();
    }

    fn see(&self, id: ContractId) {
        self.seen.borrow_mut().insert(id);
    }

    /// [`ContractEngine::deploy_contract`] on both.
    pub fn deploy_contract(
        &self,
        ctx: BlockContext,
        deployer: Address,
        wasm: &[u8],
        init_payload: &[u8],
        gas_limit: u64,
    ) -> Result<DeployResult, EngineError> {
        let result = self.both("deploy", |engine| engine.deploy_contract(ctx, deployer, wasm, init_payload, gas_limit));
        if let Ok(deployed) = &result {
            self.see(deployed.contract_id);
        }
        self.check_state();
        result
    }

    /// [`ContractEngine::execute_contract_call`] on both.
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
        self.see(contract_id);
        let result = self.both(method, |engine| {
            engine.execute_contract_call(ctx, sender, contract_id, method, payload, value, gas_limit)
        });
        self.check_state();
        result
    }

    /// [`ContractEngine::query_contract`] on both.
    pub fn query_contract(
        &self,
        ctx: BlockContext,
        sender: Address,
        contract_id: ContractId,
        method: &str,
        payload: &[u8],
        gas_cap: u64,
    ) -> Result<ContractExecutionResult, EngineError> {
        self.both(method, |engine| engine.query_contract(ctx, sender, contract_id, method, payload, gas_cap))
    }

    /// [`ContractEngine::contract`] on both.
    pub fn contract(&self, id: &ContractId) -> Result<Option<ContractAccount>, EngineError> {
        self.both("account", |engine| engine.contract(id))
    }

    /// [`ContractEngine::balance`] on both.
    pub fn balance(&self, address: &Address) -> Result<u64, EngineError> {
        self.both("balance", |engine| engine.balance(address))
    }

    /// [`ContractEngine::storage_value`] on both.
    pub fn storage_value(&self, contract: &ContractId, key: &[u8]) -> Result<Option<Vec<u8>>, EngineError> {
        self.both("storage value", |engine| engine.storage_value(contract, key))
    }

    /// [`ContractEngine::storage_entries`] on both.
    pub fn storage_entries(&self, contract: &ContractId) -> Result<Entries, EngineError> {
        self.both("storage", |engine| engine.storage_entries(contract))
    }

    /// [`ContractEngine::events`] on both.
    pub fn events(&self, contract: &ContractId) -> Result<Vec<StoredEvent>, EngineError> {
        self.both("events", |engine| engine.events(contract))
    }

    /// [`ContractEngine::nonce`] on both.
    pub fn nonce(&self, deployer: &Address) -> Result<u64, EngineError> {
        self.both("nonce", |engine| engine.nonce(deployer))
    }

    /// [`ContractEngine::begin_block`] on both.
    pub fn begin_block(&self, ctx: BlockContext) -> Result<TwinBlock<'_>, EngineError> {
        let sessions = [self.engines[0].begin_block(ctx)?, self.engines[1].begin_block(ctx)?];
        Ok(TwinBlock { twin: self, sessions })
    }
}

fn engine_of(storage: impl Storage, backend: Backend, policy: &Policy) -> ContractEngine {
    let copies = backend == Backend::Wasmtime;
    let config = EngineConfig::default().with_backend(backend).with_copies(copies);
    ContractEngine::with_config(storage, policy.clone(), config).unwrap()
}

/// A block on both engines.
#[derive(Debug)]
pub struct TwinBlock<'t> {
    twin: &'t Twin,
    sessions: [BlockSession<'t>; 2],
}

impl TwinBlock<'_> {
    fn both<T: PartialEq + Debug>(
        &mut self,
        what: &str,
        mut op: impl FnMut(&mut BlockSession<'_>) -> Result<T, EngineError>,
    ) -> Result<T, EngineError> {
        *self.twin.compared.borrow_mut() += 1;
        let [a, b] = &mut self.sessions;
        agree(what, [op(a), op(b)])
    }

    /// [`BlockSession::credit`] on both.
    pub fn credit(&mut self, address: &Address, amount: u64) -> Result<u64, EngineError> {
        self.both("credit", |block| block.credit(address, amount))
    }

    /// [`BlockSession::deploy_contract`] on both.
    pub fn deploy_contract(
        &mut self,
        deployer: Address,
        wasm: &[u8],
        init_payload: &[u8],
        gas_limit: u64,
    ) -> Result<DeployResult, EngineError> {
        let result = self.both("deploy", |block| block.deploy_contract(deployer, wasm, init_payload, gas_limit));
        if let Ok(deployed) = &result {
            self.twin.see(deployed.contract_id);
        }
        result
    }

    /// [`BlockSession::execute_contract_call`] on both.
    pub fn execute_contract_call(
        &mut self,
        sender: Address,
        contract_id: ContractId,
        method: &str,
        payload: &[u8],
        value: u64,
        gas_limit: u64,
    ) -> Result<ContractExecutionResult, EngineError> {
        self.twin.see(contract_id);
        self.both(method, |block| block.execute_contract_call(sender, contract_id, method, payload, value, gas_limit))
    }

    /// [`BlockSession::query_contract`] on both.
    pub fn query_contract(
        &mut self,
        sender: Address,
        contract_id: ContractId,
        method: &str,
        payload: &[u8],
        gas_cap: u64,
    ) -> Result<ContractExecutionResult, EngineError> {
        self.both(method, |block| block.query_contract(sender, contract_id, method, payload, gas_cap))
    }

    /// [`BlockSession::commit`] on both, then compares the states.
    pub fn commit(self) -> Result<(), EngineError> {
        let twin = self.twin;
        let [a, b] = self.sessions;
        agree("commit", [a.commit(), b.commit()])?;
        twin.check_state();
        Ok(())
    }

    /// [`BlockSession::abort`] on both.
    pub fn abort(self) {
        let [a, b] = self.sessions;
        a.abort();
        b.abort();
    }
}
