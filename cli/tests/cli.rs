//! The `baals` binary: outputs, exit codes (0 accepted, 1 refused, 2 usage or I/O), JSON.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn corpus(file: &str) -> PathBuf {
    root().join("../shared/corpus").join(file)
}

fn baals(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baals")).args(args).current_dir(root()).output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(output)))
}

/// Writes `contents` to a file of this test's own in the target's scratch directory.
fn scratch(name: &str, contents: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn accepted_module_prints_one_line_and_exits_0() {
    let file = scratch("ok.wat", r#"(module (memory (export "memory") 1 4) (func (export "ping")))"#);
    let output = baals(&["validate", path(&file)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 1);
    assert!(out.contains("ok.wat: accepted: 1 functions (0 imported), 2 exports, memory 1..4 pages"), "{out}");
    assert!(stderr(&output).is_empty());
}

#[test]
fn refused_module_names_the_reason_on_stderr_and_exits_1() {
    let file = scratch("float.wat", "(module (func (drop (f64.const 1))))");
    let output = baals(&["validate", path(&file)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    assert_eq!(
        stderr(&output),
        format!(
            "{}: rejected: feature `floats` is not allowed by this policy (function 0, at offset 0x17)\n",
            path(&file)
        )
    );
    // The permissive policy allows floats.
    let output = baals(&["validate", "--policy", "policy/permissive.toml", path(&file)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn bad_text_is_a_refusal_and_missing_files_are_io_errors() {
    let file = scratch("broken.wat", "(module (func (i32.add)");
    let output = baals(&["validate", path(&file)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("invalid WebAssembly text"), "{}", stderr(&output));

    let output = baals(&["validate", "no/such/module.wasm"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("baals: no/such/module.wasm: "), "{}", stderr(&output));

    let output = baals(&["validate", "--json", "no/such/module.wasm"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(json(&output)["error"]["kind"], "io");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(baals(&[]).status.code(), Some(2));
    assert_eq!(baals(&["validate"]).status.code(), Some(2));
    assert_eq!(baals(&["validate", "--frobnicate", "x.wasm"]).status.code(), Some(2));
    // A broken policy given to `validate` is a usage error: the module was not judged.
    let policy = scratch("broken-policy.toml", "version = 1\n");
    let module = scratch("ping.wat", r#"(module (func (export "ping")))"#);
    let output = baals(&["validate", "--policy", path(&policy), path(&module)]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("missing key `features`"), "{}", stderr(&output));
}

#[test]
fn json_describes_acceptance_and_refusal() {
    let file = scratch("big.wat", "(module (func (local i64 i64 i64)))");
    let output = baals(&["validate", "--json", path(&file)]);
    assert_eq!(output.status.code(), Some(0));
    let value = json(&output);
    assert_eq!(value["accepted"], true);
    assert_eq!(value["module"]["functions"], 1);
    assert_eq!(value["module"]["usage"]["limits.function-locals"], 3);
    assert_eq!(value["policy"].as_str().unwrap().len(), 64);

    let policy = scratch(
        "two-locals.toml",
        &std::fs::read_to_string(root().join("policy/default.toml"))
            .unwrap()
            .replace("function-locals = 512", "function-locals = 2"),
    );
    let output = baals(&["validate", "--json", "--policy", path(&policy), path(&file)]);
    assert_eq!(output.status.code(), Some(1));
    let error = &json(&output)["error"];
    assert_eq!(error["kind"], "limit-exceeded");
    assert_eq!(error["limit"], "limits.function-locals");
    assert_eq!((error["value"].as_u64(), error["max"].as_u64()), (Some(3), Some(2)));
    assert_eq!(error["function"], 0);
    assert!(error["offset"].is_u64());
}

#[test]
fn the_corpus_through_the_cli() {
    for file in [
        "cosmwasm/cyberpunk.wasm",
        "cosmwasm/empty.wasm",
        "cosmwasm/floaty_2.0.wasm",
        "cosmwasm/hackatom.wasm",
        "cosmwasm/hackatom_0.7.wasm",
        "cosmwasm/hackatom_1.0.wasm",
        "cosmwasm/ibc2.wasm",
        "cosmwasm/ibc_callbacks.wasm",
        "cosmwasm/ibc_reflect.wasm",
        "large/esbuild-0.28.2.wasm",
        "large/swc-1.16.18.wasm",
    ] {
        let output = baals(&["validate", "--policy", "policy/permissive.toml", path(&corpus(file))]);
        assert_eq!(output.status.code(), Some(0), "{file}: {}", stderr(&output));
    }
    let corrupted = corpus("cosmwasm/corrupted.wasm");
    let output = baals(&["validate", "--json", "--policy", "policy/permissive.toml", path(&corrupted)]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json(&output)["error"]["kind"], "invalid");

    let output = baals(&["validate", path(&corpus("cosmwasm/hackatom_1.0.wasm"))]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("import `env.db_read` is not allowed"), "{}", stderr(&output));
    let output = baals(&["validate", "--json", path(&corpus("cosmwasm/ibc2.wasm"))]);
    assert_eq!(json(&output)["error"]["import"], "env.abort");
}

#[test]
fn policy_hash_and_check() {
    let output = baals(&["policy", "hash", "policy/default.toml"]);
    assert_eq!(output.status.code(), Some(0));
    let hash = stdout(&output).trim().to_string();
    assert_eq!(hash.len(), 64);
    // Comments and blank lines change nothing.
    let text = std::fs::read_to_string(root().join("policy/default.toml")).unwrap();
    let stripped: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    let copy = scratch("stripped.toml", &stripped);
    assert_eq!(stdout(&baals(&["policy", "hash", path(&copy)])).trim(), hash);

    let output = baals(&["policy", "check", "policy/permissive.toml"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).starts_with("policy/permissive.toml: ok (policy "));

    let bad = scratch("bad.toml", &text.replace("tables = 4", "tables = 0"));
    let output = baals(&["policy", "check", path(&bad)]);
    assert_eq!(output.status.code(), Some(1));
    let line = text.lines().position(|l| l.starts_with("tables = 4")).unwrap() + 1;
    assert_eq!(
        stderr(&output),
        format!("{}: line {line}: `limits.tables` = 0: a limit must be at least 1\n", path(&bad))
    );
    let output = baals(&["policy", "check", "--json", path(&bad)]);
    let value = json(&output);
    assert_eq!((value["valid"].as_bool(), value["error"]["line"].as_u64()), (Some(false), Some(line as u64)));
    assert_eq!(value["error"]["key"], "limits.tables");

    let output = baals(&["policy", "canonical", "policy/default.toml"]);
    assert!(stdout(&output).starts_with("baals-policy canonical v1\nbulk.memory-copy-byte=1\n"), "{}", stdout(&output));
}

#[test]
fn abi_prints_the_table() {
    let output = baals(&["host-abi"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), baals_policy::abi_markdown());
    let value: Value = json(&baals(&["host-abi", "--json"]));
    assert_eq!(value["functions"].as_array().unwrap().len(), 18);
}

/// The README's quick start quotes the output of validating the example contract.
#[test]
fn readme_quick_start_is_current() {
    let output = baals(&["validate", "examples/counter.wat"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let line = stdout(&output);
    assert!(readme.contains(&format!("`{}`", line.trim())), "README should quote:\n{line}");
}

#[test]
fn golden_outputs_are_current() {
    let output = baals(&["golden", "check", "golden"]);
    assert_eq!(output.status.code(), Some(0), "{}{}", stdout(&output), stderr(&output));
    assert!(stdout(&output).contains(", 0 mismatched"), "{}", stdout(&output));
}

#[test]
fn golden_check_shows_a_diff_and_bless_repairs_it() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("golden-tamper");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["loop.wat", "loop.default.wat", "loop.default.wasm", "loop.permissive.wat", "loop.permissive.wasm"] {
        std::fs::copy(root().join("golden/features").join(name), dir.join(name)).unwrap();
    }
    assert_eq!(baals(&["golden", "check", path(&dir)]).status.code(), Some(0));

    // Someone edits an output by hand: check names the file and shows what differs.
    let wat = dir.join("loop.default.wat");
    let text = std::fs::read_to_string(&wat).unwrap();
    let charge = text.lines().find(|l| l.trim_start().starts_with("i64.const ") && !l.ends_with(" 0")).unwrap();
    std::fs::write(&wat, text.replacen(charge, "    i64.const 1", 1)).unwrap();
    // And an output without an input is stale.
    std::fs::write(dir.join("gone.default.refused"), "x\n").unwrap();
    let output = baals(&["golden", "check", path(&dir)]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(out.contains("loop.default.wat: differs"), "{out}");
    assert!(out.contains(&format!("-    i64.const 1\n+{charge}")), "{out}");
    assert!(out.contains("gone.default.refused: stale"), "{out}");

    let output = baals(&["golden", "bless", path(&dir)]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("1 outputs written, 1 stale outputs removed"), "{}", stdout(&output));
    assert_eq!(baals(&["golden", "check", path(&dir)]).status.code(), Some(0));
}

#[test]
fn instrument_writes_the_module_and_a_summary() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("counter.instrumented.wasm");
    let output = baals(&["instrument", "examples/counter.wat", "-o", path(&out)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let summary = stdout(&output);
    assert!(summary.starts_with("examples/counter.wat: instrumented: 1 functions, "), "{summary}");
    let wasm = std::fs::read(&out).unwrap();
    assert!(wasm.starts_with(b"\0asm"));
    // Instrumenting the output again is refused.
    let again = baals(&["instrument", path(&out)]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("already instrumented"), "{}", stderr(&again));

    // --wat without -o prints the text; --report adds a line per function.
    let output = baals(&["instrument", "examples/counter.wat", "--wat", "--report"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).starts_with("(module"));
    assert!(stdout(&output).contains("(export \"baals_gas\" (global "));
    assert!(
        stderr(&output).contains(" function  points  checks  max block gas  frame  internal"),
        "{}",
        stderr(&output)
    );

    let output = baals(&["instrument", "--json", "--report", "examples/counter.wat"]);
    let value = json(&output);
    assert_eq!(value["functions"].as_array().unwrap().len(), 1);
    assert_eq!(value["functions"][0]["index"], 3);
    assert_eq!(value["code_hash"].as_str().unwrap().len(), 64);

    // A refusal is exit 1 with the reason.
    let float = scratch("instrument-float.wat", "(module (func (drop (f64.const 1))))");
    let output = baals(&["instrument", path(&float)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("feature `floats` is not allowed"), "{}", stderr(&output));
}

fn db(name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_file(&path);
    path
}

#[test]
fn deploy_call_query_events_inspect() {
    let db = db("chain-counter.redb");
    let db = path(&db);
    let output = baals(&["deploy", "examples/counter.wat", "--db", db, "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let deployed = json(&output);
    assert_eq!(deployed["status"], "success");
    let id = deployed["contract_id"].as_str().unwrap().to_string();
    assert_eq!(id.len(), 64);
    assert!(deployed["gas_used"].as_u64().unwrap() > 100_000);

    for expected in ["0100000000000000", "0200000000000000"] {
        let output = baals(&["call", &id, "increment", "--db", db, "--json"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let value = json(&output);
        assert_eq!((value["status"].as_str(), value["output"].as_str()), (Some("success"), Some(expected)));
        assert_eq!(value["events"], serde_json::json!([]));
    }
    let output = baals(&["query", &id, "increment", "--db", db, "--json"]);
    assert_eq!(output.status.code(), Some(1), "a query cannot write");
    assert_eq!(json(&output)["status"], "trap");
    // Unknown method: invalid, exit 1.
    let output = baals(&["call", &id, "decrement", "--db", db]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("invalid call: no method `decrement`"), "{}", stderr(&output));
    // Out of gas.
    let output = baals(&["call", &id, "increment", "--db", db, "--gas", "10", "--json"]);
    assert_eq!((output.status.code(), json(&output)["status"].as_str()), (Some(1), Some("out_of_gas")));

    let output = baals(&["inspect", &id, "--db", db, "--json"]);
    let value = json(&output);
    assert_eq!(value["storage"]["6e"], "0200000000000000");
    assert_eq!(value["storage_root"].as_str().unwrap().len(), 64);
    let output = baals(&["inspect", &id, "--db", db]);
    assert!(stdout(&output).contains("  n = 0200000000000000"), "{}", stdout(&output));
    // Bad arguments are usage errors.
    assert_eq!(baals(&["call", "xyz", "increment", "--db", db]).status.code(), Some(2));
    assert_eq!(baals(&["call", &id, "increment", "--db", db, "--input", "zz"]).status.code(), Some(2));
}

#[test]
fn the_token_through_the_cli() {
    let token = Path::new(env!("CARGO_TARGET_TMPDIR")).join("token.wasm");
    std::fs::write(&token, baals_tests::example_contract("token")).unwrap();
    let db = db("chain-token.redb");
    let db = path(&db);
    let bob = "b0".repeat(32);
    let deployed = json(&baals(&["deploy", path(&token), "--db", db, "--input", "e803000000000000", "--json"]));
    let id = deployed["contract_id"].as_str().unwrap().to_string();
    let output = baals(&["call", &id, "transfer", "--db", db, "--input", &format!("{bob}fa00000000000000")]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("success (gas used "), "{}", stdout(&output));
    assert!(stdout(&output).contains("event transfer 0101"), "{}", stdout(&output));
    let output = baals(&["query", &id, "balance_of", "--db", db, "--input", &bob, "--json"]);
    assert_eq!(json(&output)["output"], "fa00000000000000");
    // Bob has 250: 251 reverts.
    let output = baals(&[
        "call",
        &id,
        "transfer",
        "--db",
        db,
        "--sender",
        &bob,
        "--input",
        &format!("{}fb00000000000000", "01".repeat(32)),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with("reverted: insufficient balance"), "{}", stderr(&output));
    let output = baals(&["events", &id, "--db", db]);
    let text = stdout(&output);
    let positions: Vec<&str> = text.lines().map(|l| l.split(' ').next().unwrap()).collect();
    assert_eq!(positions, ["1.0.0", "2.0.0"]);
    // Value: fund the sender, then send value with a call.
    let output = baals(&["fund", &"01".repeat(32), "500", "--db", db, "--json"]);
    assert_eq!(json(&output)["balance"], 500);
    let output = baals(&["call", &id, "total_supply", "--db", db, "--value", "200", "--json"]);
    assert_eq!(json(&output)["output"], "e803000000000000");
    assert_eq!(json(&baals(&["inspect", &id, "--db", db, "--json"]))["balance"], 200);
}

/// The README's token walkthrough runs as written (in a scratch copy of its database).
#[test]
fn readme_token_walkthrough_runs() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme.find("Deploy the example token").expect("walkthrough");
    let block = &readme[start..];
    let script = block.split("```sh\n").nth(1).and_then(|b| b.split("```").next()).expect("a sh block");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("readme-walkthrough");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // The example contracts are built; the script runs from the checkout with its own chain.
    baals_tests::example_contract("token");
    let output = Command::new("bash")
        .args(["-euo", "pipefail", "-c", &format!("cd {}\n{script}", root().display())])
        .env(
            "PATH",
            format!(
                "{}:{}",
                Path::new(env!("CARGO_BIN_EXE_baals")).parent().unwrap().display(),
                std::env::var("PATH").unwrap()
            ),
        )
        .env("BAALS_DB", dir.join("baals.redb"))
        .output()
        .unwrap();
    let out = stdout(&output);
    assert!(output.status.success(), "{out}\n{}", stderr(&output));
    assert!(out.contains("token: ") && out.contains(", code hash "), "{out}");
    assert!(out.contains("output: fa00000000000000 = 250"), "{out}");
    assert!(out.contains(r#""amount":250"#), "{out}");
    assert!(out.contains(" mint ") && out.contains(" transfer "), "{out}");
    assert!(out.contains("storage root "), "{out}");
}

#[test]
fn every_command_prints_the_same_on_both_engines() {
    let token = Path::new(env!("CARGO_TARGET_TMPDIR")).join("engines-token.wasm");
    std::fs::write(&token, baals_tests::example_contract("token")).unwrap();
    let bob = "b0".repeat(32);
    let transfer = format!("{bob}fa00000000000000");
    let overdraft = format!("{bob}ffffffffffffffff");
    // Each engine on its own database (and wasmtime once more, without copies): the same
    // script must print the same, byte for byte.
    let mut transcripts = Vec::new();
    let engines: [&[&str]; 3] =
        [&["--engine", "wasmtime"], &["--engine", "wasmi"], &["--engine", "wasmtime", "--no-copies"]];
    for (run, engine) in engines.into_iter().enumerate() {
        let db = db(&format!("engines-{run}.redb"));
        let db = path(&db);
        let deploy = ["deploy", path(&token), "--db", db, "--input", "e803000000000000"];
        let deployed = baals(&[&deploy[..], engine].concat());
        assert_eq!(deployed.status.code(), Some(0), "{engine:?}: {}", stderr(&deployed));
        let id = contract_of(&deployed);
        let mut transcript = vec![stdout(&deployed)];
        for args in [
            vec!["call", &id, "transfer", "--input", &transfer],
            vec!["call", &id, "transfer", "--input", &overdraft],
            vec!["call", &id, "transfer", "--input", &transfer, "--gas", "20000"],
            vec!["query", &id, "balance_of", "--input", &bob, "--json"],
            vec!["call", &id, "mint"],
        ] {
            let output = baals(&[&args[..], &["--db", db], engine].concat());
            transcript.push(format!("{:?}\n{}{}", output.status.code(), stdout(&output), stderr(&output)));
        }
        for args in [vec!["events", &id], vec!["inspect", &id, "--json"]] {
            transcript.push(stdout(&baals(&[&args[..], &["--db", db]].concat())));
        }
        transcripts.push(transcript);
    }
    assert_eq!(transcripts[0], transcripts[1], "wasmtime and wasmi");
    assert_eq!(transcripts[0], transcripts[2], "wasmtime with copies and without");
    println!("{} commands printed the same on wasmtime, wasmi and wasmtime without copies", transcripts[0].len());

    let output = baals(&["call", &"00".repeat(32), "x", "--engine", "wasmer"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown engine `wasmer` (expected wasmtime or wasmi)"), "{}", stderr(&output));
}

/// The contract id in `deployed <id> (gas used N)`.
fn contract_of(deployed: &Output) -> String {
    stdout(deployed).split_whitespace().nth(1).unwrap().to_string()
}

/// The token driven by its ABI: arguments as JSON, output and events decoded, the ABI printed
/// from the module file and from the chain, errors that name the argument.
#[test]
fn the_token_by_its_abi() {
    let token = Path::new(env!("CARGO_TARGET_TMPDIR")).join("abi-token.wasm");
    std::fs::write(&token, baals_tests::example_contract("token")).unwrap();
    let db = db("abi-token.redb");
    let db = path(&db);
    let bob = "b0".repeat(32);

    let deployed = baals(&["deploy", path(&token), "--db", db, "--args", "[1000]"]);
    assert_eq!(deployed.status.code(), Some(0), "{}", stderr(&deployed));
    let id = contract_of(&deployed);
    let from_file = json(&baals(&["abi", path(&token), "--json"]));
    assert_eq!(from_file["name"], "token");
    assert_eq!(json(&baals(&["abi", &id, "--db", db, "--json"])), from_file);

    // By name; the event decoded beside its raw fields.
    let args = format!(r#"{{"to": "{bob}", "amount": 250}}"#);
    let value = json(&baals(&["call", &id, "transfer", "--args", &args, "--db", db, "--json"]));
    assert_eq!(value["status"], "success");
    let event = &value["events"][0];
    assert_eq!(event["data"], format!("{}{bob}fa00000000000000", "01".repeat(32)));
    assert_eq!(event["decoded"], serde_json::json!({"from": "01".repeat(32), "to": bob, "amount": 250}));

    // Positional; the output decoded beside the raw hex, in JSON and in text.
    let args = format!(r#"["{bob}"]"#);
    let value = json(&baals(&["query", &id, "balance_of", "--args", &args, "--db", db, "--json"]));
    assert_eq!((value["output"].as_str(), &value["decoded"]), (Some("fa00000000000000"), &serde_json::json!(250)));
    let text = stdout(&baals(&["query", &id, "balance_of", "--args", &args, "--db", db]));
    assert!(text.contains("output: fa00000000000000 = 250"), "{text}");

    // A revert the ABI lists is named.
    let args = format!(r#"["{bob}", 5000]"#);
    let value = json(&baals(&["call", &id, "transfer", "--args", &args, "--db", db, "--json"]));
    assert_eq!((value["status"].as_str(), value["error"].as_str()), (Some("reverted"), Some("insufficient_balance")));

    // `events` decodes every event by its topic.
    let events = json(&baals(&["events", &id, "--db", db, "--json"]));
    assert_eq!(events["events"][0]["decoded"], serde_json::json!({"owner": "01".repeat(32), "supply": 1000}));
    let text = stdout(&baals(&["events", &id, "--db", db]));
    assert!(text.contains(r#" transfer "#) && text.contains(r#""amount":250"#), "{text}");

    // A wrong argument is a usage error naming it; nothing runs.
    let output = baals(&["call", &id, "transfer", "--args", r#"["zz", 1]"#, "--db", db]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(r#"--args: to: expected address (64 hex digits), found "zz""#),
        "{}",
        stderr(&output)
    );
    let output = baals(&["call", &id, "transfer", "--args", &format!(r#"{{"to": "{bob}"}}"#), "--db", db]);
    assert!(stderr(&output).contains("missing `amount`"), "{}", stderr(&output));
}

/// An ABI that does not match the module refuses the deployment; a contract without an ABI
/// takes raw input, and `--args` says it cannot help.
#[test]
fn abis_that_do_not_match_are_refused_and_contracts_without_one_take_hex() {
    let db = db("abi-mismatch.redb");
    let db = path(&db);
    let module = scratch("abi-echo.wat", r#"(module (memory (export "memory") 1) (func (export "ping")))"#);
    let wrong = scratch(
        "abi-wrong.json",
        r#"{"abi": 1, "name": "x", "version": "1", "methods": [{"name": "pong", "kind": "call"}]}"#,
    );
    let output = baals(&["deploy", path(&module), "--abi", path(&wrong), "--db", db]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("rejected: ABI: method `pong` is not an exported function of the module"),
        "{}",
        stderr(&output)
    );
    let value = json(&baals(&["deploy", path(&module), "--abi", path(&wrong), "--db", db, "--json"]));
    assert_eq!(value["status"], "rejected");
    // With --args too, the ABI's own fault is what is reported.
    let output = baals(&["deploy", path(&module), "--abi", path(&wrong), "--args", "[]", "--db", db]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("rejected: ABI: method `pong`"), "{}", stderr(&output));

    let deployed = baals(&["deploy", path(&module), "--db", db]);
    assert_eq!(deployed.status.code(), Some(0), "{}", stderr(&deployed));
    let id = contract_of(&deployed);
    assert_eq!(baals(&["call", &id, "ping", "--input", "00", "--db", db]).status.code(), Some(0));
    let output = baals(&["call", &id, "ping", "--args", "[]", "--db", db]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("the contract has no ABI"), "{}", stderr(&output));
    let output = baals(&["abi", &id, "--db", db]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("deployed without an ABI"), "{}", stderr(&output));

    // With a matching ABI beside the module, it is stored and printed back.
    let right = scratch(
        "abi-right.json",
        r#"{"abi": 1, "name": "x", "version": "1", "methods": [{"name": "ping", "kind": "call"}]}"#,
    );
    let deployed = baals(&["deploy", path(&module), "--abi", path(&right), "--db", db]);
    let id = contract_of(&deployed);
    assert_eq!(json(&baals(&["abi", &id, "--db", db, "--json"]))["methods"][0]["name"], "ping");
    assert_eq!(baals(&["call", &id, "ping", "--args", "[]", "--db", db]).status.code(), Some(0));
}

/// `--trace`: the forwarder paying through the token, as an indented tree in text and as nested
/// JSON whose gas adds up, node by node, to the call's `gas_used`; arguments decoded by each
/// contract's ABI.
#[test]
fn trace_shows_the_call_tree_with_exact_gas() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let (token, forwarder) = (dir.join("trace-token.wasm"), dir.join("trace-forwarder.wasm"));
    std::fs::write(&token, baals_tests::example_contract("token")).unwrap();
    std::fs::write(&forwarder, baals_tests::example_contract("forwarder")).unwrap();
    let db = db("chain-trace.redb");
    let db = path(&db);
    // The token's `instantiate` is traced; the forwarder has none, so nothing ran to trace.
    let deploy = |file: &Path, args: &[&str], instantiate: serde_json::Value| {
        let deployed = json(&baals(&[&["deploy", path(file), "--db", db, "--json", "--trace"], args].concat()));
        assert_eq!(deployed["trace"]["method"], instantiate);
        deployed["contract_id"].as_str().unwrap().to_string()
    };
    let token = deploy(&token, &["--args", "[1000]"], "instantiate".into());
    let forwarder = deploy(&forwarder, &[], Value::Null);
    let output = baals(&["call", &token, "transfer", "--db", db, "--args", &format!("[\"{forwarder}\", 100]")]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let bob = "b0".repeat(32);
    let pay = format!("[\"{token}\", \"{bob}\", 40]");
    let output = baals(&["call", &forwarder, "pay", "--db", db, "--args", &pay, "--json", "--trace"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let value = json(&output);
    let root = &value["trace"];
    assert_eq!(root["gas_used"], value["gas_used"]);
    assert_eq!(root["args"]["amount"], 40);
    fn adds_up(node: &Value) -> u64 {
        let mut total = node["own_gas"].as_u64().unwrap();
        for host in node["host_calls"].as_array().unwrap() {
            total += host["gas"].as_u64().unwrap();
            if !host["call"].is_null() {
                total += adds_up(&host["call"]);
            }
        }
        assert_eq!(total, node["gas_used"].as_u64().unwrap(), "{node}");
        total
    }
    adds_up(root);
    let nested =
        root["host_calls"].as_array().unwrap().iter().find_map(|host| host.get("call")).expect("a nested call");
    assert_eq!((nested["method"].as_str(), nested["depth"].as_u64()), (Some("transfer"), Some(1)));
    assert_eq!(nested["args"], serde_json::json!({"to": bob, "amount": 40}));
    assert_eq!(nested["sender"], serde_json::json!(forwarder));

    let output = baals(&["call", &forwarder, "pay", "--db", db, "--args", &pay, "--trace"]);
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().skip_while(|line| *line != "trace:").collect();
    assert!(lines[1].starts_with("  [") && lines[1].contains(&format!("] {}::pay(", &forwarder[..8])), "{text}");
    let transfer = lines.iter().find(|line| line.contains("::transfer(")).expect("the nested call");
    assert!(transfer.starts_with("      ["), "nested under the host call: {text}");
    assert!(
        lines.iter().any(|line| line.trim_start().starts_with("[") && line.ends_with("] baals_call_contract")),
        "{text}"
    );
}

/// A module with a bad magic number is refused in one line by every command that reads it:
/// wasmparser prints the bytes one per line, and the message folds them.
#[test]
fn a_bad_magic_number_is_one_line() {
    let module = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bad-magic.wasm");
    std::fs::write(&module, b"\0asX\x01\0\0\0").unwrap();
    let db = db("chain-bad-magic.redb");
    let expected =
        "magic header not detected: bad magic number - expected=[0x0, 0x61, 0x73, 0x6d] actual=[0x0, 0x61, 0x73, 0x58]";
    for args in
        [vec!["validate", path(&module)], vec!["deploy", path(&module), "--db", path(&db)], vec!["abi", path(&module)]]
    {
        let output = baals(&args);
        assert_eq!(output.status.code(), Some(if args[0] == "abi" { 2 } else { 1 }), "{args:?}");
        let text = stderr(&output);
        assert_eq!(text.lines().count(), 1, "{args:?}: {text}");
        assert!(text.contains(expected), "{args:?}: {text}");
    }
}

/// `baals build` reports the module it wrote, refuses what the policy refuses with the function
/// and what to change, and says in one line when there is nothing to build.
#[test]
fn build_reports_the_module_and_refuses_in_one_line() {
    let output = baals(&["build", path(&root().join("contracts/token")), "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let value = json(&output);
    let token = &value["contracts"][0];
    assert_eq!(token["name"], "token");
    let module = std::fs::read(token["path"].as_str().unwrap()).unwrap();
    assert_eq!(token["bytes"], module.len());
    assert_eq!(token["abi"]["name"], "token");
    assert!(token["toolchain"]["compiler"].as_str().unwrap().starts_with("rustc "), "{token}");
    let names: Vec<_> = token["functions"].as_array().unwrap().iter().filter_map(|f| f["name"].as_str()).collect();
    for method in ["instantiate", "transfer", "balance_of", "total_supply"] {
        assert!(names.contains(&method), "{names:?}");
    }
    // The code hash is the one the chain stores the module under.
    let db = db("chain-build.redb");
    let deployed =
        json(&baals(&["deploy", token["path"].as_str().unwrap(), "--db", path(&db), "--args", "[5]", "--json"]));
    let id = deployed["contract_id"].as_str().unwrap();
    let inspected = stdout(&baals(&["inspect", id, "--db", path(&db)]));
    assert!(inspected.contains(token["code_hash"].as_str().unwrap()), "{inspected}");

    let policy = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-bulk-memory.toml");
    let text = std::fs::read_to_string(root().join("policy/default.toml")).unwrap();
    std::fs::write(&policy, text.replace("bulk-memory = true", "bulk-memory = false")).unwrap();
    let output = baals(&["build", path(&root().join("contracts/token")), "--policy", path(&policy)]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.starts_with("rejected: token: refused by the policy: feature `bulk-memory` is not allowed"), "{text}");
    assert!(text.contains("--target wasm32v1-none"), "{text}");

    let empty = Path::new(env!("CARGO_TARGET_TMPDIR")).join("nothing-to-build");
    std::fs::create_dir_all(&empty).unwrap();
    let output = baals(&["build", path(&empty)]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        format!("baals: {}: no Cargo.toml or package.json: not a contract to build\n", empty.display())
    );
}

/// `--profile`: exact gas per function that adds up to the call's gas, named from the build's
/// named module, with a flame graph; a trap names the function it happened in.
#[test]
fn profile_adds_up_and_a_trap_names_its_function() {
    let db = db("chain-profile.redb");
    let built = json(&baals(&["build", path(&root().join("contracts/token")), "--json"]));
    let token = &built["contracts"][0];
    let (module, named) = (token["path"].as_str().unwrap(), token["named_path"].as_str().unwrap());
    let deployed = json(&baals(&["deploy", module, "--db", path(&db), "--args", "[1000]", "--json"]));
    let id = deployed["contract_id"].as_str().unwrap().to_string();
    let svg = Path::new(env!("CARGO_TARGET_TMPDIR")).join("transfer.svg");
    let args = format!("[\"{}\", 250]", "b0".repeat(32));
    let output = baals(&[
        "call",
        &id,
        "transfer",
        "--db",
        path(&db),
        "--args",
        &args,
        "--json",
        "--names",
        named,
        "--flamegraph",
        path(&svg),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let value = json(&output);
    let gas = value["gas_used"].as_u64().unwrap();
    assert_eq!(value["profile"]["total"], gas);
    let frames = value["profile"]["frames"].as_array().unwrap();
    let exclusive: u64 = frames.iter().map(|f| f["exclusive"].as_u64().unwrap()).sum();
    assert_eq!(exclusive, gas, "{frames:#?}");
    assert_eq!((frames[0]["name"].as_str(), frames[0]["inclusive"].as_u64()), (Some("token.transfer"), Some(gas)));
    let names: Vec<&str> = frames.iter().filter_map(|f| f["name"].as_str()).collect();
    assert!(names.contains(&"token::transfer") && names.contains(&"token::token::set_balance"), "{names:?}");
    let folded = value["profile"]["folded"].as_str().unwrap();
    let total: u64 = folded.lines().map(|line| line.rsplit_once(' ').unwrap().1.parse::<u64>().unwrap()).sum();
    assert_eq!(total, gas);
    let picture = std::fs::read_to_string(&svg).unwrap();
    assert!(picture.starts_with("<?xml") && picture.contains("token::transfer"), "{picture}");
    // A module that is not the contract's cannot name its functions.
    let output = baals(&[
        "query",
        &id,
        "total_supply",
        "--db",
        path(&db),
        "--profile",
        "--names",
        path(&root().join("examples/counter.wat")),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("not the module of any contract in this call"), "{}", stderr(&output));

    // A trap two calls down, without --profile: the path to it, by the module's names.
    let trapping = Path::new(env!("CARGO_TARGET_TMPDIR")).join("trapping.wat");
    std::fs::write(
        &trapping,
        r#"(module (memory (export "memory") 1)
             (func $boom (unreachable))
             (func $deep (call $boom))
             (func (export "go") (call $deep)))"#,
    )
    .unwrap();
    let deployed = json(&baals(&["deploy", path(&trapping), "--db", path(&db), "--json"]));
    let id = deployed["contract_id"].as_str().unwrap().to_string();
    let output = baals(&["call", &id, "go", "--db", path(&db)]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    let short = &id[..8];
    assert!(text.contains(&format!("trapped in {short}.go > {short}::go > {short}::deep > {short}::boom")), "{text}");
}
