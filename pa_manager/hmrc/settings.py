"""Whether PA Manager may send anything to HMRC itself.

HMRC accepts online submissions only from software that carries a vendor ID, which HMRC's Software
Developer Support Team issues to a product once it has passed HMRC's tests ("PAYE Recognition"). PA
Manager does not hold one yet, so VENDOR_ID is None and sending to HMRC is off: the app saves the FPS
and EPS files for the user to send another way, and says so. When the project is issued a vendor ID it
is written here (four digits), and only then can the Transaction Engine client send to HMRC's live or
test service. Never put a made-up ID here: HMRC would refuse every submission, or worse, accept one
from software it has not tested.
"""
from __future__ import annotations

VENDOR_ID: str | None = None

PRODUCT_NAME = "PA Manager"

# HMRC's Transaction Engine: the live service and its External Test Service (GOV.UK, "HMRC Transaction
# Engine: Document Submission Protocol"; the addresses as HMRC's open-source services use them).
LIVE_SUBMISSION_URL = "https://transaction-engine.tax.service.gov.uk/submission"
TEST_SUBMISSION_URL = "https://test-transaction-engine.tax.service.gov.uk/submission"


def sending_is_on() -> bool:
    return VENDOR_ID is not None
