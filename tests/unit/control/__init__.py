"""Tests of facilitator.control, one module per module."""
