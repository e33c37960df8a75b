//! `--trace`: a call's tree of calls and host calls with exact gas, as indented text or nested
//! JSON. Inputs, outputs and events are decoded by each contract's ABI where it has one.

use std::collections::BTreeMap;

use baals_abi::{Abi, hex_encode};
use baals_runtime::trace::{CallNode, Effect, HostCall};
use baals_runtime::{Address, ContractId, ExecutionStatus};
use serde_json::{Value, json};

/// The ABIs of the contracts a trace shows, by contract.
pub(crate) type Abis = BTreeMap<ContractId, Option<Abi>>;

/// Every contract in the tree, for the caller to find ABIs of.
pub(crate) fn contracts(node: &CallNode, out: &mut Vec<ContractId>) {
    out.push(node.contract);
    for child in node.calls() {
        contracts(child, out);
    }
}

/// The first 8 hex digits of an address: enough to tell a trace's contracts apart.
fn short(address: &Address) -> String {
    hex_encode(&address.0[..4])
}

fn abi<'a>(abis: &'a Abis, contract: &ContractId) -> Option<&'a Abi> {
    abis.get(contract).and_then(Option::as_ref)
}

/// The call's arguments: decoded by the ABI (`{"to": ..., "amount": ...}`), else hex.
fn arguments(node: &CallNode, abis: &Abis) -> String {
    match abi(abis, &node.contract).filter(|abi| abi.method(&node.method).is_some()) {
        Some(abi) => match abi.decode_args(&node.method, &node.input) {
            Ok(value) => value.to_string(),
            Err(_) => format!("0x{}", hex_encode(&node.input)),
        },
        None if node.input.is_empty() => String::new(),
        None => format!("0x{}", hex_encode(&node.input)),
    }
}

/// How the call ended, with its output decoded when it succeeded and the ABI lists it.
fn ending(node: &CallNode, abis: &Abis) -> String {
    match &node.status {
        Some(ExecutionStatus::Success) => {
            let decoded = abi(abis, &node.contract)
                .filter(|abi| abi.method(&node.method).is_some())
                .and_then(|abi| abi.decode_output(&node.method, &node.output).ok());
            match (decoded, node.output.is_empty()) {
                (Some(Value::Null) | None, true) => "success".to_string(),
                (Some(value), _) => format!("success = {value}"),
                (None, false) => format!("success = 0x{}", hex_encode(&node.output)),
            }
        }
        Some(status) => status.to_string(),
        None => "did not end".to_string(),
    }
}

/// The tree as indented lines: each call with its gas (and the part it used itself), each host
/// call with its gas and what it did.
pub(crate) fn text(node: &CallNode, abis: &Abis) -> Vec<String> {
    let mut lines = Vec::new();
    text_into(node, abis, 0, &mut lines);
    lines
}

fn text_into(node: &CallNode, abis: &Abis, indent: usize, lines: &mut Vec<String>) {
    let pad = "  ".repeat(indent);
    let value = if node.value > 0 { format!(" value {}", node.value) } else { String::new() };
    lines.push(format!(
        "{pad}[{} gas, own {}] {}::{}({}){value} -> {}",
        node.gas_used,
        node.own_gas(),
        short(&node.contract),
        node.method,
        arguments(node, abis),
        ending(node, abis)
    ));
    for effect in &node.effects {
        lines.push(format!("{pad}  {}", effect_text(effect, abis)));
    }
    for host in &node.host_calls {
        host_text(host, abis, indent + 1, lines);
    }
}

fn host_text(host: &HostCall, abis: &Abis, indent: usize, lines: &mut Vec<String>) {
    let pad = "  ".repeat(indent);
    lines.push(format!("{pad}[{} gas] {}", host.gas, host.function.name()));
    for effect in &host.effects {
        lines.push(format!("{pad}  {}", effect_text(effect, abis)));
    }
    if let Some(call) = &host.call {
        text_into(call, abis, indent + 1, lines);
    }
}

fn bytes(value: Option<&[u8]>) -> String {
    value.map_or_else(|| "(none)".to_string(), |value| format!("0x{}", hex_encode(value)))
}

fn effect_text(effect: &Effect, abis: &Abis) -> String {
    match effect {
        Effect::StorageRead { key, value, .. } => format!("read {} = {}", bytes(Some(key)), bytes(value.as_deref())),
        Effect::StorageWrite { key, old, new, .. } => {
            format!("write {}: {} -> {}", bytes(Some(key)), bytes(old.as_deref()), bytes(new.as_deref()))
        }
        Effect::BalanceRead { address, balance } => format!("balance of {} = {balance}", short(address)),
        Effect::Transfer { from, to, amount } => format!("transfer {amount} from {} to {}", short(from), short(to)),
        Effect::Event(event) => {
            let decoded = abi(abis, &event.contract)
                .and_then(|abi| abi.decode_event(&event.topic, &event.data))
                .and_then(Result::ok)
                .map(|value| format!(" = {value}"))
                .unwrap_or_default();
            format!("event {} {}{decoded}", bytes(Some(&event.topic)), bytes(Some(&event.data)))
        }
        other => format!("{other:?}"),
    }
}

/// The tree as nested JSON: the same figures as [`text`], with `args`, `decoded` and events'
/// `decoded` fields where an ABI decodes them.
pub(crate) fn json(node: &CallNode, abis: &Abis) -> Value {
    let mut value = json!({
        "contract": node.contract.to_hex(),
        "sender": node.sender.to_hex(),
        "method": node.method,
        "depth": node.depth,
        "value": node.value,
        "gas_limit": node.gas_limit,
        "gas_used": node.gas_used,
        "own_gas": node.own_gas(),
        "status": node.status.as_ref().map(ExecutionStatus::name),
        "input": hex_encode(&node.input),
        "output": hex_encode(&node.output),
        "effects": node.effects.iter().map(|effect| effect_json(effect, abis)).collect::<Vec<_>>(),
        "host_calls": node.host_calls.iter().map(|host| host_json(host, abis)).collect::<Vec<_>>(),
    });
    if let Some(status) = node.status.as_ref().filter(|status| !status.is_success()) {
        value["message"] = json!(status.to_string());
    }
    if let Some(abi) = abi(abis, &node.contract).filter(|abi| abi.method(&node.method).is_some()) {
        if let Ok(args) = abi.decode_args(&node.method, &node.input) {
            value["args"] = args;
        }
        if node.status.as_ref().is_some_and(ExecutionStatus::is_success)
            && let Ok(decoded) = abi.decode_output(&node.method, &node.output)
        {
            value["decoded"] = decoded;
        }
    }
    value
}

fn host_json(host: &HostCall, abis: &Abis) -> Value {
    let mut value = json!({
        "function": host.function.name(),
        "gas": host.gas,
        "effects": host.effects.iter().map(|effect| effect_json(effect, abis)).collect::<Vec<_>>(),
    });
    if let Some(call) = &host.call {
        value["call"] = json(call, abis);
    }
    value
}

fn effect_json(effect: &Effect, abis: &Abis) -> Value {
    let hex = |value: Option<&[u8]>| value.map(hex_encode);
    match effect {
        Effect::StorageRead { contract, key, value } => json!({
            "kind": "storage_read", "contract": contract.to_hex(), "key": hex_encode(key), "value": hex(value.as_deref()),
        }),
        Effect::StorageWrite { contract, key, old, new } => json!({
            "kind": "storage_write", "contract": contract.to_hex(), "key": hex_encode(key),
            "old": hex(old.as_deref()), "new": hex(new.as_deref()),
        }),
        Effect::BalanceRead { address, balance } => {
            json!({ "kind": "balance_read", "address": address.to_hex(), "balance": balance })
        }
        Effect::Transfer { from, to, amount } => {
            json!({ "kind": "transfer", "from": from.to_hex(), "to": to.to_hex(), "amount": amount })
        }
        Effect::Event(event) => {
            let mut value = json!({
                "kind": "event", "contract": event.contract.to_hex(),
                "topic": hex_encode(&event.topic), "data": hex_encode(&event.data),
            });
            if let Some(Ok(decoded)) =
                abi(abis, &event.contract).and_then(|abi| abi.decode_event(&event.topic, &event.data))
            {
                value["decoded"] = decoded;
            }
            value
        }
        other => json!({ "kind": format!("{other:?}") }),
    }
}
