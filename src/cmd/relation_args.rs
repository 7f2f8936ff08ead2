//! What the relation commands (`relations`, `timeline`, `balance`, `export`) share:
//! which rows they read from the store and how parties are grouped.

use anyhow::{Context, Result};
use aras_relations::{DyadOptions, EventRow, Level, Unit};

use crate::cmd::store_args::{EventFilterArgs, ExistingDbArg};

/// Store, filters and counting unit, flattened into each relation command.
#[derive(clap::Args, Debug, Clone)]
pub struct RowsArgs {
    #[command(flatten)]
    pub db: ExistingDbArg,
    #[command(flatten)]
    pub filter: EventFilterArgs,
    /// Count reports (event records in documents) instead of event clusters. By default
    /// an event reported by 300 articles counts once.
    #[arg(long)]
    pub reports: bool,
    /// Group parties by country (AZE) or by full actor code (AZEGOV, AZEMIL).
    #[arg(long, value_enum, default_value_t = LevelArg::Country)]
    pub level: LevelArg,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelArg {
    Country,
    Actor,
}

impl RowsArgs {
    pub fn unit(&self) -> Unit {
        if self.reports {
            Unit::Reports
        } else {
            Unit::Clusters
        }
    }

    pub fn level(&self) -> Level {
        match self.level {
            LevelArg::Country => Level::Country,
            LevelArg::Actor => Level::Actor,
        }
    }

    /// The store's rows under the filters (`--dyad`/`--actor` narrowed by the caller).
    pub fn rows(&self, filter: &EventFilterArgs) -> Result<Vec<EventRow>> {
        let mut store = self.db.open_existing()?;
        store
            .event_rows(&filter.filter(None), self.unit())
            .context("event query failed")
    }

    /// Dyad options matching the filters: `--modality` other than the default `factual`
    /// means the user asked for non-factual events, so the analyses count them too.
    pub fn dyad_options(&self) -> DyadOptions {
        DyadOptions {
            level: self.level(),
            include_nonfactual: !matches!(
                self.filter.filter(None).modality,
                aras_store::ModalityFilter::Factual
            ),
            ..DyadOptions::default()
        }
    }
}
