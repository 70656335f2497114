"""The Training area's dialogs, one module each: record a course (record.py), the course list
(courses.py), the courses one PA needs (required.py), supervision and appraisal (meetings.py) and the
Care Certificate (care_certificate.py); the edits they put on the undo stack are in edits.py, and
what they share in common.py.
"""
