# `from datetime import datetime`: reported, but the fix (which spells the module
# `datetime.datetime`) is withheld because the match went through the import.
from datetime import datetime

# expect: datetime-utcnow-deprecated
created_at = datetime.utcnow()
# expect: datetime-utcfromtimestamp-deprecated
parsed = datetime.utcfromtimestamp(0)
