# Code written against the pydantic.v1 compatibility namespace (or LangChain's copy of it)
# is v1 code on purpose: v1 methods are correct there.
from pydantic.v1 import BaseModel, BaseSettings, root_validator, validator


class Legacy(BaseModel):
    x: int

    class Config:  # ok: class-config-deprecated
        orm_mode = True

    @validator("x")  # ok: validator-deprecated
    def check(cls, v):
        return v

    @root_validator  # ok: root-validator-needs-skip-on-failure
    def whole(cls, values):
        return values


class Settings(BaseSettings):  # ok: basesettings-moved
    debug: bool = False


# ok: model-parse-obj-deprecated
legacy = Legacy.parse_obj({"x": 1})
# ok: model-dict-deprecated
data = legacy.dict()
