//! The two backends behind one small interface: run a statement, run a query, run a script.
//! SQL is written once, PostgreSQL-style (`$1`, `$2`, ...), and rewritten to SQLite's `?1`
//! where needed; parameters are always bound, never spliced into the text.

use std::collections::HashMap;

use postgres::types::{to_sql_checked, IsNull, ToSql, Type};

use crate::StoreError;

/// One parameter or result cell, whichever backend it goes to or comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Bool(bool),
}

impl Value {
    pub fn int(&self) -> i64 {
        match self {
            Value::Int(i) => *i,
            Value::Real(r) => *r as i64,
            Value::Bool(b) => i64::from(*b),
            Value::Text(t) => t.parse().unwrap_or(0),
            Value::Null => 0,
        }
    }

    pub fn real(&self) -> f64 {
        match self {
            Value::Real(r) => *r,
            Value::Int(i) => *i as f64,
            _ => 0.0,
        }
    }

    pub fn boolean(&self) -> bool {
        match self {
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            _ => false,
        }
    }

    /// The text, or "" for null.
    pub fn text(&self) -> String {
        self.opt_text().unwrap_or_default()
    }

    pub fn opt_text(&self) -> Option<String> {
        match self {
            Value::Text(t) => Some(t.clone()),
            Value::Null => None,
            Value::Int(i) => Some(i.to_string()),
            Value::Real(r) => Some(r.to_string()),
            Value::Bool(b) => Some(b.to_string()),
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.to_string())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Text(s)
    }
}
impl From<&String> for Value {
    fn from(s: &String) -> Self {
        Value::Text(s.clone())
    }
}
impl From<Option<&str>> for Value {
    fn from(s: Option<&str>) -> Self {
        s.map_or(Value::Null, Value::from)
    }
}
impl From<&Option<String>> for Value {
    fn from(s: &Option<String>) -> Self {
        s.as_deref().into()
    }
}
impl From<Option<String>> for Value {
    fn from(s: Option<String>) -> Self {
        s.map_or(Value::Null, Value::Text)
    }
}
impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Int(i)
    }
}
impl From<Option<i64>> for Value {
    fn from(i: Option<i64>) -> Self {
        i.map_or(Value::Null, Value::Int)
    }
}
impl From<u64> for Value {
    fn from(i: u64) -> Self {
        Value::Int(i64::try_from(i).unwrap_or(i64::MAX))
    }
}
impl From<usize> for Value {
    fn from(i: usize) -> Self {
        Value::Int(i64::try_from(i).unwrap_or(i64::MAX))
    }
}
impl From<f64> for Value {
    fn from(r: f64) -> Self {
        Value::Real(r)
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Int(i) => ToSqlOutput::Borrowed(ValueRef::Integer(*i)),
            Value::Real(r) => ToSqlOutput::Borrowed(ValueRef::Real(*r)),
            Value::Text(t) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
            Value::Bool(b) => ToSqlOutput::Borrowed(ValueRef::Integer(i64::from(*b))),
        })
    }
}

impl ToSql for Value {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut bytes::BytesMut,
    ) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match (self, ty) {
            (Value::Null, _) => Ok(IsNull::Yes),
            (Value::Int(i), &Type::INT2) => i16::try_from(*i)?.to_sql(ty, out),
            (Value::Int(i), &Type::INT4) => i32::try_from(*i)?.to_sql(ty, out),
            (Value::Int(i), &Type::INT8) => i.to_sql(ty, out),
            (Value::Int(i), &Type::FLOAT8) => (*i as f64).to_sql(ty, out),
            (Value::Int(i), &Type::FLOAT4) => (*i as f32).to_sql(ty, out),
            (Value::Int(i), &Type::BOOL) => (*i != 0).to_sql(ty, out),
            (Value::Real(r), &Type::FLOAT8) => r.to_sql(ty, out),
            (Value::Real(r), &Type::FLOAT4) => (*r as f32).to_sql(ty, out),
            (Value::Bool(b), &Type::BOOL) => b.to_sql(ty, out),
            // PostgreSQL text cannot hold NUL; a space has the same length in bytes, so
            // every offset into the body still points where it did.
            (Value::Text(t), _) if <&str as ToSql>::accepts(ty) && t.contains('\0') => {
                t.replace('\0', " ").as_str().to_sql(ty, out)
            }
            (Value::Text(t), _) if <&str as ToSql>::accepts(ty) => t.as_str().to_sql(ty, out),
            (v, ty) => Err(format!("cannot send {v:?} as PostgreSQL {ty}").into()),
        }
    }

    fn accepts(_ty: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

/// Which database a [`crate::Store`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Prepared PostgreSQL statements are reused by SQL text; past this many the cache is
/// dropped (an ingest's candidate query and span update have one shape per number of keys
/// or clusters in a batch, so a long ingest gets there; re-preparing costs a round trip).
const PG_STATEMENT_CACHE: usize = 512;

/// Rows per multi-row INSERT on SQLite: a few statement shapes, 200 × 32 columns well
/// under SQLite's 32,766 parameters.
const SQLITE_ROWS_PER_INSERT: usize = 200;

pub(crate) enum Conn {
    Sqlite(rusqlite::Connection),
    Postgres {
        client: Box<postgres::Client>,
        statements: HashMap<String, postgres::Statement>,
    },
}

/// `$1` → `?1`: our SQL has no `$` anywhere but in placeholders.
fn sqlite_sql(sql: &str) -> String {
    sql.replace('$', "?")
}

impl Conn {
    pub fn backend(&self) -> Backend {
        match self {
            Conn::Sqlite(_) => Backend::Sqlite,
            Conn::Postgres { .. } => Backend::Postgres,
        }
    }

    /// Runs a script of statements without parameters (migrations, BEGIN/COMMIT).
    pub fn script(&mut self, sql: &str) -> Result<(), StoreError> {
        match self {
            Conn::Sqlite(c) => c.execute_batch(sql)?,
            Conn::Postgres { client, .. } => client.batch_execute(sql)?,
        }
        Ok(())
    }

    pub fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, StoreError> {
        match self {
            Conn::Sqlite(c) => {
                let mut stmt = c.prepare_cached(&sqlite_sql(sql))?;
                Ok(stmt.execute(rusqlite::params_from_iter(params.iter()))? as u64)
            }
            Conn::Postgres { client, statements } => {
                let stmt = pg_statement(client, statements, sql)?;
                let refs: Vec<&(dyn ToSql + Sync)> =
                    params.iter().map(|p| p as &(dyn ToSql + Sync)).collect();
                Ok(client.execute(&stmt, &refs)?)
            }
        }
    }

    pub fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Vec<Value>>, StoreError> {
        match self {
            Conn::Sqlite(c) => {
                let mut stmt = c.prepare_cached(&sqlite_sql(sql))?;
                let n = stmt.column_count();
                let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
                let mut out = Vec::new();
                while let Some(row) = rows.next()? {
                    let mut cells = Vec::with_capacity(n);
                    for i in 0..n {
                        use rusqlite::types::ValueRef;
                        cells.push(match row.get_ref(i)? {
                            ValueRef::Null => Value::Null,
                            ValueRef::Integer(i) => Value::Int(i),
                            ValueRef::Real(r) => Value::Real(r),
                            ValueRef::Text(t) | ValueRef::Blob(t) => {
                                Value::Text(String::from_utf8_lossy(t).into_owned())
                            }
                        });
                    }
                    out.push(cells);
                }
                Ok(out)
            }
            Conn::Postgres { client, statements } => {
                let stmt = pg_statement(client, statements, sql)?;
                let refs: Vec<&(dyn ToSql + Sync)> =
                    params.iter().map(|p| p as &(dyn ToSql + Sync)).collect();
                let rows = client.query(&stmt, &refs)?;
                rows.iter().map(pg_row).collect()
            }
        }
    }

    /// `n` fresh ids for new rows of `table`, ascending, for rows written in bulk (COPY
    /// returns no ids, and the children of a document need its id). Called under the write
    /// lock: on SQLite the next ids after the largest stored (what SQLite itself assigns
    /// to an `INTEGER PRIMARY KEY`), on PostgreSQL values of the table's identity
    /// sequence (which every writer draws from, so never one another writer holds).
    pub fn reserve_ids(&mut self, table: &str, n: usize) -> Result<Vec<i64>, StoreError> {
        if n == 0 {
            return Ok(Vec::new());
        }
        match self {
            Conn::Sqlite(_) => {
                let max = self
                    .query_one(&format!("SELECT COALESCE(MAX(id), 0) FROM {table}"), &[])?
                    .int();
                Ok((1..=n as i64).map(|i| max + i).collect())
            }
            Conn::Postgres { .. } => {
                let mut ids: Vec<i64> = self
                    .query(
                        "SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM generate_series(1, $2)",
                        &[table.into(), n.into()],
                    )?
                    .iter()
                    .map(|r| r[0].int())
                    .collect();
                ids.sort_unstable();
                Ok(ids)
            }
        }
    }

    /// Writes `rows` into `table (columns)`: on PostgreSQL with one binary `COPY` (no
    /// statement per row or per chunk, no text escaping: the values go as [`ToSql`] does
    /// for parameters, NUL bytes included), on SQLite with multi-row INSERTs whose
    /// prepared statements are reused (SQLite has no round trips to save; what costs is
    /// preparing and stepping statements).
    pub fn bulk_insert(
        &mut self,
        table: &str,
        columns: &[&str],
        rows: &[Vec<Value>],
    ) -> Result<(), StoreError> {
        if rows.is_empty() {
            return Ok(());
        }
        match self {
            Conn::Sqlite(_) => {
                for chunk in rows.chunks(SQLITE_ROWS_PER_INSERT) {
                    let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
                    for r in 0..chunk.len() {
                        sql.push_str(if r > 0 { ", (" } else { "(" });
                        for c in 0..columns.len() {
                            if c > 0 {
                                sql.push_str(", ");
                            }
                            sql.push_str(&format!("${}", r * columns.len() + c + 1));
                        }
                        sql.push(')');
                    }
                    let params: Vec<Value> = chunk.iter().flatten().cloned().collect();
                    self.execute(&sql, &params)?;
                }
                Ok(())
            }
            Conn::Postgres { client, statements } => {
                let list = columns.join(", ");
                // The column types, from a statement prepared once per table and kept.
                let shape = pg_statement(
                    client,
                    statements,
                    &format!("SELECT {list} FROM {table} LIMIT 0"),
                )?;
                let types: Vec<Type> = shape.columns().iter().map(|c| c.type_().clone()).collect();
                let sink =
                    client.copy_in(&format!("COPY {table} ({list}) FROM STDIN (FORMAT binary)"))?;
                let mut writer = postgres::binary_copy::BinaryCopyInWriter::new(sink, &types);
                for row in rows {
                    let refs: Vec<&(dyn ToSql + Sync)> =
                        row.iter().map(|p| p as &(dyn ToSql + Sync)).collect();
                    writer.write(&refs)?;
                }
                writer.finish()?;
                Ok(())
            }
        }
    }

    /// The first column of the first row, if any.
    pub fn query_one(&mut self, sql: &str, params: &[Value]) -> Result<Value, StoreError> {
        Ok(self
            .query(sql, params)?
            .into_iter()
            .next()
            .and_then(|r| r.into_iter().next())
            .unwrap_or(Value::Null))
    }
}

fn pg_statement(
    client: &mut postgres::Client,
    statements: &mut HashMap<String, postgres::Statement>,
    sql: &str,
) -> Result<postgres::Statement, StoreError> {
    if let Some(s) = statements.get(sql) {
        return Ok(s.clone());
    }
    if statements.len() >= PG_STATEMENT_CACHE {
        statements.clear();
    }
    let stmt = client.prepare(sql)?;
    statements.insert(sql.to_string(), stmt.clone());
    Ok(stmt)
}

fn pg_row(row: &postgres::Row) -> Result<Vec<Value>, StoreError> {
    let mut cells = Vec::with_capacity(row.len());
    for (i, col) in row.columns().iter().enumerate() {
        let ty = col.type_();
        let v = match *ty {
            Type::INT8 => row.try_get::<_, Option<i64>>(i)?.map(Value::Int),
            Type::INT4 => row
                .try_get::<_, Option<i32>>(i)?
                .map(|x| Value::Int(x.into())),
            Type::INT2 => row
                .try_get::<_, Option<i16>>(i)?
                .map(|x| Value::Int(x.into())),
            Type::FLOAT8 => row.try_get::<_, Option<f64>>(i)?.map(Value::Real),
            Type::FLOAT4 => row
                .try_get::<_, Option<f32>>(i)?
                .map(|x| Value::Real(x.into())),
            Type::BOOL => row.try_get::<_, Option<bool>>(i)?.map(Value::Bool),
            _ if <&str as postgres::types::FromSql>::accepts(ty) => {
                row.try_get::<_, Option<String>>(i)?.map(Value::Text)
            }
            _ => {
                return Err(StoreError::Schema(format!(
                    "column {} has unsupported type {ty}",
                    col.name()
                )))
            }
        };
        cells.push(v.unwrap_or(Value::Null));
    }
    Ok(cells)
}

#[cfg(test)]
mod tests {
    use super::sqlite_sql;

    #[test]
    fn placeholders_become_sqlite_numbered_parameters() {
        assert_eq!(
            sqlite_sql("SELECT a FROM t WHERE b = $1 AND c LIKE $12"),
            "SELECT a FROM t WHERE b = ?1 AND c LIKE ?12"
        );
    }
}
