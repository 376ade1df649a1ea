//! The throwaway Cargo packages that compile one file on its own: the
//! grader's package per exercise (the file under test as crate `exercise`,
//! plus its tests) and `cargo xtask compile-fail`'s package per program.
//! Each is its own workspace, copies the versions of the root `Cargo.toml`'s
//! `[dependencies]`, and starts from the root `Cargo.lock`.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use toml::{Table, Value};

use crate::Layout;

/// One target of a package: its crate name and its source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub name: String,
    pub path: PathBuf,
}

impl Target {
    pub fn new(name: impl Into<String>, path: impl Into<PathBuf>) -> Target {
        Target {
            name: name.into(),
            path: path.into(),
        }
    }
}

/// A generated package, before it is written.
#[derive(Debug, Clone, Default)]
pub struct Package {
    /// The first line, a comment saying who made it.
    pub made_by: String,
    pub name: String,
    /// Built without its tests and doctests.
    pub lib: Option<Target>,
    pub bins: Vec<Target>,
    pub tests: Vec<Target>,
    pub dependencies: Table,
    pub dev_dependencies: Table,
    /// `[profile.dev] debug = …` when set: `false`, or `"line-tables-only"`
    /// (backtraces name the learner's line; building and linking stay
    /// faster than with full debug info).
    pub debug: Option<Value>,
}

impl Package {
    pub fn new(made_by: impl Into<String>, name: impl Into<String>) -> Package {
        Package {
            made_by: made_by.into(),
            name: name.into(),
            ..Package::default()
        }
    }

    /// The `Cargo.toml`.
    pub fn manifest(&self) -> String {
        let mut doc = Table::new();
        let mut package = Table::new();
        package.insert("name".into(), self.name.clone().into());
        package.insert("version".into(), "0.0.0".into());
        package.insert("edition".into(), "2024".into());
        package.insert("publish".into(), false.into());
        for auto in ["autotests", "autobenches", "autoexamples", "autobins"] {
            package.insert(auto.into(), false.into());
        }
        doc.insert("package".into(), package.into());
        if let Some(lib) = &self.lib {
            let mut table = target(lib);
            table.insert("test".into(), false.into());
            table.insert("doctest".into(), false.into());
            doc.insert("lib".into(), table.into());
        }
        for (key, targets) in [("bin", &self.bins), ("test", &self.tests)] {
            if !targets.is_empty() {
                let tables = targets.iter().map(|t| Value::Table(target(t))).collect();
                doc.insert(key.into(), Value::Array(tables));
            }
        }
        doc.insert("dependencies".into(), self.dependencies.clone().into());
        if !self.dev_dependencies.is_empty() {
            doc.insert(
                "dev-dependencies".into(),
                self.dev_dependencies.clone().into(),
            );
        }
        if let Some(debug) = &self.debug {
            let mut dev = Table::new();
            dev.insert("debug".into(), debug.clone());
            let mut profile = Table::new();
            profile.insert("dev".into(), dev.into());
            doc.insert("profile".into(), profile.into());
        }
        // Its own workspace: it lives inside the course's tree but is no
        // member of the course's workspace.
        doc.insert("workspace".into(), Table::new().into());
        let body = toml::to_string(&doc).expect("a table always serializes");
        format!("# {}; rewritten on every run.\n{body}", self.made_by)
    }

    /// Writes `Cargo.toml` (and `Cargo.lock` from `lock`, when given) into
    /// `dir`, touching only files whose text changed, so cargo's
    /// fingerprints stay fresh. Returns the manifest's path.
    pub fn write(&self, dir: &Path, lock: Option<&Path>) -> io::Result<PathBuf> {
        fs::create_dir_all(dir)?;
        let manifest = dir.join("Cargo.toml");
        write_if_changed(&manifest, &self.manifest())?;
        if let Some(lock) = lock
            && let Ok(text) = fs::read_to_string(lock)
        {
            write_if_changed(&dir.join("Cargo.lock"), &text)?;
        }
        Ok(manifest)
    }
}

fn target(target: &Target) -> Table {
    let mut table = Table::new();
    table.insert("name".into(), target.name.clone().into());
    table.insert("path".into(), target.path.display().to_string().into());
    table
}

/// The root `Cargo.toml`'s `[dependencies]` entries for `names` (all of
/// them when `names` is `None`); an error names any it does not list.
pub fn root_dependencies(layout: &Layout, names: Option<&[String]>) -> Result<Table, String> {
    let path = layout.cargo_manifest();
    let text = fs::read_to_string(&path).map_err(|e| format!("cannot read Cargo.toml: {e}"))?;
    let root: Table = toml::from_str(&text).map_err(|e| format!("Cargo.toml: {e}"))?;
    let known = root
        .get("dependencies")
        .and_then(Value::as_table)
        .cloned()
        .unwrap_or_default();
    let Some(names) = names else {
        return Ok(known);
    };
    let mut chosen = Table::new();
    for name in names {
        let spec = known.get(name).ok_or_else(|| {
            format!("`{name}` is not listed in the root Cargo.toml's [dependencies]")
        })?;
        chosen.insert(name.clone(), spec.clone());
    }
    Ok(chosen)
}

pub fn write_if_changed(path: &Path, contents: &str) -> io::Result<()> {
    if fs::read_to_string(path).ok().as_deref() != Some(contents) {
        fs::write(path, contents)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_package_with_a_library_and_a_test() {
        let mut package = Package::new("Made by `cargo grade` for `x`", "grade-x-learner");
        package.lib = Some(Target::new("exercise", "/course/exercises/t/x.rs"));
        package
            .tests
            .push(Target::new("x", "/course/exercises/t/tests/x.rs"));
        package.debug = Some("line-tables-only".into());
        let text = package.manifest();
        assert!(text.starts_with("# Made by `cargo grade` for `x`; rewritten"));
        let parsed: Table = toml::from_str(&text).unwrap();
        assert_eq!(parsed["lib"]["name"].as_str(), Some("exercise"));
        assert_eq!(parsed["lib"]["test"].as_bool(), Some(false));
        assert_eq!(
            parsed["test"][0]["path"].as_str(),
            Some("/course/exercises/t/tests/x.rs")
        );
        assert_eq!(
            parsed["profile"]["dev"]["debug"].as_str(),
            Some("line-tables-only")
        );
        assert!(parsed.contains_key("workspace"));
        assert!(!parsed.contains_key("bin"));
    }

    #[test]
    fn dependencies_come_from_the_root_manifest() {
        let root = std::env::temp_dir().join(format!("kit-deps-{}", std::process::id()));
        fs::create_dir_all(&root).unwrap();
        fs::write(
            root.join("Cargo.toml"),
            "[dependencies]\ntokio = { version = \"1\", features = [\"full\"] }\nrayon = \"1\"\n",
        )
        .unwrap();
        let layout = Layout::at(&root);
        let chosen = root_dependencies(&layout, Some(&["tokio".to_string()])).unwrap();
        assert_eq!(chosen["tokio"]["version"].as_str(), Some("1"));
        assert_eq!(chosen.len(), 1);
        assert_eq!(root_dependencies(&layout, None).unwrap().len(), 2);
        let why = root_dependencies(&layout, Some(&["crossbeam".to_string()])).unwrap_err();
        assert!(why.contains("`crossbeam`"), "{why}");
        fs::remove_dir_all(root).unwrap();
    }
}
