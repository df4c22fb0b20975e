#![allow(dead_code)]
pub mod corpus;
pub mod run;
