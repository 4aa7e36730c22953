"""Tests of facilitator.cli, one module per module."""
