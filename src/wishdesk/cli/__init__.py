"""Typer wiring: parse options, call one service, hand the result to a renderer."""
