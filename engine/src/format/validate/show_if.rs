//! The `show_if` graph: which questions each question's `show_if` refers
//! to, and which references close a loop. Built in one pass before the
//! questions are checked, so a reference to a later question is reported
//! where it is found, as a loop or as a forward reference.
//!
//! Linear in questions plus references (Tarjan's strongly connected
//! components, without recursion): an author pasting a bank with thousands
//! of conditions must not wait on a quadratic walk at every keystroke.

use std::collections::BTreeMap;

use super::{Reported, Validator};
use crate::format::diag::{Code, Diagnostic};
use crate::format::raw::{RawCondition, RawQuestion, Spanned};
use crate::model::bank::Item;
use crate::model::index::QuestionIndex;

/// The strongly connected component of every question in the graph of all
/// `show_if` references, earlier and later ones alike.
pub(crate) struct ShowIfGraph {
    component: Vec<usize>,
}

impl ShowIfGraph {
    /// Collects every reference the validator will meet and groups the
    /// questions that depend on each other.
    pub(crate) fn new(questions: &[RawQuestion], items: &BTreeMap<String, Item>) -> ShowIfGraph {
        // Nodes and edges by question position, as Tarjan's walk counts them.
        let mut edges: Vec<Vec<usize>> = vec![Vec::new(); questions.len()];
        for (from, question) in questions.iter().enumerate() {
            if let Some(show_if) = &question.show_if {
                references(&show_if.value, items, &mut edges[from]);
            }
        }
        ShowIfGraph {
            component: components(&edges),
        }
    }

    /// Whether `from` depends, directly or not, on `to` and `to` on `from`.
    pub(crate) fn loops(&self, from: QuestionIndex, to: QuestionIndex) -> bool {
        from == to
            || matches!(
                (self.component.get(from.get()), self.component.get(to.get())),
                (Some(a), Some(b)) if a == b
            )
    }
}

impl Validator {
    /// A `show_if` reference from question `from` to `to`, not asked
    /// before it: a loop when `to` depends back on `from`.
    pub(super) fn later_reference(
        &mut self,
        from: QuestionIndex,
        from_id: &str,
        to: QuestionIndex,
        question: &Spanned<String>,
        path: &str,
        graph: &ShowIfGraph,
    ) -> Reported {
        let diagnostic = if graph.loops(from, to) {
            Diagnostic::error(
                Code::ShowIfCycle,
                if from == to {
                    format!("the `show_if` of `{}` refers to the question itself", question.value)
                } else {
                    format!(
                        "the `show_if` conditions of `{from_id}` and `{}` depend on each other",
                        question.value
                    )
                },
            )
            .hint("a question can only depend on questions asked before it; remove one of the conditions")
        } else {
            Diagnostic::error(
                Code::ShowIfForward,
                format!(
                    "`show_if` refers to `{}`, which is asked later",
                    question.value
                ),
            )
            .hint(format!(
                "move `{}` above this question, or test an earlier question",
                question.value
            ))
        };
        self.push(
            diagnostic
                .at(question.span)
                .path(format!("{path}.question")),
        )
    }
}

/// The questions a condition refers to, as far as the validator would
/// follow it: a node with several subjects, or a list with a misplaced test,
/// is an error of its own and refers to nothing.
fn references(condition: &RawCondition, items: &BTreeMap<String, Item>, into: &mut Vec<usize>) {
    let subjects = [
        condition.question.is_some(),
        condition.dimension.is_some(),
        condition.profile.is_some(),
        condition.all.is_some(),
        condition.any.is_some(),
        condition.not.is_some(),
    ];
    if subjects.iter().filter(|&&present| present).count() != 1 {
        return;
    }
    let has_test = condition.equals.is_some()
        || condition
            .one_of
            .as_ref()
            .is_some_and(|list| !list.is_empty())
        || condition.includes.is_some()
        || condition.at_least.is_some()
        || condition.at_most.is_some()
        || condition.level_at_least.is_some()
        || condition.level_at_most.is_some();
    if let Some(list) = condition.all.as_ref().or(condition.any.as_ref()) {
        if !has_test {
            for part in list {
                references(&part.value, items, into);
            }
        }
    } else if let Some(inner) = &condition.not {
        if !has_test {
            references(&inner.value, items, into);
        }
    } else if let Some(question) = &condition.question
        && let Some(&Item::Question(index)) = items.get(&question.value)
    {
        into.push(index.get());
    }
}

/// Tarjan's algorithm with an explicit stack: the component number of each
/// node (nodes in one component reach each other).
fn components(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let count = edges.len();
    let mut order = vec![UNSEEN; count];
    let mut low = vec![0; count];
    let mut on_stack = vec![false; count];
    let mut stack = Vec::new();
    let mut component = vec![UNSEEN; count];
    let (mut next_order, mut next_component) = (0, 0);
    // (node, position of the next edge to follow)
    let mut work: Vec<(usize, usize)> = Vec::new();
    for root in 0..count {
        if order[root] != UNSEEN {
            continue;
        }
        order[root] = next_order;
        low[root] = next_order;
        next_order += 1;
        stack.push(root);
        on_stack[root] = true;
        work.push((root, 0));
        while let Some(top) = work.last_mut() {
            let (node, position) = *top;
            match edges[node].get(position) {
                Some(&next) if next < count => {
                    top.1 += 1;
                    if order[next] == UNSEEN {
                        order[next] = next_order;
                        low[next] = next_order;
                        next_order += 1;
                        stack.push(next);
                        on_stack[next] = true;
                        work.push((next, 0));
                    } else if on_stack[next] {
                        low[node] = low[node].min(order[next]);
                    }
                }
                Some(_) => top.1 += 1,
                None => {
                    work.pop();
                    if let Some(&(parent, _)) = work.last() {
                        low[parent] = low[parent].min(low[node]);
                    }
                    if low[node] == order[node] {
                        while let Some(member) = stack.pop() {
                            on_stack[member] = false;
                            component[member] = next_component;
                            if member == node {
                                break;
                            }
                        }
                        next_component += 1;
                    }
                }
            }
        }
    }
    component
}

#[cfg(test)]
mod tests {
    use super::components;

    #[test]
    fn components_of_a_chain_a_loop_and_a_self_loop() {
        // 0 → 1 → 2 → 0 is a loop; 3 → 0 hangs off it; 4 → 4 loops alone.
        let edges = vec![vec![1], vec![2], vec![0], vec![0], vec![4], vec![]];
        let component = components(&edges);
        assert_eq!(component[0], component[1]);
        assert_eq!(component[1], component[2]);
        assert_ne!(component[3], component[0]);
        assert_ne!(component[4], component[5]);
    }

    #[test]
    fn a_long_chain_needs_no_deep_recursion() {
        let count = 100_000;
        let edges: Vec<Vec<usize>> = (0..count)
            .map(|i| if i + 1 < count { vec![i + 1] } else { vec![0] })
            .collect();
        let component = components(&edges);
        assert!(component.iter().all(|&c| c == component[0]));
    }
}
