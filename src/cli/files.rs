//! The output files a command writes: picture formats from the name, and no two outputs (or an output and an input) in one file.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::sweep::plot::png;

/// A picture's format, from its file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Picture {
    Svg,
    Png,
}

impl Picture {
    /// The format `--plot PATH` asks for: `*.svg` or `*.png`; any other name is refused (it would
    /// hold a picture its name does not say).
    pub(super) fn for_path(path: &str) -> Result<Picture> {
        // Checked before the work, so that a long run does not end in a folder that is not there.
        let folder = Path::new(path)
            .parent()
            .filter(|f| !f.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if !folder.is_dir() {
            return Err(Error::Io {
                path: path.into(),
                action: "write",
                reason: format!("the folder {} does not exist", folder.display()),
            });
        }
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".svg") {
            Ok(Picture::Svg)
        } else if lower.ends_with(".png") {
            Ok(Picture::Png)
        } else {
            Err(Error::InvalidArgument {
                argument: format!("--plot {path}"),
                reason: "pictures are written as SVG or PNG; name the file *.svg or *.png".into(),
            })
        }
    }
}

/// Writes an SVG picture to `path`, rasterized to PNG when the name says so.
pub(super) fn write_picture(path: &str, svg: String) -> Result<()> {
    let bytes = match Picture::for_path(path)? {
        Picture::Png => png(&svg).map_err(|reason| Error::InvalidArgument {
            argument: format!("--plot {path}"),
            reason,
        })?,
        Picture::Svg => svg.into_bytes(),
    };
    std::fs::write(path, bytes).map_err(|e| Error::io(path, "write", &e))
}

/// The file a path names, as far as it can be told before it exists (its directory resolved).
fn resolved(path: &str) -> PathBuf {
    let p = Path::new(path);
    if let Ok(full) = p.canonicalize() {
        return full;
    }
    let parent = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    match (parent.canonicalize(), p.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => p.to_path_buf(),
    }
}

/// An error when two of the named files are one file (`--out x.svg --plot x.svg` would write
/// the picture over the rows).
pub(super) fn distinct(files: &[(&str, &str)]) -> Result<()> {
    for (i, (option, path)) in files.iter().enumerate() {
        for (other, other_path) in &files[i + 1..] {
            if resolved(path) == resolved(other_path) {
                return Err(Error::InvalidArgument {
                    argument: format!("{option} {path}"),
                    reason: format!(
                        "it is the same file as {other} {other_path}; give each its own file"
                    ),
                });
            }
        }
    }
    Ok(())
}
