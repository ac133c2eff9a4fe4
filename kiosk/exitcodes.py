"""Process exit codes of the kiosk, mapped by Windows Shell Launcher (see docs/deployment.md).

Qt-free, so ``__main__`` and the installer documentation share one table.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What the kiosk process tells Shell Launcher when it ends."""

    #: Normal end (should not happen on a kiosk): Shell Launcher restarts the kiosk.
    OK = 0
    #: Generic failure (an unexpected error): Shell Launcher restarts the kiosk.
    FAILURE = 1
    #: The configuration file is missing or wrong: Shell Launcher restarts the kiosk, which shows
    #: the message again (IT fixes the file remotely); set it to "do nothing" to keep the message.
    CONFIG_ERROR = 2
    #: Staff chose 重启: Shell Launcher restarts the kiosk.
    RESTART = 3
    #: Staff chose 退出到维护模式: Shell Launcher does nothing, the machine stays at a blank
    #: desktop for the technician.
    MAINTENANCE = 4


OK = ExitCode.OK
FAILURE = ExitCode.FAILURE
CONFIG_ERROR = ExitCode.CONFIG_ERROR
RESTART = ExitCode.RESTART
MAINTENANCE = ExitCode.MAINTENANCE
