//! One sort for the whole core. Every distinct `sort_by` call compiles its own copy of the
//! standard library's sort, about 3 KB of wasm each; sorting positions through one shared
//! comparator signature keeps a single copy.

use std::cmp::Ordering;

/// The positions `0..len`, stably ordered by `compare`.
///
/// ```
/// use pressline_core::order::sorted_positions;
/// let words = ["b", "a", "c", "a"];
/// assert_eq!(sorted_positions(words.len(), &|a, b| words[a].cmp(words[b])), [1, 3, 0, 2]);
/// ```
pub fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_by(|&a, &b| compare(a, b));
    positions
}

/// Sorts `items` stably by `compare`, through [`sorted_positions`].
///
/// ```
/// use pressline_core::order::sort_with;
/// let mut pairs = vec![(2, 'a'), (1, 'b'), (2, 'c')];
/// sort_with(&mut pairs, &|x, y| x.0.cmp(&y.0));
/// assert_eq!(pairs, [(1, 'b'), (2, 'a'), (2, 'c')]);
/// ```
pub fn sort_with<T>(items: &mut Vec<T>, compare: &dyn Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}
