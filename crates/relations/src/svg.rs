//! A timeline chart as a standalone SVG file, written by hand (no plotting library).
//!
//! Diverging bars per bucket: cooperation above the axis (verbal light green next to the
//! axis, material dark green stacked on it), conflict below (verbal light red next to
//! the axis, material dark red beneath); the Goldstein mean of each bucket as a blue
//! line on its own scale (-10..10, right axis), broken where a bucket is empty. Each bar
//! carries a tooltip (`<title>`) with its counts and cluster ids.

use std::fmt::Write;

use crate::timeline::TimelinePoint;
use crate::xml::escape_xml as escape;

const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 520.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 70.0;
const TOP: f64 = 86.0;
const BOTTOM: f64 = 90.0;

const VERBAL_COOPERATION: &str = "#a6dba0";
const MATERIAL_COOPERATION: &str = "#1b7837";
const VERBAL_CONFLICT: &str = "#f4a582";
const MATERIAL_CONFLICT: &str = "#b2182b";
const GOLDSTEIN: &str = "#2166ac";

/// The chart of `points` (from [`crate::timeline()`]) with `title` on top, e.g.
/// "AZE – IRN by month". Always a complete SVG document; with no points it says so.
pub fn render_timeline_svg(points: &[TimelinePoint], title: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="Helvetica, Arial, sans-serif" font-size="12">"#
    );
    let _ = writeln!(s, r#"<title>{}</title>"#, escape(title));
    let _ = writeln!(
        s,
        r##"<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>"##
    );
    let _ = writeln!(
        s,
        r##"<text x="{LEFT}" y="28" font-size="18" font-weight="bold" fill="#222">{}</text>"##,
        escape(title)
    );
    let total: u32 = points.iter().map(|p| p.events).sum();
    let subtitle = match (points.first(), points.last()) {
        (Some(first), Some(last)) => format!(
            "{total} events, {} to {} ({} buckets)",
            first.label,
            last.label,
            points.len()
        ),
        _ => "no dated events".to_string(),
    };
    let _ = writeln!(
        s,
        r##"<text x="{LEFT}" y="48" fill="#555">{}</text>"##,
        escape(&subtitle)
    );
    legend(&mut s);

    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let axis_y = TOP + plot_h / 2.0;
    let up = points
        .iter()
        .map(|p| p.verbal_cooperation + p.material_cooperation)
        .max()
        .unwrap_or(0);
    let down = points
        .iter()
        .map(|p| p.verbal_conflict + p.material_conflict)
        .max()
        .unwrap_or(0);
    let scale_max = nice_ceiling(up.max(down));
    let per_event = (plot_h / 2.0) / f64::from(scale_max);

    // Grid and left axis (event counts, symmetric about the axis).
    for k in [-2i32, -1, 0, 1, 2] {
        let value = f64::from(scale_max) * f64::from(k) / 2.0;
        let y = axis_y - value * per_event;
        let (stroke, width) = if k == 0 {
            ("#333", 1.2)
        } else {
            ("#e3e3e3", 1.0)
        };
        let _ = writeln!(
            s,
            r#"<line x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="{stroke}" stroke-width="{width}"/>"#,
            LEFT + plot_w
        );
        let _ = writeln!(
            s,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="end" fill="#444">{}</text>"##,
            LEFT - 6.0,
            y + 4.0,
            format_count(value.abs())
        );
        // Right axis: Goldstein -10..10 on the same grid lines.
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{:.1}" fill="{GOLDSTEIN}">{}</text>"#,
            LEFT + plot_w + 6.0,
            y + 4.0,
            k * 5
        );
    }
    let _ = writeln!(
        s,
        r##"<text transform="translate(18 {axis_y:.1}) rotate(-90)" text-anchor="middle" fill="#444">events: cooperation ↑ conflict ↓</text>"##
    );
    let _ = writeln!(
        s,
        r#"<text transform="translate({:.1} {axis_y:.1}) rotate(90)" text-anchor="middle" fill="{GOLDSTEIN}">Goldstein mean (−10 … +10)</text>"#,
        WIDTH - 22.0
    );
    let _ = writeln!(
        s,
        r##"<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{:.1}" stroke="#333"/>"##,
        TOP + plot_h
    );
    let _ = writeln!(
        s,
        r##"<line x1="{:.1}" y1="{TOP}" x2="{:.1}" y2="{:.1}" stroke="{GOLDSTEIN}"/>"##,
        LEFT + plot_w,
        LEFT + plot_w,
        TOP + plot_h
    );

    if points.is_empty() {
        let _ = writeln!(
            s,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#888" font-size="16">no dated events</text>"##,
            LEFT + plot_w / 2.0,
            axis_y - 12.0
        );
        s.push_str("</svg>\n");
        return s;
    }

    let slot = plot_w / points.len() as f64;
    let bar_w = (slot * 0.8).max(0.5);
    let center = |i: usize| LEFT + slot * (i as f64 + 0.5);

    // Bars.
    for (i, p) in points.iter().enumerate() {
        if p.events == 0 {
            continue;
        }
        let x = center(i) - bar_w / 2.0;
        let _ = writeln!(s, "<g>");
        let _ = writeln!(s, "<title>{}</title>", escape(&tooltip(p)));
        let mut y_up = axis_y;
        for (count, colour) in [
            (p.verbal_cooperation, VERBAL_COOPERATION),
            (p.material_cooperation, MATERIAL_COOPERATION),
        ] {
            if count > 0 {
                let h = f64::from(count) * per_event;
                y_up -= h;
                let _ = writeln!(
                    s,
                    r#"<rect x="{x:.1}" y="{y_up:.1}" width="{bar_w:.1}" height="{h:.1}" fill="{colour}"/>"#
                );
            }
        }
        let mut y_down = axis_y;
        for (count, colour) in [
            (p.verbal_conflict, VERBAL_CONFLICT),
            (p.material_conflict, MATERIAL_CONFLICT),
        ] {
            if count > 0 {
                let h = f64::from(count) * per_event;
                let _ = writeln!(
                    s,
                    r#"<rect x="{x:.1}" y="{y_down:.1}" width="{bar_w:.1}" height="{h:.1}" fill="{colour}"/>"#
                );
                y_down += h;
            }
        }
        let _ = writeln!(s, "</g>");
    }

    // Goldstein mean line, broken over empty buckets.
    let goldstein_y = |g: f64| axis_y - g.clamp(-10.0, 10.0) / 10.0 * (plot_h / 2.0);
    let mut path = String::new();
    let mut pen_down = false;
    for (i, p) in points.iter().enumerate() {
        match p.goldstein_mean {
            Some(g) => {
                let _ = write!(
                    path,
                    "{}{:.1} {:.1} ",
                    if pen_down { "L" } else { "M" },
                    center(i),
                    goldstein_y(g)
                );
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    if !path.is_empty() {
        let _ = writeln!(
            s,
            r#"<path d="{}" fill="none" stroke="{GOLDSTEIN}" stroke-width="2" stroke-linejoin="round"/>"#,
            path.trim_end()
        );
    }
    for (i, p) in points.iter().enumerate() {
        if let Some(g) = p.goldstein_mean {
            let _ = writeln!(
                s,
                r##"<circle cx="{:.1}" cy="{:.1}" r="3" fill="{GOLDSTEIN}" stroke="#fff" stroke-width="1"><title>{}: Goldstein mean {g:.1}</title></circle>"##,
                center(i),
                goldstein_y(g),
                escape(&p.label)
            );
        }
    }

    // Date labels: at most about 16, evenly spaced, always the first and last.
    let step = points.len().div_ceil(16).max(1);
    let base = TOP + plot_h + 14.0;
    for (i, p) in points.iter().enumerate() {
        if i % step != 0 && i != points.len() - 1 {
            continue;
        }
        if i == points.len() - 1 && i % step != 0 && (points.len() - 1) % step < step / 2 {
            continue; // too close to the previous label
        }
        let x = center(i);
        let _ = writeln!(
            s,
            r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="#333"/>"##,
            TOP + plot_h,
            TOP + plot_h + 4.0
        );
        let _ = writeln!(
            s,
            r##"<text transform="translate({x:.1} {base:.1}) rotate(-40)" text-anchor="end" fill="#444">{}</text>"##,
            escape(&p.label)
        );
    }
    s.push_str("</svg>\n");
    s
}

fn legend(s: &mut String) {
    let mut x = LEFT;
    let y = 62.0;
    for (label, colour) in [
        ("verbal cooperation", VERBAL_COOPERATION),
        ("material cooperation", MATERIAL_COOPERATION),
        ("verbal conflict", VERBAL_CONFLICT),
        ("material conflict", MATERIAL_CONFLICT),
    ] {
        let _ = writeln!(
            s,
            r##"<rect x="{x:.1}" y="{y:.1}" width="12" height="12" fill="{colour}"/><text x="{:.1}" y="{:.1}" fill="#333">{label}</text>"##,
            x + 16.0,
            y + 10.5
        );
        x += 24.0 + label.len() as f64 * 6.4;
    }
    let _ = writeln!(
        s,
        r##"<line x1="{x:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{GOLDSTEIN}" stroke-width="2"/><text x="{:.1}" y="{:.1}" fill="#333">Goldstein mean</text>"##,
        y + 6.0,
        x + 18.0,
        y + 6.0,
        x + 22.0,
        y + 10.5
    );
}

fn tooltip(p: &TimelinePoint) -> String {
    let mut t = format!(
        "{}: {} events ({} verbal cooperation, {} material cooperation, {} verbal conflict, {} material conflict), {} reports",
        p.label,
        p.events,
        p.verbal_cooperation,
        p.material_cooperation,
        p.verbal_conflict,
        p.material_conflict,
        p.reports
    );
    if let Some(g) = p.goldstein_mean {
        let _ = write!(t, ", Goldstein mean {g:.1}");
    }
    let ids: Vec<String> = p
        .cluster_ids
        .iter()
        .take(20)
        .map(|i| i.to_string())
        .collect();
    let _ = write!(t, "; clusters {}", ids.join(", "));
    if p.cluster_ids.len() > 20 {
        let _ = write!(t, " and {} more", p.cluster_ids.len() - 20);
    }
    t
}

/// The smallest of 2, 4, 6, 10 × 10^k ≥ `n`: a round top for the count axis whose half
/// is a whole tick too.
fn nice_ceiling(n: u32) -> u32 {
    let mut base = 1u32;
    loop {
        for m in [2u32, 4, 6, 10] {
            let v = m.saturating_mul(base);
            if v >= n {
                return v;
            }
        }
        base = base.saturating_mul(10);
        if base == u32::MAX {
            return n;
        }
    }
}

fn format_count(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}
