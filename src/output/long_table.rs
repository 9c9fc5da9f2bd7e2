//! A list's table in memory that does not grow with its length (SPEC §4 "Memory"), in two
//! passes: rows are escaped and kept in a [`Spool`] (a temporary file past 256 KiB) while each
//! column's widest cell is measured; then the spool is read back a chunk at a time and every
//! chunk is laid out with those widths, so columns line up from the first row to the last and
//! nothing is cut. A table of one chunk is laid out whole, exactly as any other table.

use std::io::{self, BufRead, Write};

use comfy_table::Table;

use super::spool::Spool;
use crate::terminal_text::escape;

/// Rows measured and laid out together.
pub const CHUNK: usize = 1_000;
/// Between cells: the right padding of every column but the last (see `output::render`).
const GAP: u16 = 2;

/// A table being filled a row at a time.
pub struct LongTable {
    header: &'static [&'static str],
    /// Escaped rows not yet measured and spooled.
    rows: Vec<Vec<String>>,
    /// Measured rows, one a line, cells separated by tabs (escaping leaves none in a cell).
    spool: Spool,
    /// The widest cell of each column so far, header included.
    widths: Vec<u16>,
}

impl LongTable {
    pub fn new(header: &'static [&'static str]) -> Self {
        LongTable {
            header,
            rows: Vec::new(),
            spool: Spool::default(),
            widths: Vec::new(),
        }
    }

    /// Adds a row of server text (escaped here).
    pub fn push(&mut self, cells: Vec<String>) -> io::Result<()> {
        self.rows
            .push(cells.iter().map(|c| escape(c).into_owned()).collect());
        if self.rows.len() >= CHUNK {
            self.measure_and_spool()?;
        }
        Ok(())
    }

    /// First pass over the rows held: their widths, measured as the table measures them; then
    /// the rows go to the spool.
    fn measure_and_spool(&mut self) -> io::Result<()> {
        let mut table = Table::new();
        table.set_header(self.header.to_vec());
        table.add_rows(self.rows.iter().cloned());
        let widths = table.column_max_content_widths();
        self.widths.resize(widths.len().max(self.widths.len()), 0);
        for (kept, new) in self.widths.iter_mut().zip(widths) {
            *kept = (*kept).max(new);
        }
        for row in self.rows.drain(..) {
            self.spool.write_all(row.join("\t").as_bytes())?;
            self.spool.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Second pass: the whole table, laid out a chunk at a time with the widths of every row.
    pub fn write_to(mut self, out: &mut impl Write) -> io::Result<()> {
        if self.spool.is_empty() {
            let mut table = super::new_table();
            table.set_header(self.header.to_vec());
            table.add_rows(self.rows);
            return out.write_all(super::render(table).as_bytes());
        }
        self.measure_and_spool()?;
        let widths = fit(&self.widths, super::new_table().width());
        let mut chunk = Vec::with_capacity(CHUNK);
        let mut header = Some(self.header);
        let mut lay_out = |chunk: &mut Vec<Vec<String>>| {
            let mut table = super::new_table();
            if let Some(header) = header.take() {
                table.set_header(header.to_vec());
            }
            table.add_rows(chunk.drain(..));
            out.write_all(super::render_with_widths(table, &widths).as_bytes())
        };
        for line in self.spool.into_reader()?.lines() {
            chunk.push(line?.split('\t').map(str::to_string).collect());
            if chunk.len() == CHUNK {
                lay_out(&mut chunk)?;
            }
        }
        if !chunk.is_empty() {
            lay_out(&mut chunk)?;
        }
        Ok(())
    }
}

/// The content width of each column: the widest cell's when the table fits in `total`
/// columns (or no width is set: not a terminal); otherwise columns narrower than an even share
/// keep their width and the others share what is left evenly (their cells wrap).
fn fit(widths: &[u16], total: Option<u16>) -> Vec<u16> {
    let gaps = GAP * widths.len().saturating_sub(1) as u16;
    let natural: u32 = widths.iter().map(|w| u32::from(*w)).sum::<u32>() + u32::from(gaps);
    let Some(total) = total.filter(|t| u32::from(*t) < natural) else {
        return widths.to_vec();
    };
    let mut room = total.saturating_sub(gaps);
    let mut fitted: Vec<Option<u16>> = vec![None; widths.len()];
    loop {
        let open: Vec<usize> = (0..widths.len()).filter(|i| fitted[*i].is_none()).collect();
        if open.is_empty() {
            break;
        }
        let share = room / open.len() as u16;
        let narrow: Vec<usize> = open
            .iter()
            .copied()
            .filter(|i| widths[*i] <= share)
            .collect();
        if narrow.is_empty() {
            for i in open {
                fitted[i] = Some(share.max(1));
            }
            break;
        }
        for i in narrow {
            fitted[i] = Some(widths[i]);
            room -= widths[i];
        }
    }
    fitted.into_iter().map(|w| w.unwrap_or(1)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(n: usize) -> Vec<Vec<String>> {
        (0..n)
            .map(|i| {
                vec![
                    format!("oc-{i}"),
                    "x".repeat(i % 37),
                    if i == 2_345 {
                        "a\tb\nc".into()
                    } else {
                        "-".into()
                    },
                ]
            })
            .collect()
    }

    fn laid_out(rows: &[Vec<String>]) -> String {
        let mut table = LongTable::new(&["ID", "NAME", "NOTE"]);
        for row in rows {
            table.push(row.clone()).unwrap();
        }
        let mut out = Vec::new();
        table.write_to(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_table_of_many_chunks_is_the_table_laid_out_whole() {
        for n in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2_500] {
            let rows = rows(n);
            let mut whole = super::super::new_table();
            whole.set_header(vec!["ID", "NAME", "NOTE"]);
            for row in &rows {
                super::super::add_row(&mut whole, row.clone());
            }
            assert_eq!(laid_out(&rows), super::super::render(whole), "{n} rows");
        }
    }

    #[test]
    fn columns_too_wide_for_the_terminal_share_it() {
        assert_eq!(fit(&[10, 20, 30], None), [10, 20, 30]);
        assert_eq!(fit(&[10, 20, 30], Some(64)), [10, 20, 30]);
        // 40 columns less two gaps of 2: 36; 10 fits a share of 12, the others get 13 each.
        assert_eq!(fit(&[10, 20, 30], Some(40)), [10, 13, 13]);
        assert_eq!(fit(&[10, 20, 30], Some(3)), [1, 1, 1]);
    }
}
