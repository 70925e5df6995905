"""The scikit-learn the reference scripts need, from the venv ../shared/tools/reference.py also uses
(~/.cache/voiceclone-reference, created from PyPI once). Imported first by each reference script: when scikit-learn
is missing from the running Python, it re-runs that script under the venv's Python."""
import os
import subprocess
import sys

VENV = os.path.expanduser('~/.cache/voiceclone-reference')


def ensure_sklearn():
    try:
        import sklearn  # noqa: F401
    except ImportError:
        py = os.path.join(VENV, 'bin', 'python')
        if not os.path.exists(py):
            subprocess.run([sys.executable, '-m', 'venv', VENV], check=True)
            subprocess.run([py, '-m', 'pip', 'install', '-q', 'scikit-learn'], check=True)
        os.execv(py, [py] + sys.argv)
