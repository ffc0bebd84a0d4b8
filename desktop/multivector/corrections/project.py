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
from multivector.platform.files import NotRegularFile, describe_error, read_regular
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


# -- validation of what a project file holds, before anything reads it -------------------------
MAX_PROJECT_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 32  # a project nests six levels; more is a damaged or hostile file
MAX_DIGITS = 15  # offsets and schema numbers; a 5,000-digit number is no offset


def _number(literal: str) -> int:
    if len(literal.lstrip("-")) > MAX_DIGITS:
        raise ValueError(f"a number of {len(literal)} digits")
    return int(literal)


def _float(literal: str) -> float:
    if len(literal) > 2 * MAX_DIGITS:
        raise ValueError(f"a number of {len(literal)} characters")
    return float(literal)


def _no_constant(literal: str) -> object:
    raise ValueError(f"{literal}, which JSON does not allow")


def _depth_within(data: object, limit: int) -> bool:
    """Whether `data` nests no deeper than `limit` (iteratively: no recursion to exhaust)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > limit:
                return False
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)
    return True


def checked_json(text: str, name: str) -> object:
    """The JSON value of a project file, refused (InputError, one line) when it is not valid
    JSON, nests deeper than a project does or holds numbers no project holds."""
    damaged = f"{name}: is damaged"
    kept = "the file was left as it is"
    try:
        data = json.loads(text, parse_int=_number, parse_float=_float,
                          parse_constant=_no_constant)
    except json.JSONDecodeError as err:
        raise InputError(f"{damaged} (not valid JSON at line {err.lineno}, column {err.colno}); "
                         f"{kept}") from None
    except RecursionError:
        raise InputError(f"{damaged} (nested deeper than any project); {kept}") from None
    except ValueError as err:
        raise InputError(f"{damaged} (holds {err}); {kept}") from None
    if not _depth_within(data, MAX_DEPTH):
        raise InputError(f"{damaged} (nested deeper than any project); {kept}")
    return data


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
    data = checked_json(text, name)
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
        raw = read_regular(path, MAX_PROJECT_BYTES)  # never a FIFO or device: it would hang
    except FileNotFoundError:
        raise InputError(f"{path}: no such project file") from None
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({describe_error(err, path)})") from None
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
        text = read_regular(path, MAX_PROJECT_BYTES).decode("utf-8")
    except FileNotFoundError:
        return
    except NotRegularFile as err:
        # a project is a file: writing into a FIFO or device would block or lose it
        raise InputError(f"{path}: {describe_error(err, path)}; not written") from None
    except (OSError, UnicodeDecodeError):
        _keep_aside(path)
        return
    try:
        project_from_json(text, str(path))
    except InputError:
        try:
            data = checked_json(text, str(path))
            schema = data.get("schema") if isinstance(data, dict) else None
        except InputError:
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
    # a first save into the data folder's projects/ on a fresh machine: the folder is made now
    path.parent.mkdir(parents=True, exist_ok=True)
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
