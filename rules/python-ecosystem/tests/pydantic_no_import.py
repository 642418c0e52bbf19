# No pydantic import: Django-style classes with a Config and a dict() method.
class BaseModel:
    def dict(self):
        return {}


class Thing(BaseModel):
    class Config:  # ok: class-config-deprecated
        pass


thing = Thing()
# ok: model-dict-deprecated
thing.dict()
# ok: model-parse-obj-deprecated
Thing.parse_obj({})
