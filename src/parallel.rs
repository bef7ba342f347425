//! Work spread over every core, for loading and indexing large rosters.

use std::sync::OnceLock;

/// How many threads the machine runs at once. Asked once a run: the standard library reads
/// the process's cgroup files each time it is asked.
fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// `items.map(f)` on every core, results in the order of `items`.
pub fn map<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    // Below a few hundred items, starting threads costs more than it saves.
    map_min(items, 512, f)
}

/// As [`map`], on one core below `min` items: for items that are each a lot of work (a
/// folder's worth), a smaller `min` than `map`'s.
pub fn map_min<T: Send, R: Send>(items: Vec<T>, min: usize, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let threads = cores();
    if threads < 2 || items.len() < min.max(2) {
        return items.into_iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let mut chunks: Vec<Vec<T>> = Vec::new();
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        chunks.push(items.by_ref().take(chunk).collect());
    }
    let f = &f;
    let mut chunks = chunks.into_iter();
    let first = chunks.next().unwrap_or_default();
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .map(|chunk| scope.spawn(move || chunk.into_iter().map(f).collect::<Vec<R>>()))
            .collect();
        // The calling thread takes the first share rather than wait for the others.
        let mut results: Vec<R> = first.into_iter().map(f).collect();
        for handle in handles {
            // A panic in a parser is a bug: it is passed on, never turned into lost files.
            results.extend(
                handle
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
        }
        results
    })
}

/// `f` over `0..n` cut into one range per core (one range below a few hundred items),
/// results in the order of the ranges: for work whose parts build something of their own,
/// such as a part of an index, merged after.
pub fn ranges<R: Send>(n: usize, f: impl Fn(std::ops::Range<usize>) -> R + Sync) -> Vec<R> {
    let threads = cores();
    if threads < 2 || n < 512 {
        return vec![f(0..n)];
    }
    let chunk = n.div_ceil(threads);
    let parts = (0..n)
        .step_by(chunk)
        .map(|start| start..(start + chunk).min(n));
    map_min(parts.collect(), 2, f)
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_the_order_of_the_items() {
        let items: Vec<u32> = (0..1000).collect();
        let doubled = super::map(items, |x| x * 2);
        assert_eq!(doubled, (0..1000).map(|x| x * 2).collect::<Vec<_>>());
        assert!(super::map(Vec::<u32>::new(), |x| x).is_empty());
    }

    #[test]
    fn ranges_cover_every_item_once_in_order() {
        for n in [0, 1, 511, 512, 1001] {
            let parts = super::ranges(n, |r| r.collect::<Vec<_>>());
            let all: Vec<usize> = parts.into_iter().flatten().collect();
            assert_eq!(all, (0..n).collect::<Vec<_>>(), "{n}");
        }
    }
}
