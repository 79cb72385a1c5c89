//! Parquet export with the low-level `parquet` writer (no Arrow): the [`COLUMNS`], typed,
//! in row groups of [`ROW_GROUP`] events, Snappy-compressed.

use std::io::Write;
use std::sync::Arc;

use parquet::basic::{Compression, ConvertedType, LogicalType, Repetition, Type as Physical};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;

use super::columns::{cells, Cell, ColumnKind, COLUMNS};
use crate::{Filter, Result, Store};

/// Events per row group.
const ROW_GROUP: usize = 65_536;

fn schema() -> Result<Arc<Type>> {
    let mut fields = Vec::with_capacity(COLUMNS.len());
    for &(name, kind, nullable) in COLUMNS {
        let repetition = if nullable { Repetition::OPTIONAL } else { Repetition::REQUIRED };
        let b = match kind {
            ColumnKind::Int64 => Type::primitive_type_builder(name, Physical::INT64),
            ColumnKind::Int32 => Type::primitive_type_builder(name, Physical::INT32),
            ColumnKind::Double => Type::primitive_type_builder(name, Physical::DOUBLE),
            ColumnKind::Bool => Type::primitive_type_builder(name, Physical::BOOLEAN),
            ColumnKind::Utf8 => Type::primitive_type_builder(name, Physical::BYTE_ARRAY)
                .with_logical_type(Some(LogicalType::String))
                .with_converted_type(ConvertedType::UTF8),
            ColumnKind::Date => Type::primitive_type_builder(name, Physical::INT32)
                .with_logical_type(Some(LogicalType::Date))
                .with_converted_type(ConvertedType::DATE),
        };
        fields.push(Arc::new(b.with_repetition(repetition).build()?));
    }
    Ok(Arc::new(Type::group_type_builder("casus_event").with_fields(fields).build()?))
}

/// One column's buffered values and definition levels.
enum Buf {
    I64(Vec<i64>),
    I32(Vec<i32>),
    F64(Vec<f64>),
    Bool(Vec<bool>),
    Str(Vec<ByteArray>),
}

struct Column {
    buf: Buf,
    defs: Vec<i16>,
    nullable: bool,
}

impl Column {
    fn new(kind: ColumnKind, nullable: bool) -> Column {
        let buf = match kind {
            ColumnKind::Int64 => Buf::I64(Vec::new()),
            ColumnKind::Int32 | ColumnKind::Date => Buf::I32(Vec::new()),
            ColumnKind::Double => Buf::F64(Vec::new()),
            ColumnKind::Bool => Buf::Bool(Vec::new()),
            ColumnKind::Utf8 => Buf::Str(Vec::new()),
        };
        Column { buf, defs: Vec::new(), nullable }
    }

    fn push(&mut self, cell: Cell) {
        let present = match (&mut self.buf, cell) {
            (Buf::I64(v), Cell::Int(Some(x))) => {
                v.push(x);
                true
            }
            (Buf::I32(v), Cell::Int(Some(x))) => {
                v.push(i32::try_from(x).unwrap_or(i32::MAX));
                true
            }
            (Buf::I32(v), Cell::Day(Some(d))) => {
                v.push(i32::try_from(d.to_days()).unwrap_or(0));
                true
            }
            (Buf::F64(v), Cell::Float(Some(x))) => {
                v.push(x);
                true
            }
            (Buf::Bool(v), Cell::Bool(b)) => {
                v.push(b);
                true
            }
            (Buf::Str(v), Cell::Text(Some(s))) => {
                v.push(ByteArray::from(s.into_bytes()));
                true
            }
            _ => false,
        };
        self.defs.push(i16::from(present));
    }

    fn clear(&mut self) {
        self.defs.clear();
        match &mut self.buf {
            Buf::I64(v) => v.clear(),
            Buf::I32(v) => v.clear(),
            Buf::F64(v) => v.clear(),
            Buf::Bool(v) => v.clear(),
            Buf::Str(v) => v.clear(),
        }
    }
}

struct Writer<W: Write + Send> {
    file: SerializedFileWriter<W>,
    columns: Vec<Column>,
    rows: usize,
}

impl<W: Write + Send> Writer<W> {
    fn flush_group(&mut self) -> Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let mut rg = self.file.next_row_group()?;
        let mut k = 0;
        while let Some(mut cw) = rg.next_column()? {
            let Some(col) = self.columns.get(k) else {
                break;
            };
            let defs = col.nullable.then_some(col.defs.as_slice());
            match &col.buf {
                Buf::I64(v) => cw.typed::<Int64Type>().write_batch(v, defs, None)?,
                Buf::I32(v) => cw.typed::<Int32Type>().write_batch(v, defs, None)?,
                Buf::F64(v) => cw.typed::<DoubleType>().write_batch(v, defs, None)?,
                Buf::Bool(v) => cw.typed::<BoolType>().write_batch(v, defs, None)?,
                Buf::Str(v) => cw.typed::<ByteArrayType>().write_batch(v, defs, None)?,
            };
            cw.close()?;
            k += 1;
        }
        rg.close()?;
        for c in &mut self.columns {
            c.clear();
        }
        self.rows = 0;
        Ok(())
    }
}

pub(crate) fn write<W: Write + Send>(store: &Store, filter: &Filter, out: W) -> Result<usize> {
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_created_by(format!("casus {}", env!("CARGO_PKG_VERSION")))
        .build();
    let mut w = Writer {
        file: SerializedFileWriter::new(out, schema()?, Arc::new(props))?,
        columns: COLUMNS.iter().map(|&(_, kind, nullable)| Column::new(kind, nullable)).collect(),
        rows: 0,
    };
    let mut n = 0;
    store.for_each(filter, |e| {
        for (c, cell) in w.columns.iter_mut().zip(cells(&e)) {
            c.push(cell);
        }
        w.rows += 1;
        n += 1;
        if w.rows >= ROW_GROUP {
            w.flush_group()?;
        }
        Ok(())
    })?;
    w.flush_group()?;
    w.file.close()?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_has_every_column() {
        let s = schema().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.get_fields().len(), COLUMNS.len());
    }
}
