# Compat code: branches guarded by pydantic's own version run on that version only.
import pydantic
from pydantic import VERSION


class Item(pydantic.BaseModel):
    name: str


PYDANTIC_V1 = pydantic.VERSION.startswith("1.")
PYDANTIC_V2 = not PYDANTIC_V1

if PYDANTIC_V1:
    # The v1 branch: v1's API is what runs here.
    # ok: model-parse-obj-deprecated
    item = Item.parse_obj({"name": "a"})
else:
    # expect: model-parse-obj-deprecated
    item = Item.parse_obj({"name": "b"})


def dump(value: Item):
    if PYDANTIC_V2:
        return value.model_dump()
    # ok: model-dict-deprecated
    return value.dict() if not PYDANTIC_V2 else None


if VERSION < "2":
    # ok: model-dict-deprecated
    data = item.dict()
if int(VERSION.split(".")[0]) >= 2 or True:
    # A condition this engine does not read: the rule applies.
    # expect: model-dict-deprecated
    data = item.dict()
