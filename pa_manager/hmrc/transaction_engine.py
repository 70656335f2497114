"""A client for HMRC's Transaction Engine, following its Document Submission Protocol (see govtalk.py).

    engine = TransactionEngine(url, vendor_id=..., credentials=...)
    outcome = engine.send(saved_fps_file)

`send` submits, waits the poll interval the gateway asks for, polls with the correlation ID at the
address it gives until an answer comes (or `max_polls` run out), then sends the delete request that
lets the gateway discard the answer. Every step is also a method of its own (submit, poll, delete).

Sending to HMRC itself is off until PA Manager holds an HMRC vendor ID (settings.VENDOR_ID):
`for_hmrc()` refuses, in words, before anything leaves the computer. The client talks to any other
address it is given (the tests' own fake Transaction Engine on 127.0.0.1).
"""
from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable

from lxml import etree

from pa_manager import __version__
from pa_manager.hmrc import govtalk, settings
from pa_manager.hmrc.govtalk import Channel, Credentials, GovTalkError, Reply, ReplyError

DEFAULT_POLL_INTERVAL = 10   # seconds, when the gateway does not say
MAX_POLLS = 30


class SendingOff(RuntimeError):
    """Sending to HMRC is switched off; str() is the sentence to show."""


class EngineError(RuntimeError):
    """The conversation could not be had (no connection, an answer that is not GovTalk); `.code`."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


SENDING_OFF = ("PA Manager cannot send files to HMRC yet: it needs the vendor ID HMRC gives to payroll software "
               "it has tested, and it does not have one. Save the file and send it another way.")


@dataclass(frozen=True)
class Outcome:
    accepted: bool
    correlation_id: str
    receipt: str                          # HMRC's receipt message, when accepted
    errors: tuple[GovTalkError, ...]      # the gateway's errors and the department's business errors
    replies: tuple[Reply, ...]            # every reply, in order (acknowledgements, the answer, the deletion)
    deleted: bool

    @property
    def answered(self) -> bool:
        return self.accepted or bool(self.errors)


class TransactionEngine:
    def __init__(self, submission_url: str, *, vendor_id: str, credentials: Credentials | None = None,
                 test: bool = False, timeout: float = 30.0, sleep: Callable[[float], None] = time.sleep,
                 max_polls: int = MAX_POLLS) -> None:
        self.submission_url = submission_url
        self.channel = Channel(vendor_id, settings.PRODUCT_NAME, __version__)
        self.credentials = credentials
        self.test = test
        self.timeout = timeout
        self.sleep = sleep
        self.max_polls = max_polls

    @classmethod
    def for_hmrc(cls, credentials: Credentials, *, test_service: bool = False, **options) -> TransactionEngine:
        """HMRC's own Transaction Engine (the live service, or its External Test Service). Refused while
        PA Manager holds no vendor ID."""
        if not settings.sending_is_on():
            raise SendingOff(SENDING_OFF)
        url = settings.TEST_SUBMISSION_URL if test_service else settings.LIVE_SUBMISSION_URL
        return cls(url, vendor_id=settings.VENDOR_ID, credentials=credentials, test=test_service, **options)

    # --- one message each ---
    def _post(self, url: str, body: bytes) -> Reply:
        request = urllib.request.Request(url, data=body, method="POST",
                                         headers={"Content-Type": "text/xml; charset=UTF-8"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                raw = answer.read()
        except urllib.error.HTTPError as error:
            raw = error.read()  # the gateway answers errors in GovTalk too, with an HTTP error status
            if not raw:
                raise EngineError("TE_HTTP_ERROR", str(error.code)) from None
        except (urllib.error.URLError, OSError) as error:
            raise EngineError("TE_UNREACHABLE", str(error)) from None
        try:
            return govtalk.read_reply(raw)
        except ReplyError as error:
            raise EngineError("TE_NOT_GOVTALK", str(error)) from None

    def submit(self, document: bytes) -> Reply:
        """Send a saved submission, with this client's credentials, channel and test flag in its envelope."""
        body = govtalk.with_sender(document, self.credentials, self.channel, test=self.test,
                                   timestamp=datetime.now(timezone.utc))
        return self._post(self.submission_url, body)

    def _control(self, message_class: str, qualifier: str, function: str, correlation_id: str) -> bytes:
        message = govtalk.message(message_class, qualifier, function, correlation_id=correlation_id,
                                  channel=self.channel, test=self.test)
        return etree.tostring(message, xml_declaration=True, encoding="UTF-8")

    def poll(self, message_class: str, correlation_id: str, endpoint: str) -> Reply:
        return self._post(endpoint or self.submission_url,
                          self._control(message_class, govtalk.POLL, govtalk.SUBMIT, correlation_id))

    def delete(self, message_class: str, correlation_id: str, endpoint: str | None = None) -> Reply:
        return self._post(endpoint or self.submission_url,
                          self._control(message_class, govtalk.REQUEST, govtalk.DELETE, correlation_id))

    # --- the whole conversation ---
    def send(self, document: bytes) -> Outcome:
        message_class = etree.fromstring(document).findtext(f"{{{govtalk.ENVELOPE_NS}}}Header/"
                                                            f"{{{govtalk.ENVELOPE_NS}}}MessageDetails/"
                                                            f"{{{govtalk.ENVELOPE_NS}}}Class")
        replies = [self.submit(document)]
        reply = replies[-1]
        polls = 0
        while reply.qualifier == govtalk.ACKNOWLEDGEMENT and polls < self.max_polls:
            self.sleep(reply.poll_interval if reply.poll_interval is not None else DEFAULT_POLL_INTERVAL)
            reply = self.poll(message_class, reply.correlation_id, reply.endpoint)
            replies.append(reply)
            polls += 1
        answered = reply.qualifier in (govtalk.RESPONSE, govtalk.ERROR)
        deleted = False
        if answered and reply.correlation_id:
            gone = self.delete(message_class, reply.correlation_id, reply.endpoint or None)
            replies.append(gone)
            deleted = gone.qualifier == govtalk.RESPONSE and gone.function == govtalk.DELETE
        return Outcome(accepted=reply.accepted, correlation_id=reply.correlation_id, receipt=reply.receipt,
                       errors=reply.errors + reply.business_errors if reply.qualifier == govtalk.ERROR else (),
                       replies=tuple(replies), deleted=deleted)
