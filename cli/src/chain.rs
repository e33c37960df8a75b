//! The commands that run contracts: a local chain in a redb file, one block per command.

use std::path::{Path, PathBuf};

use baals_abi::Abi;
use baals_abi::{hex_decode, hex_encode};
use baals_policy::Policy;
use baals_runtime::{
    Address, ArtifactDir, Backend, BlockContext, Call, ContractEngine, ContractExecutionResult, ContractId, Deploy,
    EngineConfig, EngineError, Event, ExecutionStatus, Query, RedbStorage, StateView, Storage, StorageError,
};
use serde_json::{Value, json};

use crate::commands::{eprint, module_bytes, policy_usage_error, print};
use crate::profile::{self, ProfileArgs};
use crate::trace;
use crate::{Outcome, UsageError};
use baals_runtime::trace::{CallTree, Profile};

type Result<T> = std::result::Result<T, UsageError>;

/// What every chain command takes.
#[derive(clap::Args, Debug)]
pub(crate) struct ChainArgs {
    /// The database file (created if absent).
    #[arg(long, value_name = "FILE", env = "BAALS_DB", default_value = "baals.redb")]
    db: PathBuf,
    /// The policy file [default: the built-in copy of policy/default.toml].
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

impl ChainArgs {
    pub(crate) fn json(&self) -> bool {
        self.json
    }
}

/// What every command that runs a contract takes.
#[derive(clap::Args, Debug)]
pub(crate) struct CallArgs {
    /// The caller's address, 64 hex digits.
    #[arg(long, value_name = "HEX32", default_value = DEFAULT_SENDER)]
    sender: String,
    /// The input, in hex.
    #[arg(long, value_name = "HEX", conflicts_with_all = ["input_file", "args"])]
    input: Option<String>,
    /// A file holding the input, as raw bytes.
    #[arg(long, value_name = "FILE", conflicts_with = "args")]
    input_file: Option<PathBuf>,
    /// The arguments as JSON, encoded by the contract's ABI: an array in the method's order,
    /// or an object by argument name (docs/abi-json.md).
    #[arg(long, value_name = "JSON")]
    args: Option<String>,
    /// Native value sent with the call.
    #[arg(long, value_name = "N", default_value_t = 0)]
    value: u64,
    /// The gas limit [default: 10^11, 10 s at the default schedule's rate].
    #[arg(long, value_name = "N", default_value_t = 100_000_000_000)]
    gas: u64,
    /// The block's height [default: one more than the latest committed block].
    #[arg(long, value_name = "N")]
    height: Option<u64>,
    /// The block's timestamp.
    #[arg(long, value_name = "N", default_value_t = 0)]
    timestamp: u64,
    /// The engine that runs the contract: wasmtime or wasmi. Both give the same status, output,
    /// events, gas and state, so the same command on a copy of the database run with each
    /// must print the same.
    #[arg(long, value_name = "ENGINE", default_value = "wasmtime", value_parser = parse_backend)]
    engine: Backend,
    /// Run every call once, on the stored instrumented modules, rather than on copies without
    /// the write-backs only traps read (and again on the stored modules after a trap). Prints
    /// the same either way: for an audit of that.
    #[arg(long)]
    no_copies: bool,
    /// Print the call tree: each call and host call with its exact gas, what it read, wrote
    /// and emitted, decoded by the contracts' ABIs (with --json, a nested "trace" object).
    #[arg(long)]
    trace: bool,
}

fn parse_backend(name: &str) -> std::result::Result<Backend, String> {
    name.parse().map_err(|error: baals_runtime::UnknownBackend| error.to_string())
}

/// The sender when none is given: 32 bytes of 0x01.
const DEFAULT_SENDER: &str = "0101010101010101010101010101010101010101010101010101010101010101";

impl CallArgs {
    fn sender(&self) -> Result<Address> {
        address(&self.sender, "--sender")
    }

    /// The input: `--args` encoded by `abi` for `method`, or the raw bytes of `--input` or
    /// `--input-file`.
    fn input(&self, abi: Option<&Abi>, method: &str) -> Result<Vec<u8>> {
        if let Some(args) = &self.args {
            let abi = abi.ok_or_else(|| {
                usage("usage", "--args: the contract has no ABI; give its input with --input HEX".to_string())
            })?;
            let value: Value =
                serde_json::from_str(args).map_err(|error| usage("usage", format!("--args: not JSON: {error}")))?;
            return abi.encode_args(method, &value).map_err(|error| usage("usage", format!("--args: {error}")));
        }
        if let Some(path) = &self.input_file {
            return std::fs::read(path).map_err(|e| usage("io", format!("{}: {e}", path.display())));
        }
        match &self.input {
            Some(hex) => hex_decode(hex.trim_start_matches("0x"))
                .ok_or_else(|| usage("usage", format!("--input: `{hex}` is not hex"))),
            None => Ok(Vec::new()),
        }
    }

    fn context(&self, chain: &Chain) -> Result<BlockContext> {
        let height = match self.height {
            Some(height) => height,
            None => chain.next_height()?,
        };
        Ok(BlockContext { height, timestamp: self.timestamp })
    }
}

fn usage(kind: &'static str, message: String) -> UsageError {
    UsageError { kind, message }
}

fn address(hex: &str, what: &str) -> Result<Address> {
    Address::from_hex(hex.trim_start_matches("0x"))
        .ok_or_else(|| usage("usage", format!("{what}: `{hex}` is not 64 hex digits")))
}

/// The local chain: an engine over a redb file, its compiled modules kept beside it in
/// `FILE.artifacts/` (a cache: deleting it costs a compilation, nothing else).
struct Chain {
    engine: ContractEngine,
    storage: RedbStorage,
}

impl Chain {
    /// Committed state, read.
    fn view<T>(&self, read: impl FnOnce(StateView<'_>) -> std::result::Result<T, StorageError>) -> Result<T> {
        let snapshot = self.storage.read().map_err(storage_error)?;
        read(StateView::new(&snapshot)).map_err(storage_error)
    }

    /// One more than the latest committed block.
    fn next_height(&self) -> Result<u64> {
        Ok(self.view(|view| view.latest_height())?.map_or(1, |latest| latest + 1))
    }

    /// A trace as text lines and JSON, decoded by the ABIs of its contracts (`known` first:
    /// the ABI of a contract being deployed, which the state may not hold).
    fn render(&self, tree: CallTree, known: Option<(ContractId, Option<Abi>)>) -> Result<Option<Rendered>> {
        let Some(root) = tree.root else { return Ok(None) };
        let mut ids = Vec::new();
        trace::contracts(&root, &mut ids);
        let mut abis = trace::Abis::new();
        if let Some((id, abi)) = known {
            abis.insert(id, abi);
        }
        for id in ids {
            if let std::collections::btree_map::Entry::Vacant(entry) = abis.entry(id) {
                entry.insert(self.view(|view| view.abi(&id))?);
            }
        }
        Ok(Some(Rendered { text: trace::text(&root, &abis), json: trace::json(&root, &abis) }))
    }
}

/// A trace, ready to print.
struct Rendered {
    text: Vec<String>,
    json: Value,
}

/// Prints a trace after a command's own lines: under `trace:` in text (JSON output carries it
/// as its "trace" field instead).
fn print_trace(trace: Option<&Rendered>) -> Result<()> {
    let Some(trace) = trace else { return Ok(()) };
    print("trace:")?;
    for line in &trace.text {
        print(&format!("  {line}"))?;
    }
    Ok(())
}

fn open(args: &ChainArgs) -> Result<Chain> {
    open_on(args, EngineConfig::default())
}

/// The engine a call runs on, as its flags ask.
fn engine_config(call: &CallArgs) -> EngineConfig {
    EngineConfig::default().with_backend(call.engine).with_copies(!call.no_copies)
}

fn open_on(args: &ChainArgs, config: EngineConfig) -> Result<Chain> {
    let policy = match &args.policy {
        Some(path) => Policy::load(path).map_err(|error| policy_usage_error(path, &error))?,
        None => Policy::default_policy(),
    };
    let storage =
        RedbStorage::open(&args.db).map_err(|e| usage("io", format!("{}: {}", args.db.display(), one_line(&e))))?;
    let artifacts = args.db.with_extension("artifacts");
    let artifacts = ArtifactDir::new(&artifacts).map_err(|e| usage("io", format!("{}: {e}", artifacts.display())))?;
    let engine = ContractEngine::with_config(policy, config.with_artifacts(artifacts)).map_err(engine_error)?;
    Ok(Chain { engine, storage })
}

/// An error and its sources, on one line: `error: source: source's source`.
pub(crate) fn one_line(error: &dyn std::error::Error) -> String {
    let mut line = error.to_string();
    let mut source = error.source();
    while let Some(error) = source {
        line.push_str(": ");
        line.push_str(&error.to_string());
        source = error.source();
    }
    line
}

fn engine_error(error: EngineError) -> UsageError {
    usage("engine", one_line(&error))
}

fn storage_error(error: StorageError) -> UsageError {
    usage("engine", one_line(&error))
}

/// `Outcome` of a call: accepted when it succeeded.
fn outcome(status: &ExecutionStatus) -> Outcome {
    if status.is_success() { Outcome::Accepted } else { Outcome::Refused }
}

fn status_message(status: &ExecutionStatus) -> Option<String> {
    match status {
        ExecutionStatus::Success => None,
        other => Some(other.to_string()),
    }
}

pub(crate) fn deploy(file: &Path, abi_file: Option<&Path>, init: &CallArgs, args: &ChainArgs) -> Result<Outcome> {
    let chain = open_on(args, engine_config(init))?;
    let bytes = std::fs::read(file).map_err(|e| usage("io", format!("{}: {e}", file.display())))?;
    let wasm =
        module_bytes(file, &bytes).map_err(|message| usage("module", format!("{}: {message}", file.display())))?;
    let given = abi_file
        .map(|path| std::fs::read_to_string(path).map_err(|e| usage("io", format!("{}: {e}", path.display()))))
        .transpose()?;
    // The ABI, checked here so that a bad one is reported as itself rather than as missing
    // when it is needed to encode `instantiate`'s arguments; deployment checks it again.
    let abi = match Abi::for_deploy(&wasm, given.as_deref()) {
        Ok(abi) => abi,
        // A module that does not parse is the validator's to report, below.
        Err(baals_abi::AbiError::Module(_)) => None,
        Err(error) => return rejected(file, &format!("ABI: {error}"), args.json),
    };
    let input = init.input(abi.as_ref(), baals_runtime::INSTANTIATE)?;
    let deploy =
        Deploy { deployer: init.sender()?, wasm: &wasm, abi: given.as_deref(), input: &input, gas_limit: init.gas };
    let result = chain.engine.commit_block(&chain.storage, init.context(&chain)?, |block| match init.trace {
        true => block.deploy_traced(&deploy, CallTree::new()).map(|(deployed, tree)| (deployed, Some(tree))),
        false => block.deploy(&deploy).map(|deployed| (deployed, None)),
    });
    let (deployed, tree) = match result {
        Ok(((deployed, tree), _)) => (deployed, tree),
        Err(EngineError::Abi(error)) => return rejected(file, &format!("ABI: {error}"), args.json),
        Err(EngineError::Instrument(error)) => return rejected(file, &error.to_string(), args.json),
        Err(error) => return Err(engine_error(error)),
    };
    let trace = match tree {
        Some(tree) => chain.render(tree, Some((deployed.contract_id, abi.clone())))?,
        None => None,
    };
    if args.json {
        let mut value = json!({
            "contract_id": deployed.contract_id.to_hex(),
            "status": deployed.status.name(),
            "gas_used": deployed.gas_used,
        });
        if let Some(message) = status_message(&deployed.status) {
            value["message"] = json!(message);
        }
        if let Some(trace) = trace {
            value["trace"] = trace.json;
        }
        return print(&value.to_string()).map(|()| outcome(&deployed.status));
    }
    if deployed.status.is_success() {
        print(&format!("deployed {} (gas used {})", deployed.contract_id, deployed.gas_used))?;
        print_events(&deployed.events, abi.as_ref())?;
    } else {
        eprint(&format!("deploy failed: {} (gas used {})", deployed.status, deployed.gas_used))?;
    }
    print_trace(trace.as_ref())?;
    Ok(outcome(&deployed.status))
}

/// A deployment refused: the module or its ABI broke a rule (exit 1).
fn rejected(file: &Path, reason: &str, json: bool) -> Result<Outcome> {
    if json {
        print(&json!({ "status": "rejected", "message": reason }).to_string())?;
    } else {
        eprint(&format!("{}: rejected: {reason}", file.display()))?;
    }
    Ok(Outcome::Refused)
}

pub(crate) fn call(
    contract: &str,
    method: &str,
    call: &CallArgs,
    profiling: &ProfileArgs,
    args: &ChainArgs,
    query: bool,
) -> Result<Outcome> {
    let chain = open_on(args, engine_config(call))?;
    let id = address(contract, "CONTRACT")?;
    let abi = chain.view(|view| view.abi(&id))?;
    let input = call.input(abi.as_ref(), method)?;
    let ctx = call.context(&chain)?;
    let sender = call.sender()?;
    let request = Call { sender, contract: id, method, input: &input, value: call.value, gas_limit: call.gas };
    let (traced, profiled) = (call.trace, profiling.wanted());
    let (result, tree, mut profile) = if query {
        let snapshot = chain.storage.read().map_err(storage_error)?;
        run_on(&mut chain.engine.block(ctx, snapshot), true, &request, traced, profiled)
    } else {
        let run = |block: &mut baals_runtime::Block<'_, baals_runtime::RedbTxn>| {
            run_on(block, false, &request, traced, profiled)
        };
        chain.engine.commit_block(&chain.storage, ctx, run).map(|(result, _)| result)
    }
    .map_err(engine_error)?;
    // A trap names the function it happened in: the call runs again, profiled, over the state
    // it started from (a call's trap changed nothing), when it was not profiled already.
    if profile.is_none() && matches!(result.status, ExecutionStatus::Trap { .. }) {
        let snapshot = chain.storage.read().map_err(storage_error)?;
        let block = &mut chain.engine.block(ctx, snapshot);
        profile = run_on(block, query, &request, false, true).map_err(engine_error)?.2;
    }
    let trace = match tree {
        Some(tree) => chain.render(tree, None)?,
        None => None,
    };
    let profile = match profile {
        Some(profile) => {
            let snapshot = chain.storage.read().map_err(storage_error)?;
            let view = StateView::new(&snapshot);
            let names = profile::Names::of(&view, profile::contracts(&profile), profiling.names.as_deref())?;
            if let Some(path) = &profiling.flamegraph {
                profile::write_flamegraph(&profile, &names, &format!("{contract}.{method}"), path)?;
            }
            Some(Profiled {
                json: profiled.then(|| profile::json(&profile, &names)),
                text: profiled.then(|| profile::text(&profile, &names)),
                trapped_in: profile::trap_path(&profile, &names),
            })
        }
        None => None,
    };
    report(&result, abi.as_ref(), method, args.json, trace, profile)?;
    Ok(outcome(&result.status))
}

/// A call's profile, rendered: in full when asked for, and the path to a trap.
struct Profiled {
    json: Option<Value>,
    text: Option<String>,
    trapped_in: Option<String>,
}

/// Runs `call` (or, `query`, the query of it) in `block`, with the tracers asked for.
#[allow(clippy::type_complexity)]
fn run_on<S: baals_runtime::ReadTxn>(
    block: &mut baals_runtime::Block<'_, S>,
    query: bool,
    call: &Call<'_>,
    traced: bool,
    profiled: bool,
) -> std::result::Result<(ContractExecutionResult, Option<CallTree>, Option<Profile>), baals_runtime::EngineError> {
    fn with<S: baals_runtime::ReadTxn, T: baals_runtime::Tracer>(
        block: &mut baals_runtime::Block<'_, S>,
        query: bool,
        call: &Call<'_>,
        tracer: Option<T>,
    ) -> std::result::Result<(ContractExecutionResult, Option<T>), baals_runtime::EngineError> {
        match query {
            true => block.query_with(&as_query(call), tracer),
            false => block.call_with(call, tracer),
        }
    }
    match (traced, profiled) {
        (false, false) => with(block, query, call, None::<CallTree>).map(|(result, _)| (result, None, None)),
        (true, false) => with(block, query, call, Some(CallTree::new())).map(|(result, tree)| (result, tree, None)),
        (false, true) => {
            with(block, query, call, Some(Profile::new())).map(|(result, profile)| (result, None, profile))
        }
        (true, true) => with(block, query, call, Some((CallTree::new(), Profile::new()))).map(|(result, both)| {
            let (tree, profile) = both.unzip();
            (result, tree, profile)
        }),
    }
}

fn as_query<'a>(call: &Call<'a>) -> Query<'a> {
    Query {
        sender: call.sender,
        contract: call.contract,
        method: call.method,
        input: call.input,
        gas_limit: call.gas_limit,
    }
}

/// A value decoded by the ABI, or why it did not decode.
type Decoded = std::result::Result<Value, String>;

/// The output of `method` decoded, when the ABI lists the method.
fn decoded_output(abi: Option<&Abi>, method: &str, output: &[u8]) -> Option<Decoded> {
    let abi = abi?;
    abi.method(method)?;
    Some(abi.decode_output(method, output).map_err(|error| error.to_string()))
}

/// An event's fields decoded, when the ABI lists its topic.
fn decoded_event(abi: Option<&Abi>, topic: &[u8], data: &[u8]) -> Option<Decoded> {
    Some(abi?.decode_event(topic, data)?.map_err(|error| error.to_string()))
}

/// Sets `"decoded"` (or `"decode_error"`) on a JSON object.
fn add_decoded(value: &mut Value, decoded: Option<Decoded>) {
    match decoded {
        Some(Ok(decoded)) => value["decoded"] = decoded,
        Some(Err(reason)) => value["decode_error"] = json!(reason),
        None => {}
    }
}

/// ` = VALUE` (or the reason it did not decode), to follow the raw hex in text output.
fn decoded_suffix(decoded: Option<Decoded>) -> String {
    match decoded {
        Some(Ok(value)) => format!(" = {value}"),
        Some(Err(reason)) => format!(" (does not decode: {reason})"),
        None => String::new(),
    }
}

/// The ABI's name for a revert message, if it lists it.
fn error_name<'a>(abi: Option<&'a Abi>, status: &ExecutionStatus) -> Option<&'a str> {
    let ExecutionStatus::Reverted { message } = status else { return None };
    Some(abi?.error(message.as_bytes())?.name.as_str())
}

fn report(
    result: &ContractExecutionResult,
    abi: Option<&Abi>,
    method: &str,
    json: bool,
    trace: Option<Rendered>,
    profile: Option<Profiled>,
) -> Result<()> {
    let output = result.status.is_success().then(|| decoded_output(abi, method, &result.output)).flatten();
    if json {
        let events: Vec<Value> = result
            .events
            .iter()
            .map(|e| {
                let mut value = json!({ "topic": hex_encode(&e.topic), "data": hex_encode(&e.data) });
                add_decoded(&mut value, decoded_event(abi, &e.topic, &e.data));
                value
            })
            .collect();
        let mut value = json!({
            "status": result.status.name(),
            "output": hex_encode(&result.output),
            "events": events,
            "gas_used": result.gas_used,
        });
        add_decoded(&mut value, output);
        if let Some(message) = status_message(&result.status) {
            value["message"] = json!(message);
        }
        if let Some(name) = error_name(abi, &result.status) {
            value["error"] = json!(name);
        }
        if let Some(trace) = trace {
            value["trace"] = trace.json;
        }
        if let Some(profile) = &profile {
            if let Some(json) = &profile.json {
                value["profile"] = json.clone();
            }
            if let Some(path) = &profile.trapped_in {
                value["trapped_in"] = json!(path);
            }
        }
        return print(&value.to_string());
    }
    if result.status.is_success() {
        print(&format!("success (gas used {})", result.gas_used))?;
        if !result.output.is_empty() || matches!(output, Some(Err(_))) {
            print(&format!("output: {}{}", hex_encode(&result.output), decoded_suffix(output)))?;
        }
        print_events(&result.events, abi)?;
    } else {
        let error = error_name(abi, &result.status).map(|name| format!(" [{name}]")).unwrap_or_default();
        eprint(&format!("{}{error} (gas used {})", result.status, result.gas_used))?;
        if let Some(path) = profile.as_ref().and_then(|profile| profile.trapped_in.as_ref()) {
            eprint(&format!("trapped in {path}"))?;
        }
    }
    print_trace(trace.as_ref())?;
    match profile.and_then(|profile| profile.text) {
        Some(text) => print(&text),
        None => Ok(()),
    }
}

fn print_events(events: &[Event], abi: Option<&Abi>) -> Result<()> {
    for event in events {
        let decoded = decoded_suffix(decoded_event(abi, &event.topic, &event.data));
        print(&format!("event {} {}{decoded}", printable(&event.topic), hex_encode(&event.data)))?;
    }
    Ok(())
}

/// A topic as text when it is printable ASCII, else as hex.
fn printable(bytes: &[u8]) -> String {
    if !bytes.is_empty() && bytes.iter().all(|b| b.is_ascii_graphic()) {
        String::from_utf8_lossy(bytes).into_owned()
    } else {
        format!("0x{}", hex_encode(bytes))
    }
}

pub(crate) fn events(contract: &str, args: &ChainArgs) -> Result<Outcome> {
    let chain = open(args)?;
    let id = address(contract, "CONTRACT")?;
    let (events, abi) = chain.view(|view| Ok((view.events(&id)?, view.abi(&id)?)))?;
    if args.json {
        let list: Vec<Value> = events
            .iter()
            .map(|e| {
                let mut value = json!({
                    "height": e.height, "call": e.call, "index": e.index,
                    "topic": hex_encode(&e.topic), "data": hex_encode(&e.data),
                });
                add_decoded(&mut value, decoded_event(abi.as_ref(), &e.topic, &e.data));
                value
            })
            .collect();
        print(&json!({ "contract_id": id.to_hex(), "events": list }).to_string())?;
    } else {
        for e in &events {
            let decoded = decoded_suffix(decoded_event(abi.as_ref(), &e.topic, &e.data));
            print(&format!(
                "{}.{}.{} {} {}{decoded}",
                e.height,
                e.call,
                e.index,
                printable(&e.topic),
                hex_encode(&e.data)
            ))?;
        }
    }
    Ok(Outcome::Accepted)
}

/// `baals abi FILE|CONTRACT`: the ABI of a module file, or of a deployed contract.
pub(crate) fn abi(target: &str, args: &ChainArgs) -> Result<Outcome> {
    let path = Path::new(target);
    let (abi, what) = if path.exists() {
        let bytes = std::fs::read(path).map_err(|e| usage("io", format!("{}: {e}", path.display())))?;
        let wasm =
            module_bytes(path, &bytes).map_err(|message| usage("module", format!("{}: {message}", path.display())))?;
        let abi = Abi::from_module(&wasm).map_err(|error| usage("abi", format!("{}: {error}", path.display())))?;
        (abi, format!("{}: the module has no `{}` section", path.display(), baals_abi::ABI_SECTION))
    } else {
        let id = address(target, "FILE or CONTRACT (no such file, and not a contract id)")?;
        let abi = open(args)?.view(|view| view.abi(&id))?;
        (abi, format!("contract {id} was deployed without an ABI"))
    };
    let Some(abi) = abi else {
        if args.json {
            print(&json!({ "abi": null, "message": what }).to_string())?;
        } else {
            eprint(&what)?;
        }
        return Ok(Outcome::Refused);
    };
    if args.json {
        print(&abi.json.to_string())?;
    } else {
        print(&abi.to_json_pretty())?;
    }
    Ok(Outcome::Accepted)
}

pub(crate) fn inspect(contract: &str, args: &ChainArgs) -> Result<Outcome> {
    let chain = open(args)?;
    let id: ContractId = address(contract, "CONTRACT")?;
    let Some(account) = chain.view(|view| view.account(&id))? else {
        let message = format!("no contract {id}");
        if args.json {
            print(&json!({ "contract_id": id.to_hex(), "error": message }).to_string())?;
        } else {
            eprint(&message)?;
        }
        return Ok(Outcome::Refused);
    };
    let storage = chain.view(|view| view.storage_entries(&id))?;
    if args.json {
        let entries: serde_json::Map<String, Value> =
            storage.iter().map(|(k, v)| (hex_encode(k), json!(hex_encode(v)))).collect();
        print(
            &json!({
                "contract_id": id.to_hex(),
                "code_hash": account.code_hash.to_string(),
                "policy_hash": account.policy_hash.to_string(),
                "storage_root": hex_encode(&account.storage_root),
                "balance": account.balance,
                "storage": entries,
            })
            .to_string(),
        )?;
    } else {
        print(&format!("contract     {id}"))?;
        print(&format!("code hash    {}", account.code_hash))?;
        print(&format!("policy hash  {}", account.policy_hash))?;
        print(&format!("storage root {}", hex_encode(&account.storage_root)))?;
        print(&format!("balance      {}", account.balance))?;
        for (key, value) in &storage {
            print(&format!("  {} = {}", printable(key), hex_encode(value)))?;
        }
    }
    Ok(Outcome::Accepted)
}

pub(crate) fn fund(account: &str, amount: u64, args: &ChainArgs) -> Result<Outcome> {
    let chain = open(args)?;
    let address = address(account, "ACCOUNT")?;
    let ctx = BlockContext { height: chain.next_height()?, timestamp: 0 };
    let (balance, _) =
        chain.engine.commit_block(&chain.storage, ctx, |block| block.credit(&address, amount)).map_err(engine_error)?;
    if args.json {
        print(&json!({ "account": address.to_hex(), "balance": balance }).to_string())?;
    } else {
        print(&format!("{address}: balance {balance}"))?;
    }
    Ok(Outcome::Accepted)
}
