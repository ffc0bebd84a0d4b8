"""The Qt-free parts never load Qt, pyqtgraph or qtawesome, imported and run."""

import subprocess
import sys


def test_importing_and_running_the_core_loads_no_qt() -> None:
    code = (
        "import sys\n"
        "import multivector.engine.pipeline, multivector.model.serialize, multivector.documents.loading\n"
        "import multivector.summary.build, multivector.library.store, multivector.corrections.apply\n"
        "import multivector.explore.selection, multivector.explore.offsets, multivector.summary.chart\n"
        "from multivector.documents.loading import load_document\n"
        "from multivector.engine.pipeline import analyze_document\n"
        "analyze_document(load_document(None))\n"
        "import multivector.cli.main\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph', 'qtawesome', 'qtpy')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
