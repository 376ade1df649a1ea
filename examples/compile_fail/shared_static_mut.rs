// A lazily built global from `static mut` and `Once`, as older tutorials write
// it. Edition 2024 refuses the reference to the `static mut`: a lint, not an E code.
// expect-error: static_mut_refs
use std::sync::Once;

static INIT: Once = Once::new();
static mut SETTINGS: Option<Vec<String>> = None;

fn settings() -> &'static Vec<String> {
    INIT.call_once(|| unsafe {
        SETTINGS = Some(vec!["verbose".to_string(), "color".to_string()]);
    });
    // ANCHOR: main
    unsafe { SETTINGS.as_ref().unwrap() }
    // ANCHOR_END: main
}

fn main() {
    println!("{} settings", settings().len());
}
