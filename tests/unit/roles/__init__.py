"""Tests of facilitator.roles, one module per module."""
