# MongoClient options and client classes that PyMongo removed.
import ssl

import pymongo
from pymongo import MongoClient
# expect: not-master-error-removed
from pymongo.errors import AutoReconnect, NotMasterError
from pymongo.write_concern import WriteConcern

client = MongoClient(
    "mongodb://db.example.com",
    ssl=True,
    # expect: client-ssl-ca-certs-removed
    tlsCAFile="/etc/ssl/ca.pem",
    # expect: client-ssl-certfile-removed
    ssl_certfile="/etc/ssl/client.crt",
    # expect: client-ssl-certfile-removed
    ssl_keyfile="/etc/ssl/client.key",
    # expect: client-ssl-pem-passphrase-removed
    tlsCertificateKeyFilePassword=passphrase,
    # expect: client-ssl-crlfile-removed
    tlsCRLFile="/etc/ssl/revoked.pem",
)
# expect: client-ssl-cert-reqs-removed
insecure = pymongo.MongoClient(uri, ssl=True, ssl_cert_reqs=ssl.CERT_NONE)
# expect: client-ssl-match-hostname-removed
insecure = MongoClient(uri, tls=True, ssl_match_hostname=False)
# expect: client-journal-option-removed
durable = MongoClient(uri, w="majority", journal=True)
# expect: client-wtimeout-option-removed
durable = MongoClient(uri, w=2, wTimeoutMS=5000)
# expect: client-socket-keep-alive-removed
long_lived = MongoClient(uri, socketKeepAlive=True)
# expect: client-journal-option-removed
async_client = pymongo.AsyncMongoClient(uri, journal=True)

# The PyMongo 4 names.
# ok: client-ssl-ca-certs-removed, client-ssl-certfile-removed, client-ssl-crlfile-removed
client = MongoClient(uri, tls=True, tlsCAFile="/etc/ssl/ca.pem", tlsCertificateKeyFile="/etc/ssl/client.pem", tlsCRLFile="/etc/ssl/revoked.pem")
# ok: client-ssl-pem-passphrase-removed, client-ssl-cert-reqs-removed, client-ssl-match-hostname-removed
client = MongoClient(uri, tlsCertificateKeyFilePassword=passphrase, tlsAllowInvalidCertificates=False, tlsAllowInvalidHostnames=False)
# ok: client-journal-option-removed, client-wtimeout-option-removed, client-socket-keep-alive-removed
client = MongoClient(uri, w="majority", journal=True, wTimeoutMS=5000)
# WriteConcern still takes j and wtimeout.
# ok: client-journal-option-removed, client-wtimeout-option-removed
orders = db.get_collection("orders", write_concern=WriteConcern(w=2, wtimeout=5000, j=True))
# Other libraries' keyword arguments of the same name.
# ok: client-ssl-cert-reqs-removed
context = ssl_wrap(sock, ssl_cert_reqs=ssl.CERT_REQUIRED)

# Connection strings.
# expect: client-uri-legacy-option
MONGO_URI = "mongodb://db.example.com/?ssl=true&ssl_cert_reqs=CERT_NONE"
# expect: client-uri-legacy-option
client = MongoClient(f"mongodb+srv://{user}:{pwd}@cluster0.example.net/app?retryWrites=true&w=majority&j=true")
# expect: client-uri-legacy-option
client = MongoClient("mongodb://a,b,c/?replicaSet=rs0&wtimeout=5000")
# ok: client-uri-legacy-option
MONGO_URI = "mongodb://db.example.com/?tls=true&tlsAllowInvalidCertificates=true&journal=true&wTimeoutMS=5000"
# ok: client-uri-legacy-option
NOTE = "set ssl_cert_reqs=CERT_NONE in the old driver"

# --- client classes -------------------------------------------------------------------
# expect: mongo-replica-set-client-removed
rs = pymongo.MongoClient("mongodb://a,b,c", replicaSet="rs0")
# ok: mongo-replica-set-client-removed
rs = pymongo.MongoClient("mongodb://a,b,c", replicaSet="rs0")
# Imported by name: reported, no fix (the fix spells `pymongo.MongoClient`).
from pymongo import MongoReplicaSetClient

# expect: mongo-replica-set-client-removed
rs = MongoReplicaSetClient("mongodb://a,b,c", replicaSet="rs0")
# expect: connection-class-removed
legacy = pymongo.MongoClient("localhost", 27017)
# expect: connection-class-removed
legacy = pymongo.MongoClient("localhost:27017", replicaSet="rs0")
# ok: connection-class-removed
current = pymongo.MongoClient("localhost", 27017)

# --- errors ---------------------------------------------------------------------------
try:
    orders.insert_one({"a": 1})
# expect: not-master-error-removed
except pymongo.errors.NotPrimaryError:
    pass
# ok: not-master-error-removed
except pymongo.errors.NotPrimaryError:
    pass
# ok: not-master-error-removed
except AutoReconnect:
    pass
# expect: not-master-error-removed
except NotMasterError:
    pass
