"""wishdesk: a command-line inbox for Wish marketplace customer-service tickets."""

__version__ = "0.1.0"
