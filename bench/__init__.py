"""Performance budgets, measured against baselines in the same run; `make bench` runs them."""
