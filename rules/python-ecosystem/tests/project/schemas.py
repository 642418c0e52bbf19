# Models another module of the project imports (pydantic_inference.py).
import pydantic


class Base(pydantic.BaseModel):
    pass


class Order(Base):
    id: int
    total: float


def load_order(data) -> Order:
    return Order.parse_obj(data)  # expect: model-parse-obj-deprecated
