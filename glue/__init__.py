"""Thin glue between the toolkit and MkDocs. Moving to another engine replaces only this folder."""
