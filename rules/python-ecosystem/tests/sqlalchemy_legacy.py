# SQLAlchemy 1.x code in a project on SQLAlchemy 2.
import sqlalchemy as sa
from sqlalchemy import create_engine, select
# expect: declarative-base-moved
from sqlalchemy.ext.declarative import declarative_base
# expect: declarative-base-moved
from sqlalchemy.ext.declarative import (
    declarative_base as make_base,
    declared_attr,
)
from sqlalchemy.orm import Session, sessionmaker

Base = declarative_base()
users = sa.table("users", sa.column("id"), sa.column("name"))

engine = create_engine("sqlite:///app.db")
warehouse = sa.create_engine("postgresql://localhost/warehouse")

# expect: engine-execute-removed
engine.execute("DELETE FROM sessions")
# expect: engine-execute-removed
rows = warehouse.execute(users.select()).fetchall()
# expect: engine-execute-removed
count = create_engine("sqlite://").execute("SELECT 1").scalar()


class Repository:
    def __init__(self, url):
        self.engine = create_engine(url)

    def purge(self):
        # expect: engine-execute-removed
        self.engine.execute(users.delete())


# expect: select-list-argument-removed
stmt = select([users.c.id, users.c.name])
# expect: select-list-argument-removed
stmt = sa.select([users])
# expect: select-list-argument-removed
total = select(
    [sa.func.count()]
).select_from(users)

with engine.connect() as conn:
    # expect: string-sql-execute-removed
    conn.execute("UPDATE users SET name = 'x'")
    # expect: string-sql-execute-removed
    result = conn.execute(f"SELECT * FROM users WHERE id = {1}")

with engine.begin() as connection:
    # expect: string-sql-execute-removed
    connection.execute("VACUUM")

SessionLocal = sessionmaker(bind=engine)

with SessionLocal() as db:
    # expect: string-sql-execute-removed
    db.execute("SELECT 1")


def get_user(session, user_id):
    # expect: string-sql-execute-removed
    session.execute("SELECT 1")
    # expect: query-get-legacy
    return session.query(User).get(user_id)


def list_users(db):
    # expect: session-query-legacy
    return db.query(User).filter(User.name != None).all()


class User(Base):
    __tablename__ = "users"
    id = sa.Column(sa.Integer, primary_key=True)


def lookup(self_session):
    with Session(engine) as session:
        # expect: query-get-legacy
        user = session.query(User).get(5)
        # expect: session-query-legacy
        names = session.query(User.id, User).all()
    return user, names

# expect: metadata-bind-removed
bound = sa.MetaData(bind=engine)
# expect: statement-execute-removed
rows = sa.select(users.c.id).execute()
# expect: statement-execute-removed
n = select(users.c.id).scalar()
