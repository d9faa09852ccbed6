//! The demo's files that come from the `notice` tool stay what it writes:
//! `www/examples/example-council.json` (the page `www/own-notice.html`
//! loads with `src`) is `notice export` of the made-up example notice.

use std::process::Command;

#[test]
fn the_example_council_json_is_what_notice_export_writes() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(env!("CARGO_BIN_EXE_notice"))
        .args([
            "export",
            "tests/fixtures/valid/example-council.toml",
            "--json",
        ])
        .current_dir(root)
        .output()
        .expect("run notice");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let committed = std::fs::read_to_string(format!("{root}/www/examples/example-council.json"))
        .expect("read www/examples/example-council.json");
    assert!(
        committed == String::from_utf8_lossy(&out.stdout),
        "www/examples/example-council.json is out of date: run\n  target/release/notice export tests/fixtures/valid/example-council.toml --json > www/examples/example-council.json"
    );
}
