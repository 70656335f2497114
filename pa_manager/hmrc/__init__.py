"""Talking to HMRC: RTI files (FPS and EPS) in HMRC's XML, their IRmark, the GovTalk envelope, and a client
for HMRC's Transaction Engine that follows its Document Submission Protocol.

What goes into a file is decided by domain.rti from the stored pay records; this package only writes it
down, checks it against PA Manager's own schemas (schemas/, each citing what it was written from) and
HMRC's business rules that can be checked here, and carries it.

Sending to HMRC is off: see settings.py.
"""
