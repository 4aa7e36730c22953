"""The consoles' screens, one per file, each with its stylesheet beside it."""
