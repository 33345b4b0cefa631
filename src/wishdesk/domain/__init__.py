"""Pure logic with no I/O: Wish records, SLA, policy, reasons, templates."""
