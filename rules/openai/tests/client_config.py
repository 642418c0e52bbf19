# Half-migrated configuration: openai 0.x settings and arguments on openai>=1.0.
import os

import httpx
import openai
from openai import AzureOpenAI, OpenAI

# ok: module-api-key
api_key = os.environ["OPENAI_API_KEY"]
# expect: module-api-key
openai.api_key = api_key
# expect: api-base-removed
openai.api_base = "https://my-resource.openai.azure.com"
# Still defined in 1.x for the Azure module client: not reported.
# ok: api-base-removed, module-setting-removed
openai.api_type = "azure"
# ok: module-setting-removed
openai.api_version = "2024-06-01"
# ok: module-setting-removed, module-api-key
openai.organization = "org-123"
# ok: api-base-removed, module-setting-removed
openai.base_url = "https://gateway.example.com/v1"
# expect: module-setting-removed
openai.proxy = {"https": "http://proxy:3128"}
# expect: module-setting-removed
openai.api_key_path = "/run/secrets/openai"
# expect: module-setting-removed
openai.log = "debug"
# expect: api-base-removed
print(f"calling {openai.api_base}")

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-06-01")
messages = [{"role": "user", "content": "Hello"}]

# expect: engine-argument-removed
reply = client.chat.completions.create(engine="gpt4o-deployment", messages=messages)
reply = client.chat.completions.create(
    messages=messages,
    deployment_id="gpt4o-deployment",  # expect: engine-argument-removed
    temperature=0,
)
# expect: engine-argument-removed
vectors = client.embeddings.create(input=["a", "b"], engine="embedding-deployment")
# ok: engine-argument-removed
reply = client.chat.completions.create(model="gpt4o-deployment", messages=messages)
# An `engine=` of another call nested in the arguments is not the request's.
# ok: engine-argument-removed
reply = client.chat.completions.create(model="gpt4o-deployment", messages=build(engine="x"))
# Other libraries' `engine=` keywords.
# ok: engine-argument-removed
table.create(engine=db_engine)
# ok: engine-argument-removed
pandas.read_sql(query, engine=db_engine)

# expect: request-option-removed
reply = client.chat.completions.create(model="gpt-4o-mini", messages=messages, request_timeout=30)
# expect: request-option-removed
vectors = openai.embeddings.create(input="a", model="text-embedding-3-small", api_key=api_key)
# expect: request-option-removed
image = client.images.generate(prompt="a fox", organization="org-123")
# ok: request-option-removed
reply = client.chat.completions.create(model="gpt-4o-mini", messages=messages, timeout=30)
# ok: request-option-removed
reply = client.with_options(timeout=30).chat.completions.create(model="gpt-4o-mini", messages=messages)
# ok: request-option-removed
proper = OpenAI(api_key=api_key, organization="org-123", timeout=30.0)
# ok: request-option-removed
session = requests_cache.completions.create_session(api_key=api_key)

# ok: module-setting-removed
proper = OpenAI(http_client=httpx.Client(proxy="http://proxy:3128"))
# Assignments to other objects' attributes of the same names.
# ok: module-setting-removed, api-base-removed, module-api-key
settings.proxy = "http://proxy:3128"
# ok: module-api-key
config.openai.api_key = api_key
# ok: api-base-removed
config.openai.api_base = "https://gateway.example.com/v1"
