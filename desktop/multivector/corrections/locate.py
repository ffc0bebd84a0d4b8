"""Where an article's project file lives, and what it says before the article is analysed
(the country the analyst chose it to be about)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import multivector
from multivector.corrections.project import PROJECT_SUFFIX, load_project, project_path_for
from multivector.model.errors import InputError


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.is_relative_to(folder.resolve())
    except OSError:
        return False


def projects_dir() -> Path:
    """Where projects of articles that cannot keep one beside them go: the user's data folder."""
    from multivector.platform.user_dirs import user_folder

    return user_folder("data") / "projects"


def project_file_for(document_path: str | None) -> Path | None:
    """The project file of an article: beside it, or in the data folder for an article inside
    the installed package (never write into site-packages) or in a folder we cannot write to.
    None for text without a file (standard input)."""
    if not document_path or document_path == "-":
        return None
    article = Path(document_path).resolve()
    from multivector.resources import resources_dir

    try:
        bundled = _inside(article, resources_dir())
    except FileNotFoundError:
        bundled = False
    bundled = bundled or _inside(article, Path(multivector.__file__).parent)
    if bundled:
        return projects_dir() / (article.name + PROJECT_SUFFIX)
    if not os.access(article.parent, os.W_OK):
        # Two read-only articles may share a name: the folder's hash keeps them apart.
        tag = hashlib.sha256(str(article.parent).encode()).hexdigest()[:8]
        return projects_dir() / f"{article.stem}-{tag}{article.suffix}{PROJECT_SUFFIX}"
    return project_path_for(article)



def saved_focal(document_path: str | os.PathLike[str] | None) -> str | None:
    """The focal country kept in the article's project, or None (no project, none chosen, or a
    project that cannot be read: opening it later says why)."""
    if document_path is None:
        from multivector.resources import bundled_article

        document_path = bundled_article()
    path = project_file_for(str(document_path))
    if path is None or not path.exists():
        return None
    try:
        return load_project(path).focal
    except InputError:
        return None
