"""erqi-diff: diff and versioning for series of Chinese government work reports.

Pipeline: read -> normalize -> snapshot -> align -> diff -> extract
(slogans, goals, metrics) -> render (terminal, markdown, html), plus reuse.
"""

__version__ = "0.1.0"
