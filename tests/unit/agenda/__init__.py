"""Tests of facilitator.agenda, one module per module."""
