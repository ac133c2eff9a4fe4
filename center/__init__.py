"""Reference central service of the housing provident fund (住房公积金) kiosk.

A FastAPI + SQLAlchemy application implementing the documented kiosk API (``API.md``) with the
business rules of the Ningxia online hall: registration (用户注册), password recovery (密码找回),
sign-in (登录) and public reference data.
"""

__version__ = "0.1.0"
