//! The WebAssembly spec suite against the validator, under the permissive policy (the most
//! accepting one):
//! - every `assert_invalid` and `assert_malformed` module is refused (by the text parser when
//!   its text does not assemble, by `validate` otherwise);
//! - every module the suite defines as valid is accepted, or refused only because it needs a
//!   feature the engine does not support: never called malformed or invalid.
//!
//! A script that the `wast` crate cannot parse (proposals newer than it) is listed and counted;
//! it has nothing to check. Runs as a plain binary (`harness = false`) and prints one summary line.

use std::collections::BTreeMap;
use std::process::ExitCode;

use baals_instrument::{ValidationError, validate};
use baals_policy::Policy;
use wast::lexer::Lexer;
use wast::parser::{self, ParseBuffer};
use wast::{QuoteWat, Wast, WastDirective};

#[derive(Default)]
struct Tally {
    files: usize,
    unparseable: Vec<String>,
    must_fail: usize,
    refused_by_text: usize,
    refused_by_validate: usize,
    valid_accepted: usize,
    /// Valid modules refused for a feature, by feature name.
    valid_refused: BTreeMap<&'static str, usize>,
    failures: Vec<String>,
}

fn main() -> ExitCode {
    let policy = Policy::permissive();
    let paths = baals_tests::spec_wast_files();
    let mut tally = Tally::default();
    for path in &paths {
        tally.files += 1;
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(path).unwrap();
        // names.wast exports names with bidirectional-override characters on purpose.
        let mut lexer = Lexer::new(&text);
        lexer.allow_confusing_unicode(true);
        let Ok(buffer) = ParseBuffer::new_with_lexer(lexer) else {
            tally.unparseable.push(name);
            continue;
        };
        let script = match parser::parse::<Wast>(&buffer) {
            Ok(script) => script,
            Err(_) => {
                tally.unparseable.push(name);
                continue;
            }
        };
        for directive in script.directives {
            let line = {
                let (line, _) = directive.span().linecol_in(&text);
                line + 1
            };
            match directive {
                WastDirective::AssertInvalid { module, .. } | WastDirective::AssertMalformed { module, .. } => {
                    must_fail(&mut tally, &policy, module, &format!("{name}:{line}"));
                }
                WastDirective::Module(module) | WastDirective::ModuleDefinition(module) => {
                    must_pass(&mut tally, &policy, module, &format!("{name}:{line}"));
                }
                _ => {}
            }
        }
    }

    for failure in &tally.failures {
        eprintln!("FAILED {failure}");
    }
    if !tally.unparseable.is_empty() {
        println!("scripts the wast parser cannot read: {}", tally.unparseable.join(", "));
    }
    let refused: Vec<String> = tally.valid_refused.iter().map(|(f, n)| format!("{f} {n}")).collect();
    println!(
        "spec_invalid: {} files ({} unreadable), {} invalid/malformed modules refused ({} by the text parser, {} by validate), \
         {} valid modules accepted, refused for unsupported features: {}, {} failed",
        tally.files,
        tally.unparseable.len(),
        tally.must_fail,
        tally.refused_by_text,
        tally.refused_by_validate,
        tally.valid_accepted,
        if refused.is_empty() { "none".to_string() } else { refused.join(", ") },
        tally.failures.len()
    );
    if tally.failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

fn must_fail(tally: &mut Tally, policy: &Policy, mut module: QuoteWat<'_>, at: &str) {
    tally.must_fail += 1;
    match module.encode() {
        Err(_) => tally.refused_by_text += 1,
        Ok(bytes) => match validate(&bytes, policy) {
            Err(_) => tally.refused_by_validate += 1,
            Ok(_) => tally.failures.push(format!("{at}: invalid module accepted")),
        },
    }
}

fn must_pass(tally: &mut Tally, policy: &Policy, mut module: QuoteWat<'_>, at: &str) {
    let Ok(bytes) = module.encode() else {
        // Components and other text the `wast` build cannot encode: not ours to judge.
        return;
    };
    match validate(&bytes, policy) {
        Ok(_) => tally.valid_accepted += 1,
        Err(ValidationError::FeatureNotAllowed { feature, .. }) if !feature.is_policy_controlled() => {
            *tally.valid_refused.entry(feature.name()).or_default() += 1;
        }
        Err(error) => tally.failures.push(format!("{at}: valid module refused: {error}")),
    }
}
