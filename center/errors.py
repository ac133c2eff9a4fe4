"""Error bodies: ``{"error": {"code", "message", "field", "retry_after"}}``, never a stack trace.

:class:`ApiError` is what services raise. The handlers installed by :func:`install_handlers` turn
it, invalid input (422 per field), unknown routes and real bugs (a Chinese 500) into that body.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)

HOTLINE = "12329"

FIELD_LABELS: dict[str, str] = {
    "center_id": "所属中心",
    "id_number": "身份证号",
    "phone": "手机号码",
    "code": "短信验证码",
    "challenge_id": "短信验证码",
    "username": "用户名",
    "password": "密码",
    "new_password": "新密码",
    "email": "电子邮箱",
    "captcha_id": "图片验证码",
    "captcha_answer": "图片验证码",
    "agreement_version": "注册协议",
    "registration_token": "身份验证结果",
    "reset_token": "身份验证结果",
}

INTERNAL_ERROR_MESSAGE = (
    f"系统暂时无法处理您的请求，请稍后重试；如急需办理，请到柜台或拨打{HOTLINE}热线。"
)
MALFORMED_MESSAGE = f"提交的内容无法识别，请返回上一步重新提交；如仍不成功，请拨打{HOTLINE}热线。"
NOT_FOUND_MESSAGE = f"您要办理的功能不存在，请返回首页重试；如有疑问请拨打{HOTLINE}热线。"
NOT_ALLOWED_MESSAGE = f"暂不支持该操作，请返回首页重试；如有疑问请拨打{HOTLINE}热线。"


class ApiError(Exception):
    """An error answer for the resident.

    Args:
        status: the HTTP status.
        code: a machine code, e.g. ``otp_invalid``.
        message: one Chinese sentence saying what happened and what to do next.
        field: the request field at fault, if any.
        retry_after: seconds to wait before retrying, if any (also sent as ``Retry-After``).
        extra: additional members of the error object, e.g. ``attempts_left``.
    """

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        field: str | None = None,
        retry_after: float | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}")
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.retry_after = None if retry_after is None else max(1, math.ceil(retry_after))
        self.extra = dict(extra or {})

    def body(self) -> dict[str, Any]:
        """Return the JSON body of this error."""
        error: dict[str, Any] = {
            "code": self.code,
            "message": self.message,
            "field": self.field,
            "retry_after": self.retry_after,
        }
        error.update(self.extra)
        return {"error": error}

    def response(self) -> JSONResponse:
        """Return the HTTP response of this error."""
        headers = {"Retry-After": str(self.retry_after)} if self.retry_after is not None else None
        return JSONResponse(self.body(), status_code=self.status, headers=headers)


def invalid_field(field: str, message: str, code: str = "invalid_field") -> ApiError:
    """A 422 error for one request field."""
    return ApiError(422, code, message, field=field)


def _field_of(loc: tuple[Any, ...]) -> str | None:
    """The name of the request field an input error is about (None for the whole body)."""
    names = [part for part in loc[1:] if isinstance(part, str)] if loc else []
    return names[0] if names else None


def _validation_error(errors: list[Any]) -> ApiError:
    """Turn pydantic's input errors into one Chinese sentence about the first bad field."""
    first: dict[str, Any] = errors[0] if errors else {}
    kind = str(first.get("type", ""))
    loc = tuple(first.get("loc", ()))
    field = _field_of(loc)
    if kind == "json_invalid" or field is None:
        return ApiError(422, "malformed_request", MALFORMED_MESSAGE)
    label = FIELD_LABELS.get(field, "填写的内容")
    if kind == "missing":
        return invalid_field(field, f"请填写{label}后再提交。", "missing_field")
    if kind == "string_too_long":
        return invalid_field(field, f"{label}过长，请检查后重新输入。", "too_long")
    if kind == "string_too_short":
        return invalid_field(field, f"请填写{label}后再提交。", "missing_field")
    return invalid_field(field, f"{label}格式不正确，请检查后重新输入。")


async def _api_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return exc.response()


async def _validation_handler(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return _validation_error(list(exc.errors())).response()


async def _http_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 404:
        error = ApiError(404, "not_found", NOT_FOUND_MESSAGE)
    elif exc.status_code == 405:
        error = ApiError(405, "method_not_allowed", NOT_ALLOWED_MESSAGE)
    elif exc.status_code < 500:
        error = ApiError(exc.status_code, "bad_request", MALFORMED_MESSAGE)
    else:
        error = ApiError(exc.status_code, "internal_error", INTERNAL_ERROR_MESSAGE)
    response = error.response()
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _unexpected_handler(request: Request, exc: Exception) -> JSONResponse:
    log.error(
        "unexpected %s on %s %s",
        type(exc).__name__,
        request.method,
        request.url.path,
        exc_info=exc,
    )
    return ApiError(500, "internal_error", INTERNAL_ERROR_MESSAGE).response()


def install_handlers(app: FastAPI) -> None:
    """Install every error handler on ``app``."""
    app.add_exception_handler(ApiError, _api_error_handler)
    app.add_exception_handler(RequestValidationError, _validation_handler)
    app.add_exception_handler(StarletteHTTPException, _http_error_handler)
    app.add_exception_handler(Exception, _unexpected_handler)
