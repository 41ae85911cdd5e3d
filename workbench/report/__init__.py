"""The verification report: one article's check as PDF, CSV, JSON or schema.org ClaimReview.

Plain Python; never imports Qt. ``write_report`` is the one entry point the CLI and the GUI use.
"""

from .model import VerdictCounts, VerificationReport, build_report
from .options import PAGE_SIZES, ReportOptions
from .writer import FORMATS, format_for_path, write_report

__all__ = [
    "FORMATS",
    "PAGE_SIZES",
    "ReportOptions",
    "VerdictCounts",
    "VerificationReport",
    "build_report",
    "format_for_path",
    "write_report",
]
