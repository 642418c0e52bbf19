"""Flask endpoints sharing one Redis client."""

from __future__ import annotations

from flask import Flask, abort, jsonify, request

from app.redis_client import get_redis
from app.store import Leaderboard, ProfileRepository, RateLimiter, SessionStore

app = Flask(__name__)
r = get_redis()
sessions = SessionStore(r)
profiles = ProfileRepository(r)
limiter = RateLimiter(r, limit=100, window_seconds=60)
board = Leaderboard(r, "global")


@app.before_request
def throttle():
    if not limiter.allow(request.remote_addr or "unknown"):
        abort(429)


@app.route("/login", methods=["POST"])
def login():
    body = request.get_json(force=True)
    token = sessions.create(body["user_id"], {"ua": request.headers.get("User-Agent", "")})
    return jsonify({"token": token})


@app.get("/profile/<user_id>")
def get_profile(user_id: str):
    profile = profiles.load(user_id)
    if profile is None:
        abort(404)
    return jsonify(profile.__dict__)


@app.post("/scores")
def post_score():
    body = request.get_json(force=True)
    board.submit(body["player"], float(body["score"]))
    return jsonify({"top": board.top(5)})


@app.get("/health")
def health():
    return jsonify({"redis": r.ping(), "keys_in_db": r.dbsize()})


@app.get("/cache/<name>")
def cached(name: str):
    value = r.get(f"cache:{name}")
    headers = dict(request.headers)
    return jsonify({"value": value, "header_names": sorted(headers.keys())})
