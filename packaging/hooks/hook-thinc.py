"""Replaces pyinstaller-hooks-contrib's thinc hook without thinc's test suite.

thinc resolves registered layers by dotted name at run time (like spaCy), so its submodules are
collected even though nothing imports them statically.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules


def _wanted(name: str) -> bool:
    return ".tests" not in name


hiddenimports = collect_submodules("thinc", filter=_wanted)
datas = collect_data_files("thinc", excludes=["tests/**"])
