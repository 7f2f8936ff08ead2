//! `aras eval`: the project's own measurements on annotated corpora, printed as the
//! figures the README and the issues quote.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use aras_nlp::conllu;
use rayon::prelude::*;

use crate::{model_source, ExitCode};

/// Measure aras on an annotated corpus.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub what: What,
}

#[derive(clap::Subcommand, Debug)]
pub enum What {
    /// Sentence-boundary precision, recall and F1 against gold CoNLL-U documents (their
    /// `# text` lines, joined per paragraph), e.g. ../shared/data/ud/gum-news.
    Sentences {
        #[arg(value_name = "DIR", default_value = "../shared/data/ud/gum-news")]
        dir: PathBuf,
        /// Also list every missed and spurious boundary in context.
        #[arg(long)]
        verbose: bool,
    },
    /// How often the tokenizer reproduces a treebank's words exactly, per sentence.
    Tokens {
        #[arg(
            value_name = "FILE",
            default_value = "../shared/data/ud/en_ewt-ud-dev.conllu"
        )]
        file: PathBuf,
    },
    /// TempEval-3 (TimeML): time-expression extent P/R/F1 (overlap) and TIMEX3 value
    /// accuracy on the matched expressions, the document creation time as document date.
    Times {
        #[arg(
            value_name = "DIR",
            default_value = "../shared/data/corpora/temporal_tempeval3"
        )]
        dir: PathBuf,
    },
    /// PolNeAR: direct-quote recall/precision and speaker attribution accuracy.
    Quotes {
        #[arg(
            value_name = "DIR",
            default_value = "../shared/data/corpora/quotes_polnear"
        )]
        dir: PathBuf,
    },
    /// CoNLL-2003: PER/ORG/LOC span F1 of the actor mentions (capitalised mentions only;
    /// MISC ignored), with the tagger/parser.
    Ner {
        #[arg(
            value_name = "FILE",
            default_value = "../shared/data/corpora/ner_conll2003_en/eng.testa"
        )]
        file: PathBuf,
        /// Tagger/parser model file (default: $ARAS_MODEL, else the built-in model).
        #[arg(long, value_name = "PATH")]
        model: Option<PathBuf>,
    },
    /// Events per 1,000 sentences over a corpus (any input `analyze` reads), how many count
    /// as happened (asserted or reported, not negated), and the spread over CAMEO roots.
    Events {
        #[arg(
            value_name = "INPUT",
            default_value = "../shared/data/corpora/news_afp_xinhua_te3/articles.jsonl"
        )]
        inputs: Vec<PathBuf>,
        /// Tagger/parser model file (default: $ARAS_MODEL, else the built-in model).
        #[arg(long, value_name = "PATH")]
        model: Option<PathBuf>,
    },
    /// The PETRARCH unit-test records: share of records whose full event set (source,
    /// target, CAMEO code) aras codes exactly, with the dictionaries the records file names
    /// (imported from its folder), and why the others fail. The records' parse trees are
    /// not used: aras parses each sentence itself.
    Petrarch {
        #[arg(
            value_name = "FILE",
            default_value = "../shared/data/eventdata/petrarch2/PETR.UnitTest.records.xml"
        )]
        file: PathBuf,
        /// Tagger/parser model file (default: $ARAS_MODEL, else the built-in model).
        #[arg(long, value_name = "PATH")]
        model: Option<PathBuf>,
        /// Also print every failing record with the expected and coded events.
        #[arg(long)]
        verbose: bool,
    },
    /// PLOVER event-type accuracy on the PLOVER gold-standard records: the share of
    /// records for which an event aras codes in the text has the record's type.
    Plover {
        #[arg(
            value_name = "FILE",
            default_value = "../shared/data/corpora/events_plover_gsr/PLOVER_GSR_CAMEO.json"
        )]
        file: PathBuf,
        /// Tagger/parser model file (default: $ARAS_MODEL, else the built-in model).
        #[arg(long, value_name = "PATH")]
        model: Option<PathBuf>,
        /// Also print every missed record with what was coded.
        #[arg(long)]
        verbose: bool,
    },
    /// CASE 2021 task 2 snippets (ACLED-style types): per family (violence, protest,
    /// force against protest, arrest and seizure, diplomacy and agreement) the share of
    /// snippets with a factual event of a fitting CAMEO root, and disaster snippets coded
    /// as violence (families: crates/pipeline/src/case.rs).
    Case {
        #[arg(
            value_name = "FILE",
            default_value = "../shared/data/corpora/events_case2021_task2/snippets_with_labels.tsv"
        )]
        file: PathBuf,
        /// Tagger/parser model file (default: $ARAS_MODEL, else the built-in model).
        #[arg(long, value_name = "PATH")]
        model: Option<PathBuf>,
        /// Also print every missed snippet (and every disaster coded as violence) with
        /// what was coded.
        #[arg(long)]
        verbose: bool,
    },
    /// The project's probe sentences (`eval/probes.tsv`: wire-style sentences we wrote,
    /// with the events they must and must not code): expectations met, negatives violated.
    Probes {
        #[arg(value_name = "FILE", default_value = "eval/probes.tsv")]
        file: PathBuf,
        /// Tagger/parser model file (default: $ARAS_MODEL, else the built-in model).
        #[arg(long, value_name = "PATH")]
        model: Option<PathBuf>,
        /// Also print every probe that misses or violates, with what was coded.
        #[arg(long)]
        verbose: bool,
    },
    /// The project's development gold set (hand-annotated articles, `eval/gold/`):
    /// required-event recall, precision floor and negatives violated (micro, as
    /// ../shared/tools/score.py counts them), per half, per CAMEO root and per document,
    /// with actor, quote and time figures. The articles are read from the shared data
    /// folder the gold files point into.
    Gold {
        /// A gold folder (`docs/*.gold.json` and `documents.tsv` with the halves) or one
        /// gold file.
        #[arg(value_name = "DIR", default_value = "eval/gold")]
        dir: PathBuf,
        /// Only this half (`tune` or `check`); both are reported by default.
        #[arg(long, value_name = "HALF")]
        half: Option<String>,
        /// The shared data folder the gold files' `text_ref` paths are relative to.
        #[arg(
            long,
            value_name = "DIR",
            env = "ARAS_SHARED",
            default_value = "../shared"
        )]
        shared: PathBuf,
        /// Also list every miss and every coded event no gold event matches, with the
        /// parse of its line.
        #[arg(long)]
        verbose: bool,
        /// The figures as one JSON object (halves, roots, documents) instead of tables.
        #[arg(long)]
        json: bool,
        /// Tagger/parser model file (default: $ARAS_MODEL, else the built-in model).
        #[arg(long, value_name = "PATH")]
        model: Option<PathBuf>,
    },
    /// UPOS, XPOS, UAS and LAS of the model on gold-tokenised CoNLL-U files (LAS on the
    /// universal part of the relation, as ../shared/tools/conllu_eval.py scores it).
    Syntax {
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// Tagger/parser model file (default: $ARAS_MODEL, else the built-in model).
        #[arg(long, value_name = "PATH")]
        model: Option<PathBuf>,
    },
}

pub fn run(args: Args) -> Result<ExitCode> {
    match args.what {
        What::Sentences { dir, verbose } => {
            let s = aras_text::eval::sentence_boundary_scores(&dir)
                .with_context(|| format!("cannot read {}", dir.display()))?;
            for f in &s.files {
                println!(
                    "{:40} gold {:4} predicted {:4} correct {:4}",
                    f.name, f.gold, f.predicted, f.correct
                );
                if verbose {
                    f.missed.iter().for_each(|m| println!("    missed   {m}"));
                    f.spurious.iter().for_each(|m| println!("    spurious {m}"));
                }
            }
            println!(
                "sentence boundaries: gold {} predicted {} correct {}  P {:.4} R {:.4} F1 {:.4}",
                s.gold, s.predicted, s.correct, s.precision, s.recall, s.f1
            );
        }
        What::Tokens { file } => {
            let s = aras_text::eval::tokenization_scores(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            println!(
                "tokenisation: sentences exactly right {:.2}%  token F1 {:.4}",
                100.0 * s.sentence_accuracy(),
                s.token_f1()
            );
        }
        What::Times { dir } => {
            let s = aras_time::eval::tempeval3(&dir)
                .with_context(|| format!("cannot read {}", dir.display()))?;
            println!(
                "temporal_tempeval3: extent P {:.3} R {:.3} F1 {:.3}; value accuracy {:.3} (date {:.3}, duration {:.3}, set {:.3})",
                s.precision(),
                s.recall(),
                s.f1(),
                s.value_accuracy(),
                s.type_accuracy("DATE"),
                s.type_accuracy("DURATION"),
                s.type_accuracy("SET")
            );
        }
        What::Quotes { dir } => {
            let s = aras_quotes::eval::polnear(&dir)
                .with_context(|| format!("cannot read {}", dir.display()))?;
            println!(
                "quotes_polnear: quote recall {:.3} precision {:.3}; speaker accuracy {:.3}",
                s.recall(),
                s.precision(),
                s.speaker_accuracy()
            );
        }
        What::Ner { file, model } => {
            let model = model_source::load(model.as_deref(), true)?;
            let s = aras_actors::eval::conll2003(&file, Some(&model))
                .with_context(|| format!("cannot read {}", file.display()))?;
            let f = |t: &aras_actors::eval::TypeScores| {
                format!(
                    "P {:.3} R {:.3} F1 {:.3}",
                    t.precision(),
                    t.recall(),
                    t.f1()
                )
            };
            println!(
                "ner_conll2003_en ({}): PER {}; ORG {}; LOC {}; micro {}",
                file.display(),
                f(&s.per),
                f(&s.org),
                f(&s.loc),
                f(&s.micro())
            );
        }
        What::Events { inputs, model } => events(&inputs, model.as_deref())?,
        What::Petrarch {
            file,
            model,
            verbose,
        } => petrarch(&file, model.as_deref(), verbose)?,
        What::Plover {
            file,
            model,
            verbose,
        } => plover(&file, model.as_deref(), verbose)?,
        What::Case {
            file,
            model,
            verbose,
        } => case(&file, model.as_deref(), verbose)?,
        What::Probes {
            file,
            model,
            verbose,
        } => probes(&file, model.as_deref(), verbose)?,
        What::Gold {
            dir,
            half,
            shared,
            verbose,
            json,
            model,
        } => gold(
            &dir,
            half.as_deref(),
            &shared,
            verbose,
            json,
            model.as_deref(),
        )?,
        What::Syntax { files, model } => {
            let model = model_source::load(model.as_deref(), false)?;
            for file in &files {
                syntax(&model, file)?;
            }
        }
    }
    Ok(ExitCode::Ok)
}

/// Codes every document with the same pipeline as `analyze` and counts its events.
fn events(inputs: &[PathBuf], model: Option<&Path>) -> Result<()> {
    let engine = model_source::engine(model, true)?;
    let inputs: Vec<aras_ingest::Input> = inputs.iter().map(aras_ingest::Input::from_arg).collect();
    let docs: Vec<aras_ingest::Document> = aras_ingest::read_inputs(&inputs)
        .filter_map(|d| d.map_err(|e| eprintln!("aras: {e}")).ok())
        .collect();
    // (sentences, events, happened, events per root) per document, summed afterwards.
    let counts: Vec<(usize, usize, usize, [usize; 21])> = docs
        .par_iter()
        .map(|doc| {
            let r = aras_pipeline::read(&engine, doc);
            let mut roots = [0usize; 21];
            for e in &r.events {
                roots[usize::from(e.root().number())] += 1;
            }
            let happened = r.events.iter().filter(|e| e.is_factual()).count();
            (r.analyzed.sentences.len(), r.events.len(), happened, roots)
        })
        .collect();
    let (mut sentences, mut events, mut happened, mut roots) = (0, 0, 0, [0usize; 21]);
    for (s, e, h, r) in counts {
        sentences += s;
        events += e;
        happened += h;
        roots.iter_mut().zip(r).for_each(|(a, b)| *a += b);
    }
    let per_k = |n: usize| 1000.0 * n as f64 / sentences.max(1) as f64;
    println!(
        "events: {} documents, {sentences} sentences, {events} events ({:.1} per 1,000 sentences), {happened} happened ({:.1} per 1,000)",
        docs.len(),
        per_k(events),
        per_k(happened)
    );
    let spread: Vec<String> = (1..=20)
        .filter(|&r| roots[r] > 0)
        .map(|r| format!("{r:02}:{}", roots[r]))
        .collect();
    println!("by root: {}", spread.join(" "));
    Ok(())
}

/// Runs the PETRARCH unit-test records with the dictionaries they name.
fn petrarch(file: &Path, model: Option<&Path>, verbose: bool) -> Result<()> {
    use aras_pipeline::petrarch;
    let records = petrarch::read_records_file(file)?;
    let dir = file.parent().unwrap_or(Path::new("."));
    let dicts = petrarch::load_dictionaries(dir, &records)?;
    eprintln!(
        "aras: verbs: {} lemmas, {} patterns, {} dictionary patterns skipped, {} codes added; {} dictionary lines not loaded",
        dicts.verbs.verbs,
        dicts.verbs.patterns,
        dicts.verbs.skipped.len(),
        dicts.verbs.added_codes.len(),
        dicts.problems.len()
    );
    let engine = aras_pipeline::Engine {
        model: model_source::load(model, true)?,
        dictionary: dicts.actors,
        lexicon: dicts.lexicon,
        gazetteer: aras_dict::Gazetteer::builtin().context("the built-in gazetteer")?,
    };
    let outcomes: Vec<petrarch::Outcome> = records
        .records
        .par_iter()
        .filter_map(|r| petrarch::run_record(&engine, &dicts.discards, &dicts.verbs, r))
        .collect();
    let total = outcomes.len();
    let passed = outcomes.iter().filter(|o| o.failure.is_none()).count();
    let mut reasons: std::collections::BTreeMap<petrarch::Failure, usize> = Default::default();
    for o in &outcomes {
        if let Some(f) = o.failure {
            *reasons.entry(f).or_default() += 1;
            if verbose {
                println!("FAIL {} [{}] {}", o.id, f.describe(), o.text);
                println!("    expected {:?}", o.expected);
                println!("    coded    {:?}", o.got);
                println!("    {}", o.detail.replace('\n', "\n    "));
            }
        }
    }
    println!(
        "petrarch unit tests: {passed}/{total} records coded exactly ({:.1}%); {} records not scored (no expectation, or a test of bad parse trees)",
        100.0 * passed as f64 / total.max(1) as f64,
        records.records.len() - total
    );
    for (f, n) in reasons {
        println!("  {n:4}  {}", f.describe());
    }
    Ok(())
}

/// PLOVER type accuracy on the GSR records.
fn plover(file: &Path, model: Option<&Path>, verbose: bool) -> Result<()> {
    use aras_pipeline::plover;
    let records = plover::read_gsr(file)?;
    let engine = model_source::engine(model, true)?;
    let outcomes: Vec<plover::GsrOutcome> = records
        .par_iter()
        .filter_map(|r| plover::score_record(&engine, r))
        .collect();
    let n = outcomes.len();
    let hit = outcomes.iter().filter(|o| o.hit).count();
    let coded = outcomes.iter().filter(|o| !o.coded.is_empty()).count();
    if verbose {
        for o in outcomes.iter().filter(|o| !o.hit) {
            println!(
                "MISS {} {}: {}\n    got {:?}",
                o.id, o.gold, o.text, o.coded
            );
        }
    }
    println!(
        "plover gsr: {n} records, {coded} with an event; type accuracy {:.3} ({hit}/{n})",
        hit as f64 / n.max(1) as f64
    );
    Ok(())
}

fn syntax(model: &aras_nlp::model::Model, file: &Path) -> Result<()> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let gold = conllu::parse(&text).with_context(|| format!("{}", file.display()))?;
    let mut pred = gold.clone();
    let started = Instant::now();
    pred.par_iter_mut().for_each(|s| model.annotate(s));
    let secs = started.elapsed().as_secs_f64();
    let s = aras_nlp::model::evaluate(&gold, &pred);
    println!(
        "{}: words={} upos={:.2} xpos={:.2} uas={:.2} las={:.2} ({:.0} words/s)",
        file.display(),
        s.words,
        s.upos,
        s.xpos,
        s.uas,
        s.las,
        s.words as f64 / secs.max(1e-9)
    );
    Ok(())
}

/// `aras eval gold`: every gold document through the whole pipeline, scored as score.py
/// scores it, summed per half.
fn gold(
    dir: &Path,
    half: Option<&str>,
    shared: &Path,
    verbose: bool,
    json: bool,
    model: Option<&Path>,
) -> Result<()> {
    use aras_pipeline::gold::{read_gold, read_halves, score_document, Tally, TextSource};
    if let Some(h) = half {
        anyhow::ensure!(
            h == "tune" || h == "check",
            "--half is tune or check, not {h:?}"
        );
    }
    let (files, halves) = if dir.is_file() {
        (vec![dir.to_path_buf()], Default::default())
    } else {
        let docs = dir.join("docs");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&docs)
            .with_context(|| format!("cannot read {}", docs.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
            .collect();
        files.sort();
        let halves = read_halves(&dir.join("documents.tsv")).unwrap_or_default();
        (files, halves)
    };
    anyhow::ensure!(!files.is_empty(), "no gold files in {}", dir.display());
    if !shared.is_dir() {
        anyhow::bail!(
            "{} not found: the gold files' articles are read from the shared data folder (--shared or ARAS_SHARED)",
            shared.display()
        );
    }
    let mut texts = TextSource::new(shared);
    let mut docs = Vec::new();
    for f in &files {
        let g = read_gold(f)?;
        let h = halves.get(&g.doc_id).cloned().unwrap_or_else(|| "-".into());
        if half.is_some_and(|want| want != h) {
            continue;
        }
        let body = texts.body(&g, f)?;
        docs.push((g, body, h));
    }
    let engine = model_source::engine(model, !json)?;
    let scored: Vec<(aras_pipeline::gold::DocScore, String)> = docs
        .into_par_iter()
        .map(|(g, body, h)| (score_document(&engine, &g, body, verbose), h))
        .collect();
    let mut by_half: std::collections::BTreeMap<String, Tally> = Default::default();
    let mut all = Tally::default();
    for (s, h) in &scored {
        by_half.entry(h.clone()).or_default().add(&s.tally);
        all.add(&s.tally);
    }
    if json {
        let figures = |t: &Tally| {
            serde_json::json!({
                "documents": t.documents, "required": t.required, "found": t.required_found,
                "event_recall": t.event_recall(), "event_precision_floor": t.precision_floor(),
                "event_precision_any": t.precision_any(), "events_factual": t.factual,
                "negatives": t.negatives, "negatives_violated": t.negatives_violated,
                "actor_recall": t.actor_recall(), "actor_negatives_violated": t.actor_negatives_violated,
                "quote_recall": t.quote_recall(), "time_accuracy": t.time_accuracy(),
                "by_root": t.by_root,
            })
        };
        let out = serde_json::json!({
            "halves": by_half.iter().map(|(h, t)| (h.clone(), figures(t))).collect::<serde_json::Map<_, _>>(),
            "all": figures(&all),
            "documents": scored.iter().map(|(s, h)| serde_json::json!({
                "doc_id": s.doc_id, "half": h, "figures": figures(&s.tally), "misses": s.misses,
                "unmatched": s.unmatched.iter().map(|(_, d)| d).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        });
        println!("{out}");
        return Ok(());
    }
    println!(
        "{:32} {:>5} {:>4}/{:<4} {:>6} {:>7} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
        "document",
        "half",
        "req",
        "all",
        "recall",
        "factual",
        "floor",
        "any",
        "negviol",
        "actors",
        "quotes",
        "times"
    );
    let row = |name: &str, h: &str, t: &Tally| {
        println!(
            "{:32} {:>5} {:>4}/{:<4} {:>6.2} {:>7} {:>6.2} {:>6.2} {:>3}/{:<3} {:>6.2} {:>6.2} {:>6.2}",
            name,
            h,
            t.required_found,
            t.required,
            t.event_recall(),
            t.factual,
            t.precision_floor(),
            t.precision_any(),
            t.negatives_violated,
            t.negatives,
            t.actor_recall(),
            t.quote_recall(),
            t.time_accuracy()
        )
    };
    for (s, h) in &scored {
        row(&s.doc_id, h, &s.tally);
        if verbose {
            for m in &s.misses {
                println!("    {m}");
            }
            for (line, u) in &s.unmatched {
                println!("    unmatched (line {line}): {u}");
            }
        }
    }
    println!();
    for (h, t) in &by_half {
        row(&format!("half {h}"), h, t);
    }
    row("all", "", &all);
    let roots: Vec<String> = all
        .by_root
        .iter()
        .map(|(r, (n, f))| format!("{r} {f}/{n}"))
        .collect();
    println!(
        "\nrequired events found per root (first acceptable root): {}",
        roots.join(", ")
    );
    for (h, t) in &by_half {
        println!(
            "gold {h}: event_recall={:.2} event_precision_floor={:.2} negatives_violated={} actor_recall={:.2} quote_recall={:.2} time_accuracy={:.2} ({} documents, {} required events, {} factual events coded)",
            t.event_recall(),
            t.precision_floor(),
            t.negatives_violated,
            t.actor_recall(),
            t.quote_recall(),
            t.time_accuracy(),
            t.documents,
            t.required,
            t.factual
        );
    }
    Ok(())
}

/// `aras eval case`: CASE 2021 snippets, per family.
fn case(file: &Path, model: Option<&Path>, verbose: bool) -> Result<()> {
    use aras_pipeline::case::{by_family, read_snippets, score_snippet, Family};
    let snippets =
        read_snippets(file).with_context(|| format!("cannot read {}", file.display()))?;
    let engine = model_source::engine(model, true)?;
    let outcomes: Vec<_> = snippets
        .par_iter()
        .filter_map(|s| score_snippet(&engine, s))
        .collect();
    if verbose {
        for o in &outcomes {
            let wrong = if o.family == Family::Disaster {
                o.hit
            } else {
                !o.hit
            };
            if wrong {
                println!(
                    "{} {} [{}]: {}\n    coded: {}",
                    o.id,
                    o.family.name(),
                    o.case_type,
                    o.text,
                    o.coded.join("; ")
                );
            }
        }
    }
    let (mut hits, mut total) = (0, 0);
    for (family, (h, n)) in by_family(&outcomes) {
        println!(
            "{:30} {h:4}/{n:<4} {:.3}",
            family.name(),
            h as f64 / n.max(1) as f64
        );
        if family != Family::Disaster {
            hits += h;
            total += n;
        }
    }
    println!(
        "case2021: a fitting factual event in {hits}/{total} snippets ({:.3}) over the scored families",
        hits as f64 / total.max(1) as f64
    );
    Ok(())
}

/// `aras eval probes`: the probe sentences.
fn probes(file: &Path, model: Option<&Path>, verbose: bool) -> Result<()> {
    use aras_pipeline::probes::{read_probes, run_probe};
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let probes = read_probes(&text)?;
    let engine = model_source::engine(model, true)?;
    let outcomes: Vec<_> = probes.par_iter().map(|p| run_probe(&engine, p)).collect();
    let (mut found, mut wanted, mut violated, mut negatives) = (0, 0, 0, 0);
    for o in &outcomes {
        found += o.found;
        wanted += o.wanted;
        violated += o.violated;
        negatives += o.negatives;
        if verbose && (o.found < o.wanted || o.violated > 0) {
            println!(
                "line {}: found {}/{}, violated {}/{}: {}\n    coded: {}",
                o.line,
                o.found,
                o.wanted,
                o.violated,
                o.negatives,
                o.text,
                o.coded.join("; ")
            );
        }
    }
    println!(
        "probes: {found}/{wanted} expected events coded ({:.2}), {violated}/{negatives} negatives violated",
        found as f64 / wanted.max(1) as f64
    );
    Ok(())
}
