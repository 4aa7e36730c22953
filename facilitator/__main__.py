"""`python -m facilitator` runs the same command as `facilitator`."""

from facilitator.cli import main

raise SystemExit(main())
