"""The NINO Verification Request from the stored PA (services.rti.write_nvreq): saved for a PA without an NI
number, refused in a sentence for one with a number or with details missing, and never saved when refused."""
from __future__ import annotations

from datetime import date

from lxml import etree
from sqlalchemy import update

from pa_manager.hmrc import rti_files
from pa_manager.services import rti
from pa_manager.services.employers import find_employer
from pa_manager.services.errors import ServiceError
from pa_manager.storage import models
from tests.saying import raises_saying

TODAY = date(2026, 12, 3)


def _employer(db) -> int:
    return find_employer(db, "Margaret Okafor").id


def _change(db, name, **values):
    with db.session() as s:
        s.execute(update(models.PersonalAssistant).where(models.PersonalAssistant.name == name).values(**values))


def test_a_pa_without_an_ni_number_gets_a_request_from_their_stored_details(demo_db, tmp_path):
    _change(demo_db, "Sam Ellis", ni_number="", postcode="av1 4ds")
    made = rti.write_nvreq(demo_db, _employer(demo_db), "  sam   ellis ", tmp_path / "requests" / "nvreq.xml", TODAY)
    assert made.pa_name == "Sam Ellis" and made.path.exists()
    document = made.path.read_bytes()
    checked = rti_files.check(document)
    assert checked.ok and checked.kind == "NVREQ" and checked.irmark == made.irmark
    root = etree.fromstring(document)
    assert root.findtext(".//{*}EmpRefs/{*}PayeRef") == "PA45678"     # the demo employer's 123/PA45678
    with demo_db.session() as s:
        born = s.query(models.PersonalAssistant.date_of_birth).filter_by(name="Sam Ellis").scalar()
    assert root.findtext(".//{*}BirthDate") == born.isoformat() and root.findtext(".//{*}Gender") == "M"
    assert [e.text for e in root.iterfind(".//{*}Address/{*}Line")] == ["5 Hollins Court", "Ashford Vale"]
    assert root.findtext(".//{*}UKPostcode") == "AV1 4DS"
    assert root.findtext(".//{*}IRheader/{*}PeriodEnd") == "2026-12-03"


def test_a_pa_with_an_ni_number_is_refused_and_nothing_is_saved(demo_db, tmp_path):
    out = tmp_path / "nvreq.xml"
    with raises_saying(ServiceError, "Janet Moyo already has an NI number"):
        rti.write_nvreq(demo_db, _employer(demo_db), "Janet Moyo", out, TODAY)
    assert not out.exists()


def test_missing_details_are_said_with_the_pas_name(demo_db, tmp_path):
    employer_id = _employer(demo_db)
    _change(demo_db, "Sam Ellis", ni_number="", gender="")
    with raises_saying(ServiceError, "Record Sam Ellis's gender"):
        rti.write_nvreq(demo_db, employer_id, "Sam Ellis", tmp_path / "x.xml", TODAY)
    _change(demo_db, "Sam Ellis", gender="M", address="5 Hollins Court")
    with raises_saying(ServiceError, "two lines of Sam Ellis's address"):
        rti.write_nvreq(demo_db, employer_id, "Sam Ellis", tmp_path / "x.xml", TODAY)
    assert not (tmp_path / "x.xml").exists()


def test_an_unknown_pa_or_a_missing_paye_reference_is_said(demo_db, tmp_path):
    employer_id = _employer(demo_db)
    with raises_saying(ServiceError, "no PA called Nobody"):
        rti.write_nvreq(demo_db, employer_id, "Nobody", tmp_path / "x.xml", TODAY)
    _change(demo_db, "Sam Ellis", ni_number="")
    with demo_db.session() as s:
        s.execute(update(models.Employer).where(models.Employer.id == employer_id).values(paye_reference=""))
    with raises_saying(ServiceError, "Add your employer PAYE reference"):
        rti.write_nvreq(demo_db, employer_id, "Sam Ellis", tmp_path / "x.xml", TODAY)
