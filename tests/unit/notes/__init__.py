"""Tests of facilitator.notes, one module per module."""
