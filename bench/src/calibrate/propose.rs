//! `--propose`: the prices the measurements imply for a target rate and a safety margin.
//!
//! A kernel's operation must cost at least `ns_per_op × rate × margin` gas. Its gas per
//! operation is `count × price + others` (the loop around it, the injected metering, other
//! instructions), so the price it implies is `(needed - others) / count`, rounded up; a
//! price several kernels imply is the largest of them. Every other value of the policy is
//! taken as it is, so a proposal whose values moved others' (`calls.base` moves every call's
//! `others`) converges when the harness runs again on the proposed policy.

use std::collections::BTreeMap;

use baals_policy::{HostFunction, Policy};

use super::{Measured, Price};

/// The proposal's parameters.
#[derive(Clone, Copy, Debug)]
pub struct Target {
    /// Gas per second on the machine measured.
    pub gas_per_second: f64,
    /// How many times its measured time an operation is charged, at least.
    pub margin: f64,
}

impl Target {
    /// The gas an operation of `ns` nanoseconds must cost.
    pub fn gas_for(&self, ns: f64) -> f64 {
        ns * self.gas_per_second / 1e9 * self.margin
    }
}

/// One value of the policy: its key in the canonical form, its current value, the value the
/// measurements imply, and the kernel that implied it.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposed {
    /// The canonical key (`costs.i64.div_u`, `host.baals_emit_event.base`, `calls.base`).
    pub key: String,
    /// Where it goes in a policy file: section and key.
    pub section: String,
    /// The key inside its section (`int`, `"br_table"`, `grow-page-cost`).
    pub name: String,
    /// Its value in the policy measured (0 where the policy has no such key).
    pub current: u64,
    /// The value the measurements imply.
    pub proposed: u64,
    /// The kernel that implied it.
    pub kernel: String,
}

/// The canonical form's values, by key.
fn current_values(policy: &Policy) -> BTreeMap<String, u64> {
    policy
        .canonical()
        .lines()
        .filter_map(|line| line.split_once('='))
        .filter_map(|(key, value)| Some((key.to_string(), value.parse().ok()?)))
        .collect()
}

/// Where a price lives: canonical key, section, key in its section, and the least it may be.
fn location(price: Price) -> Option<(String, String, String, u64)> {
    Some(match price {
        Price::Instruction { class: Some(class), opcode, .. } => {
            (format!("costs.{opcode}"), "costs".into(), class.to_string(), 1)
        }
        Price::Instruction { class: None, opcode, .. } => {
            (format!("costs.{opcode}"), "costs.opcodes".into(), format!("\"{opcode}\""), 1)
        }
        Price::Unit { key, .. } => match key.split_once('.') {
            Some((section, name)) => (key.to_string(), section.into(), name.into(), 0),
            None => (format!("bulk.{key}"), "bulk".into(), key.into(), 0),
        },
        Price::HostBase(function) => host(function, "base", 1),
        Price::HostByte(function, _) => host(function, "per-byte", 0),
        Price::Key { key, .. } => {
            let (section, name) = key.split_once('.')?;
            (key.to_string(), section.into(), name.into(), 0)
        }
        Price::Bound => return None,
    })
}

fn host(function: HostFunction, part: &str, least: u64) -> (String, String, String, u64) {
    (format!("host.{function}.{part}"), "host".into(), format!("{function}.{part}"), least)
}

fn count(price: Price) -> u64 {
    match price {
        Price::Instruction { count, .. } | Price::Key { count, .. } => count,
        Price::Unit { units, .. } => units,
        Price::HostByte(_, bytes) => bytes,
        Price::HostBase(_) | Price::Bound => 1,
    }
}

/// The values `measured` implies under `target`, for the policy it was measured under: one
/// per priced key, sorted by key.
pub fn propose(measured: &[Measured], policy: &Policy, target: Target) -> Vec<Proposed> {
    let values = current_values(policy);
    let mut proposals: BTreeMap<String, Proposed> = BTreeMap::new();
    for m in measured {
        let Some((key, section, name, least)) = location(m.price) else { continue };
        let current = values.get(&key).copied().unwrap_or(0);
        let count = count(m.price).max(1) as f64;
        let others = m.gas_per_op - count * current as f64;
        let needed = target.gas_for(m.ns_per_op.max(0.0));
        let proposed = (((needed - others) / count).ceil().max(0.0) as u64).max(least);
        let entry = proposals.entry(key.clone()).or_insert_with(|| Proposed {
            key,
            section,
            name,
            current,
            proposed: 0,
            kernel: String::new(),
        });
        if proposed >= entry.proposed {
            entry.proposed = proposed;
            entry.kernel = m.name.clone();
        }
    }
    proposals.into_values().collect()
}

/// The proposal as policy TOML, section by section, each value with the kernel that set it.
/// Host functions list both prices, the one no kernel measured kept.
pub fn to_toml(proposals: &[Proposed], policy: &Policy) -> String {
    let values = current_values(policy);
    let mut sections: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut host: BTreeMap<String, [Option<&Proposed>; 2]> = BTreeMap::new();
    for p in proposals {
        if p.section == "host" {
            let (function, part) = p.name.split_once('.').unwrap_or((&p.name, ""));
            host.entry(function.to_string()).or_default()[usize::from(part == "per-byte")] = Some(p);
            continue;
        }
        let line = format!("{} = {:<12} # was {}, from {}", p.name, p.proposed, p.current, p.kernel);
        sections.entry(&p.section).or_default().push(line);
    }
    let mut out = String::new();
    for (section, lines) in sections {
        out.push_str(&format!("[{section}]\n"));
        for line in lines {
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str("[host]\n");
    for (function, [base, per_byte]) in host {
        let value = |p: Option<&Proposed>, part: &str| {
            p.map_or_else(|| values.get(&format!("host.{function}.{part}")).copied().unwrap_or(0), |p| p.proposed)
        };
        let was = |p: Option<&Proposed>| p.map_or(String::from("-"), |p| p.current.to_string());
        out.push_str(&format!(
            "{function} = {{ base = {}, per-byte = {} }}  # was {} and {}\n",
            value(base, "base"),
            value(per_byte, "per-byte"),
            was(base),
            was(per_byte)
        ));
    }
    out
}
