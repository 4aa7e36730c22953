"""The plan of a day: the agenda's models and loading, durations and clock times, the
planned overview, and the importer that turns a programme text into an agenda."""
