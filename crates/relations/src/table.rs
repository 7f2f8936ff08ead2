//! Plain-text tables for a terminal of a given width: the one renderer of every
//! `--format table` (the relation commands here, and `aras events`, `actors`, `quotes`
//! and `search` in the binary), built on `comfy-table`.
//!
//! Widths are display widths (Unicode: a CJK character or an emoji takes two columns, a
//! combining mark none), so columns stay aligned whatever the script. When the table is
//! wider than the terminal, optional columns go first (lowest priority first), then the
//! text columns are narrowed and their cells cut with `…` at a character boundary that
//! fits the column; numbers are never cut. Cells are one line: newlines, tabs and other
//! control characters become spaces.

use comfy_table::{
    Cell, CellAlignment, ColumnConstraint, ContentArrangement, ContentLineStyle, LineStyle, Row,
    Table, TableStyle, Width,
};
use unicode_width::UnicodeWidthStr;

use crate::balance::BalanceReport;
use crate::dyads::Dyad;
use crate::timeline::TimelinePoint;

/// The narrowest width the renderers try to fit.
pub const MIN_WIDTH: usize = 20;

/// A text column is not narrowed below this many display columns (less when its
/// widest cell is narrower).
const MIN_CUT: u16 = 4;

/// Columns are two spaces apart: one of padding after each column but the last, and
/// the junction. The header's rule spans the padding, so rules are one space apart.
const STYLE: TableStyle = TableStyle::new()
    .header_lines(ContentLineStyle::none().junction(' '))
    .header_separator(LineStyle::none().fill('─').junction(' '))
    .content_lines(ContentLineStyle::none().junction(' '));

/// A character that never occurs in a cleaned cell: comfy-table splits a cell that is
/// too long at its delimiter, and a cut should fall at the column's width, not at the
/// last word that fits.
const NO_DELIMITER: char = '\0';

/// One column of a table: its header, how it aligns and whether it may be left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    header: String,
    number: bool,
    priority: u8,
}

impl Column {
    /// Text: left-aligned, cut with `…` when space is short, always shown.
    pub fn text(header: impl Into<String>) -> Self {
        Column {
            header: header.into(),
            number: false,
            priority: 0,
        }
    }

    /// A number: right-aligned, never cut, always shown.
    pub fn number(header: impl Into<String>) -> Self {
        Column {
            number: true,
            ..Column::text(header)
        }
    }

    /// Left out when the table does not fit, lower priorities first (`1` goes first;
    /// among equals, the rightmost).
    pub fn optional(mut self, priority: u8) -> Self {
        self.priority = priority;
        self
    }
}

/// `rows` under `columns`' headers, with a rule under the headers, fitted to `width`
/// display columns (at least [`MIN_WIDTH`]); every line ends in a newline and none in
/// spaces. A row's cells are in column order; missing cells are empty.
///
/// A table wider than `width` loses optional columns first, then its text columns are
/// narrowed (comfy-table's dynamic arrangement: the columns that fit an even share keep
/// their width, the others share the rest) down to 4 display columns each. Numbers keep
/// their width, so a table of many numbers may still be wider than `width`.
pub fn render_table(columns: &[Column], rows: &[Vec<String>], width: usize) -> String {
    let width = width.clamp(MIN_WIDTH, usize::from(u16::MAX));
    let mut table = Table::new();
    table
        .load_style(STYLE)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width as u16)
        .set_truncation_indicator("…")
        .set_delimiter(NO_DELIMITER)
        .set_header(columns.iter().map(|c| Cell::new(&c.header)));
    for cells in rows {
        let mut row: Row = (0..columns.len())
            .map(|i| Cell::new(one_line(cells.get(i).map_or("", String::as_str))))
            .collect::<Vec<Cell>>()
            .into();
        row.max_height(1);
        table.add_row(row);
    }

    // Display widths, headers included (comfy-table measures with unicode-width).
    let natural: Vec<usize> = table
        .column_max_content_widths()
        .into_iter()
        .map(usize::from)
        .collect();
    let mut shown: Vec<usize> = (0..columns.len()).collect();
    let total = |shown: &[usize]| {
        shown.iter().map(|&i| natural[i]).sum::<usize>() + 2 * shown.len().saturating_sub(1)
    };
    while total(&shown) > width {
        let droppable = shown
            .iter()
            .enumerate()
            .filter(|(_, &i)| columns[i].priority > 0)
            .min_by_key(|(pos, &i)| (columns[i].priority, std::cmp::Reverse(*pos)))
            .map(|(pos, _)| pos);
        match droppable {
            Some(pos) => {
                shown.remove(pos);
            }
            None => break,
        }
    }

    let last = shown.last().copied();
    for (i, column) in table.column_iter_mut().enumerate() {
        let spec = &columns[i];
        if !shown.contains(&i) {
            column.set_constraint(ColumnConstraint::Hidden);
            continue;
        }
        let padding = if Some(i) == last { 0 } else { 1 };
        column.set_padding((0, padding));
        if spec.number {
            column.set_cell_alignment(CellAlignment::Right);
            column.set_constraint(ColumnConstraint::ContentWidth);
        } else if natural[i] > usize::from(MIN_CUT) {
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(
                MIN_CUT + padding,
            )));
        }
    }
    let mut out = table.trim_fmt();
    out.push('\n');
    out
}

/// A cell as one line: whitespace (newlines, tabs) becomes a space and other control
/// characters U+FFFD, so nothing but the text reaches the terminal.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            c if c.is_whitespace() => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// `text` broken at spaces into lines of at most `width` display columns (a longer word
/// stays whole), each ending in a newline.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let needed = if line.is_empty() { 0 } else { 1 } + word.width();
        if !line.is_empty() && line.width() + needed > width {
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
        Column::text("a"),
        Column::text("b"),
        Column::text("sign"),
        Column::number("events"),
        Column::number("→").optional(3),
        Column::number("←").optional(3),
        Column::number("vcoop").optional(6),
        Column::number("mcoop").optional(6),
        Column::number("vconf").optional(6),
        Column::number("mconf").optional(6),
        Column::number("gold.mean").optional(7),
        Column::number("gold.sum").optional(2),
        Column::number("coop%").optional(5),
        Column::number("clusters").optional(4),
        Column::number("reports").optional(4),
        Column::text("first").optional(5),
        Column::text("last").optional(5),
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
                // Rounded half away from zero first: `{:.2}` alone prints the binary
                // value of 5.175 (5.17499…) as 5.17.
                format!("{:.2}", aras_schema::numbers::round(d.goldstein_mean, 2)),
                format!("{:.1}", d.goldstein_sum),
                format!("{:.0}", 100.0 * d.share_cooperative),
                d.clusters.to_string(),
                d.reports.to_string(),
                date(d.first),
                date(d.last),
            ]
        })
        .collect();
    render_table(&columns, &rows, width)
}

/// `aras timeline`: one line per bucket.
pub fn render_timeline_table(points: &[TimelinePoint], width: usize) -> String {
    let columns = [
        Column::text("bucket"),
        Column::number("events"),
        Column::number("vcoop").optional(5),
        Column::number("mcoop").optional(5),
        Column::number("vconf").optional(5),
        Column::number("mconf").optional(5),
        Column::number("gold.mean").optional(6),
        Column::number("reports").optional(3),
        Column::text("clusters").optional(1),
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
    render_table(&columns, &rows, width)
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
        Column::text("triangle"),
        Column::text("signs"),
        Column::text("class"),
        Column::text("events").optional(3),
        Column::text("reading"),
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
    out.push_str(&render_table(&triad_columns, &triad_rows, width));
    out.push('\n');
    let hedge_columns = [
        Column::text("actor"),
        Column::text("between"),
        Column::number("hedging"),
        Column::number("hostility").optional(3),
        Column::text("coop").optional(2),
        Column::text("signs").optional(4),
        Column::text("leans to").optional(1),
        Column::text("events").optional(3),
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
    out.push_str(&render_table(&hedge_columns, &hedge_rows, width));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    /// Where the last `needle` starts in `line`, in display columns.
    fn column_of(line: &str, needle: &str) -> usize {
        line[..line.rfind(needle).expect(needle)].width()
    }

    #[test]
    fn wide_and_combining_characters_keep_the_columns_aligned() {
        let columns = [Column::text("name"), Column::number("n"), Column::text("x")];
        let rows = cells(&[
            &["Baku", "1", "a"],
            &["日本語", "22", "b"], // three characters, six columns
            &["🇦🇿 flag", "3", "c"], // a flag is one grapheme, two columns
            &["Bakı́", "4", "d"],    // ı + U+0301: the accent takes no column
            &["cafe\u{301}", "5", "e"],
        ]);
        let out = render_table(&columns, &rows, 80);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2 + rows.len(), "{out}");
        let x = column_of(lines[0], "x");
        for (line, cell) in lines[2..].iter().zip(["a", "b", "c", "d", "e"]) {
            assert_eq!(column_of(line, cell), x, "{out}");
        }
        // Numbers align right: the last digit of every row under the header's "n".
        let n = column_of(lines[0], "n");
        for (line, number) in lines[2..].iter().zip(["1", "22", "3", "4", "5"]) {
            assert_eq!(column_of(line, number) + number.len() - 1, n, "{out}");
        }
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis_at_a_display_width_boundary() {
        let columns = [Column::text("id"), Column::text("evidence")];
        let evidence = "以色列周五袭击了伊朗的核设施，官员称。Israel struck Iranian nuclear sites";
        let rows = cells(&[&["afp-1", evidence], &["xin-1", "short"]]);
        for width in 20..60 {
            let out = render_table(&columns, &rows, width);
            for line in out.lines() {
                assert!(
                    line.width() <= width,
                    "{width}: {line:?} is {}",
                    line.width()
                );
            }
            let cut = out.lines().nth(2).unwrap();
            assert!(cut.ends_with('…'), "{width}: {cut:?}");
            let kept = cut["afp-1  ".len()..].trim_end_matches('…');
            assert!(evidence.starts_with(kept), "{width}: {cut:?}");
            // Cut at the last character that fits: one more would not.
            let next = evidence[kept.len()..].chars().next().unwrap();
            assert!(
                cut.width() + next.to_string().width() > width,
                "{width}: {cut:?}"
            );
            assert!(out.contains("xin-1  short\n"), "{out}");
        }
    }

    #[test]
    fn optional_columns_go_before_text_is_cut_and_numbers_are_never_cut() {
        let columns = [
            Column::text("party"),
            Column::number("events"),
            Column::number("reports").optional(1),
            Column::text("note").optional(2),
        ];
        let rows = cells(&[&["AZE", "123456", "7", "a long note about the party"]]);
        let wide = render_table(&columns, &rows, 80);
        assert!(wide.starts_with("party  events  reports  note\n"), "{wide}");
        // 40 columns: reports (priority 1) goes, note fits.
        let narrower = render_table(&columns, &rows, 42);
        assert!(narrower.starts_with("party  events  note\n"), "{narrower}");
        assert!(narrower.contains("AZE    123456  a long note about the party\n"));
        // At the minimum width both go, and the number stays whole.
        let narrow = render_table(&columns, &rows, 10);
        assert_eq!(narrow, "party  events\n────── ──────\nAZE    123456\n");
    }

    #[test]
    fn cells_are_one_line() {
        let columns = [Column::text("a"), Column::text("b")];
        let rows = cells(&[&["two\nlines\tand a tab", "bell\u{7}\u{1b}[31m"]]);
        let out = render_table(&columns, &rows, 80);
        assert_eq!(out.lines().count(), 3, "{out}");
        assert!(
            out.contains("two lines and a tab  bell\u{FFFD}\u{FFFD}[31m\n"),
            "{out:?}"
        );
    }

    #[test]
    fn an_empty_table_is_its_header() {
        let out = render_table(&[Column::text("DATE"), Column::text("EVIDENCE")], &[], 80);
        assert_eq!(out, "DATE  EVIDENCE\n───── ────────\n");
    }

    #[test]
    fn wrapping_counts_display_width() {
        assert_eq!(wrap("日本語 日本語 日本語", 13), "日本語 日本語\n日本語\n");
        assert_eq!(wrap("a b c", 3), "a b\nc\n");
    }
}
