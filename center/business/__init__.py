"""The center's business side: accounts, the ledger, withdrawals (我要提取) and loans (我要贷款).

Money is kept as **integer fen (分)** everywhere inside the center (``*_fen`` columns and
variables, signed where a movement can go either way) and travels on the wire as decimal strings
of yuan with two places (``"1234.56"``); :mod:`center.business.money` converts between the two.
"""
