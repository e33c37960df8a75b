//! Test baals contracts in an ordinary `cargo test`, on the real thing.
//!
//! A [`Chain`] is the engine itself, in memory: each request deploys or calls the module
//! `baals build` produces, instrumented under the real policy, so the gas a test sees is
//! exactly the gas the chain charges. Calls name the method and pass arguments as JSON or as
//! typed Rust values, both checked against the contract's ABI; outputs and events come back
//! decoded; a call can be traced ([`Request::traced`]); and [`GasSnapshot`] keeps a file of
//! gas per named call that CI checks, like `forge snapshot --check`.
//!
//! ```no_run
//! use baals_test::{Chain, GasSnapshot, Module};
//! use serde_json::json;
//!
//! let token = Module::build(concat!(env!("CARGO_MANIFEST_DIR"), "/../contracts/token"));
//! let mut chain = Chain::new();
//! let (alice, bob) = (chain.account("alice"), chain.account("bob"));
//! let id = chain.deploy(&token).sender(alice).args(json!([1000])).run().success().contract_id();
//! let transfer = chain.call(id, "transfer").sender(alice).args(json!({"to": bob.to_hex(), "amount": 250})).run().success();
//! let fields = json!({"from": alice.to_hex(), "to": bob.to_hex(), "amount": 250});
//! assert_eq!(transfer.events[0].fields, Some(fields));
//! assert_eq!(chain.query(id, "balance_of").encode(&(bob.0,)).run().output::<u64>(), 250);
//! GasSnapshot::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.gas-snapshot")).record("transfer", transfer.gas_used);
//! ```
//!
//! Each request runs in a block of its own, committed when it succeeds (a failed call changes
//! nothing, as on the chain); block heights go up by one per request from 1 unless set.

mod snapshot;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use baals_abi::Abi;
use baals_build::{BuildOptions, FunctionNames};
use baals_policy::Policy;
use baals_runtime::Tracer;
use baals_runtime::trace::{CallTree, Frame, Profile};
use baals_runtime::{
    BlockContext, Call, ContractEngine, ContractExecutionResult, Deploy, EngineConfig, MemoryStorage, Query, StateView,
    Storage,
};
use baals_sdk::abi::{Decode, Encode};
use serde_json::Value;
use sha2::Digest;

pub use baals_runtime::trace::{CallNode, CallTree as Trace, HostCall};
pub use baals_runtime::{Address, Backend, ContractId, ExecutionStatus};
pub use snapshot::GasSnapshot;

/// The gas a request may use unless it says otherwise: 10^11, ten seconds at the default
/// schedule (what the CLI allows).
pub const DEFAULT_GAS: u64 = 100_000_000_000;

/// The timestamp of every block unless set: 2025-01-01T00:00:00Z.
pub const DEFAULT_TIMESTAMP: u64 = 1_735_689_600;

/// A contract's module, as built: its bytes, ABI and function names.
#[derive(Clone, Debug)]
pub struct Module {
    /// The contract's name.
    pub name: String,
    /// The module to deploy.
    pub wasm: Arc<Vec<u8>>,
    /// Its ABI, if it carries one.
    pub abi: Option<Abi>,
    /// Its functions' names, from the build that kept them.
    pub names: FunctionNames,
}

impl Module {
    /// The contract crate at `path`, built by `baals build` (once per process and path) and
    /// checked against the default policy.
    ///
    /// # Panics
    ///
    /// When it does not build or the policy refuses it, with the one-line reason.
    #[track_caller]
    pub fn build(path: impl AsRef<Path>) -> Module {
        static BUILT: Mutex<Vec<(PathBuf, Module)>> = Mutex::new(Vec::new());
        let path = path.as_ref();
        let key = path.canonicalize().unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let mut built = BUILT.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, module)) = built.iter().find(|(path, _)| *path == key) {
            return module.clone();
        }
        let mut contracts = match baals_build::build(&BuildOptions::new(&key, Policy::default_policy())) {
            Ok(contracts) => contracts,
            Err(error) => panic!("baals build {}: {error}", path.display()),
        };
        assert!(
            contracts.len() == 1,
            "baals build {}: {} contracts; name one contract's crate",
            path.display(),
            contracts.len()
        );
        let contract = contracts.remove(0);
        let module =
            Module { name: contract.name, wasm: Arc::new(contract.wasm), abi: contract.abi, names: contract.names };
        built.push((key, module.clone()));
        module
    }

    /// A module from its bytes (binary WebAssembly), its ABI read from its `baals.abi`
    /// section if it has one.
    ///
    /// # Panics
    ///
    /// When the section is not a valid ABI.
    pub fn from_wasm(name: &str, wasm: Vec<u8>) -> Module {
        let abi = Abi::from_module(&wasm).unwrap_or_else(|error| panic!("{name}: ABI: {error}"));
        let names = FunctionNames::of(&wasm);
        Module { name: name.to_string(), wasm: Arc::new(wasm), abi, names }
    }
}

/// An in-memory chain running the real engine.
#[derive(Debug)]
pub struct Chain {
    engine: ContractEngine,
    storage: MemoryStorage,
    next_height: u64,
    timestamp: u64,
    /// The modules deployed, by contract: their ABIs and names.
    contracts: HashMap<ContractId, Module>,
}

impl Default for Chain {
    fn default() -> Self {
        Chain::new()
    }
}

impl Chain {
    /// A chain under the default policy, on wasmtime.
    pub fn new() -> Chain {
        Chain::with(Policy::default_policy(), Backend::Wasmtime)
    }

    /// A chain under `policy`, on `backend`.
    ///
    /// # Panics
    ///
    /// When the engine cannot be set up (the policy cannot configure it).
    pub fn with(policy: Policy, backend: Backend) -> Chain {
        let config = EngineConfig::default().with_backend(backend);
        let engine = ContractEngine::with_config(policy, config).unwrap_or_else(|error| panic!("engine: {error}"));
        Chain {
            engine,
            storage: MemoryStorage::new(),
            next_height: 1,
            timestamp: DEFAULT_TIMESTAMP,
            contracts: HashMap::new(),
        }
    }

    /// The address called `name`: the same in every test and on every machine
    /// (sha256 of `baals-test account ` and the name).
    pub fn account(&self, name: &str) -> Address {
        Address(sha2::Sha256::digest(format!("baals-test account {name}")).into())
    }

    /// Credits `amount` of native value to `account`, in a block of its own.
    ///
    /// # Panics
    ///
    /// When the balance would overflow.
    #[track_caller]
    pub fn fund(&mut self, account: &Address, amount: u64) {
        let ctx = self.next_block(None, None);
        if let Err(error) = self.engine.commit_block(&self.storage, ctx, |block| block.credit(account, amount)) {
            panic!("fund {account}: {error}");
        }
    }

    /// `account`'s native balance.
    pub fn balance(&self, account: &Address) -> u64 {
        self.view(|view| view.balance(account))
    }

    /// The value `contract` stores under `key`.
    pub fn storage(&self, contract: &ContractId, key: &[u8]) -> Option<Vec<u8>> {
        self.view(|view| view.storage_value(contract, key))
    }

    /// The height the next request's block will have, unless it sets one.
    pub fn height(&self) -> u64 {
        self.next_height
    }

    /// Sets the next block's height and the timestamp of it and those after.
    pub fn set_block(&mut self, height: u64, timestamp: u64) {
        self.next_height = height;
        self.timestamp = timestamp;
    }

    /// A deployment of `module`; [`Request::args`] are its `instantiate`'s.
    pub fn deploy<'c>(&'c mut self, module: &Module) -> Request<'c> {
        Request::new(self, Kind::Deploy(Box::new(module.clone())), "instantiate")
    }

    /// A call of `method` of `contract`.
    pub fn call<'c>(&'c mut self, contract: ContractId, method: &str) -> Request<'c> {
        Request::new(self, Kind::Call(contract), method)
    }

    /// A read-only call of `method` of `contract`.
    pub fn query<'c>(&'c mut self, contract: ContractId, method: &str) -> Request<'c> {
        Request::new(self, Kind::Query(contract), method)
    }

    fn view<T>(&self, read: impl FnOnce(&StateView<'_>) -> Result<T, baals_runtime::StorageError>) -> T {
        let snapshot = self.storage.read().unwrap_or_else(|error| panic!("state: {error}"));
        read(&StateView::new(&snapshot)).unwrap_or_else(|error| panic!("state: {error}"))
    }

    #[track_caller]
    fn next_block(&mut self, height: Option<u64>, timestamp: Option<u64>) -> BlockContext {
        let height = height.unwrap_or(self.next_height);
        assert!(
            height >= self.next_height,
            "block height {height}: the chain is already past it (the next block is {})",
            self.next_height
        );
        self.next_height = height + 1;
        BlockContext { height, timestamp: timestamp.unwrap_or(self.timestamp) }
    }

    /// The function names of every contract deployed.
    fn names(&self) -> HashMap<ContractId, (String, FunctionNames)> {
        self.contracts.iter().map(|(id, module)| (*id, (module.name.clone(), module.names.clone()))).collect()
    }

    fn abi_of(&self, contract: &ContractId) -> Option<&Abi> {
        self.contracts.get(contract).and_then(|module| module.abi.as_ref())
    }
}

/// A request's parts, for running it with any tracer.
struct Run<'r> {
    kind: &'r Kind,
    method: &'r str,
    sender: Address,
    input: &'r [u8],
    value: u64,
    gas: u64,
}

impl Run<'_> {
    #[allow(clippy::type_complexity)]
    fn run<T: Tracer, S: baals_runtime::ReadTxn>(
        &self,
        block: &mut baals_runtime::Block<'_, S>,
        tracer: Option<T>,
    ) -> Result<(ContractExecutionResult, Option<ContractId>, Option<T>), baals_runtime::EngineError> {
        Ok(match self.kind {
            Kind::Deploy(module) => {
                let deploy = Deploy::new(self.sender, &module.wasm, self.gas).with_input(self.input);
                let (deployed, tracer) = block.deploy_with(&deploy, tracer)?;
                let id = deployed.contract_id;
                let result = ContractExecutionResult {
                    status: deployed.status,
                    output: deployed.output,
                    events: deployed.events,
                    gas_used: deployed.gas_used,
                };
                (result, Some(id), tracer)
            }
            Kind::Call(id) => {
                let call =
                    Call::new(self.sender, *id, self.method, self.gas).with_input(self.input).with_value(self.value);
                let (result, tracer) = block.call_with(&call, tracer)?;
                (result, None, tracer)
            }
            Kind::Query(id) => {
                let query = Query::new(self.sender, *id, self.method, self.gas).with_input(self.input);
                let (result, tracer) = block.query_with(&query, tracer)?;
                (result, None, tracer)
            }
        })
    }
}

enum Kind {
    Deploy(Box<Module>),
    Call(ContractId),
    Query(ContractId),
}

enum Input {
    None,
    Json(Value),
    Bytes(Vec<u8>),
    Typed(Vec<u8>),
}

/// A deployment, call or query being set up; [`run`](Self::run) runs it.
#[must_use = "a request does nothing until it is run"]
pub struct Request<'c> {
    chain: &'c mut Chain,
    kind: Kind,
    method: String,
    sender: Option<Address>,
    input: Input,
    value: u64,
    gas: u64,
    height: Option<u64>,
    timestamp: Option<u64>,
    traced: bool,
    profiled: bool,
}

impl std::fmt::Debug for Request<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Request").field("method", &self.method).field("sender", &self.sender).finish_non_exhaustive()
    }
}

impl<'c> Request<'c> {
    fn new(chain: &'c mut Chain, kind: Kind, method: &str) -> Request<'c> {
        Request {
            chain,
            kind,
            method: method.to_string(),
            sender: None,
            input: Input::None,
            value: 0,
            gas: DEFAULT_GAS,
            height: None,
            timestamp: None,
            traced: false,
            profiled: false,
        }
    }

    /// Who sends it [default: `account("sender")`].
    pub fn sender(mut self, sender: Address) -> Self {
        self.sender = Some(sender);
        self
    }

    /// The arguments as JSON (an array in the method's order, or an object by name), encoded
    /// by the contract's ABI as `baals call --args` does: an address is its hex
    /// (`json!({"to": bob.to_hex()})`).
    pub fn args(mut self, args: Value) -> Self {
        self.input = Input::Json(args);
        self
    }

    /// The arguments as Rust values in the canonical encoding (a tuple of the inputs), which
    /// must decode as the method's inputs by the ABI.
    pub fn encode<T: Encode + ?Sized>(mut self, args: &T) -> Self {
        self.input = Input::Typed(args.to_bytes());
        self
    }

    /// The input as raw bytes, unchecked.
    pub fn input(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.input = Input::Bytes(bytes.into());
        self
    }

    /// Native value sent with it, from the sender's balance.
    pub fn value(mut self, value: u64) -> Self {
        self.value = value;
        self
    }

    /// Its gas limit [default: [`DEFAULT_GAS`]].
    pub fn gas(mut self, limit: u64) -> Self {
        self.gas = limit;
        self
    }

    /// Its block's height (above every block before it).
    pub fn height(mut self, height: u64) -> Self {
        self.height = Some(height);
        self
    }

    /// Its block's timestamp.
    pub fn timestamp(mut self, timestamp: u64) -> Self {
        self.timestamp = Some(timestamp);
        self
    }

    /// Records the call tree ([`Outcome::trace`]).
    pub fn traced(mut self) -> Self {
        self.traced = true;
        self
    }

    /// Records exact gas per function and per stack ([`Outcome::profile`]): the call runs on
    /// copies of the contracts with hooks at every function's entry and exit, which charge
    /// what the deployed code charges (wasmtime only).
    pub fn profiled(mut self) -> Self {
        self.profiled = true;
        self
    }

    /// Runs it in a block of its own, committed if it succeeded.
    ///
    /// # Panics
    ///
    /// When the arguments do not match the ABI (naming the argument), or the engine fails
    /// (not the contract: a revert, a trap or running out of gas is an [`Outcome`]).
    #[track_caller]
    pub fn run(self) -> Outcome {
        let Request { chain, kind, method, sender, input, value, gas, height, timestamp, traced, profiled } = self;
        let sender = sender.unwrap_or_else(|| chain.account("sender"));
        let abi = match &kind {
            Kind::Deploy(module) => module.abi.clone(),
            Kind::Call(id) | Kind::Query(id) => chain.abi_of(id).cloned(),
        };
        let input = encode_input(abi.as_ref(), &method, input);
        let ctx = chain.next_block(height, timestamp);
        let request = Run { kind: &kind, method: &method, sender, input: &input, value, gas };
        let ran = chain.engine.commit_block(&chain.storage, ctx, |block| match (traced, profiled) {
            (false, false) => request.run(block, None::<CallTree>).map(|(r, id, _)| (r, id, None, None)),
            (true, false) => request.run(block, Some(CallTree::new())).map(|(r, id, t)| (r, id, t, None)),
            (false, true) => request.run(block, Some(Profile::new())).map(|(r, id, p)| (r, id, None, p)),
            (true, true) => request.run(block, Some((CallTree::new(), Profile::new()))).map(|(r, id, both)| {
                let (trace, profile) = both.unzip();
                (r, id, trace, profile)
            }),
        });
        let ((result, deployed, trace, profile), _) = ran.unwrap_or_else(|error| panic!("{method}: engine: {error}"));
        if let (Kind::Deploy(module), Some(id)) = (&kind, deployed)
            && result.status.is_success()
        {
            chain.contracts.insert(id, (**module).clone());
        }
        let events = result
            .events
            .iter()
            .map(|event| Event {
                contract: event.contract,
                topic: String::from_utf8_lossy(&event.topic).into_owned(),
                fields: chain
                    .abi_of(&event.contract)
                    .or(abi.as_ref())
                    .and_then(|abi| abi.decode_event(&event.topic, &event.data))
                    .and_then(Result::ok),
                data: event.data.clone(),
            })
            .collect();
        Outcome {
            method,
            status: result.status,
            output: result.output,
            events,
            gas_used: result.gas_used,
            deployed,
            trace,
            profile: profile.map(|profile| Profiled { profile, names: chain.names() }),
            abi,
        }
    }
}

#[track_caller]
fn encode_input(abi: Option<&Abi>, method: &str, input: Input) -> Vec<u8> {
    let need_abi =
        || abi.unwrap_or_else(|| panic!("{method}: the contract has no ABI: pass the input as bytes (Request::input)"));
    match input {
        Input::None if abi.and_then(|abi| abi.method(method)).is_some_and(|m| !m.inputs.is_empty()) => {
            panic!("{method}: the ABI lists inputs: pass them (Request::args or Request::encode)")
        }
        Input::None => Vec::new(),
        Input::Bytes(bytes) => bytes,
        Input::Json(args) => {
            need_abi().encode_args(method, &args).unwrap_or_else(|error| panic!("{method}: arguments: {error}"))
        }
        Input::Typed(bytes) => {
            if let Err(error) = need_abi().decode_args(method, &bytes) {
                panic!("{method}: the typed arguments are not the ABI's inputs: {error}");
            }
            bytes
        }
    }
}

/// An event a call emitted, decoded by its contract's ABI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// The contract that emitted it.
    pub contract: ContractId,
    /// Its topic, as text.
    pub topic: String,
    /// Its data.
    pub data: Vec<u8>,
    /// Its fields decoded by the ABI, when the ABI lists its topic.
    pub fields: Option<Value>,
}

/// What a request did.
#[derive(Debug)]
pub struct Outcome {
    /// The method run (`instantiate` for a deployment).
    pub method: String,
    /// How it ended.
    pub status: ExecutionStatus,
    /// Its output (empty unless it succeeded).
    pub output: Vec<u8>,
    /// Its events, decoded.
    pub events: Vec<Event>,
    /// Its gas, exactly what the chain charges.
    pub gas_used: u64,
    /// The contract deployed, for a deployment.
    pub deployed: Option<ContractId>,
    /// The call tree, when [traced](Request::traced).
    pub trace: Option<CallTree>,
    /// Gas per function and stack, when [profiled](Request::profiled).
    pub profile: Option<Profiled>,
    abi: Option<Abi>,
}

impl Outcome {
    /// Whether it succeeded.
    pub fn is_success(&self) -> bool {
        self.status.is_success()
    }

    /// It, having succeeded.
    ///
    /// # Panics
    ///
    /// When it did not, with how it ended and the ABI's name of the error.
    #[track_caller]
    pub fn success(self) -> Self {
        if !self.is_success() {
            panic!("{}: {}", self.method, self.describe_status());
        }
        self
    }

    /// Checks that it reverted with `error`: an error's name in the ABI or the revert
    /// message itself.
    ///
    /// # Panics
    ///
    /// When it ended otherwise.
    #[track_caller]
    pub fn reverted_with(&self, error: &str) {
        let matched = match &self.status {
            ExecutionStatus::Reverted { message } => {
                message == error || self.error_name().is_some_and(|name| name == error)
            }
            _ => false,
        };
        assert!(matched, "{}: expected a revert with `{error}`, got {}", self.method, self.describe_status());
    }

    /// The name the ABI gives the revert, if it reverted with a message the ABI lists.
    pub fn error_name(&self) -> Option<&str> {
        let ExecutionStatus::Reverted { message } = &self.status else { return None };
        self.abi.as_ref()?.error(message.as_bytes()).map(|error| error.name.as_str())
    }

    /// The deployed contract's id.
    ///
    /// # Panics
    ///
    /// When this was not a successful deployment.
    #[track_caller]
    pub fn contract_id(&self) -> ContractId {
        match (self.deployed, self.is_success()) {
            (Some(id), true) => id,
            _ => panic!("{}: not a successful deployment: {}", self.method, self.describe_status()),
        }
    }

    /// The output decoded as a `T` (the canonical encoding).
    ///
    /// # Panics
    ///
    /// When it does not decode as one.
    #[track_caller]
    pub fn output<T: Decode>(&self) -> T {
        baals_sdk::abi::decode_all(&self.output).unwrap_or_else(|error| panic!("{}: output: {error}", self.method))
    }

    /// The output decoded by the ABI, as JSON (`null` for a method without one).
    ///
    /// # Panics
    ///
    /// When there is no ABI or the output does not decode by it.
    #[track_caller]
    pub fn output_json(&self) -> Value {
        let abi = self.abi.as_ref().unwrap_or_else(|| panic!("{}: the contract has no ABI", self.method));
        abi.decode_output(&self.method, &self.output).unwrap_or_else(|error| panic!("{}: output: {error}", self.method))
    }

    /// The first event with `topic`.
    pub fn event(&self, topic: &str) -> Option<&Event> {
        self.events.iter().find(|event| event.topic == topic)
    }

    fn describe_status(&self) -> String {
        match (&self.status, self.error_name()) {
            (ExecutionStatus::Reverted { message }, Some(name)) => format!("reverted with `{name}` ({message})"),
            (status @ ExecutionStatus::Trap { .. }, _) => match self.trapped_in() {
                Some(path) => format!("{status:?} in {path}"),
                None => format!("{status:?} (profile the request to see the function it trapped in)"),
            },
            (status, _) => format!("{status:?}"),
        }
    }

    /// Where it trapped, `call > function > ...`, when it was [profiled](Request::profiled)
    /// and trapped.
    pub fn trapped_in(&self) -> Option<String> {
        let profiled = self.profile.as_ref()?;
        let stack = profiled.profile.trapped_in()?;
        Some(stack.iter().map(|frame| profiled.name(frame)).collect::<Vec<_>>().join(" > "))
    }
}

/// A call's [`Profile`], with the names of the contracts' functions (from the builds that kept
/// them): a table, folded stacks, a flame graph.
#[derive(Debug)]
pub struct Profiled {
    /// The profile.
    pub profile: Profile,
    names: HashMap<ContractId, (String, FunctionNames)>,
}

impl Profiled {
    /// A frame's name: `contract::function` (the contract by its module's name, or its id's
    /// first 8 hex digits), a host function's name, or `contract.method` for a call.
    pub fn name(&self, frame: &Frame) -> String {
        frame.name(
            |id| self.names.get(id).map_or_else(|| id.to_hex()[..8].to_string(), |(name, _)| name.clone()),
            |id, index| self.names.get(id).map_or_else(|| format!("func[{index}]"), |(_, names)| names.display(index)),
        )
    }

    /// Exclusive and inclusive gas per frame, most inclusive first, as (name, exclusive,
    /// inclusive).
    pub fn table(&self) -> Vec<(String, u64, u64)> {
        let table = self.profile.table(|frame| self.name(frame));
        table.into_iter().map(|(name, gas)| (name, gas.exclusive, gas.inclusive)).collect()
    }

    /// The folded stacks (`a;b;c GAS` lines).
    pub fn folded(&self) -> String {
        self.profile.folded(|frame| self.name(frame))
    }

    /// The flame graph, as SVG: one box per frame, its width its inclusive gas.
    ///
    /// # Panics
    ///
    /// When inferno cannot render the stacks (it can any this writes).
    pub fn flamegraph(&self, title: &str) -> Vec<u8> {
        flamegraph(&self.folded(), title)
    }
}

/// Renders folded stacks of gas as a flame graph (SVG), with inferno.
///
/// # Panics
///
/// When the stacks are not in the folded format.
pub fn flamegraph(folded: &str, title: &str) -> Vec<u8> {
    let mut options = inferno::flamegraph::Options::default();
    options.title = title.to_string();
    options.count_name = "gas".to_string();
    // Exact figures: the same stacks always give the same picture.
    options.deterministic = true;
    let mut svg = Vec::new();
    inferno::flamegraph::from_lines(&mut options, folded.lines(), &mut svg)
        .unwrap_or_else(|error| panic!("flame graph: {error}"));
    svg
}
