"""Reading the catalogue files: YAML with line numbers, JSON Schema, cross-checks."""
