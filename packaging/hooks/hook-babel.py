"""Replaces PyInstaller's babel hook, which ships all 1,100 locales (~30 MB).

Only courlan (pulled in by trafilatura) uses babel, to test whether a URL segment names a language
when filtering links; we never ask it to. An unknown locale there is caught as ``UnknownLocaleError``.
"""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("babel", includes=["global.dat", "locale-data/root.dat", "locale-data/en.dat"])
# Unpickling root.dat needs these classes (as in PyInstaller's own hook).
hiddenimports = ["babel.dates", "babel.localedata", "babel.plural", "babel.numbers"]
