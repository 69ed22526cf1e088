"""The build's settings from the environment, checked before anything is built, each problem one line.

- `SOURCE_DATE_EPOCH` (the Makefile sets it from the last commit): the site's date, for the colophon and
  citations. Digits only; without it the last commit's date; with neither the build stops rather than
  print 1970 or today's date.
- `SITE_URL` / `SITE_URL_ZH`: the published addresses (canonical links, share cards, hreflang, sitemap).
  An address must be http(s), end with a slash and hold no quote, space or angle bracket; when unset the
  build says that its links point at the local preview server.
- `MW_RELEASE=1` (`make release`, the publishing workflow): a build for readers, so `SITE_URL` must be set.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

from build_charts.errors import PipelineError

URL = re.compile(r"^https?://[^\s\"'<>`\\]+/$")


class SettingsError(PipelineError):
    """A setting the build cannot use."""


def site_date(root: Path) -> dt.date:
    """The site's date: SOURCE_DATE_EPOCH, else the last commit's; neither is an error."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH", "")
    if stamp:
        if not (stamp.isascii() and stamp.isdigit()):
            raise SettingsError(None, None, "SOURCE_DATE_EPOCH", f"must be seconds since 1970 (digits), not {stamp!r}")
        if int(stamp) == 0:
            raise SettingsError(
                None, None, "SOURCE_DATE_EPOCH", "is 0 (1970): build from a git clone, or set it to the release's time"
            )
        return dt.datetime.fromtimestamp(int(stamp), dt.UTC).date()
    r = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True)
    if r.returncode == 0 and r.stdout.strip().isdigit():
        return dt.datetime.fromtimestamp(int(r.stdout.strip()), dt.UTC).date()
    raise SettingsError(
        None, None, "SOURCE_DATE_EPOCH", "unset and no git history: set it (seconds) so the site's date is known"
    )


def site_url(name: str, value: str | None, release: bool = False) -> str | None:
    """Check one address setting; returns a line for the build log when it is unset (an error for a release)."""
    if value is None or value == "":
        if release:
            raise SettingsError(None, None, name, "must be set for a release: the address readers will use")
        return f"{name} is not set: canonical links, citations and share cards point at the preview server"
    if not URL.match(value):
        raise SettingsError(
            None, None, name, f"{value!r} is not a site address: http(s)://…/ with a final slash, no quotes or spaces"
        )
    return None


def check(root: Path) -> list[str]:
    """Every setting checked; returns what the build log should say (raises on the first bad one)."""
    site_date(root)
    release = os.environ.get("MW_RELEASE", "") not in ("", "0")
    said = [site_url(name, os.environ.get(name), release) for name in ("SITE_URL", "SITE_URL_ZH")]
    return [line for line in said if line]
