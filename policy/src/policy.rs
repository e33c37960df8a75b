//! The checked policy: what a contract may be and what it costs.

use std::fmt;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::abi::HostFunction;
use crate::error::PolicyError;
use crate::opcode::{Gate, Opcode};

/// The policy file format version this crate reads.
pub const POLICY_VERSION: u64 = 1;

/// The first line of a policy's canonical form; changing the form changes this tag.
pub(crate) const CANONICAL_TAG: &str = "baals-policy canonical v1";

/// `policy/default.toml`, compiled in: the production policy.
pub const DEFAULT_POLICY_TOML: &str = include_str!("../default.toml");

/// `policy/permissive.toml`, compiled in: for analysing foreign modules and the spec suite.
/// Never for production.
pub const PERMISSIVE_POLICY_TOML: &str = include_str!("../permissive.toml");

/// A checked policy.
///
/// Built only by parsing a policy file ([`Policy::from_toml`], [`Policy::load`]) or from the
/// shipped policies ([`Policy::default_policy`], [`Policy::permissive`]), so every value in it
/// has passed the checks of `docs/policy.md`: every allowed instruction has a price, no limit is
/// zero, and no charge computed from a 32-bit operand can overflow a 63-bit gas counter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    pub(crate) features: Features,
    pub(crate) costs: Vec<Option<u64>>,
    pub(crate) memory: MemoryPolicy,
    pub(crate) bulk: BulkCosts,
    pub(crate) stack: StackPolicy,
    pub(crate) limits: Limits,
    pub(crate) imports: ImportRule,
    pub(crate) exports: ExportRule,
    pub(crate) calls: CallPolicy,
    pub(crate) trap_gas: TrapGas,
    pub(crate) deploy: DeployCost,
    pub(crate) host: Vec<HostCost>,
    pub(crate) hash: PolicyHash,
}

impl Policy {
    /// Parses and checks a policy from TOML text.
    pub fn from_toml(text: &str) -> Result<Policy, PolicyError> {
        crate::parse::parse(text)
    }

    /// Reads, parses and checks a policy file.
    pub fn load(path: &Path) -> Result<Policy, PolicyError> {
        let text =
            std::fs::read_to_string(path).map_err(|source| PolicyError::Io { path: path.to_path_buf(), source })?;
        Policy::from_toml(&text)
    }

    /// The production policy shipped as `policy/default.toml`.
    pub fn default_policy() -> Policy {
        Policy::from_toml(DEFAULT_POLICY_TOML).expect("policy/default.toml is checked by tests")
    }

    /// The permissive policy shipped as `policy/permissive.toml`: every proposal the engine
    /// supports, floats with NaN canonicalization, any imports and exports. Never for production.
    pub fn permissive() -> Policy {
        Policy::from_toml(PERMISSIVE_POLICY_TOML).expect("policy/permissive.toml is checked by tests")
    }

    /// The WebAssembly features the policy allows.
    pub fn features(&self) -> &Features {
        &self.features
    }

    /// The gas price of `opcode`, or `None` if the policy does not allow it.
    #[inline]
    pub fn cost(&self, opcode: Opcode) -> Option<u64> {
        self.costs[opcode.index()]
    }

    /// The price per unit (page, byte or element) of a size-dependent instruction, charged on
    /// top of [`Policy::cost`]; `None` for instructions whose cost does not depend on an operand,
    /// and for those the policy does not allow.
    // The instrumenter asks this of every instruction: most are not size-dependent, and
    // answering them first keeps the question cheap.
    #[inline]
    pub fn unit_cost(&self, opcode: Opcode) -> Option<u64> {
        let unit = match opcode {
            Opcode::MemoryGrow => Some(self.memory.grow_page_cost),
            Opcode::MemoryCopy => self.bulk.memory_copy_byte,
            Opcode::MemoryFill => self.bulk.memory_fill_byte,
            Opcode::MemoryInit => self.bulk.memory_init_byte,
            Opcode::TableCopy => self.bulk.table_copy_element,
            Opcode::TableInit => self.bulk.table_init_element,
            Opcode::TableFill => self.bulk.table_fill_element,
            Opcode::TableGrow => self.bulk.table_grow_element,
            _ => return None,
        };
        self.cost(opcode)?;
        unit
    }

    /// Memory size limit and the price of growth.
    pub fn memory(&self) -> &MemoryPolicy {
        &self.memory
    }

    /// Per-byte and per-element prices of the bulk instructions.
    pub fn bulk(&self) -> &BulkCosts {
        &self.bulk
    }

    /// The deterministic stack-height limit.
    pub fn stack(&self) -> &StackPolicy {
        &self.stack
    }

    /// Structural limits on modules.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The value of any limit, [`Limit::MemoryPages`] included.
    #[inline]
    pub fn limit(&self, limit: Limit) -> u64 {
        // `Limits::get` answers for every limit but the memory's, which lives in `[memory]`.
        self.limits.get(limit).unwrap_or(self.memory.max_pages)
    }

    /// Which imports a module may declare.
    pub fn imports(&self) -> ImportRule {
        self.imports
    }

    /// Which exports a module may declare.
    pub fn exports(&self) -> ExportRule {
        self.exports
    }

    /// Nested contract calls: depth limit and re-entrancy.
    pub fn calls(&self) -> &CallPolicy {
        &self.calls
    }

    /// The gas a call that traps uses: what was charged, or the whole limit.
    pub fn trap_gas(&self) -> TrapGas {
        self.trap_gas
    }

    /// The price of deploying a contract: base, plus per byte and per function of the
    /// original module.
    pub fn deploy_cost(&self) -> DeployCost {
        self.deploy
    }

    /// The price of a host function call.
    pub fn host_cost(&self, function: HostFunction) -> HostCost {
        self.host[function.index()]
    }

    /// The policy's identity: sha256 of its [canonical form](Policy::canonical).
    pub fn hash(&self) -> PolicyHash {
        self.hash
    }

    /// The canonical form: one `key=value` line per value that can influence validation,
    /// instrumentation or execution, sorted by key, after a version tag line. Opcode prices
    /// appear resolved (`costs.i32.add=1`), whether they came from a class or an override.
    pub fn canonical(&self) -> String {
        let mut entries = self.canonical_entries();
        entries.sort();
        let mut out = String::from(CANONICAL_TAG);
        out.push('\n');
        for (key, value) in entries {
            out.push_str(&key);
            out.push('=');
            out.push_str(&value);
            out.push('\n');
        }
        out
    }

    fn canonical_entries(&self) -> Vec<(String, String)> {
        let mut entries = vec![("version".to_string(), POLICY_VERSION.to_string())];
        let mut push = |key: String, value: String| entries.push((key, value));
        let f = &self.features;
        push("features.mutable-global".into(), f.mutable_global.to_string());
        push("features.sign-extension".into(), f.sign_extension.to_string());
        push("features.multi-value".into(), f.multi_value.to_string());
        push("features.bulk-memory".into(), f.bulk_memory.to_string());
        push("features.reference-types".into(), f.reference_types.to_string());
        push("features.extended-const".into(), f.extended_const.to_string());
        push("features.floats".into(), f.floats.key().to_string());
        for &opcode in Opcode::ALL {
            if let Some(cost) = self.cost(opcode) {
                push(format!("costs.{}", opcode.name()), cost.to_string());
            }
        }
        push("memory.max-pages".into(), self.memory.max_pages.to_string());
        push("memory.grow-page-cost".into(), self.memory.grow_page_cost.to_string());
        for (key, value) in self.bulk.entries() {
            if let Some(value) = value {
                push(format!("bulk.{key}"), value.to_string());
            }
        }
        push("stack.max-height".into(), self.stack.max_height.to_string());
        push("stack.frame-base".into(), self.stack.frame_base.to_string());
        push("stack.operand-stack".into(), self.stack.operand_stack.to_string());
        for &limit in Limit::ALL {
            push(limit.key().to_string(), self.limit(limit).to_string());
        }
        push("calls.max-depth".into(), self.calls.max_depth.to_string());
        push("calls.reentrancy".into(), self.calls.reentrancy.to_string());
        push("calls.base".into(), self.calls.base.to_string());
        push("calls.input-byte".into(), self.calls.input_byte.to_string());
        push("gas.trap".into(), self.trap_gas.key().to_string());
        push("deploy.base".into(), self.deploy.base.to_string());
        push("deploy.per-byte".into(), self.deploy.per_byte.to_string());
        push("deploy.per-function".into(), self.deploy.per_function.to_string());
        push("imports.allow".into(), self.imports.key().to_string());
        push("exports.allow".into(), self.exports.key().to_string());
        for function in HostFunction::ALL {
            let cost = self.host_cost(function);
            push(format!("host.{function}.base"), cost.base.to_string());
            push(format!("host.{function}.per-byte"), cost.per_byte.to_string());
        }
        entries
    }

    pub(crate) fn seal(mut self) -> Policy {
        self.hash = PolicyHash(Sha256::digest(self.canonical().as_bytes()).into());
        self
    }
}

/// A policy's identity: sha256 over its canonical form. Displays as 64 lowercase hex digits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PolicyHash(pub [u8; 32]);

impl PolicyHash {
    /// The hash's bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Display for PolicyHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for byte in self.0 {
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

/// The WebAssembly features a policy allows, beyond the integer core of WebAssembly 1.0.
///
/// Everything else (SIMD, threads, memory64, multi-memory, exceptions, tail calls, GC and
/// typed function references, custom page sizes, wide arithmetic, components) is refused by
/// every policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Features {
    /// Import and export of mutable globals.
    pub mutable_global: bool,
    /// `i32.extend8_s` and friends.
    pub sign_extension: bool,
    /// Functions and blocks with more than one result.
    pub multi_value: bool,
    /// `memory.copy`, `memory.fill`, `memory.init`, `data.drop`, `table.copy`, `table.init`,
    /// `elem.drop`.
    pub bulk_memory: bool,
    /// `funcref`/`externref` values, several tables, `table.*` and `ref.*` instructions.
    pub reference_types: bool,
    /// `i32.add`, `i32.sub`, `i32.mul` (and i64) in constant expressions.
    pub extended_const: bool,
    /// Whether floating-point types and instructions are allowed at all.
    pub floats: FloatMode,
}

impl Features {
    /// Whether instructions behind `gate` are allowed.
    pub fn allows(&self, gate: Gate) -> bool {
        match gate {
            Gate::Mvp => true,
            Gate::Floats | Gate::SaturatingFloatToInt => self.floats != FloatMode::Deny,
            Gate::SignExtension => self.sign_extension,
            Gate::BulkMemory => self.bulk_memory,
            Gate::ReferenceTypes => self.reference_types,
        }
    }
}

/// What a policy does with floating-point code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FloatMode {
    /// Floats are refused: no float types, instructions, loads, stores or constants.
    Deny,
    /// Floats are allowed, and every NaN a float instruction produces is canonicalized so that
    /// execution is deterministic.
    CanonicalizeNan,
}

impl FloatMode {
    /// The value's spelling in a policy file.
    pub const fn key(self) -> &'static str {
        match self {
            FloatMode::Deny => "deny",
            FloatMode::CanonicalizeNan => "canonicalize-nan",
        }
    }
}

/// `[memory]`: the size limit of a contract's memory and the price of growing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct MemoryPolicy {
    /// The most 64 KiB pages a memory may have: a module's initial size and declared maximum
    /// may not exceed it, and it becomes the maximum of a memory that declares none.
    pub max_pages: u64,
    /// Gas per page requested by `memory.grow`, on top of the instruction's price.
    pub grow_page_cost: u64,
}

/// `[bulk]`: per-unit prices of the size-dependent table and bulk-memory instructions.
///
/// A price is `None` exactly when the policy does not allow the instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct BulkCosts {
    /// Gas per byte of `memory.copy`.
    pub memory_copy_byte: Option<u64>,
    /// Gas per byte of `memory.fill`.
    pub memory_fill_byte: Option<u64>,
    /// Gas per byte of `memory.init`.
    pub memory_init_byte: Option<u64>,
    /// Gas per element of `table.copy`.
    pub table_copy_element: Option<u64>,
    /// Gas per element of `table.init`.
    pub table_init_element: Option<u64>,
    /// Gas per element of `table.fill`.
    pub table_fill_element: Option<u64>,
    /// Gas per element requested by `table.grow`.
    pub table_grow_element: Option<u64>,
}

impl BulkCosts {
    pub(crate) const KEYS: [(&'static str, Gate); 7] = [
        ("memory-copy-byte", Gate::BulkMemory),
        ("memory-fill-byte", Gate::BulkMemory),
        ("memory-init-byte", Gate::BulkMemory),
        ("table-copy-element", Gate::BulkMemory),
        ("table-init-element", Gate::BulkMemory),
        ("table-fill-element", Gate::ReferenceTypes),
        ("table-grow-element", Gate::ReferenceTypes),
    ];

    pub(crate) fn from_values(values: [Option<u64>; 7]) -> BulkCosts {
        let [
            memory_copy_byte,
            memory_fill_byte,
            memory_init_byte,
            table_copy_element,
            table_init_element,
            table_fill_element,
            table_grow_element,
        ] = values;
        BulkCosts {
            memory_copy_byte,
            memory_fill_byte,
            memory_init_byte,
            table_copy_element,
            table_init_element,
            table_fill_element,
            table_grow_element,
        }
    }

    fn entries(&self) -> [(&'static str, Option<u64>); 7] {
        let values = [
            self.memory_copy_byte,
            self.memory_fill_byte,
            self.memory_init_byte,
            self.table_copy_element,
            self.table_init_element,
            self.table_fill_element,
            self.table_grow_element,
        ];
        let mut out = [("", None); 7];
        for (slot, ((key, _), value)) in out.iter_mut().zip(Self::KEYS.iter().zip(values)) {
            *slot = (key, value);
        }
        out
    }
}

/// `[stack]`: the deterministic stack-height limit.
///
/// A function's frame height is `frame-base + params + locals`, plus its maximum operand-stack
/// height when `operand-stack` is set, every value counting one unit whatever its type. The
/// instrumenter reserves it on entry and releases it on exit; a call that would take the total
/// past `max-height` traps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct StackPolicy {
    /// The most units all active frames may hold together.
    pub max_height: u64,
    /// Units every frame costs on top of its values (return address, saved registers).
    pub frame_base: u64,
    /// Whether a frame's maximum operand-stack height counts towards its height.
    pub operand_stack: bool,
}

impl StackPolicy {
    /// The most frames that fit in `max-height`, each costing at least `frame-base` units.
    pub fn max_frames(&self) -> u64 {
        self.max_height / self.frame_base.max(1)
    }
}

/// `[imports] allow`: which imports a module may declare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImportRule {
    /// Only functions of host ABI v1, from module `env`, with their exact signatures.
    Abi,
    /// Any import (permissive policies, for analysing foreign modules).
    Any,
}

impl ImportRule {
    /// The value's spelling in a policy file.
    pub const fn key(self) -> &'static str {
        match self {
            ImportRule::Abi => "abi",
            ImportRule::Any => "any",
        }
    }
}

/// `[gas] trap`: the gas a call that traps uses (`docs/gas.md`). A revert, a call that
/// returns and one that runs out of gas are charged alike under both. Not `#[non_exhaustive]`:
/// whoever reads a trap's gas must handle every choice there is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrapGas {
    /// What was charged up to the trap: every metering block entered, the trapping one in
    /// full. Every metering block that can trap writes the counter back to its global.
    Exact,
    /// The whole limit, as the EVM's exceptional halts: only blocks that call or leave the
    /// function write the counter back, so the module needs no copy and a call that traps runs
    /// once (`docs/instrumentation.md`, "What exact gas at a trap costs"; record 0009).
    Limit,
}

impl TrapGas {
    /// The value's spelling in a policy file.
    pub const fn key(self) -> &'static str {
        match self {
            TrapGas::Exact => "exact",
            TrapGas::Limit => "limit",
        }
    }
}

/// `[exports] allow`: which exports a module may declare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExportRule {
    /// Only functions of type `[] -> []` (the contract's methods), the memory as `memory`, and
    /// constant globals (rustc exports `__heap_base` and `__data_end`).
    EntryPoints,
    /// Any export (permissive policies). The reserved prefix stays refused.
    Any,
}

impl ExportRule {
    /// The value's spelling in a policy file.
    pub const fn key(self) -> &'static str {
        match self {
            ExportRule::EntryPoints => "entry-points",
            ExportRule::Any => "any",
        }
    }
}

/// `[calls]`: how contracts may call each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CallPolicy {
    /// The most contract calls that may be nested below the top-level call.
    pub max_depth: u64,
    /// Whether a contract already on the call stack may be called again.
    pub reentrancy: bool,
    /// Gas every call pays before it runs, top-level and nested: finding the contract,
    /// instantiating its module, setting up and tearing down its frame.
    pub base: u64,
    /// Gas per byte of a call's input, paid with `base` (the host holds the input for the
    /// call, read or not).
    pub input_byte: u64,
}

impl CallPolicy {
    /// What a call with `input_len` bytes of input, of a module whose memory starts at
    /// `initial_pages`, pays before it runs: `base`, `input-byte` per byte of input, and
    /// `memory.grow-page-cost` per initial page (every page a call can touch costs as a page
    /// grown does, `docs/gas.md`). Saturating: a price no limit can pay.
    pub fn call_cost(&self, input_len: u64, initial_pages: u64, page_cost: u64) -> u64 {
        self.base
            .saturating_add(self.input_byte.saturating_mul(input_len))
            .saturating_add(page_cost.saturating_mul(initial_pages))
    }
}

/// `[deploy]`: the price of deploying a contract.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeployCost {
    /// Gas of every deployment.
    pub base: u64,
    /// Gas per byte of the original module.
    pub per_byte: u64,
    /// Gas per function the module defines (compilers pay per function as well as per byte).
    pub per_function: u64,
}

impl DeployCost {
    /// The gas of deploying a module of `bytes` bytes that defines `functions` functions.
    /// Saturating: a price no limit can pay.
    pub fn of(&self, bytes: u64, functions: u64) -> u64 {
        self.base
            .saturating_add(self.per_byte.saturating_mul(bytes))
            .saturating_add(self.per_function.saturating_mul(functions))
    }
}

/// `[host]`: the price of one host function.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HostCost {
    /// Gas charged for every call.
    pub base: u64,
    /// Gas charged per byte of the call's metered length (see `docs/abi.md`).
    pub per_byte: u64,
}

macro_rules! define_limits {
    ($($variant:ident, $field:ident, $key:literal, $max:expr, $doc:literal;)*) => {
        /// `[limits]`: structural limits on a module. Every limit is at least 1.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct Limits {
            $(
                #[doc = $doc]
                pub $field: u64,
            )*
        }

        /// Names one limit of [`Limits`] (or the memory size limit), for error reports.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Limit {
            $(
                #[doc = $doc]
                $variant,
            )*
            /// The most pages of memory (`memory.max-pages`).
            MemoryPages,
        }

        impl Limit {
            /// Every limit of `[limits]`, in file order (not [`Limit::MemoryPages`]).
            pub const ALL: &'static [Limit] = &[$(Limit::$variant),*];

            /// The number of limits, [`Limit::MemoryPages`] included.
            pub const COUNT: usize = Self::ALL.len() + 1;

            /// The limit's position: its place in [`Limit::ALL`], and the last for
            /// [`Limit::MemoryPages`].
            pub const fn index(self) -> usize {
                self as usize
            }

            /// The limit's full key in a policy file, e.g. `limits.functions`.
            pub const fn key(self) -> &'static str {
                match self {
                    $(Limit::$variant => concat!("limits.", $key),)*
                    Limit::MemoryPages => "memory.max-pages",
                }
            }

            /// The greatest value a policy may set.
            pub(crate) const fn ceiling(self) -> u64 {
                match self {
                    $(Limit::$variant => $max,)*
                    Limit::MemoryPages => MAX_PAGES,
                }
            }
        }

        impl Limits {
            /// The value of one limit of `[limits]`; `None` for [`Limit::MemoryPages`], which
            /// lives in `[memory]` (see [`Policy::limit`]).
            pub fn get(&self, limit: Limit) -> Option<u64> {
                match limit {
                    $(Limit::$variant => Some(self.$field),)*
                    Limit::MemoryPages => None,
                }
            }

            pub(crate) fn set(&mut self, limit: Limit, value: u64) {
                match limit {
                    $(Limit::$variant => self.$field = value,)*
                    Limit::MemoryPages => {}
                }
            }

            pub(crate) const ZERO: Limits = Limits { $($field: 0,)* };
        }
    };
}

/// Pages of a 32-bit memory: 4 GiB.
pub(crate) const MAX_PAGES: u64 = 65_536;

// Ceilings are wasmparser's own implementation limits: a policy may not promise what the
// validator underneath would refuse anyway.
define_limits! {
    ModuleBytes, module_bytes, "module-bytes", 1 << 30, "Bytes of the whole module.";
    Types, types, "types", 1_000_000, "Entries of the type section.";
    Functions, functions, "functions", 1_000_000, "Functions defined by the module (imports not counted).";
    Imports, imports, "imports", 1_000_000, "Imports of any kind.";
    Exports, exports, "exports", 1_000_000, "Exports of any kind.";
    Globals, globals, "globals", 1_000_000, "Globals defined by the module.";
    Tables, tables, "tables", 100, "Tables, imported and defined.";
    // The spec lets a table declare any 32-bit maximum; wasmparser caps only the initial size.
    TableElements, table_elements, "table-elements", u32::MAX as u64, "Initial size and declared maximum of each table.";
    FunctionParams, function_params, "function-params", 1_000, "Parameters of each function type.";
    FunctionResults, function_results, "function-results", 1_000, "Results of each function type.";
    FunctionLocals, function_locals, "function-locals", 50_000, "Locals declared by each function body, parameters not counted.";
    FunctionInstructions, function_instructions, "function-instructions", 7_654_321, "Instructions of each function body, its final `end` included.";
    DataSegments, data_segments, "data-segments", 100_000, "Data segments.";
    DataBytes, data_bytes, "data-bytes", 1 << 30, "Bytes of all data segments together.";
    ElementSegments, element_segments, "element-segments", 100_000, "Element segments.";
    BrTableTargets, br_table_targets, "br-table-targets", 7_654_321, "Targets of each `br_table`, its default not counted.";
    BlockDepth, block_depth, "block-depth", 7_654_321, "Nesting of `block`, `loop` and `if` in a function body.";
    CustomSections, custom_sections, "custom-sections", 1_000_000, "Custom sections.";
}
