//! Shared by the benchmarks: read criterion's mean estimates and print them side by side.

/// The mean time in nanoseconds criterion recorded for `group/id` in this run, if any.
pub fn mean_ns(group: &str, id: &str) -> Option<f64> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/criterion")
        .join(group)
        .join(id)
        .join("new/estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json["mean"]["point_estimate"].as_f64()
}

/// Whether criterion is measuring (`cargo bench`) rather than smoke-testing (`cargo test`).
pub fn measuring() -> bool {
    std::env::args().any(|a| a == "--bench")
}
