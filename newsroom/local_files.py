"""Files a machine keeps for itself, outside git: the secret key that `make serve` creates."""

import os
import secrets
import sys
from pathlib import Path


def local_secret_key(path: Path) -> str:
    """The key kept in `path`, created on first use (readable by its owner only).

    Every worker of a server may start at once: the key is written to a file of its own, then
    linked into place, so that a worker reads either no key or the whole one.
    """
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f".{path.name}.{os.getpid()}")
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write(secrets.token_urlsafe(50) + "\n")
    try:
        os.link(draft, path)
        print(f"A secret key was created in {path}: keep it, and out of git.", file=sys.stderr)
    except FileExistsError:
        pass
    finally:
        draft.unlink()
    return path.read_text().strip()
