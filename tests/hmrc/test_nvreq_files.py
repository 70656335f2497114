"""NINO Verification Request files (hmrc.rti_files): the request in the structure of PA Manager's
NINOverificationRequest schema, in a GovTalk envelope of class HMRC-PAYE-RTI-NVR, with its IRmark; a file
that breaks the structure or HMRC's checkable rules for the request is caught."""
from __future__ import annotations

import base64
import hashlib
from datetime import date

from lxml import etree

from pa_manager.domain.nvreq import nvreq_employee, nvreq_for
from pa_manager.hmrc import rti_files
from pa_manager.hmrc.irmark import stated_irmark

TODAY = date(2026, 12, 3)
NS = "http://www.govtalk.gov.uk/taxation/PAYE/RTI/NINOverificationRequest/1"
ENV = "http://www.govtalk.gov.uk/CM/envelope"


def _request(**changes):
    details = {**dict(ni_number="", date_of_birth=date(1999, 10, 29), gender="M",
                      address="5 Hollins Court\nAshford Vale", postcode="AV1 4DS", today=TODAY), **changes}
    return nvreq_for("123/AB456", [nvreq_employee("Sam Ellis", **details)], TODAY)


def _x(path: str) -> str:
    return "/".join(f"{{{NS}}}{part}" for part in path.split("/"))


def test_a_request_passes_every_check_and_holds_the_pas_details():
    document = rti_files.nvreq_file(_request(payroll_id="7"))
    checked = rti_files.check(document)
    assert checked.ok, checked.errors
    assert (checked.kind, checked.tax_year) == ("NVREQ", None)
    root = etree.fromstring(document)
    assert root.findtext(f"{{{ENV}}}Header/{{{ENV}}}MessageDetails/{{{ENV}}}Class") == "HMRC-PAYE-RTI-NVR"
    keys = {k.get("Type"): k.text for k in root.iterfind(f"{{{ENV}}}GovTalkDetails/{{{ENV}}}Keys/{{{ENV}}}Key")}
    assert keys == {"TaxOfficeNumber": "123", "TaxOfficeReference": "AB456"}
    envelope = root.find(f"{{{ENV}}}Body/{{{NS}}}IRenvelope")
    assert envelope is not None  # the request's own namespace, the same every year
    assert envelope.findtext(_x("IRheader/PeriodEnd")) == "2026-12-03"
    top = "NINOverificationRequest/"
    assert envelope.findtext(_x(top + "EmpRefs/OfficeNo")) == "123"
    assert envelope.findtext(_x(top + "EmpRefs/PayeRef")) == "AB456"
    details = top + "Employee/EmployeeDetails/"
    assert envelope.find(_x(details + "NINO")) is None
    assert envelope.findtext(_x(details + "Name/Fore")) == "Sam"
    assert envelope.findtext(_x(details + "Name/Sur")) == "Ellis"
    assert [line.text for line in envelope.iterfind(_x(details + "Address/Line"))] == ["5 Hollins Court",
                                                                                       "Ashford Vale"]
    assert envelope.findtext(_x(details + "Address/UKPostcode")) == "AV1 4DS"
    assert envelope.findtext(_x(details + "BirthDate")) == "1999-10-29"
    assert envelope.findtext(_x(details + "Gender")) == "M"
    assert envelope.findtext(_x(top + "Employee/Employment/PayId")) == "7"


def test_the_irmark_is_the_sha1_of_the_canonical_body_without_it():
    document = rti_files.nvreq_file(_request())
    # Worked out here from HMRC's recipe, independently of hmrc.irmark: take the Body with the envelope's
    # namespace on it, drop the IRmark element, canonicalise (C14N 1.0), SHA-1, base64.
    root = etree.fromstring(document)
    body = root.find(f"{{{ENV}}}Body")
    mark = body.find(f".//{{{NS}}}IRmark")
    previous = mark.getprevious()
    previous.tail = (previous.tail or "") + (mark.tail or "")
    mark.getparent().remove(mark)
    expected = base64.b64encode(hashlib.sha1(etree.tostring(body, method="c14n")).digest()).decode()
    assert stated_irmark(document) == expected and len(expected) == 28


def test_the_irmark_changes_with_the_details_it_covers():
    assert stated_irmark(rti_files.nvreq_file(_request())) != stated_irmark(rti_files.nvreq_file(_request(gender="F")))


def test_a_request_without_a_postcode_or_payroll_id_leaves_them_out_and_still_passes():
    document = rti_files.nvreq_file(_request(postcode=""))
    assert rti_files.check(document).ok
    assert b"UKPostcode" not in document and b"PayId" not in document


def _broken(edit) -> tuple[str, ...]:
    root = etree.fromstring(rti_files.nvreq_file(_request()))
    edit(root)
    return rti_files.check(etree.tostring(root, xml_declaration=True, encoding="UTF-8")).errors


def test_the_wrong_message_class_is_caught():
    def edit(root):
        root.find(f".//{{{ENV}}}Class").text = "HMRC-PAYE-RTI-FPS"
    assert any(e.startswith("7839") for e in _broken(edit))


def test_one_address_line_without_an_ni_number_is_caught():
    def edit(root):
        line = root.find(f".//{{{NS}}}Address/{{{NS}}}Line")
        line.getparent().remove(line)
    assert any(e.startswith("7823") for e in _broken(edit))


def test_a_name_without_a_forename_is_caught():
    def edit(root):
        fore = root.find(f".//{{{NS}}}Fore")
        fore.getparent().remove(fore)
    assert any(e.startswith("7824") for e in _broken(edit))


def test_a_changed_detail_breaks_the_irmark_and_a_bad_gender_breaks_the_schema():
    def edit(root):
        root.find(f".//{{{NS}}}Gender").text = "X"
    errors = _broken(edit)
    assert any(e.startswith("2021") for e in errors) and any("Gender" in e for e in errors)


def test_keys_that_do_not_match_the_employers_references_are_caught():
    def edit(root):
        root.find(f".//{{{NS}}}PayeRef").text = "ZZ999"
    assert any(e.startswith("7822") for e in _broken(edit))


def test_an_employee_block_out_of_order_breaks_the_schema():
    def edit(root):
        details = root.find(f".//{{{NS}}}EmployeeDetails")
        details.insert(0, details.find(f"{{{NS}}}Gender"))
    assert any("Gender" in e for e in _broken(edit))
