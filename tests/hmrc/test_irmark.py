"""The IRmark (pa_manager.hmrc.irmark), by its properties."""
from __future__ import annotations

import base64
from datetime import date

from lxml import etree

from pa_manager.domain import rti
from pa_manager.hmrc import govtalk, rti_files
from pa_manager.hmrc.irmark import canonical_body, irmark, irmark_base32, stated_irmark
from tests.domain.rti_records import monthly_records

def _fps() -> bytes:
    april, may = monthly_records([date(2026, 4, 30), date(2026, 5, 29)])
    return rti_files.fps_file(rti.fps_for([may], [april, may]))


def test_the_body_is_canonicalised_with_the_envelope_namespace_and_without_the_irmark():
    canonical = canonical_body(_fps())
    assert canonical.startswith(b'<Body xmlns="http://www.govtalk.gov.uk/CM/envelope">')
    assert b"IRmark" not in canonical and b"EnvelopeVersion" not in canonical


def test_an_irmark_is_28_characters_of_base64_and_32_in_base32_as_receipts_print_it():
    mark = stated_irmark(_fps())
    assert len(mark) == 28 and len(base64.b64decode(mark)) == 20
    assert len(irmark_base32(mark)) == 32 and base64.b32decode(irmark_base32(mark)) == base64.b64decode(mark)


def test_any_change_in_the_body_changes_it():
    document = _fps()
    original = irmark(document)
    for before, after in ((b"<TaxDeductedOrRefunded>430.40<", b"<TaxDeductedOrRefunded>430.41<"),
                          (b"<Sur>Reed<", b"<Sur>Reid<"), (b"<RelatedTaxYear>26-27", b"<RelatedTaxYear> 26-27"),
                          (b"        <EmpRefs>", b"\t<EmpRefs>")):
        assert before in document
        assert irmark(document.replace(before, after, 1)) != original, before


def test_the_envelope_and_the_irmarks_own_value_do_not_change_it():
    document = _fps()
    original = irmark(document)
    sent = govtalk.with_sender(document, govtalk.Credentials("ISV635", "testing1"),
                               govtalk.Channel("1234", "PA Manager", "0.3"), test=True)
    assert b"<SenderID>ISV635</SenderID>" in sent and b"<GatewayTest>1</GatewayTest>" in sent
    assert irmark(sent) == original == stated_irmark(sent)
    assert irmark(document.replace(original.encode(), b"anything else", 1)) == original
    root = etree.fromstring(document)
    root.find(f"{{{govtalk.ENVELOPE_NS}}}Header/{{{govtalk.ENVELOPE_NS}}}MessageDetails/"
              f"{{{govtalk.ENVELOPE_NS}}}CorrelationID").text = "0123456789ABCDEF"
    assert irmark(root) == original
