"""Type inference for JavaScript and TypeScript (engine/types/javascript.py): one test per
form it follows, each with a look-alike that must stay unknown or be known to be something
else."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import tree_sitter
from upstream.engine import CheckOptions, check
from upstream.engine.languages import LANGUAGES
from upstream.engine.types import LazyTypes, ProjectIndex
from upstream.engine.types.javascript import JavaScriptTypes
from upstream.engine.types.model import OPAQUE, TypeModel, Value, build_model, satisfies
from upstream.packs import load_pack, load_rule_set
from upstream.packs.schema import TypeDeclaration

REPO = Path(__file__).resolve().parent.parent
MARK = "// <-"
COLLECTION = {"mongodb.Collection"}
DB = {"mongodb.Db"}
CLIENT = {"mongodb.MongoClient"}
DOCUMENT = {"mongoose.Document"}
MODEL = {"mongoose.Model"}

_EXTRA = [
    TypeDeclaration(
        name="lib.Box",
        languages=["javascript", "typescript", "tsx"],
        names=["lib.Box"],
        items="mongodb.Collection",
    ),
]


@pytest.fixture(scope="module")
def model() -> TypeModel:
    declarations = [*load_pack(REPO / "rules" / "mongodb-node").types, *_EXTRA]
    return build_model(declarations, "javascript")


def value_at(
    model: TypeModel,
    code: str,
    target: str,
    language: str = "javascript",
    path: str = "app.js",
    project: ProjectIndex | None = None,
) -> Value | None:
    """What ``target`` (an expression spelled on a line marked ``// <-``) is."""
    spec = LANGUAGES[language]
    source = textwrap.dedent(code).encode()
    root = spec.parser().parse(source).root_node
    lines = enumerate(source.decode().splitlines())
    line = next(i for i, text in lines if MARK in text and target in text)
    node = _find(root, line, target.encode())
    assert node is not None, f"no {target!r} on the marked line"
    if project is not None:
        return LazyTypes(spec, root, model, path, project).value_of(node)
    return JavaScriptTypes(spec, root, model, path).value_of(node)


def _find(root: tree_sitter.Node, line: int, text: bytes) -> tree_sitter.Node | None:
    """The outermost node spelled ``text`` on ``line`` that is not a statement."""
    found, stack = None, [root]
    while stack:
        node = stack.pop()
        spelled = node.start_point[0] == line and node.text == text
        if spelled and found is None and not node.type.endswith("statement"):
            found = node
        stack.extend(c for c in node.children if c.start_point[0] <= line <= c.end_point[0])
    return found


def names(value: Value | None) -> set[str]:
    return set(value.names()) if value is not None else set()


def test_require_destructuring_member_and_alias(model: TypeModel) -> None:
    code = """
    const { MongoClient, Db: Database } = require("mongodb");
    const mongodb = require("mongodb");
    const { MongoClient: Other } = require("some-other-driver");
    probe(new MongoClient(url), new mongodb.MongoClient(url), new Database(), new Other());  // <-
    """
    assert names(value_at(model, code, "new MongoClient(url)")) == CLIENT
    assert names(value_at(model, code, "new mongodb.MongoClient(url)")) == CLIENT
    assert names(value_at(model, code, "new Database()")) == DB
    assert value_at(model, code, "new Other()") is None


def test_es_imports_named_default_namespace(model: TypeModel) -> None:
    code = """
    import mongodb, { MongoClient as Client } from "mongodb";
    import * as driver from "mongodb";
    import { MongoClient } from "not-mongodb";
    probe(new Client(url), new mongodb.Db(), new driver.MongoClient(url), new MongoClient());  // <-
    """
    assert names(value_at(model, code, "new Client(url)")) == CLIENT
    assert names(value_at(model, code, "new mongodb.Db()")) == DB
    assert names(value_at(model, code, "new driver.MongoClient(url)")) == CLIENT
    assert value_at(model, code, "new MongoClient()") is None


def test_typescript_import_require(model: TypeModel) -> None:
    code = """
    import driver = require("mongodb");
    import other = require("other");
    probe(new driver.MongoClient(url), new other.MongoClient(url));  // <-
    """
    value = value_at(model, code, "new driver.MongoClient(url)", "typescript")
    assert names(value) == CLIENT
    assert value_at(model, code, "new other.MongoClient(url)", "typescript") is None


def test_method_chains_builders_and_factories(model: TypeModel) -> None:
    code = """
    const { MongoClient } = require("mongodb");
    const mongoose = require("mongoose");
    const client = MongoClient.connect(url);
    probe(client.db("a").collection("b").find({}).sort({ a: 1 }));  // <-
    probe(client.db("a").stats(), MongoClient.other(url));  // <-
    probe(mongoose.model("User", schema));  // <-
    """
    cursor = value_at(model, code, 'client.db("a").collection("b").find({}).sort({ a: 1 })')
    assert names(cursor) == {"mongodb.FindCursor"}
    assert names(value_at(model, code, 'mongoose.model("User", schema)')) == MODEL
    # `stats` is declared as something no rule asks about; `other` is not declared.
    stats = value_at(model, code, 'client.db("a").stats()')
    assert stats is not None and not satisfies(stats, frozenset(DB), unknown=True)
    assert value_at(model, code, "MongoClient.other(url)") is None


def test_await_gives_awaits_or_the_value(model: TypeModel) -> None:
    code = """
    const mongoose = require("mongoose");
    const User = mongoose.model("User", schema);
    async function f(client) {
      probe(await User.findById(id), await User.find({}));  // <-
      probe(await new mongoose.Mongoose().connect(), await fetch(url));  // <-
    }
    """
    assert names(value_at(model, code, "await User.findById(id)")) == DOCUMENT
    # A many-document query resolves to a result no rule asks about.
    many = value_at(model, code, "await User.find({})")
    assert many is not None and not satisfies(many, frozenset(DOCUMENT), unknown=True)
    assert names(value_at(model, code, "await new mongoose.Mongoose().connect()")) == {
        "mongoose.Mongoose"
    }
    assert value_at(model, code, "await fetch(url)") is None


def test_string_subscripts_are_members(model: TypeModel) -> None:
    code = """
    const { MongoClient } = require("mongodb");
    const db = new MongoClient(url).db("a");
    const box = new (require("lib").Box)();
    probe(db["databaseName"], db[name], box[0]);  // <-
    """
    assert names(value_at(model, code, 'db["databaseName"]')) == {"js.String"}
    assert value_at(model, code, "db[name]") is None  # a Db declares no `items`
    assert names(value_at(model, code, "box[0]")) == COLLECTION


def test_literals_and_builtin_classes(model: TypeModel) -> None:
    code = """
    class Set {}
    probe([1], { a: 1 }, "s", `t`, 2, new Map(), new Array(3), Array(3), /x/, new Set());  // <-
    """
    expected = {
        "[1]": "js.Array",
        "{ a: 1 }": "js.Object",
        '"s"': "js.String",
        "`t`": "js.String",
        "2": "js.Number",
        "new Map()": "js.Map",
        "new Array(3)": "js.Array",
        "Array(3)": "js.Array",
        "/x/": "js.RegExp",
    }
    for target, type_name in expected.items():
        assert names(value_at(model, code, target)) == {type_name}, target
    # The file's own `Set` is not the builtin one.
    local = value_at(model, code, "new Set()")
    assert local is not None and names(local) == set() and local.definition is not None


def test_block_scopes_and_shadowing(model: TypeModel) -> None:
    code = """
    const { MongoClient } = require("mongodb");
    const users = new MongoClient(url).db("a").collection("users");
    if (dryRun) {
      const users = [];
      probe(users);  // <-
    }
    """
    assert names(value_at(model, code, "users")) == {"js.Array"}
    after = code.replace("  probe(users);  // <-\n", "  probe(users);\n") + "probe(users);  // <-\n"
    assert names(value_at(model, textwrap.dedent(after), "users")) == COLLECTION


def test_var_is_function_scoped(model: TypeModel) -> None:
    code = """
    const { MongoClient } = require("mongodb");
    function f() {
      if (ready) {
        var client = new MongoClient(url);
      }
      probe(client, other);  // <-
    }
    """
    assert names(value_at(model, code, "client")) == CLIENT
    assert value_at(model, code, "other") is None


def test_assignments_bind_where_the_name_is_declared(model: TypeModel) -> None:
    code = """
    const { MongoClient } = require("mongodb");
    let client;
    let spare = null;
    async function init() {
      client = await new MongoClient(url).connect();
      spare = [];
    }
    function use() {
      probe(client, spare);  // <-
    }
    """
    assert names(value_at(model, code, "client")) == CLIENT
    assert names(value_at(model, code, "spare")) == {"js.Array"}
    # In the same function, the last assignment before the use counts.
    code = """
    const { MongoClient } = require("mongodb");
    let db = new MongoClient(url).db("a");
    db = [];
    probe(db);  // <-
    """
    assert names(value_at(model, code, "db")) == {"js.Array"}


def test_object_destructuring_reads_members(model: TypeModel) -> None:
    code = """
    const { MongoClient } = require("mongodb");
    const db = new MongoClient(url).db("a");
    const found = { users: db.collection("u"), nested: { orders: db.collection("o") } };
    const { users, nested: { orders }, ...rest } = found;
    const [first] = [db.collection("f")];
    probe(users, orders, rest, first);  // <-
    """
    assert names(value_at(model, code, "users")) == COLLECTION
    assert names(value_at(model, code, "orders")) == COLLECTION
    assert value_at(model, code, "rest") is None
    assert value_at(model, code, "first") is None


def test_for_of_iterates_for_in_gives_keys(model: TypeModel) -> None:
    code = """
    const mongoose = require("mongoose");
    const User = mongoose.model("User", schema);
    async function f(rows) {
      for await (const doc of User.find({})) {
        for (const key in doc) {
          for (const row of rows) {
            probe(doc, key, row);  // <-
          }
        }
      }
    }
    """
    assert names(value_at(model, code, "doc")) == DOCUMENT
    assert names(value_at(model, code, "key")) == {"js.String"}
    assert value_at(model, code, "row") is None


def test_parameters_and_catch_shadow_outer_names(model: TypeModel) -> None:
    code = """
    const { MongoClient } = require("mongodb");
    const client = new MongoClient(url);
    MongoClient.connect(url, function (err, client) {
      try { run(); } catch (err) {
        [1].forEach(client => probe(client, err));  // <-
      }
    });
    """
    assert value_at(model, code, "client") is None
    assert value_at(model, code, "err") is None


def test_typescript_parameter_and_variable_annotations(model: TypeModel) -> None:
    code = """
    import { Collection, Db } from "mongodb";
    import * as mongo from "mongodb";
    interface Options { a: number }
    function f(
      a: Collection<User>, b?: mongo.Db | null, c: string[] = [], d: Options, e: Db | Collection
    ) {
      const g: Collection = other;
      const h: Options = new mongo.MongoClient(url);
      probe(a, b, c, d, e, g, h);  // <-
    }
    """
    expected = {"a": COLLECTION, "b": DB, "c": {"js.Array"}, "g": COLLECTION, "h": CLIENT}
    for target, type_names in expected.items():
        assert names(value_at(model, code, target, "typescript")) == type_names, target
    assert value_at(model, code, "d", "typescript") is None  # an interface
    assert value_at(model, code, "e", "typescript") is None  # a union of two


def test_typescript_casts(model: TypeModel) -> None:
    code = """
    import { Collection } from "mongodb";
    probe(raw as Collection, <Collection>raw, raw as string[]);  // <-
    probe((raw as Collection)!, raw satisfies Collection);  // <-
    """
    for target in ("raw as Collection", "<Collection>raw", "(raw as Collection)!"):
        assert names(value_at(model, code, target, "typescript")) == COLLECTION, target
    assert names(value_at(model, code, "raw as string[]", "typescript")) == {"js.Array"}
    # `satisfies` checks a value against a type; it does not say what the value is.
    assert value_at(model, code, "raw satisfies Collection", "typescript") is None


def test_function_returns(model: TypeModel) -> None:
    code = """
    const { MongoClient } = require("mongodb");
    const client = new MongoClient(url);
    function users() { return client.db("a").collection("users"); }
    const orders = (name) => client.db("a").collection(name);
    const mixed = function () { if (x) return client.db("a"); return []; };
    function again() { return again(); }
    async function typed(): Promise<Db> { return other; }
    probe(users(), orders("o"), mixed(), again(), typed());  // <-
    """
    assert names(value_at(model, code, "users()")) == COLLECTION
    assert names(value_at(model, code, 'orders("o")')) == COLLECTION
    assert value_at(model, code, "mixed()") is None
    assert value_at(model, code, "again()") is None
    ts = "import { Db } from 'mongodb';\n" + textwrap.dedent(code)
    assert names(value_at(model, ts, "typed()", "typescript")) == DB


def test_this_and_attributes_set_in_other_methods(model: TypeModel) -> None:
    code = """
    const { MongoClient } = require("mongodb");
    const db = new MongoClient(url).db("a");
    class Repo {
      cache = new Map();
      constructor() { this.users = null; }
      connect() { this.users = db.collection("users"); }
      get orders() { return db.collection("orders"); }
      static make() { return db.collection("made"); }
      run() {
        const later = () => this;
        function detached() { return this; }
        probe(this.users, this.orders, this.cache, later(), detached());  // <-
        probe(Repo.make(), new Repo().users);  // <-
      }
    }
    """
    for target in ("this.users", "this.orders", "Repo.make()", "new Repo().users"):
        assert names(value_at(model, code, target)) == COLLECTION, target
    assert names(value_at(model, code, "this.cache")) == {"js.Map"}
    this = value_at(model, code, "later()")
    assert this is not None and this.definition is not None and names(this) == set()
    assert value_at(model, code, "detached()") is None


def test_an_attribute_copied_from_an_option_does_not_hide_a_known_one(model: TypeModel) -> None:
    code = """
    const { MongoClient } = require("mongodb");
    const db = new MongoClient(url).db("a");
    class Store {
      constructor(options) {
        if (options.sessions) this.sessions = options.sessions;
        else this.sessions = db.collection("sessions");
        this.other = options.other;
        this.mixed = db.collection("mixed");
      }
      reset() { this.mixed = []; }
      run() { probe(this.sessions, this.other, this.mixed); }  // <-
    }
    """
    assert names(value_at(model, code, "this.sessions")) == COLLECTION
    # Nothing known, or two known values that differ: unknown.
    assert value_at(model, code, "this.other") is None
    assert value_at(model, code, "this.mixed") is None


def test_typescript_parameter_properties_and_fields(model: TypeModel) -> None:
    code = """
    import { Collection, Db } from "mongodb";
    class Ledger {
      private entries: Collection;
      private names: string[] = [];
      constructor(private readonly db: Db, plain: Db) {}
      post() {
        probe(this.db, this.entries, this.names, this.plain);  // <-
      }
    }
    """
    assert names(value_at(model, code, "this.db", "typescript")) == DB
    assert names(value_at(model, code, "this.entries", "typescript")) == COLLECTION
    assert names(value_at(model, code, "this.names", "typescript")) == {"js.Array"}
    assert value_at(model, code, "this.plain", "typescript") is None


def test_classes_extending_declared_and_unknown_classes(model: TypeModel) -> None:
    code = """
    const { MongoClient } = require("mongodb");
    const Base = require("./base");
    class Client extends MongoClient {}
    class Other extends Base {}
    probe(new Client(url), new Other());  // <-
    """
    assert names(value_at(model, code, "new Client(url)")) == CLIENT
    other = value_at(model, code, "new Other()")
    assert other is not None and other.partial
    assert satisfies(other, frozenset(CLIENT), unknown=True)
    assert not satisfies(other, frozenset(CLIENT), unknown=False)


def test_constructor_objects_and_classes_extending_them(model: TypeModel) -> None:
    code = """
    const mongoose = require("mongoose");
    const User = mongoose.model("User", schema);
    class Account extends mongoose.Model {
      static active() { return this.find({ active: true }); }
      close() { probe(this); }  // <-
    }
    probe(new User({}), Account, new Account({}), Account.active());  // <-
    probe(new (class extends Object {})());  // <-
    """
    assert names(value_at(model, code, "this")) == DOCUMENT
    assert names(value_at(model, code, "new User({})")) == DOCUMENT
    assert names(value_at(model, code, "Account")) == MODEL
    assert names(value_at(model, code, "new Account({})")) == DOCUMENT
    assert names(value_at(model, code, "Account.active()")) == {"mongoose.Query"}
    assert names(value_at(model, code, "new (class extends Object {})()")) == {"js.Object"}


def test_object_literal_members(model: TypeModel) -> None:
    code = """
    const { MongoClient } = require("mongodb");
    const db = new MongoClient(url).db("a");
    const users = db.collection("users");
    const store = { users, orders: db.collection("o"), find() { return db.collection("f"); } };
    const spread = { orders: db.collection("o"), ...defaults };
    probe(store.users, store.orders, store.find(), store.missing, spread.orders);  // <-
    """
    for target in ("store.users", "store.orders", "store.find()"):
        assert names(value_at(model, code, target)) == COLLECTION, target
    assert value_at(model, code, "store.missing") is None
    assert value_at(model, code, "spread.orders") is None  # the spread may replace it


def test_conditionals_agree_or_stay_unknown(model: TypeModel) -> None:
    code = """
    const { MongoClient } = require("mongodb");
    const db = new MongoClient(url).db("a");
    probe(x ? db.collection("a") : db.collection("b"), x ? db.collection("a") : []);  // <-
    probe(x ? options.collection : db.collection("b"), (db.collection("d")));  // <-
    """
    value = value_at(model, code, 'x ? db.collection("a") : db.collection("b")')
    assert names(value) == COLLECTION
    assert value_at(model, code, 'x ? db.collection("a") : []') is None
    # Only `||` and `??` take the known side: a conditional's unknown side may be anything.
    assert value_at(model, code, 'x ? options.collection : db.collection("b")') is None
    assert names(value_at(model, code, '(db.collection("d"))')) == COLLECTION


def test_defaults_and_caches_take_the_known_side(model: TypeModel) -> None:
    code = """
    const { MongoClient } = require("mongodb");
    const db = new MongoClient(url).db("a");
    let cache;
    function users() { return cache || (cache = db.collection("users")); }
    probe(options.users || db.collection("u"), options.users ?? db.collection("u"));  // <-
    probe(users(), db.collection("u") || [], options.a || options.b);  // <-
    """
    assert names(value_at(model, code, 'options.users || db.collection("u")')) == COLLECTION
    assert names(value_at(model, code, 'options.users ?? db.collection("u")')) == COLLECTION
    assert names(value_at(model, code, "users()")) == COLLECTION
    # Two known sides that differ, or none known: unknown.
    assert value_at(model, code, 'db.collection("u") || []') is None
    assert value_at(model, code, "options.a || options.b") is None


def test_deep_chains_are_unknown_not_a_crash(model: TypeModel) -> None:
    chain = "client" + ".db()" * 3000
    code = f"""
    const {{ MongoClient }} = require("mongodb");
    const client = new MongoClient(url);
    probe({chain});  // <-
    """
    assert value_at(model, code, chain) is None


@pytest.mark.parametrize("language", ["javascript", "typescript", "tsx"])
def test_lazy_types_dispatch_every_javascript_language(model: TypeModel, language: str) -> None:
    spec = LANGUAGES[language]
    source = b'const { MongoClient } = require("mongodb");\nnew MongoClient(url);\n'
    root = spec.parser().parse(source).root_node
    expression = root.named_children[1].named_children[0]
    assert names(LazyTypes(spec, root, model, "app.js").value_of(expression)) == CLIENT


def test_members_set_after_an_object_is_made(model: TypeModel) -> None:
    code = """
    const { MongoClient } = require("mongodb");
    const db = new MongoClient(url).db("a");
    const store = {};
    store.users = db.collection("users");
    store["orders"] = db.collection("orders");
    store.cache = null;
    const events = db.collection("events");
    events.prefix = "app";
    events.label = function () { return "x"; };
    function Registry() {}
    Registry.logs = db.collection("logs");
    const other = { users: [] };
    other.users = db.collection("users");
    probe(store.users, store.orders, Registry.logs, store.cache, store.missing);  // <-
    probe(events, other.users);  // <-
    """
    for target in ("store.users", "store.orders", "Registry.logs", "events"):
        assert names(value_at(model, code, target)) == COLLECTION, target
    # A placeholder sets nothing; a member never set is unknown; a literal's own member
    # and a later assignment that differ stay unknown.
    assert value_at(model, code, "store.cache") is None
    assert value_at(model, code, "store.missing") is None
    assert value_at(model, code, "other.users") is None


def test_exports_members_and_a_memoized_client(model: TypeModel) -> None:
    code = """
    const { MongoClient } = require("mongodb");
    exports.connect = function () { return new MongoClient(url).db("a"); };
    exports.db = function () { return exports._db || (exports._db = exports.connect()); };
    exports.reset = function () { exports._db = null; };
    probe(exports.db(), module.exports._db, exports.reset(), exports.other);  // <-
    """
    assert names(value_at(model, code, "exports.db()")) == DB
    assert names(value_at(model, code, "module.exports._db")) == DB
    assert value_at(model, code, "exports.reset()") is None
    assert value_at(model, code, "exports.other") is None


def test_constructor_functions_and_prototypes(model: TypeModel) -> None:
    code = """
    const { MongoClient } = require("mongodb");
    const db = new MongoClient(url).db("a");
    function Queue(options) {
      this.jobs = options.jobs || db.collection("jobs");
      this.cache = null;
    }
    Queue.prototype.count = Queue.prototype.size = function () {
      const self = this;
      probe(this.jobs, self.jobs.find(), this.cache);  // <-
    };
    function Worker() { this.events = db.collection("events"); }
    Worker.prototype = {
      start: function () { probe(this.events); },  // <-
      stop() { probe(this.events.find()); },  // <-
    };
    new Worker();
    function helper() { probe(this.helped); }  // <-
    exports.run = function () { probe(this.ran); };  // <-
    probe(new Queue({}).jobs, new Queue({}).size, new Queue({}));  // <-
    """
    for target in ("this.jobs", "this.events", "new Queue({}).jobs"):
        assert names(value_at(model, code, target)) == COLLECTION, target
    for target in ("self.jobs.find()", "this.events.find()"):
        assert names(value_at(model, code, target)) == {"mongodb.FindCursor"}, target
    size = value_at(model, code, "new Queue({}).size")
    assert size is not None and size.function is not None
    # An instance may have a base set up at run time: unknown to `unknown: true` rules,
    # not known to be anything.
    queue = value_at(model, code, "new Queue({})")
    assert queue is not None and queue.partial and names(queue) == set()
    assert value_at(model, code, "this.cache") is None
    # `this` in a function nothing uses as a constructor or a prototype's method.
    assert value_at(model, code, "this.helped") is None
    assert value_at(model, code, "this.ran") is None


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        file = root / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(textwrap.dedent(text))


def test_other_modules_of_the_project(model: TypeModel, tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "outside.js": "exports.users = require('mongodb').MongoClient().db('a').users;\n",
            "project/lib/db.js": """
                const { MongoClient } = require("mongodb");
                module.exports = new MongoClient(url).db("a");
            """,
            "project/lib/models/user.js": """
                const mongoose = require("mongoose");
                module.exports = mongoose.model("User", new mongoose.Schema({}));
            """,
            "project/lib/store/index.js": """
                const db = require("../db");
                exports.users = db.collection("users");
                exports.client = function () { return db; };
                module.exports.orders = db.collection("orders");
            """,
            "project/lib/esm.ts": """
                import db from "./db";
                export const users = db.collection("users");
                export function orders() { return db.collection("orders"); }
                const events = db.collection("events");
                export { events as log };
                export default db.collection("default");
            """,
            "project/lib/again.mjs": 'export { users } from "./esm";\n',
            "project/lib/legacy.ts": """
                import db = require("./db");
                export = db.collection("legacy");
            """,
        },
    )
    code = """
    const db = require("./lib/db");
    const User = require("./lib/models/user");
    const store = require("./lib/store");
    const { users, client } = require("./lib/store");
    import esm, { users as esmUsers, orders, log } from "./lib/esm";
    import { users as again } from "./lib/again.mjs";
    const outside = require("../outside");
    const legacy = require("./lib/legacy");
    probe(db, User, new User({}), store.users, users, client(), store.orders, legacy);  // <-
    probe(esm, esmUsers, orders(), log, again, outside.users, store.missing);  // <-
    """
    project = ProjectIndex(tmp_path / "project")
    importer = str(tmp_path / "project" / "app.js")

    def at(target: str) -> Value | None:
        return value_at(model, code, target, path=importer, project=project)

    assert names(at("db")) == DB
    assert names(at("User")) == MODEL
    assert names(at("new User({})")) == DOCUMENT
    assert names(at("client()")) == DB
    for target in ("store.users", "users", "store.orders", "esm", "esmUsers", "orders()"):
        assert names(at(target)) == COLLECTION, target
    for target in ("log", "again", "legacy"):
        assert names(at(target)) == COLLECTION, target
    # Outside the project root, and a name the module does not export: only a path.
    for target in ("outside.users", "store.missing"):
        value = at(target)
        assert value is not None and value.path is not None and not value.types, target
    with project.recording() as read:
        at("store.users")
    lib = tmp_path / "project" / "lib"
    assert read == {str(lib / "store" / "index.js"), str(lib / "db.js")}


def test_the_imports_gate_through_project_modules(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "lib/redis.js": "var redis = require('redis');\n",
            "lib/queue.ts": 'import { client } from "./redis.js";\n',
            "node_modules/wrapper/index.js": "require('redis');\n",
        },
    )
    project = ProjectIndex(tmp_path)
    importer = str(tmp_path / "app.js")
    assert project.provides(importer, {"./lib/redis"}, ["redis"])
    assert project.provides(str(tmp_path / "lib" / "queue.ts"), {"./redis.js"}, ["redis"])
    assert project.provides(importer, {"./lib/queue"}, ["redis"])  # through two modules
    assert not project.provides(importer, {"./lib/redis"}, ["mongodb"])
    assert not project.provides(importer, {"wrapper"}, ["redis"])  # a package: not followed


def test_members_set_on_an_export_by_the_files_that_import_it(
    model: TypeModel, tmp_path: Path
) -> None:
    # kue: lib/kue.js sets `Job.client = ...` on lib/queue/job.js's export, which reads it.
    _write(
        tmp_path,
        {
            "lib/kue.js": """
                var Job = require("./queue/job"), Other = require("./queue/other");
                var Both = require("./queue/both"), Named = require("./queue/named");
                var db = require("mongodb").MongoClient().db("a");
                this.client = Job.client = db.collection("jobs");
                Other.client = db;
                Both.client = db.collection("x");
                Named.store.client = db.collection("x");
            """,
            "lib/more.js": """
                const Both = require("./queue/both");
                Both.client = require("mongodb").MongoClient();
                Both.later = null;
            """,
            "lib/queue/job.js": """
                exports = module.exports = Job;
                function Job() { this.client = Job.client; }
                Job.prototype.save = function () { return this.client; };
            """,
            "lib/queue/other.js": "module.exports = function Other() {};\n",
            "lib/queue/both.js": "module.exports = function Both() {};\n",
            "lib/queue/named.js": "exports.store = function store() {};\n",
        },
    )
    project = ProjectIndex(tmp_path)

    def at(file: str, code: str, target: str) -> Value | None:
        return value_at(model, code, target, path=str(tmp_path / file), project=project)

    job = (tmp_path / "lib/queue/job.js").read_text()
    assert names(at("lib/queue/job.js", job + "probe(Job.client);  // <-\n", "Job.client")) == (
        COLLECTION
    )
    method = job.replace("return this.client;", "return this.client;  // <-")
    assert names(at("lib/queue/job.js", method, "this.client")) == COLLECTION
    # Another export's member, and a function that is not what the file exports: unknown,
    # or what the importer set on that export.
    assert at("lib/queue/job.js", job + "probe(Job.other);  // <-\n", "Job.other") is None
    local = job + "function Local() {}\nprobe(Local.client);  // <-\n"
    assert at("lib/queue/job.js", local, "Local.client") is None
    other = "module.exports = function Other() {};\nprobe(module.exports.client);  // <-\n"
    assert names(at("lib/queue/other.js", other, "module.exports.client")) == DB
    # Two importers that disagree (a Collection and a MongoClient): unknown.
    both = "module.exports = function Both() {};\nprobe(module.exports.client);  // <-\n"
    assert at("lib/queue/both.js", both, "module.exports.client") is None
    # A member of a named export is not followed (only what require() itself gives).
    named = "exports.store = function store() {};\nprobe(exports.store.client);  // <-\n"
    assert at("lib/queue/named.js", named, "exports.store.client") is None
    # What the importers read is recorded, for the result cache.
    with project.recording() as read:
        at("lib/queue/job.js", job + "probe(Job.client);  // <-\n", "Job.client")
    assert str((tmp_path / "lib/kue.js").resolve()) in read


def test_a_parameter_all_calls_agree_on(model: TypeModel) -> None:
    # connect-redis: `function allKeys(store, cb)`, called only as `allKeys(store, ...)`
    # with `var store = this` in the store's methods.
    code = """
    const db = require("mongodb").MongoClient().db("a");
    function clear(coll, cb) { coll.drop(cb);  // <- agreed
    }
    clear(db.collection("a"), () => {});
    clear(db.collection("b"));
    const arrow = (coll) => coll;  // <- arrow
    arrow(db.collection("a"));
    const single = coll => coll;  // <- single
    single(db.collection("a"));
    function differ(coll) { return coll;  // <- differ
    }
    differ(db.collection("a"));
    differ(db);
    function partly(coll) { return coll;  // <- partly
    }
    partly(db.collection("a"));
    partly(options.coll);
    function passed(coll) { return coll;  // <- passed
    }
    passed(db.collection("a"));
    [1].map(passed);
    function exported(coll) { return coll;  // <- exported
    }
    exported(db.collection("a"));
    module.exports = { exported };
    function missing(coll, other) { return other;  // <- missing
    }
    missing(db.collection("a"));
    function spread(coll) { return coll;  // <- spread
    }
    spread(...[db.collection("a")]);
    const named = function inner(coll) { return coll;  // <- named
    };
    named(db.collection("a"));
    function uncalled(coll) { return coll;  // <- uncalled
    }
    export function esm(coll) { return coll;  // <- esm
    }
    esm(db.collection("a"));
    export const esmArrow = (coll) => coll;  // <- esmArrow
    esmArrow(db.collection("a"));
    """

    def at(marker: str, target: str) -> Value | None:
        marked = "\n".join(
            line.replace(f"// <- {marker}", "// <-")
            if f"// <- {marker}" in line
            else line.replace("// <-", "//")
            for line in textwrap.dedent(code).splitlines()
        )
        return value_at(model, marked, target)

    assert names(at("agreed", "coll")) == COLLECTION
    assert names(at("arrow", "coll")) == COLLECTION
    assert names(at("single", "coll")) == COLLECTION
    assert at("agreed", "cb") is None  # a function and nothing: they differ
    # Calls that disagree or pass what we cannot see, a function used as a value (passed,
    # exported, an ES export), a missing or spread argument, a named function expression
    # (also called by its own name) and a function never called: unknown.
    markers = ("differ", "partly", "passed", "exported", "spread", "named", "uncalled")
    for marker in (*markers, "esm", "esmArrow"):
        assert at(marker, "coll") is None, marker
    assert at("missing", "other") is None
    # A comment that mentions the name makes it unknown too (the count of mentions).
    commented = textwrap.dedent(code) + "// clear(db)\n"
    marked = commented.replace("// <- agreed", "// <-")
    assert at("agreed", "coll") is not None and value_at(model, marked, "coll") is None


def test_this_in_an_export_another_file_installs_on_a_prototype(
    model: TypeModel, tmp_path: Path
) -> None:
    # agenda: lib/agenda/index.js installs `Agenda.prototype.cancel = require("./cancel")`.
    _write(
        tmp_path,
        {
            "lib/index.js": """
                const { MongoClient } = require("mongodb");
                class Agenda {
                  constructor() { this._db = new MongoClient(url).db("a"); }
                }
                function Store() { this._db = new MongoClient(url); }
                Agenda.prototype.cancel = require("./cancel");
                Agenda.prototype.twice = Store.prototype.twice = require("./twice");
                Agenda.prototype.start = function () { helper.call(this); };
                const helper = require("./helper");
                module.exports = Agenda;
            """,
            "lib/cancel.js": "module.exports = function (query) {\n  const self = this;\n};\n",
            "lib/twice.js": "module.exports = function () {\n};\n",
            "lib/helper.js": "module.exports = function () {\n};\n",
        },
    )

    def at(file: str, probe: str, target: str) -> Value | None:
        # Written first: the installing file's inference reads the file from disk.
        code = "module.exports = function () {\n  const self = this;\n"
        code += f"  probe({probe});  // <-\n}};\n"
        (tmp_path / file).write_text(code)
        project = ProjectIndex(tmp_path)  # a fresh one: the installer keeps what it read
        return value_at(model, code, target, path=str(tmp_path / file), project=project)

    assert names(at("lib/cancel.js", "this._db", "this._db")) == DB
    assert names(at("lib/cancel.js", "self._db.collection('x')", "self._db.collection('x')")) == (
        COLLECTION
    )
    # Installed on two prototypes whose instances differ, or only called with `this`
    # (`helper.call(this)`, not installed): unknown.
    assert at("lib/twice.js", "this._db", "this._db") is None
    assert at("lib/helper.js", "this._db", "this._db") is None
    # A function the module does not export: its `this` is not the installer's.
    inner = "module.exports = function (query) {\n"
    inner += "  function inner() { probe(this._db);  // <-\n  }\n};\n"
    path = str(tmp_path / "lib/cancel.js")
    (tmp_path / "lib/cancel.js").write_text(inner)
    assert value_at(model, inner, "this._db", path=path, project=ProjectIndex(tmp_path)) is None


def test_members_every_project_file_agrees_on(model: TypeModel, tmp_path: Path) -> None:
    # mongo-express: middleware sets `req.db` / `req.collection`, route handlers in other
    # files read them on a `req` nothing types.
    _write(
        tmp_path,
        {
            "lib/middleware.js": """
                const client = new (require("mongodb").MongoClient)(url);
                module.exports = function (req, res, next) {
                  req.db = client.db("app");
                  req.collection = req.db.collection(req.params.name);
                  req.cache = client.db("cache");
                  req.options = {};
                  next();
                };
                exports.other = function (req) { req.db = client.db("other"); };
            """,
            "lib/cache.js": "exports.reset = function (state) { state.cache = null; };\n",
            "lib/app.js": """
                const mongodb = require("mongodb");
                class Store { constructor(opts) { this.cache = opts.cache; } }
                const listing = { options: { sort: 1 } };
                app.param("x", (req) => { req.owner = new mongodb.MongoClient(url); });
                app.param("y", (req) => { req.owner = new mongodb.MongoClient(url).db("a"); });
            """,
        },
    )
    code = """
    exports.view = function (req, res) {
      probe(req.db, req.collection, req.collection.find({}), req["db"]);  // <-
      probe(req.cache, req.options, req.owner, req.missing);  // <-
      const { collection: named } = req;
      probe(named);  // <-
    };
    """
    project = ProjectIndex(tmp_path)

    def at(target: str) -> Value | None:
        return value_at(model, code, target, path=str(tmp_path / "lib/routes.js"), project=project)

    # First: `req.collection`'s definition reads `req.db`, set in the same file.
    assert names(at("req.collection")) == COLLECTION
    assert names(at("req.db")) == DB
    assert names(at('req["db"]')) == DB
    assert names(at("req.collection.find({})")) == {"mongodb.FindCursor"}
    assert names(at("named")) == COLLECTION  # destructured
    # Look-alikes: one definition unknown (`this.cache = opts.cache`; the `= null` placeholder
    # does not count), an object literal's member, two types, never assigned.
    for target in ("req.cache", "req.options", "req.owner", "req.missing"):
        assert at(target) is None, target
    # Without the project index nothing is known.
    assert value_at(model, code, "req.db", path=str(tmp_path / "lib/routes.js")) is None
    with project.recording() as read:
        at("req.collection")
    assert str((tmp_path / "lib/middleware.js").resolve()) in read


def test_a_shared_member_does_not_replace_what_an_object_says(
    model: TypeModel, tmp_path: Path
) -> None:
    _write(tmp_path, {"lib/db.js": "x.db = require('mongodb').MongoClient().db('a');\n"})
    code = """
    const local = { db: [] };
    class Service { constructor() { this.db = null; } }
    probe(local.db, "s".db, new Service().db);  // <-
    """
    project = ProjectIndex(tmp_path)

    def at(target: str) -> Value | None:
        return value_at(model, code, target, path=str(tmp_path / "lib/app.js"), project=project)

    assert names(at("local.db")) == {"js.Array"}
    # A known object's unset member, and this file's own `this.db = null`: not the project's.
    assert at('"s".db') is None
    assert at("new Service().db") is None


def test_the_result_a_node_style_callback_gets(model: TypeModel) -> None:
    code = """
    const { MongoClient } = require("mongodb");
    const mongoose = require("mongoose");
    const User = mongoose.model("User");
    MongoClient.connect(url, (err, client) => {
      client.db("a").collection("b", { strict: true }, function (error, coll) {
        coll.find({}).toArray((err2, docs) => {
          probe(client, coll, docs);  // <-
        });
      });
      User.findOne({}, (err, user) => probe(user));  // <-
    });
    """
    assert names(value_at(model, code, "client")) == CLIENT | DB  # a Db before 3.0
    assert names(value_at(model, code, "coll")) == COLLECTION
    assert names(value_at(model, code, "docs")) == {"js.Array"}
    assert names(value_at(model, code, "user")) == DOCUMENT  # the query, awaited


def test_callbacks_that_are_not_the_node_style_result(model: TypeModel) -> None:
    code = """
    const { MongoClient } = require("mongodb");
    const db = new MongoClient(url).db("a");
    const mine = { collection(name, cb) { return db; } };
    db.collection("b", function (first, second) { probe(second); });  // <-
    db.collection("b", (err, notLast) => probe(notLast), "later");  // <-
    mine.collection("b", (err, fromMine) => probe(fromMine));  // <-
    fetchCollection(db, (err, fetched) => probe(fetched));  // <-
    db.stats((err, reply) => probe(reply));  // <-
    unknown.collection("b", (err, other) => probe(other));  // <-
    """
    # Not error-first, not the last argument, a project object's method, a function of
    # the project, an undeclared method, an unknown receiver.
    for target in ("second", "notLast", "fromMine", "fetched", "other"):
        assert value_at(model, code, target) is None, target
    reply = value_at(model, code, "reply")  # declared opaque: known, of no type rules ask
    assert reply is not None and names(reply) == {OPAQUE}


def test_shared_members_count_every_kind_of_definition(model: TypeModel, tmp_path: Path) -> None:
    # Each file gives `db` a Db by assignment; a class member, an object literal's key or
    # shorthand, a parameter property or a getter of another kind makes it unknown.
    assign = "import { MongoClient } from 'mongodb';\nx.db = new MongoClient(u).db('a');\n"
    others = {
        "field.ts": "class A { db = 'name'; }\n",
        "annotated.ts": "import { Db } from 'mongodb';\nclass A { constructor(public db: Db) {} }",
        "property.ts": "class A { constructor(private db: string) {} }\n",
        "method.js": "class A { db() { return 1; } }\n",
        "getter.js": "const o = { get db() { return []; } };\n",
        "shorthand.js": "const db = 3;\nmodule.exports = { db };\n",
        "unvalued.js": "class A { db; }\n",
        "augmented.js": "x.db /* later */ ??= makeDb();\n",
    }
    code = "probe(req.db);  // <-\n"
    results = {}
    for file, text in others.items():
        root = tmp_path / file.replace(".", "_")
        _write(root, {"lib/set.ts": assign, f"lib/{file}": text})
        value = value_at(
            model, code, "req.db", path=str(root / "lib/app.js"), project=ProjectIndex(root)
        )
        results[file] = names(value)
    # A parameter property annotated as a Db, and a field declared without a value, agree.
    assert results.pop("annotated.ts") == DB
    assert results.pop("unvalued.js") == DB
    assert results == {file: set() for file in results}


def test_a_node_style_callback_passed_by_name(model: TypeModel) -> None:
    code = """
    const { MongoClient } = require("mongodb");
    function onConnect(err, client) {
      probe(client);  // <-
    }
    MongoClient.connect(url, onConnect);
    const onCollection = (error, coll) => probe(coll);  // <-
    new MongoClient(url).db("a").collection("b", onCollection);
    const onBoth = (err, both) => probe(both);  // <-
    new MongoClient(url).db("a").collection("b", onBoth);
    new MongoClient(url).db("a", onBoth);
    const onAlso = (err, also) => probe(also);  // <-
    MongoClient.connect(url, onAlso);
    setTimeout(onAlso);
    function notErrorFirst(name, result) { probe(result); }  // <-
    MongoClient.connect(url, notErrorFirst);
    """
    assert names(value_at(model, code, "client")) == CLIENT | DB  # a Db before 3.0
    assert names(value_at(model, code, "coll")) == COLLECTION
    # Look-alikes: two methods that hand different types, a mention that is not a method's
    # callback, a first parameter that is not an error.
    for target in ("both", "also", "result"):
        assert value_at(model, code, target) is None, target


def test_a_static_whose_result_depends_on_the_version(model: TypeModel) -> None:
    # Driver 2.x's connect gave a Db, 3.0's a client: either, and what is called on it tells.
    code = """
    const { MongoClient, Db, Server } = require("mongodb");
    MongoClient.connect(url, (err, legacy) => {
      probe(legacy, legacy.collection("jobs"), legacy.db("other"));  // <-
    });
    const client = await MongoClient.connect(url);
    probe(client);  // <-
    function opened(err, conn) {
      probe(conn);  // <-
    }
    MongoClient.connect(url, opened);
    new Db("app", new Server("localhost", 27017)).open(opened);
    function mixed(err, thing) {
      probe(thing);  // <-
    }
    MongoClient.connect(url, mixed);
    new Db("app", new Server("localhost", 27017)).collection("x", mixed);
    """
    either = DB | CLIENT
    assert names(value_at(model, code, "legacy")) == either
    assert names(value_at(model, code, 'legacy.collection("jobs")')) == COLLECTION
    assert names(value_at(model, code, 'legacy.db("other")')) == DB
    assert names(value_at(model, code, "client")) == either
    # Handed both the Db-or-client and a Db: the wider one.
    assert names(value_at(model, code, "conn")) == either
    # Look-alike: handed a Db-or-client and a Collection, which agree on nothing.
    assert value_at(model, code, "thing") is None


def test_a_map_the_file_fills_by_key(model: TypeModel) -> None:
    # mongo-express keeps one Db per name in `mongo.connections[name]`.
    code = """
    const { MongoClient } = require("mongodb");
    const client = new MongoClient(url);
    const state = { connections: {}, mixed: {}, names: [] };
    state.connections[first] = client.db(first);
    state.connections["admin"] = client.db("admin");
    state.mixed[a] = client.db(a);
    state.mixed[b] = client.db(b).collection("x");
    const cache = {};
    cache[key] = client.db(key);
    probe(state.connections[name], cache[name], state.connections.admin);  // <-
    probe(state.mixed[name], state.names[0], other.connections[name]);  // <-
    """
    assert names(value_at(model, code, "state.connections[name]")) == DB
    assert names(value_at(model, code, "cache[name]")) == DB
    # A string key is the member of that name.
    assert names(value_at(model, code, "state.connections.admin")) == DB
    # Look-alikes: values that disagree, an array, another object's map.
    for target in ("state.mixed[name]", "state.names[0]", "other.connections[name]"):
        assert value_at(model, code, target) is None, target


def test_a_member_set_from_a_parameter_takes_the_kind_the_others_say(
    model: TypeModel, tmp_path: Path
) -> None:
    # agenda: `this._mdb = mdb` (the application's Db, injected) in mongo.js, `self._mdb = db`
    # from MongoClient.connect in database.js; db-init.js makes the collection from it.
    _write(
        tmp_path,
        {
            "lib/mongo.js": "module.exports = function (mdb) { this._mdb = mdb; };\n",
            "lib/database.js": """
                const { MongoClient } = require("mongodb");
                module.exports = function (url) {
                  const self = this;
                  MongoClient.connect(url, (error, db) => { self._mdb = db; });
                };
            """,
            "lib/db-init.js": """
                module.exports = function (n) { this._coll = this._mdb.collection(n); };
            """,
            "lib/only.js": "module.exports = function (store) { this._store = store; };\n",
            "lib/again.js": """
                module.exports = function (conn) { conn = conn || null; this._conn = conn; };
                exports.x = function () { y._conn = require("mongodb").MongoClient.connect(u); };
            """,
        },
    )
    code = """
    exports.run = function () {
      probe(this._coll, this._mdb, this._store, this._conn);  // <-
    };
    """
    project = ProjectIndex(tmp_path)

    def at(target: str) -> Value | None:
        return value_at(model, code, target, path=str(tmp_path / "lib/jobs.js"), project=project)

    assert names(at("this._coll")) == COLLECTION
    assert names(at("this._mdb")) == DB | CLIENT
    # Look-alikes: only ever set from a parameter; a parameter the function reassigns.
    assert at("this._store") is None
    assert at("this._conn") is None


def test_a_project_file_that_imports_the_library_opens_a_typed_rule(tmp_path: Path) -> None:
    # mongo-express: lib/routes/database.js requires only ../utils; `req.db` is the Db the
    # router's middleware sets, so rules that ask for a Db apply there. A rule that lets
    # unknown values through passes only known ones in such a file.
    _write(
        tmp_path,
        {
            "lib/router.js": """
                const mongodb = require("mongodb");
                const client = new mongodb.MongoClient(url);
                exports.param = function (req, res, next) { req.db = client.db(req.params.db); };
            """,
            "lib/utils.js": "exports.noop = function () {};\n",
        },
    )
    route = """
    const utils = require("./utils");
    exports.drop = function (req, res) {
      req.db.dropDatabase(function (err) { res.end(); });
      req.db.collection("x").mapReduce(map, reduce);
      anything.mapReduce(map, reduce);
      queue.find(query).toArray(function (err, items) {});
    };
    """
    shell = """
    db.getSiblingDB("app").dropDatabase(function (err) {});
    anything.mapReduce(map, reduce);
    """
    rules = load_rule_set([REPO / "rules" / "mongodb-node"]).rule_set
    options = CheckOptions(project=ProjectIndex(tmp_path))

    def found(code: str, name: str) -> list[tuple[int, str]]:
        path = str(tmp_path / "lib" / name)
        findings = check(textwrap.dedent(code), LANGUAGES["javascript"], rules, path, options)
        return sorted((f.start.line, f.rule.split("/")[1]) for f in findings)

    assert found(route, "database.js") == [
        (3, "operation-callback-removed"),
        (4, "collection-map-reduce-removed"),
    ]
    # A mongosh script (it imports nothing) is not the project's module: nothing opens.
    assert found(shell, "script.js") == []
