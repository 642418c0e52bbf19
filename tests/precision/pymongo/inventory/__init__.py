"""A small inventory service on PyMongo 4: connection setup, repositories, reports."""
