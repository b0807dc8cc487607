//! Throughput of phone-number normalisation on the common Norwegian shapes, and of
//! `validate_e164` on the wash hot path. Run: `cargo bench --bench normalise`.
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use vask::number::{Normaliser, Region};

/// 1024 mobile numbers in each of the four common shapes.
fn inputs() -> Vec<String> {
    let mut out = Vec::with_capacity(4096);
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in 0..4096u64 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let nsn = 90_000_000 + x % 10_000_000;
        let (a, b, c) = (nsn / 100_000, nsn / 1000 % 100, nsn % 1000);
        out.push(match i % 4 {
            0 => format!("{nsn}"),
            1 => format!("+47{nsn}"),
            2 => format!("+47 {a} {b:02} {c:03}"),
            _ => format!("0047{nsn}"),
        });
    }
    out
}

fn bench(c: &mut Criterion) {
    let normaliser = Normaliser::new(Region::NORWAY);
    let raw = inputs();
    let e164: Vec<u64> = raw
        .iter()
        .filter_map(|r| normaliser.normalise(r).ok())
        .map(|n| n.e164())
        .collect();
    let mut group = c.benchmark_group("number");
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Elements(raw.len() as u64));
    group.bench_function("normalise_no_shapes", |b| {
        b.iter(|| {
            raw.iter()
                .filter(|r| normaliser.normalise(black_box(r)).is_ok())
                .count()
        })
    });
    group.bench_function("normalise_bytes_no_shapes", |b| {
        b.iter(|| {
            raw.iter()
                .filter(|r| normaliser.normalise_bytes(black_box(r.as_bytes())).is_ok())
                .count()
        })
    });
    group.throughput(Throughput::Elements(e164.len() as u64));
    group.bench_function("validate_e164_no", |b| {
        b.iter(|| {
            e164.iter()
                .filter(|n| normaliser.validate_e164(black_box(**n)).is_ok())
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
