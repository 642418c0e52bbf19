# PyIceberg catalog properties.
from pyiceberg.catalog import load_catalog
from pyiceberg.catalog.glue import GlueCatalog

# expect: aws-properties-removed
glue = load_catalog("glue", type="glue", region_name="us-east-1")
glue2 = load_catalog(
    "glue",
    **{
        "type": "glue",
        # expect: aws-properties-removed
        "aws_access_key_id": key_id,
        # expect: aws-properties-removed
        "aws_secret_access_key": secret,
        # ok: aws-properties-removed
        "client.region": "us-east-1",
    },
)
properties = {
    "type": "dynamodb",
    # expect: aws-properties-removed
    "profile_name": "analytics",
}
# expect: aws-properties-removed
glue3 = GlueCatalog("glue", aws_session_token=token)
# boto3 itself still takes region_name.
# ok: aws-properties-removed
session = boto3.Session(region_name="us-east-1")
# ok: aws-properties-removed
client = boto3.client("glue", region_name="us-east-1")

rest = load_catalog(
    "prod",
    **{
        "type": "rest",
        "uri": "https://catalog.example.com",
        "credential": "id:secret",
        # expect: rest-authorization-url-removed
        "rest.authorization-url": "https://auth.example.com/token",
        # ok: rest-authorization-url-removed
        "oauth2-server-uri": "https://auth.example.com/token",
        # expect: gcs-endpoint-removed
        "gcs.endpoint": "http://localhost:4443",
        # ok: gcs-endpoint-removed
        "gcs.service.host": "http://localhost:4443",
        # expect: adlfs-properties-removed
        "adlfs.account-name": "devstoreaccount1",
        # ok: adlfs-properties-removed
        "adls.account-name": "devstoreaccount1",
    },
)

table = rest.load_table("db.events")
with table.update_spec() as update:
    # expect: partition-identity-timestamp
    update.add_identity("created_at")
    # expect: partition-identity-unique-id
    update.add_identity("session_id")
    # ok: partition-identity-timestamp, partition-identity-unique-id
    update.add_identity("country")
