//! Every program in `examples/compile_fail/` must fail to compile, with
//! exactly the rustc output stored beside it (trybuild checks that it is
//! current) and with the error code it declares.

use xtask::examples;

#[test]
fn compile_fail_programs_fail_with_rustc_output_on_record() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("examples/compile_fail/*.rs");
}

#[test]
fn each_program_fails_with_the_error_code_it_declares() {
    let root = examples::repo_root();
    let programs = examples::discover_compile_fail(&root).unwrap_or_else(|e| panic!("{e:#}"));
    let mut problems = Vec::new();
    for program in &programs {
        let wanted = format!("error[{}]", program.error_code);
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
