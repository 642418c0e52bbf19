# Pydantic v2 code, and same-named methods of other objects, in a file importing pydantic.
import copy

import requests
from pydantic import BaseModel, ConfigDict, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from .models import RemoteModel


class Item(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    name: str
    price: float

    @field_validator("name", mode="before")
    @classmethod
    def strip(cls, v):
        return v.strip()

    @model_validator(mode="after")
    def check(self):
        return self


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="APP_")
    debug: bool = False


class Plain:
    class Config:  # ok: class-config-deprecated
        verbose = True

    @classmethod
    def parse_obj(cls, data):
        return cls()


def validator(field):
    return lambda f: f


class Form:
    @validator("x")  # ok: validator-deprecated
    def check(self):
        pass


# ok: model-parse-obj-deprecated
item = Item.model_validate({"name": "a", "price": 1})
# ok: model-parse-obj-deprecated
plain = Plain.parse_obj({})
# ok: model-parse-obj-deprecated
remote = RemoteModel.parse_obj({})
# ok: model-dict-deprecated
data = item.model_dump()
# ok: model-json-deprecated
body = item.model_dump_json(indent=2)
# ok: model-schema-deprecated
schema = Item.model_json_schema()

response = requests.get("https://example.com", timeout=5)
# ok: model-json-deprecated
payload = response.json()
settings = {"a": 1}
# ok: model-copy-deprecated
clone = settings.copy()
# ok: model-dict-deprecated
as_dict = dict(settings)
# ok: model-copy-deprecated
deep = copy.deepcopy(item)


def handler(resp: requests.Response, cfg: dict, thing: Item):
    # ok: model-json-deprecated
    content = resp.json()
    # ok: model-copy-deprecated
    again = cfg.copy()
    # ok: model-dict-deprecated
    dumped = thing.model_dump()
    return content, again, dumped


def other():
    # `thing` is an Item in handler() only.
    thing = requests.Session()
    # ok: model-json-deprecated
    return thing.json() if False else None


class Legacy:
    """Not a pydantic model: v1-looking class methods of its own."""

    __fields__ = ()

    @classmethod
    def parse_raw(cls, text):
        return cls()


# ok: model-parse-raw-deprecated
legacy = Legacy.parse_raw("{}")
# ok: model-parse-raw-deprecated
item2 = Item.model_validate_json('{"name": "b", "price": 2}')
# ok: model-parse-file-deprecated
config = configparser_like.parse_file("app.ini")
# ok: model-from-orm-deprecated
item3 = Item.model_validate(orm_row)
# ok: model-construct-deprecated
item4 = Item.model_construct(name="c", price=3)
# ok: model-construct-deprecated
tree = ast_like.construct("x")
# ok: model-schema-json-deprecated
schema_text = Legacy.schema_json() if hasattr(Legacy, "schema_json") else ""
# ok: model-update-forward-refs-deprecated
Item.model_rebuild()
# ok: model-update-forward-refs-deprecated
Legacy.update_forward_refs()
# ok: model-fields-dunder-deprecated
fields = Item.model_fields
# ok: model-fields-dunder-deprecated
legacy_fields = Legacy.__fields__


class Checked(BaseModel):
    a: int

    @root_validator_like(pre=False)  # ok: root-validator-needs-skip-on-failure
    def x(cls, values):
        return values

    @model_validator(mode="before")  # ok: root-validator-deprecated
    @classmethod
    def y(cls, data):
        return data
