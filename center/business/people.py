"""What the business rules read from a resident's ID number: birth date, sex, age, retirement."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from center.business.config import BusinessSettings

Sex = Literal["M", "F"]


@dataclass(frozen=True)
class Person:
    """A resident as far as the rules care.

    Attributes:
        birth_date: from digits 7-14 of the ID number.
        sex: from digit 17 (odd: man, even: woman).
    """

    birth_date: date
    sex: Sex

    @classmethod
    def from_id_number(cls, id_number: str) -> Person:
        """Read an 18-digit resident ID number.

        Raises:
            ValueError: the number does not hold a valid birth date or sex digit.
        """
        if len(id_number) != 18 or not id_number[:17].isdigit():
            raise ValueError("not an 18-digit ID number")
        born = date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
        sex: Sex = "M" if int(id_number[16]) % 2 == 1 else "F"
        return cls(born, sex)

    def age_on(self, day: date) -> int:
        """Age in whole years on ``day``."""
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years

    def retirement_age(self, settings: BusinessSettings) -> int:
        """The statutory retirement age that applies to this person."""
        return settings.retirement_age_male if self.sex == "M" else settings.retirement_age_female

    def retirement_date(self, settings: BusinessSettings) -> date:
        """The day this person reaches the retirement age (28 Feb for a 29 Feb birthday)."""
        year = self.birth_date.year + self.retirement_age(settings)
        try:
            return self.birth_date.replace(year=year)
        except ValueError:
            return date(year, 2, 28)

    def remaining_working_years(self, settings: BusinessSettings, today: date) -> int:
        """Whole years from ``today`` until the retirement date (never below zero)."""
        retire = self.retirement_date(settings)
        years = retire.year - today.year
        if (retire.month, retire.day) < (today.month, today.day):
            years -= 1
        return max(0, years)


def months_between(first: str, last: str) -> int:
    """Months from ``first`` to ``last`` inclusive, both ``YYYY-MM`` (0 when last < first)."""
    y1, m1 = int(first[:4]), int(first[5:7])
    y2, m2 = int(last[:4]), int(last[5:7])
    return max(0, (y2 - y1) * 12 + (m2 - m1) + 1)


def month_of(day: date) -> str:
    """``YYYY-MM`` of a date."""
    return f"{day.year:04d}-{day.month:02d}"


def add_months(month: str, count: int) -> str:
    """``YYYY-MM`` plus ``count`` months (count may be negative)."""
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"
