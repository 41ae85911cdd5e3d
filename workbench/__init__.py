"""Fact-Check Workbench: open an article, check its claims one by one, print the verification report."""

__version__ = "0.1.0"
APP_NAME = "Fact-Check Workbench"
APP_ID = "fact-check-workbench"
