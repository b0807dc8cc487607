use super::*;

#[test]
fn sniffs_delimiters() {
    assert_eq!(sniff_delimiter(b"number;added"), b';');
    assert_eq!(sniff_delimiter(b"number\tadded"), b'\t');
    assert_eq!(sniff_delimiter(b"number,added"), b',');
    assert_eq!(sniff_delimiter(b"number"), b',');
}

/// Writes `bytes` to a file in a fresh temporary directory.
fn file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    (dir, path)
}

/// Reads every row of the number column of `path`.
fn read_all(path: &Path) -> Result<TableSummary, SourceError> {
    open(path, &["number"], &[], &TableOptions::default())?.for_each(usize::MAX, |_| Ok(()))
}

/// A gzip member holding `bytes`; members concatenated are one stream to the reader.
fn gzip_member(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip")
}

#[test]
fn a_field_past_the_limit_is_refused_with_its_line() {
    let mut csv = b"number,added\n91234567,2024-01-01\n".to_vec();
    csv.extend(std::iter::repeat_n(b'9', 2 << 20));
    csv.extend(b",2024-01-01\n91234568,\n");
    let (_dir, path) = file("long-field.csv", &csv);
    let err = read_all(&path).expect_err("a 2 MiB field");
    let message = err.to_string();
    assert!(
        matches!(err, SourceError::Limit { line: 3, .. }),
        "{message}"
    );
    assert!(
        message.contains("long-field.csv") && message.contains("line 3"),
        "{message}"
    );
}

#[test]
fn an_unclosed_quote_is_refused_at_its_line_not_read_to_the_end() {
    let mut csv = b"number,added\n\"91234567,2024-01-01\n".to_vec();
    for i in 0..200_000u32 {
        csv.extend(format!("9{:07},2024-01-01\n", i).as_bytes());
    }
    let (_dir, path) = file("unclosed.csv", &csv);
    let err = read_all(&path).expect_err("2 MiB in one quoted field");
    assert!(matches!(err, SourceError::Limit { line: 2, .. }), "{err}");
}

#[test]
fn many_columns_and_quoted_newlines_within_the_limits_are_read() {
    let mut csv = (0..2000)
        .map(|i| format!("c{i}"))
        .collect::<Vec<_>>()
        .join(",");
    csv.insert_str(0, "number,");
    csv.push('\n');
    for _ in 0..3 {
        csv.push_str("91234567,");
        csv.push_str(&vec!["\"a, \"\"quoted\"\"\nfield\""; 2000].join(","));
        csv.push('\n');
    }
    let (_dir, path) = file("wide.csv", csv.as_bytes());
    assert_eq!(read_all(&path).expect("wide rows").rows, 3);
}

#[test]
fn a_gzip_bomb_of_empty_lines_is_refused_by_its_ratio() {
    let mut gz = gzip_member(b"number\n");
    let member = gzip_member(&vec![b'\n'; 1 << 20]);
    for _ in 0..200 {
        gz.extend_from_slice(&member);
    }
    let (_dir, path) = file("bomb.csv.gz", &gz);
    let err = read_all(&path).expect_err("200 MiB from 200 KB");
    assert!(matches!(err, SourceError::Limit { .. }), "{err}");
    assert!(err.to_string().contains("bomb.csv.gz"), "{err}");
}

#[test]
fn bad_rows_are_counted_but_only_the_first_are_kept() {
    let mut csv = b"number\n".to_vec();
    for _ in 0..50_000 {
        csv.extend(b"x\n");
    }
    let (_dir, path) = file("bad.csv", &csv);
    let t = open(&path, &["number"], &[], &TableOptions::default()).expect("open");
    let summary = t
        .for_each(usize::MAX, |_| Err("bad".into()))
        .expect("all tolerated");
    assert_eq!(summary.bad_rows, 50_000);
    assert_eq!(summary.errors.len(), MAX_KEPT_ROW_ERRORS);
    let t = open(&path, &["number"], &[], &TableOptions::default()).expect("open");
    match t.for_each(10, |_| Err("bad".into())) {
        Err(SourceError::BadRows { total, first, .. }) => {
            assert_eq!((total, first.len()), (50_000, 20));
        }
        other => panic!("{other:?}"),
    }
}

proptest::proptest! {
    // 256 cases, or `PROPTEST_CASES`.
    #![proptest_config(proptest::prelude::ProptestConfig::default())]

    /// The guard follows the CSV structure exactly as the reader parses it: a file of
    /// records no longer than the limit is read unchanged, and one byte less refuses the
    /// longest record at its line.
    #[test]
    fn the_guard_measures_records_as_the_reader_parses_them(
        records in proptest::collection::vec(
            proptest::collection::vec("[a\",;\n\r ]{0,10}", 1..5),
            1..12,
        ),
        semicolon in proptest::bool::ANY,
        crlf in proptest::bool::ANY,
    ) {
        let delimiter = if semicolon { b';' } else { b',' };
        let (terminator, terminator_len) = if crlf {
            (csv::Terminator::CRLF, 2)
        } else {
            (csv::Terminator::Any(b'\n'), 1)
        };
        let mut bytes = Vec::new();
        let (mut longest, mut longest_line, mut lines) = (0u64, 0u64, 1u64);
        for record in &records {
            let mut w = csv::WriterBuilder::new()
                .delimiter(delimiter)
                .terminator(terminator)
                .from_writer(Vec::new());
            w.write_record(record).expect("write to a Vec");
            let raw = w.into_inner().expect("flush to a Vec");
            let len = raw.len() as u64 - terminator_len;
            if len > longest {
                (longest, longest_line) = (len, lines);
            }
            lines += raw.iter().filter(|&&b| b == b'\n').count() as u64;
            bytes.extend_from_slice(&raw);
        }
        let (_dir, path) = file("p.csv", &bytes);
        let exact = Limits {
            max_record_bytes: longest,
            max_field_bytes: longest,
            ..Limits::DEFAULT
        };
        let mut r = reader_with(&path, Some(delimiter as char), exact).expect("open");
        let mut read = vec![r.byte_headers().expect("header").clone()];
        let mut record = csv::ByteRecord::new();
        while r.read_byte_record(&mut record).expect("within the limits") {
            read.push(record.clone());
        }
        let read: Vec<Vec<&[u8]>> = read.iter().map(|r| r.iter().collect()).collect();
        let written: Vec<Vec<&[u8]>> = records
            .iter()
            .map(|r| r.iter().map(|f| f.as_bytes()).collect())
            .collect();
        proptest::prop_assert_eq!(read, written);

        let short = Limits { max_record_bytes: longest - 1, ..Limits::DEFAULT };
        let mut r = reader_with(&path, Some(delimiter as char), short).expect("open");
        let mut failed = r.byte_headers().err();
        while failed.is_none() {
            match r.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => failed = Some(e),
            }
        }
        match failed.map(|e| csv_error("p.csv", e)) {
            Some(SourceError::Limit { line, limit: Limit::Record { .. }, .. }) => {
                proptest::prop_assert_eq!(line, longest_line);
            }
            other => proptest::prop_assert!(false, "{other:?}"),
        }
    }
}

proptest::proptest! {
    // 256 cases, or `PROPTEST_CASES`.
    #![proptest_config(proptest::prelude::ProptestConfig::default())]

    /// On any bytes at all, a record the guard lets through is within the limits as the
    /// reader parsed it (fields, delimiters between them; quotes removed).
    #[test]
    fn the_guard_never_lets_a_longer_record_through(
        bytes in proptest::collection::vec(
            proptest::sample::select(b"a,\"\n\r ".to_vec()),
            0..400,
        ),
    ) {
        let (_dir, path) = file("p.csv", &bytes);
        let limits = Limits { max_record_bytes: 24, max_field_bytes: 10, ..Limits::DEFAULT };
        let mut r = reader_with(&path, Some(','), limits).expect("open");
        let mut record = csv::ByteRecord::new();
        let mut first = r.byte_headers().ok().cloned();
        loop {
            let got = match first.take() {
                Some(header) => header,
                None => match r.read_byte_record(&mut record) {
                    Ok(true) => record.clone(),
                    Ok(false) | Err(_) => break,
                },
            };
            let content = got.as_slice().len() + got.len().saturating_sub(1);
            proptest::prop_assert!(content <= 24, "{got:?}");
            proptest::prop_assert!(got.iter().all(|f| f.len() <= 10), "{got:?}");
        }
    }
}

#[test]
fn stray_quotes_inside_unquoted_fields_open_no_quote() {
    // As the reader parses it, a quote opens a quoted field only at the field's start.
    let mut csv = b"id,number,product\n".to_vec();
    for i in 0..100_000u32 {
        csv.extend(format!("{i},9{:07},24\" TV\n", i).as_bytes());
    }
    let (_dir, path) = file("inches.csv", &csv);
    let mut r = reader_with(
        &path,
        None,
        Limits {
            max_record_bytes: 24,
            ..Limits::DEFAULT
        },
    )
    .expect("open");
    let mut record = csv::ByteRecord::new();
    let mut rows = 0;
    while r.read_byte_record(&mut record).expect("rows of 24 bytes") {
        rows += 1;
    }
    assert_eq!(rows, 100_000);
}

#[test]
fn flags() {
    assert_eq!(parse_flag(b"Ja"), Ok(true));
    assert_eq!(parse_flag(b""), Ok(false));
    assert!(parse_flag(b"maybe").is_err());
}
