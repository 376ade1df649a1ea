//! Every program in `examples/compile_fail/` fails with the error code (or
//! deny-by-default lint) it declares on its `// expect-error:` line: its
//! recorded rustc output (checked current by `compile_fail.rs`) names it.

use xtask::examples;

#[test]
fn each_program_fails_with_the_error_it_declares() {
    let root = examples::repo_root();
    let programs = examples::discover_compile_fail(&root).unwrap_or_else(|e| panic!("{e:#}"));
    let mut problems = Vec::new();
    for program in &programs {
        let wanted = program.wanted();
        match std::fs::read_to_string(&program.stderr) {
            Ok(stderr) if stderr.contains(&wanted) => {}
            Ok(_) => problems.push(format!(
                "{}: rustc's output has no `{wanted}`, which {} declares",
                program.stderr.display(),
                program.source.display()
            )),
            Err(_) => problems.push(format!(
                "{}: missing; run `cargo xtask bless-errors`",
                program.stderr.display()
            )),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
