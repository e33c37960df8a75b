//! `baals`: validate contracts against a policy and inspect policies.
//!
//! Exit status: 0 when the command succeeds (the module is accepted, the policy is valid),
//! 1 when what was checked is refused, 2 for usage and I/O errors.

mod build;
mod chain;
mod commands;
mod golden;
mod profile;
mod trace;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The deterministic WebAssembly contract engine of BaaLS.
#[derive(Parser, Debug)]
#[command(name = "baals", version, about, max_term_width = 100)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check a contract module (.wasm or .wat) against a policy.
    ///
    /// Prints a one-line summary and exits 0 when the module is accepted; prints the reason on
    /// stderr and exits 1 when it is refused.
    Validate {
        /// The module: binary WebAssembly, or text if it ends in .wat/.wast or does not start
        /// with the WebAssembly magic number.
        file: PathBuf,
        /// The policy file [default: the built-in copy of policy/default.toml].
        #[arg(long, value_name = "FILE")]
        policy: Option<PathBuf>,
        /// Print one JSON object on stdout instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Instrument a contract module: validate it, then rewrite it to meter its own gas and
    /// stack height.
    ///
    /// Writes the instrumented module to OUT (`-` for stdout; text with --wat) and a summary
    /// line; exits 1 with the reason when the module is refused.
    Instrument {
        /// The module (.wasm or .wat).
        file: PathBuf,
        /// The policy file [default: the built-in copy of policy/default.toml].
        #[arg(long, value_name = "FILE")]
        policy: Option<PathBuf>,
        /// Where to write the instrumented module; `-` is stdout. Without it, only the summary
        /// is printed (and the module with --wat).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Write the module in the WebAssembly text format.
        #[arg(long)]
        wat: bool,
        /// Print the per-function cost summary.
        #[arg(long)]
        report: bool,
        /// Print one JSON object (summary and, with --report, functions) instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Build a contract crate (or a workspace of them, or an AssemblyScript project) for
    /// wasm32, size-optimised and reproducible, and check it against the policy.
    ///
    /// Prints each contract's module path, size, code hash, instrumented size, ABI, toolchain
    /// and per-function gas report; exits 1 with the function and feature when the policy
    /// refuses it.
    Build {
        /// The contract's directory or Cargo.toml [default: .].
        path: Option<PathBuf>,
        /// The policy file [default: the built-in copy of policy/default.toml].
        #[arg(long)]
        policy: Option<PathBuf>,
        /// The Rust target: wasm32-unknown-unknown, or wasm32v1-none (WebAssembly 1.0).
        #[arg(long)]
        target: Option<String>,
        /// Print one JSON object on stdout instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Deploy a contract (.wasm or .wat) to the local chain; its `instantiate` method, if any,
    /// runs with --input or --args. Prints the contract id.
    Deploy {
        /// The module.
        file: PathBuf,
        /// The contract's ABI (JSON, docs/abi-json.md), for a module without a `baals.abi`
        /// section; checked against the module and stored with the contract.
        #[arg(long, value_name = "FILE")]
        abi: Option<PathBuf>,
        #[command(flatten)]
        call: chain::CallArgs,
        #[command(flatten)]
        chain: chain::ChainArgs,
    },
    /// Call a contract's method in a block of its own; exit 1 unless it succeeds.
    Call {
        /// The contract id, 64 hex digits.
        contract: String,
        /// The method: an export of type [] -> [].
        method: String,
        #[command(flatten)]
        call: chain::CallArgs,
        #[command(flatten)]
        profile: profile::ProfileArgs,
        #[command(flatten)]
        chain: chain::ChainArgs,
    },
    /// Run a method read-only: any state change fails the query; gas is capped by --gas.
    Query {
        /// The contract id, 64 hex digits.
        contract: String,
        /// The method.
        method: String,
        #[command(flatten)]
        call: chain::CallArgs,
        #[command(flatten)]
        profile: profile::ProfileArgs,
        #[command(flatten)]
        chain: chain::ChainArgs,
    },
    /// List a contract's events: height.call.index, topic, data, and the fields decoded by the
    /// contract's ABI.
    Events {
        /// The contract id, 64 hex digits.
        contract: String,
        #[command(flatten)]
        chain: chain::ChainArgs,
    },
    /// Show a contract's account (code, policy, storage root, balance) and its storage.
    Inspect {
        /// The contract id, 64 hex digits.
        contract: String,
        #[command(flatten)]
        chain: chain::ChainArgs,
    },
    /// Credit native value to an account on the local chain (what a ledger's genesis does).
    Fund {
        /// The account, 64 hex digits.
        account: String,
        /// The amount to add.
        amount: u64,
        #[command(flatten)]
        chain: chain::ChainArgs,
    },
    /// Inspect policy files.
    Policy {
        #[command(subcommand)]
        command: PolicyCommand,
    },
    /// Check or rewrite golden outputs: each module of a directory instrumented under the
    /// shipped policies, as .wasm and .wat (or .refused with the reason).
    Golden {
        #[command(subcommand)]
        command: GoldenCommand,
    },
    /// Print a contract's ABI (docs/abi-json.md): from a module file's `baals.abi` section, or
    /// the one a deployed contract was stored with. Exit 1 if it has none.
    Abi {
        /// A module file (.wasm or .wat), or a contract id (64 hex digits).
        target: String,
        #[command(flatten)]
        chain: chain::ChainArgs,
    },
    /// Print host ABI v1, the functions contracts import, as the Markdown table of docs/abi.md.
    HostAbi {
        /// Print JSON instead of Markdown.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
enum GoldenCommand {
    /// Re-instrument every input and compare byte for byte; exit 1 with a unified WAT diff of
    /// each mismatch.
    Check {
        /// The directory [default: golden].
        dir: Option<PathBuf>,
    },
    /// Rewrite every output from what instrumentation produces now, and remove stale ones.
    Bless {
        /// The directory [default: golden].
        dir: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
enum PolicyCommand {
    /// Print a policy's hash: sha256 of its canonical form, in lowercase hex.
    Hash {
        /// The policy file.
        file: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check a policy file; report the first error with its key and line.
    Check {
        /// The policy file.
        file: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print a policy's canonical form (what its hash covers), for diffing two policies.
    Canonical {
        /// The policy file.
        file: PathBuf,
    },
}

/// How a command ended, short of a usage or I/O error.
enum Outcome {
    /// Exit 0.
    Accepted,
    /// Exit 1: the module or policy was refused.
    Refused,
}

/// A usage or I/O error: exit 2.
#[derive(Debug)]
struct UsageError {
    kind: &'static str,
    message: String,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let json = match &args.command {
        Command::Validate { json, .. }
        | Command::Build { json, .. }
        | Command::Instrument { json, .. }
        | Command::HostAbi { json }
        | Command::Policy { command: PolicyCommand::Hash { json, .. } | PolicyCommand::Check { json, .. } } => *json,
        Command::Policy { command: PolicyCommand::Canonical { .. } } | Command::Golden { .. } => false,
        Command::Deploy { chain, .. }
        | Command::Call { chain, .. }
        | Command::Query { chain, .. }
        | Command::Events { chain, .. }
        | Command::Inspect { chain, .. }
        | Command::Abi { chain, .. }
        | Command::Fund { chain, .. } => chain.json(),
    };
    let result = match args.command {
        Command::Validate { file, policy, json } => commands::validate(&file, policy.as_deref(), json),
        Command::Instrument { file, policy, output, wat, report, json } => {
            commands::instrument(&file, policy.as_deref(), output.as_deref(), commands::Format { wat, report, json })
        }
        Command::Policy { command } => match command {
            PolicyCommand::Hash { file, json } => commands::policy_hash(&file, json),
            PolicyCommand::Check { file, json } => commands::policy_check(&file, json),
            PolicyCommand::Canonical { file } => commands::policy_canonical(&file),
        },
        Command::Golden { command } => match command {
            GoldenCommand::Check { dir } => commands::golden_check(&dir.unwrap_or_else(|| PathBuf::from("golden"))),
            GoldenCommand::Bless { dir } => commands::golden_bless(&dir.unwrap_or_else(|| PathBuf::from("golden"))),
        },
        Command::HostAbi { json } => commands::host_abi(json),
        Command::Build { path, policy, target, json } => build::build(
            path.as_deref().unwrap_or(std::path::Path::new(".")),
            policy.as_deref(),
            target.as_deref(),
            json,
        ),
        Command::Abi { target, chain } => chain::abi(&target, &chain),
        Command::Deploy { file, abi, call, chain } => chain::deploy(&file, abi.as_deref(), &call, &chain),
        Command::Call { contract, method, call, profile, chain } => {
            chain::call(&contract, &method, &call, &profile, &chain, false)
        }
        Command::Query { contract, method, call, profile, chain } => {
            chain::call(&contract, &method, &call, &profile, &chain, true)
        }
        Command::Events { contract, chain } => chain::events(&contract, &chain),
        Command::Inspect { contract, chain } => chain::inspect(&contract, &chain),
        Command::Fund { account, amount, chain } => chain::fund(&account, amount, &chain),
    };
    match result {
        Ok(Outcome::Accepted) => ExitCode::SUCCESS,
        Ok(Outcome::Refused) => ExitCode::from(1),
        Err(error) => {
            // A closed pipe (`baals ... | head`) is how the reader says it has enough.
            if error.kind == "broken-pipe" {
                return ExitCode::SUCCESS;
            }
            if json {
                let value = serde_json::json!({ "error": { "kind": error.kind, "message": error.message } });
                let _ = writeln!(io::stdout(), "{value}");
            } else {
                let _ = writeln!(io::stderr(), "baals: {}", error.message);
            }
            ExitCode::from(2)
        }
    }
}
