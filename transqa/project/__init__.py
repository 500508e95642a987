"""A study project: ``transqa.toml`` and running the checks over its transcripts."""

from transqa.project.config import Project, Reviewer, Site, TranscriptSpec, load_project

__all__ = ["Project", "Reviewer", "Site", "TranscriptSpec", "load_project"]
