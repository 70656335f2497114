"""A fake of HMRC's Transaction Engine on 127.0.0.1 (a random port), following the Document Submission
Protocol as HMRC describes it and as HMRC's own open-source stub answers
(github.com/hmrc/construction-industry-scheme-external-stub):

- POST a submission request to /submission: a message that is not XML, or not a GovTalk request, gets
  an error (1001 or 1002, fatal) at once; one with no Government Gateway credentials, or the wrong ones,
  gets 1046 (fatal, authentication failure); otherwise an acknowledgement with a new CorrelationID and
  ResponseEndPoint /poll with PollInterval.
- POST a poll to /poll: an unknown CorrelationID gets 2000 (fatal); a poll before its time, or the first
  `acks_before_answer` polls, get the acknowledgement again; then the answer: a response with HMRC's
  IRmark receipt when the document passes (the same checks as PA Manager's, IRmark included), else an
  error 3001 (business) with an ErrorResponse in the Body listing each broken rule.
- POST a delete request (to /submission or /poll): a response with Function delete, and the answer is
  gone (a later poll with that CorrelationID gets 2000).
`outcome` forces an answer for a test: "fatal" (a 1000 system failure) or "recoverable".
"""
from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from lxml import etree

from pa_manager.hmrc import rti_files
from pa_manager.hmrc.irmark import irmark, irmark_base32

NS = "http://www.govtalk.gov.uk/CM/envelope"


@dataclass
class Conversation:
    message_class: str
    document: bytes
    polls: int = 0


@dataclass
class FakeEngine:
    sender_id: str = "PA-TEST"
    password: str = "testing1"
    poll_interval: int = 2
    acks_before_answer: int = 1
    outcome: str | None = None                # None: decided by checking the document
    conversations: dict[str, Conversation] = field(default_factory=dict)
    received: list[tuple[str, bytes]] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    # --- answers ---
    def _message(self, message_class: str, qualifier: str, function: str, correlation_id: str = "",
                 errors: tuple[tuple[str, str, str, str], ...] = (), body: str = "", endpoint: bool = True) -> bytes:
        point = (f'<ResponseEndPoint PollInterval="{self.poll_interval}">{self.url}/poll</ResponseEndPoint>'
                 if endpoint else "<ResponseEndPoint/>")
        error_xml = "".join(f"<Error><RaisedBy>{r}</RaisedBy><Number>{n}</Number><Type>{t}</Type><Text>{x}</Text>"
                            f"<Location></Location></Error>" for r, n, t, x in errors)
        return (f'<?xml version="1.0" encoding="UTF-8"?><GovTalkMessage xmlns="{NS}"><EnvelopeVersion>2.0'
                f'</EnvelopeVersion><Header><MessageDetails><Class>{message_class}</Class><Qualifier>{qualifier}'
                f'</Qualifier><Function>{function}</Function><CorrelationID>{correlation_id}</CorrelationID>{point}'
                f'<GatewayTimestamp>2026-12-14T10:00:00.000</GatewayTimestamp></MessageDetails></Header>'
                f'<GovTalkDetails><Keys/>{"<GovTalkErrors>" + error_xml + "</GovTalkErrors>" if errors else ""}'
                f'</GovTalkDetails><Body>{body}</Body></GovTalkMessage>').encode("utf-8")

    def _answer(self, correlation_id: str, talk: Conversation) -> bytes:
        if self.outcome == "fatal":
            return self._message(talk.message_class, "error", "submit", correlation_id,
                                 (("Department", "1000", "fatal", "System failure. The submission of this document "
                                   "has failed due to an internal system error."),))
        if self.outcome == "recoverable":
            return self._message(talk.message_class, "error", "submit", correlation_id,
                                 (("Gateway", "3000", "recoverable", "The service is busy. Try again later."),))
        checked = rti_files.check(talk.document)
        if checked.errors:
            rules = "".join(f"<Error><RaisedBy>ChRIS</RaisedBy><Number>{e.split(':')[0] if e[:4].isdigit() else '5000'}"
                            f"</Number><Type>business</Type><Text>{e}</Text><Location></Location></Error>"
                            for e in checked.errors)
            body = (f'<ErrorResponse xmlns="http://www.govtalk.gov.uk/CM/errorresponse" SchemaVersion="2.0">'
                    f'<Application><MessageCount>{len(checked.errors)}</MessageCount></Application>{rules}'
                    f'</ErrorResponse>')
            return self._message(talk.message_class, "error", "submit", correlation_id,
                                 (("ChRIS", "3001", "business", "Your submission failed due to business validation "
                                   "errors. Please see below for details."),), body)
        mark = irmark_base32(irmark(talk.document))
        body = (f'<SuccessResponse xmlns="http://www.inlandrevenue.gov.uk/SuccessResponse"><IRmarkReceipt>'
                f'<Message code="1">HMRC has received the {talk.message_class} document at 10.00 on 14/12/2026. '
                f'The associated IRmark was: {mark}.</Message></IRmarkReceipt>'
                f'<AcceptedTime>2026-12-14T10:00:00.000</AcceptedTime></SuccessResponse>')
        return self._message(talk.message_class, "response", "submit", correlation_id, body=body, endpoint=False)

    def handle(self, path: str, raw: bytes) -> bytes:
        self.received.append((path, raw))
        try:
            root = etree.fromstring(raw)
        except etree.XMLSyntaxError:
            return self._message("", "error", "submit", errors=(("Gateway", "1001", "fatal",
                                                                 "The submitted XML document is not well formed."),))
        details = root.find(f"{{{NS}}}Header/{{{NS}}}MessageDetails")
        if details is None:
            return self._message("", "error", "submit", errors=(("Gateway", "1002", "fatal",
                                                                 "The message is not a GovTalk message."),))
        message_class = details.findtext(f"{{{NS}}}Class") or ""
        qualifier = details.findtext(f"{{{NS}}}Qualifier")
        function = details.findtext(f"{{{NS}}}Function")
        correlation_id = details.findtext(f"{{{NS}}}CorrelationID") or ""
        if function == "delete":
            self.conversations.pop(correlation_id, None)
            return self._message(message_class, "response", "delete", correlation_id)
        if qualifier == "poll":
            talk = self.conversations.get(correlation_id)
            if talk is None:
                return self._message(message_class, "error", "submit", correlation_id,
                                     (("Gateway", "2000", "fatal", "Unknown CorrelationID."),))
            talk.polls += 1
            if talk.polls <= self.acks_before_answer:
                return self._message(message_class, "acknowledgement", "submit", correlation_id)
            return self._answer(correlation_id, talk)
        if qualifier != "request" or function != "submit" or path != "/submission":
            return self._message(message_class, "error", "submit", errors=(("Gateway", "1002", "fatal",
                                                                          "The message could not be validated."),))
        sender = root.findtext(f"{{{NS}}}Header/{{{NS}}}SenderDetails/{{{NS}}}IDAuthentication/{{{NS}}}SenderID")
        password = root.findtext(f"{{{NS}}}Header/{{{NS}}}SenderDetails/{{{NS}}}IDAuthentication/"
                                 f"{{{NS}}}Authentication/{{{NS}}}Value")
        if (sender, password) != (self.sender_id, self.password):
            return self._message(message_class, "error", "submit", errors=(("Gateway", "1046", "fatal",
                                                                          "Authentication Failure."),))
        correlation_id = uuid.uuid4().hex.upper()
        self.conversations[correlation_id] = Conversation(message_class, raw)
        return self._message(message_class, "acknowledgement", "submit", correlation_id)

    # --- the server ---
    def start(self) -> FakeEngine:
        engine = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                length = int(self.headers.get("Content-Length", "0"))
                answer = engine.handle(self.path, self.rfile.read(length))
                self.send_response(200)
                self.send_header("Content-Type", "text/xml; charset=UTF-8")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
