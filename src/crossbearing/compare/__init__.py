"""Per-story comparison across outlets: how each outlet frames the story's actors and acts."""
