//! `gpai sweep … --slurm N` and `--kubernetes N`: the batch-scheduler files that run a sweep as N shards and merge them.
//!
//! Each shard is the same command a user could type (`gpai sweep … --shard I/N --out PART`),
//! so a shard that fails is resubmitted as it is and writes the same rows; the merge is
//! `gpai merge`, which refuses a missing, repeated, torn or foreign part.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A sweep to split: the command-line words that name it (model, parameters, grid and options,
/// without `--out`, `--shard` or a scheduler option), the merged file and the shard count.
pub(super) struct Split {
    pub words: Vec<String>,
    pub out: String,
    pub shards: usize,
    pub jobs: usize,
    /// `csv` or `jsonl`: the parts' extension.
    pub extension: &'static str,
    /// The `GPAI_*` limits set where the files are written: every shard and the merge run
    /// with the same, or a grid checked here could be refused there.
    pub env: Vec<(String, String)>,
}

/// At most this many shards: the merge names every part on one command line, which must stay
/// far below the system's limit on argument length (2 MB on Linux).
pub(super) const MAX_SHARDS: usize = 10_000;

/// Which scheduler's files to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Scheduler {
    Slurm,
    Kubernetes,
}

impl Scheduler {
    pub(super) fn option(self) -> &'static str {
        match self {
            Scheduler::Slurm => "--slurm",
            Scheduler::Kubernetes => "--kubernetes",
        }
    }
}

/// A word quoted for the shell (single quotes; a quote inside closed, escaped and reopened).
fn quoted(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c))
    {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

impl Split {
    /// `fig2.csv` → `fig2`: the stem the scheduler files and parts are named after.
    fn stem(&self) -> &str {
        self.out
            .strip_suffix(&format!(".{}", self.extension))
            .or_else(|| self.out.rsplit_once('.').map(|(s, _)| s))
            .unwrap_or(&self.out)
    }

    /// The part of shard `index` (a number or a shell expansion such as `${I}`).
    fn part(&self, index: &str) -> String {
        format!(
            "{}.part-{index}-of-{}.{}",
            self.stem(),
            self.shards,
            self.extension
        )
    }

    /// [`Split::part`] as one shell word: the name quoted, the index's expansion (`${I}`) not.
    fn part_word(&self, index: &str) -> String {
        let marker = "\u{0}";
        let name = self.part(marker);
        let (before, after) = name.split_once(marker).expect("the marker is in the name");
        format!("{}\"{index}\"{}", quoted(before), quoted(after))
    }

    /// The sweep command of one shard, `index` a shell expansion (`${SLURM_ARRAY_TASK_ID}`).
    fn shard_command(&self, gpai: &str, index: &str) -> String {
        let mut line = vec![quoted(gpai), "sweep".into()];
        line.extend(self.words.iter().map(|w| quoted(w)));
        line.push("--jobs".into());
        line.push(self.jobs.to_string());
        line.push("--shard".into());
        line.push(format!("\"{index}\"/{}", self.shards));
        line.push("--out".into());
        line.push(self.part_word(index));
        line.join(" ")
    }

    /// `export NAME=value` lines for [`Split::env`] (empty when none is set).
    fn exports(&self) -> String {
        self.env
            .iter()
            .map(|(name, value)| format!("export {name}={}\n", quoted(value)))
            .collect()
    }

    /// The merge command: every part, in shard order, into the merged file.
    fn merge_command(&self, gpai: &str) -> String {
        format!(
            "parts=()\nfor i in $(seq 1 {n}); do parts+=({part}); done\nexec {gpai} merge {out} \"${{parts[@]}}\"",
            n = self.shards,
            part = self.part_word("$i"),
            gpai = quoted(gpai),
            out = quoted(&self.out),
        )
    }

    /// The files to write, `(path, text, executable)`, and what to tell the user.
    pub(super) fn files(
        &self,
        scheduler: Scheduler,
        gpai: &Path,
        dir: &Path,
    ) -> (Vec<(PathBuf, String, bool)>, String) {
        let gpai = gpai.display().to_string();
        let dir_text = dir.display().to_string();
        let stem = self.stem().to_string();
        let n = self.shards;
        match scheduler {
            Scheduler::Slurm => {
                let array = format!(
                    "#!/bin/bash\n\
                     # One shard of the sweep per array task, written by gpai sweep --slurm {n}.\n\
                     # Submit it with its merge: sh {stem}.submit.sh\n\
                     #SBATCH --job-name=gpai-sweep\n\
                     #SBATCH --array=1-{n}\n\
                     #SBATCH --cpus-per-task={jobs}\n\
                     #SBATCH --chdir={dir}\n\
                     #SBATCH --output={log}\n\
                     set -euo pipefail\n\
                     {exports}exec {command}\n",
                    exports = self.exports(),
                    jobs = self.jobs,
                    dir = quoted(&dir_text),
                    log = quoted(&format!("{stem}.part-%a-of-{n}.log")),
                    command = self.shard_command(&gpai, "${SLURM_ARRAY_TASK_ID}"),
                );
                let merge = format!(
                    "#!/bin/bash\n\
                     # Joins the {n} parts of the sweep, written by gpai sweep --slurm {n}; runs after\n\
                     # every array task succeeded (sh {stem}.submit.sh submits it so).\n\
                     #SBATCH --job-name=gpai-merge\n\
                     #SBATCH --chdir={dir}\n\
                     #SBATCH --output={log}\n\
                     set -euo pipefail\n\
                     {exports}{command}\n",
                    exports = self.exports(),
                    dir = quoted(&dir_text),
                    log = quoted(&format!("{stem}.merge.log")),
                    command = self.merge_command(&gpai),
                );
                let submit = format!(
                    "#!/bin/sh\n\
                     # Submits the sweep's array job and its merge, which waits for every task.\n\
                     set -eu\n\
                     cd {dir}\n\
                     array=$(sbatch --parsable {stem_q}.sbatch)\n\
                     array=${{array%%;*}}\n\
                     merge=$(sbatch --parsable --dependency=afterok:\"$array\" {stem_q}.merge.sbatch)\n\
                     merge=${{merge%%;*}}\n\
                     echo \"submitted: the sweep as array job $array ({n} tasks), its merge as job $merge\"\n",
                    dir = quoted(&dir_text),
                    stem_q = quoted(&stem),
                );
                let files = vec![
                    (dir.join(format!("{stem}.sbatch")), array, false),
                    (dir.join(format!("{stem}.merge.sbatch")), merge, false),
                    (dir.join(format!("{stem}.submit.sh")), submit, true),
                ];
                let told = format!(
                    "wrote {stem}.sbatch ({n} array tasks, one shard each), {stem}.merge.sbatch and {stem}.submit.sh\n\
                     submit both with: sh {stem}.submit.sh\n\
                     a failed task is resubmitted alone (sbatch --array=I {stem}.sbatch) and writes the same rows; then sbatch {stem}.merge.sbatch\n"
                );
                (files, told)
            }
            Scheduler::Kubernetes => {
                let job = format!(
                    "# An Indexed Job: one shard of the sweep per completion index, written by\n\
                     # gpai sweep --kubernetes {n}. Set the image (one with gpai on its PATH) and the\n\
                     # volume that holds the parts; then kubectl apply -f {stem}.k8s.yaml, wait for\n\
                     # it (kubectl wait --for=condition=complete job/gpai-sweep-{name} --timeout=-1s)\n\
                     # and kubectl apply -f {stem}.k8s-merge.yaml.\n\
                     apiVersion: batch/v1\n\
                     kind: Job\n\
                     metadata:\n  name: gpai-sweep-{name}\n\
                     spec:\n  completionMode: Indexed\n  completions: {n}\n  parallelism: {n}\n  backoffLimitPerIndex: 3\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: shard\n          image: IMAGE-WITH-GPAI\n          workingDir: /work\n          resources:\n            requests:\n              cpu: \"{jobs}\"\n          command: [\"bash\", \"-c\"]\n          args:\n            - {script}\n          volumeMounts:\n            - name: work\n              mountPath: /work\n      volumes:\n        - name: work\n          persistentVolumeClaim:\n            claimName: gpai-work\n",
                    name = k8s_name(&stem),
                    jobs = self.jobs,
                    script = yaml_string(&format!(
                        "set -euo pipefail; {}I=$((JOB_COMPLETION_INDEX + 1)); exec {}",
                        self.exports().replace('\n', "; "),
                        self.shard_command("gpai", "${I}")
                    )),
                );
                let merge = format!(
                    "# Joins the {n} parts of the sweep once gpai-sweep-{name} is complete (written by\n\
                     # gpai sweep --kubernetes {n}); same image and volume as the sweep.\n\
                     apiVersion: batch/v1\n\
                     kind: Job\n\
                     metadata:\n  name: gpai-merge-{name}\n\
                     spec:\n  backoffLimit: 0\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: merge\n          image: IMAGE-WITH-GPAI\n          workingDir: /work\n          command: [\"bash\", \"-c\"]\n          args:\n            - {script}\n          volumeMounts:\n            - name: work\n              mountPath: /work\n      volumes:\n        - name: work\n          persistentVolumeClaim:\n            claimName: gpai-work\n",
                    name = k8s_name(&stem),
                    script = yaml_string(&format!(
                        "set -euo pipefail; {}{}",
                        self.exports().replace('\n', "; "),
                        self.merge_command("gpai").replace('\n', "; ")
                    )),
                );
                let files = vec![
                    (dir.join(format!("{stem}.k8s.yaml")), job, false),
                    (dir.join(format!("{stem}.k8s-merge.yaml")), merge, false),
                ];
                let told = format!(
                    "wrote {stem}.k8s.yaml (an Indexed Job of {n} completions, one shard each) and {stem}.k8s-merge.yaml\n\
                     set their image and volume, apply the first, wait for it to complete, then apply the second\n"
                );
                (files, told)
            }
        }
    }
}

/// A Kubernetes object name from a file stem: lower-case letters, digits and `-`.
fn k8s_name(stem: &str) -> String {
    let base = Path::new(stem)
        .file_name()
        .map_or(stem.into(), |n| n.to_string_lossy().into_owned());
    let name: String = base
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let name: String = name.trim_matches('-').chars().take(40).collect();
    let name = name.trim_end_matches('-').to_string();
    if name.is_empty() { "rows".into() } else { name }
}

/// A YAML double-quoted string (JSON's escaping is valid YAML).
fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).expect("a string always serializes")
}

/// Writes the scheduler files beside the merged file; an error names the file.
pub(super) fn write(split: &Split, scheduler: Scheduler) -> Result<String> {
    let gpai = std::env::current_exe().map_err(|e| Error::io("gpai", "locate", &e))?;
    let out = Path::new(&split.out);
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let dir = std::fs::canonicalize(&dir)
        .map_err(|e| Error::io(&dir.display().to_string(), "read", &e))?;
    // Scheduler directives (`#SBATCH --output=…`) take no shell quoting and read `%` as a
    // pattern, and a name starting with `-` reads as an option: the names must need none of it.
    let plain = |text: &str| {
        !text.starts_with('-')
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_./+,=@:".contains(c))
    };
    let name = out
        .file_name()
        .map_or(split.out.clone(), |n| n.to_string_lossy().into_owned());
    let mut named = vec![("--out", name.clone())];
    if scheduler == Scheduler::Slurm {
        named.push(("its directory", dir.display().to_string()));
    }
    for (what, text) in named {
        if !plain(&text) {
            return Err(Error::InvalidArgument {
                argument: format!("{} {}", scheduler.option(), split.shards),
                reason: format!(
                    "{what} {text:?} goes into the scheduler's files as it is: use a name of letters, digits and . _ - / + , = @ : not starting with -"
                ),
            });
        }
    }
    let relative = Split {
        words: split.words.clone(),
        out: name,
        shards: split.shards,
        jobs: split.jobs,
        extension: split.extension,
        env: split.env.clone(),
    };
    let (files, told) = relative.files(scheduler, &gpai, &dir);
    // What the user is told names the files as they would reach them from here.
    let given = out.parent().map(Path::to_path_buf).unwrap_or_default();
    let told = if given.as_os_str().is_empty() {
        told
    } else {
        let stem = relative.stem().to_string();
        told.replace(
            &format!("{stem}."),
            &format!("{}.", given.join(&stem).display()),
        )
    };
    for (path, text, executable) in &files {
        let name = path.display().to_string();
        std::fs::write(path, text).map_err(|e| Error::io(&name, "write", &e))?;
        #[cfg(unix)]
        if *executable {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
                .map_err(|e| Error::io(&name, "write", &e))?;
        }
    }
    Ok(told)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split() -> Split {
        Split {
            words: vec![
                "safety_regulation".into(),
                "delta=1/2".into(),
                "--grid".into(),
                "theta_d=0:5/2:1/8".into(),
            ],
            out: "fig 2.csv".into(),
            shards: 3,
            jobs: 2,
            extension: "csv",
            env: vec![("GPAI_MAX_GRID_POINTS".into(), "3000000".into())],
        }
    }

    #[test]
    fn words_are_quoted_for_the_shell() {
        assert_eq!(quoted("theta_d=0:5/2:1/8"), "theta_d=0:5/2:1/8");
        assert_eq!(quoted("fig 2.csv"), "'fig 2.csv'");
        assert_eq!(quoted("it's"), r"'it'\''s'");
        assert_eq!(quoted(""), "''");
    }

    #[test]
    fn a_slurm_array_runs_one_shard_per_task_and_the_merge_joins_them_all() {
        let (files, _) = split().files(Scheduler::Slurm, Path::new("/opt/gpai"), Path::new("/w"));
        let array = &files[0].1;
        assert!(array.contains("#SBATCH --array=1-3"), "{array}");
        assert!(
            array.contains(
                "exec /opt/gpai sweep safety_regulation delta=1/2 --grid theta_d=0:5/2:1/8 --jobs 2 --shard \"${SLURM_ARRAY_TASK_ID}\"/3 --out 'fig 2.part-'\"${SLURM_ARRAY_TASK_ID}\"-of-3.csv"
            ),
            "{array}"
        );
        let merge = &files[1].1;
        assert!(merge.contains("$(seq 1 3)"), "{merge}");
        assert!(merge.contains("merge 'fig 2.csv'"), "{merge}");
        assert!(
            files[2].1.contains("--dependency=afterok:"),
            "{}",
            files[2].1
        );
    }

    #[test]
    fn kubernetes_indices_count_from_zero_and_shards_from_one() {
        let (files, _) = split().files(
            Scheduler::Kubernetes,
            Path::new("/opt/gpai"),
            Path::new("/w"),
        );
        let job = &files[0].1;
        assert!(job.contains("completionMode: Indexed"), "{job}");
        assert!(job.contains("completions: 3"), "{job}");
        assert!(job.contains("I=$((JOB_COMPLETION_INDEX + 1))"), "{job}");
        assert!(job.contains("name: gpai-sweep-fig-2"), "{job}");
        assert!(
            job.contains("export GPAI_MAX_GRID_POINTS=3000000; I="),
            "{job}"
        );
        assert_eq!(k8s_name(&format!("{}_b", "a".repeat(39))), "a".repeat(39));
    }
}
