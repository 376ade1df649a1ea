//! Every program in `examples/compile_fail/` must fail to compile, with
//! exactly the rustc output stored beside it (trybuild checks that it is
//! current; `cargo xtask bless-errors` rewrites it). The error each program
//! declares is checked in `compile_fail_declared.rs`.

#[test]
fn compile_fail_programs_fail_with_rustc_output_on_record() {
    // The recorded output must not depend on whether the `rust-src`
    // component is installed (see xtask's std_source module).
    let wrapper =
        xtask::std_source::rustc_wrapper(std::path::Path::new(env!("CARGO_TARGET_TMPDIR")))
            .unwrap_or_else(|e| panic!("cannot prepare rustc without the std source: {e}"));
    // SAFETY: this is the only test in this binary, so no other thread of
    // ours reads the environment while it changes; trybuild's cargo inherits it.
    unsafe { std::env::set_var("RUSTC_WRAPPER", wrapper) };
    let cases = trybuild::TestCases::new();
    cases.compile_fail("examples/compile_fail/*.rs");
}
