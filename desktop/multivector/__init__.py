"""Multivector: a desktop explorer for articles on defense and security cooperation."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("multivector")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+checkout"
