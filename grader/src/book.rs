//! Where a page is in the book, as a reader finds it in the sidebar
//! ("Solutions: Threads › Solution: Five threads, one sum"), from
//! `src/SUMMARY.md`: messages name pages that way, not by their source path.

use crate::manifest::Repo;
use std::fs;
use std::path::Path;

/// The page's place: the part title, the titles of the pages above it, and
/// its own title, joined by ` › `. `None` when SUMMARY.md does not list it.
pub fn place(summary: &str, page: &str) -> Option<String> {
    let mut part: Option<&str> = None;
    // (indent, title) of the items above the current line.
    let mut above: Vec<(usize, &str)> = Vec::new();
    for line in summary.lines() {
        if let Some(title) = line.strip_prefix("# ") {
            part = Some(title.trim());
            above.clear();
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let Some(item) = line.trim_start().strip_prefix("- [") else {
            continue;
        };
        let Some((title, rest)) = item.split_once("](") else {
            continue;
        };
        let path = rest.split(')').next().unwrap_or_default();
        above.retain(|(depth, _)| *depth < indent);
        if path == page {
            let mut names: Vec<&str> = part.into_iter().collect();
            names.extend(above.iter().map(|(_, title)| *title));
            names.push(title);
            names.dedup();
            return Some(names.join(" › "));
        }
        above.push((indent, title));
    }
    None
}

/// How a message names a page: its place in the book, or its path if
/// SUMMARY.md does not list it.
pub fn page_name(repo: &Repo, page: &Path) -> String {
    let summary = fs::read_to_string(repo.root.join("src/SUMMARY.md")).unwrap_or_default();
    let relative = page
        .strip_prefix(repo.root.join("src"))
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    match place(&summary, &relative) {
        Some(place) => format!("\"{place}\" in the book"),
        None => repo.rel(page),
    }
}

/// A chapter's title as the book's table of contents gives it: the title of
/// the link to `CHAPTER/index.md` in SUMMARY.md ("Shared state" for
/// `shared`). `None` when SUMMARY.md does not list that page.
pub fn chapter_title(summary: &str, chapter: &str) -> Option<String> {
    let target = format!("]({chapter}/index.md)");
    summary.lines().find_map(|line| {
        let item = line.trim_start().strip_prefix("- [")?;
        let (title, _) = item.split_once(&target)?;
        Some(title.to_owned())
    })
}

/// How a message names a chapter: its title in the book, or its folder when
/// SUMMARY.md does not list it (`cargo grade verify` reports that).
pub fn chapter_name(repo: &Repo, chapter: &str) -> String {
    let summary = fs::read_to_string(repo.root.join("src/SUMMARY.md")).unwrap_or_default();
    chapter_title(&summary, chapter).unwrap_or_else(|| chapter.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SUMMARY: &str = "# Summary\n\n[Intro](README.md)\n\n# Threads\n\n- [Threads](threads/index.md)\n  - [Spawning](threads/spawn.md)\n  - [Exercises](threads/exercises.md)\n    - [Five threads](threads/exercises/five.md)\n\n# Solutions: Threads\n\n- [Solution: Five threads](threads/exercises/five-solution.md)\n";

    #[test]
    fn names_the_part_and_the_pages_above() {
        assert_eq!(
            place(SUMMARY, "threads/exercises/five-solution.md").as_deref(),
            Some("Solutions: Threads › Solution: Five threads")
        );
        assert_eq!(
            place(SUMMARY, "threads/exercises/five.md").as_deref(),
            Some("Threads › Exercises › Five threads")
        );
        assert_eq!(
            place(SUMMARY, "threads/spawn.md").as_deref(),
            Some("Threads › Spawning")
        );
        assert_eq!(place(SUMMARY, "nowhere.md"), None);
    }

    #[test]
    fn a_chapter_is_named_by_its_title_in_the_book() {
        let summary = format!("{SUMMARY}\n# Shared state\n\n- [Shared state](shared/index.md)\n");
        assert_eq!(
            chapter_title(&summary, "threads").as_deref(),
            Some("Threads")
        );
        assert_eq!(
            chapter_title(&summary, "shared").as_deref(),
            Some("Shared state")
        );
        assert_eq!(chapter_title(&summary, "async"), None);
    }

    #[test]
    fn the_course_chapters_have_the_titles_of_its_table_of_contents() {
        let repo = Repo::here();
        for (chapter, title) in [
            ("shared", "Shared state"),
            ("pools", "Thread pools"),
            ("async", "Async with tokio"),
            ("rayon", "Data parallelism with rayon"),
        ] {
            assert_eq!(chapter_name(&repo, chapter), title);
        }
    }
}
