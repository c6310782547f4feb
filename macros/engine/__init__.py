"""The thin MkDocs layer. Moving to another engine replaces only this folder and mkdocs.yml."""
