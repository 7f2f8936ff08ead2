//! TempEval-3 (TBAQ-cleaned + platinum) figures: relaxed extent P/R/F1 and value
//! accuracy of the found gold TIMEX3 by type. Needs `../shared` (or `ARAS_SHARED`).

#[test]
fn tempeval3_figures() {
    let dir = aras_testkit::require_shared!("data/corpora/temporal_tempeval3");
    let s = aras_time::eval::tempeval3(&dir).expect("read TempEval-3");
    println!(
        "temporal_tempeval3: {} files, {} gold, {} extracted; relaxed extent P {:.3} R {:.3} F1 {:.3}",
        s.files,
        s.gold,
        s.system,
        s.precision(),
        s.recall(),
        s.f1()
    );
    for (kind, t) in &s.by_type {
        println!(
            "  {kind:<8} gold {:>4} found {:>4} value accuracy {:.3}",
            t.gold,
            t.matched,
            s.type_accuracy(kind)
        );
    }
    println!("  value accuracy on found: {:.3}", s.value_accuracy());
    if std::env::var_os("ARAS_TIME_DUMP").is_some() {
        for e in &s.value_errors {
            println!(
                "VALUE\t{}\t{}\t{}\t{}\t{}",
                e.file, e.gold_text, e.gold_value, e.text, e.value
            );
        }
        for (f, t, v) in &s.missed {
            println!("MISSED\t{f}\t{t}\t{v}");
        }
        for (f, t, v) in &s.spurious {
            println!("SPURIOUS\t{f}\t{t}\t{v}");
        }
    }
    assert!(s.f1() >= 0.89, "relaxed extent F1 below its floor");
    assert!(s.value_accuracy() >= 0.84, "value accuracy below its floor");
}
