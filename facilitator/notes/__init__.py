"""What the tables reported: notes, each writer's file, every writer merged, the word cloud."""
