"""Partnering Guidelines toolkit: content model, validation and rendering, independent of the site engine."""
