//! Related releases and a release's neighbours in a timeline order.

use super::Release;

/// Up to `limit` releases sharing topics, places or people with the one at `index`, best first:
/// a shared person or topic counts 2, a shared place 1; ties go to the newer release.
pub fn related(releases: &[Release], index: usize, limit: usize) -> Vec<usize> {
    let Some(subject) = releases.get(index) else {
        return Vec::new();
    };
    let mut scored: Vec<(usize, usize)> = releases
        .iter()
        .enumerate()
        .filter(|(other, _)| *other != index)
        .map(|(other, release)| {
            let shared = |mine: &[String], theirs: &[String]| {
                mine.iter().filter(|v| theirs.contains(v)).count()
            };
            let people = subject
                .people
                .iter()
                .filter(|person| release.people.iter().any(|p| p.name == person.name))
                .count();
            let score = 2 * shared(&subject.topics, &release.topics)
                + shared(&subject.places, &release.places)
                + 2 * people;
            (other, score)
        })
        .filter(|(_, score)| *score > 0)
        .collect();
    super::order::sort_with(&mut scored, &|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| releases[b.0].date.cmp(&releases[a.0].date))
            .then(a.0.cmp(&b.0))
    });
    scored
        .into_iter()
        .take(limit)
        .map(|(other, _)| other)
        .collect()
}

/// The releases just before and after `index` in `order` (a timeline's display order), or
/// `None` when `index` is not in it.
pub fn neighbours(order: &[u32], index: usize) -> Option<(Option<usize>, Option<usize>)> {
    let at = order.iter().position(|&i| i as usize == index)?;
    let before = at.checked_sub(1).map(|i| order[i] as usize);
    let after = order.get(at + 1).map(|&i| i as usize);
    Some((before, after))
}
