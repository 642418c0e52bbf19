# Pydantic models and their instances, inferred from where they came from: in this file,
# from another module of the project (project/schemas.py), through a base class.
from typing import Optional

import pydantic
import requests

from project.schemas import Order, load_order


class Line(Order):
    sku: str


class Invoice:
    """The app's own class, with methods named like the v1 ones."""

    def dict(self):
        return {}

    def json(self):
        return "{}"


def export(order: Order, maybe: Optional[Line], payload):
    # expect: model-dict-deprecated
    a = order.dict()
    # expect: model-json-deprecated
    b = maybe.json()
    # An argument nothing says anything about: unknown, not reported.
    # ok: model-dict-deprecated
    c = payload.dict()
    return a, b, c


# A model imported from another module, its subclass, and a function returning one.
# expect: model-parse-obj-deprecated
line = Line.parse_obj({"id": 1, "total": 2.0, "sku": "A"})
# expect: model-dict-deprecated
line.dict()
# expect: model-dict-deprecated
load_order({"id": 1, "total": 2.0}).dict()
# expect: model-copy-deprecated
Order(id=2, total=3.0).copy()

# Look-alikes: a requests response's json(), a dict's copy(), the app's own dict().
response = requests.get("https://example.com/orders", timeout=10)
# ok: model-json-deprecated
orders = response.json()
settings = {"a": 1}
# ok: model-copy-deprecated
backup = settings.copy()
invoice = Invoice()
# ok: model-dict-deprecated
invoice.dict()


class Report:
    def __init__(self, order: Order):
        self.order = order
        self.rows = []

    def render(self):
        # An attribute set in another method.
        # expect: model-dict-deprecated
        data = self.order.dict()
        # ok: model-copy-deprecated
        rows = self.rows.copy()
        return data, rows


# `pydantic.v1` is the v1 API kept inside v2: its models' methods are not deprecated.
class Legacy(pydantic.v1.BaseModel):
    name: str


# ok: model-dict-deprecated
Legacy(name="x").dict()


# A nested Config in a subclass of a model imported from another module.
class Shipment(Order):
    # expect: class-config-deprecated
    class Config:
        orm_mode = True

    def dump(self):
        # super() is the model base: its dict() is BaseModel.dict.
        # expect: model-dict-deprecated
        return super().dict()

    # expect: root-validator-deprecated
    @pydantic.root_validator(pre=True)
    def check(cls, values):
        # `cls` in a validator is the model class.
        # expect: model-fields-dunder-deprecated
        names = cls.__fields__
        return values


class Plain:
    # ok: class-config-deprecated
    class Config:
        debug = True


def encode(obj):
    # Narrowed by isinstance.
    if isinstance(obj, pydantic.BaseModel):
        # expect: model-dict-deprecated
        return obj.dict()
    # ok: model-dict-deprecated
    return obj.dict()
