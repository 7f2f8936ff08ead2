//! Plain-text tables for a terminal of a given width.
//!
//! Columns have a priority: when the table is wider than the terminal, the least
//! important columns go first, then the widest text column is cut with `…`.

use crate::balance::BalanceReport;
use crate::dyads::Dyad;
use crate::timeline::TimelinePoint;

/// The narrowest width the renderers try to fit.
pub const MIN_WIDTH: usize = 20;

struct Column {
    header: &'static str,
    /// Numbers align right.
    right: bool,
    /// Lower goes first when space is short; 0 is never dropped.
    priority: u8,
}

const fn col(header: &'static str, right: bool, priority: u8) -> Column {
    Column {
        header,
        right,
        priority,
    }
}

fn render(columns: &[Column], rows: &[Vec<String>], width: usize) -> String {
    let width = width.max(MIN_WIDTH);
    let mut keep: Vec<usize> = (0..columns.len()).collect();
    let natural = |i: usize| {
        rows.iter()
            .map(|r| r[i].chars().count())
            .chain(std::iter::once(columns[i].header.chars().count()))
            .max()
            .unwrap_or(0)
    };
    let mut widths: Vec<usize> = (0..columns.len()).map(natural).collect();
    let total = |keep: &[usize], widths: &[usize]| {
        keep.iter().map(|&i| widths[i]).sum::<usize>() + 2 * keep.len().saturating_sub(1)
    };
    while total(&keep, &widths) > width {
        let droppable = keep
            .iter()
            .enumerate()
            .filter(|(_, &i)| columns[i].priority > 0)
            .min_by_key(|(pos, &i)| (columns[i].priority, std::cmp::Reverse(*pos)))
            .map(|(pos, _)| pos);
        match droppable {
            Some(pos) => {
                keep.remove(pos);
            }
            None => break,
        }
    }
    while total(&keep, &widths) > width {
        let Some(&widest) = keep
            .iter()
            .filter(|&&i| !columns[i].right)
            .max_by_key(|&&i| widths[i])
        else {
            break;
        };
        if widths[widest] <= 4 {
            break;
        }
        widths[widest] -= 1;
    }
    let mut out = String::new();
    let header: Vec<String> = keep.iter().map(|&i| columns[i].header.into()).collect();
    let line = |cells: &[String], out: &mut String| {
        let parts: Vec<String> = keep
            .iter()
            .zip(cells)
            .map(|(&i, cell)| fit(cell, widths[i], columns[i].right))
            .collect();
        out.push_str(parts.join("  ").trim_end());
        out.push('\n');
    };
    line(&header, &mut out);
    let rule: Vec<String> = keep.iter().map(|&i| "─".repeat(widths[i])).collect();
    out.push_str(&rule.join("  "));
    out.push('\n');
    for row in rows {
        let cells: Vec<String> = keep.iter().map(|&i| row[i].clone()).collect();
        line(&cells, &mut out);
    }
    out
}

fn fit(cell: &str, width: usize, right: bool) -> String {
    let n = cell.chars().count();
    if n > width {
        let mut cut: String = cell.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        return cut;
    }
    let pad = " ".repeat(width - n);
    if right {
        format!("{pad}{cell}")
    } else {
        format!("{cell}{pad}")
    }
}

/// `text` broken at spaces into lines of at most `width` characters (a longer word
/// stays whole), each ending in a newline.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let needed = if line.is_empty() { 0 } else { 1 } + word.chars().count();
        if !line.is_empty() && line.chars().count() + needed > width {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

fn date(d: Option<jiff::civil::Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "-".into())
}

/// `aras relations`: one line per dyad. `a`, `b`, sign and events always show.
pub fn render_dyads_table(dyads: &[Dyad], width: usize) -> String {
    let columns = [
        col("a", false, 0),
        col("b", false, 0),
        col("sign", false, 0),
        col("events", true, 0),
        col("→", true, 3),
        col("←", true, 3),
        col("vcoop", true, 6),
        col("mcoop", true, 6),
        col("vconf", true, 6),
        col("mconf", true, 6),
        col("gold.mean", true, 7),
        col("gold.sum", true, 2),
        col("coop%", true, 5),
        col("clusters", true, 4),
        col("reports", true, 4),
        col("first", false, 5),
        col("last", false, 5),
    ];
    let rows: Vec<Vec<String>> = dyads
        .iter()
        .map(|d| {
            vec![
                d.a.clone(),
                d.b.clone(),
                d.sign.symbol().into(),
                d.events.to_string(),
                d.forward.to_string(),
                if d.directed {
                    "-".into()
                } else {
                    d.backward.to_string()
                },
                d.verbal_cooperation.to_string(),
                d.material_cooperation.to_string(),
                d.verbal_conflict.to_string(),
                d.material_conflict.to_string(),
                format!("{:.2}", d.goldstein_mean),
                format!("{:.1}", d.goldstein_sum),
                format!("{:.0}", 100.0 * d.share_cooperative),
                d.clusters.to_string(),
                d.reports.to_string(),
                date(d.first),
                date(d.last),
            ]
        })
        .collect();
    render(&columns, &rows, width)
}

/// `aras timeline`: one line per bucket.
pub fn render_timeline_table(points: &[TimelinePoint], width: usize) -> String {
    let columns = [
        col("bucket", false, 0),
        col("events", true, 0),
        col("vcoop", true, 5),
        col("mcoop", true, 5),
        col("vconf", true, 5),
        col("mconf", true, 5),
        col("gold.mean", true, 6),
        col("reports", true, 3),
        col("clusters", false, 1),
    ];
    let rows: Vec<Vec<String>> = points
        .iter()
        .map(|p| {
            let ids: Vec<String> = p.cluster_ids.iter().map(|i| i.to_string()).collect();
            vec![
                p.label.clone(),
                p.events.to_string(),
                p.verbal_cooperation.to_string(),
                p.material_cooperation.to_string(),
                p.verbal_conflict.to_string(),
                p.material_conflict.to_string(),
                p.goldstein_mean
                    .map(|g| format!("{g:.2}"))
                    .unwrap_or_else(|| "-".into()),
                p.reports.to_string(),
                ids.join(","),
            ]
        })
        .collect();
    render(&columns, &rows, width)
}

/// `aras balance`: a summary line, the triangles, then the hedgers.
pub fn render_balance_table(report: &BalanceReport, width: usize) -> String {
    let mut out = format!(
        "{} edges, {} triangle{}: {} balanced, {} unbalanced, {} ambiguous (mixed edge)",
        report.edges.len(),
        report.triads.len(),
        if report.triads.len() == 1 { "" } else { "s" },
        report.balanced,
        report.unbalanced,
        report.ambiguous
    );
    if let Some(r) = report.balance_ratio {
        out.push_str(&format!("; balance ratio {r:.2}"));
    }
    let mut out = wrap(&out, width.max(MIN_WIDTH));
    out.push('\n');
    let triad_columns = [
        col("triangle", false, 0),
        col("signs", false, 0),
        col("class", false, 0),
        col("events", false, 3),
        col("reading", false, 0),
    ];
    let triad_rows: Vec<Vec<String>> = report
        .triads
        .iter()
        .map(|t| {
            vec![
                t.actors.join("–"),
                t.signs.map(|s| s.symbol()).join(" "),
                format!("{:?}", t.kind).to_lowercase(),
                t.events.map(|e| e.to_string()).join("/"),
                t.reading.clone(),
            ]
        })
        .collect();
    out.push_str(&render(&triad_columns, &triad_rows, width));
    out.push('\n');
    let hedge_columns = [
        col("actor", false, 0),
        col("between", false, 0),
        col("hedging", true, 0),
        col("hostility", true, 3),
        col("coop", false, 2),
        col("signs", false, 4),
        col("leans to", false, 1),
        col("events", false, 3),
    ];
    let hedge_rows: Vec<Vec<String>> = report
        .hedging
        .iter()
        .map(|h| {
            vec![
                h.actor.clone(),
                h.between.join("–"),
                format!("{:.2}", h.score),
                format!("{:.2}", h.hostility),
                format!("{:.2}/{:.2}", h.cooperation[0], h.cooperation[1]),
                h.signs.map(|s| s.symbol()).join(" "),
                h.leans_to.clone().unwrap_or_else(|| "-".into()),
                h.events.map(|e| e.to_string()).join("/"),
            ]
        })
        .collect();
    out.push_str(&render(&hedge_columns, &hedge_rows, width));
    out
}
