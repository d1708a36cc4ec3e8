//! A heapsort: O(n log n) at worst, a few dozen lines of WebAssembly.
//!
//! Why not `sort_unstable`: the standard library's sorts are tuned for speed
//! and weigh several kilobytes in the widget's module, for lists that are
//! either short or sorted once.

/// Sorts `items` so that `less(a, b)` holds for no later `a` and earlier `b`.
/// Not stable: break ties in `less` where order matters.
pub(crate) fn heap_sort<T>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    let sift_down = |items: &mut [T], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && less(&items[child], &items[child + 1]) {
            child += 1;
        }
        if !less(&items[root], &items[child]) {
            return;
        }
        items.swap(root, child);
        root = child;
    };
    let len = items.len();
    for start in (0..len / 2).rev() {
        sift_down(items, start, len);
    }
    for end in (1..len).rev() {
        items.swap(0, end);
        sift_down(items, 0, end);
    }
}

#[cfg(test)]
mod tests {
    use super::heap_sort;

    #[test]
    fn sorts_like_the_standard_library() {
        let mut seed = 7u32;
        for len in [0, 1, 2, 3, 10, 100, 1000] {
            let mut items: Vec<u32> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    seed % 50
                })
                .collect();
            let mut expected = items.clone();
            expected.sort();
            heap_sort(&mut items, |a, b| a < b);
            assert_eq!(items, expected, "{len} items");
        }
    }
}
