"""The Qt-free core: loading, analysis, budget, summaries and storage.

Nothing below this package imports Qt, pyqtgraph or qtawesome; a test proves it.
"""
