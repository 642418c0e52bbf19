# A removed or deprecated callable passed or stored by name, not called: the rules about the
# call report it too (without the call's fix).
import datetime

from sqlalchemy import Column, DateTime

created = Column(DateTime, default=datetime.datetime.utcnow)  # expect: datetime-utcnow-deprecated
clock = datetime.datetime.utcnow  # expect: datetime-utcnow-deprecated
now = datetime.datetime.utcnow()  # expect: datetime-utcnow-deprecated
# Its name, read: not a reference to call.
# ok: datetime-utcnow-deprecated
label = datetime.datetime.utcnow.__name__
# ok: datetime-utcnow-deprecated
updated = Column(DateTime, default=lambda: datetime.datetime.now(datetime.timezone.utc))
