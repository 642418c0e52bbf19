"""Type inference for Python (engine/types/python.py): one test per form it follows, each
with a look-alike that must stay unknown or be known to be something else."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import tree_sitter
from conftest import lines, write_pack
from upstream.engine.languages import LANGUAGES
from upstream.engine.types import LazyTypes, ProjectIndex
from upstream.engine.types.model import TypeModel, Value, build_model, satisfies
from upstream.packs import load_pack, load_rule_set
from upstream.packs.schema import TypeDeclaration

REPO = Path(__file__).resolve().parent.parent
PYTHON = LANGUAGES["python"]
MARK = "# <-"

_EXTRA = [
    TypeDeclaration(
        name="lib.Thing",
        languages=["python"],
        names=["lib.Thing"],
        factories=["lib.make_*"],
        awaits="lib.Result",
        enters="lib.Session",
        builders=["parse"],
    ),
    TypeDeclaration(name="lib.Result", languages=["python"]),
    TypeDeclaration(name="lib.Session", languages=["python"]),
    # `fig, ax = plt.subplots()`: a call whose result unpacks to two declared types.
    TypeDeclaration(
        name="lib.Pair",
        languages=["python"],
        factories=["lib.pair"],
        unpacks=["lib.Result", "lib.Session"],
    ),
]


@pytest.fixture(scope="module")
def model() -> TypeModel:
    pack = load_pack(REPO / "rules" / "pymongo")
    return build_model([*pack.types, *_EXTRA], "python")


def value_at(
    model: TypeModel, code: str, target: str, path: str = "", project: ProjectIndex | None = None
) -> Value | None:
    """What ``target`` (an expression spelled on the line marked ``# <-``) is."""
    source = textwrap.dedent(code).encode()
    root = tree_sitter.Parser(PYTHON.grammar).parse(source).root_node
    line = next(i for i, text in enumerate(source.decode().splitlines()) if MARK in text)
    node = _find(root, line, target.encode())
    assert node is not None, f"no {target!r} on the marked line"
    return LazyTypes(PYTHON, root, model, path, project).value_of(node)


def _find(root: tree_sitter.Node, line: int, text: bytes) -> tree_sitter.Node | None:
    """The innermost node spelled ``text`` on ``line`` (an expression, not its statement)."""
    found, stack = None, [root]
    while stack:  # iterative: one test has a 3,000-member chain
        node = stack.pop()
        if node.start_point[0] == line and node.text == text:
            found = node  # children come later, so the innermost match wins
        stack.extend(c for c in node.children if c.start_point[0] <= line <= c.end_point[0])
    return found


def names(value: Value | None) -> set[str]:
    return set(value.names()) if value is not None else set()


COLLECTION = {"pymongo.Collection"}


def test_assignment_from_an_attribute_chain(model: TypeModel) -> None:
    code = """
    from pymongo import MongoClient
    client = MongoClient()
    orders = client.shop.orders
    orders.insert(doc); client.close()  # <-
    """
    assert names(value_at(model, code, "orders")) == COLLECTION
    assert names(value_at(model, code, "client")) == {"pymongo.MongoClient"}


def test_subscripts_and_methods(model: TypeModel) -> None:
    code = """
    import pymongo
    x = pymongo.MongoClient()
    x["db"]["coll"].find().sort("a"); x.db.get_collection("c")  # <-
    """
    assert names(value_at(model, code, 'x["db"]["coll"]')) == COLLECTION
    assert names(value_at(model, code, 'x["db"]')) == {"pymongo.Database"}
    assert names(value_at(model, code, 'x["db"]["coll"].find().sort("a")')) == {"pymongo.Cursor"}
    assert names(value_at(model, code, 'x.db.get_collection("c")')) == COLLECTION


def test_a_list_and_a_dict_are_known_to_be_something_else(model: TypeModel) -> None:
    code = """
    items = []
    settings = {}
    items.insert(0, 1); settings.update(a=1)  # <-
    """
    assert names(value_at(model, code, "items")) == {"builtins.list"}
    assert names(value_at(model, code, "settings")) == {"builtins.dict"}
    wanted = frozenset(COLLECTION)
    assert not satisfies(value_at(model, code, "items"), wanted, unknown=True)


def test_unassigned_names_and_plain_parameters_stay_unknown(model: TypeModel) -> None:
    code = """
    def store(collection):
        collection.save(item); users_collection.save(item)  # <-
    """
    assert value_at(model, code, "collection") is None
    assert value_at(model, code, "users_collection") is None
    assert not satisfies(None, frozenset(COLLECTION), unknown=False)
    assert satisfies(None, frozenset(COLLECTION), unknown=True)


def test_the_last_binding_before_the_use_counts(model: TypeModel) -> None:
    code = """
    from pymongo import MongoClient
    orders = MongoClient().shop.orders
    orders = []
    orders.insert(0, 1)  # <-
    orders = MongoClient().shop.orders
    """
    assert names(value_at(model, code, "orders")) == {"builtins.list"}


def test_tuple_targets_pairwise_else_unknown(model: TypeModel) -> None:
    code = """
    from pymongo import MongoClient
    db = MongoClient().app
    a, b = db.a, []
    c, d = pair
    a.x; b.x; c.x  # <-
    """
    assert names(value_at(model, code, "a")) == COLLECTION
    assert names(value_at(model, code, "b")) == {"builtins.list"}
    assert value_at(model, code, "c") is None


def test_walrus_and_augmented_assignment(model: TypeModel) -> None:
    code = """
    from pymongo import MongoClient
    db = MongoClient().app
    counter = 0
    counter += 1
    if (archive := db.archive):
        archive.save(doc); counter.bit_length()  # <-
    """
    assert names(value_at(model, code, "archive")) == COLLECTION
    assert names(value_at(model, code, "counter")) == {"builtins.int"}


def test_with_as_and_declared_enters(model: TypeModel) -> None:
    code = """
    from pymongo import MongoClient
    import lib
    with MongoClient() as client, lib.Thing() as session, open(p) as handle:
        client.x; session.x; handle.x  # <-
    """
    assert names(value_at(model, code, "client")) == {"pymongo.MongoClient"}
    assert names(value_at(model, code, "session")) == {"lib.Session"}
    assert value_at(model, code, "handle") is None


def test_for_over_a_cursor_gives_documents(model: TypeModel) -> None:
    code = """
    from pymongo import MongoClient
    coll = MongoClient().app.items
    for doc in coll.find():
        for item in things:
            doc.update(a); item.update(a)  # <-
    """
    assert names(value_at(model, code, "doc")) == {"builtins.dict"}
    assert value_at(model, code, "item") is None


def test_comprehension_targets(model: TypeModel) -> None:
    code = """
    from pymongo import MongoClient
    coll = MongoClient().app.items
    [doc.update(a) for doc in coll.find()]  # <-
    """
    assert names(value_at(model, code, "doc")) == {"builtins.dict"}


def test_await_and_factories(model: TypeModel) -> None:
    code = """
    import lib
    from lib import make_thing
    async def f():
        thing = make_thing()
        result = await thing
        other = lib.other()
        thing.x; result.x; other.x  # <-
    """
    assert names(value_at(model, code, "thing")) == {"lib.Thing"}
    assert names(value_at(model, code, "result")) == {"lib.Result"}
    assert value_at(model, code, "other") is None


def test_parameter_annotations(model: TypeModel) -> None:
    code = """
    from typing import Optional
    import pymongo
    from pymongo.collection import Collection
    def f(a: Collection, b: Optional[Collection], c: "Collection", d: Collection | None,
          e: pymongo.collection.Collection, f: list, g: Unknown):
        a.x; b.x; c.x; d.x; e.x; f.x; g.x  # <-
    """
    for name in "abcde":
        assert names(value_at(model, code, name)) == COLLECTION, name
    assert names(value_at(model, code, "f")) == {"builtins.list"}
    assert value_at(model, code, "g") is None


def test_return_annotations_and_inferred_returns(model: TypeModel) -> None:
    code = """
    from pymongo import MongoClient
    from pymongo.database import Database
    client = MongoClient()
    def database() -> Database:
        return whatever()
    def orders():
        return client.shop.orders
    def mixed(flag):
        if flag:
            return client.shop.orders
        return []
    database().users; orders(); mixed(1)  # <-
    """
    assert names(value_at(model, code, "database().users")) == COLLECTION
    assert names(value_at(model, code, "orders()")) == COLLECTION
    assert value_at(model, code, "mixed(1)") is None


def test_self_attributes_set_in_another_method(model: TypeModel) -> None:
    code = """
    from pymongo import MongoClient
    class Store:
        def __init__(self, database):
            self.table = MongoClient().db["events"]
            self.cache = {}
            self.unknown = database
        def save(self, event):
            self.table.save(event); self.cache.update(event); self.unknown.save(event)  # <-
    """
    assert names(value_at(model, code, "self.table")) == COLLECTION
    assert names(value_at(model, code, "self.cache")) == {"builtins.dict"}
    assert value_at(model, code, "self.unknown") is None


def test_an_apps_own_class_is_known_to_be_something_else(model: TypeModel) -> None:
    code = """
    class Counter:
        def count(self):
            return 0
    counter = Counter()
    counter.count()  # <-
    """
    value = value_at(model, code, "counter")
    assert value is not None and names(value) == set()
    assert not satisfies(value, frozenset(COLLECTION), unknown=True)


def test_subclasses_and_class_methods_that_build(model: TypeModel) -> None:
    code = """
    import lib
    from somewhere import Base
    class Mine(lib.Thing):
        def go(self):
            self.x  # <-
    class Other(Base):
        pass
    built = Mine.parse(data); made = Mine(); other = Other()
    built.x; made.x; other.x; Mine.x  # <-
    """
    assert names(value_at(model, code, "self")) == {"lib.Thing"}
    code_use = code.replace("self.x  # <-", "self.x")
    assert names(value_at(model, code_use, "built")) == {"lib.Thing"}
    assert names(value_at(model, code_use, "made")) == {"lib.Thing"}
    assert names(value_at(model, code_use, "Mine")) == {"type[lib.Thing]"}
    # A base that cannot be resolved may bring any type: partial, so unknown counts.
    other = value_at(model, code_use, "other")
    assert other is not None and other.partial
    assert satisfies(other, frozenset({"lib.Thing"}), unknown=True)
    assert not satisfies(other, frozenset({"lib.Thing"}), unknown=False)


def test_a_class_body_name_is_not_visible_in_its_methods(model: TypeModel) -> None:
    code = """
    from pymongo import MongoClient
    class Store:
        coll = MongoClient().db.things
        def go(self, coll):
            coll.save(x)  # <-
    """
    assert value_at(model, code, "coll") is None


def test_deep_chains_are_unknown_not_a_crash(model: TypeModel) -> None:
    chain = "x" + ".a" * 3000
    code = f"""
    from pymongo import MongoClient
    x = MongoClient()
    {chain}.save(1)  # <-
    """
    assert value_at(model, code, chain) is None


def test_other_modules_of_the_project(model: TypeModel, tmp_path: Path) -> None:
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "db.py").write_text(
        "from pymongo import MongoClient\n"
        "client = MongoClient()\n"
        "users = client.shop.users\n"
        "def orders():\n    return client.shop.orders\n"
        "class Base(object):\n    def __init__(self):\n        self.events = client.shop.events\n"
    )
    (package / "views.py").write_text("")
    code = """
    from .db import users, orders, Base
    from app import db
    from app.missing import ghost
    class View(Base):
        pass
    users.x; orders(); db.users; View().events; ghost  # <-
    """
    project = ProjectIndex(tmp_path)
    importer = str(package / "views.py")
    for target in ("users", "orders()", "db.users", "View().events"):
        assert names(value_at(model, code, target, importer, project)) == COLLECTION, target
    ghost = value_at(model, code, "ghost", importer, project)
    assert ghost is not None and ghost.path == "app.missing.ghost" and not ghost.types
    with project.recording() as read:
        value_at(model, code, "users", importer, project)
    assert read == {str(package / "db.py")}
    assert project.provides(importer, {".db"}, ["pymongo"])
    assert not project.provides(importer, {".db"}, ["redis"])


def test_the_project_index_stays_inside_the_project(model: TypeModel, tmp_path: Path) -> None:
    outside = tmp_path / "outside.py"
    outside.write_text("from pymongo import MongoClient\nusers = MongoClient().a.users\n")
    project_root = tmp_path / "project"
    project_root.mkdir()
    code = """
    from outside import users
    users.x  # <-
    """
    project = ProjectIndex(project_root)
    value = value_at(model, code, "users", str(project_root / "main.py"), project)
    assert value is not None and value.path == "outside.users" and not value.types


def test_super_is_the_bases(model: TypeModel) -> None:
    code = """
    import lib
    class Mine(lib.Thing):
        def go(self):
            super().x  # <-
    def plain():
        super().x
    """
    assert names(value_at(model, code, "super()")) == {"lib.Thing"}


def test_cls_by_name_is_the_class(model: TypeModel) -> None:
    code = """
    import lib
    class Mine(lib.Thing):
        @validator("a")
        def check(cls, value):
            cls.x  # <-
    """
    assert names(value_at(model, code, "cls")) == {"type[lib.Thing]"}


def test_isinstance_narrows(model: TypeModel) -> None:
    code = """
    import lib
    def f(obj, other):
        if isinstance(obj, lib.Thing) and other:
            obj.x; other.x  # <-
        obj.y
    """
    assert names(value_at(model, code, "obj")) == {"lib.Thing"}
    assert value_at(model, code, "other") is None
    outside = code.replace("obj.x; other.x  # <-", "obj.x; other.x").replace("obj.y", "obj.y  # <-")
    assert value_at(model, outside, "obj") is None


def test_type_annotations_are_the_class(model: TypeModel) -> None:
    code = """
    from typing import Type
    import lib
    def f(kind: Type[lib.Thing], made: type[lib.Thing]):
        kind.x; made.x  # <-
    """
    assert names(value_at(model, code, "kind")) == {"type[lib.Thing]"}
    assert names(value_at(model, code, "made")) == {"type[lib.Thing]"}


def test_properties_are_what_they_return(model: TypeModel) -> None:
    code = """
    from pymongo import MongoClient
    class Store:
        @property
        def orders(self):
            return MongoClient().shop.orders
        def count(self):
            return 0
        def go(self):
            self.orders.x; self.count  # <-
    """
    assert names(value_at(model, code, "self.orders")) == COLLECTION
    count = value_at(model, code, "self.count")
    assert count is not None and count.function is not None


def test_parameter_defaults(model: TypeModel) -> None:
    code = """
    from pymongo import MongoClient
    db = MongoClient().app
    def f(coll=db.orders, limit=10, other=None):
        coll.x; limit.x; other.x  # <-
    """
    assert names(value_at(model, code, "coll")) == COLLECTION
    assert names(value_at(model, code, "limit")) == {"builtins.int"}
    assert value_at(model, code, "other") is None


def test_a_dict_filled_by_item_assignments(model: TypeModel) -> None:
    code = """
    from pymongo import MongoClient
    _clients = {}
    _names = {}
    def get(alias):
        if alias not in _clients:
            _clients[alias] = MongoClient()
            _names[alias] = "x"
            _names["other"] = 1
        return _clients[alias]
    get("a").x; _names["a"].x  # <-
    """
    assert names(value_at(model, code, 'get("a")')) == {"pymongo.MongoClient"}
    assert value_at(model, code, '_names["a"]') is None


def test_an_attribute_dict_filled_by_item_assignments(model: TypeModel) -> None:
    code = """
    from pymongo import MongoClient
    class Clients(dict):
        pass
    class Layer:
        def __init__(self):
            self.driver = Clients()
            self.names = {}
        def client(self, key):
            if key not in self.driver:
                self.driver[key] = MongoClient()
                self.names[key] = 1
                self.names["x"] = "y"
            return self.driver[key]
        def go(self):
            self.client("a").x; self.names["a"].x  # <-
    """
    assert names(value_at(model, code, 'self.client("a")')) == {"pymongo.MongoClient"}
    assert value_at(model, code, 'self.names["a"]') is None


def test_or_is_a_default(model: TypeModel) -> None:
    code = """
    from pymongo import MongoClient
    def connect(client=None, other=None):
        chosen = client or MongoClient()
        mixed = [] or MongoClient()
        both = other and MongoClient()
        chosen.x; mixed.x; both.x  # <-
    """
    assert names(value_at(model, code, "chosen")) == {"pymongo.MongoClient"}
    assert value_at(model, code, "mixed") is None
    assert value_at(model, code, "both") is None


def test_class_methods_and_what_the_class_itself_holds(model: TypeModel) -> None:
    code = """
    from pymongo import MongoClient
    def get_db():
        return MongoClient().shop
    class Document:
        _collection = None
        label = "doc"
        @classmethod
        def _get_db(cls):
            return get_db()
        @classmethod
        def _get_collection(cls):
            if cls._collection is None:
                cls._collection = cls._get_db()["things"]
            return cls._collection
        @staticmethod
        def names():
            return []
        def __init__(self):
            self.cache = MongoClient().shop.cache
        @classmethod
        def cached(cls):
            return cls.cache
        def save(self):
            collection = self._get_collection()
            collection.insert(doc); Document._get_collection().x; cls_db = Document._get_db()  # <-
    class Child(Document):
        def go(self):
            Child._get_collection().x; Child.names(); Child.label; Child.cached(); Child.cache  # <-
    """
    assert names(value_at(model, code, "collection")) == COLLECTION
    assert names(value_at(model, code, "Document._get_collection()")) == COLLECTION
    assert names(value_at(model, code, "Document._get_db()")) == {"pymongo.Database"}
    child = code.replace("cls_db = Document._get_db()  # <-", "")
    assert names(value_at(model, child, "Child._get_collection()")) == COLLECTION
    assert names(value_at(model, child, "Child.names()")) == {"builtins.list"}
    assert names(value_at(model, child, "Child.label")) == {"builtins.str"}
    # `self.cache = ...` sets an instance's attribute, not the class's: `cls.cache` and
    # `Child.cache` read the class, which holds no such name.
    assert value_at(model, child, "Child.cached()") is None
    assert value_at(model, child, "Child.cache") is None


def test_a_class_method_that_says_nothing_leaves_a_builder_alone(model: TypeModel) -> None:
    code = """
    import lib
    class Mine(lib.Thing):
        @classmethod
        def parse(cls, data):
            return helper(data)
    built = Mine.parse(data)
    built.x  # <-
    """
    assert names(value_at(model, code, "built")) == {"lib.Thing"}


def test_pydantic_root_validator_values_are_fields(model: TypeModel) -> None:
    code = """
    from pymongo import MongoClient
    from pydantic import BaseModel, root_validator, model_validator
    class Settings(BaseModel):
        client: Any
        @root_validator()
        def validate_environment(cls, values: Dict) -> Dict:
            try:
                values["client"] = MongoClient().shop.orders
                values[f"x"] = MongoClient().shop.orders
            except ImportError:
                raise ValueError("no pymongo")
            return values
        def go(self):
            self.client.insert(doc)  # <-
    def use(settings: Settings):
        settings.client.insert(doc)  # <-
    """
    assert names(value_at(model, code, "self.client")) == COLLECTION
    use = code.replace("self.client.insert(doc)  # <-", "")
    assert names(value_at(model, use, "settings.client")) == COLLECTION
    before = code.replace("@root_validator()", '@model_validator(mode="before")')
    assert names(value_at(model, before, "self.client")) == COLLECTION
    pre = code.replace("@root_validator()", "@root_validator(pre=True)")
    assert names(value_at(model, pre, "self.client")) == COLLECTION


@pytest.mark.parametrize(
    "change",
    [
        ("@root_validator()", ""),  # not a validator: a method filling some dict
        ("@root_validator()", '@model_validator(mode="after")'),  # gets and returns self
        ("@root_validator()", "@validator('client')"),  # one field's validator
        ("return values", "return dict(values)"),  # returns another dict
        ("return values", "if x:\n                return {}\n            return values"),
        ('values["client"]', "other['client']"),  # not the dict the method returns
        ('values["client"]', 'values[f"client"]'),  # not a plain key
    ],
)
def test_look_alikes_of_a_root_validator_stay_unknown(
    model: TypeModel, change: tuple[str, str]
) -> None:
    code = """
    from pymongo import MongoClient
    from pydantic import BaseModel, root_validator, model_validator, validator
    class Settings(BaseModel):
        @root_validator()
        def validate_environment(cls, values):
            other = {}
            values["client"] = MongoClient().shop.orders
            return values
        def go(self):
            self.client.insert(doc)  # <-
    """
    assert value_at(model, code.replace(*change), "self.client") is None


def test_a_descriptor_class_attribute_is_what_its_get_returns(model: TypeModel) -> None:
    code = """
    from pymongo import MongoClient
    class Stack:
        def __get__(self, obj, owner):
            return self.items[-1]
    class Manager:
        def __get__(self, obj, owner):
            return MongoClient().shop.orders
    class Plain:
        pass
    class Case:
        app = Stack()
        objects = Manager()
        plain = Plain()
        def go(self):
            self.app.x; self.objects.x; Case.objects.x; self.plain.x  # <-
    """
    # A descriptor's own instance is never what the attribute reads.
    assert value_at(model, code, "self.app") is None
    assert names(value_at(model, code, "self.objects")) == COLLECTION
    assert names(value_at(model, code, "Case.objects")) == COLLECTION
    plain = value_at(model, code, "self.plain")
    assert plain is not None and plain.definition is not None and names(plain) == set()


def test_class_methods_and_descriptors_of_another_module(model: TypeModel, tmp_path: Path) -> None:
    package = tmp_path / "odm"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "connection.py").write_text(
        "from pymongo import MongoClient\n"
        "_dbs = {}\n"
        "def get_db(alias):\n    _dbs[alias] = MongoClient()[alias]\n    return _dbs[alias]\n"
    )
    (package / "manager.py").write_text(
        "from .connection import get_db\n"
        "class Manager(object):\n"
        "    def __get__(self, instance, owner):\n        return get_db('x').things\n"
    )
    (package / "document.py").write_text(
        "from .connection import get_db\n"
        "from .manager import Manager\n"
        "class Document(object):\n"
        "    objects = Manager()\n"
        "    @classmethod\n    def _get_db(cls):\n        return get_db('x')\n"
        "    @classmethod\n    def _get_collection(cls):\n"
        "        cls._collection = cls._get_db()['things']\n        return cls._collection\n"
    )
    (package / "views.py").write_text("")
    code = """
    from odm.document import Document
    class Page(Document):
        pass
    Page._get_collection(); Page()._get_collection(); Page.objects; Page._get_db().x  # <-
    """
    project = ProjectIndex(tmp_path)
    importer = str(package / "views.py")
    for target in ("Page._get_collection()", "Page()._get_collection()", "Page.objects"):
        assert names(value_at(model, code, target, importer, project)) == COLLECTION, target
    assert names(value_at(model, code, "Page._get_db()", importer, project)) == {"pymongo.Database"}


def test_with_a_project_class_binds_what_its_enter_returns(model: TypeModel) -> None:
    code = """
    from pymongo import MongoClient
    class Orders:
        def __enter__(self):
            return MongoClient().shop.orders
        async def __aenter__(self):
            return MongoClient().shop
    class Switch:
        def __init__(self, cls):
            self.cls = cls
        def __enter__(self):
            return self.cls
    class Plain:
        def __enter__(self):
            return self
    class Child(Plain):
        pass
    class NoEnter:
        pass
    async def go():
        with Orders() as a, Switch(x) as b, Child() as c, NoEnter() as d, MongoClient() as e:
            async with Orders() as f:
                a.x; b.x; c.x; d.x; e.x; f.x  # <-
    """
    assert names(value_at(model, code, "a")) == COLLECTION
    # Not the Switch itself: what its __enter__ returns, which nothing here tells.
    assert value_at(model, code, "b") is None
    child = value_at(model, code, "c")
    assert child is not None and child.definition is not None and not child.partial
    assert names(value_at(model, code, "d")) == set()
    assert names(value_at(model, code, "e")) == {"pymongo.MongoClient"}
    assert names(value_at(model, code, "f")) == {"pymongo.Database"}


def test_the_class_of_a_value(model: TypeModel) -> None:
    code = """
    from pymongo import MongoClient
    class QuerySet:
        def __init__(self, document):
            self._document = document
            self.coll = MongoClient().shop.orders
        def clone(self):
            return self.__class__(self._document)
        def ensure_index(self):
            self._document.__class__.ensure_index(); type(self.coll); type(x)()  # <-
    """
    # Whatever `_document` is, its class is no Collection instance (mongoengine's
    # `Document.ensure_index` classmethod), though an unknown receiver is one to a rule.
    klass = value_at(model, code, "self._document.__class__")
    assert klass is not None and klass.is_class and not satisfies(klass, COLLECTION, True)
    assert satisfies(value_at(model, code, "self._document"), COLLECTION, True)
    assert names(value_at(model, code, "type(self.coll)")) == {"type[pymongo.Collection]"}
    # Calling an unknown class gives an unknown instance, not a known other one.
    assert value_at(model, code, "type(x)()") is None


def test_self_class_called_is_an_instance(model: TypeModel) -> None:
    code = """
    class QuerySet:
        def clone(self):
            return self.__class__(self._document)  # <-
    """
    klass = value_at(model, code, "self.__class__")
    assert klass is not None and klass.is_class and klass.definition is not None
    made = value_at(model, code, "self.__class__(self._document)")
    assert made is not None and made.is_instance and made.definition is not None
    assert made.definition.node.start_byte == klass.definition.node.start_byte


def test_a_rebound_type_is_not_the_builtin(model: TypeModel) -> None:
    code = """
    from pymongo import MongoClient
    def type(value):
        return MongoClient().shop.orders
    type(MongoClient()).x  # <-
    """
    assert names(value_at(model, code, "type(MongoClient())")) == COLLECTION
    unknown = """
    from pymongo import MongoClient
    def f(pick):
        type = pick()
        type(MongoClient()).x  # <-
    """
    assert value_at(model, unknown, "type(MongoClient())") is None


def test_relative_imports_of_submodules_satisfy_an_import_gate(tmp_path: Path) -> None:
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "schemas.py").write_text("from pydantic import BaseModel\n")
    (package / "models.py").write_text("import sqlalchemy\n")
    (package / "crud.py").write_text("from . import (models,  # tables\n    schemas as s)\n")
    (package / "views.py").write_text("from . import models\nfrom .models import schemas\n")
    project = ProjectIndex(tmp_path)
    # `from . import schemas` lists "." (the package), which imports nothing.
    assert project.provides(str(package / "crud.py"), {"."}, ["pydantic"])
    # Not a name the package has no file for, nor the name of a module's attribute.
    assert not project.provides(str(package / "views.py"), {".", ".models"}, ["pydantic"])


def test_a_union_is_what_all_its_members_are(model: TypeModel) -> None:
    pydantic_model = build_model(load_pack(REPO / "rules" / "python-ecosystem").types, "python")
    code = """
    from typing import Optional, Union
    from pydantic import BaseModel
    class Plane(BaseModel):
        wings: int
    class Car(BaseModel):
        wheels: int
    class Mixed(BaseModel, Unseen):
        pass
    def f(a: Union[Plane, Car], b: Optional[Union[Plane, Car]], c: "Plane | Car | None",
          d: Union[Plane, dict], e: Union[Plane, Mixed], g: Union[Plane, Ghost]):
        a.dict(); b.dict(); c.dict(); d.dict(); e.dict(); g.dict()  # <-
    """
    for target in ("a", "b"):
        found = value_at(pydantic_model, code, target)
        assert names(found) == {"pydantic.BaseModel"} and found is not None, target
        assert not found.partial and found.definition is None, target
    # A string annotation is read as one name, not a union (unknown, as before).
    assert value_at(pydantic_model, code, "c") is None
    # A model or a dict: either may be the value, so no type is known.
    assert value_at(pydantic_model, code, "d") is None
    mixed = value_at(pydantic_model, code, "e")
    assert mixed is not None and mixed.partial and names(mixed) == {"pydantic.BaseModel"}
    assert value_at(pydantic_model, code, "g") is None


def test_a_union_with_an_apps_own_class_is_unknown_not_something_else(model: TypeModel) -> None:
    code = """
    from typing import Union
    from pymongo.collection import Collection
    class Table:
        pass
    def f(a: Union[Collection, Table], b: Collection | Table, c: Collection | None):
        a.insert(doc); b.insert(doc); c.insert(doc)  # <-
    """
    # A Table may be the value: not known to be a Collection, nor known not to be one.
    assert value_at(model, code, "a") is None
    assert value_at(model, code, "b") is None
    assert names(value_at(model, code, "c")) == COLLECTION


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (
            "import lib\nresult, session = lib.pair()\nresult.x; session.y  # <-\n",
            ({"lib.Result"}, {"lib.Session"}),
        ),
        (
            "import lib\n(result, session) = lib.pair()\nresult.x; session.y  # <-\n",
            ({"lib.Result"}, {"lib.Session"}),
        ),
        (
            "import lib\nresult, session = p = lib.pair()\nresult.x; session.y  # <-\n",
            ({"lib.Result"}, {"lib.Session"}),
        ),
        # Look-alikes: another arity, a starred target, a literal tuple, an undeclared call.
        (
            "import lib\nresult, session, extra = lib.pair()\nresult.x; session.y  # <-\n",
            (set(), set()),
        ),
        ("import lib\nresult, *session = lib.pair()\nresult.x; session.y  # <-\n", (set(), set())),
        (
            "import lib\nresult, session = lib.Thing(), 1\nresult.x; session.y  # <-\n",
            ({"lib.Thing"}, {"builtins.int"}),
        ),
        ("import lib\nresult, session = lib.other()\nresult.x; session.y  # <-\n", (set(), set())),
    ],
)
def test_tuple_targets_from_a_value_that_unpacks(
    model: TypeModel, code: str, expected: tuple[set[str], set[str]]
) -> None:
    assert names(value_at(model, code, "result")) == expected[0]
    assert names(value_at(model, code, "session")) == expected[1]


UNKNOWN_BY_NAME = """\
types:
  - name: lib.Plot
    languages: [python]
    factories: [lib.plot]
rules:
  - id: r
    title: redraw() is gone
    languages: [python]
    message: found it
    docs: https://example.org/docs
    match: { pattern: $P.redraw() }
    where:
      P: { type: lib.Plot, unknown: { regex: "^(plot|p[0-9]+)$" } }
"""


def test_unknown_receivers_count_when_named_like_the_type(find) -> None:
    code = """\
    import lib

    class Mine:
        def redraw(self): ...

    def show(plot, other, p2: Mine):
        plot.redraw()
        other.redraw()
        p2.redraw()

    figure = lib.plot()
    figure.redraw()
    p3 = Mine()
    p3.redraw()
    """
    # The parameter named like a plot and the typed value; not the unnamed parameter nor
    # the values known to be the application's class, whatever their names.
    assert lines(find(UNKNOWN_BY_NAME, code)) == [7, 12]


def test_an_unknown_regex_must_compile(tmp_path: Path) -> None:
    broken = UNKNOWN_BY_NAME.replace("^(plot|p[0-9]+)$", "(unclosed")
    problems = load_rule_set([write_pack(tmp_path, broken)]).problems
    assert len(problems) == 1 and "where.P" in str(problems[0])
