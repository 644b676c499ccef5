//! The hand-off: one diagnosis packed into a URL fragment (`#r2.…`) for the
//! QR code on the result sheet, so a visitor can carry the sheet away on a
//! phone and nothing is stored anywhere. The fragment never reaches a
//! server; the phone's copy of the app unpacks it and scores it again.
//!
//! Form: `r2.` + base64url(postcard(payload) ‖ FNV-1a-32 of those bytes).
//! The checksum catches a cut-short or altered fragment before anything is
//! read. Answers are stored by question index, so the payload carries the
//! [`answer_layout`] hash of the bank it was made with: a bank edited
//! without a new version (a question inserted, options reordered) is
//! refused with a message instead of having its answers silently remapped.
//! Every answer is then checked against the bank like an import.
//!
//! `r1.` fragments (2026, before the layout hash) stay readable: they are
//! opened when bank id and version match, as before.
//!
//! **Invariant:** `r1` and `r2` fragments stay readable (frozen fixtures in
//! `tests/exchange/`): a new layout gets a new prefix. Every enum here has
//! its encoded tag pinned by a test, so reordering variants fails it.

use serde::{Deserialize, Serialize};

use crate::exchange::compiled::CompiledError;
use crate::model::answers::{Answer, AnswerError, Answers};
use crate::model::bank::{Bank, QuestionKind};
use crate::model::index::{GateIndex, OptionIndex, QuestionIndex};
use crate::model::profile::{Prefecture, Profile};
use crate::model::tier::{Industry, Tier};

/// The prefix of a fragment in the current layout.
pub const HANDOFF_PREFIX: &str = "r2.";

/// The prefix of the first layout, still read.
pub const HANDOFF_PREFIX_V1: &str = "r1.";

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
    /// The [`answer_layout`] of the bank it was made with; `None` in an
    /// `r1` fragment.
    pub layout: Option<u64>,
    profile: Option<PackedProfile>,
    questions: Vec<(u16, Packed)>,
    gates: Vec<(u16, bool)>,
}

/// Why a fragment cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub enum HandoffError {
    /// Not a hand-off at all (another prefix, too long).
    NotAHandoff,
    /// The checksum does not match, or the bytes do not decode: cut short
    /// or altered.
    Damaged,
    /// Written for another bank or bank version than the one available.
    OtherBank {
        /// The bank and version the fragment was made for.
        wanted: String,
    },
    /// Same bank id and version, but its questions, options or gates have
    /// changed since: the answers cannot be matched safely.
    BankChanged {
        /// The bank and version the fragment was made for.
        wanted: String,
    },
    /// An answer does not fit the bank.
    BadAnswer {
        /// The question's index in the fragment.
        question: u16,
        /// What is wrong with the answer.
        problem: AnswerError,
    },
    /// An answer to a gate the bank does not have.
    NoGate(u16),
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
            HandoffError::BankChanged { wanted } => write!(
                f,
                "this result was made with an earlier text of question set {wanted}; its questions have changed since, so its answers cannot be matched safely"
            ),
            HandoffError::BadAnswer { question, problem } => {
                write!(f, "an answer does not fit: question {question}: {problem}")
            }
            HandoffError::NoGate(gate) => write!(f, "an answer does not fit: no gate {gate}"),
        }
    }
}

impl std::error::Error for HandoffError {}

/// One answer as packed. Postcard writes the variant's position as its tag:
/// the explicit discriminants say which tag each has, and a test pins them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[repr(u8)]
enum Packed {
    Step(u8) = 0,
    YesNo(bool) = 1,
    Choice(u8) = 2,
    Choices(u64) = 3,
    Number(f64) = 4,
    NotApplicable = 5,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct PackedProfile {
    industry: Industry,
    regular_employees: u32,
    capital_yen: Option<u64>,
    prefecture: Prefecture,
}

/// The `r1` payload, frozen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct PayloadV1 {
    tier: Tier,
    bank: String,
    version: String,
    profile: Option<PackedProfile>,
    questions: Vec<(u16, Packed)>,
    gates: Vec<(u16, bool)>,
}

/// The `r2` payload: `r1` with the bank's answer layout.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct PayloadV2 {
    tier: Tier,
    bank: String,
    version: String,
    layout: u64,
    profile: Option<PackedProfile>,
    questions: Vec<(u16, Packed)>,
    gates: Vec<(u16, bool)>,
}

/// A hash of what answers are stored by: the bank's id and tier, each
/// question's id and kind with its option ids in order, each gate's id in
/// order (FNV-1a, 64 bits, over a canonical byte form). Texts, scores and
/// recommendations do not enter it: changing them re-scores old answers
/// without changing what they mean.
pub fn answer_layout(bank: &Bank) -> u64 {
    let mut hash = Fnv64::new();
    hash.field(b"shindan-answer-layout-1");
    hash.field(bank.id.as_bytes());
    hash.field(bank.tier.as_str().as_bytes());
    for question in &bank.questions {
        hash.field(b"q");
        hash.field(question.id.as_bytes());
        hash.field(question.kind.name().as_bytes());
        if let QuestionKind::Single { options } | QuestionKind::Multiple { options, .. } =
            &question.kind
        {
            for option in options {
                hash.field(option.id.as_bytes());
            }
        }
    }
    for gate in &bank.gates {
        hash.field(b"g");
        hash.field(gate.id.as_bytes());
    }
    hash.0
}

/// FNV-1a, 64 bits, over length-prefixed fields (so `ab`,`c` and `a`,`bc`
/// differ).
struct Fnv64(u64);

impl Fnv64 {
    fn new() -> Fnv64 {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn field(&mut self, bytes: &[u8]) {
        self.bytes(&(bytes.len() as u64).to_le_bytes());
        self.bytes(bytes);
    }
}

/// Packs a diagnosis into a fragment (without the `#`).
pub fn encode(
    bank: &Bank,
    answers: &Answers,
    profile: Option<&Profile>,
) -> Result<String, CompiledError> {
    let too_many = || CompiledError::Encode("more than 65,536 questions or gates".to_owned());
    let mut questions = Vec::new();
    for index in 0..bank.questions.len() {
        let Some(answer) = answers.question(QuestionIndex::new(index)) else {
            continue;
        };
        let packed = match answer {
            Answer::Step(step) => Packed::Step(step),
            Answer::YesNo(yes) => Packed::YesNo(yes),
            Answer::Choice(option) => Packed::Choice(u8::try_from(option.get()).map_err(|_| {
                CompiledError::Encode(format!("option {} is out of range", option.get()))
            })?),
            Answer::Choices(mask) => Packed::Choices(mask),
            Answer::Number(number) => Packed::Number(number),
            Answer::NotApplicable => Packed::NotApplicable,
        };
        questions.push((u16::try_from(index).map_err(|_| too_many())?, packed));
    }
    let mut gates = Vec::new();
    for index in 0..bank.gates.len() {
        if let Some(yes) = answers.gate(GateIndex::new(index)) {
            gates.push((u16::try_from(index).map_err(|_| too_many())?, yes));
        }
    }
    let payload = PayloadV2 {
        tier: bank.tier,
        bank: bank.id.clone(),
        version: bank.version.clone(),
        layout: answer_layout(bank),
        profile: profile.map(|profile| PackedProfile {
            industry: profile.industry,
            regular_employees: profile.regular_employees,
            capital_yen: profile.capital_yen,
            prefecture: profile.prefecture,
        }),
        questions,
        gates,
    };
    Ok(seal(
        HANDOFF_PREFIX,
        crate::exchange::compiled::encode(&payload)?,
    ))
}

/// Prefix + base64url of the bytes and their checksum.
fn seal(prefix: &str, mut bytes: Vec<u8>) -> String {
    let checksum = fnv1a(&bytes);
    bytes.extend_from_slice(&checksum.to_le_bytes());
    format!("{prefix}{}", base64url_encode(&bytes))
}

/// Whether a fragment (with or without `#`) has a hand-off's prefix, read
/// without decoding it: a page asks this before fetching the code that
/// reads one, so an ordinary fragment (`#main`) costs nothing.
pub fn is_handoff_fragment(fragment: &str) -> bool {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment.starts_with(HANDOFF_PREFIX) || fragment.starts_with(HANDOFF_PREFIX_V1)
}

/// Reads a fragment (with or without `#`) as far as it can without a bank.
pub fn parse(fragment: &str) -> Result<Handoff, HandoffError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_HANDOFF_CHARS {
        return Err(HandoffError::NotAHandoff);
    }
    if let Some(data) = fragment.strip_prefix(HANDOFF_PREFIX) {
        let payload: PayloadV2 = unseal(data)?;
        return Ok(Handoff {
            tier: payload.tier,
            bank: payload.bank,
            version: payload.version,
            layout: Some(payload.layout),
            profile: payload.profile,
            questions: payload.questions,
            gates: payload.gates,
        });
    }
    let data = fragment
        .strip_prefix(HANDOFF_PREFIX_V1)
        .ok_or(HandoffError::NotAHandoff)?;
    let payload: PayloadV1 = unseal(data)?;
    Ok(Handoff {
        tier: payload.tier,
        bank: payload.bank,
        version: payload.version,
        layout: None,
        profile: payload.profile,
        questions: payload.questions,
        gates: payload.gates,
    })
}

/// The payload of a sealed fragment body, if the checksum holds and every
/// byte decodes.
fn unseal<T: for<'de> Deserialize<'de>>(data: &str) -> Result<T, HandoffError> {
    let bytes = base64url_decode(data).ok_or(HandoffError::Damaged)?;
    let split = bytes.len().checked_sub(4).ok_or(HandoffError::Damaged)?;
    let (body, checksum) = bytes.split_at(split);
    let expected = u32::from_le_bytes([checksum[0], checksum[1], checksum[2], checksum[3]]);
    if fnv1a(body) != expected {
        return Err(HandoffError::Damaged);
    }
    crate::exchange::compiled::decode(body).map_err(|_| HandoffError::Damaged)
}

impl Handoff {
    /// The answers and profile, checked against `bank` (which must be the
    /// bank, version and, for `r2`, the answer layout the fragment names).
    pub fn open(&self, bank: &Bank) -> Result<(Answers, Option<Profile>), HandoffError> {
        let wanted = || format!("`{}` {}", self.bank, self.version);
        if bank.id != self.bank || bank.version != self.version {
            return Err(HandoffError::OtherBank { wanted: wanted() });
        }
        if let Some(layout) = self.layout
            && layout != answer_layout(bank)
        {
            return Err(HandoffError::BankChanged { wanted: wanted() });
        }
        let mut answers = Answers::new(bank);
        for &(index, packed) in &self.questions {
            let answer = match packed {
                Packed::Step(step) => Answer::Step(step),
                Packed::YesNo(yes) => Answer::YesNo(yes),
                Packed::Choice(option) => Answer::Choice(OptionIndex::new(usize::from(option))),
                Packed::Choices(mask) => Answer::Choices(mask),
                Packed::Number(number) => Answer::Number(number),
                Packed::NotApplicable => Answer::NotApplicable,
            };
            answers
                .set_question(bank, QuestionIndex::new(usize::from(index)), Some(answer))
                .map_err(|problem| HandoffError::BadAnswer {
                    question: index,
                    problem,
                })?;
        }
        for &(index, yes) in &self.gates {
            if usize::from(index) >= bank.gates.len() {
                return Err(HandoffError::NoGate(index));
            }
            answers.set_gate(GateIndex::new(usize::from(index)), Some(yes));
        }
        let profile = self.profile.as_ref().map(|profile| Profile {
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
