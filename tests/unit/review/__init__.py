"""Tests of facilitator.review, one module per module."""
