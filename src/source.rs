//! Source files held in memory with their display paths, and the one place where
//! line/column positions become byte spans for diagnostics.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use miette::{NamedSource, SourceSpan};

/// One input file: the path shown to the user and its full text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: Arc<str>,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        SourceFile {
            path: path.into(),
            text: text.into(),
        }
    }

    pub fn named(&self) -> NamedSource<Arc<str>> {
        NamedSource::new(self.path.clone(), Arc::clone(&self.text))
    }

    /// Byte offset of a 1-based line and character column, clamped to the text.
    pub fn offset(&self, line: usize, col: usize) -> usize {
        let mut offset = 0;
        for (index, text_line) in self.text.split_inclusive('\n').enumerate() {
            if index + 1 == line {
                let within: usize = text_line
                    .chars()
                    .take(col.saturating_sub(1))
                    .map(char::len_utf8)
                    .sum();
                return offset + within;
            }
            offset += text_line.len();
        }
        self.text.len()
    }

    /// A span that covers the token at or after `offset`, so a caret lands on something visible.
    pub fn token_at(&self, offset: usize) -> SourceSpan {
        let rest = self.text.get(offset..).unwrap_or("");
        let skipped = rest.len() - rest.trim_start().len();
        let start = offset + skipped;
        let token = rest.trim_start();
        let len = if let Some(quoted) = token.strip_prefix('"') {
            quoted.find('"').map_or(token.len(), |end| end + 2)
        } else {
            token
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.' || c == '-'))
                .unwrap_or(token.len())
                .max(token.chars().next().map_or(0, char::len_utf8))
        };
        SourceSpan::new(start.into(), len)
    }

    /// The span of the `nth` (0-based) occurrence of `"needle"` in the text, if any.
    pub fn find_quoted(&self, needle: &str, nth: usize) -> Option<SourceSpan> {
        let quoted = format!("\"{needle}\"");
        self.text
            .match_indices(&quoted)
            .nth(nth)
            .map(|(start, _)| SourceSpan::new(start.into(), quoted.len()))
    }

    /// The span of `"needle"`, or of the file's first token when the text does not contain it.
    pub fn locate(&self, needle: &str) -> SourceSpan {
        self.find_quoted(needle, 0)
            .unwrap_or_else(|| self.token_at(0))
    }

    /// The span of the first `"needle"` at or after the first `"anchor"`; for values inside an item.
    pub fn locate_after(&self, anchor: &str, needle: &str) -> SourceSpan {
        let quoted_anchor = format!("\"{anchor}\"");
        let quoted = format!("\"{needle}\"");
        match self.text.find(&quoted_anchor) {
            Some(from) => self
                .text
                .get(from..)
                .and_then(|rest| rest.find(&quoted))
                .map(|at| SourceSpan::new((from + at).into(), quoted.len()))
                .unwrap_or_else(|| SourceSpan::new(from.into(), quoted_anchor.len())),
            None => self.locate(needle),
        }
    }

    /// The span of `"needle"` after the first `key:` in the text: a field's value.
    pub fn locate_field(&self, key: &str, needle: &str) -> SourceSpan {
        let quoted = format!("\"{needle}\"");
        self.text
            .find(&format!("{key}:"))
            .and_then(|from| {
                let at = self.text.get(from..)?.find(&quoted)?;
                Some(SourceSpan::new((from + at).into(), quoted.len()))
            })
            .unwrap_or_else(|| self.locate(needle))
    }

    /// 1-based line and column of a byte offset, for plain-text messages.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let before = self.text.get(..offset).unwrap_or(&self.text);
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, col)
    }
}

/// A set of files read from disk or from the copy embedded in the binary.
#[derive(Debug, Clone, Default)]
pub struct FileSet {
    pub files: Vec<SourceFile>,
}

impl FileSet {
    /// Every `.ron` file under `dir`, sorted by path so that loading order is stable.
    pub fn read_dir(dir: &Path) -> std::io::Result<FileSet> {
        let mut paths = Vec::new();
        collect_ron_files(dir, &mut paths)?;
        paths.sort();
        let mut files = Vec::with_capacity(paths.len());
        for path in paths {
            let bytes = std::fs::read(&path)?;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            files.push(SourceFile::new(path.display().to_string(), text));
        }
        Ok(FileSet { files })
    }

    /// Files of an embedded directory, shown under `prefix` (such as `rules`).
    pub fn embedded(dir: &include_dir::Dir<'static>, prefix: &str) -> FileSet {
        let mut files = Vec::new();
        collect_embedded(dir, prefix, &mut files);
        files.sort_by(|a, b| a.path.cmp(&b.path));
        FileSet { files }
    }

    /// The files under the folder `prefix` (a path prefix followed by `/`).
    pub fn under(&self, prefix: &str) -> FileSet {
        let with_slash = format!("{}/", prefix.trim_end_matches('/'));
        FileSet {
            files: self
                .files
                .iter()
                .filter(|f| f.path.starts_with(&with_slash))
                .cloned()
                .collect(),
        }
    }

    pub fn get(&self, path: &str) -> Option<&SourceFile> {
        self.files.iter().find(|f| f.path == path)
    }
}

fn collect_ron_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_ron_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "ron") {
            out.push(path);
        }
    }
    Ok(())
}

fn collect_embedded(dir: &include_dir::Dir<'static>, prefix: &str, out: &mut Vec<SourceFile>) {
    for file in dir.files() {
        if file.path().extension().is_some_and(|e| e == "ron") {
            let text = String::from_utf8_lossy(file.contents()).into_owned();
            out.push(SourceFile::new(
                format!("{prefix}/{}", file.path().display()),
                text,
            ));
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, prefix, out);
    }
}
