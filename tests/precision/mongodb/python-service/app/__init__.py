"""Orders service: Flask + PyMongo."""
