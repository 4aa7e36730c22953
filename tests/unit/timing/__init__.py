"""Tests of facilitator.timing, one module per module."""
