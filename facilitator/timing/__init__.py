"""Time: the clocks every process reads, the event log's entries, and the timeline that
turns an agenda, its events and now into the state of the day."""
