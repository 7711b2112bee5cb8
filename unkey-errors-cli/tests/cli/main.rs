//! The command line's tests: one test binary, one module per concern (commands end to end,
//! `diff`, the exports, `import`, `lint`, rendering, the committed page snapshots, the docs
//! tree), so the crate and its dependencies are linked once.

mod test_cli;
mod test_diff;
mod test_export;
mod test_import;
mod test_lint;
mod test_render;
mod test_snapshots;
mod test_tree;
