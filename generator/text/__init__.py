"""Text the rules read: whole-word matching, linear-time patterns, durations."""
