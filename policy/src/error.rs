//! Why a policy file was refused.

use std::path::PathBuf;

/// A policy file that cannot be used, with the key and the 1-based line it concerns.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// The file could not be read.
    #[error("cannot read policy {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The text is not TOML.
    #[error("line {line}, column {column}: invalid TOML: {message}")]
    Syntax {
        /// Line of the error.
        line: usize,
        /// Column of the error (1-based, in characters).
        column: usize,
        /// The TOML parser's description.
        message: String,
    },
    /// The file sets a key the policy format does not have.
    #[error("line {line}: unknown key `{key}`")]
    UnknownKey {
        /// The full key, e.g. `limits.funtions`.
        key: String,
        /// Line of the key.
        line: usize,
    },
    /// The file lacks a key the policy format requires.
    #[error("line {line}: missing key `{key}`")]
    MissingKey {
        /// The full key, e.g. `limits.functions`.
        key: String,
        /// Line of the table that should hold it (1 for top-level keys).
        line: usize,
    },
    /// A value has the wrong TOML type.
    #[error("line {line}: `{key}` must be {expected}, not {found}")]
    WrongType {
        /// The full key.
        key: String,
        /// Line of the value.
        line: usize,
        /// What the key takes.
        expected: &'static str,
        /// The TOML type found.
        found: &'static str,
    },
    /// A value is of the right type but impossible (a zero limit, an unknown mode).
    #[error("line {line}: `{key}` = {value}: {reason}")]
    InvalidValue {
        /// The full key.
        key: String,
        /// Line of the value.
        line: usize,
        /// The value as written.
        value: String,
        /// Why it is impossible.
        reason: String,
    },
    /// A price large enough that a charge computed from it could overflow the gas counter.
    #[error("line {line}: `{key}` = {value} overflows the gas counter: {reason}")]
    CostOverflow {
        /// The full key.
        key: String,
        /// Line of the value.
        line: usize,
        /// The price.
        value: u64,
        /// The computation that would overflow.
        reason: String,
    },
    /// An instruction the policy allows has no price.
    #[error(
        "line {line}: allowed instruction `{opcode}` has no cost: set `costs.{class}` or `costs.opcodes.\"{opcode}\"`"
    )]
    MissingCost {
        /// The instruction's text name.
        opcode: &'static str,
        /// Its cost class key.
        class: &'static str,
        /// Line of `[costs]` (1 if absent).
        line: usize,
    },
    /// A price is set for something that is not an instruction this engine knows.
    #[error("line {line}: `{key}`: not an instruction this engine can price")]
    UnknownOpcode {
        /// The full key, e.g. `costs.opcodes."i32.addd"`.
        key: String,
        /// Line of the key.
        line: usize,
    },
    /// A feature the engine refuses in every policy.
    #[error("line {line}: `{key}` cannot be configured: every policy refuses it ({reason})")]
    UnsupportedFeature {
        /// The full key, e.g. `features.simd`.
        key: String,
        /// Line of the key.
        line: usize,
        /// Why the engine refuses it.
        reason: &'static str,
    },
    /// A policy format version this engine does not read.
    #[error(
        "line {line}: policy version {found} is not supported (this engine reads version {})",
        crate::POLICY_VERSION
    )]
    UnsupportedVersion {
        /// The version written.
        found: u64,
        /// Line of `version`.
        line: usize,
    },
}

impl PolicyError {
    /// A stable, kebab-case name of the error's kind, for machine-readable output.
    pub fn kind(&self) -> &'static str {
        match self {
            PolicyError::Io { .. } => "io",
            PolicyError::Syntax { .. } => "syntax",
            PolicyError::UnknownKey { .. } => "unknown-key",
            PolicyError::MissingKey { .. } => "missing-key",
            PolicyError::WrongType { .. } => "wrong-type",
            PolicyError::InvalidValue { .. } => "invalid-value",
            PolicyError::CostOverflow { .. } => "cost-overflow",
            PolicyError::MissingCost { .. } => "missing-cost",
            PolicyError::UnknownOpcode { .. } => "unknown-opcode",
            PolicyError::UnsupportedFeature { .. } => "unsupported-feature",
            PolicyError::UnsupportedVersion { .. } => "unsupported-version",
        }
    }

    /// The 1-based line the error concerns, if it concerns one.
    pub fn line(&self) -> Option<usize> {
        match self {
            PolicyError::Io { .. } => None,
            PolicyError::Syntax { line, .. }
            | PolicyError::UnknownKey { line, .. }
            | PolicyError::MissingKey { line, .. }
            | PolicyError::WrongType { line, .. }
            | PolicyError::InvalidValue { line, .. }
            | PolicyError::CostOverflow { line, .. }
            | PolicyError::MissingCost { line, .. }
            | PolicyError::UnknownOpcode { line, .. }
            | PolicyError::UnsupportedFeature { line, .. }
            | PolicyError::UnsupportedVersion { line, .. } => Some(*line),
        }
    }

    /// The full key the error concerns, if it concerns one.
    pub fn key(&self) -> Option<String> {
        match self {
            PolicyError::Io { .. } | PolicyError::Syntax { .. } => None,
            PolicyError::UnknownKey { key, .. }
            | PolicyError::MissingKey { key, .. }
            | PolicyError::WrongType { key, .. }
            | PolicyError::InvalidValue { key, .. }
            | PolicyError::CostOverflow { key, .. }
            | PolicyError::UnknownOpcode { key, .. }
            | PolicyError::UnsupportedFeature { key, .. } => Some(key.clone()),
            PolicyError::MissingCost { opcode, .. } => Some(format!("costs.opcodes.\"{opcode}\"")),
            PolicyError::UnsupportedVersion { .. } => Some("version".to_string()),
        }
    }
}
