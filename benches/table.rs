//! What the reading limits of `sources::table` cost: every record of a national-register-shaped
//! file (with person columns) read through the guarded reader every import and build uses,
//! against a bare CSV reader of the same bytes (what the reader was before the limits). Plain
//! and gzip. Run: `cargo bench --bench table`.
use std::hint::black_box;
use std::io::{BufReader, Read, Write};
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const ROWS: u64 = 200_000;

/// A national register of `ROWS` rows, about 110 bytes each.
fn register(path: &Path) -> u64 {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    writeln!(out, "number,telephone,addressed_mail,voluntary,registered,given_names,surname,street,house_number,house_letter,postcode,city,birth_date,national_id").expect("write");
    for i in 0..ROWS {
        let number = if i % 3 == 0 {
            format!("9{:07}", i)
        } else {
            String::new()
        };
        writeln!(
            out,
            "{number},1,{},0,2019-03-01,Kari Anne,Nordmann-{},\"Storgata, inngang {}\",{},B,{:04},OSLO,1980-0{}-1{},",
            i % 2,
            i % 977,
            i % 7,
            i % 150,
            i % 9000,
            i % 9 + 1,
            i % 9
        )
        .expect("write");
    }
    out.flush().expect("flush");
    std::fs::metadata(path).expect("stat").len()
}

fn records(reader: &mut csv::Reader<impl Read>) -> u64 {
    let mut record = csv::ByteRecord::new();
    let mut n = 0;
    while reader.read_byte_record(&mut record).expect("read") {
        n += record.len() as u64;
    }
    n
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let plain = dir.path().join("register.csv");
    let bytes = register(&plain);
    let gz = dir.path().join("register.csv.gz");
    let mut e = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).expect("create"),
        flate2::Compression::default(),
    );
    e.write_all(&std::fs::read(&plain).expect("read"))
        .expect("gzip");
    e.finish().expect("gzip");

    let mut group = c.benchmark_group("table");
    group.sample_size(20);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    group.throughput(Throughput::Bytes(bytes));
    let bare = |path: &Path| -> csv::Reader<Box<dyn Read>> {
        let file = BufReader::with_capacity(1 << 20, std::fs::File::open(path).expect("open"));
        let input: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
            Box::new(BufReader::new(flate2::bufread::MultiGzDecoder::new(file)))
        } else {
            Box::new(file)
        };
        csv::ReaderBuilder::new().flexible(true).from_reader(input)
    };
    for (name, path) in [("plain", &plain), ("gzip", &gz)] {
        group.bench_function(format!("bare_csv_{name}"), |b| {
            b.iter(|| records(&mut bare(black_box(path))))
        });
        group.bench_function(format!("guarded_{name}"), |b| {
            b.iter(|| {
                records(&mut vask::sources::table::reader(black_box(path), None).expect("open"))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
