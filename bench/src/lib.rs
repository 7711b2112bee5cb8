//! Inputs and baselines for the benchmarks: synthetic catalogues and the naive code they are
//! compared with. See BENCHMARKS.md at the repository root for the results.

pub mod naive;
pub mod synthetic;
