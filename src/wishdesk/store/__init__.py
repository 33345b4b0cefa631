"""The SQLite store: opening it, its schema and migrations, and every query."""
