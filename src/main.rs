//! `aras`: the command line over the aras library crates. Everything of substance lives in
//! `crates/`; this binary parses flags, wires stages together and maps failures to exit
//! codes scripts can rely on (see [`ExitCode`]).

mod batch;
mod cmd;
mod model_source;

use clap::{Parser, Subcommand};

/// Exit codes: 0 all inputs processed, 1 some inputs failed (the rest was processed),
/// 2 usage error (clap's own code), 3 fatal (no model, output not writable, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    Ok = 0,
    SomeInputsFailed = 1,
    Fatal = 3,
}

#[derive(Parser, Debug)]
#[command(
    name = "aras",
    version,
    about = "Political event data from news text: actors, events, quotes, times and claims, each pointing at its evidence.",
    long_about = "aras reads news articles and writes what they say as data.\n\n\
        Inputs are files or directories: .txt (optional front matter between --- lines), \
        .jsonl (one document per line: id, title, date, source, url, lang, text), .html, \
        RSS/Atom feeds (.rss, .atom, .xml), or - for JSON Lines on stdin.\n\n\
        Exit codes: 0 all inputs processed; 1 some inputs failed (each named on stderr, the \
        rest processed); 2 usage error; 3 fatal error.\n\n\
        --json (analyze, parse, ingest, export) means one thing everywhere: results stay on stdout \
        (JSON Lines from analyze), and errors, warnings and the summary go to stderr as one \
        JSON object a line, each field its own key: \
        {\"type\":\"error\"|\"warning\",\"file\",\"line\",\"document\",\"message\"}, \
        {\"type\":\"summary\",\"command\",...}.",
    after_help = "Examples:\n  aras analyze examples/baku-ceasefire.txt\n  aras parse examples/baku-ceasefire.txt > out.conllu\n  aras parse --conllu ../shared/data/ud/en_ewt-ud-test.conllu > pred.conllu\n  cat docs.jsonl | aras analyze - > records.jsonl\n  aras ingest --db aras.db ../shared/corpus/wikinews/\n  aras events --db aras.db --dyad AZE ISR\n  aras search --db aras.db ceasefire\n  aras relations --db aras.db AZE\n  aras timeline --db aras.db AZE IRN --by month --svg aze-irn.svg\n  aras balance --db aras.db\n  aras export --db aras.db --format parquet --out events.parquet\n  aras serve --db aras.db --addr 127.0.0.1:8080"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    Analyze(cmd::analyze::Args),
    Parse(cmd::parse::Args),
    Train(cmd::train::Args),
    Eval(cmd::eval::Args),
    Dict(cmd::dict::Args),
    Ingest(cmd::ingest::Args),
    Search(cmd::search::Args),
    Events(cmd::events::Args),
    Actors(cmd::actors::Args),
    Quotes(cmd::quotes::Args),
    Relations(cmd::relations::Args),
    Timeline(cmd::timeline::Args),
    Balance(cmd::balance::Args),
    Export(cmd::export::Args),
    Serve(cmd::serve::Args),
}

impl Command {
    /// `--json` asked for: a fatal error is then a typed JSON object too.
    fn json(&self) -> bool {
        match self {
            Command::Analyze(a) => a.batch.json,
            Command::Parse(a) => a.batch.json,
            Command::Ingest(a) => a.batch.json,
            Command::Export(a) => a.json,
            _ => false,
        }
    }
}

fn main() {
    let cli = Cli::parse();
    let json = cli.command.json();
    let result = match cli.command {
        Command::Analyze(a) => cmd::analyze::run(a),
        Command::Parse(a) => cmd::parse::run(a),
        Command::Train(a) => cmd::train::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Dict(a) => cmd::dict::run(a),
        Command::Ingest(a) => cmd::ingest::run(a),
        Command::Search(a) => cmd::search::run(a),
        Command::Events(a) => cmd::events::run(a),
        Command::Actors(a) => cmd::actors::run(a),
        Command::Quotes(a) => cmd::quotes::run(a),
        Command::Relations(a) => cmd::relations::run(a),
        Command::Timeline(a) => cmd::timeline::run(a),
        Command::Balance(a) => cmd::balance::run(a),
        Command::Export(a) => cmd::export::run(a),
        Command::Serve(a) => cmd::serve::run(a),
    };
    let code = match result {
        Ok(code) => code,
        Err(err) => {
            if json {
                batch::Problem::general(format!("{err:#}")).report(true);
            } else {
                eprintln!("aras: error: {err:#}");
            }
            ExitCode::Fatal
        }
    };
    std::process::exit(code as i32);
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// clap checks flag names and conflicts only when a command is built: check every
    /// subcommand here rather than in a user's terminal.
    #[test]
    fn every_subcommand_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
