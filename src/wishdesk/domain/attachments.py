"""Buyer photos: what is accepted, and the names they are kept and copied under.

Pure rules; the download is ``services/attachments.py``'s, the rows ``store/attachments.py``'s.
"""

from __future__ import annotations

import re
import unicodedata

MAX_BYTES = 20 * 1024 * 1024  # one photo: larger is refused, never stored
LINK_LIFETIME_MINUTES = 60  # Wish's photo links expire an hour after they are served
MAX_ATTEMPTS = 5  # downloads of one photo (over as many syncs) before giving up

PENDING, SAVED, REJECTED, FAILED = "pending", "saved", "rejected", "failed"
STATUSES = (PENDING, SAVED, REJECTED, FAILED)

# (magic bytes at the start, extension): what is taken as an image, whatever it claims
_SIGNATURES = (
    (b"\xff\xd8\xff", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"BM", "bmp"),
)
_UNSAFE = re.compile(r"[^\w.+-]+")


def image_type(head: bytes) -> str | None:
    """The file extension of an image with these first bytes, or None when it is not one
    (JPEG, PNG, GIF, BMP, WebP, HEIC/HEIF/AVIF)."""
    for magic, ext in _SIGNATURES:
        if head.startswith(magic):
            return ext
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"avif"):
        return "avif" if head[8:12] == b"avif" else "heic"
    return None


def is_image_type(content_type: str | None) -> bool:
    """Does a Content-Type header say image (or say nothing useful)?"""
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    return kind.startswith("image/") or kind in ("", "application/octet-stream")


def safe_name(name: str | None, ext: str | None = None, fallback: str = "photo") -> str:
    """A file name that is only a name: no directory, no control or shell-special characters,
    no leading dot, at most 100 characters, with ``ext`` when it has no extension of that."""
    text = unicodedata.normalize("NFKC", name or "").replace("\\", "/").rsplit("/", 1)[-1]
    text = _UNSAFE.sub("_", text).strip("._-")[:100] or fallback
    if ext and not text.lower().endswith("." + ext):
        text = f"{text}.{ext}"
    return text


def stored_name(sha256: str, ext: str) -> str:
    """The name of a photo under ``<data dir>/attachments/``: its content hash."""
    return f"{sha256}.{ext}"
