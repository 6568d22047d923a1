//! casus: a rules engine for alliance-treaty obligations. Rule packs and scenarios are RON
//! data; the pipeline is load → validate → evaluate → render.

pub mod compare;
pub mod coverage;
pub mod eval;
pub mod expect;
pub mod explain;
pub mod load;
pub mod membership;
pub mod model;
pub mod overlay;
pub mod pivots;
pub mod render;
pub mod source;
pub mod stats;
pub mod suggest;
pub mod sweep;
pub mod validate;
pub mod whatif;
pub mod workspace;
