"""Errors the kiosk shows to a resident: always one Chinese sentence that says what to do next."""

from __future__ import annotations

HOTLINE = "12329"


class KioskError(Exception):
    """Base of every error a screen may show.

    Attributes:
        code: a machine code (the center's error code, or one of the kiosk's own).
        message: one Chinese sentence for the resident, with what to do next.
        field: the form field the error belongs to, if any.
        retry_after: seconds to wait before trying again, if the center said so.
        status: the HTTP status, 0 when no answer came.
    """

    def __init__(
        self,
        code: str,
        message: str,
        *,
        field: str | None = None,
        retry_after: int | None = None,
        status: int = 0,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.retry_after = retry_after
        self.status = status

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, status={self.status})"


class CenterError(KioskError):
    """The center answered with an error body (4xx/5xx)."""


class NetworkError(KioskError):
    """No usable answer: the center is down, too slow, or sent something unreadable."""


class OutcomeUnknown(NetworkError):
    """A money request was sent but its answer was lost: the outcome must be asked, not guessed."""


CENTER_UNREACHABLE = (
    f"暂时无法连接公积金中心，请稍后再试；如急需办理，请到柜台或拨打{HOTLINE}热线。"
)
CENTER_TIMEOUT = f"公积金中心响应超时，您填写的内容已保留，请稍后重试或拨打{HOTLINE}热线。"
CENTER_GARBLED = f"公积金中心返回了无法识别的结果，请稍后重试或拨打{HOTLINE}热线。"
CENTER_BUSY = f"公积金中心暂时无法处理，请稍后重试；如急需办理，请到柜台或拨打{HOTLINE}热线。"
REQUEST_REFUSED = f"请求未能办理，请检查填写内容后重试，或拨打{HOTLINE}热线咨询。"
UNEXPECTED = f"系统暂时出现问题，您填写的内容已保留，请稍后重试；如仍不成功，请拨打{HOTLINE}热线。"
NO_PRINTER = f"打印机暂时不可用，请到柜台打印，或拨打{HOTLINE}热线；本次业务已办理，不受影响。"
OUTCOME_UNKNOWN = (
    "申请已发出，但未收到办理结果。请勿重复提交，系统正在查询结果；"
    f"如长时间无结果，请到柜台或拨打{HOTLINE}热线查询。"
)
