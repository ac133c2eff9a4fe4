"""Reusable Qt widgets of the kiosk, one per module. Never imports ``kiosk.screens``."""
