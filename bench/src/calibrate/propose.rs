//! `--propose`: the prices the measurements imply for a target rate and a safety margin.
//!
//! A kernel's operation must cost at least `ns_per_op × rate × margin` gas. Its gas per
//! operation is `count × price + others` (the loop around it, the injected metering, other
//! instructions), so the price it implies is `(needed - others) / count`, rounded up to two
//! significant figures; a price several kernels imply is the largest of them. A price per byte
//! of an operation that has a base price too pays the time beyond the cheapest operation of
//! its kind (the host function at zero length): `(ns_per_op - base_ns) × rate × margin / bytes`. Every other value of the policy is
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
    /// The canonical key (`costs.i64.popcnt`, `host.baals_emit_event.base`, `calls.base`), or
    /// `costs.class.NAME` for a class.
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

/// `value` rounded up to two significant figures: a price is a measurement, not a
/// constant, and the figures a third digit would carry are below the noise of a run.
pub fn round_up(value: u64) -> u64 {
    let mut unit = 1;
    while value / unit >= 100 {
        unit *= 10;
    }
    value.div_ceil(unit) * unit
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

/// For a price per byte or per element of an operation that pays a base price too (a host
/// function's `per-byte`, a bulk instruction's), the time of the cheapest operation of the same
/// kind measured (the host function at zero length, the instruction at length 0): what the
/// bytes' price must pay for is the time beyond it.
fn base_time(measured: &[Measured], price: Price) -> Option<f64> {
    let same_base = |m: &&Measured| match (price, m.price) {
        (Price::HostByte(f, _), Price::HostBase(g)) => f == g,
        (Price::Unit { key, .. }, Price::Instruction { class: None, opcode, .. }) => unit_opcode(key) == Some(opcode),
        _ => false,
    };
    measured.iter().filter(same_base).map(|m| m.ns_per_op).min_by(f64::total_cmp)
}

/// The instruction a per-unit price of `[bulk]` is charged for.
fn unit_opcode(key: &str) -> Option<&'static str> {
    Some(match key {
        "memory-copy-byte" => "memory.copy",
        "memory-fill-byte" => "memory.fill",
        "memory-init-byte" => "memory.init",
        "table-copy-element" => "table.copy",
        "table-fill-element" => "table.fill",
        "table-init-element" => "table.init",
        _ => return None,
    })
}

/// The values `measured` implies under `target`, for the policy it was measured under: one
/// per priced key, sorted by key.
pub fn propose(measured: &[Measured], policy: &Policy, target: Target) -> Vec<Proposed> {
    let values = current_values(policy);
    let mut proposals: BTreeMap<String, Proposed> = BTreeMap::new();
    for m in measured {
        let Some((key, section, name, least)) = location(m.price) else { continue };
        let current = values.get(&key).copied().unwrap_or(0);
        // A class is one value however many of its instructions were measured.
        let key = match m.price {
            Price::Instruction { class: Some(class), .. } => format!("costs.class.{class}"),
            _ => key,
        };
        let count = count(m.price).max(1) as f64;
        let proposed = match base_time(measured, m.price) {
            // A price per byte of an operation that also pays a base: the bytes pay the time
            // beyond the cheapest operation of the same kind, whatever the base's gas.
            Some(base) => target.gas_for((m.ns_per_op - base).max(0.0)) / count,
            None => {
                let others = m.gas_per_op - count * current as f64;
                (target.gas_for(m.ns_per_op.max(0.0)) - others) / count
            }
        };
        let proposed = round_up((proposed.ceil().max(0.0) as u64).max(least));
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
        // A 64-bit instruction measured prices its 32-bit twin too: the same work on fewer
        // bits.
        let twin =
            p.name.strip_prefix("\"i64.").map(|t| ("i32", t)).or(p.name.strip_prefix("\"f64.").map(|t| ("f32", t)));
        if let Some((bits, twin)) = twin.filter(|_| p.section == "costs.opcodes") {
            let line = format!("\"{bits}.{twin} = {:<12} # as its 64-bit twin", p.proposed);
            sections.entry(&p.section).or_default().push(line);
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn measured(name: &str, price: Price, gas_per_op: f64, ns_per_op: f64) -> Measured {
        Measured {
            name: name.into(),
            op: String::new(),
            price,
            sizes: (1, 4),
            gas_per_op,
            ns_per_op,
            ns_per_op_range: (ns_per_op, ns_per_op),
        }
    }

    #[test]
    fn a_price_covers_its_kernels_time_beside_the_rest_of_its_gas() {
        let policy = Policy::default_policy();
        let target = Target { gas_per_second: 1e10, margin: 1.5 };
        let add = policy.cost(baals_policy::Opcode::I64Add).unwrap();
        // An operation of 3 additions and 10 gas of other code, taking 4 ns: it must cost
        // 4 × 10 × 1.5 = 60 gas, so each addition (60 - 10) / 3 = 16.7, 17.
        let int = Price::Instruction { class: Some("int"), opcode: "i64.add", count: 3 };
        let m = measured("int.a", int, 10.0 + 3.0 * add as f64, 4.0);
        let proposals = propose(std::slice::from_ref(&m), &policy, target);
        assert_eq!(proposals.len(), 1);
        let p = &proposals[0];
        assert_eq!((p.key.as_str(), p.section.as_str(), p.name.as_str()), ("costs.class.int", "costs", "int"));
        assert_eq!((p.current, p.proposed, p.kernel.as_str()), (add, 17, "int.a"));
        // A second kernel of the class that needs more sets it, (120 - 10) / 3: 37; one that
        // needs less does not.
        let slower = measured("int.b", int, 10.0 + 3.0 * add as f64, 8.0);
        let faster = measured("int.c", int, 10.0 + 3.0 * add as f64, 1.0);
        let proposals = propose(&[m, slower, faster], &policy, target);
        assert_eq!((proposals[0].proposed, proposals[0].kernel.as_str()), (37, "int.b"));
        // Instructions never go below 1; unit prices may be 0.
        let cheap = measured("int.d", int, 1000.0, 0.1);
        assert_eq!(propose(&[cheap], &policy, target)[0].proposed, 1);
        let bytes = measured("bulk.x", Price::Unit { key: "memory-fill-byte", units: 1000 }, 2000.0, 0.1);
        let proposal = &propose(&[bytes], &policy, target)[0];
        assert_eq!((proposal.key.as_str(), proposal.proposed), ("bulk.memory-fill-byte", 0));
    }

    #[test]
    fn a_price_per_byte_pays_the_time_beyond_the_base() {
        use baals_policy::HostFunction;
        let policy = Policy::default_policy();
        let target = Target { gas_per_second: 1e10, margin: 1.0 };
        // Hashing nothing takes 100 ns, 1,000 bytes 600 ns: the bytes pay 500 ns, 5,000 gas,
        // 5 a byte, whatever the base's price.
        let base = measured("hash_0", Price::HostBase(HostFunction::HashSha256), 1_000_000.0, 100.0);
        let long = measured("hash_1k", Price::HostByte(HostFunction::HashSha256, 1000), 1_000_000.0, 600.0);
        let proposals = propose(&[base, long], &policy, target);
        let per_byte = proposals.iter().find(|p| p.key == "host.baals_hash_sha256.per-byte").unwrap();
        assert_eq!(per_byte.proposed, 5);
    }

    #[test]
    fn rounds_up_to_two_significant_figures() {
        let cases = [(0, 0), (1, 1), (99, 99), (100, 100), (101, 110), (1_937, 2_000), (487_502, 490_000)];
        for (value, rounded) in cases {
            assert_eq!(round_up(value), rounded, "{value}");
        }
    }
}
