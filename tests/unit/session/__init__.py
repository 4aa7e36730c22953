"""Tests of facilitator.session, one module per module."""
