"""A roster row with no title takes the rank its officer is given elsewhere in the
message (intake/ranked_mentions)."""

from __future__ import annotations

from mailbot.intake.model import Officer
from mailbot.intake.parse import parse_message
from mailbot.intake.ranked_mentions import titles_from_mentions
from mailbot.intake.rules import load_rules
from tests.reading_mail import mail

_BODY = """Hi,

Chief said to go ahead and sign us up, all the equipment is in. I'll be the point of contact.

Brandon Police Department
49 Center St, Brandon VT 05733
802-247-0222
Judiciary code 1115

Our logo is attached.

Officers:
Desabrais, Tyler  11B03  tdesabrais
Hutchins, Amber  11B06  ahutchins
Ofc. Wade Pratt  11B08  wpratt

Thanks
Sgt. Tyler Desabrais
Brandon PD
"""


def test_the_signers_rank_fills_his_own_row_and_no_other() -> None:
    raw = mail(
        _BODY,
        sender="Tyler Desabrais <tdesabrais@brandon.org>",
        subject="e-ticket sign up Brandon",
        attachments=[("brandon_pd.png", _png(), "image/png")],
    )
    result = parse_message(raw)
    titles = {o.last_name: o.title for o in result.officers}
    assert titles["Desabrais"] == "Sergeant"
    assert titles["Hutchins"] is None  # named nowhere with a rank: asked, not guessed
    assert "officers[0].title" not in result.missing
    assert "officers[1].title" in result.missing


def test_two_different_ranks_for_one_person_leave_the_title_blank() -> None:
    officer = Officer(last_name="Roy", first_name="Amy", officer_number="11B09")
    texts = ["Sgt. Amy Roy will train the others.", "Lt. Amy Roy\nBrandon PD"]
    assert titles_from_mentions([officer], texts, load_rules())[0].title is None


def test_a_written_title_is_kept_and_a_courtesy_title_is_no_rank() -> None:
    rules = load_rules()
    kept = Officer(last_name="Roy", first_name="Amy", title="Corporal")
    plain = Officer(last_name="Cole", first_name="Ben")
    texts = ["Sgt. Amy Roy and Mr. Ben Cole will be the first users."]
    out = titles_from_mentions([kept, plain], texts, rules)
    assert [o.title for o in out] == ["Corporal", None]


def test_a_rank_of_two_words_is_read_whole() -> None:
    officer = Officer(last_name="Corliss", first_name="Lisa")
    texts = ["Thank you,\n\nDet. Sgt. Lisa Corliss\nSpringfield Police Department"]
    assert titles_from_mentions([officer], texts, load_rules())[0].title == "Detective Sergeant"


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (120, 120), (20, 40, 160)).save(out, format="PNG")
    return out.getvalue()
