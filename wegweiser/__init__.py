"""Wegweiser: local networks against labour exploitation and trafficking."""

__version__ = "0.1.0"
