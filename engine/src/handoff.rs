//! The hand-off: one diagnosis packed into a URL fragment (`#r1.…`) for the
//! QR code on the result sheet, so a visitor can carry the sheet away on a
//! phone and nothing is stored anywhere. The fragment never reaches a
//! server; the phone's copy of the app unpacks it and scores it again.
//!
//! Form: `r1.` + base64url(postcard(payload) ‖ FNV-1a-32 of those bytes).
//! The checksum catches a cut-short or altered fragment before anything is
//! read; every answer is then checked against the bank like an import.
//!
//! **Invariant:** `r1` fragments stay readable: a new layout gets a new
//! prefix.

use serde::{Deserialize, Serialize};

use crate::answers::{Answer, Answers};
use crate::bank::Bank;
use crate::profile::{Prefecture, Profile};
use crate::tier::{Industry, Tier};

/// The prefix of a fragment in this layout.
pub const HANDOFF_PREFIX: &str = "r1.";

/// The longest fragment read; real ones are a few hundred characters.
pub const MAX_HANDOFF_CHARS: usize = 4096;

/// What a fragment says before its answers are checked: enough to fetch
/// the right bank.
#[derive(Debug, Clone, PartialEq)]
pub struct Handoff {
    /// The tier of the bank answered.
    pub tier: Tier,
    /// Bank id.
    pub bank: String,
    /// Bank version.
    pub version: String,
    payload: Payload,
}

/// Why a fragment cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandoffError {
    /// Not a hand-off at all (another prefix, too long, bad characters).
    NotAHandoff,
    /// The checksum does not match: cut short or altered.
    Damaged,
    /// Written for another bank or bank version than the one available.
    OtherBank {
        /// The bank and version the fragment was made for.
        wanted: String,
    },
    /// An answer does not fit the bank.
    BadAnswer(String),
}

impl std::fmt::Display for HandoffError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HandoffError::NotAHandoff => f.write_str("this link does not hold a result"),
            HandoffError::Damaged => {
                f.write_str("the result in this link is damaged (cut short or altered)")
            }
            HandoffError::OtherBank { wanted } => {
                write!(
                    f,
                    "this result was made with question set {wanted}, which this site does not have"
                )
            }
            HandoffError::BadAnswer(message) => write!(f, "an answer does not fit: {message}"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
enum Packed {
    Step(u8),
    YesNo(bool),
    Choice(u8),
    Choices(u64),
    Number(f64),
    NotApplicable,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct PackedProfile {
    industry: Industry,
    regular_employees: u32,
    capital_yen: Option<u64>,
    prefecture: Prefecture,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Payload {
    tier: Tier,
    bank: String,
    version: String,
    profile: Option<PackedProfile>,
    questions: Vec<(u16, Packed)>,
    gates: Vec<(u16, bool)>,
}

/// Packs a diagnosis into a fragment (without the `#`).
pub fn encode(bank: &Bank, answers: &Answers, profile: Option<&Profile>) -> String {
    let questions = (0..bank.questions.len())
        .filter_map(|index| {
            let packed = match answers.question(index)? {
                Answer::Step(step) => Packed::Step(step),
                Answer::YesNo(yes) => Packed::YesNo(yes),
                Answer::Choice(option) => Packed::Choice(option as u8),
                Answer::Choices(mask) => Packed::Choices(mask),
                Answer::Number(number) => Packed::Number(number),
                Answer::NotApplicable => Packed::NotApplicable,
            };
            Some((index as u16, packed))
        })
        .collect();
    let gates = (0..bank.gates.len())
        .filter_map(|index| answers.gate(index).map(|yes| (index as u16, yes)))
        .collect();
    let payload = Payload {
        tier: bank.tier,
        bank: bank.id.clone(),
        version: bank.version.clone(),
        profile: profile.map(|profile| PackedProfile {
            industry: profile.industry,
            regular_employees: profile.regular_employees,
            capital_yen: profile.capital_yen,
            prefecture: profile.prefecture,
        }),
        questions,
        gates,
    };
    let mut bytes = postcard::to_allocvec(&payload).unwrap_or_default();
    let checksum = fnv1a(&bytes);
    bytes.extend_from_slice(&checksum.to_le_bytes());
    format!("{HANDOFF_PREFIX}{}", base64url_encode(&bytes))
}

/// Reads a fragment (with or without `#`) as far as it can without a bank.
pub fn parse(fragment: &str) -> Result<Handoff, HandoffError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_HANDOFF_CHARS {
        return Err(HandoffError::NotAHandoff);
    }
    let data = fragment
        .strip_prefix(HANDOFF_PREFIX)
        .ok_or(HandoffError::NotAHandoff)?;
    let bytes = base64url_decode(data).ok_or(HandoffError::Damaged)?;
    let split = bytes.len().checked_sub(4).ok_or(HandoffError::Damaged)?;
    let (body, checksum) = bytes.split_at(split);
    let expected = u32::from_le_bytes([checksum[0], checksum[1], checksum[2], checksum[3]]);
    if fnv1a(body) != expected {
        return Err(HandoffError::Damaged);
    }
    let payload: Payload = postcard::from_bytes(body).map_err(|_| HandoffError::Damaged)?;
    Ok(Handoff {
        tier: payload.tier,
        bank: payload.bank.clone(),
        version: payload.version.clone(),
        payload,
    })
}

impl Handoff {
    /// The answers and profile, checked against `bank` (which must be the
    /// bank and version the fragment names).
    pub fn open(&self, bank: &Bank) -> Result<(Answers, Option<Profile>), HandoffError> {
        if bank.id != self.bank || bank.version != self.version {
            return Err(HandoffError::OtherBank {
                wanted: format!("`{}` {}", self.bank, self.version),
            });
        }
        let mut answers = Answers::new(bank);
        for &(index, packed) in &self.payload.questions {
            let answer = match packed {
                Packed::Step(step) => Answer::Step(step),
                Packed::YesNo(yes) => Answer::YesNo(yes),
                Packed::Choice(option) => Answer::Choice(usize::from(option)),
                Packed::Choices(mask) => Answer::Choices(mask),
                Packed::Number(number) => Answer::Number(number),
                Packed::NotApplicable => Answer::NotApplicable,
            };
            answers
                .set_question(bank, usize::from(index), Some(answer))
                .map_err(|message| {
                    HandoffError::BadAnswer(format!("question {index}: {message}"))
                })?;
        }
        for &(index, yes) in &self.payload.gates {
            if usize::from(index) >= bank.gates.len() {
                return Err(HandoffError::BadAnswer(format!("no gate {index}")));
            }
            answers.set_gate(usize::from(index), Some(yes));
        }
        let profile = self.payload.profile.as_ref().map(|profile| Profile {
            industry: profile.industry,
            regular_employees: profile.regular_employees,
            capital_yen: profile.capital_yen,
            prefecture: profile.prefecture,
        });
        Ok((answers, profile))
    }
}

/// FNV-1a, 32 bits: enough to notice a damaged fragment (not a signature).
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash: u32, &byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5): safe in a URL fragment.
fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        let symbols = chunk.len() + 1;
        for i in 0..symbols {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &symbol) in chunk.iter().enumerate() {
            let value = ALPHABET.iter().position(|&a| a == symbol)? as u32;
            n |= value << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests;
