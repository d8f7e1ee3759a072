"""Per-story comparison: where outlets agree and differ on numbers, and how they quote the same
statements."""
