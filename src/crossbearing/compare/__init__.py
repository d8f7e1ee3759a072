"""Per-story comparison across outlets: where they agree and differ on numbers, how they quote
the same statements, and how each frames the story's actors and acts."""
