//! Reading a policy file: TOML with spans, checked key by key so that every error names its key
//! and line.
//!
//! serde's derive would give the same structure, but its errors name a line without the key
//! path; reading the spanned document by hand keeps both.

use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue};

use crate::abi::HostFunction;
use crate::error::PolicyError;
use crate::opcode::{CostClass, Opcode};
use crate::policy::{
    BulkCosts, CallPolicy, DeployCost, ExportRule, Features, FloatMode, HostCost, ImportRule, Limit, Limits,
    MemoryPolicy, POLICY_VERSION, Policy, PolicyHash, StackPolicy, TrapGas,
};

type Result<T> = std::result::Result<T, PolicyError>;

/// Every price, and every product of a price with a count the engine charges for, stays below
/// this bound, so that sums of a few charges cannot overflow the signed 64-bit gas counter.
pub(crate) const GAS_HEADROOM: u64 = 1 << 62;

/// The greatest per-unit price (page, byte, element): `2^30 × (2^32 - 1) < 2^62`.
pub(crate) const MAX_UNIT_PRICE: u64 = 1 << 30;

/// The greatest stack height: the instrumenter keeps it in an `i32` global.
const MAX_STACK_HEIGHT: u64 = i32::MAX as u64;

/// The deepest nesting of contract calls a policy may allow: each level holds an instance and
/// its stack, so the engine bounds it.
const MAX_CALL_DEPTH: u64 = 64;

/// Features that no policy may enable, with the reason given to policy authors.
const REFUSED_FEATURES: &[(&str, &str)] = &[
    ("simd", "NaN bit patterns differ between engines"),
    ("relaxed-simd", "results are implementation-defined"),
    ("threads", "shared memory makes execution order-dependent"),
    ("memory64", "64-bit memories are not supported by the metering"),
    ("multi-memory", "a contract has exactly one memory"),
    ("exceptions", "unwinding is not covered by the stack metering"),
    ("tail-call", "tail calls bypass the stack-height release on exit"),
    ("gc", "the engine has no metered garbage collector"),
    ("function-references", "typed references are not supported by the metering"),
    ("custom-page-sizes", "memory is priced in 64 KiB pages"),
    ("wide-arithmetic", "not supported by the metering"),
];

const FEATURE_KEYS: [&str; 7] =
    ["mutable-global", "sign-extension", "multi-value", "bulk-memory", "reference-types", "extended-const", "floats"];

pub(crate) fn parse(src: &str) -> Result<Policy> {
    let root = DeTable::parse(src).map_err(|error| syntax_error(src, &error))?;
    let lines = LineStarts::of(src);
    let top = Section { src, lines: &lines, path: String::new(), line: 1, table: root.get_ref() };
    top.expect_keys(&[
        "version", "features", "costs", "memory", "bulk", "stack", "limits", "imports", "exports", "calls", "gas",
        "deploy", "host",
    ])?;

    let (version, line) = top.u64("version")?;
    if version != POLICY_VERSION {
        return Err(PolicyError::UnsupportedVersion { found: version, line });
    }
    let features = read_features(&top.table("features")?)?;
    let limits = read_limits(&top.table("limits")?)?;
    let costs = read_costs(&top.table("costs")?, &features, &limits)?;
    let memory = read_memory(&top.table("memory")?)?;
    let bulk = read_bulk(&top.table("bulk")?, &features)?;
    let stack = read_stack(&top.table("stack")?)?;
    let imports = read_choice(&top.table("imports")?, "allow", &[("abi", ImportRule::Abi), ("any", ImportRule::Any)])?;
    let exports = read_choice(
        &top.table("exports")?,
        "allow",
        &[("entry-points", ExportRule::EntryPoints), ("any", ExportRule::Any)],
    )?;
    let calls = read_calls(&top.table("calls")?)?;
    let trap_gas = read_choice(&top.table("gas")?, "trap", &[("exact", TrapGas::Exact), ("limit", TrapGas::Limit)])?;
    let deploy = read_deploy(&top.table("deploy")?)?;
    let host = read_host(&top.table("host")?)?;

    Ok(Policy {
        features,
        costs,
        memory,
        bulk,
        stack,
        limits,
        imports,
        exports,
        calls,
        trap_gas,
        deploy,
        host,
        hash: PolicyHash::default(),
    }
    .seal())
}

fn read_features(section: &Section<'_, '_>) -> Result<Features> {
    let mut allowed: Vec<&str> = FEATURE_KEYS.to_vec();
    allowed.extend(REFUSED_FEATURES.iter().map(|(name, _)| *name));
    section.expect_keys(&allowed)?;
    for key in section.keys_in_order() {
        if let Some((_, reason)) = REFUSED_FEATURES.iter().find(|(name, _)| *name == key.get_ref().as_ref()) {
            return Err(PolicyError::UnsupportedFeature {
                key: section.full_key(key),
                line: section.line_of_key(key),
                reason,
            });
        }
    }
    let floats = match section.str("floats")? {
        (value, _) if value == "deny" => FloatMode::Deny,
        (value, _) if value == "canonicalize-nan" => FloatMode::CanonicalizeNan,
        (value, line) => {
            return Err(section.invalid("floats", line, &value, "expected \"deny\" or \"canonicalize-nan\""));
        }
    };
    Ok(Features {
        mutable_global: section.bool("mutable-global")?,
        sign_extension: section.bool("sign-extension")?,
        multi_value: section.bool("multi-value")?,
        bulk_memory: section.bool("bulk-memory")?,
        reference_types: section.bool("reference-types")?,
        extended_const: section.bool("extended-const")?,
        floats,
    })
}

fn read_limits(section: &Section<'_, '_>) -> Result<Limits> {
    let keys: Vec<&str> = Limit::ALL.iter().map(|limit| short_key(limit.key())).collect();
    section.expect_keys(&keys)?;
    let mut limits = Limits::ZERO;
    for (&limit, key) in Limit::ALL.iter().zip(keys) {
        limits.set(limit, section.count(key, limit.ceiling())?);
    }
    Ok(limits)
}

/// A resolved opcode price with the key and line it came from, for overflow reports.
struct Price {
    value: u64,
    key: String,
    line: usize,
}

fn read_costs(section: &Section<'_, '_>, features: &Features, limits: &Limits) -> Result<Vec<Option<u64>>> {
    let mut keys: Vec<&str> = CostClass::ALL.iter().map(|class| class.key()).collect();
    keys.push("opcodes");
    section.expect_keys(&keys)?;

    let mut class_prices = Vec::with_capacity(CostClass::ALL.len());
    for &class in CostClass::ALL {
        class_prices.push(section.opt_u64(class.key())?.map(|(value, line)| Price {
            value,
            key: section.full_key_str(class.key()),
            line,
        }));
    }
    let mut overrides: Vec<Option<Price>> = (0..Opcode::COUNT).map(|_| None).collect();
    if let Some(opcodes) = section.opt_table("opcodes")? {
        for key in opcodes.keys_in_order() {
            let full_key = format!("{}.\"{}\"", opcodes.path, key.get_ref());
            let line = opcodes.line_of_key(key);
            let Some(opcode) = Opcode::from_name(key.get_ref()) else {
                return Err(PolicyError::UnknownOpcode { key: full_key, line });
            };
            let (value, line) = opcodes.u64(key.get_ref())?;
            overrides[opcode.index()] = Some(Price { value, key: full_key, line });
        }
    }

    let instructions = limits.function_instructions;
    let mut costs = vec![None; Opcode::COUNT];
    for &opcode in Opcode::ALL {
        if !features.allows(opcode.gate()) {
            continue;
        }
        let class = opcode.class();
        let price = overrides[opcode.index()]
            .as_ref()
            .or(class_prices[class as usize].as_ref())
            .ok_or(PolicyError::MissingCost { opcode: opcode.name(), class: class.key(), line: section.line })?;
        if price.value.checked_mul(instructions).is_none_or(|total| total > GAS_HEADROOM) {
            return Err(PolicyError::CostOverflow {
                key: price.key.clone(),
                line: price.line,
                value: price.value,
                reason: format!("`{}` × limits.function-instructions ({instructions}) exceeds 2^62", opcode.name()),
            });
        }
        costs[opcode.index()] = Some(price.value);
    }
    Ok(costs)
}

fn read_memory(section: &Section<'_, '_>) -> Result<MemoryPolicy> {
    section.expect_keys(&["max-pages", "grow-page-cost"])?;
    Ok(MemoryPolicy {
        max_pages: section.count("max-pages", Limit::MemoryPages.ceiling())?,
        grow_page_cost: section.unit_price("grow-page-cost")?,
    })
}

fn read_bulk(section: &Section<'_, '_>, features: &Features) -> Result<BulkCosts> {
    let keys: Vec<&str> = BulkCosts::KEYS.iter().map(|(key, _)| *key).collect();
    section.expect_keys(&keys)?;
    let mut values = [None; 7];
    for (slot, (key, gate)) in values.iter_mut().zip(BulkCosts::KEYS) {
        // A price for an instruction the policy refuses is accepted and ignored: it cannot
        // apply, and it is left out of the canonical form.
        let price = if features.allows(gate) {
            Some(section.unit_price(key)?)
        } else {
            section.opt_u64(key)?;
            None
        };
        *slot = price;
    }
    Ok(BulkCosts::from_values(values))
}

fn read_stack(section: &Section<'_, '_>) -> Result<StackPolicy> {
    section.expect_keys(&["max-height", "frame-base", "operand-stack"])?;
    let max_height = section.count("max-height", MAX_STACK_HEIGHT)?;
    let (frame_base, line) = section.u64("frame-base")?;
    if frame_base == 0 {
        return Err(section.invalid(
            "frame-base",
            line,
            "0",
            "must be at least 1, or frames without values would cost nothing and recursion could outrun the native stack",
        ));
    }
    if frame_base >= max_height {
        return Err(section.invalid(
            "frame-base",
            line,
            &frame_base.to_string(),
            "must be less than stack.max-height, or no call could ever be made",
        ));
    }
    Ok(StackPolicy { max_height, frame_base, operand_stack: section.bool("operand-stack")? })
}

fn read_choice<T: Copy>(section: &Section<'_, '_>, key: &str, choices: &[(&str, T)]) -> Result<T> {
    section.expect_keys(&[key])?;
    let (value, line) = section.str(key)?;
    match choices.iter().find(|(name, _)| *name == value) {
        Some((_, choice)) => Ok(*choice),
        None => {
            let expected: Vec<String> = choices.iter().map(|(name, _)| format!("\"{name}\"")).collect();
            Err(section.invalid(key, line, &value, &format!("expected {}", expected.join(" or "))))
        }
    }
}

fn read_calls(section: &Section<'_, '_>) -> Result<CallPolicy> {
    section.expect_keys(&["max-depth", "reentrancy", "base", "input-byte"])?;
    Ok(CallPolicy {
        max_depth: section.count("max-depth", MAX_CALL_DEPTH)?,
        reentrancy: section.bool("reentrancy")?,
        base: section.base_price("base")?,
        input_byte: section.unit_price("input-byte")?,
    })
}

fn read_deploy(section: &Section<'_, '_>) -> Result<DeployCost> {
    section.expect_keys(&["base", "per-byte", "per-function"])?;
    Ok(DeployCost {
        base: section.base_price("base")?,
        per_byte: section.unit_price("per-byte")?,
        per_function: section.unit_price("per-function")?,
    })
}

/// `{ base = N, per-byte = M }`: a base price and a per-byte price.
fn read_price(section: &Section<'_, '_>) -> Result<HostCost> {
    section.expect_keys(&["base", "per-byte"])?;
    Ok(HostCost { base: section.base_price("base")?, per_byte: section.unit_price("per-byte")? })
}

fn read_host(section: &Section<'_, '_>) -> Result<Vec<HostCost>> {
    let names: Vec<&str> = HostFunction::ALL.iter().map(|f| f.name()).collect();
    section.expect_keys(&names)?;
    let mut costs = Vec::with_capacity(names.len());
    for name in names {
        costs.push(read_price(&section.table(name)?)?);
    }
    Ok(costs)
}

/// `limits.function-instructions` -> `function-instructions`.
fn short_key(key: &str) -> &str {
    key.split_once('.').map_or(key, |(_, rest)| rest)
}

fn syntax_error(src: &str, error: &toml::de::Error) -> PolicyError {
    let (line, column) = match error.span() {
        Some(span) => line_and_column(src, span.start),
        None => (1, 1),
    };
    PolicyError::Syntax { line, column, message: error.message().trim().to_string() }
}

fn line_and_column(src: &str, offset: usize) -> (usize, usize) {
    let before = &src[..offset.min(src.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// Where each line of the document starts, so that a span's line is a binary search: every
/// value and key read asks for its line, and counting newlines from the start each time made
/// parsing quadratic in the file's length (most of a parse of `default.toml`).
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn of(src: &str) -> LineStarts {
        LineStarts(std::iter::once(0).chain(src.match_indices('\n').map(|(at, _)| at + 1)).collect())
    }

    /// The 1-based line holding byte `offset`.
    fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

/// One table of the document, with its dotted path and the line that opens it.
struct Section<'a, 'i> {
    src: &'a str,
    lines: &'a LineStarts,
    path: String,
    line: usize,
    table: &'a DeTable<'i>,
}

impl<'a, 'i> Section<'a, 'i> {
    fn full_key_str(&self, key: &str) -> String {
        if self.path.is_empty() { key.to_string() } else { format!("{}.{key}", self.path) }
    }

    fn full_key(&self, key: &Spanned<DeString<'_>>) -> String {
        self.full_key_str(key.get_ref())
    }

    fn line_at(&self, offset: usize) -> usize {
        self.lines.line(offset)
    }

    fn line_of_key(&self, key: &Spanned<DeString<'_>>) -> usize {
        self.line_at(key.span().start)
    }

    /// Keys in the order they appear in the file.
    fn keys_in_order(&self) -> impl Iterator<Item = &'a Spanned<DeString<'i>>> {
        let mut keys: Vec<_> = self.table.keys().collect();
        keys.sort_by_key(|key| key.span().start);
        keys.into_iter()
    }

    /// Refuses the first key, in file order, that is not one of `allowed`.
    fn expect_keys(&self, allowed: &[&str]) -> Result<()> {
        match self.keys_in_order().find(|key| !allowed.contains(&key.get_ref().as_ref())) {
            Some(key) => Err(PolicyError::UnknownKey { key: self.full_key(key), line: self.line_of_key(key) }),
            None => Ok(()),
        }
    }

    fn get(&self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.table.get(key)
    }

    fn require(&self, key: &str) -> Result<&'a Spanned<DeValue<'i>>> {
        self.get(key).ok_or_else(|| PolicyError::MissingKey { key: self.full_key_str(key), line: self.line })
    }

    fn wrong_type(&self, key: &str, value: &Spanned<DeValue<'_>>, expected: &'static str) -> PolicyError {
        PolicyError::WrongType {
            key: self.full_key_str(key),
            line: self.line_at(value.span().start),
            expected,
            found: value.get_ref().type_str(),
        }
    }

    fn invalid(&self, key: &str, line: usize, value: &str, reason: &str) -> PolicyError {
        PolicyError::InvalidValue {
            key: self.full_key_str(key),
            line,
            value: value.to_string(),
            reason: reason.to_string(),
        }
    }

    fn table(&self, key: &str) -> Result<Section<'a, 'i>> {
        self.opt_table(key)?.ok_or_else(|| PolicyError::MissingKey { key: self.full_key_str(key), line: self.line })
    }

    fn opt_table(&self, key: &str) -> Result<Option<Section<'a, 'i>>> {
        let Some((name, value)) = self.table.get_key_value(key) else {
            return Ok(None);
        };
        match value.get_ref() {
            DeValue::Table(table) => Ok(Some(Section {
                src: self.src,
                lines: self.lines,
                path: self.full_key_str(key),
                line: self.line_of_key(name),
                table,
            })),
            _ => Err(self.wrong_type(key, value, "a table")),
        }
    }

    fn u64(&self, key: &str) -> Result<(u64, usize)> {
        let value = self.require(key)?;
        self.parse_u64(key, value)
    }

    fn opt_u64(&self, key: &str) -> Result<Option<(u64, usize)>> {
        self.get(key).map(|value| self.parse_u64(key, value)).transpose()
    }

    fn parse_u64(&self, key: &str, value: &Spanned<DeValue<'_>>) -> Result<(u64, usize)> {
        let line = self.line_at(value.span().start);
        let DeValue::Integer(integer) = value.get_ref() else {
            return Err(self.wrong_type(key, value, "a non-negative integer"));
        };
        let text = &self.src[value.span()];
        if integer.as_str().starts_with('-') {
            return Err(self.invalid(key, line, text, "must not be negative"));
        }
        match u64::from_str_radix(integer.as_str().trim_start_matches('+'), integer.radix()) {
            Ok(number) => Ok((number, line)),
            Err(_) => Err(self.invalid(key, line, text, "does not fit in 64 bits")),
        }
    }

    /// A limit: at least 1 and at most `ceiling`.
    fn count(&self, key: &str, ceiling: u64) -> Result<u64> {
        let (value, line) = self.u64(key)?;
        if value == 0 {
            return Err(self.invalid(key, line, "0", "a limit must be at least 1"));
        }
        if value > ceiling {
            return Err(self.invalid(
                key,
                line,
                &value.to_string(),
                &format!("exceeds {ceiling}, the most the engine can enforce"),
            ));
        }
        Ok(value)
    }

    /// A price per page, byte or element.
    fn unit_price(&self, key: &str) -> Result<u64> {
        self.price_at_most(
            key,
            MAX_UNIT_PRICE,
            "a per-unit price times a 32-bit count must stay below 2^62, so it may not exceed 2^30",
        )
    }

    /// A price charged once (a base), which may be as large as the counter's headroom.
    fn base_price(&self, key: &str) -> Result<u64> {
        self.price_at_most(key, GAS_HEADROOM, "a base price may not exceed 2^62")
    }

    /// The price at `key`, refused with `reason` above `max`.
    fn price_at_most(&self, key: &str, max: u64, reason: &str) -> Result<u64> {
        let (value, line) = self.u64(key)?;
        if value > max {
            let key = self.full_key_str(key);
            return Err(PolicyError::CostOverflow { key, line, value, reason: reason.to_string() });
        }
        Ok(value)
    }

    fn bool(&self, key: &str) -> Result<bool> {
        let value = self.require(key)?;
        value.get_ref().as_bool().ok_or_else(|| self.wrong_type(key, value, "true or false"))
    }

    fn str(&self, key: &str) -> Result<(String, usize)> {
        let value = self.require(key)?;
        match value.get_ref().as_str() {
            Some(text) => Ok((text.to_string(), self.line_at(value.span().start))),
            None => Err(self.wrong_type(key, value, "a string")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{LineStarts, line_and_column};

    #[test]
    fn line_starts_agree_with_counting_newlines() {
        for src in [crate::policy::DEFAULT_POLICY_TOML, "", "\n", "a\n\nb", "x = 1\r\ny = 2\n"] {
            let lines = LineStarts::of(src);
            for offset in 0..=src.len() + 1 {
                assert_eq!(lines.line(offset), line_and_column(src, offset).0, "offset {offset} of {src:?}");
            }
        }
    }
}
