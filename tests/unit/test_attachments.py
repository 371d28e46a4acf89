"""Attachments: real types, tables inside files, winmail.dat, and the agency logo."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from mailbot.intake.attachments import CSV, DOCX, TNEF, XLSX, sniff_type, unpack
from mailbot.intake.limits import Limits
from mailbot.intake.logo import LogoInfo, find_logo
from mailbot.intake.parts import Attachment
from mailbot.intake.table_files import csv_rows
from tests.data import build

ROWS = [
    ["Last", "First", "Officer Number"],
    ["Müller", "José", "HA014"],
    ["O’Neil", "Marie", "HA031"],
]
CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


def test_type_is_decided_by_content() -> None:
    """A workbook, Word file, image or winmail.dat is recognised whatever its name says."""
    assert sniff_type(build.xlsx(ROWS), "list.bin", "application/octet-stream") == XLSX
    assert sniff_type(build.docx(ROWS), "x.dat", "") == DOCX
    assert sniff_type(build.png(10, 10), "logo.jpg", "image/jpeg") == "image/png"
    assert sniff_type(build.tnef([]), "winmail.dat", "application/octet-stream") == TNEF
    assert sniff_type(b"a,b\n1,2\n", "officers.csv", "application/octet-stream") == CSV


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Last;First\r\nMüller;José\r\n".encode("cp1252"), [["Last", "First"], ["Müller", "José"]]),
        ("\ufeffLast,First\nO’Neil,Zoë\n".encode(), [["Last", "First"], ["O’Neil", "Zoë"]]),
        (b"Last\tFirst\nSmith\tJohn\n", [["Last", "First"], ["Smith", "John"]]),
    ],
)
def test_csv_delimiter_and_encoding(data: bytes, expected: list[list[str]]) -> None:
    """CSV files with ; , or TAB, in UTF-8 (BOM) or Windows-1252, give the same rows."""
    assert csv_rows(data) == expected


def test_xlsx_and_docx_tables() -> None:
    """Officer lists in a workbook or a Word table become rows of cell strings."""
    xlsx_rows: list[list[object]] = [["Last", "First", "Number"], ["Smith", "John", 1234.0]]
    out = unpack(
        [
            Attachment("officers.xlsx", XLSX, build.xlsx(xlsx_rows)),
            Attachment("officers.docx", DOCX, build.docx(ROWS, ["Officer list"])),
        ],
        Limits(),
    )
    assert out.tables == [[["Last", "First", "Number"], ["Smith", "John", "1234"]], ROWS]
    assert out.notes == []


def test_zip_bomb_is_refused() -> None:
    """A spreadsheet that unpacks beyond the limit is not opened, and the sender is told."""
    out = unpack(
        [Attachment("big.xlsx", XLSX, build.xlsx(ROWS))], Limits(max_decompressed_bytes=1000)
    )
    assert out.tables == []
    assert out.notes and out.notes[0].startswith("big.xlsx: not opened")


def test_broken_workbook_is_a_note() -> None:
    """A corrupt spreadsheet becomes a note, never an exception."""
    data = build.xlsx(ROWS)[:-200]
    out = unpack([Attachment("bad.xlsx", XLSX, data)], Limits())
    assert out.tables == [] and len(out.notes) == 1


def test_tnef_attachments_are_extracted() -> None:
    """winmail.dat yields its files (and their tables) as if attached directly."""
    blob = build.tnef(
        [("officers.csv", b"Last,First\nSmith,John\n"), ("seal.png", build.png(50, 50))]
    )
    out = unpack([Attachment("winmail.dat", TNEF, blob)], Limits())
    assert [(a.filename, a.content_type) for a in out.attachments] == [
        ("officers.csv", CSV),
        ("seal.png", "image/png"),
    ]
    assert out.tables == [[["Last", "First"], ["Smith", "John"]]]


def test_malformed_tnef_is_a_note() -> None:
    """A truncated or garbage winmail.dat is noted for the sender, never a crash."""
    for blob in (b"\x78\x9f\x3e\x22\x01", b"\x78\x9f\x3e\x22" + bytes(range(256)) * 3):
        out = unpack([Attachment("winmail.dat", TNEF, blob)], Limits())
        assert out.attachments == []
        assert out.notes or out.texts == []


@pytest.mark.skipif(not (CORPUS / "tnefparse").is_dir(), reason="shared corpus not present")
def test_corpus_tnef_files_never_raise() -> None:
    """Every winmail.dat in the robustness corpus unpacks or yields a note."""
    for path in sorted((CORPUS / "tnefparse").glob("*.tnef")):
        out = unpack([Attachment("winmail.dat", TNEF, path.read_bytes())], Limits())
        assert out.attachments or out.notes or out.texts or path.stat().st_size < 400, path.name


def _png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (
        b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk))
    )


def test_logo_prefers_named_image_over_others() -> None:
    """Among several images, one named logo/patch/badge/seal/emblem is chosen."""
    atts = [
        Attachment("photo.jpg", "image/jpeg", build.image("JPEG", 400, 300)),
        Attachment("dept-patch.png", "image/png", build.png(100, 100)),
    ]
    logo = find_logo(atts, Limits())
    assert isinstance(logo, LogoInfo)
    assert (logo.filename, logo.format, logo.width, logo.height) == (
        "dept-patch.png",
        "PNG",
        100,
        100,
    )
    assert logo.size_bytes == len(atts[1].data) and len(logo.sha256) == 64


def test_signature_image_and_pixel_are_not_the_logo() -> None:
    """Inline signature images and tracking pixels never count as the logo."""
    atts = [
        Attachment("image001.png", "image/png", build.png(120, 40), inline=True, content_id="i1"),
        Attachment("p.gif", "image/gif", build.image("GIF", 1, 1)),
        Attachment("notes.txt", "text/plain", b"x" * 500),
    ]
    assert find_logo(atts, Limits()) is None


def test_decompression_bomb_is_not_a_logo() -> None:
    """An image claiming billions of pixels is ignored without raising."""
    bomb = _png_header(100_000, 100_000) + b"\x00" * 300
    assert find_logo([Attachment("logo.png", "image/png", bomb)], Limits()) is None
    small_limit = Limits(max_image_pixels=100)
    assert find_logo([Attachment("logo.png", "image/png", build.png(64, 64))], small_limit) is None


def test_logo_by_content_not_name() -> None:
    """A JPEG named .png, or a text file named logo.png, is judged by its bytes."""
    jpeg = build.image("JPEG", 90, 90)
    logo = find_logo([Attachment("logo.png", "image/png", jpeg)], Limits())
    assert logo is not None and logo.format == "JPEG"
    assert find_logo([Attachment("logo.png", "image/png", b"not an image" * 50)], Limits()) is None


def test_a_cell_merged_down_a_column_gives_its_value_to_every_row() -> None:
    """A title cell merged over the rows of three officers ("Trooper" once for all
    three) is the title of each; a title merged across the top stays where it is."""
    import io

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Windham Constables - e-ticket roster"])
    ws.append(["Surname", "Given Name", "Title", "Badge"])
    ws.append(["Okonkwo", "Ifeoma", "Constable", "WC11"])
    ws.append(["Lindqvist", "Per", "Second Constable", "WC14"])
    ws.append(["Moreau", "Alain", None, "WC15"])
    ws.append(["Tsang", "Wai", None, "WC17"])
    ws.merge_cells("A1:D1")
    ws.merge_cells("C4:C6")
    buf = io.BytesIO()
    wb.save(buf)
    out = unpack([Attachment("constables.xlsx", XLSX, buf.getvalue())], Limits())
    assert out.tables == [
        [
            ["Windham Constables - e-ticket roster"],
            ["Surname", "Given Name", "Title", "Badge"],
            ["Okonkwo", "Ifeoma", "Constable", "WC11"],
            ["Lindqvist", "Per", "Second Constable", "WC14"],
            ["Moreau", "Alain", "Second Constable", "WC15"],
            ["Tsang", "Wai", "Second Constable", "WC17"],
        ]
    ]


def test_a_photo_said_to_hold_the_roster_is_no_logo_when_the_logo_comes_next_week() -> None:
    """ "Roster is in the picture ... Will get you the logo next week": the one photo
    sent is the roster, and no logo was sent."""
    from mailbot.intake.rules import load_rules

    photo = [Attachment("IMG_2210.jpg", "image/jpeg", build.image("JPEG", 400, 300))]
    text = "Roster is in the picture (took a pic of the board). Will get you the logo next week."
    assert find_logo(photo, Limits(), text=text, rules=load_rules()) is None
    said = "Logo attached. Thanks."
    assert find_logo(photo, Limits(), text=said, rules=load_rules()) is not None


def test_the_roster_photo_beside_the_logo_is_not_the_logo() -> None:
    """ "Roster is in the picture ... Logo attached too": of the two images, the large
    photo is the roster and the other the logo."""
    from mailbot.intake.rules import load_rules

    images = [
        Attachment("IMG_3308.jpg", "image/jpeg", build.image("JPEG", 1100, 560)),
        Attachment("star.png", "image/png", build.image("PNG", 200, 200)),
    ]
    text = "Roster is in the picture, I took it of the whiteboard. Logo attached too."
    logo = find_logo(images, Limits(), text=text, rules=load_rules())
    assert logo is not None and logo.filename == "star.png"
