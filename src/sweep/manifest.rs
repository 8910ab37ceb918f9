//! A shard's manifest: what a finished `gpai sweep --shard I/N --out PART` wrote, so that `gpai merge` can check the parts are exactly the shards of one grid, each complete.
//!
//! The manifest (`PART.manifest.json`) is written only after the part's last row is flushed,
//! and removed when a sweep starts writing that part again: a part without one did not finish.
//! It names the sweep (model, fixed parameters, grid axes, engine, sampling, format), the shard,
//! the grid's size, and the part's row count, length and FNV-1a hash, so a torn, truncated or
//! edited part, a missing or repeated shard, and parts of different sweeps are all told apart.

use serde_json::{Value as Json, json};

use super::Plan;

/// Which sweep a part belongs to: every part of one grid agrees on all of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sweep {
    pub model: String,
    /// The fixed parameters, canonical (`name=value` in name order).
    pub params: String,
    /// The `--grid` axes as given.
    pub grid: Vec<String>,
    pub engine: String,
    pub every: usize,
    /// `csv` or `jsonl`.
    pub format: String,
    /// Points in the whole grid.
    pub points: usize,
}

/// One part's manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Manifest {
    pub sweep: Sweep,
    /// `(i, n)`: shard `i` of `n`.
    pub shard: (usize, usize),
    pub rows: usize,
    pub bytes: u64,
    pub hash: u64,
}

/// The manifest's path beside a part.
pub fn path_of(part: &str) -> String {
    format!("{part}.manifest.json")
}

/// 64-bit FNV-1a, fed the part's bytes as they are written.
#[derive(Clone, Copy, Debug)]
pub struct Hasher(pub u64);

impl Default for Hasher {
    fn default() -> Hasher {
        Hasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher {
    pub fn update(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

impl Manifest {
    /// The manifest as JSON text.
    pub fn to_text(&self) -> String {
        let s = &self.sweep;
        let doc = json!({
            "gpai": "sweep part",
            "version": 1,
            "model": s.model,
            "params": s.params,
            "grid": s.grid,
            "engine": s.engine,
            "every": s.every,
            "format": s.format,
            "grid_points": s.points,
            "shard": [self.shard.0, self.shard.1],
            "rows": self.rows,
            "bytes": self.bytes,
            "fnv1a64": format!("{:016x}", self.hash),
        });
        serde_json::to_string_pretty(&doc).expect("a JSON value always serializes") + "\n"
    }

    /// Reads a manifest; `Err` says what is wrong with it.
    pub fn parse(text: &str) -> Result<Manifest, String> {
        let doc: Json =
            serde_json::from_str(text).map_err(|e| format!("not a sweep manifest: {e}"))?;
        if doc["gpai"] != "sweep part" || doc["version"] != 1 {
            return Err("not a gpai sweep manifest (version 1)".into());
        }
        let text = |key: &str| {
            doc[key]
                .as_str()
                .map(str::to_string)
                .ok_or_else(|| format!("the manifest has no {key}"))
        };
        let count = |v: &Json, key: &str| {
            v.as_u64()
                .ok_or_else(|| format!("the manifest's {key} is not a count"))
        };
        let grid = doc["grid"]
            .as_array()
            .and_then(|a| {
                a.iter()
                    .map(|g| g.as_str().map(str::to_string))
                    .collect::<Option<Vec<_>>>()
            })
            .ok_or("the manifest has no grid")?;
        let shard = doc["shard"].as_array().ok_or("the manifest has no shard")?;
        let [i, n] = shard.as_slice() else {
            return Err("the manifest's shard is not [i, n]".into());
        };
        let hash = u64::from_str_radix(&text("fnv1a64")?, 16)
            .map_err(|_| "the manifest's hash is not hexadecimal".to_string())?;
        Ok(Manifest {
            sweep: Sweep {
                model: text("model")?,
                params: text("params")?,
                grid,
                engine: text("engine")?,
                every: count(&doc["every"], "every")? as usize,
                format: text("format")?,
                points: count(&doc["grid_points"], "grid_points")? as usize,
            },
            shard: (count(i, "shard")? as usize, count(n, "shard")? as usize),
            rows: count(&doc["rows"], "rows")? as usize,
            bytes: count(&doc["bytes"], "bytes")?,
            hash,
        })
    }

    /// The grid indices this shard holds, in order.
    pub fn indices(&self) -> Vec<usize> {
        Plan {
            jobs: 1,
            shard: Some(self.shard),
            every: self.sweep.every,
        }
        .indices(self.sweep.points)
    }
}

/// Checks that the parts' manifests are exactly the shards `1..=n` of one sweep: `Ok` with the
/// parts in shard order, else what is wrong (which part, which shard, which grid).
pub fn check_shards(parts: &[(String, Manifest)]) -> Result<Vec<&(String, Manifest)>, String> {
    let Some((first_path, first)) = parts.first() else {
        return Err("no parts to merge".into());
    };
    for (path, m) in parts {
        if m.sweep != first.sweep || m.shard.1 != first.shard.1 {
            return Err(format!(
                "{path} is a part of another sweep than {first_path}: {} vs {}",
                describe(m),
                describe(first)
            ));
        }
    }
    let n = first.shard.1;
    let mut by_shard: Vec<Option<&(String, Manifest)>> = vec![None; n];
    for part in parts {
        let i = part.1.shard.0;
        if i == 0 || i > n {
            return Err(format!("{}: shard {i}/{n} does not exist", part.0));
        }
        if let Some(other) = by_shard[i - 1] {
            return Err(format!(
                "shard {i}/{n} is given twice: {} and {}",
                other.0, part.0
            ));
        }
        by_shard[i - 1] = Some(part);
    }
    let missing: Vec<String> = (1..=n)
        .filter(|i| by_shard[i - 1].is_none())
        .map(|i| format!("{i}/{n}"))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "shard{} {} of {} {} missing: run it and merge again",
            if missing.len() == 1 { "" } else { "s" },
            missing.join(", "),
            describe(first),
            if missing.len() == 1 { "is" } else { "are" },
        ));
    }
    Ok(by_shard.into_iter().map(|p| p.expect("checked")).collect())
}

/// The sweep in a few words, for messages.
fn describe(m: &Manifest) -> String {
    let s = &m.sweep;
    format!(
        "the {} sweep {} --grid {} ({} points, {} engine, every {}, {}, {} shards)",
        s.model,
        if s.params.is_empty() {
            "(defaults)"
        } else {
            &s.params
        },
        s.grid.join(" --grid "),
        s.points,
        s.engine,
        s.every,
        s.format,
        m.shard.1
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(i: usize, n: usize, grid: &str) -> (String, Manifest) {
        (
            format!("p{i}.csv"),
            Manifest {
                sweep: Sweep {
                    model: "safety_regulation".into(),
                    params: String::new(),
                    grid: vec![grid.into()],
                    engine: "exact".into(),
                    every: 1,
                    format: "csv".into(),
                    points: 11,
                },
                shard: (i, n),
                rows: 4,
                bytes: 10,
                hash: 7,
            },
        )
    }

    #[test]
    fn manifests_round_trip_and_shards_are_checked() {
        let m = part(2, 3, "theta_d=0:1:1/10").1;
        assert_eq!(Manifest::parse(&m.to_text()), Ok(m.clone()));
        assert_eq!(m.indices(), vec![1, 4, 7, 10]);
        let g = "theta_d=0:1:1/10";
        let all = [part(2, 3, g), part(1, 3, g), part(3, 3, g)];
        let ordered = check_shards(&all).unwrap();
        assert_eq!(ordered[0].0, "p1.csv");
        let missing = check_shards(&all[..2]).unwrap_err();
        assert!(
            missing.contains("shard 3/3 of the safety_regulation sweep"),
            "{missing}"
        );
        let twice = check_shards(&[part(1, 2, g), part(1, 2, g), part(2, 2, g)]).unwrap_err();
        assert!(
            twice.contains("shard 1/2 is given twice: p1.csv and p1.csv"),
            "{twice}"
        );
        let other = check_shards(&[part(1, 2, g), part(2, 2, "theta_d=0:1:1/5")]).unwrap_err();
        assert!(
            other.contains("p2.csv is a part of another sweep"),
            "{other}"
        );
        assert!(Manifest::parse("{}").is_err());
    }
}
