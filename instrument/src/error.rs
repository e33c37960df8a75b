//! Why a module was refused.

use std::fmt;

use baals_policy::{HostFunction, Limit};

/// Where in a module a rule was broken: the function (in the function index space, imports
/// first) and the byte offset in the module, when there is one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// Index of the function in the module's function index space.
    pub function: Option<u32>,
    /// Byte offset in the module.
    pub offset: Option<usize>,
}

impl Location {
    pub(crate) fn at(offset: usize) -> Location {
        Location { function: None, offset: Some(offset) }
    }

    pub(crate) fn in_function(function: u32, offset: usize) -> Location {
        Location { function: Some(function), offset: Some(offset) }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.function, self.offset) {
            (Some(function), Some(offset)) => {
                write!(f, " (function {function}, at offset {offset:#x})")
            }
            (Some(function), None) => write!(f, " (function {function})"),
            (None, Some(offset)) => write!(f, " (at offset {offset:#x})"),
            (None, None) => Ok(()),
        }
    }
}

/// A module refused at deployment: one variant per rule, each with the place it was broken.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ValidationError {
    /// The bytes are not a WebAssembly module: bad magic, truncated, garbage, bad encoding.
    #[error("malformed module{location}: {message}")]
    Malformed {
        /// The decoder's description.
        message: String,
        /// Where decoding failed.
        location: Location,
    },
    /// The module decodes but is not valid WebAssembly (type errors, bad indices...).
    #[error("invalid module{location}: {message}")]
    Invalid {
        /// The validator's description.
        message: String,
        /// Where validation failed.
        location: Location,
    },
    /// The module uses a WebAssembly feature the policy does not allow.
    #[error("{feature} is not allowed{}{location}", if feature.is_policy_controlled() { " by this policy" } else { " by any policy" })]
    FeatureNotAllowed {
        /// The feature the module needs at this point.
        feature: Feature,
        /// Its first use.
        location: Location,
    },
    /// The module exceeds one of the policy's limits.
    #[error("{} exceeded{location}: {value} > {max}", limit.key())]
    LimitExceeded {
        /// The limit.
        limit: Limit,
        /// The module's value.
        value: u64,
        /// The policy's maximum.
        max: u64,
        /// Where the limit was crossed.
        location: Location,
    },
    /// An import the policy refuses.
    #[error("import `{module}.{name}` is not allowed{location}: {reason}")]
    ImportNotAllowed {
        /// The import's module name.
        module: String,
        /// The import's field name.
        name: String,
        /// Why it is refused.
        reason: ImportRefusal,
        /// The import's entry.
        location: Location,
    },
    /// An export the policy refuses.
    #[error("export `{name}` is not allowed{location}: {reason}")]
    ExportNotAllowed {
        /// The export's name.
        name: String,
        /// Why it is refused.
        reason: ExportRefusal,
        /// The export's entry.
        location: Location,
    },
}

impl ValidationError {
    /// A stable, kebab-case name of the rule, for machine-readable output.
    pub fn kind(&self) -> &'static str {
        match self {
            ValidationError::Malformed { .. } => "malformed",
            ValidationError::Invalid { .. } => "invalid",
            ValidationError::FeatureNotAllowed { .. } => "feature-not-allowed",
            ValidationError::LimitExceeded { .. } => "limit-exceeded",
            ValidationError::ImportNotAllowed { .. } => "import-not-allowed",
            ValidationError::ExportNotAllowed { .. } => "export-not-allowed",
        }
    }

    /// Where the rule was broken.
    pub fn location(&self) -> Location {
        match self {
            ValidationError::Malformed { location, .. }
            | ValidationError::Invalid { location, .. }
            | ValidationError::FeatureNotAllowed { location, .. }
            | ValidationError::LimitExceeded { location, .. }
            | ValidationError::ImportNotAllowed { location, .. }
            | ValidationError::ExportNotAllowed { location, .. } => *location,
        }
    }
}

/// Why an import is refused under `imports.allow = "abi"`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ImportRefusal {
    /// Host functions are imported from module `env` only.
    #[error("host functions are imported from module `env`")]
    NotHostModule,
    /// Only functions may be imported.
    #[error("only functions may be imported, not a {0}")]
    NotAFunction(&'static str),
    /// The name is not a function of the host ABI.
    #[error("not a function of host ABI v1 (docs/abi.md)")]
    UnknownFunction,
    /// The function exists but is imported with another signature.
    #[error("{function} has signature {}, imported as {found}", function.signature())]
    WrongSignature {
        /// The host function (its ABI signature is [`HostFunction::signature`]).
        function: HostFunction,
        /// The signature the module declares.
        found: String,
    },
}

/// Why an export is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExportRefusal {
    /// Names starting with `baals_` are reserved for the instrumenter.
    #[error("the prefix `baals_` is reserved for the engine")]
    ReservedName,
    /// Under `exports.allow = "entry-points"`, exported functions are contract methods of type `[] -> []`.
    #[error("contract methods take no parameters and return nothing, this function has type {0}")]
    NotAnEntryPoint(String),
    /// The memory may be exported only as `memory`.
    #[error("the memory may be exported only as `memory`")]
    MemoryName,
    /// Only functions, the memory and constant globals may be exported.
    #[error("only functions, the memory and constant globals may be exported, not a {0}")]
    KindNotAllowed(&'static str),
}

/// A WebAssembly feature a module can need. Those a policy can switch on are
/// [policy-controlled](Feature::is_policy_controlled); the engine refuses the rest always.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Feature {
    /// Floating-point types and instructions (`features.floats`).
    Floats,
    /// `features.mutable-global`.
    MutableGlobal,
    /// `features.sign-extension`.
    SignExtension,
    /// `features.multi-value`.
    MultiValue,
    /// `features.bulk-memory`.
    BulkMemory,
    /// `features.reference-types`.
    ReferenceTypes,
    /// `features.extended-const`.
    ExtendedConst,
    /// Fixed-width SIMD.
    Simd,
    /// Relaxed SIMD.
    RelaxedSimd,
    /// Threads and atomics.
    Threads,
    /// Shared-everything threads.
    SharedEverythingThreads,
    /// 64-bit memories and tables.
    Memory64,
    /// More than one memory.
    MultiMemory,
    /// Exception handling.
    Exceptions,
    /// The legacy exception handling proposal.
    LegacyExceptions,
    /// Tail calls.
    TailCall,
    /// Typed function references.
    FunctionReferences,
    /// Garbage collection.
    Gc,
    /// Custom page sizes.
    CustomPageSizes,
    /// Wide arithmetic.
    WideArithmetic,
    /// Stack switching.
    StackSwitching,
    /// Memory control.
    MemoryControl,
    /// Custom descriptors.
    CustomDescriptors,
    /// The compact import section encoding.
    CompactImports,
    /// A component rather than a core module.
    ComponentModel,
}

impl Feature {
    /// The feature's name (for policy-controlled features, its key under `[features]`).
    pub const fn name(self) -> &'static str {
        match self {
            Feature::Floats => "floats",
            Feature::MutableGlobal => "mutable-global",
            Feature::SignExtension => "sign-extension",
            Feature::MultiValue => "multi-value",
            Feature::BulkMemory => "bulk-memory",
            Feature::ReferenceTypes => "reference-types",
            Feature::ExtendedConst => "extended-const",
            Feature::Simd => "simd",
            Feature::RelaxedSimd => "relaxed-simd",
            Feature::Threads => "threads",
            Feature::SharedEverythingThreads => "shared-everything-threads",
            Feature::Memory64 => "memory64",
            Feature::MultiMemory => "multi-memory",
            Feature::Exceptions => "exceptions",
            Feature::LegacyExceptions => "legacy-exceptions",
            Feature::TailCall => "tail-call",
            Feature::FunctionReferences => "function-references",
            Feature::Gc => "gc",
            Feature::CustomPageSizes => "custom-page-sizes",
            Feature::WideArithmetic => "wide-arithmetic",
            Feature::StackSwitching => "stack-switching",
            Feature::MemoryControl => "memory-control",
            Feature::CustomDescriptors => "custom-descriptors",
            Feature::CompactImports => "compact-imports",
            Feature::ComponentModel => "component-model",
        }
    }

    /// Whether a policy can allow this feature.
    pub const fn is_policy_controlled(self) -> bool {
        matches!(
            self,
            Feature::Floats
                | Feature::MutableGlobal
                | Feature::SignExtension
                | Feature::MultiValue
                | Feature::BulkMemory
                | Feature::ReferenceTypes
                | Feature::ExtendedConst
        )
    }
}

impl fmt::Display for Feature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "feature `{}`", self.name())
    }
}

/// wasmparser's message for a rejected module, on one line: some of its messages print values
/// with `{:#x?}` (a bad magic number's bytes, one per line, indented), and a refusal reads as one
/// line wherever it is shown.
pub(crate) fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ").replace("[ ", "[").replace(", ]", "]")
}

#[cfg(test)]
mod one_line_tests {
    #[test]
    fn debug_arrays_and_padding_fold_onto_one_line() {
        let message = "bad magic number - expected=[\n    0x0,\n    0x61,\n] actual=[\n    0x0,\n]";
        assert_eq!(super::one_line(message), "bad magic number - expected=[0x0, 0x61] actual=[0x0]");
        assert_eq!(super::one_line("unknown binary version:        0x2"), "unknown binary version: 0x2");
    }
}
