"""The project file that keeps an analyst's corrections beside the article, and its autosave.

`<article>.multivector.json` holds a schema version, the article's hash and the edits. Saves are
atomic; a file written by a newer version is refused and never overwritten; a damaged file is
kept aside under a new name before anything replaces it. The autosave file beside it is written
after edits and offered for recovery when it holds work the project file lacks.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import multivector
from multivector.corrections.codec import entry_from_dict, entry_to_dict
from multivector.corrections.edits import Entry
from multivector.model.errors import InputError
from multivector.platform.storage import atomic_write_text

PROJECT_FORMAT = "multivector-corrections"
PROJECT_SCHEMA = 1
PROJECT_SUFFIX = ".multivector.json"
AUTOSAVE_SUFFIX = ".multivector.autosave.json"


@dataclass(frozen=True)
class Project:
    """An article's corrections as saved: whose text they were made on, and the edits in order."""

    article_sha256: str
    entries: tuple[Entry, ...]
    article_name: str | None = None
    saved: str | None = None
    focal: str | None = None  # the analyst's choice of the country the article is about


def project_path_for(article: Path) -> Path:
    """Where the project of an article lives: beside it, named after it."""
    article = Path(article)
    return article.with_name(article.name + PROJECT_SUFFIX)


def autosave_path_for(project_path: Path) -> Path:
    project_path = Path(project_path)
    name = project_path.name
    if name.endswith(PROJECT_SUFFIX):
        return project_path.with_name(name[: -len(PROJECT_SUFFIX)] + AUTOSAVE_SUFFIX)
    return project_path.with_name(name + ".autosave")


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def project_to_json(project: Project) -> str:
    return json.dumps(
        {
            "format": PROJECT_FORMAT,
            "schema": PROJECT_SCHEMA,
            "written_by": f"multivector {multivector.__version__}",
            "saved": project.saved,
            "article": {"name": project.article_name, "sha256": project.article_sha256},
            "focal": project.focal,
            "edits": [entry_to_dict(e) for e in project.entries],
        },
        ensure_ascii=False,
        indent=1,
    )


def _schema_of(data: object, name: str) -> int:
    if not isinstance(data, dict) or data.get("format") != PROJECT_FORMAT:
        raise InputError(f"{name}: is not a Multivector project file")
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise InputError(f"{name}: has no valid schema version; the file was left as it is")
    if schema > PROJECT_SCHEMA:
        raise InputError(
            f"{name}: was written by a newer Multivector (project schema {schema}, this "
            f"version reads up to {PROJECT_SCHEMA}); update Multivector to open it. "
            "The file was not changed"
        )
    return schema


def project_from_json(text: str, name: str = "project") -> Project:
    """The project in `text`; InputError (one line, says why) for a damaged or newer file."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(
            f"{name}: is damaged (not valid JSON at line {err.lineno}, column {err.colno}); "
            "the file was left as it is"
        ) from None
    _schema_of(data, name)
    try:
        article = data.get("article")
        sha = article.get("sha256") if isinstance(article, dict) else None
        if not isinstance(sha, str):
            raise ValueError("the article's hash is missing")
        edits = data.get("edits")
        if not isinstance(edits, list):
            raise ValueError("the list of edits is missing")
        entries = tuple(entry_from_dict(e) for e in edits)
    except (ValueError, AttributeError) as err:
        raise InputError(f"{name}: is damaged ({err}); the file was left as it is") from None
    article_name = article.get("name")
    saved = data.get("saved")
    focal = data.get("focal")
    return Project(
        article_sha256=sha,
        entries=entries,
        article_name=article_name if isinstance(article_name, str) else None,
        saved=saved if isinstance(saved, str) else None,
        focal=focal if isinstance(focal, str) and focal.strip() else None,
    )


def load_project(path: Path) -> Project:
    """The project saved at `path`; InputError when it cannot be read or used."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such project file") from None
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror or err})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(
            f"{path}: is damaged (not UTF-8 text); the file was left as it is"
        ) from None
    return project_from_json(text, str(path))


def _keep_aside(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    target, n = path.with_name(f"{path.name}.damaged-{stamp}"), 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    shutil.copy2(path, target)  # a copy: the original stays in place until the new file lands
    return target


def _guard_existing(path: Path) -> None:
    # Never overwrite a newer version's project; keep anything else unusable under another name.
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return
    except (OSError, UnicodeDecodeError):
        _keep_aside(path)
        return
    try:
        project_from_json(text, str(path))
    except InputError:
        try:
            schema = json.loads(text).get("schema")
        except (json.JSONDecodeError, AttributeError):
            schema = None
        if isinstance(schema, int) and schema > PROJECT_SCHEMA:
            raise InputError(
                f"{path}: belongs to a newer Multivector (project schema {schema}); "
                "not overwritten - save the corrections under another name"
            ) from None
        _keep_aside(path)


def save_project(path: Path, project: Project) -> Project:
    """Write the project atomically; returns it stamped with the time of saving."""
    path = Path(path)
    _guard_existing(path)
    stamped = replace(project, saved=_now())
    atomic_write_text(path, project_to_json(stamped))
    return stamped


def write_autosave(project_path: Path, project: Project) -> Path:
    """Save the unsaved work beside the project file, where recovery looks for it."""
    target = autosave_path_for(project_path)
    save_project(target, project)
    return target


def recovery_for(project_path: Path) -> Project | None:
    """The autosaved work to offer for recovery: newer than the last clean save and different
    from it. None when there is nothing to recover (or the autosave cannot be read)."""
    auto = autosave_path_for(project_path)
    if not auto.exists():
        return None
    try:
        recovered = load_project(auto)
    except InputError:
        return None
    if not Path(project_path).exists():
        return recovered if recovered.entries else None
    try:
        saved = load_project(project_path)
    except InputError:
        return recovered  # the clean save is unusable; the autosave is the best there is
    if saved.entries == recovered.entries:
        return None
    if auto.stat().st_mtime < Path(project_path).stat().st_mtime:
        return None
    return recovered


def discard_autosave(project_path: Path) -> None:
    """Forget the autosave, after a clean save or when the analyst declines recovery."""
    try:
        autosave_path_for(project_path).unlink()
    except FileNotFoundError:
        pass
