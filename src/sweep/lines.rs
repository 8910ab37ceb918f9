//! Line charts as SVG: quantities along one axis in stacked panels, with shaded bands (regimes) and marked intervals (a trap, a trial band).

use std::fmt::Write;

/// One quantity's approximate points (drawing only).
#[derive(Clone, Debug)]
pub struct Series {
    pub name: String,
    pub points: Vec<(f64, f64)>,
}

/// A panel: a title and the series drawn on one y-scale.
#[derive(Clone, Debug)]
pub struct Panel {
    pub title: String,
    pub series: Vec<Series>,
}

/// A stretch of the x-axis: shaded behind every panel (`marked` false) or marked by a bracket
/// above the panels (`marked` true).
#[derive(Clone, Debug)]
pub struct Band {
    pub from: f64,
    pub to: f64,
    pub label: String,
    pub marked: bool,
}

const WIDTH: f64 = 720.0;
const PANEL: f64 = 170.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 170.0;
const TOP: f64 = 80.0;
const GAP: f64 = 40.0;
const COLOURS: [&str; 6] = [
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
];
const SHADES: [&str; 4] = ["#e8f0fa", "#fdf1e3", "#eaf6ea", "#f3eef8"];

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The chart.
pub fn line_chart(title: &str, x_name: &str, panels: &[Panel], bands: &[Band]) -> String {
    let xs: Vec<f64> = panels
        .iter()
        .flat_map(|p| p.series.iter().flat_map(|s| s.points.iter().map(|q| q.0)))
        .collect();
    let (x0, x1) = xs
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), x| (lo.min(*x), hi.max(*x)));
    let x1 = if x1 > x0 { x1 } else { x0 + 1.0 };
    let plot_w = WIDTH - LEFT - RIGHT;
    let sx = |x: f64| LEFT + (x - x0) / (x1 - x0) * plot_w;
    let height = TOP + panels.len() as f64 * (PANEL + GAP) + 30.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" font-family="DejaVu Sans, sans-serif" font-size="12">"#
    );
    let _ = write!(svg, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let _ = write!(
        svg,
        r#"<text x="{LEFT}" y="22" font-size="15">{}</text>"#,
        escape(title)
    );
    // Marked intervals: brackets above the panels.
    let mut row = 0.0;
    for b in bands.iter().filter(|b| b.marked) {
        let y = 40.0 + row * 16.0;
        let (l, r) = (sx(b.from), sx(b.to));
        let _ = write!(
            svg,
            r##"<path d="M{l:.1},{:.1} L{l:.1},{y:.1} L{r:.1},{y:.1} L{r:.1},{:.1}" stroke="#444" fill="none" stroke-width="1.5"/><text x="{:.1}" y="{:.1}">{}</text>"##,
            y + 5.0,
            y + 5.0,
            r + 6.0,
            y + 4.0,
            escape(&b.label)
        );
        row += 1.0;
    }
    for (i, panel) in panels.iter().enumerate() {
        let top = TOP + i as f64 * (PANEL + GAP);
        let ys: Vec<f64> = panel
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(|q| q.1))
            .collect();
        let (mut y0, mut y1) = ys
            .iter()
            .fold((f64::MAX, f64::MIN), |(lo, hi), y| (lo.min(*y), hi.max(*y)));
        if y1.partial_cmp(&y0) != Some(std::cmp::Ordering::Greater) {
            y0 -= 0.5;
            y1 += 0.5;
        }
        let pad = (y1 - y0) * 0.06;
        let (y0, y1) = (y0 - pad, y1 + pad);
        let sy = |y: f64| top + PANEL - (y - y0) / (y1 - y0) * PANEL;
        for (shade, b) in bands.iter().filter(|b| !b.marked).enumerate() {
            let _ = write!(
                svg,
                r#"<rect x="{:.1}" y="{top:.1}" width="{:.1}" height="{PANEL}" fill="{}"/>"#,
                sx(b.from),
                (sx(b.to) - sx(b.from)).max(0.0),
                SHADES[shade % SHADES.len()]
            );
            if i == 0 {
                let _ = write!(
                    svg,
                    r##"<text x="{:.1}" y="{:.1}" font-size="10" fill="#555">{}</text>"##,
                    sx(b.from) + 3.0,
                    top + 12.0,
                    escape(&b.label)
                );
            }
        }
        let _ = write!(
            svg,
            r##"<rect x="{LEFT}" y="{top:.1}" width="{plot_w}" height="{PANEL}" fill="none" stroke="#333"/>"##
        );
        let _ = write!(
            svg,
            r#"<text x="{LEFT}" y="{:.1}">{}</text>"#,
            top - 6.0,
            escape(&panel.title)
        );
        for (v, anchor) in [(y0 + pad, "end"), (y1 - pad, "end")] {
            let _ = write!(
                svg,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="{anchor}" font-size="10">{v:.4}</text>"#,
                LEFT - 4.0,
                sy(v) + 3.0
            );
        }
        for (j, s) in panel.series.iter().enumerate() {
            let colour = COLOURS[j % COLOURS.len()];
            let mut d = String::new();
            let mut last: Option<f64> = None;
            for (x, y) in &s.points {
                // A jump (a regime change) starts a new stroke.
                let jump = last.is_some_and(|l| (y - l).abs() > (y1 - y0) * 0.25);
                let cmd = if d.is_empty() || jump { 'M' } else { 'L' };
                let _ = write!(d, "{cmd}{:.2},{:.2} ", sx(*x), sy(*y));
                last = Some(*y);
            }
            let _ = write!(
                svg,
                r#"<path d="{d}" stroke="{colour}" fill="none" stroke-width="1.8"/>"#
            );
            let ly = top + 14.0 + j as f64 * 16.0;
            let lx = WIDTH - RIGHT + 12.0;
            let _ = write!(
                svg,
                r#"<line x1="{lx}" y1="{ly}" x2="{:.1}" y2="{ly}" stroke="{colour}" stroke-width="2"/><text x="{:.1}" y="{:.1}">{}</text>"#,
                lx + 18.0,
                lx + 24.0,
                ly + 4.0,
                escape(&s.name)
            );
        }
    }
    let bottom = TOP + panels.len() as f64 * (PANEL + GAP) - GAP;
    for t in 0..=4 {
        let x = x0 + (x1 - x0) * t as f64 / 4.0;
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="10">{x:.2}</text>"#,
            sx(x),
            bottom + 14.0
        );
    }
    let _ = write!(
        svg,
        r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text></svg>"#,
        LEFT + plot_w / 2.0,
        bottom + 28.0,
        escape(x_name)
    );
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_series_and_band_is_drawn() {
        let panel = Panel {
            title: "effort".into(),
            series: vec![Series {
                name: "e".into(),
                points: vec![(0.0, 1.0), (0.5, 0.5), (1.0, 0.25)],
            }],
        };
        let bands = [
            Band {
                from: 0.0,
                to: 0.5,
                label: "blockade".into(),
                marked: false,
            },
            Band {
                from: 0.4,
                to: 0.6,
                label: "openness trap".into(),
                marked: true,
            },
        ];
        let svg = line_chart("t", "omega", &[panel], &bands);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        for text in ["effort", "blockade", "openness trap", "omega", ">e<"] {
            assert!(svg.contains(text), "{text}");
        }
        assert_eq!(svg.matches("<path").count(), 2);
    }
}
