//! Regime maps as SVG: one coloured cell per game of a two-axis sweep, runs merged, with axes and a legend.

use std::collections::BTreeMap;
use std::fmt::Write;

/// A game's position (approximate, for drawing only) and its label.
#[derive(Clone, Debug)]
pub struct Cell {
    pub x: f64,
    pub y: f64,
    pub label: String,
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 480.0;
const MARGIN: f64 = 60.0;
const LEGEND: f64 = 190.0;

/// The colour of a label: fixed for the regimes, from a palette otherwise.
fn colour(label: &str, order: usize) -> &'static str {
    match label {
        "backfire" => "#d62728",
        "mutualism" => "#2ca02c",
        "market_exit" => "#7f7f7f",
        "neutral" => "#aec7e8",
        _ => [
            "#1f77b4", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#bcbd22", "#17becf",
        ][order % 7],
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A curve drawn over a regime map (e.g. a model's indifference curve), approximate points.
#[derive(Clone, Debug)]
pub struct Curve {
    pub name: String,
    pub points: Vec<(f64, f64)>,
}

/// The SVG picture of `cells` on axes named `x_name`, `y_name`.
pub fn regime_map(cells: &[Cell], x_name: &str, y_name: &str, title: &str) -> String {
    regime_map_with(cells, &[], x_name, y_name, title)
}

/// The regime map with curves drawn over it (clipped to the map) and listed in the legend.
pub fn regime_map_with(
    cells: &[Cell],
    curves: &[Curve],
    x_name: &str,
    y_name: &str,
    title: &str,
) -> String {
    let mut xs: Vec<f64> = cells.iter().map(|c| c.x).collect();
    let mut ys: Vec<f64> = cells.iter().map(|c| c.y).collect();
    for v in [&mut xs, &mut ys] {
        v.sort_by(f64::total_cmp);
        v.dedup();
    }
    let gap = |v: &[f64]| {
        v.windows(2)
            .map(|w| w[1] - w[0])
            .fold(f64::INFINITY, f64::min)
    };
    let (dx, dy) = (gap(&xs), gap(&ys));
    let (dx, dy) = (
        if dx.is_finite() { dx } else { 1.0 },
        if dy.is_finite() { dy } else { 1.0 },
    );
    let (x0, x1) = (
        xs.first().copied().unwrap_or(0.0) - dx / 2.0,
        xs.last().copied().unwrap_or(1.0) + dx / 2.0,
    );
    let (y0, y1) = (
        ys.first().copied().unwrap_or(0.0) - dy / 2.0,
        ys.last().copied().unwrap_or(1.0) + dy / 2.0,
    );
    // One axis: a strip.
    let one_axis = ys.len() <= 1;
    let height = if one_axis { 200.0 } else { HEIGHT };
    let px = |x: f64| MARGIN + (x - x0) / (x1 - x0) * (WIDTH - 2.0 * MARGIN);
    let py = |y: f64| height - MARGIN - (y - y0) / (y1 - y0) * (height - 2.0 * MARGIN);
    let mut labels: Vec<String> = cells.iter().map(|c| c.label.clone()).collect();
    labels.sort();
    labels.dedup();
    let fill = |label: &str| colour(label, labels.iter().position(|l| l == label).unwrap_or(0));
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{height}" font-family="sans-serif" font-size="13" shape-rendering="crispEdges">"#,
        WIDTH + LEGEND
    );
    let _ = writeln!(svg, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let _ = writeln!(
        svg,
        r#"<text x="{}" y="24" text-anchor="middle" font-size="15">{}</text>"#,
        WIDTH / 2.0,
        escape(title)
    );
    // Columns of cells, vertical runs of one label merged into one rectangle.
    let mut columns: BTreeMap<i64, Vec<&Cell>> = BTreeMap::new();
    for c in cells {
        columns
            .entry(((c.x - x0) / dx).round() as i64)
            .or_default()
            .push(c);
    }
    for column in columns.values_mut() {
        column.sort_by(|a, b| a.y.total_cmp(&b.y));
        let mut start = 0;
        for i in 1..=column.len() {
            let run_ends = i == column.len()
                || column[i].label != column[start].label
                || column[i].y - column[i - 1].y > 1.5 * dy;
            if run_ends {
                let (first, last) = (column[start], column[i - 1]);
                // Edges rounded as written, sizes from the rounded edges: neighbours share
                // their edge exactly (no hairline seam between cells when rasterized).
                let edge = |v: f64| (v * 100.0).round() / 100.0;
                let (left, right) = (edge(px(first.x - dx / 2.0)), edge(px(first.x + dx / 2.0)));
                let (top, bottom) = (edge(py(last.y + dy / 2.0)), edge(py(first.y - dy / 2.0)));
                let _ = writeln!(
                    svg,
                    r#"<rect x="{left:.2}" y="{top:.2}" width="{:.2}" height="{:.2}" fill="{}"/>"#,
                    right - left,
                    bottom - top,
                    fill(&first.label)
                );
                start = i;
            }
        }
    }
    // Axes with their end values.
    let (left, right, top, bottom) = (px(x0), px(x1), py(y1), py(y0));
    let _ = writeln!(
        svg,
        r#"<rect x="{left:.2}" y="{top:.2}" width="{:.2}" height="{:.2}" fill="none" stroke="black"/>"#,
        right - left,
        bottom - top
    );
    for (value, at) in [(xs.first(), left + 8.0), (xs.last(), right - 8.0)] {
        if let Some(v) = value {
            let _ = writeln!(
                svg,
                r#"<text x="{at:.2}" y="{:.2}" text-anchor="middle">{v}</text>"#,
                bottom + 18.0
            );
        }
    }
    let y_ends = if one_axis {
        [None, None]
    } else {
        [ys.first(), ys.last()]
    };
    for (value, at) in [(y_ends[0], bottom - 4.0), (y_ends[1], top + 12.0)] {
        if let Some(v) = value {
            let _ = writeln!(
                svg,
                r#"<text x="{:.2}" y="{at:.2}" text-anchor="end">{v}</text>"#,
                left - 6.0
            );
        }
    }
    let _ = writeln!(
        svg,
        r#"<text x="{:.2}" y="{:.2}" text-anchor="middle">{}</text>"#,
        (left + right) / 2.0,
        bottom + 40.0,
        escape(x_name)
    );
    let _ = writeln!(
        svg,
        r#"<text x="16" y="{:.2}" text-anchor="middle" transform="rotate(-90 16 {:.2})">{}</text>"#,
        (top + bottom) / 2.0,
        (top + bottom) / 2.0,
        escape(y_name)
    );
    // Curves, clipped to the map's rectangle.
    const STROKES: [&str; 4] = ["#000000", "#8c2d04", "#6a3d9a", "#b15928"];
    for (k, curve) in curves.iter().enumerate() {
        let inside: Vec<String> = curve
            .points
            .iter()
            .filter(|(x, y)| *x >= x0 && *x <= x1 && *y >= y0 && *y <= y1)
            .map(|(x, y)| format!("{:.2},{:.2}", px(*x), py(*y)))
            .collect();
        if inside.len() >= 2 {
            let _ = writeln!(
                svg,
                r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5" stroke-dasharray="{}"/>"#,
                inside.join(" "),
                STROKES[k % 4],
                if k % 2 == 0 { "none" } else { "6,4" }
            );
        }
        let y = MARGIN + 24.0 * (labels.len() + k) as f64 + 8.0;
        let _ = writeln!(
            svg,
            r#"<line x1="{:.2}" y1="{:.2}" x2="{:.2}" y2="{:.2}" stroke="{}" stroke-width="2.5" stroke-dasharray="{}"/>"#,
            WIDTH,
            y + 8.0,
            WIDTH + 16.0,
            y + 8.0,
            STROKES[k % 4],
            if k % 2 == 0 { "none" } else { "6,4" }
        );
        let _ = writeln!(
            svg,
            r#"<text x="{:.2}" y="{:.2}">{}</text>"#,
            WIDTH + 24.0,
            y + 13.0,
            escape(&curve.name)
        );
    }
    // Legend with counts.
    for (k, label) in labels.iter().enumerate() {
        let y = MARGIN + 24.0 * k as f64;
        let count = cells.iter().filter(|c| &c.label == label).count();
        let _ = writeln!(
            svg,
            r#"<rect x="{:.2}" y="{y:.2}" width="16" height="16" fill="{}" stroke="black" stroke-width="0.5"/>"#,
            WIDTH,
            fill(label)
        );
        let _ = writeln!(
            svg,
            r#"<text x="{:.2}" y="{:.2}">{} ({count})</text>"#,
            WIDTH + 24.0,
            y + 13.0,
            escape(label)
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// The SVG picture rasterized to PNG bytes (text drawn with the system's fonts).
pub fn png(svg: &str) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let mut options = usvg::Options::default();
    let fonts = options.fontdb_mut();
    fonts.load_system_fonts();
    // "sans-serif" means Arial to the renderer; use a sans face this machine has.
    let sans = fonts
        .faces()
        .flat_map(|face| face.families.iter().map(|(name, _)| name.clone()))
        .find(|name| name.contains("Sans") && !name.contains("Mono"));
    if let Some(name) = sans {
        fonts.set_sans_serif_family(name);
    }
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())?;
    let size = tree.size().to_int_size();
    let mut pixmap =
        tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("an empty picture")?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_merge_and_the_legend_counts() {
        let cells: Vec<Cell> = (0..4)
            .flat_map(|i| {
                (0..4).map(move |j| Cell {
                    x: i as f64,
                    y: j as f64,
                    label: if j < 2 {
                        "backfire".into()
                    } else {
                        "neutral".into()
                    },
                })
            })
            .collect();
        let svg = regime_map(&cells, "theta_g", "theta_d", "test");
        // Four columns × two runs, plus the background, the frame and two legend swatches.
        assert_eq!(svg.matches("<rect").count(), 4 * 2 + 1 + 1 + 2);
        assert!(svg.contains("backfire (8)") && svg.contains("neutral (8)"));
        let bytes = png(&svg).unwrap();
        assert_eq!(&bytes[1..4], b"PNG");
    }
}
