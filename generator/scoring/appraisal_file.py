"""Reading an appraisals file (.json or .csv), bounded in size, into appraisals."""

from __future__ import annotations

from pathlib import Path

from ..files import read_at_most, system_reason
from ..messages import _
from ..model import Catalog
from . import bounds
from .appraisal import Appraisal, AppraisalFileError, _Refused
from .appraisal_csv import _from_csv
from .appraisal_json import _from_json


def read_appraisals(path: Path, catalog: Catalog) -> list[Appraisal]:
    """The appraisals in a .json or .csv file; unreadable values become row problems.

    Raises AppraisalFileError if the file cannot be read or exceeds a bound (bounds.MAX_...).
    """
    try:
        data = _read_bytes(path)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise _Refused(
                _(
                    "not UTF-8 text (byte 0x{byte} on line {line}); save the file as "
                    "UTF-8 (in Excel: CSV UTF-8)",
                    byte=f"{data[exc.start]:02x}",
                    line=line,
                )
            ) from None
        if path.suffix.lower() == ".json":
            return _from_json(text, catalog)
        return _from_csv(text, catalog)
    except _Refused as exc:
        if exc.row is None:
            raise AppraisalFileError(
                _("{file}: cannot read appraisals: {reason}", file=path, reason=exc.message)
            ) from None
        raise AppraisalFileError(
            _(
                "{file}: row {row}: {reason}; nothing was scored",
                file=path,
                row=exc.row,
                reason=exc.message,
            )
        ) from None


def _read_bytes(path: Path) -> bytes:
    limit, mebibytes = f"{bounds.MAX_FILE_BYTES:,}", f"{bounds.MAX_FILE_BYTES / 2**20:g}"
    try:
        if path.is_dir():
            raise _Refused(_("a folder, not a file"))
        size = path.stat().st_size
        if size > bounds.MAX_FILE_BYTES:
            raise _Refused(
                _(
                    "the file has {size} bytes, more than the limit of {limit} ({mebibytes} MiB)",
                    size=f"{size:,}",
                    limit=limit,
                    mebibytes=mebibytes,
                )
            )
        with path.open("rb") as handle:
            data = read_at_most(handle, bounds.MAX_FILE_BYTES)
    except FileNotFoundError:
        raise _Refused(_("no such file")) from None
    except OSError as exc:
        raise _Refused(system_reason(exc)) from None
    if data is None:
        raise _Refused(
            _(
                "the file has more bytes than the limit of {limit} ({mebibytes} MiB)",
                limit=limit,
                mebibytes=mebibytes,
            )
        )
    return data
