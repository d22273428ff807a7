"""The embedded default's file endpoints, standing in for S3: signed downloads and single-use signed uploads."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from cvmaker.domain.errors import BadSignature, InvalidKey
from cvmaker.domain.rendering.download_names import content_disposition
from cvmaker.ports import SignedFileStore

# Anything a browser might run is served as a download of opaque bytes, never rendered.
_SERVED_TYPES = {
    "application/pdf",
    "image/png",
    "application/json",
    "text/plain; charset=utf-8",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def file_routes(blobs: SignedFileStore, max_upload_bytes: int) -> list[BaseRoute]:
    async def download(request: Request) -> Response:
        key = request.path_params["key"]
        query = request.query_params
        try:
            blobs.verify_download(key, query.get("expires", ""), query.get("name", ""), query.get("signature", ""))
        except (BadSignature, InvalidKey) as error:
            return _error(403, str(error))
        data = blobs.get(key)
        if data is None:
            # Rendered files expire (cvmaker/services/expiry.py); asking for the file again renders it again.
            return _error(404, "No such file: it was deleted or has expired; render it again for a new link.")
        content_type = blobs.content_type(key)
        if content_type not in _SERVED_TYPES:
            content_type = "application/octet-stream"
        inline = request.query_params.get("inline") == "1" and content_type in ("application/pdf", "image/png")
        return Response(
            data,
            media_type=content_type,
            headers={
                "content-disposition": content_disposition(query["name"], inline=inline),
                "x-content-type-options": "nosniff",
                "cache-control": "private, max-age=300",
            },
        )

    async def upload(request: Request) -> Response:
        if request.headers.get("content-type", "").split(";")[0].strip().lower() != "multipart/form-data":
            return _error(400, "Send the file as multipart/form-data, with the fields of the upload target.")
        try:
            async with request.form(max_files=1, max_fields=10, max_part_size=max_upload_bytes + 1) as form:
                file = form.get("file")
                fields = {k: v for k, v in form.items() if isinstance(v, str)}
                if file is None or isinstance(file, str):
                    return _error(400, "The form has no file field.")
                data = await file.read(max_upload_bytes + 1)
                content_type = file.content_type or ""
        except (HTTPException, MultiPartException) as error:
            # Starlette refuses a malformed form with a plain-text 400: ours says why in the usual shape.
            return _error(400, f"The form could not be read: {getattr(error, 'detail', None) or error}")
        try:
            blobs.accept_upload(fields, data, content_type)
        except (BadSignature, InvalidKey) as error:
            return _error(403, str(error))
        return Response(status_code=204)

    return [Route("/files/{key:path}", download, methods=["GET"]), Route("/uploads", upload, methods=["POST"])]
