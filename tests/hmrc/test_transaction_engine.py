"""The Transaction Engine client against a fake of HMRC's Transaction Engine on 127.0.0.1
(tests/hmrc/fake_transaction_engine.py), through every turn of the Document Submission Protocol."""
from __future__ import annotations

from datetime import date

import pytest

from pa_manager.domain import rti
from pa_manager.hmrc import govtalk, rti_files, settings
from pa_manager.hmrc.irmark import irmark, irmark_base32
from pa_manager.hmrc.transaction_engine import EngineError, SendingOff, TransactionEngine
from tests.domain.rti_records import monthly_records
from tests.hmrc.fake_transaction_engine import FakeEngine

CREDENTIALS = govtalk.Credentials("PA-TEST", "testing1")


@pytest.fixture
def fake():
    engine = FakeEngine().start()
    yield engine
    engine.stop()


def _fps() -> bytes:
    april, may = monthly_records([date(2026, 4, 30), date(2026, 5, 29)])
    return rti_files.fps_file(rti.fps_for([may], [april, may]))


def _client(fake, credentials=CREDENTIALS, **options):
    waits = []
    client = TransactionEngine(f"{fake.url}/submission", vendor_id="0000", credentials=credentials, test=True,
                               sleep=waits.append, **options)
    return client, waits


def test_a_good_file_is_acknowledged_polled_at_the_interval_answered_and_deleted(fake):
    fake.acks_before_answer = 2
    client, waits = _client(fake)
    document = _fps()
    outcome = client.send(document)
    assert outcome.accepted and outcome.deleted and not outcome.errors
    assert [r.qualifier for r in outcome.replies] == ["acknowledgement", "acknowledgement", "acknowledgement",
                                                     "response", "response"]
    assert [r.function for r in outcome.replies][-1] == "delete"
    assert waits == [2, 2, 2]  # the PollInterval of each acknowledgement, before each poll
    assert irmark_base32(irmark(document)) in outcome.receipt
    # What reached the gateway: the submission with the credentials, then polls and the deletion with
    # the correlation ID the acknowledgement gave, at the address it gave; the response gives no address,
    # so the deletion goes to the submission address.
    paths = [path for path, _ in fake.received]
    assert paths == ["/submission", "/poll", "/poll", "/poll", "/submission"]
    assert b"<SenderID>PA-TEST</SenderID>" in fake.received[0][1] and b"<URI>0000</URI>" in fake.received[0][1]
    assert all(outcome.correlation_id.encode() in raw for _, raw in fake.received[1:])
    assert b"<Qualifier>poll</Qualifier>" in fake.received[1][1]
    assert b"<Function>delete</Function>" in fake.received[-1][1]
    assert outcome.correlation_id not in fake.conversations


def test_a_file_that_breaks_hmrcs_rules_comes_back_as_business_errors(fake):
    client, _ = _client(fake)
    document = _fps().replace(b"<TaxDeductedOrRefunded>430.40", b"<TaxDeductedOrRefunded>430.41", 1)
    outcome = client.send(document)
    assert not outcome.accepted and outcome.deleted
    numbers = [(e.number, e.type) for e in outcome.errors]
    assert ("3001", "business") in numbers and ("2021", "business") in numbers


def test_wrong_credentials_are_a_fatal_authentication_failure_with_nothing_to_poll(fake):
    client, waits = _client(fake, credentials=govtalk.Credentials("PA-TEST", "wrong"))
    outcome = client.send(_fps())
    assert not outcome.accepted and waits == [] and len(fake.received) == 1
    assert [(e.number, e.type) for e in outcome.errors] == [("1046", "fatal")]


@pytest.mark.parametrize("forced, number, kind", [("fatal", "1000", "fatal"), ("recoverable", "3000", "recoverable")])
def test_gateway_errors_come_back_as_they_are_raised(fake, forced, number, kind):
    fake.outcome = forced
    outcome = _client(fake)[0].send(_fps())
    assert not outcome.accepted and [(e.number, e.type) for e in outcome.errors] == [(number, kind)]
    assert outcome.deleted


def test_a_poll_for_an_unknown_correlation_id_is_an_error(fake):
    reply = _client(fake)[0].poll("HMRC-PAYE-RTI-FPS", "0123456789ABCDEF0123456789ABCDEF", f"{fake.url}/poll")
    assert reply.qualifier == "error" and reply.errors[0].number == "2000"


def test_a_message_that_is_not_xml_is_refused_by_the_gateway(fake):
    reply = _client(fake)[0]._post(f"{fake.url}/submission", b"not xml")
    assert reply.qualifier == "error" and reply.errors[0].number == "1001"


def test_when_the_answer_is_not_ready_after_the_polls_allowed_the_correlation_id_is_kept(fake):
    fake.acks_before_answer = 10
    client, waits = _client(fake, max_polls=3)
    outcome = client.send(_fps())
    assert not outcome.answered and not outcome.deleted and len(waits) == 3
    assert outcome.correlation_id in fake.conversations  # poll again later with it
    fake.acks_before_answer = 0
    later = client.poll("HMRC-PAYE-RTI-FPS", outcome.correlation_id, f"{fake.url}/poll")
    assert later.accepted


def test_no_gateway_at_the_address_is_an_engine_error(fake):
    url = f"{fake.url}/submission"
    fake.stop()
    client = TransactionEngine(url, vendor_id="0000", credentials=CREDENTIALS, sleep=lambda s: None, timeout=2)
    with pytest.raises(EngineError) as caught:
        client.send(_fps())
    assert caught.value.code == "TE_UNREACHABLE"
    fake.start()  # so the fixture can stop it


def test_sending_to_hmrc_is_off_without_a_vendor_id_and_says_so(monkeypatch):
    assert settings.VENDOR_ID is None and not settings.sending_is_on()
    with pytest.raises(SendingOff) as caught:
        TransactionEngine.for_hmrc(CREDENTIALS)
    assert "cannot send files to HMRC yet" in str(caught.value) and "vendor ID" in str(caught.value)
    monkeypatch.setattr(settings, "VENDOR_ID", "1234")
    live = TransactionEngine.for_hmrc(CREDENTIALS)
    test_service = TransactionEngine.for_hmrc(CREDENTIALS, test_service=True)
    assert live.submission_url == settings.LIVE_SUBMISSION_URL and not live.test
    assert test_service.submission_url == settings.TEST_SUBMISSION_URL and test_service.test
    assert live.channel.vendor_id == "1234"


def test_what_the_client_sends_fits_the_envelope_schema(fake):
    client, _ = _client(fake)
    client.send(_fps())
    for _, raw in fake.received:
        assert rti_files._schema("GovTalkEnvelope.xsd", None).validate(rti_files.etree.fromstring(raw)), raw[:300]
