"""Multivector: a desktop explorer for articles on defense and security cooperation."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version is read from the package metadata only when asked for: importlib.metadata
    # costs some 80 ms, which every start of the command line and the window would pay.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("multivector")
        except PackageNotFoundError:  # running from a checkout that was never installed
            return "0.0.0+checkout"
    raise AttributeError(f"module 'multivector' has no attribute {name!r}")
