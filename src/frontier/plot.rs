//! The attainable set of two players as SVG: outcomes per group, each group's hull faces, and its egalitarian and KS points.

use std::fmt::Write;

/// One group to draw (coordinates approximate, for drawing only).
pub struct Layer {
    pub group: String,
    pub points: Vec<(f64, f64)>,
    /// The hull's Pareto frontier, vertex by vertex.
    pub frontier: Vec<(f64, f64)>,
    pub egalitarian: Option<(f64, f64)>,
    pub kalai_smorodinsky: Option<(f64, f64)>,
}

const PALETTE: [&str; 6] = [
    "#7f7f7f", "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b",
];
const W: f64 = 640.0;
const H: f64 = 480.0;
const M: f64 = 60.0;
const LEGEND: f64 = 170.0;

/// The SVG picture.
pub fn attainable_set(layers: &[Layer], x_name: &str, y_name: &str, title: &str) -> String {
    let all = layers.iter().flat_map(|l| l.points.iter());
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (x, y) in all {
        x0 = x0.min(*x);
        x1 = x1.max(*x);
        y0 = y0.min(*y);
        y1 = y1.max(*y);
    }
    if x0 > x1 {
        (x0, x1, y0, y1) = (0.0, 1.0, 0.0, 1.0);
    }
    let pad = |lo: f64, hi: f64| {
        let d = if hi > lo { (hi - lo) * 0.05 } else { 0.5 };
        (lo - d, hi + d)
    };
    let ((x0, x1), (y0, y1)) = (pad(x0, x1), pad(y0, y1));
    let sx = |x: f64| M + (x - x0) / (x1 - x0) * (W - 2.0 * M);
    let sy = |y: f64| H - M - (y - y0) / (y1 - y0) * (H - 2.0 * M);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{H}" font-family="DejaVu Sans, sans-serif" font-size="12">"#,
        W + LEGEND
    );
    let _ = write!(svg, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let _ = write!(
        svg,
        r#"<text x="{}" y="24" font-size="14" text-anchor="middle">{title}</text>"#,
        W / 2.0
    );
    let _ = write!(
        svg,
        r##"<rect x="{M}" y="{M}" width="{}" height="{}" fill="none" stroke="#333"/>"##,
        W - 2.0 * M,
        H - 2.0 * M
    );
    for k in 0..=4 {
        let fx = x0 + (x1 - x0) * k as f64 / 4.0;
        let fy = y0 + (y1 - y0) * k as f64 / 4.0;
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{}" text-anchor="middle">{fx:.3}</text>"#,
            sx(fx),
            H - M + 18.0
        );
        let _ = write!(
            svg,
            r#"<text x="{}" y="{:.1}" text-anchor="end">{fy:.3}</text>"#,
            M - 6.0,
            sy(fy) + 4.0
        );
    }
    let _ = write!(
        svg,
        r#"<text x="{}" y="{}" text-anchor="middle">{x_name}</text>"#,
        W / 2.0,
        H - 16.0
    );
    let _ = write!(
        svg,
        r#"<text x="18" y="{}" text-anchor="middle" transform="rotate(-90 18 {})">{y_name}</text>"#,
        H / 2.0,
        H / 2.0
    );
    for (k, layer) in layers.iter().enumerate() {
        let colour = PALETTE[k % PALETTE.len()];
        for (x, y) in &layer.points {
            let _ = write!(
                svg,
                r#"<circle cx="{:.1}" cy="{:.1}" r="2" fill="{colour}" fill-opacity="0.35"/>"#,
                sx(*x),
                sy(*y)
            );
        }
    }
    for (k, layer) in layers.iter().enumerate() {
        let colour = PALETTE[k % PALETTE.len()];
        if layer.frontier.len() >= 2 {
            let path: Vec<String> = layer
                .frontier
                .iter()
                .map(|(x, y)| format!("{:.1},{:.1}", sx(*x), sy(*y)))
                .collect();
            let _ = write!(
                svg,
                r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2.5"/>"#,
                path.join(" ")
            );
        }
        for (x, y) in &layer.frontier {
            let _ = write!(
                svg,
                r#"<circle cx="{:.1}" cy="{:.1}" r="3.5" fill="{colour}"/>"#,
                sx(*x),
                sy(*y)
            );
        }
        if let Some((x, y)) = layer.egalitarian {
            let _ = write!(
                svg,
                r##"<rect x="{:.1}" y="{:.1}" width="9" height="9" fill="{colour}" stroke="#000"/>"##,
                sx(x) - 4.5,
                sy(y) - 4.5
            );
        }
        if let Some((x, y)) = layer.kalai_smorodinsky {
            let (cx, cy) = (sx(x), sy(y));
            let _ = write!(
                svg,
                r##"<polygon points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="{colour}" stroke="#000"/>"##,
                cx,
                cy - 6.0,
                cx - 5.5,
                cy + 4.5,
                cx + 5.5,
                cy + 4.5
            );
        }
        let ly = M + 20.0 * k as f64;
        let _ = write!(
            svg,
            r#"<rect x="{}" y="{ly}" width="12" height="12" fill="{colour}"/>"#,
            W + 4.0
        );
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}">{} ({})</text>"#,
            W + 22.0,
            ly + 10.0,
            escape(&layer.group),
            layer.points.len()
        );
    }
    let ly = M + 20.0 * layers.len() as f64 + 10.0;
    let _ = write!(
        svg,
        r##"<rect x="{}" y="{ly}" width="9" height="9" fill="#fff" stroke="#000"/><text x="{}" y="{}">egalitarian</text>"##,
        W + 5.0,
        W + 22.0,
        ly + 9.0
    );
    let _ = write!(
        svg,
        r##"<polygon points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="#fff" stroke="#000"/><text x="{}" y="{}">Kalai-Smorodinsky</text>"##,
        W + 9.5,
        ly + 18.0,
        W + 4.0,
        ly + 28.0,
        W + 15.0,
        ly + 28.0,
        W + 22.0,
        ly + 28.0
    );
    let _ = write!(
        svg,
        r#"<text x="{}" y="{}">lines: hull's Pareto faces</text>"#,
        W + 4.0,
        ly + 48.0
    );
    svg.push_str("</svg>\n");
    svg
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
