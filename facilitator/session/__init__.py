"""A run of the day on disk: the session model, the sessions folder and the host's lock."""
