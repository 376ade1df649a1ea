//! "Did you mean": an unknown exercise name, the likeliest meant one, and
//! the list.

use crate::manifest::Manifest;

/// "No exercise is called X", the likeliest meant one, and the list.
pub fn unknown(manifest: &Manifest, name: &str) -> String {
    let names = manifest.names();
    let mut text = format!("No exercise is called `{name}`.");
    if let Some(close) = names
        .iter()
        .map(|known| (distance(name, known), known))
        .filter(|(d, known)| *d <= known.len() / 3 || known.contains(name))
        .min()
        .map(|(_, known)| known)
    {
        text.push_str(&format!(" Did you mean `{close}`?"));
    }
    text.push_str(&format!("\nThe exercises are: {}.", names.join(", ")));
    text
}

/// Levenshtein distance, for "did you mean".
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_name_lists_the_known_ones() {
        let manifest = Manifest::parse(
            "[[exercises]]\nname = \"threads_sum_five\"\nchapter = \"threads\"\ntitle = \"t\"\nhints = [\"h\"]\n\
             [[exercises]]\nname = \"threads_join_order\"\nchapter = \"threads\"\ntitle = \"t\"\nhints = [\"h\"]\n",
        )
        .unwrap();
        let text = unknown(&manifest, "threads_sum_fiv");
        assert!(text.contains("Did you mean `threads_sum_five`?"), "{text}");
        assert!(text.contains("The exercises are: threads_sum_five, threads_join_order."));
        assert!(!unknown(&manifest, "xyz").contains("Did you mean"));
    }

    #[test]
    fn distances() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("same", "same"), 0);
    }
}
