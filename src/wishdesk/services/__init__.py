"""Use cases: plain functions taking a store and a clock; no printing."""
