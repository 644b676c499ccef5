//! A bank's references into its catalogue (dimensions, indicators,
//! programs), looked up by id. When the bank names another catalogue, the
//! mismatch is the one cause: its error stands for every reference that
//! fails, and says how many it holds back.

use super::{Reported, Validator};
use crate::format::diag::{Code, Diagnostic};
use crate::format::raw::Spanned;
use crate::format::suggest::suggest;
use crate::model::bank::Catalogue;
use crate::model::index::{DimensionIndex, IndicatorIndex, ProgramIndex};

/// A bank loaded with a catalogue it was not written for: its references to
/// dimensions, indicators and programs cannot be checked, and reporting each
/// one (hundreds in a real bank) would bury the one cause.
pub(super) struct Mismatch {
    /// The `catalogue-mismatch` error, which stands for every reference.
    pub(super) proof: Reported,
    /// Where that error is kept, to say how much it hides.
    pub(super) index: usize,
    /// How many problems with catalogue references were held back.
    pub(super) unchecked: usize,
}

impl Validator {
    /// Records an error about a reference into the catalogue, unless the
    /// bank names another catalogue: then the mismatch is the cause, and its
    /// error stands for this one.
    pub(super) fn push_catalogue_ref(&mut self, diagnostic: Diagnostic) -> Reported {
        match &mut self.mismatch {
            Some(mismatch) => {
                mismatch.unchecked += 1;
                mismatch.proof
            }
            None => self.reports.error(diagnostic),
        }
    }

    /// Says on the mismatch error how many problems it held back.
    pub(super) fn explain_mismatch(&mut self) {
        let Some(mismatch) = &self.mismatch else {
            return;
        };
        let unchecked = mismatch.unchecked;
        if unchecked > 0 {
            self.reports.amend(mismatch.index, |diagnostic| {
                diagnostic.notes.push(if unchecked == 1 {
                    "1 more problem with a dimension, indicator or program follows from this and is not shown".to_owned()
                } else {
                    format!("{unchecked} more problems with dimensions, indicators or programs follow from this and are not shown")
                });
            });
        }
    }

    /// The dimension `id` names (a question's `dimension:`, a level
    /// condition's subject); `path` points at the id.
    pub(super) fn dimension(
        &mut self,
        id: &Spanned<String>,
        catalogue: &Catalogue,
        path: &str,
    ) -> Result<DimensionIndex, Reported> {
        catalogue
            .dimensions
            .iter()
            .position(|dimension| dimension.id == id.value)
            .map(DimensionIndex::new)
            .ok_or_else(|| {
                let known: Vec<&str> = catalogue.dimensions.iter().map(|d| d.id.as_str()).collect();
                self.push_catalogue_ref(
                    Diagnostic::error(
                        Code::UnknownDimension,
                        format!("dimension `{}` is not in the catalogue", id.value),
                    )
                    .at(id.span)
                    .path(path)
                    .hint(suggest(&id.value, &known, "dimensions")),
                )
            })
    }

    /// The indicators a question `covers:`; every unknown id is reported.
    pub(super) fn indicators(
        &mut self,
        ids: &[Spanned<String>],
        catalogue: &Catalogue,
        path: &str,
    ) -> Result<Vec<IndicatorIndex>, Reported> {
        let mut found = Ok(Vec::with_capacity(ids.len()));
        for (index, id) in ids.iter().enumerate() {
            match catalogue
                .indicators
                .iter()
                .position(|indicator| indicator.id == id.value)
            {
                Some(indicator) => {
                    if let Ok(found) = &mut found {
                        found.push(IndicatorIndex::new(indicator));
                    }
                }
                None => {
                    let known: Vec<&str> =
                        catalogue.indicators.iter().map(|i| i.id.as_str()).collect();
                    found = Err(self.push_catalogue_ref(
                        Diagnostic::error(
                            Code::UnknownIndicator,
                            format!("indicator `{}` is not in the catalogue", id.value),
                        )
                        .at(id.span)
                        .path(format!("{path}[{index}]"))
                        .hint(suggest(&id.value, &known, "indicators")),
                    ));
                }
            }
        }
        found
    }

    /// The programs a gate or recommendation lists; every unknown id is
    /// reported.
    pub(super) fn programs(
        &mut self,
        ids: &[Spanned<String>],
        catalogue: &Catalogue,
        path: &str,
    ) -> Result<Vec<ProgramIndex>, Reported> {
        let programs = &catalogue.programs;
        let mut found = Ok(Vec::new());
        for (index, id) in ids.iter().enumerate() {
            match programs.iter().position(|program| program.id == id.value) {
                Some(program) => {
                    if let Ok(found) = &mut found {
                        found.push(ProgramIndex::new(program));
                    }
                }
                None => {
                    let known: Vec<&str> = programs.iter().map(|p| p.id.as_str()).collect();
                    found = Err(self.push_catalogue_ref(
                        Diagnostic::error(
                            Code::UnknownProgram,
                            format!("support program `{}` is not in the catalogue", id.value),
                        )
                        .at(id.span)
                        .path(format!("{path}[{index}]"))
                        .hint(suggest(&id.value, &known, "programs")),
                    ));
                }
            }
        }
        found
    }
}
