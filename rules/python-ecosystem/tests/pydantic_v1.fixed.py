# Pydantic v1 code in a project on Pydantic 2.
import json
from typing import Optional

import pydantic
from pydantic import BaseModel, root_validator, validator
# expect: basesettings-moved
from pydantic import BaseSettings


class Address(BaseModel):
    street: str
    city: str

    # expect: class-config-deprecated
    class Config:
        orm_mode = True


class User(pydantic.BaseModel):
    name: str
    email: str
    address: Optional[Address] = None
    friends: list["User"] = []

    # expect: validator-deprecated
    @validator("email", pre=True)
    def normalize(cls, v):
        return v.strip().lower()

    # expect: root-validator-deprecated
    @root_validator(pre=True)
    def fill(cls, values):
        return values

    # expect: root-validator-deprecated
    @pydantic.root_validator(skip_on_failure=True)
    def check(cls, values):
        return values


class Window(BaseModel):
    start: int
    end: int

    # expect: root-validator-needs-skip-on-failure
    @root_validator
    def order(cls, values):
        return values

    # expect: root-validator-needs-skip-on-failure
    @root_validator()
    def order2(cls, values):
        return values

    # expect: root-validator-needs-skip-on-failure
    @pydantic.root_validator(pre=False)
    def order3(cls, values):
        return values


class Settings(pydantic.BaseSettings):  # expect: basesettings-moved
    debug: bool = False


# expect: model-update-forward-refs-deprecated
User.model_rebuild()

# expect: model-parse-obj-deprecated
user = User.model_validate({"name": "a", "email": "a@b.c"})
# expect: model-parse-raw-deprecated
user = User.model_validate_json('{"name": "a", "email": "a@b.c"}')
# expect: model-parse-file-deprecated
user = User.parse_file("user.json")
# expect: model-from-orm-deprecated
address = Address.model_validate(row)
# expect: model-construct-deprecated
fast = User.model_construct(name="a", email="b")
# expect: model-schema-deprecated
schema = User.model_json_schema(by_alias=True)
# expect: model-schema-json-deprecated
text = User.schema_json(indent=2)
# expect: model-fields-dunder-deprecated
names = list(User.model_fields)

# expect: model-dict-deprecated
payload = user.model_dump()
# expect: model-json-deprecated
body = user.model_dump_json(indent=2)
# expect: model-dict-deprecated
raw = Address(street="s", city="c").model_dump(exclude_none=True)


def handler(item: User, other: dict):
    # expect: model-dict-deprecated
    data = item.model_dump(exclude_unset=True)
    # expect: model-copy-deprecated
    changed = item.model_copy(update={"name": "b"})
    # ok: model-copy-deprecated
    plain = other.copy()
    return data, changed, plain


def build():
    account = User(name="x", email="y")
    # expect: model-json-deprecated
    return account.model_dump_json()
