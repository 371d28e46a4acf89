"""Limits the intake applies to untrusted input (from ``[limits]`` in the config)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_message_bytes: int = 20 * 1024 * 1024
    max_attachments: int = 20
    max_attachment_bytes: int = 10 * 1024 * 1024
    max_decompressed_bytes: int = 50 * 1024 * 1024
    max_image_pixels: int = 25_000_000
    max_officers: int = 500
    max_text_chars: int = 1_000_000
    read_timeout_seconds: float = 30.0
