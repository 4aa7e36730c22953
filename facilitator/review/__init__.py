"""Afterwards: planned against actual, the list of sessions, archives and the exports."""
