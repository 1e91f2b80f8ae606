"""typeset: Thai thesis sources (thesis.yaml + Markdown chapters) to a submission-ready PDF."""

__version__ = "0.1.0"
