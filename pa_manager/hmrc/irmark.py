"""The IRmark: HMRC's fingerprint of the Body of a GovTalk message.

As HMRC specifies it (HMRC, "IRmark technical pack" and "IRmark generation: hints and tips"):
1. Take the Body element of the GovTalkMessage, start and end tags included, with every namespace
   declaration in scope on it (the GovTalk envelope's namespace is then declared on Body itself).
2. Remove the IRmark element, keeping everything around it as it was (white space, line ends).
3. Canonicalise it with Canonical XML 1.0, without comments (http://www.w3.org/TR/2001/REC-xml-c14n-20010315).
4. Take the SHA-1 digest of the canonical bytes (160 bits) and encode it in base64: 28 characters.
   HMRC's receipts also show it in base32: 32 characters.
Only the Body counts, so the envelope (credentials, correlation ID, the test flag) never changes it.
"""
from __future__ import annotations

import base64
import copy
import hashlib

from lxml import etree

ENVELOPE_NS = "http://www.govtalk.gov.uk/CM/envelope"


class IRmarkError(ValueError):
    pass


def _root(message: bytes | etree._Element) -> etree._Element:
    if isinstance(message, (bytes, bytearray)):
        try:
            return etree.fromstring(bytes(message), etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError as error:
            raise IRmarkError(f"not XML: {error}") from None
    return message


def canonical_body(message: bytes | etree._Element) -> bytes:
    """The Body as HMRC hashes it: canonical XML 1.0, the IRmark element taken out."""
    root = _root(message)
    body = root.find(f"{{{ENVELOPE_NS}}}Body")
    if body is None:
        raise IRmarkError("no GovTalk Body")
    body = copy.deepcopy(body)  # keeps the namespaces in scope; the message itself is not touched
    for mark in list(body.iter("{*}IRmark")):
        parent = mark.getparent()
        tail = mark.tail or ""
        before = mark.getprevious()
        if before is not None:
            before.tail = (before.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
        parent.remove(mark)
    return etree.tostring(body, method="c14n", exclusive=False, with_comments=False)


def irmark(message: bytes | etree._Element) -> str:
    """The IRmark of a GovTalk message, in base64 (28 characters)."""
    return base64.b64encode(hashlib.sha1(canonical_body(message)).digest()).decode("ascii")


def irmark_base32(mark: str) -> str:
    """The same IRmark as HMRC's receipts print it (32 characters)."""
    return base64.b32encode(base64.b64decode(mark)).decode("ascii")


def stated_irmark(message: bytes | etree._Element) -> str | None:
    """The IRmark written in the message, if any."""
    found = _root(message).find(f"{{{ENVELOPE_NS}}}Body//{{*}}IRmark")
    return None if found is None else (found.text or "").strip()
