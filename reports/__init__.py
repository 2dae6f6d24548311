"""Reports worked out from the cases: the Phoenix Project's progress report figures."""

from reports.progress import progress_figures

__all__ = ["progress_figures"]
