"""Collection-level analysis: identities across articles, duplicates and reuse between reports."""
