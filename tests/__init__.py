"""Test suite for The Model Wars."""
