//! Synthetic survey rows for demos, tests and benchmarks: every answer is
//! valid for the bank, and a company-wide "maturity" makes answers of one
//! row hang together, so levels spread over 1–5 as a real survey's would.
//! Deterministic for a seed (SplitMix64), on every platform.

use std::fmt::Write;

use crate::analysis::survey::PROFILE_COLUMNS;
use crate::model::bank::{Bank, QuestionKind};
use crate::model::profile::Prefecture;
use crate::model::tier::{Industry, Tier};

/// SplitMix64: tiny, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n.max(1)
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// Writes synthetic rows for one bank.
pub struct Sampler<'a> {
    bank: &'a Bank,
    rng: Rng,
}

impl<'a> Sampler<'a> {
    /// A sampler for `bank`; the same seed gives the same rows.
    pub fn new(bank: &'a Bank, seed: u64) -> Sampler<'a> {
        Sampler {
            bank,
            rng: Rng(seed),
        }
    }

    /// The header's cells: profile columns, question ids, gate ids.
    pub fn header(&self) -> Vec<String> {
        let mut columns: Vec<String> = PROFILE_COLUMNS.map(str::to_owned).to_vec();
        columns.extend(self.bank.questions.iter().map(|q| q.id.clone()));
        columns.extend(self.bank.gates.iter().map(|g| g.id.clone()));
        columns
    }

    /// The cells of row number `index` (from 1), for
    /// [`crate::exchange::table::write_row`].
    pub fn row(&mut self, index: u64) -> Vec<String> {
        let rng = &mut self.rng;
        let mut cells = Vec::with_capacity(8 + self.bank.questions.len());
        let mut out = String::with_capacity(16);
        let industry = Industry::ALL[rng.below(Industry::ALL.len())];
        let (employees, capital): (u32, u64) = match self.bank.tier {
            Tier::Small => (1 + rng.below(5) as u32, 3_000_000),
            Tier::Sme => (21 + rng.below(80) as u32, 30_000_000),
            Tier::Midsize => (301 + rng.below(1200) as u32, 1_000_000_000),
        };
        // Seven Kyushu prefectures; one row in twenty from elsewhere.
        let prefecture = if rng.chance(0.05) {
            Prefecture::Other
        } else {
            Prefecture::ALL[rng.below(7)]
        };
        cells.extend([
            format!("S{index:06}"),
            industry.as_str().to_owned(),
            employees.to_string(),
            capital.to_string(),
        ]);
        out.push_str(prefecture.as_str());
        let maturity = rng.unit();
        for question in &self.bank.questions {
            cells.push(std::mem::take(&mut out));
            if rng.chance(0.06) {
                continue;
            }
            if question.allow_na && rng.chance(0.04) {
                out.push_str("na");
                continue;
            }
            let lean = (maturity + (rng.unit() - 0.5) * 0.5).clamp(0.0, 1.0);
            match &question.kind {
                QuestionKind::Ladder { .. } => {
                    let _ = write!(out, "{}", 1 + (lean * 4.0).round() as u8);
                }
                QuestionKind::YesNo => {
                    out.push_str(if rng.chance(0.15 + 0.7 * lean) {
                        "yes"
                    } else {
                        "no"
                    });
                }
                QuestionKind::Single { options } => {
                    let closest = options
                        .iter()
                        .min_by(|a, b| (a.score - lean).abs().total_cmp(&(b.score - lean).abs()));
                    if let Some(option) = closest {
                        out.push_str(&option.id);
                    }
                }
                QuestionKind::Multiple { options, .. } => {
                    let chosen: Vec<&str> = options
                        .iter()
                        .filter(|o| !o.exclusive && rng.chance(0.1 + 0.6 * lean))
                        .map(|o| o.id.as_str())
                        .collect();
                    if chosen.is_empty() {
                        let fallback = options.iter().find(|o| o.exclusive).or(options.first());
                        if let Some(option) = fallback {
                            out.push_str(&option.id);
                        }
                    } else {
                        out.push_str(&chosen.join(" "));
                    }
                }
                QuestionKind::Number {
                    bands, min, max, ..
                } => {
                    let top = bands.last().map_or(10.0, |band| band.from.max(1.0)) * 1.5;
                    let value = (lean * top).round();
                    let value = value
                        .max(min.unwrap_or(f64::MIN))
                        .min(max.unwrap_or(f64::MAX));
                    let _ = write!(out, "{value}");
                }
            }
        }
        for _ in &self.bank.gates {
            cells.push(std::mem::take(&mut out));
            out.push_str(if rng.chance(0.6 + 0.35 * maturity) {
                "yes"
            } else {
                "no"
            });
        }
        cells.push(out);
        cells
    }
}
