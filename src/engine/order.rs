//! Stable sorting through one compiled sort.
//!
//! `slice::sort_by_key` is compiled once for every element type and key it
//! is used with: the standard library's stable sort (driftsort with its
//! small-sort and merge) is about 4 KB of wasm each time. The app sorts
//! records, notifications, tickets and holidays in a few places, each its
//! own copy. [`sort_by`] sorts *positions* (`usize`) with the comparison
//! passed as `&dyn Fn`, so every caller shares one compiled sort, and then
//! moves the items into that order; what stays per caller is the short
//! comparison and the move.
//!
//! Same result as `slice::sort_by`: ascending by `cmp`, stable (items that
//! compare equal keep their order).
//!
//! ```
//! use qujat::engine::order;
//! use std::cmp::Reverse;
//!
//! let mut v = vec![("b", 2), ("a", 1), ("c", 2), ("d", 3)];
//! order::sort_by_key(&mut v, |x| Reverse(x.1));
//! assert_eq!(v, [("d", 3), ("b", 2), ("c", 2), ("a", 1)]);
//! order::sort_by(&mut v, |x, y| x.0.cmp(y.0));
//! assert_eq!(v, [("a", 1), ("b", 2), ("c", 2), ("d", 3)]);
//! ```

use std::cmp::Ordering;

/// The positions `0..n` in the order `cmp` puts them, stable. Not generic:
/// this is the one sort the callers share.
fn stable_order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..n).collect();
    positions.sort_by(|&a, &b| cmp(a, b));
    positions
}

/// Sorts `v` by `cmp`, stable, as `slice::sort_by` does.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let positions = stable_order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(positions.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `v` by `key`, stable, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` ascending, stable, as `slice::sort` does.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Reverse;

    /// 2,000 lists of 0–60 keys from a fixed pseudo-random sequence, with
    /// many ties (keys 0–5).
    fn lists() -> impl Iterator<Item = Vec<(u8, usize)>> {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            state >> 33
        };
        (0..2_000).map(move |_| {
            let len = (next() % 61) as usize;
            (0..len).map(|i| ((next() % 6) as u8, i)).collect()
        })
    }

    /// The same order as the standard library's stable sorts, ties
    /// included (each item carries its first position, which the key
    /// ignores, so a reordered tie would show).
    #[test]
    fn sorts_as_the_standard_library_does() {
        for items in lists() {
            let mut ours = items.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut theirs = items.clone();
            theirs.sort_by_key(|x| x.0);
            assert_eq!(ours, theirs);

            let mut ours = items.clone();
            sort_by_key(&mut ours, |x| Reverse(x.0));
            let mut theirs = items.clone();
            theirs.sort_by_key(|x| Reverse(x.0));
            assert_eq!(ours, theirs);

            let mut ours = items.clone();
            sort(&mut ours);
            let mut theirs = items;
            theirs.sort();
            assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn an_empty_list_and_one_item_stay_as_they_are() {
        let mut v: Vec<String> = vec![];
        sort(&mut v);
        assert!(v.is_empty());
        let mut v = vec!["x".to_string()];
        sort(&mut v);
        assert_eq!(v, ["x"]);
    }
}
