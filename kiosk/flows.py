"""Screen flows as data (after Electrum's wizard): which screen follows which, with a back stack.

Qt-free. The shell attaches one widget to each screen id and asks a :class:`FlowRun` where to go.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

FlowData = dict[str, Any]
Next = str | Callable[[Mapping[str, Any]], str | None] | None


@dataclass(frozen=True)
class Step:
    """One screen of a flow.

    Attributes:
        screen: the screen id the shell shows.
        next: the following screen id, a function of the collected data, or None at the end.
        stage: index into :attr:`Flow.stages` that the step header highlights.
        back: whether 返回 goes to the previous step (False: it leaves the flow).
    """

    screen: str
    next: Next
    stage: int = 0
    back: bool = True


@dataclass(frozen=True)
class Flow:
    """A named route through screens.

    Attributes:
        name: machine name (``registration``, ``recovery``, ...).
        title: the page title the header shows (用户注册, 密码找回, ...).
        stages: labels of the step indicator; empty for flows without one.
        steps: the steps by screen id.
        start: the first screen id.
        defaults: values put into the flow data when a run starts.
    """

    name: str
    title: str
    stages: tuple[str, ...]
    steps: Mapping[str, Step]
    start: str
    defaults: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.start not in self.steps:
            raise ValueError(f"flow {self.name}: unknown start {self.start}")
        for step in self.steps.values():
            if isinstance(step.next, str) and step.next not in self.steps:
                raise ValueError(f"flow {self.name}: {step.screen} -> unknown {step.next}")


class FlowRun:
    """One resident's way through a flow: the collected data and the back stack."""

    def __init__(self, flow: Flow, initial: Mapping[str, Any] | None = None) -> None:
        self.flow = flow
        self.data: FlowData = {**flow.defaults, **(initial or {})}
        self._stack: list[str] = [flow.start]

    @property
    def current(self) -> str:
        return self._stack[-1]

    @property
    def step(self) -> Step:
        return self.flow.steps[self.current]

    @property
    def stage(self) -> int:
        return self.step.stage

    @property
    def history(self) -> tuple[str, ...]:
        return tuple(self._stack)

    @property
    def at_end(self) -> bool:
        return self.next_screen() is None

    def next_screen(self) -> str | None:
        nxt = self.step.next
        if callable(nxt):
            nxt = nxt(self.data)
        if nxt is not None and nxt not in self.flow.steps:
            raise KeyError(f"flow {self.flow.name}: {self.current} -> unknown {nxt}")
        return nxt

    def advance(self) -> str | None:
        """Move to the next screen; returns its id, or None when the flow is done."""
        nxt = self.next_screen()
        if nxt is not None:
            self._stack.append(nxt)
        return nxt

    def can_go_back(self) -> bool:
        return len(self._stack) > 1 and self.step.back

    def back(self) -> str | None:
        """Step back one screen; None when there is nowhere to go back to (leave the flow)."""
        if not self.can_go_back():
            return None
        self._stack.pop()
        return self.current


def _linear(*screens: str, stages: Mapping[str, int], no_back: frozenset[str]) -> dict[str, Step]:
    steps: dict[str, Step] = {}
    for index, screen in enumerate(screens):
        nxt = screens[index + 1] if index + 1 < len(screens) else None
        steps[screen] = Step(screen, nxt, stages.get(screen, 0), screen not in no_back)
    return steps


#: 用户注册: 第一步 身份验证 (center, identity, code) → 第二步 填写注册信息 → 注册成功.
REGISTRATION = Flow(
    name="registration",
    title="用户注册",
    stages=("第一步 身份验证", "第二步 填写注册信息", "注册成功"),
    steps=_linear(
        "center",
        "identity",
        "code",
        "credentials",
        "success",
        stages={"credentials": 1, "success": 2},
        # After the code is verified the token is single use: going back means starting over.
        no_back=frozenset({"credentials", "success"}),
    ),
    start="center",
    defaults={"purpose": "registrations"},
)

#: 密码找回: 第一步 身份验证 → 第二步 修改密码 → 修改完成.
RECOVERY = Flow(
    name="recovery",
    title="密码找回",
    stages=("第一步 身份验证", "第二步 修改密码", "修改完成"),
    steps=_linear(
        "center",
        "identity",
        "code",
        "new_password",
        "reset_done",
        stages={"new_password": 1, "reset_done": 2},
        no_back=frozenset({"new_password", "reset_done"}),
    ),
    start="center",
    defaults={"purpose": "password-resets"},
)

#: 用户登录: 所属中心 → 用户名/密码 → 网厅首页.
LOGIN = Flow(
    name="login",
    title="用户登录",
    stages=(),
    steps=_linear("center", "login", stages={}, no_back=frozenset()),
    start="center",
)

FLOWS: dict[str, Flow] = {flow.name: flow for flow in (REGISTRATION, RECOVERY, LOGIN)}
