"""A small stand-in for Pinecone's data-plane HTTP API (the calls `PineconeIndex` makes), for tests of the
adapter through the real `pinecone` SDK. Pinecone has no local server; this keeps vectors in memory and answers
in the API's JSON shapes: upsert, query with metadata filters ($eq, $and), fetch, delete by ids, filter or all,
and delete namespace. Every request must carry the `Api-Key` header."""

from __future__ import annotations

import json
import math
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qs, urlparse


def _matches(metadata: dict[str, Any], where: dict[str, Any] | None) -> bool:
    if not where:
        return True
    for key, condition in where.items():
        if key == "$and":
            if not all(_matches(metadata, part) for part in condition):
                return False
            continue
        expected = condition.get("$eq") if isinstance(condition, dict) else condition
        if metadata.get(key) != expected:
            return False
    return True


class PineconeStandIn:
    def __init__(self, api_key: str = "test-key") -> None:
        self.api_key = api_key
        self.namespaces: dict[str, dict[str, dict[str, Any]]] = {}
        self.requests: list[tuple[str, str]] = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: Any) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _authorised(self) -> bool:
                if self.headers.get("Api-Key") != stand_in.api_key:
                    self._send(401, {"code": 16, "message": "Invalid API key"})
                    return False
                return True

            def do_GET(self) -> None:
                stand_in.requests.append(("GET", self.path))
                if not self._authorised():
                    return
                url = urlparse(self.path)
                if url.path == "/vectors/fetch":
                    query = parse_qs(url.query)
                    space = stand_in.namespaces.get(query.get("namespace", [""])[0], {})
                    found = {i: space[i] for i in query.get("ids", []) if i in space}
                    self._send(
                        200, {"vectors": found, "namespace": query.get("namespace", [""])[0], "usage": {"readUnits": 1}}
                    )
                else:
                    self._send(404, {"message": "not found"})

            def do_DELETE(self) -> None:
                stand_in.requests.append(("DELETE", self.path))
                if not self._authorised():
                    return
                if self.path.startswith("/namespaces/"):
                    stand_in.namespaces.pop(self.path[len("/namespaces/") :], None)
                    self._send(202, {})
                else:
                    self._send(404, {"message": "not found"})

            def do_POST(self) -> None:
                stand_in.requests.append(("POST", self.path))
                if not self._authorised():
                    return
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                namespace = body.get("namespace", "")
                space = stand_in.namespaces.setdefault(namespace, {})
                if self.path == "/vectors/upsert":
                    for vector in body["vectors"]:
                        space[vector["id"]] = {
                            "id": vector["id"],
                            "values": vector["values"],
                            "metadata": vector.get("metadata") or {},
                        }
                    self._send(200, {"upsertedCount": len(body["vectors"])})
                elif self.path == "/query":
                    self._send(200, stand_in.query(space, body, namespace))
                elif self.path == "/vectors/delete":
                    if body.get("deleteAll"):
                        space.clear()
                    for vector_id in body.get("ids") or []:
                        space.pop(vector_id, None)
                    if body.get("filter"):
                        for vector_id in [i for i, v in space.items() if _matches(v["metadata"], body["filter"])]:
                            del space[vector_id]
                    self._send(200, {})
                else:
                    self._send(404, {"message": "not found"})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.host = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @staticmethod
    def query(space: dict[str, dict[str, Any]], body: dict[str, Any], namespace: str) -> dict[str, Any]:
        probe = body["vector"]
        norm = math.sqrt(sum(x * x for x in probe)) or 1.0
        scored = []
        for vector in space.values():
            if not _matches(vector["metadata"], body.get("filter")):
                continue
            values = vector["values"]
            length = math.sqrt(sum(x * x for x in values)) or 1.0
            score = sum(a * b for a, b in zip(probe, values)) / (norm * length)
            scored.append((score, vector))
        scored.sort(key=lambda pair: (-pair[0], pair[1]["id"]))
        matches = [
            {"id": v["id"], "score": s, **({"metadata": v["metadata"]} if body.get("includeMetadata") else {})}
            for s, v in scored[: body["topK"]]
        ]
        return {"matches": matches, "namespace": namespace, "usage": {"readUnits": 5}}

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)
