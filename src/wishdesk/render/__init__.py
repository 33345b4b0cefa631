"""Turning results into table / tsv / csv / json / jsonl / rich panels; terminal safety."""
