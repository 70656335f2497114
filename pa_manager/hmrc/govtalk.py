"""The GovTalk envelope (version 2.0) and the messages of HMRC's Document Submission Protocol.

A conversation with HMRC's Transaction Engine (HMRC, "Transaction Engine: Document Submission Protocol"):
- the client sends a submission request (Qualifier request, Function submit) with the document in the Body;
- the gateway answers at once with an acknowledgement (Qualifier acknowledgement) carrying a CorrelationID
  and a ResponseEndPoint whose PollInterval says how many seconds to wait before asking again;
- the client polls (Qualifier poll, Function submit, the CorrelationID, an empty Body) at that address,
  no sooner than the interval, and gets either another acknowledgement (not ready: wait again), a response
  (Qualifier response: accepted, with HMRC's receipt) or an error (Qualifier error);
- errors are listed under GovTalkDetails/GovTalkErrors, each with who raised it, a number, a type
  (fatal, recoverable, business or warning) and a text; business errors from the department come with an
  ErrorResponse in the Body listing each rule the document broke;
- when the answer has been read, the client sends a delete request (Qualifier request, Function delete,
  the CorrelationID) so the gateway can discard it, and gets a response with Function delete.
The message shapes were checked against HMRC's own open-source Transaction Engine stub
(github.com/hmrc/construction-industry-scheme-external-stub, conf/resources).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from lxml import etree

ENVELOPE_NS = "http://www.govtalk.gov.uk/CM/envelope"
ERROR_RESPONSE_NS = "http://www.govtalk.gov.uk/CM/errorresponse"
SUCCESS_RESPONSE_NS = "http://www.inlandrevenue.gov.uk/SuccessResponse"

REQUEST, POLL, ACKNOWLEDGEMENT, RESPONSE, ERROR = "request", "poll", "acknowledgement", "response", "error"
SUBMIT, DELETE = "submit", "delete"


@dataclass(frozen=True)
class Credentials:
    """The employer's (or their agent's) Government Gateway user ID and password for PAYE Online."""

    sender_id: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class Channel:
    vendor_id: str        # four digits, issued by HMRC
    product: str
    version: str


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ENVELOPE_NS}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def message(message_class: str, qualifier: str, function: str, *, keys: tuple[tuple[str, str], ...] = (),
            correlation_id: str = "", credentials: Credentials | None = None, channel: Channel | None = None,
            test: bool = False, body: etree._Element | None = None, timestamp: datetime | None = None,
            ) -> etree._Element:
    """A GovTalkMessage. `keys` are (type, value) pairs (TaxOfficeNumber, TaxOfficeReference); `body`
    the document for a submission (None: an empty Body, as a poll and a delete request have)."""
    root = etree.Element(f"{{{ENVELOPE_NS}}}GovTalkMessage", nsmap={None: ENVELOPE_NS})
    _sub(root, "EnvelopeVersion", "2.0")
    header = _sub(root, "Header")
    details = _sub(header, "MessageDetails")
    _sub(details, "Class", message_class)
    _sub(details, "Qualifier", qualifier)
    _sub(details, "Function", function)
    _sub(details, "CorrelationID", correlation_id)
    _sub(details, "Transformation", "XML")
    if test:
        _sub(details, "GatewayTest", "1")
    if credentials is not None:
        sender = _sub(header, "SenderDetails")
        auth = _sub(sender, "IDAuthentication")
        _sub(auth, "SenderID", credentials.sender_id)
        method = _sub(auth, "Authentication")
        _sub(method, "Method", "clear")
        _sub(method, "Role", "principal")
        _sub(method, "Value", credentials.password)
    govtalk = _sub(root, "GovTalkDetails")
    key_list = _sub(govtalk, "Keys")
    for kind, value in keys:
        _sub(key_list, "Key", value, Type=kind)
    if qualifier == REQUEST and function == SUBMIT:
        target = _sub(govtalk, "TargetDetails")
        _sub(target, "Organisation", "IR")
    if channel is not None:
        routing = _sub(govtalk, "ChannelRouting")
        chan = _sub(routing, "Channel")
        _sub(chan, "URI", channel.vendor_id)
        _sub(chan, "Product", channel.product)
        _sub(chan, "Version", channel.version)
        if timestamp is not None:
            _sub(routing, "Timestamp", timestamp.strftime("%Y-%m-%dT%H:%M:%S"))
    body_element = _sub(root, "Body")
    if body is not None:
        body_element.append(body)
    return root


def with_sender(document: bytes, credentials: Credentials | None, channel: Channel | None, *, test: bool,
                timestamp: datetime | None = None) -> bytes:
    """A saved submission with the sender's credentials, the channel and the test flag put in its envelope.
    The Body is carried over byte for byte in meaning (the IRmark only covers the Body, so it still holds)."""
    root = etree.fromstring(document, etree.XMLParser(resolve_entities=False, no_network=True))
    details = root.find(f"{{{ENVELOPE_NS}}}Header/{{{ENVELOPE_NS}}}MessageDetails")
    keys = tuple((k.get("Type"), k.text or "") for k in root.iterfind(f".//{{{ENVELOPE_NS}}}GovTalkDetails/"
                                                                        f"{{{ENVELOPE_NS}}}Keys/{{{ENVELOPE_NS}}}Key"))
    body = root.find(f"{{{ENVELOPE_NS}}}Body")
    fresh = message(details.findtext(f"{{{ENVELOPE_NS}}}Class"), REQUEST, SUBMIT, keys=keys, credentials=credentials,
                    channel=channel, test=test, timestamp=timestamp)
    fresh.replace(fresh.find(f"{{{ENVELOPE_NS}}}Body"), body)
    return etree.tostring(fresh, xml_declaration=True, encoding="UTF-8")


# ---------------------------------------------------------------------------------------------
# Reading what the gateway sends back
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GovTalkError:
    raised_by: str
    number: str
    type: str          # fatal, recoverable, business, warning
    text: str
    location: str = ""


@dataclass(frozen=True)
class Reply:
    qualifier: str
    function: str
    correlation_id: str
    endpoint: str
    poll_interval: int | None
    errors: tuple[GovTalkError, ...]           # the envelope's GovTalkErrors
    business_errors: tuple[GovTalkError, ...]  # the ErrorResponse in the Body, rule by rule
    receipt: str                               # the IRmark receipt's message, on success
    raw: bytes

    @property
    def accepted(self) -> bool:
        return self.qualifier == RESPONSE and self.function == SUBMIT


class ReplyError(ValueError):
    """What came back is not a GovTalk message."""


def _text(element: etree._Element | None, path: str) -> str:
    if element is None:
        return ""
    found = element.find(path)
    return (found.text or "").strip() if found is not None else ""


def _errors(parent: etree._Element | None) -> tuple[GovTalkError, ...]:
    if parent is None:
        return ()
    return tuple(GovTalkError(_text(e, "{*}RaisedBy"), _text(e, "{*}Number"), _text(e, "{*}Type"), _text(e, "{*}Text"),
                              _text(e, "{*}Location")) for e in parent.iterfind("{*}Error"))


def read_reply(raw: bytes) -> Reply:
    try:
        root = etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        raise ReplyError("not XML") from None
    if etree.QName(root).localname != "GovTalkMessage":
        raise ReplyError("not a GovTalk message")
    details = root.find("{*}Header/{*}MessageDetails")
    endpoint = details.find("{*}ResponseEndPoint") if details is not None else None
    interval = endpoint.get("PollInterval") if endpoint is not None else None
    body = root.find("{*}Body")
    error_response = body.find("{*}ErrorResponse") if body is not None else None
    receipt = ""
    if body is not None:
        success = body.find("{*}SuccessResponse")
        if success is not None:
            receipt = _text(success, "{*}IRmarkReceipt/{*}Message")
    return Reply(
        qualifier=_text(details, "{*}Qualifier"), function=_text(details, "{*}Function"),
        correlation_id=_text(details, "{*}CorrelationID"),
        endpoint=(endpoint.text or "").strip() if endpoint is not None else "",
        poll_interval=int(interval) if interval and interval.strip().isdigit() else None,
        errors=_errors(root.find("{*}GovTalkDetails/{*}GovTalkErrors")),
        business_errors=_errors(error_response), receipt=receipt, raw=raw,
    )
