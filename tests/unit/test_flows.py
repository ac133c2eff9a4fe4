"""Screen flows as data: every route through registration, recovery and sign-in, without Qt."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from kiosk.flows import FLOWS, LOGIN, RECOVERY, REGISTRATION, Flow, FlowRun, Step


def walk(run: FlowRun) -> list[str]:
    screens = [run.current]
    while (nxt := run.advance()) is not None:
        screens.append(nxt)
    return screens


@pytest.mark.parametrize(
    ("flow", "route"),
    [
        (REGISTRATION, ["center", "identity", "code", "credentials", "success"]),
        (RECOVERY, ["center", "identity", "code", "new_password", "reset_done"]),
        (LOGIN, ["center", "login"]),
    ],
)
def test_advance_to_the_end(flow: Flow, route: list[str]) -> None:
    run = FlowRun(flow)
    assert walk(run) == route
    assert run.at_end
    assert run.history == tuple(route)
    assert run.advance() is None  # stays at the end


def test_flows_registry() -> None:
    assert set(FLOWS) == {"registration", "recovery", "login"}
    assert FLOWS["registration"] is REGISTRATION


def test_stages_follow_the_manual() -> None:
    run = FlowRun(REGISTRATION)
    stages = [run.stage]
    while run.advance():
        stages.append(run.stage)
    assert stages == [0, 0, 0, 1, 2]
    assert REGISTRATION.stages == ("第一步 身份验证", "第二步 填写注册信息", "注册成功")
    assert RECOVERY.stages == ("第一步 身份验证", "第二步 修改密码", "修改完成")
    assert REGISTRATION.title == "用户注册" and RECOVERY.title == "密码找回"


def test_defaults_and_initial_data() -> None:
    assert FlowRun(REGISTRATION).data["purpose"] == "registrations"
    assert FlowRun(RECOVERY).data["purpose"] == "password-resets"
    run = FlowRun(REGISTRATION, {"center_id": "yinchuan", "purpose": "x"})
    assert run.data == {"purpose": "x", "center_id": "yinchuan"}
    assert REGISTRATION.defaults["purpose"] == "registrations"  # not changed by a run


@pytest.mark.parametrize("flow", [REGISTRATION, RECOVERY])
def test_back_during_identity_verification(flow: Flow) -> None:
    run = FlowRun(flow)
    assert not run.can_go_back()
    assert run.back() is None  # at the start: 返回 leaves the flow
    run.advance()
    run.advance()
    assert run.current == "code"
    assert run.back() == "identity"
    assert run.back() == "center"
    assert run.back() is None
    assert run.current == "center"


@pytest.mark.parametrize(
    ("flow", "no_back"),
    [
        (REGISTRATION, ["credentials", "success"]),
        (RECOVERY, ["new_password", "reset_done"]),
    ],
)
def test_no_back_after_the_code_is_verified(flow: Flow, no_back: list[str]) -> None:
    run = FlowRun(flow)
    for screen in walk(FlowRun(flow))[1:]:
        run.advance()
        if screen in no_back:
            assert not run.can_go_back()
            assert run.back() is None
            assert run.current == screen
        else:
            assert run.can_go_back()


def test_login_back() -> None:
    run = FlowRun(LOGIN)
    run.advance()
    assert run.back() == "center"


def test_unknown_targets_are_rejected_at_construction() -> None:
    with pytest.raises(ValueError, match="unknown nowhere"):
        Flow("bad", "坏", (), {"a": Step("a", "nowhere")}, "a")
    with pytest.raises(ValueError, match="unknown start"):
        Flow("bad", "坏", (), {"a": Step("a", None)}, "b")


def _branching() -> Flow:
    def after_identity(data: Mapping[str, Any]) -> str | None:
        if data.get("registered"):
            return "already"
        if data.get("skip"):
            return None
        return "code"

    return Flow(
        "branching",
        "分支",
        ("一", "二"),
        {
            "identity": Step("identity", after_identity),
            "code": Step("code", "done", stage=1),
            "already": Step("already", None, stage=1, back=False),
            "done": Step("done", None, stage=1),
        },
        "identity",
    )


def test_callable_next() -> None:
    flow = _branching()
    assert walk(FlowRun(flow)) == ["identity", "code", "done"]
    run = FlowRun(flow, {"registered": True})
    assert walk(run) == ["identity", "already"]
    assert not run.can_go_back()
    skipped = FlowRun(flow, {"skip": True})
    assert skipped.at_end and skipped.advance() is None
    run = FlowRun(flow)
    run.data["registered"] = True  # decided from data collected on the way
    assert run.next_screen() == "already"


def test_callable_next_to_an_unknown_screen_fails_loudly() -> None:
    flow = Flow("bad", "坏", (), {"a": Step("a", lambda _data: "nowhere")}, "a")
    run = FlowRun(flow)
    with pytest.raises(KeyError, match="nowhere"):
        run.advance()
    assert run.current == "a"
