"""The self-service kiosk of a housing provident fund center (住房公积金自助终端)."""

__version__ = "0.1.0"
