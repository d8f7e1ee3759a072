"""Collection-level analysis across articles: actor identities, stories, duplicates and reuse."""
