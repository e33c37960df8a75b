//! The commands that run contracts: a local chain in a redb file, one block per command.

use std::path::{Path, PathBuf};

use baals_abi::Abi;
use baals_policy::Policy;
use baals_runtime::{
    Address, Backend, BlockContext, ContractEngine, ContractExecutionResult, ContractId, EngineConfig, Event,
    ExecutionStatus, RedbStorage, hex_decode, hex_encode,
};
use serde_json::{Value, json};

use crate::commands::{eprint, module_bytes, policy_usage_error, print};
use crate::{Outcome, UsageError};

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

    fn context(&self, engine: &ContractEngine) -> Result<BlockContext> {
        let height = match self.height {
            Some(height) => height,
            None => engine.latest_height().map_err(engine_error)?.map_or(1, |latest| latest + 1),
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

fn open(args: &ChainArgs) -> Result<ContractEngine> {
    open_on(args, EngineConfig::default())
}

/// The engine a call runs on, as its flags ask.
fn engine_config(call: &CallArgs) -> EngineConfig {
    EngineConfig::default().with_backend(call.engine).with_copies(!call.no_copies)
}

fn open_on(args: &ChainArgs, config: EngineConfig) -> Result<ContractEngine> {
    let policy = match &args.policy {
        Some(path) => Policy::load(path).map_err(|error| policy_usage_error(path, &error))?,
        None => Policy::default_policy(),
    };
    let storage = RedbStorage::open(&args.db).map_err(|e| usage("io", format!("{}: {e}", args.db.display())))?;
    ContractEngine::with_config(storage, policy, config).map_err(engine_error)
}

fn engine_error(error: baals_runtime::EngineError) -> UsageError {
    usage("engine", error.to_string())
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
    let engine = open_on(args, engine_config(init))?;
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
    let result = engine.deploy_contract_with_abi(
        init.context(&engine)?,
        init.sender()?,
        &wasm,
        given.as_deref(),
        &input,
        init.gas,
    );
    let deployed = match result {
        Ok(deployed) => deployed,
        Err(baals_runtime::EngineError::Abi(error)) => return rejected(file, &format!("ABI: {error}"), args.json),
        Err(baals_runtime::EngineError::Instrument(error)) => return rejected(file, &error.to_string(), args.json),
        Err(error) => return Err(engine_error(error)),
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
        print(&value.to_string())?;
    } else if deployed.status.is_success() {
        print(&format!("deployed {} (gas used {})", deployed.contract_id, deployed.gas_used))?;
        print_events(&deployed.events, abi.as_ref())?;
    } else {
        eprint(&format!("deploy failed: {} (gas used {})", deployed.status, deployed.gas_used))?;
    }
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

pub(crate) fn call(contract: &str, method: &str, call: &CallArgs, args: &ChainArgs, query: bool) -> Result<Outcome> {
    let engine = open_on(args, engine_config(call))?;
    let id = address(contract, "CONTRACT")?;
    let abi = engine.contract_abi(&id).map_err(engine_error)?;
    let input = call.input(abi.as_ref(), method)?;
    let ctx = call.context(&engine)?;
    let result = if query {
        engine.query_contract(ctx, call.sender()?, id, method, &input, call.gas)
    } else {
        engine.execute_contract_call(ctx, call.sender()?, id, method, &input, call.value, call.gas)
    }
    .map_err(engine_error)?;
    report(&result, abi.as_ref(), method, args.json)?;
    Ok(outcome(&result.status))
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

fn report(result: &ContractExecutionResult, abi: Option<&Abi>, method: &str, json: bool) -> Result<()> {
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
        return print(&value.to_string());
    }
    if result.status.is_success() {
        print(&format!("success (gas used {})", result.gas_used))?;
        if !result.output.is_empty() || matches!(output, Some(Err(_))) {
            print(&format!("output: {}{}", hex_encode(&result.output), decoded_suffix(output)))?;
        }
        print_events(&result.events, abi)
    } else {
        let error = error_name(abi, &result.status).map(|name| format!(" [{name}]")).unwrap_or_default();
        eprint(&format!("{}{error} (gas used {})", result.status, result.gas_used))
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
    let engine = open(args)?;
    let id = address(contract, "CONTRACT")?;
    let events = engine.events(&id).map_err(engine_error)?;
    let abi = engine.contract_abi(&id).map_err(engine_error)?;
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
        let engine = open(args)?;
        let abi = engine.contract_abi(&id).map_err(engine_error)?;
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
    let engine = open(args)?;
    let id: ContractId = address(contract, "CONTRACT")?;
    let Some(account) = engine.contract(&id).map_err(engine_error)? else {
        let message = format!("no contract {id}");
        if args.json {
            print(&json!({ "contract_id": id.to_hex(), "error": message }).to_string())?;
        } else {
            eprint(&message)?;
        }
        return Ok(Outcome::Refused);
    };
    let storage = engine.storage_entries(&id).map_err(engine_error)?;
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
    let engine = open(args)?;
    let address = address(account, "ACCOUNT")?;
    let height = engine.latest_height().map_err(engine_error)?.map_or(1, |latest| latest + 1);
    let mut block = engine.begin_block(BlockContext { height, timestamp: 0 }).map_err(engine_error)?;
    let balance = block.credit(&address, amount).map_err(engine_error)?;
    block.commit().map_err(engine_error)?;
    if args.json {
        print(&json!({ "account": address.to_hex(), "balance": balance }).to_string())?;
    } else {
        print(&format!("{address}: balance {balance}"))?;
    }
    Ok(Outcome::Accepted)
}
