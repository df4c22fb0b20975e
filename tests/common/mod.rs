#![allow(dead_code)]
pub mod corpus;
pub mod readings;
pub mod run;
