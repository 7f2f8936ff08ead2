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
