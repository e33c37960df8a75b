//! Documentation generated from code stays in sync with it.

use baals_policy::abi_markdown;
use baals_tests::workspace_root;

/// `docs/abi.md` embeds the host ABI table generated from `baals_policy::HostFunction`
/// (`baals host-abi` prints it). Regenerate the table with `cargo run -p baals-cli -- host-abi` when the
/// ABI changes.
#[test]
fn abi_doc_embeds_the_generated_table() {
    let doc = std::fs::read_to_string(workspace_root().join("docs/abi.md")).unwrap();
    let table = abi_markdown();
    assert!(doc.contains(&table), "docs/abi.md is out of date; its table should be:\n{table}");
}

/// The README's test command is what `.ci/run` runs.
#[test]
fn ci_runs_the_readme_test_command() {
    let readme = std::fs::read_to_string(workspace_root().join("README.md")).unwrap();
    let ci = std::fs::read_to_string(workspace_root().join(".ci/run")).unwrap();
    let command = "cargo test --workspace --locked";
    assert!(readme.contains(command), "README lacks `{command}`");
    assert!(ci.lines().any(|line| line.trim() == command), ".ci/run does not run `{command}`");
}

/// The text-form signatures in `docs/abi.md` are the ABI's.
#[test]
fn abi_doc_lists_every_signature() {
    let doc = std::fs::read_to_string(workspace_root().join("docs/abi.md")).unwrap();
    for function in baals_policy::HostFunction::ALL {
        let import = format!("(import \"env\" \"{}\" (func {}))", function.name(), function.signature());
        assert!(doc.contains(&import), "docs/abi.md lacks {import}");
    }
}
