//! The policy file format: shipped policies, every error kind with its key and line, and the
//! stability of the policy hash.

use baals_policy::{
    CostClass, DEFAULT_POLICY_TOML, FloatMode, HostFunction, Limit, Opcode, PERMISSIVE_POLICY_TOML, Policy, PolicyError,
};

fn edit(section: &str, key: &str, line: &str) -> String {
    baals_tests::edit(DEFAULT_POLICY_TOML, section, key, line)
}

/// The 1-based line of the first line of `text` that starts with `prefix`.
fn line_of(text: &str, prefix: &str) -> usize {
    text.lines().position(|line| line.starts_with(prefix)).expect(prefix) + 1
}

fn error(text: &str) -> PolicyError {
    Policy::from_toml(text).expect_err("policy should be refused")
}

#[test]
fn shipped_policies_load() {
    let default = Policy::default_policy();
    assert_eq!(default.features().floats, FloatMode::Deny);
    assert_eq!(default.cost(Opcode::I32Add), Some(1));
    assert_eq!(default.cost(Opcode::I64DivS), Some(69));
    assert_eq!(default.cost(Opcode::MemoryGrow), Some(500));
    assert_eq!(default.unit_cost(Opcode::MemoryGrow), Some(380_000));
    assert_eq!(default.unit_cost(Opcode::MemoryCopy), Some(1));
    assert_eq!(default.unit_cost(Opcode::I32Add), None);
    assert_eq!(default.cost(Opcode::F32Add), None);
    assert_eq!(default.cost(Opcode::I32TruncSatF32S), None);
    assert_eq!(default.limit(Limit::Functions), 8_192);
    assert_eq!(default.limit(Limit::MemoryPages), 512);
    assert_eq!(default.host_cost(HostFunction::StorageWrite).base, 400_000);
    assert_eq!((default.calls().base, default.calls().input_byte), (48_000, 3));
    assert_eq!(default.deploy_cost().of(1000, 10), 8_600_000 + 32_000 * 1000 + 170_000 * 10);

    let permissive = Policy::permissive();
    assert_eq!(permissive.features().floats, FloatMode::CanonicalizeNan);
    assert_eq!(permissive.cost(Opcode::F64Div), Some(115));
    assert_eq!(permissive.cost(Opcode::I64TruncSatF64U), Some(30));
    assert_ne!(default.hash(), permissive.hash());
    assert_eq!(Policy::from_toml(PERMISSIVE_POLICY_TOML).unwrap(), permissive);
}

#[test]
fn every_allowed_opcode_has_a_price() {
    for policy in [Policy::default_policy(), Policy::permissive()] {
        for &opcode in Opcode::ALL {
            assert_eq!(policy.cost(opcode).is_some(), policy.features().allows(opcode.gate()), "{opcode}");
        }
    }
}

#[test]
fn hash_is_lowercase_hex_of_the_canonical_form() {
    let policy = Policy::default_policy();
    let hex = policy.hash().to_string();
    assert_eq!(hex.len(), 64);
    assert!(hex.chars().all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c)), "{hex}");
    let canonical = policy.canonical();
    assert!(canonical.starts_with("baals-policy canonical v1\n"));
    assert!(canonical.contains("\ncosts.i32.add=1\n"));
    assert!(canonical.contains("\nlimits.functions=8192\n"));
    assert!(!canonical.contains("f32."), "denied float opcodes have no place in the identity");
    let mut keys: Vec<&str> = canonical.lines().skip(1).map(|l| l.split('=').next().unwrap()).collect();
    let sorted = {
        let mut k = keys.clone();
        k.sort();
        k
    };
    assert_eq!(keys, sorted);
    keys.dedup();
    assert_eq!(keys.len(), canonical.lines().count() - 1);
}

/// The default policy's identity is part of every stored contract's key: it changes only on
/// purpose. When `policy/default.toml` changes, update this value in the same commit.
#[test]
fn default_policy_hash_is_pinned() {
    assert_eq!(
        Policy::default_policy().hash().to_string(),
        "2752b64a692f24d5252141b928c23a25fa28e930db46e4f468d372771fe3a7c6"
    );
}

/// Writes `policy` back as TOML in a different shape: no classes (every price an override),
/// sections and keys in reverse order, inline tables where the shipped file uses headers and
/// the other way round, no comments.
fn rewrite(policy: &Policy) -> String {
    let canonical = policy.canonical();
    let mut sections: Vec<(String, Vec<String>)> = Vec::new();
    let mut push = |section: &str, line: String| match sections.iter_mut().find(|(s, _)| s == section) {
        Some((_, lines)) => lines.push(line),
        None => sections.push((section.to_string(), vec![line])),
    };
    let mut host: Vec<(String, String, String)> = Vec::new();
    for entry in canonical.lines().skip(1) {
        let (key, value) = entry.split_once('=').unwrap();
        let value = match value {
            "true" | "false" => value.to_string(),
            v if v.parse::<u64>().is_ok() => v.to_string(),
            v => format!("\"{v}\""),
        };
        if key == "version" {
            continue;
        }
        let (section, rest) = key.split_once('.').unwrap();
        match section {
            "costs" => push("costs.opcodes", format!("\"{rest}\" = {value}")),
            "host" => {
                let (function, field) = rest.split_once('.').unwrap();
                match host.iter_mut().find(|(f, _, _)| f == function) {
                    Some(entry) if field == "base" => entry.1 = value,
                    Some(entry) => entry.2 = value,
                    None if field == "base" => host.push((function.to_string(), value, String::new())),
                    None => host.push((function.to_string(), String::new(), value)),
                }
            }
            _ => push(section, format!("{rest} = {value}")),
        }
    }
    let mut out = String::new();
    for (function, base, per_byte) in host.iter().rev() {
        out.push_str(&format!("[host.{function}]\nper-byte = {per_byte}\nbase = {base}\n"));
    }
    for (section, lines) in sections.iter().rev() {
        out.push_str(&format!("[{section}]\n"));
        for line in lines.iter().rev() {
            out.push_str(line);
            out.push('\n');
        }
    }
    format!("version = 0x1\n{out}")
}

#[test]
fn hash_ignores_formatting_key_order_and_classes() {
    for policy in [Policy::default_policy(), Policy::permissive()] {
        let text = rewrite(&policy);
        let reread = Policy::from_toml(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(reread.hash(), policy.hash());
        assert_eq!(reread, policy);
    }
    // A class price spelled out as overrides of each of its opcodes changes nothing.
    let spelled: String = Opcode::ALL
        .iter()
        .filter(|op| op.class() == CostClass::IntDiv)
        .map(|op| format!("\"{}\" = 69\n", op.name()))
        .collect();
    let text = edit("costs", "int-div", "").replace("[costs.opcodes]\n", &format!("[costs.opcodes]\n{spelled}"));
    assert_eq!(Policy::from_toml(&text).unwrap().hash(), Policy::default_policy().hash());
}

#[test]
fn hash_changes_with_every_kind_of_value() {
    let base = Policy::default_policy().hash();
    for text in [
        edit("limits", "functions", "functions = 8193"),
        edit("costs", "int", "int = 2"),
        edit("features", "extended-const", "extended-const = false"),
        edit("stack", "operand-stack", "operand-stack = false"),
        edit("host", "baals_revert", "baals_revert = { base = 50, per-byte = 2 }"),
        edit("memory", "grow-page-cost", "grow-page-cost = 8193"),
        edit("calls", "reentrancy", "reentrancy = true"),
        edit("gas", "trap", "trap = \"limit\""),
        edit("deploy", "per-byte", "per-byte = 21"),
        edit("deploy", "per-function", "per-function = 1"),
        edit("calls", "base", "base = 1"),
        edit("calls", "input-byte", "input-byte = 1"),
        edit("bulk", "memory-copy-byte", "memory-copy-byte = 2"),
    ] {
        assert_ne!(Policy::from_toml(&text).unwrap().hash(), base, "{text}");
    }
}

#[test]
fn prices_of_refused_instructions_are_ignored() {
    // `float = 4` in the default policy prices nothing while floats are denied.
    let without_float = edit("costs", "float", "");
    assert_eq!(Policy::from_toml(&without_float).unwrap().hash(), Policy::default_policy().hash());
    // Without bulk memory, the byte prices of memory.copy & co. are optional and inert.
    let no_bulk = edit("features", "bulk-memory", "bulk-memory = false");
    let policy = Policy::from_toml(&no_bulk).unwrap();
    assert_eq!(policy.cost(Opcode::MemoryCopy), None);
    assert_eq!(policy.bulk().memory_copy_byte, None);
    let trimmed = no_bulk.replace("memory-copy-byte = 1\n", "");
    assert_eq!(Policy::from_toml(&trimmed).unwrap().hash(), policy.hash());
}

#[test]
fn unknown_keys_are_named_with_their_line() {
    let text = edit("limits", "functions", "funtions = 10000");
    match error(&text) {
        PolicyError::UnknownKey { key, line } => {
            assert_eq!(key, "limits.funtions");
            assert_eq!(line, line_of(&text, "funtions"));
        }
        other => panic!("{other:?}"),
    }
    let text = format!("{DEFAULT_POLICY_TOML}\n[extra]\nx = 1\n");
    match error(&text) {
        PolicyError::UnknownKey { key, line } => {
            assert_eq!((key.as_str(), line), ("extra", line_of(&text, "[extra]")));
        }
        other => panic!("{other:?}"),
    }
    let text = edit("host", "baals_revert", "baals_revert = { base = 50, per-bite = 1 }");
    match error(&text) {
        PolicyError::UnknownKey { key, line } => {
            assert_eq!((key.as_str(), line), ("host.baals_revert.per-bite", line_of(&text, "baals_revert")));
        }
        other => panic!("{other:?}"),
    }
    let text = edit("host", "baals_revert", "baals_exit = { base = 50, per-byte = 1 }");
    assert!(matches!(error(&text), PolicyError::UnknownKey { key, .. } if key == "host.baals_exit"));
}

#[test]
fn missing_keys_are_named_with_their_table() {
    let text = edit("limits", "block-depth", "");
    match error(&text) {
        PolicyError::MissingKey { key, line } => {
            assert_eq!((key.as_str(), line), ("limits.block-depth", line_of(&text, "[limits]")));
        }
        other => panic!("{other:?}"),
    }
    let text = edit("host", "baals_revert", "");
    assert!(matches!(error(&text), PolicyError::MissingKey { key, .. } if key == "host.baals_revert"));
    let text = edit("host", "baals_revert", "baals_revert = { base = 50 }");
    assert!(matches!(error(&text), PolicyError::MissingKey { key, .. } if key == "host.baals_revert.per-byte"));
    // A bulk price is required when its instruction is allowed.
    let text = edit("bulk", "table-grow-element", "");
    assert!(matches!(error(&text), PolicyError::MissingKey { key, .. } if key == "bulk.table-grow-element"));
    let text = edit("gas", "trap", "");
    assert!(matches!(error(&text), PolicyError::MissingKey { key, .. } if key == "gas.trap"));
    let text = DEFAULT_POLICY_TOML.replace("version = 1\n", "");
    assert!(matches!(error(&text), PolicyError::MissingKey { key, line: 1 } if key == "version"));
}

#[test]
fn an_allowed_opcode_without_a_price_is_an_error() {
    let text = edit("costs", "int-mul", "");
    match error(&text) {
        PolicyError::MissingCost { opcode, class, line } => {
            assert_eq!((opcode, class), ("i32.mul", "int-mul"));
            assert_eq!(line, line_of(&text, "[costs]"));
        }
        other => panic!("{other:?}"),
    }
    // Overrides for every opcode of the class fill the gap.
    let text = text.replace("[costs.opcodes]\n", "[costs.opcodes]\n\"i32.mul\" = 3\n\"i64.mul\" = 3\n");
    assert_eq!(Policy::from_toml(&text).unwrap().cost(Opcode::I64Mul), Some(3));
    // Allowing floats without a float price is an error too.
    let text = edit("costs", "float", "");
    let text = text.replace("floats = \"deny\"", "floats = \"canonicalize-nan\"");
    assert!(matches!(error(&text), PolicyError::MissingCost { opcode: "f32.load", .. }));
}

#[test]
fn impossible_values_are_refused() {
    let text = edit("limits", "functions", "functions = 0");
    match error(&text) {
        PolicyError::InvalidValue { key, line, value, .. } => {
            assert_eq!((key.as_str(), value.as_str()), ("limits.functions", "0"));
            assert_eq!(line, line_of(&text, "functions = 0"));
        }
        other => panic!("{other:?}"),
    }
    let cases = [
        (edit("calls", "max-depth", "max-depth = 0"), "calls.max-depth"),
        (edit("calls", "max-depth", "max-depth = 65"), "calls.max-depth"),
        (edit("limits", "tables", "tables = 101"), "limits.tables"),
        (edit("memory", "max-pages", "max-pages = 65537"), "memory.max-pages"),
        (edit("limits", "types", "types = -1"), "limits.types"),
        (edit("features", "floats", "floats = \"allow\""), "features.floats"),
        (edit("imports", "allow", "allow = \"some\""), "imports.allow"),
        (edit("gas", "trap", "trap = \"half\""), "gas.trap"),
        (edit("stack", "frame-base", "frame-base = 32768"), "stack.frame-base"),
        (edit("stack", "frame-base", "frame-base = 0"), "stack.frame-base"),
        (edit("stack", "max-height", "max-height = 2147483648"), "stack.max-height"),
        (edit("limits", "module-bytes", "module-bytes = 99999999999999999999"), "limits.module-bytes"),
    ];
    for (text, expected) in cases {
        match error(&text) {
            PolicyError::InvalidValue { key, .. } => assert_eq!(key, expected),
            other => panic!("{expected}: {other:?}"),
        }
    }
    assert!(matches!(
        error(&edit("stack", "operand-stack", "operand-stack = 1")),
        PolicyError::WrongType { key, expected: "true or false", found: "integer", .. } if key == "stack.operand-stack"
    ));
    assert!(matches!(
        error(&edit("limits", "globals", "globals = 1.5")),
        PolicyError::WrongType { key, found: "float", .. } if key == "limits.globals"
    ));
    assert!(matches!(
        error(&edit("features", "multi-value", "multi-value = \"yes\"")),
        PolicyError::WrongType { key, .. } if key == "features.multi-value"
    ));
}

#[test]
fn prices_that_could_overflow_gas_are_refused() {
    // 2^48 × 65,536 instructions = 2^64 > 2^62.
    let text = edit("costs", "int", "int = 281474976710656");
    match error(&text) {
        PolicyError::CostOverflow { key, line, value, .. } => {
            assert_eq!((key.as_str(), value), ("costs.int", 1 << 48));
            assert_eq!(line, line_of(&text, "int = 2814"));
        }
        other => panic!("{other:?}"),
    }
    // The largest price that fits is accepted.
    let fits = (1u64 << 62) / 65_536;
    assert!(Policy::from_toml(&edit("costs", "int", &format!("int = {fits}"))).is_ok());
    assert!(matches!(error(&edit("costs", "int", &format!("int = {}", fits + 1))), PolicyError::CostOverflow { .. }));
    // Overrides are checked like classes.
    let text = DEFAULT_POLICY_TOML.replace("\"table.grow\" = 200", "\"table.grow\" = 18446744073709551615");
    assert!(matches!(error(&text), PolicyError::CostOverflow { key, .. } if key == "costs.opcodes.\"table.grow\""));
    // Per-unit prices: at most 2^30.
    assert!(Policy::from_toml(&edit("bulk", "memory-fill-byte", "memory-fill-byte = 1073741824")).is_ok());
    for (text, expected) in [
        (edit("bulk", "memory-fill-byte", "memory-fill-byte = 1073741825"), "bulk.memory-fill-byte"),
        (edit("memory", "grow-page-cost", "grow-page-cost = 1073741825"), "memory.grow-page-cost"),
        (
            edit("host", "baals_emit_event", "baals_emit_event = { base = 500, per-byte = 1073741825 }"),
            "host.baals_emit_event.per-byte",
        ),
        (
            edit("host", "baals_emit_event", "baals_emit_event = { base = 4611686018427387905, per-byte = 1 }"),
            "host.baals_emit_event.base",
        ),
        (edit("calls", "input-byte", "input-byte = 1073741825"), "calls.input-byte"),
        (edit("calls", "base", "base = 4611686018427387905"), "calls.base"),
        (edit("deploy", "per-function", "per-function = 1073741825"), "deploy.per-function"),
        (edit("deploy", "base", "base = 4611686018427387905"), "deploy.base"),
    ] {
        assert!(matches!(error(&text), PolicyError::CostOverflow { ref key, .. } if key == expected), "{expected}");
    }
}

#[test]
fn unknown_opcodes_and_refused_features_are_named() {
    let text = DEFAULT_POLICY_TOML.replace("\"table.grow\" = 200", "\"i32.addd\" = 200");
    match error(&text) {
        PolicyError::UnknownOpcode { key, line } => {
            assert_eq!(key, "costs.opcodes.\"i32.addd\"");
            assert_eq!(line, line_of(&text, "\"i32.addd\""));
        }
        other => panic!("{other:?}"),
    }
    for feature in ["simd", "threads", "memory64", "multi-memory", "tail-call", "gc", "exceptions"] {
        let text = edit("features", "floats", &format!("floats = \"deny\"\n{feature} = false"));
        match error(&text) {
            PolicyError::UnsupportedFeature { key, line, .. } => {
                assert_eq!(key, format!("features.{feature}"));
                assert_eq!(line, line_of(&text, feature));
            }
            other => panic!("{feature}: {other:?}"),
        }
    }
}

#[test]
fn version_and_syntax_errors() {
    let text = DEFAULT_POLICY_TOML.replace("version = 1", "version = 2");
    assert!(matches!(error(&text), PolicyError::UnsupportedVersion { found: 2, line: 3 }));
    let text = edit("limits", "types", "types = = 3");
    match error(&text) {
        PolicyError::Syntax { line, .. } => assert_eq!(line, line_of(&text, "types = = 3")),
        other => panic!("{other:?}"),
    }
    let text = edit("limits", "types", "types = 3\ntypes = 4");
    assert!(matches!(error(&text), PolicyError::Syntax { .. }));
    assert!(matches!(error(""), PolicyError::MissingKey { key, line: 1 } if key == "version"));
}

#[test]
fn errors_render_key_and_line() {
    let text = edit("limits", "functions", "functions = 0");
    let message = error(&text).to_string();
    let line = line_of(&text, "functions = 0");
    assert_eq!(message, format!("line {line}: `limits.functions` = 0: a limit must be at least 1"));
    let err = error(&text);
    assert_eq!((err.kind(), err.line(), err.key().as_deref()), ("invalid-value", Some(line), Some("limits.functions")));
}
