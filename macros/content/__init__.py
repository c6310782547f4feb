"""The content: its model, reading YAML with line numbers, and the checks across files."""
