"""A small stand-in for the OpenAI HTTP API (chat completions and embeddings), for tests of the OpenAI adapters
through the real `openai` SDK. Each test scripts the next answers: a JSON reply, a refusal, a truncated reply,
malformed JSON, an HTTP error with headers, or a hang longer than the client's time budget."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self


@dataclass
class Reply:
    content: str | None = None
    refusal: str | None = None
    finish_reason: str = "stop"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    hang_seconds: float = 0.0


def word_vector(text: str, dimension: int) -> list[float]:
    """A deterministic embedding: hashed words, so texts sharing words are close."""
    vector = [0.0] * dimension
    for word in text.lower().split():
        vector[int(hashlib.sha256(word.encode()).hexdigest(), 16) % dimension] += 1.0
    return vector


class OpenAiStandIn:
    def __init__(self, dimension: int = 64) -> None:
        self.dimension = dimension
        self.replies: deque[Reply] = deque()
        self.requests: list[dict[str, Any]] = []
        self._stop = threading.Event()
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                stand_in.requests.append(
                    {"path": self.path, "body": body, "authorization": self.headers.get("Authorization")}
                )
                if self.path.endswith("/embeddings"):
                    texts = body["input"] if isinstance(body["input"], list) else [body["input"]]
                    self._send(
                        200,
                        {
                            "object": "list",
                            "model": body["model"],
                            "data": [
                                {"object": "embedding", "index": i, "embedding": word_vector(t, stand_in.dimension)}
                                for i, t in enumerate(texts)
                            ],
                            "usage": {"prompt_tokens": 1, "total_tokens": 1},
                        },
                    )
                    return
                reply = stand_in.replies.popleft() if stand_in.replies else Reply(content='{"text": ""}')
                if reply.hang_seconds:
                    stand_in._stop.wait(reply.hang_seconds)
                if reply.status != 200:
                    self._send(reply.status, {"error": {"message": "stand-in error", "type": "error"}}, reply.headers)
                    return
                self._send(
                    200,
                    {
                        "id": "chatcmpl-standin",
                        "object": "chat.completion",
                        "created": int(time.time()),
                        "model": body.get("model", "m"),
                        "choices": [
                            {
                                "index": 0,
                                "finish_reason": reply.finish_reason,
                                "logprobs": None,
                                "message": {"role": "assistant", "content": reply.content, "refusal": reply.refusal},
                            }
                        ],
                        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
                    },
                )

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def answer(self, *replies: Reply) -> None:
        self.replies.extend(replies)

    def answer_json(self, value: Any) -> None:
        self.answer(Reply(content=json.dumps(value)))

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)
